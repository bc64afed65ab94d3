"""The bestuursorgaan whose requests are handled: letterhead, mandate, bezwaar address, settings."""

from django.db import models


class Organisation(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField("naam bestuursorgaan", max_length=200)
    department = models.CharField("organisatieonderdeel", max_length=200, blank=True)
    postal_address = models.TextField("postadres", blank=True)
    phone = models.CharField("algemeen telefoonnummer", max_length=50, blank=True)
    email = models.EmailField("algemeen e-mailadres", blank=True)
    website = models.URLField("website", blank=True)
    bezwaar_addressee = models.CharField(
        "bezwaar richten aan",
        max_length=200,
        blank=True,
        help_text="Bijv. 'de korpschef van politie'",
    )
    bezwaar_address = models.TextField("adres voor bezwaar", blank=True)
    signature_lines = models.TextField(
        "ondertekening",
        blank=True,
        help_text="Eén regel per regel, bijv. 'de korpschef van politie,' / 'namens deze,' / naam / functie.",
    )
    contact_line = models.TextField("contactregel voor vragen", blank=True)
    reference_prefix = models.CharField(
        "kenmerkvoorvoegsel", max_length=30, blank=True, help_text="Optioneel, bijv. 'WOO-'."
    )
    reference_digits = models.PositiveSmallIntegerField("cijfers volgnummer", default=7)
    public_officials = models.TextField(
        "namen die leesbaar blijven",
        blank=True,
        help_text="Eén naam per regel: bewindspersonen, bestuurders, woordvoerders.",
    )
    technical_ground_wob = models.CharField(
        "grond voor technische gegevens (Wob)", max_length=20, default="10.2.g"
    )
    technical_ground_woo = models.CharField(
        "grond voor technische gegevens (Woo)", max_length=20, default="5.1.2i"
    )
    precisering_suspends_woo = models.BooleanField(
        "precisering schort de Woo-termijn op",
        default=False,
        help_text="Onder de Wob schortte een precisering de termijn op (art. 4:15 Awb); onder de Woo is dat "
        "niet uitgemaakt. Aan: de dagen tussen vraag en antwoord tellen niet mee.",
    )
    publication_url = models.URLField("publicatieplaats besluiten", blank=True)
    tooi_uri = models.URLField("TOOI-organisatie-URI", blank=True)

    class Meta:
        verbose_name = "organisatie"
        verbose_name_plural = "organisaties"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def public_official_names(self) -> list[str]:
        return [line.strip() for line in self.public_officials.splitlines() if line.strip()]

    @property
    def signature_line_list(self) -> list[str]:
        return self.signature_lines.splitlines()

    def technical_ground(self, regime: str) -> str:
        return self.technical_ground_wob if regime == "wob" else self.technical_ground_woo

    def format_reference(self, year: int, sequence: int) -> str:
        return f"{self.reference_prefix}{year}-{sequence:0{self.reference_digits}d}"


class StaffProfile(models.Model):
    """What a letter's colofon says about the adviser who handles it."""

    user = models.OneToOneField("auth.User", on_delete=models.CASCADE, related_name="staff_profile")
    organisation = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.SET_NULL)
    function = models.CharField("functie", max_length=200, blank=True, default="juridisch adviseur")
    phone = models.CharField("telefoon", max_length=50, blank=True)

    class Meta:
        verbose_name = "medewerkerprofiel"
        verbose_name_plural = "medewerkerprofielen"

    def __str__(self) -> str:
        return f"{self.user} ({self.function})"
