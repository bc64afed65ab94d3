"""Request statuses, timeline event types and the one table of allowed moves (domain.md §3): pure."""

from __future__ import annotations

from dataclasses import dataclass

# Statuses in lifecycle order (domain.md §3). The cached Request.status is always one of these.
STATUSES: dict[str, str] = {
    "ontvangen": "Ontvangen",
    "doorgezonden": "Doorgezonden",
    "precisering_gevraagd": "Precisering gevraagd",
    "gepreciseerd": "Gepreciseerd",
    "buiten_behandeling": "Buiten behandeling gesteld",
    "ontvangst_bevestigd": "Ontvangst bevestigd",
    "in_behandeling": "In behandeling",
    "verdaagd": "Verdaagd",
    "zienswijze_derden": "Zienswijze derden (opgeschort)",
    "zienswijze_afgerond": "Zienswijze afgerond",
    "beoordeling": "Beoordeling documenten",
    "besluit_concept": "Besluit in concept",
    "ter_ondertekening": "Ter ondertekening",
    # Awb 6:2 sub b / 6:12: beroep wegens niet tijdig beslissen; the duty to decide remains (6:20).
    "beroep_niet_tijdig": "Beroep niet tijdig beslissen",
    "verzonden": "Besluit verzonden",
    "verstrekking_uitgesteld": "Verstrekking uitgesteld",
    "openbaar_gemaakt": "Documenten verstrekt",
    "gepubliceerd": "Gepubliceerd",
    "bezwaar": "Bezwaar ontvangen",
    "beslissing_op_bezwaar": "Beslissing op bezwaar",
    "beroep": "Beroep",
    "gesloten": "Gesloten",
    "ingetrokken": "Ingetrokken",
    # Kamervragen (issue 14): after an uitstelbericht, and once the answers are sent.
    "uitstel_gemeld": "Uitstelbericht verzonden",
    "beantwoord": "Antwoorden verzonden",
}

# Before the decision is made known (bekendmaking): the decision term runs.
PRE_DECISION = (
    "ontvangen",
    "doorgezonden",
    "precisering_gevraagd",
    "gepreciseerd",
    "ontvangst_bevestigd",
    "in_behandeling",
    "verdaagd",
    "zienswijze_derden",
    "zienswijze_afgerond",
    "beoordeling",
    "besluit_concept",
    "ter_ondertekening",
    "beroep_niet_tijdig",
)
AFTER_DECISION = (
    "verzonden",
    "verstrekking_uitgesteld",
    "openbaar_gemaakt",
    "gepubliceerd",
    "bezwaar",
    "beslissing_op_bezwaar",
    "beroep",
)
FINAL = ("gesloten", "ingetrokken", "buiten_behandeling")
# Kamervragen: the answer term runs in these statuses (besides ontvangen / in behandeling).
KAMER_OPEN = ("uitstel_gemeld",)
OPEN_STATUSES = PRE_DECISION + KAMER_OPEN  # the deadline overview tracks these

INFORMATIEVERZOEK = "informatieverzoek"
KAMERVRAGEN = "kamervragen"
BOTH_KINDS = (INFORMATIEVERZOEK, KAMERVRAGEN)

_HANDLING = (
    "ontvangen",
    "gepreciseerd",
    "ontvangst_bevestigd",
    "in_behandeling",
    "verdaagd",
    "zienswijze_derden",
    "zienswijze_afgerond",
    "beoordeling",
    "besluit_concept",
    "ter_ondertekening",
    "beroep_niet_tijdig",
)

# Steps the requester is e-mailed about (cases.services.portal.NOTIFY_EVENTS has their subjects).
REQUESTER_NOTICE_EVENTS = ("adjourned", "suspension", "decision_sent")


@dataclass(frozen=True)
class EventType:
    code: str
    label: str  # Dutch, as shown on the timeline
    allowed_from: tuple[str, ...]  # statuses in which this step can happen
    target: str | None  # new status; None = recorded without a status change
    needs_until: bool = False  # a range (suspension: first and last day)
    # `until` is optional and means the reply term set (precisering, zienswijze): last day.
    accepts_until: bool = False
    # The status when the step happens before the decision (beroep niet tijdig, Awb 6:2).
    target_before_decision: str | None = None
    # The case kinds this step belongs to (a Woo verdaging is no step of a Kamervragen case).
    kinds: tuple[str, ...] = (INFORMATIEVERZOEK,)


