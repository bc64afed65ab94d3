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


JOB_STATES = [
    ("pending", "wacht op de wachtrij"),  # the outbox: committed, not yet handed to the broker
    ("queued", "in de wachtrij"),
    ("running", "bezig"),
    ("done", "klaar"),
    ("failed", "mislukt"),
]
JOB_KINDS = [
    ("analyse", "analyse"),
    ("apply", "lakken"),
    ("unpack", "uitpakken"),
    ("suggest", "voorstellen"),
    ("task", "taak"),
]


class Job(models.Model):
    """One unit of background work and its outbox row (see redaction/jobs.py).

    Created in the same transaction as the work it stands for and handed to the broker after
    commit; a worker claims it (worker, heartbeat), a reaper requeues or fails it when its
    worker is gone. Every task run checks this row first, so a second delivery does nothing.
    """

    kind = models.CharField(max_length=20, choices=JOB_KINDS)
    task_name = models.CharField(max_length=200)
    args = models.JSONField(default=list, blank=True)
    kwargs = models.JSONField(default=dict, blank=True)
    request = models.ForeignKey(
        "cases.Request", null=True, blank=True, on_delete=models.CASCADE, related_name="jobs"
    )
    document = models.ForeignKey(
        "cases.Document", null=True, blank=True, on_delete=models.CASCADE, related_name="jobs"
    )
    upload = models.ForeignKey(
        "cases.StoredFile", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    upload_name = models.CharField(max_length=255, blank=True)
    state = models.CharField(max_length=10, choices=JOB_STATES, default="pending")
    attempts = models.PositiveIntegerField(default=0)
    max_attempts = models.PositiveIntegerField(default=3)
    worker = models.CharField(max_length=200, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    enqueued_at = models.DateTimeField(null=True, blank=True)
    last_publish_at = models.DateTimeField(null=True, blank=True)
    publish_error = models.CharField(max_length=500, blank=True)
    error = models.TextField(blank=True)
    report = models.JSONField(default=list, blank=True)  # unpack: one entry per archive member
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "achtergrondtaak"
        verbose_name_plural = "achtergrondtaken"
        ordering = ["-pk"]
        indexes = [
            models.Index(fields=["state", "heartbeat_at"]),
            models.Index(fields=["document", "state"]),
        ]

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk} ({self.state})"


class StoredPageText(models.Model):
    """The extracted text and character boxes of one PDF, stored once per file hash and extractor
    version (redaction/pagestore.py): case-wide detection and re-analysis read it instead of
    extracting (and OCR-ing) again. ``data`` is one compact blob (a JSON header and one zlib chunk
    per page); ``words`` is the file's word set, so a case-level pass finds the documents a name
    can occur in without reading them."""

    sha256 = models.CharField(max_length=64)
    extractor_version = models.CharField(max_length=40)
    page_count = models.PositiveIntegerField(default=0)
    ocr_pages = models.PositiveIntegerField(default=0)
    data = models.BinaryField()
    words = models.TextField(blank=True)  # " word word ... " lowercase, each word once
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "paginatekst"
        verbose_name_plural = "paginateksten"
        constraints = [
            models.UniqueConstraint(
                fields=["sha256", "extractor_version"], name="pagetext_once_per_file"
            )
        ]

    def __str__(self) -> str:
        return f"{self.sha256[:12]} ({self.page_count} p., {self.extractor_version})"
