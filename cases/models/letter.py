"""Rendered letters: every render is a new version; sending freezes it and records the event."""

from django.conf import settings
from django.db import models

LETTER_KINDS = [
    ("ontvangstbevestiging", "Ontvangstbevestiging"),
    ("verdagingsbrief", "Verdagingsbrief"),
    ("besluit", "Besluit"),
    ("inventarislijst", "Inventarislijst"),
]
FORMATS = [("docx", "Word"), ("csv", "CSV"), ("xlsx", "Excel"), ("pdf", "PDF")]


class Letter(models.Model):
    request = models.ForeignKey("cases.Request", on_delete=models.CASCADE, related_name="letters")
    kind = models.CharField("soort", max_length=30, choices=LETTER_KINDS)
    format = models.CharField(max_length=5, choices=FORMATS, default="docx")
    version = models.PositiveIntegerField("versie")
    letter_date = models.DateField("briefdatum")
    file = models.ForeignKey("cases.StoredFile", on_delete=models.PROTECT, related_name="letters")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)
    sent_on = models.DateField("verzonden op", null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="letters_sent",
    )
    problems = models.JSONField(default=list, blank=True)  # consistency problems at render time

    class Meta:
        verbose_name = "brief"
        verbose_name_plural = "brieven"
        ordering = ["request", "kind", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["request", "kind", "format", "version"], name="unique_letter_version"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} v{self.version}"

    @property
    def is_sent(self) -> bool:
        return self.sent_on is not None

    @property
    def filename(self) -> str:
        return f"{self.request.reference}-{self.kind}-v{self.version}.{self.format}"
