"""URLs of the redaction screens (upload, review, apply)."""

app_name = "redaction"

urlpatterns: list = []
