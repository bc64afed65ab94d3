"""App config for detection and PDF redaction."""

from django.apps import AppConfig


class RedactionConfig(AppConfig):
    name = "redaction"
    verbose_name = "Lakken"
    default_auto_field = "django.db.models.BigAutoField"
