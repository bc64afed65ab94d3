"""Staff forms: validate input and say in Dutch what is wrong; writes go through services."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone

from cases.lifecycle import EVENT_TYPES, allowed_event_types
from cases.models.document import JUDGEMENTS
from cases.models.letter import KAMER_KINDS, LETTER_KINDS
from cases.models.point import ANSWER_OUTCOMES
from cases.models.request import CHANNELS, REGIMES, SALUTATIONS
from cases.models.timeline import SUSPENSION_REASONS
from cases.permissions import ADVISER_GROUP, COORDINATOR_GROUP


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class RequestRegisterForm(forms.Form):
    received_on = forms.DateField(label="Ontvangen op", widget=DateInput())
    channel = forms.ChoiceField(label="Kanaal", choices=CHANNELS, initial="email")
    regime = forms.ChoiceField(
        label="Regime",
        choices=[("", "automatisch (naar datum)")] + REGIMES,
        required=False,
        help_text="Leeg laten: de Woo geldt voor besluiten vanaf 1 mei 2022.",
    )
    requester_name = forms.CharField(label="Naam verzoeker", max_length=200)
    requester_salutation = forms.ChoiceField(label="Aanhef", choices=SALUTATIONS, required=False)
    requester_email = forms.EmailField(label="E-mail", required=False)
    requester_organisation = forms.CharField(label="Organisatie", max_length=200, required=False)
    requester_address = forms.CharField(
        label="Postadres", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    requester_reference = forms.CharField(label="Uw kenmerk", max_length=100, required=False)
    subject = forms.CharField(label="Onderwerp (kort samengevat)", max_length=300)
    request_text = forms.CharField(
        label="Volledige tekst van het verzoek",
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text="Genummerde punten (1., 2), a., -, •) worden automatisch herkend.",
    )
    adviser = forms.ModelChoiceField(
        label="Behandelend jurist", queryset=get_user_model().objects.none(), required=False
    )

    def __init__(self, *args, can_assign: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if can_assign:
            self.fields["adviser"].queryset = staff_users()
        else:
            del self.fields["adviser"]

    def clean_received_on(self):
        value = self.cleaned_data["received_on"]
        if value > timezone.localdate():
            raise forms.ValidationError("De ontvangstdatum kan niet in de toekomst liggen.")
        return value


def staff_users():
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name__in=[ADVISER_GROUP, COORDINATOR_GROUP])
        .distinct()
        .order_by("first_name", "username")
    )


# The steps that usually follow each status, most likely first (issue 13, item 5); every other
# allowed step follows in lifecycle order (GENERAL_ORDER), rare and corrective steps last.
LIKELY_NEXT: dict[str, tuple[str, ...]] = {
    "ontvangen": ("acknowledged", "precisering_asked", "started", "forwarded"),
    "doorgezonden": ("note", "contact"),
    "precisering_gevraagd": ("precisering_received", "not_handled", "contact"),
    "gepreciseerd": ("acknowledged", "started", "assessment_started"),
    "ontvangst_bevestigd": ("started", "assessment_started", "precisering_asked", "adjourned"),
    "in_behandeling": ("assessment_started", "adjourned", "zienswijze_asked"),
    "verdaagd": ("assessment_started", "zienswijze_asked", "decision_drafted"),
    "zienswijze_derden": ("zienswijze_received", "zienswijze_notice"),
    "zienswijze_afgerond": ("decision_drafted", "assessment_started"),
    "beoordeling": ("decision_drafted", "zienswijze_asked", "adjourned"),
    "besluit_concept": ("sent_for_signature", "decision_signed"),
    "ter_ondertekening": ("decision_signed",),
    "verzonden": ("documents_provided", "disclosure_postponed", "published", "bezwaar_received"),
    "verstrekking_uitgesteld": ("documents_provided",),
    "openbaar_gemaakt": ("published", "closed", "bezwaar_received"),
    "gepubliceerd": ("closed", "bezwaar_received"),
    "bezwaar": ("bezwaar_decided",),
    "beslissing_op_bezwaar": ("beroep_received", "closed"),
    "beroep": ("closed",),
}
GENERAL_ORDER = (
    "acknowledged",
    "started",
    "assessment_started",
    "precisering_asked",
    "precisering_received",
    "zienswijze_asked",
    "zienswijze_notice",
    "zienswijze_received",
    "decision_drafted",
    "sent_for_signature",
    "decision_signed",
    "decision_sent",
    "disclosure_postponed",
    "documents_provided",
    "published",
    "contact",
    "note",
    "adjourned",
    "suspension",
    "forwarded_partly",
    "forwarded",
    "not_handled",
    "ingebrekestelling_received",
    "bezwaar_received",
    "bezwaar_decided",
    "beroep_received",
    "withdrawn",
    "closed",
)


def likely_next_steps(status: str, case_kind: str = "informatieverzoek") -> list[str]:
    """The steps allowed from `status` (cases.lifecycle), most likely first."""
    first = LIKELY_NEXT.get(status, ())

    def rank(code: str) -> tuple[int, int]:
        if code in first:
            return (0, first.index(code))
        return (1, GENERAL_ORDER.index(code) if code in GENERAL_ORDER else len(GENERAL_ORDER))

    return sorted(allowed_event_types(status, case_kind), key=rank)


class EventForm(forms.Form):
    type = forms.ChoiceField(label="Stap")
    on = forms.DateField(label="Datum", widget=DateInput())
    until = forms.DateField(
        label="Laatste dag (opschorting of gestelde termijn)",
        widget=DateInput(),
        required=False,
        help_text="Bij opschorting: de laatste opgeschorte dag, inclusief. Bij precisering of "
        "zienswijze: de laatste dag van de gestelde antwoordtermijn.",
    )
    suspension_reason = forms.ChoiceField(
        label="Reden opschorting", choices=[("", "—")] + SUSPENSION_REASONS, required=False
    )
    note = forms.CharField(
        label="Toelichting", widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args, status: str, case_kind: str = "informatieverzoek", **kwargs):
        super().__init__(*args, **kwargs)
        steps = likely_next_steps(status, case_kind)
        self.fields["type"].choices = [(c, EVENT_TYPES[c].label) for c in steps]
        if steps:
            self.fields["type"].initial = steps[0]
        self.fields["on"].initial = timezone.localdate()

    def clean(self):
        data = super().clean()
        etype = data.get("type")
        if etype and EVENT_TYPES[etype].needs_until and not data.get("until"):
            self.add_error("until", "Vul de laatste dag van de opschorting in.")
        if etype == "adjourned" and not (data.get("note") or "").strip():
            self.add_error("note", "Een verdaging moet gemotiveerd zijn: vul de reden in.")
        return data


class AssignForm(forms.Form):
    adviser = forms.ModelChoiceField(
        label="Behandelend jurist", queryset=get_user_model().objects.none()
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["adviser"].queryset = staff_users()


class PointForm(forms.Form):
    text = forms.CharField(label="Tekst", widget=forms.Textarea(attrs={"rows": 3}))


class AnswerForm(forms.Form):
    points = forms.TypedMultipleChoiceField(label="Punten", coerce=int)
    text = forms.CharField(label="Antwoord", widget=forms.Textarea(attrs={"rows": 5}))
    # What the answer means for the dictum (issue 12, item 2); vindplaats when reeds openbaar.
    outcome = forms.ChoiceField(
        label="Uitkomst", choices=[("", "— kies —"), *ANSWER_OUTCOMES], required=False
    )
    location = forms.CharField(label="Vindplaats (reeds openbaar)", required=False)

    def __init__(self, *args, point_numbers: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["points"].choices = [(n, str(n)) for n in point_numbers]
        self.fields["points"].widget = forms.CheckboxSelectMultiple(
            choices=self.fields["points"].choices
        )
        self.fields["points"].error_messages["required"] = "Kies minstens één punt."


class DocumentForm(forms.Form):
    number = forms.CharField(
        label="Nr.", max_length=20, required=False, help_text="Leeg: volgend nummer."
    )
    title = forms.CharField(label="Documentnaam", max_length=300)
    date = forms.DateField(label="Datum", widget=DateInput(), required=False)
    judgement = forms.ChoiceField(
        label="Beoordeling", choices=[("", "nog niet beoordeeld")] + JUDGEMENTS, required=False
    )
    grounds = forms.CharField(label="Gronden", required=False, help_text="Bijv. 5.1.2e; 5.1.2i")
    location = forms.CharField(label="Vindplaats", max_length=500, required=False)
    note = forms.CharField(
        label="Toelichting", widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    points = forms.CharField(
        label="Beantwoordt punt(en)", required=False, help_text="Bijv. 1, 3, 4"
    )

    def clean_points(self):
        raw = self.cleaned_data.get("points", "")
        try:
            return sorted({int(p) for p in raw.replace(";", ",").split(",") if p.strip()})
        except ValueError:
            raise forms.ValidationError("Geef puntnummers gescheiden door komma's.")


class JudgeForm(forms.Form):
    numbers = forms.CharField(widget=forms.HiddenInput, required=False)
    judgement = forms.ChoiceField(label="Beoordeling", choices=JUDGEMENTS)
    grounds = forms.CharField(label="Gronden", required=False, help_text="Bijv. 5.1.2e; 5.1.2i")
    location = forms.CharField(label="Vindplaats", required=False)


class MotivationForm(forms.Form):
    text = forms.CharField(label="Motivering", widget=forms.Textarea(attrs={"rows": 6}))
    # Woo art. 5.1 lid 4: the date on which the information is made public after all.
    disclose_on = forms.DateField(label="Alsnog openbaar op", widget=DateInput(), required=False)


class LetterForm(forms.Form):
    kind = forms.ChoiceField(label="Brief", choices=LETTER_KINDS)
    format = forms.ChoiceField(
        label="Formaat",
        choices=[("docx", "Word (.docx)"), ("xlsx", "Excel (.xlsx)"), ("csv", "CSV")],
        initial="docx",
    )
    letter_date = forms.DateField(label="Briefdatum", widget=DateInput(), required=False)
    # Verdaging (verdagingsbrief, or in the ontvangstbevestiging): the legal reasons only.
    adjourn = forms.BooleanField(label="Verdaging in deze ontvangstbevestiging", required=False)
    adjournment_reasons = forms.MultipleChoiceField(
        label="Reden van verdaging",
        choices=[
            ("omvang", "omvang van de informatie"),
            ("gecompliceerdheid", "gecompliceerdheid van de informatie"),
        ],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    adjournment_sentence = forms.CharField(
        label="Extra zin bij de verdaging (optioneel)", required=False, max_length=500
    )
    reply_due_on = forms.DateField(
        label="Reactie uiterlijk op (precisering, zienswijze)", widget=DateInput(), required=False
    )
    question = forms.CharField(
        label="Wat is onduidelijk (precisering)",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    organ_name = forms.CharField(label="Doorzenden aan (bestuursorgaan)", required=False)
    organ_address = forms.CharField(
        label="Adres bestuursorgaan", widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    points = forms.CharField(label="Doorgezonden punten (leeg = het hele verzoek)", required=False)
    third_party = forms.IntegerField(label="Derde-belanghebbende", required=False)
    # Kamervragen (issue 14): the name under the aanbiedingsbrief / uitstelbericht.
    signatory = forms.CharField(label="Ondertekenaar", required=False, max_length=200)

    def __init__(self, *args, kamervragen: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        kinds = [(c, label) for c, label in LETTER_KINDS if (c in KAMER_KINDS) == kamervragen]
        self.fields["kind"].choices = kinds

    def options(self) -> dict:
        data = self.cleaned_data
        points = [p for p in (data.get("points") or "").replace(",", " ").split() if p]
        if any(not p.isdigit() for p in points):
            raise forms.ValidationError("Vul de doorgezonden punten als nummers in, zoals 3, 5.")
        return {
            "adjourn": data.get("adjourn") or False,
            "adjournment_reasons": data.get("adjournment_reasons") or [],
            "adjournment_sentence": data.get("adjournment_sentence") or "",
            "reply_due_on": data.get("reply_due_on"),
            "question": data.get("question") or "",
            "organ_name": data.get("organ_name") or "",
            "organ_address": data.get("organ_address") or "",
            "points": [int(p) for p in points],
            "signatory": data.get("signatory") or "",
        }


class ThirdPartyForm(forms.Form):
    name = forms.CharField(label="Naam", max_length=200)
    salutation = forms.ChoiceField(
        label="Aanhef",
        choices=[("", "neutraal"), ("heer", "heer"), ("mevrouw", "mevrouw")],
        required=False,
    )
    contact_person = forms.CharField(label="Contactpersoon", max_length=200, required=False)
    address = forms.CharField(
        label="Postadres", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    email = forms.EmailField(label="E-mail", required=False)
    documents = forms.CharField(label="Documenten (nummers, bijv. 3, 4)", required=False)


class MarkSentForm(forms.Form):
    on = forms.DateField(label="Verzonden op", widget=DateInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["on"].initial = timezone.localdate()