ANY = tuple(STATUSES)

EVENT_TYPES: dict[str, EventType] = {
    e.code: e
    for e in (
        EventType("received", "Verzoek ontvangen", (), "ontvangen"),
        EventType(
            "precisering_asked",
            "Precisering gevraagd",
            ("ontvangen", "ontvangst_bevestigd", "in_behandeling", "doorgezonden"),
            "precisering_gevraagd",
            accepts_until=True,  # the reply term set (Awb 4:5, 4:15 lid 1 sub a)
        ),
        EventType(
            "precisering_received",
            "Precisering ontvangen",
            ("precisering_gevraagd",),
            "gepreciseerd",
        ),
        EventType(
            "not_handled",
            "Besluit tot niet-behandelen (art. 4:5 Awb)",
            ("precisering_gevraagd", "ontvangen", "ontvangst_bevestigd", "gepreciseerd"),
            "buiten_behandeling",
        ),
        EventType(
            "forwarded",
            "Geheel doorgezonden aan ander bestuursorgaan",
            ("ontvangen", "ontvangst_bevestigd", "gepreciseerd", "in_behandeling"),
            "doorgezonden",
        ),
        EventType("forwarded_partly", "Deels doorgezonden", PRE_DECISION, None),
        EventType(
            "acknowledged",
            "Ontvangst bevestigd",
            ("ontvangen", "gepreciseerd", "doorgezonden", "precisering_gevraagd"),
            "ontvangst_bevestigd",
        ),
        EventType(
            "started",
            "In behandeling genomen",
            ("ontvangen", "ontvangst_bevestigd", "gepreciseerd"),
            "in_behandeling",
            kinds=BOTH_KINDS,
        ),
        EventType(
            "adjourned",
            "Verdaagd",
            (
                "ontvangen",
                "ontvangst_bevestigd",
                "gepreciseerd",
                "in_behandeling",
                "zienswijze_derden",
                "zienswijze_afgerond",
                "beoordeling",
                "besluit_concept",
                "verdaagd",
            ),
            "verdaagd",
        ),
        EventType("suspension", "Opgeschort", _HANDLING, None, needs_until=True),
        EventType(
            "zienswijze_asked",
            "Zienswijze gevraagd aan derde (art. 4:8 Awb)",
            _HANDLING,
            "zienswijze_derden",
            accepts_until=True,  # the term set for the zienswijze (Awb 4:8)
        ),
        EventType(
            "zienswijze_notice",
            "Verzoeker geïnformeerd over zienswijzeverzoek (art. 4.4 lid 3 Woo)",
            PRE_DECISION,
            None,
        ),
        EventType(
            "zienswijze_received",
            "Zienswijze ontvangen of termijn verstreken",
            ("zienswijze_derden",),
            "zienswijze_afgerond",
        ),
        EventType(
            "assessment_started",
            "Beoordeling documenten gestart",
            (
                "ontvangen",
                "ontvangst_bevestigd",
                "gepreciseerd",
                "in_behandeling",
                "verdaagd",
                "zienswijze_afgerond",
            ),
            "beoordeling",
        ),
        EventType(
            "decision_drafted",
            "Conceptbesluit opgesteld",
            tuple(s for s in _HANDLING if s not in ("besluit_concept", "ter_ondertekening")),
            "besluit_concept",
        ),
        EventType(
            "sent_for_signature",
            "Ter ondertekening aangeboden",
            ("besluit_concept",),
            "ter_ondertekening",
        ),
        EventType(
            "decision_signed", "Besluit ondertekend", ("besluit_concept", "ter_ondertekening"), None
        ),
        EventType(
            "decision_sent",
            "Besluit verzonden (bekendmaking)",
            tuple(s for s in PRE_DECISION if s not in ("doorgezonden", "precisering_gevraagd")),
            "verzonden",
        ),
        EventType(
            "disclosure_postponed",
            "Verstrekking uitgesteld (art. 4.4 lid 5 Woo)",
            ("verzonden",),
            "verstrekking_uitgesteld",
        ),
        EventType(
            "documents_provided",
            "Documenten verstrekt",
            ("verzonden", "verstrekking_uitgesteld"),
            "openbaar_gemaakt",
        ),
        EventType(
            "published",
            "Gepubliceerd",
            ("verzonden", "openbaar_gemaakt", "verstrekking_uitgesteld"),
            "gepubliceerd",
        ),
        EventType(
            "ingebrekestelling_received",
            "Ingebrekestelling ontvangen",
            PRE_DECISION,
            None,
        ),
        EventType(
            "bezwaar_received",
            "Bezwaarschrift ontvangen",
            (
                "verzonden",
                "verstrekking_uitgesteld",
                "openbaar_gemaakt",
                "gepubliceerd",
                "gesloten",
            ),
            "bezwaar",
        ),
        EventType(
            "bezwaar_decided", "Beslissing op bezwaar", ("bezwaar",), "beslissing_op_bezwaar"
        ),
        EventType(
            "beroep_received",
            "Beroep ingesteld",
            ("beslissing_op_bezwaar", "bezwaar") + PRE_DECISION,
            "beroep",
            target_before_decision="beroep_niet_tijdig",
        ),
        EventType(
            "withdrawn",
            "Verzoek ingetrokken",
            PRE_DECISION + KAMER_OPEN,
            "ingetrokken",
            kinds=BOTH_KINDS,
        ),
        EventType(
            "closed",
            "Dossier gesloten",
            AFTER_DECISION + ("buiten_behandeling", "doorgezonden", "ingetrokken", "beantwoord"),
            "gesloten",
            kinds=BOTH_KINDS,
        ),
        EventType("contact", "Contact met verzoeker", ANY, None, kinds=BOTH_KINDS),
        EventType("note", "Notitie", ANY, None, kinds=BOTH_KINDS),
        # Kamervragen (issue 14; RvO TK art. 12.2, see cases/clock.py): the uitstelbericht to the
        # Voorzitter, and the answers sent (with the aanbiedingsbrief) to the Kamer.
        EventType(
            "uitstel_sent",
            "Uitstelbericht aan de Voorzitter verzonden",
            ("ontvangen", "in_behandeling"),
            "uitstel_gemeld",
            kinds=(KAMERVRAGEN,),
        ),
        EventType(
            "answers_sent",
            "Antwoorden aan de Kamer verzonden",
            ("ontvangen", "in_behandeling", "uitstel_gemeld"),
            "beantwoord",
            kinds=(KAMERVRAGEN,),
        ),
    )
}

