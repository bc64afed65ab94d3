"""URLs of the staff screens for cases."""

from django.urls import path

from cases.views import documents, kamer, letters, overview, points, requests

app_name = "cases"

urlpatterns = [
    path("", requests.request_list, name="request_list"),
    path("overzicht/", overview.overview, name="overview"),
    path("rapportage/", overview.report, name="report"),
    path("kamervragen/te-laat/", kamer.kamer_overview, name="kamer_overview"),
    path(
        "verzoeken/<int:pk>/vragen/<int:number>/toewijzen/",
        kamer.question_assign_view,
        name="question_assign",
    ),
    path(
        "verzoeken/<int:pk>/antwoorden/<int:answer_id>/goedkeuren/",
        kamer.answer_approve_view,
        name="answer_approve",
    ),
    path(
        "verzoeken/<int:pk>/antwoordenset/goedkeuren/",
        kamer.kamer_set_approve_view,
        name="kamer_set_approve",
    ),
    path("verzoeken/<int:pk>/publicatie/", overview.publication_download, name="publication"),
    path(
        "verzoeken/<int:pk>/documenten/<int:doc_id>/publicatie-intrekken/",
        overview.publication_withdraw,
        name="publication_withdraw",
    ),
    path("verzoeken/nieuw/", requests.request_register_view, name="request_register"),
    path("verzoeken/<int:pk>/", requests.request_detail, name="request_detail"),
    path("verzoeken/<int:pk>/stap/", requests.event_create, name="event_create"),
    path(
        "verzoeken/<int:pk>/stap/<int:event_id>/vervallen/",
        requests.event_void_view,
        name="event_void",
    ),
    path(
        "verzoeken/<int:pk>/stap/<int:event_id>/bijlage/<int:index>/",
        requests.reply_attachment,
        name="reply_attachment",
    ),
    path("verzoeken/<int:pk>/toewijzen/", requests.request_assign_view, name="request_assign"),
    path("verzoeken/<int:pk>/statuslink/", requests.portal_link, name="portal_link"),
    path("verzoeken/<int:pk>/punten/herkennen/", points.points_reparse, name="points_reparse"),
    path("verzoeken/<int:pk>/punten/nieuw/", points.point_create, name="point_create"),
    path("verzoeken/<int:pk>/punten/<int:number>/", points.point_edit, name="point_edit"),
    path("verzoeken/<int:pk>/antwoorden/nieuw/", points.answer_save, name="answer_create"),
    path("verzoeken/<int:pk>/antwoorden/<int:answer_id>/", points.answer_save, name="answer_edit"),
    path("verzoeken/<int:pk>/documenten/nieuw/", documents.document_add, name="document_add"),
    path(
        "verzoeken/<int:pk>/documenten/<int:doc_id>/gegevens/",
        documents.document_edit,
        name="document_edit",
    ),
    path(
        "verzoeken/<int:pk>/documenten/gegevens/",
        documents.documents_metadata_bulk,
        name="documents_metadata_bulk",
    ),
    path(
        "verzoeken/<int:pk>/documenten/beoordelen/",
        documents.documents_judge,
        name="documents_judge",
    ),
    path(
        "verzoeken/<int:pk>/motivering/<str:code>/",
        documents.motivation_save,
        name="motivation_save",
    ),
    path("verzoeken/<int:pk>/brieven/nieuw/", letters.letter_generate, name="letter_generate"),
    path(
        "verzoeken/<int:pk>/brieven/<int:letter_id>/",
        letters.letter_download,
        name="letter_download",
    ),
    path(
        "verzoeken/<int:pk>/brieven/<int:letter_id>/verzonden/",
        letters.letter_sent,
        name="letter_sent",
    ),
    path(
        "verzoeken/<int:pk>/brieven/<int:letter_id>/goedkeuring/",
        letters.letter_approval,
        name="letter_approval",
    ),
    path("verzoeken/<int:pk>/derden/nieuw/", letters.third_party_save, name="third_party_create"),
    path(
        "verzoeken/<int:pk>/derden/<int:third_party_id>/",
        letters.third_party_save,
        name="third_party_edit",
    ),
]
