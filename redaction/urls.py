"""URLs of the redaction screens (upload, review, decisions, apply)."""

from django.urls import path

from redaction import views

app_name = "redaction"

urlpatterns = [
    path("verzoeken/<int:pk>/upload/", views.upload, name="upload"),
    path("verzoeken/<int:pk>/documenten/", views.document_rows, name="document_rows"),
    path("verzoeken/<int:pk>/alle-voorkomens/", views.decide_all, name="decide_all"),
    path("verzoeken/<int:pk>/documenten/<int:doc_id>/", views.review, name="review"),
    path(
        "verzoeken/<int:pk>/documenten/<int:doc_id>/pagina/<int:page>.png",
        views.page_image,
        name="page_image",
    ),
    path(
        "verzoeken/<int:pk>/documenten/<int:doc_id>/gelakt/<int:page>.png",
        views.redacted_page_image,
        name="redacted_page_image",
    ),
    path("verzoeken/<int:pk>/documenten/<int:doc_id>/beslis/", views.decide, name="decide"),
    path(
        "verzoeken/<int:pk>/documenten/<int:doc_id>/beslis-meer/",
        views.decide_many,
        name="decide_many",
    ),
    path("verzoeken/<int:pk>/documenten/<int:doc_id>/teken/", views.draw, name="draw"),
    path("verzoeken/<int:pk>/documenten/<int:doc_id>/lakken/", views.apply, name="apply"),
    path("verzoeken/<int:pk>/documenten/<int:doc_id>/status/", views.status, name="status"),
    path("verzoeken/<int:pk>/documenten/<int:doc_id>/opnieuw/", views.retry, name="retry"),
    path("verzoeken/<int:pk>/documenten/<int:doc_id>/download/", views.download, name="download"),
    path(
        "verzoeken/<int:pk>/documenten/<int:doc_id>/gronden/",
        views.adopt_grounds,
        name="adopt_grounds",
    ),
    path(
        "verzoeken/<int:pk>/documenten/<int:doc_id>/lakverantwoording.csv",
        views.redaction_log_csv,
        name="redaction_log",
    ),
    path("verzoeken/<int:pk>/lakinstellingen/", views.redaction_terms, name="redaction_terms"),
]
