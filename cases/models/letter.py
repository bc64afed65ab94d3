"""Rendered letters: every render is a new version; sending freezes it and records the event."""

from django.conf import settings
from django.db import models

LETTER_KINDS = [
    ("ontvangstbevestiging", "Ontvangstbevestiging"),
    ("verdagingsbrief", "Verdagingsbrief"),
    ("besluit", "Besluit"),
    ("inventarislijst", "Inventarislijst"),
    ("precisering", "Verzoek om precisering"),
    ("doorzendbrief", "Doorzendbrief aan verzoeker"),
    ("doorzending_orgaan", "Doorzending aan ander bestuursorgaan"),
    ("zienswijzeverzoek", "Zienswijzeverzoek aan derde"),
    ("opschorting", "Mededeling opschorting aan verzoeker"),
    ("einde_opschorting", "Mededeling einde opschorting"),
    ("kennisgeving_derde", "Kennisgeving besluit aan derde"),
    # Kamervragen (issue 14)
    ("aanbiedingsbrief", "Aanbiedingsbrief antwoorden Kamervragen"),
    ("uitstelbericht", "Uitstelbericht Kamervragen"),
    ("antwoorden", "Antwoorden Kamervragen (bijlage)"),
]
KAMER_KINDS = ("aanbiedingsbrief", "uitstelbericht", "antwoorden")
# Letters addressed to a derde-belanghebbende rather than to the requester.
THIRD_PARTY_KINDS = ("zienswijzeverzoek", "kennisgeving_derde")
APPROVAL_STATES = [
    ("", "Niet ter goedkeuring"),
    ("submitted", "Ter goedkeuring"),
    ("approved", "Goedgekeurd"),
    ("returned", "Teruggestuurd"),
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
    # The derde-belanghebbende a zienswijzeverzoek or kennisgeving is addressed to.
    third_party = models.ForeignKey(
        "cases.ThirdParty",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="letters",
        verbose_name="derde-belanghebbende",
    )
    # What the adviser chose when rendering (verdaging reason, reply term, organ forwarded to ...):
    # kept so that sending does what the letter says.
    options = models.JSONField(default=dict, blank=True)
    # The besluit as the requester receives it: a PDF made from this .docx when it was sent
    # (issue 12, item 7); staff keep the .docx in `file`.
    pdf_file = models.ForeignKey(
        "cases.StoredFile",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="letter_pdfs",
    )

    # Four-eyes approval of the besluit (issue 13, item 4): submitted by the author, approved or
    # returned with remarks by a second person; only an approved besluit can be sent.
    approval_status = models.CharField(
        "goedkeuring", max_length=12, choices=APPROVAL_STATES, blank=True, default=""
    )
    approval_submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="letters_submitted",
    )
    approval_submitted_at = models.DateTimeField(null=True, blank=True)
    approval_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="letters_reviewed",
    )
    approval_at = models.DateTimeField(null=True, blank=True)
    approval_remarks = models.TextField("opmerkingen goedkeuring", blank=True)

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
        suffix = f"-{self.third_party_id}" if self.third_party_id else ""
        return f"{self.request.reference}-{self.kind}{suffix}-v{self.version}.{self.format}"

    @property
    def pdf_filename(self) -> str:
        return self.filename.rsplit(".", 1)[0] + ".pdf"
