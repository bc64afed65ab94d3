"""Audit records for decisions that are not timeline steps (judgements, redaction decisions, grants).

An audit record is written once and never changed or removed: the model, its queryset and (on
PostgreSQL) a database trigger all refuse updates and deletes (issue 11 item 5).
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models

IMMUTABLE_MESSAGE = "Een auditregel kan niet worden gewijzigd of verwijderd."


class AuditRecordImmutable(PermissionDenied):
    """Raised on any attempt to change or remove an audit record."""

    def __init__(self, message: str = IMMUTABLE_MESSAGE):
        super().__init__(message)


class AuditQuerySet(models.QuerySet):
    """Create and read only: a raw .update()/.delete() would bypass the model's guards."""

    def update(self, **kwargs):
        raise AuditRecordImmutable()

    def delete(self):
        raise AuditRecordImmutable()

    def bulk_update(self, objs, fields, batch_size=None):
        raise AuditRecordImmutable()

    def update_or_create(self, *args, **kwargs):
        raise AuditRecordImmutable()

    update.queryset_only = True
    delete.queryset_only = True
    delete.alters_data = True
    update.alters_data = True


class AuditRecord(models.Model):
    request = models.ForeignKey(
        "cases.Request", null=True, blank=True, on_delete=models.PROTECT, related_name="audit"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT
    )
    action = models.CharField(max_length=80)
    object_type = models.CharField(max_length=80, blank=True)
    object_id = models.CharField(max_length=80, blank=True)
    data = models.JSONField(default=dict, blank=True)
    at = models.DateTimeField(auto_now_add=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        verbose_name = "auditregel"
        verbose_name_plural = "auditlog"
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action}"

    def save(self, *args, **kwargs):
        if not self._state.adding or kwargs.get("force_update") or kwargs.get("update_fields"):
            raise AuditRecordImmutable()
        kwargs["force_insert"] = True  # never an UPDATE, even with a pk set by hand
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AuditRecordImmutable()
