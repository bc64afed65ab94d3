"""URLs of the public requester portal (no login; the personal token is the key)."""

from django.urls import path

from cases.views import portal

app_name = "portal"

urlpatterns = [
    path("", portal.request_form, name="request_form"),
    path("privacy/", portal.privacy, name="privacy"),
    path("ontvangen/", portal.submitted, name="submitted"),
    path("status/<str:token>/", portal.status, name="status"),
    path("status/<str:token>/reageren/", portal.reply, name="reply"),
    path("status/<str:token>/intrekken/", portal.withdraw, name="withdraw"),
    path("status/<str:token>/brief/<int:letter_id>/", portal.letter_download, name="letter"),
    path("status/<str:token>/document/<int:doc_id>/", portal.document_download, name="document"),
    path("status/<str:token>/inventarislijst/", portal.inventory_download, name="inventory"),
]
