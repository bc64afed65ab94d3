"""Django admin for redaction suggestions: read-only (decisions go through redaction.services, so
they are audited and make an applied file stale)."""

from django.contrib import admin

from redaction.models import Redaction


@admin.register(Redaction)
class RedactionAdmin(admin.ModelAdmin):
    list_display = ("document", "page", "category", "ground", "decision", "detector")
    list_filter = ("decision", "category", "ground")

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in Redaction._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
