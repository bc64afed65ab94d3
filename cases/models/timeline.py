"""The timeline: one append-only row per step (the audit trail and the source of status/deadline)."""

from django.conf import settings
from django.db import models

from cases.lifecycle import EVENT_TYPES

SUSPENSION_REASONS = [
    ("zienswijze", "zienswijze derde (art. 4:8 Awb)"),
    ("awb_4_15", "art. 4:15 Awb"),
    ("precisering", "precisering"),
    ("overig", "overig"),
]


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

    class Meta:
        verbose_name = "stap"
        verbose_name_plural = "tijdlijn"
        ordering = ["on", "id"]

    def __str__(self) -> str:
        return f"{self.on} {self.type_label}"

    @property
    def type_label(self) -> str:
        return EVENT_TYPES[self.type].label if self.type in EVENT_TYPES else self.type
