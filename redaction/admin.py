"""Django admin for redaction suggestions."""

from django.contrib import admin

from redaction.models import Redaction


@admin.register(Redaction)
class RedactionAdmin(admin.ModelAdmin):
    list_display = ("document", "page", "category", "ground", "decision", "detector")
    list_filter = ("decision", "category", "ground")