# Event types a person records by hand in the timeline form (received is created on registration).
RECORDABLE_EVENT_TYPES = tuple(code for code in EVENT_TYPES if code != "received")


class TransitionRefused(ValueError):
    """A step that cannot happen; the message is Dutch and says why."""


def status_label(status: str) -> str:
    return STATUSES.get(status, status)


def next_status(current: str, event_type: str, case_kind: str | None = None) -> str:
    """The status after ``event_type`` happens in ``current``; raises TransitionRefused.

    With ``case_kind`` the step must also belong to that kind of case."""
    try:
        event = EVENT_TYPES[event_type]
    except KeyError:
        raise TransitionRefused(f"Onbekende stap '{event_type}'.")
    if case_kind is not None and case_kind not in event.kinds:
        what = "Kamervragen" if case_kind == KAMERVRAGEN else "een Woo/Wob-verzoek"
        raise TransitionRefused(f"'{event.label}' is geen stap bij {what}.")
    if event.code == "received":
        raise TransitionRefused("Een verzoek wordt maar één keer ontvangen.")
    if current not in event.allowed_from:
        raise TransitionRefused(f"'{event.label}' kan niet in de status '{status_label(current)}'.")
    if event.target_before_decision and current in PRE_DECISION:
        return event.target_before_decision
    return event.target or current


def allowed_event_types(current: str, case_kind: str = INFORMATIEVERZOEK) -> list[str]:
    return [
        code
        for code in RECORDABLE_EVENT_TYPES
        if current in EVENT_TYPES[code].allowed_from and case_kind in EVENT_TYPES[code].kinds
    ]
