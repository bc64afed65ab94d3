"""The Wob/Woo request: the case, with its cached status and deadline (derived from events)."""

from django.conf import settings
from django.db import models

from cases.lifecycle import STATUSES, status_label

REGIMES = [("wob", "Wob"), ("woo", "Woo")]
# Kamervragen (issue 14) are answered under the Reglement van Orde van de Tweede Kamer, not a
# Woo/Wob regime; "rvo" is their regime in the case clock (cases/clock.py).
RVO = "rvo"
ALL_REGIMES = REGIMES + [(RVO, "RvO TK")]
INFORMATIEVERZOEK = "informatieverzoek"
KAMERVRAGEN = "kamervragen"
CASE_KINDS = [(INFORMATIEVERZOEK, "Woo/Wob-verzoek"), (KAMERVRAGEN, "Kamervragen")]
SALUTATIONS = [("heer", "heer"), ("mevrouw", "mevrouw"), ("", "neutraal (heer/mevrouw)")]
CHANNELS = [
    ("email", "e-mail"),
    ("post", "post"),
    ("webformulier", "webformulier"),
    ("balie", "balie"),
    ("telefoon", "telefoon"),
]


class Request(models.Model):
    organisation = models.ForeignKey(
        "cases.Organisation", on_delete=models.PROTECT, related_name="requests"
    )
    reference = models.CharField("kenmerk", max_length=40)
    year = models.PositiveSmallIntegerField()
    sequence = models.PositiveIntegerField()
    case_kind = models.CharField(
        "soort zaak", max_length=20, choices=CASE_KINDS, default=INFORMATIEVERZOEK
    )
    regime = models.CharField("regime", max_length=3, choices=ALL_REGIMES)
    regime_overridden = models.BooleanField("regime handmatig gekozen", default=False)
    received_on = models.DateField("ontvangen op")
    channel = models.CharField("kanaal", max_length=20, choices=CHANNELS, default="email")

    requester_name = models.CharField("naam verzoeker", max_length=200)
    requester_salutation = models.CharField(
        "aanhef", max_length=10, choices=SALUTATIONS, blank=True, default=""
    )
    requester_email = models.EmailField("e-mail verzoeker", blank=True)
    requester_address = models.TextField("postadres verzoeker", blank=True)
    requester_organisation = models.CharField("organisatie verzoeker", max_length=200, blank=True)
    requester_reference = models.CharField("uw kenmerk", max_length=100, blank=True)

    subject = models.CharField("onderwerp (kort samengevat)", max_length=300)
    request_text = models.TextField("verzoek (volledige tekst)")
    period = models.CharField("periode", max_length=200, blank=True)
    preferred_format = models.CharField("gewenste vorm", max_length=200, blank=True)

    # Kamervragen (issue 14): the member is also stored as requester_name; the questions are the
    # points, the answers the answers; submitted_on ("ingezonden") is received_on.
    kamer_party = models.CharField("fractie", max_length=60, blank=True)
    kamer_addressee = models.CharField(
        "gericht aan (minister of staatssecretaris)", max_length=200, blank=True
    )
    kamer_reference = models.CharField("kenmerk Tweede Kamer (2026Z...)", max_length=40, blank=True)
    coordinating_department = models.CharField(
        "coördinerend departement", max_length=200, blank=True
    )
    contributing_departments = models.TextField(
        "medebehandelende departementen", blank=True, help_text="Eén per regel."
    )
    # Four eyes: the whole set of answers approved by a second person (cases/services/kamer.py).
    kamer_set_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="antwoordenset goedgekeurd door",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="kamer_sets_approved",
    )
    kamer_set_approved_at = models.DateTimeField(null=True, blank=True)

    adviser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="behandelend jurist",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_requests",
    )

    # Caches, recomputed from the timeline by cases.services.requests.request_refresh
    status = models.CharField(max_length=30, choices=list(STATUSES.items()), default="ontvangen")
    due_on = models.DateField("uiterste beslisdatum", null=True, blank=True)
    decision_sent_on = models.DateField(null=True, blank=True)

    # Redaction settings for this case (one term per line)
    redact_terms = models.TextField(
        "altijd lakken", blank=True, help_text="Eén term per regel, bijv. de naam van de verzoeker."
    )
    keep_terms = models.TextField(
        "nooit lakken", blank=True, help_text="Eén term per regel, bijv. de naam van een bedrijf."
    )

    # Requester portal: SHA-256 of the personal status token (the token itself is never stored)
    portal_token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    portal_token_revoked = models.BooleanField(default=False)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "verzoek"
        verbose_name_plural = "verzoeken"
        ordering = ["due_on", "reference"]
        permissions = [
            ("assign_request", "Kan een behandelend jurist toewijzen"),
            ("view_overview", "Kan het coördinatoroverzicht en de rapportage zien"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "reference"], name="unique_reference_per_organisation"
            ),
            models.UniqueConstraint(
                fields=["organisation", "year", "sequence"], name="unique_sequence_per_year"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} – {self.subject}"

    @property
    def status_label(self) -> str:
        return status_label(self.status)

    @property
    def redact_term_list(self) -> list[str]:
        return [t.strip() for t in self.redact_terms.splitlines() if t.strip()]

    @property
    def keep_term_list(self) -> list[str]:
        return [t.strip() for t in self.keep_terms.splitlines() if t.strip()]

    @property
    def regime_label(self) -> str:
        return dict(ALL_REGIMES).get(self.regime, self.regime)

    @property
    def is_kamervragen(self) -> bool:
        return self.case_kind == KAMERVRAGEN

    @property
    def kind_label(self) -> str:
        return dict(CASE_KINDS).get(self.case_kind, self.case_kind)
