"""Redaction suggestions and decisions per document page: detectors suggest, people decide."""

from django.conf import settings
from django.db import models

DECISIONS = [("open", "open"), ("accepted", "geaccepteerd"), ("rejected", "afgewezen")]


class Redaction(models.Model):
    document = models.ForeignKey(
        "cases.Document", on_delete=models.CASCADE, related_name="redactions"
    )
    page = models.PositiveIntegerField()  # 0-based
    start = models.IntegerField(default=-1)  # offsets into the page text; -1 for drawn boxes
    end = models.IntegerField(default=-1)
    text = models.TextField(blank=True)
    category = models.CharField(max_length=30)
    ground = models.CharField("grond", max_length=20)
    boxes = models.JSONField(default=list)  # [[x0, y0, x1, y1], ...] in PDF points
    detector = models.CharField(max_length=60, blank=True)
    detector_version = models.CharField(max_length=20, blank=True)
    reason = models.CharField(max_length=300, blank=True)
    score = models.FloatField(default=1.0)
    manual = models.BooleanField(default=False)
    decision = models.CharField(max_length=10, choices=DECISIONS, default="open")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "lakvoorstel"
        verbose_name_plural = "lakvoorstellen"
        ordering = ["document", "page", "start", "id"]
        indexes = [models.Index(fields=["document", "decision"])]

    def __str__(self) -> str:
        return f"p{self.page + 1} {self.category} {self.ground} ({self.decision})"
