"""The timeline: one append-only row per step (the audit trail and the source of status/deadline).

A step is never edited or deleted. A mistaken step (a second "Verdaagd" entered by accident) is
voided with a reason: it stays visible as voided in the timeline and the audit, and the case clock
ignores it. The model refuses every other change (save() of an existing row, delete(), and the
queryset's update() and delete()).
"""

from django.conf import settings
from django.db import models

from cases.lifecycle import EVENT_TYPES

SUSPENSION_REASONS = [
    ("zienswijze", "zienswijze derde (art. 4:8 Awb)"),
    ("awb_4_15", "art. 4:15 Awb"),
    ("precisering", "precisering"),
    ("overig", "overig"),
]

# The only fields a saved step may still change: voiding it (and so ending its legal effect).
VOID_FIELDS = frozenset(
    {"voided_at", "voided_by", "voided_by_id", "void_reason", "has_legal_effect"}
)


class EventImmutable(Exception):
    """A step on the timeline cannot be edited or deleted; void it with a reason instead."""


IMMUTABLE_MESSAGE = (
    "Een stap op de tijdlijn wordt nooit gewijzigd of verwijderd; verklaar een vergissing "
    "vervallen met een reden."
)


class EventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        if not set(kwargs) <= VOID_FIELDS:
            raise EventImmutable(IMMUTABLE_MESSAGE)
        return super().update(**kwargs)

    def delete(self):
        raise EventImmutable(IMMUTABLE_MESSAGE)


class Event(models.Model):
    request = models.ForeignKey("cases.Request", on_delete=models.CASCADE, related_name="events")
    type = models.CharField(
        "stap", max_length=40, choices=[(c, e.label) for c, e in EVENT_TYPES.items()]
    )
    on = models.DateField("datum")
    until = models.DateField("t/m", null=True, blank=True)
    suspension_reason = models.CharField(
        "reden opschorting", max_length=20, choices=SUSPENSION_REASONS, blank=True
    )
    note = models.TextField("toelichting", blank=True)
    warning = models.TextField("waarschuwing", blank=True)
    has_legal_effect = models.BooleanField(default=True)
    status_before = models.CharField(max_length=30, blank=True)
    status_after = models.CharField(max_length=30, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    actor_label = models.CharField(max_length=200, blank=True)  # "verzoeker (portaal)", "import"
    created_at = models.DateTimeField(auto_now_add=True)
    voided_at = models.DateTimeField("vervallen verklaard op", null=True, blank=True)
    voided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="vervallen verklaard door",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    void_reason = models.TextField("reden vervallen", blank=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = "stap"
        verbose_name_plural = "tijdlijn"
        ordering = ["on", "id"]

    def __str__(self) -> str:
        return f"{self.on} {self.type_label}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            update_fields = kwargs.get("update_fields")
            if update_fields is None or not set(update_fields) <= VOID_FIELDS:
                raise EventImmutable(IMMUTABLE_MESSAGE)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise EventImmutable(IMMUTABLE_MESSAGE)

    @property
    def type_label(self) -> str:
        return EVENT_TYPES[self.type].label if self.type in EVENT_TYPES else self.type

    @property
    def is_voided(self) -> bool:
        return self.voided_at is not None
