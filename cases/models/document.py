"""Documents found for a request: register, judgement and grounds; files stored once by SHA-256."""

from django.conf import settings
from django.db import models

JUDGEMENTS = [
    ("openbaar", "Openbaar"),
    ("deels_openbaar", "Deels openbaar"),
    ("niet_openbaar", "Niet openbaar"),
    ("reeds_openbaar", "Reeds openbaar"),
    ("dubbel", "Dubbel"),
]
PROCESSING = [
    ("geen_bestand", "geen bestand"),
    ("in_behandeling", "in behandeling"),
    ("klaar", "klaar"),
    ("niet_verwerkbaar", "niet verwerkbaar"),
]


def stored_file_path(instance: "StoredFile", filename: str) -> str:
    return f"files/{instance.sha256[:2]}/{instance.sha256}"


DOCUMENT_TYPES = [
    ("", "—"),
    ("email", "E-mail"),
    ("brief", "Brief"),
    ("memo", "Memo of nota"),
    ("notulen", "Notulen of verslag"),
    ("rapport", "Rapport of advies"),
    ("besluit", "Besluit"),
    ("contract", "Overeenkomst"),
    ("presentatie", "Presentatie"),
    ("bericht", "Chatbericht"),
    ("overig", "Overig"),
]


class StoredFile(models.Model):
    """A file's bytes, stored once under their content hash; never altered (evidence)."""

    sha256 = models.CharField(max_length=64, unique=True)
    size = models.PositiveBigIntegerField()
    content = models.FileField(upload_to=stored_file_path, max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "opgeslagen bestand"
        verbose_name_plural = "opgeslagen bestanden"

    def __str__(self) -> str:
        return self.sha256[:12]

    def read(self) -> bytes:
        with self.content.open("rb") as fh:
            return fh.read()


class Document(models.Model):
    request = models.ForeignKey("cases.Request", on_delete=models.CASCADE, related_name="documents")
    number = models.CharField("nr.", max_length=20)
    sort_key = models.CharField(max_length=40, editable=False, db_index=True)
    title = models.CharField("documentnaam", max_length=300)
    date = models.DateField("datum", null=True, blank=True)
    # The kind of document for the inventory (issue 13, item 1).
    doc_type = models.CharField(
        "documentsoort", max_length=20, choices=DOCUMENT_TYPES, blank=True, default=""
    )
    judgement = models.CharField("beoordeling", max_length=20, choices=JUDGEMENTS, blank=True)
    grounds = models.JSONField("gronden", default=list, blank=True)
    location = models.CharField("vindplaats", max_length=500, blank=True)
    note = models.TextField("toelichting", blank=True)
    family = models.CharField("familie", max_length=40, blank=True)
    duplicate_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="duplicates"
    )
    points = models.ManyToManyField("cases.Point", blank=True, related_name="documents")

    # Files (the redaction app fills these)
    original_name = models.CharField("bestandsnaam", max_length=255, blank=True)
    original = models.ForeignKey(
        StoredFile, null=True, blank=True, on_delete=models.PROTECT, related_name="originals"
    )
    pdf = models.ForeignKey(
        StoredFile, null=True, blank=True, on_delete=models.PROTECT, related_name="as_pdf"
    )
    redacted = models.ForeignKey(
        StoredFile, null=True, blank=True, on_delete=models.PROTECT, related_name="as_redacted"
    )
    redaction_log = models.JSONField(default=dict, blank=True)
    # What the stored redacted file was made from (cases.consistency.redaction_fingerprint); compared
    # with the document's current state at release time, so a later change makes the file stale.
    redacted_fingerprint = models.CharField(max_length=64, blank=True, editable=False)
    page_count = models.PositiveIntegerField(default=0)
    processing = models.CharField(max_length=20, choices=PROCESSING, default="geen_bestand")
    processing_error = models.TextField(blank=True)
    progress_done = models.PositiveIntegerField(default=0)
    progress_total = models.PositiveIntegerField(default=0)
    redaction_status = models.CharField(
        max_length=20,
        choices=[
            ("", "niet gelakt"),
            ("bezig", "bezig"),
            ("klaar", "gelakt"),
            ("mislukt", "mislukt"),
        ],
        blank=True,
        default="",
    )
    redaction_error = models.TextField(blank=True)
    publication_withdrawn_on = models.DateField("publicatie ingetrokken op", null=True, blank=True)
    publication_withdrawn_reason = models.TextField("reden intrekking publicatie", blank=True)

    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "document"
        verbose_name_plural = "documenten"
        ordering = ["request", "sort_key"]
        constraints = [
            models.UniqueConstraint(fields=["request", "number"], name="unique_document_number"),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"

    def save(self, *args, **kwargs):
        self.sort_key = natural_sort_key(self.number)
        super().save(*args, **kwargs)

    @property
    def judgement_label(self) -> str:
        return dict(JUDGEMENTS).get(self.judgement, "nog niet beoordeeld")


def natural_sort_key(number: str) -> str:
    """'2' < '10' < '10a': zero-pad leading digits so the database sorts like a person."""
    digits = ""
    for ch in number:
        if ch.isdigit():
            digits += ch
        else:
            break
    rest = number[len(digits) :]
    return f"{int(digits):010d}{rest}" if digits else f"~{number}"
