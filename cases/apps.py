"""App config for the legal core."""

from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = "Wob/Woo-verzoeken"
    default_auto_field = "django.db.models.BigAutoField"
