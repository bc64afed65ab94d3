"""Sent deadline reminders: one row per recipient, day and kind, so a rerun sends nothing twice."""

from django.conf import settings
from django.db import models


class Reminder(models.Model):
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    on = models.DateField()
    kind = models.CharField(max_length=30)  # "adviser_digest" | "escalation"
    cases = models.JSONField(default=list)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "herinnering"
        verbose_name_plural = "herinneringen"
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "on", "kind"], name="one_reminder_per_day"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.on} {self.kind} → {self.recipient}"
