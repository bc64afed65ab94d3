"""The case clock: every date and verdict of a case, computed from its timeline (pure, no ORM).

One function, :func:`compute`, takes the events (type, date, data, voided), the regime, the receipt
date, the organisation's settings and ``today`` and returns one :class:`CaseClock`: first term,
verdaging validity, suspended periods, due date, days late, bezwaar term, the first day of a beroep
niet tijdig, the traffic light, the actions needed and the reminder triggers, each in Dutch with its
article. The transition service, the cache refresh, the case list, detail, overview, reminders,
portal and letters all read this one result.

Every threshold is a named constant below (citing its article) or a field of :class:`TermRule`
(terms per case kind + regime + effective date) or of :class:`ClockSettings` (organisation).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils.translation import gettext as _

from cases.calendar_nl import format_date_nl, roll_forward, working_days_between

WOB = "wob"
WOO = "woo"
WOO_IN_FORCE = date(2022, 5, 1)  # the Woo replaced the Wob on 1 May 2022 (Stb. 2021, 499)

# Case kinds: each has its own terms per regime (Kamervragen, issue 14, adds its rows here).
INFORMATIEVERZOEK = "informatieverzoek"
KAMERVRAGEN = "kamervragen"
# Kamervragen are answered under the Reglement van Orde van de Tweede Kamer: their "regime".
RVO = "rvo"

ATW = "art. 1 Algemene termijnenwet"

# --- Statutory terms outside the decision term -------------------------------------------------
# Awb 6:7: the bezwaar term is six weeks; Awb 6:8 lid 1: it starts the day after bekendmaking.
BEZWAAR_TERM_WEEKS = 6
BEZWAAR_ARTICLE = "art. 6:7 en 6:8 lid 1 Awb"
# Awb 6:12 lid 2: beroep niet tijdig once two weeks have passed since the organ received the
# ingebrekestelling; the day of receipt counts as day 1 (domain.md §1), so from receipt + 14 days.
BEROEP_NIET_TIJDIG_AFTER_DAYS = 14
BEROEP_NIET_TIJDIG_ARTICLE = "art. 6:12 lid 2 Awb"
# Awb 6:20 lid 1 and 3: the duty to decide remains after a beroep niet tijdig, and the beroep then
# also concerns the late decision.
LATE_DECISION_ARTICLE = "art. 6:20 lid 1 en 3 Awb"
# Awb 4:15 lid 1 sub a: suspended from the day after the invitation to complete the request.
PRECISERING_SUSPENSION_ARTICLE = "art. 4:15 lid 1 sub a Awb"

# --- House thresholds (no statutory term; the same everywhere in the product) -------------------
# Acknowledge receipt promptly (Awb 4:3a for electronic requests names no term): 3 working days.
ACKNOWLEDGE_WITHIN_WORKING_DAYS = 3
# Amber light, verdaging reminder and "due soon" digest: 5 working days before the last day.
WARN_WORKING_DAYS_BEFORE_DUE = 5
# Woo art. 4.4 lid 4: when a suspension ends, tell the requester the new date "onverwijld";
# the coordinator is reminded from 3 calendar days before the known last suspended day.
SUSPENSION_END_NOTICE_DAYS = 3

LIGHT_GREEN, LIGHT_AMBER, LIGHT_RED, LIGHT_GREY = "groen", "oranje", "rood", "grijs"
# Reply term proposed in a verzoek om precisering or a zienswijzeverzoek: Woo art. 4.1 lid 5 /
# Awb 4:5 and Awb 4:8 leave the term to the organ; two weeks is the common practice (domain.md §4).
DEFAULT_REPLY_DAYS = 14


def default_reply_due(letter_date: date) -> date:
    """The reply term a letter proposes when the adviser sets none (house default, see above)."""
    return letter_date + timedelta(days=DEFAULT_REPLY_DAYS)


CLOSED_STATUSES = ("ingetrokken", "gesloten", "buiten_behandeling", "doorgezonden")


@dataclass(frozen=True)
class TermRule:
    """The terms of one case kind under one regime from a date on; the legislator may change them,
    so they are data (domain.md §7)."""

    regime: str
    effective_from: date
    decision_weeks: int = 4
    adjournment_weeks: int = 2
    law: str = ""  # "Wob" / "Woo", as written in explanations
    decision_article: str = ""
    adjournment_article: str = ""
    zienswijze_article: str = ""  # the regime's own suspension rule for a zienswijze derde
    case_kind: str = INFORMATIEVERZOEK
    adjournments_allowed: int = 1  # Woo art. 4.4 lid 2 / Wob art. 6 lid 2: "eenmaal"
    precisering_within_days: int | None = None  # Woo art. 4.1 lid 5: within two weeks
    precisering_article: str = ""
    release_after_days: int | None = 14  # Woo art. 4.4 lid 5 / Wob art. 6 lid 5: two weeks
    release_article: str = ""
    has_bezwaar: bool = True  # a besluit: bezwaar possible (Kamervragen: no besluit)
    # The timeline steps that extend the term and that end it (Kamervragen: uitstelbericht, answers).
    adjournment_event: str = "adjourned"
    sent_event: str = "decision_sent"
    acknowledge: bool = True  # an ontvangstbevestiging is expected (house rule, Awb 4:3a)
    # Words of the explanation (Woo/Wob defaults; Kamervragen have their own).
    term_noun: str = "Beslistermijn"
    adjournment_noun: str = "verdaging"
    adjourned_verb: str = "Verdaagd"
    due_noun: str = "Uiterste beslisdatum"
    received_verb: str = "Ontvangen"


TERM_RULES: tuple[TermRule, ...] = (
    TermRule(
        regime=WOB,
        effective_from=date(1992, 5, 1),  # Wob in force 1 May 1992
        decision_weeks=4,  # Wob art. 6 lid 1: beslissen binnen vier weken na ontvangst
        adjournment_weeks=4,  # Wob art. 6 lid 2: verdagen met ten hoogste vier weken
        law="Wob",
        decision_article="art. 6 lid 1 Wob",
        adjournment_article="art. 6 lid 2 Wob",
        zienswijze_article="art. 6 lid 3 Wob",  # Wob art. 6 lid 3 jo. Awb 4:8: opschorting
        precisering_within_days=None,  # Wob art. 3 lid 4: "zo spoedig mogelijk", no fixed term
        precisering_article="art. 3 lid 4 Wob",
        release_after_days=14,  # Wob art. 6 lid 5: verstrekking twee weken na bekendmaking
        release_article="art. 6 lid 5 Wob",
    ),
    TermRule(
        regime=WOO,
        effective_from=WOO_IN_FORCE,
        decision_weeks=4,  # Woo art. 4.4 lid 1: beslissen binnen vier weken na ontvangst
        adjournment_weeks=2,  # Woo art. 4.4 lid 2: verdagen met ten hoogste twee weken
        law="Woo",
        decision_article="art. 4.4 lid 1 Woo",
        adjournment_article="art. 4.4 lid 2 Woo",
        zienswijze_article="art. 4.4 lid 3 Woo",  # Woo art. 4.4 lid 3 jo. Awb 4:8: opschorting
        precisering_within_days=14,  # Woo art. 4.1 lid 5: binnen twee weken na ontvangst
        precisering_article="art. 4.1 lid 5 Woo",
        release_after_days=14,  # Woo art. 4.4 lid 5: twee weken na bekendmaking
        release_article="art. 4.4 lid 5 Woo",
    ),
    # Kamervragen (issue 14). Reglement van Orde van de Tweede Kamer, the article on written
    # questions: art. 12.2 in the numbering in force since the 2021 revision (art. 135 before).
    # It says the questions are answered within three weeks, and that when that cannot be done the
    # minister tells the Kamer so, with reasons (the uitstelbericht to the Voorzitter). UNCERTAIN:
    # (1) the RvO counts from the day the Voorzitter forwards the questions; practice and this
    # product count from "ingezonden" (the date in the Kamer's heading), usually the same day or
    # the next; (2) the further three weeks after an uitstelbericht: the Kamer's own weekly
    # overview (each Monday) lists sets not answered within three weeks, or within six weeks
    # after an uitstelbericht; whether the RvO itself writes out the second three weeks could not
    # be checked against its text here; (3) the RvO is no wet, so the Algemene termijnenwet does not apply of its own force:
    # it is applied here by analogy (a term ending on a Saturday, Sunday or holiday moves to the
    # next working day). Verify these against the current RvO text before relying on them.
    TermRule(
        regime=RVO,
        case_kind=KAMERVRAGEN,
        effective_from=date(1994, 1, 1),
        decision_weeks=3,  # RvO TK art. 12.2 (formerly 135): answered within three weeks
        adjournment_weeks=3,  # after a timely uitstelbericht: a further three weeks (practice)
        law="RvO TK",
        decision_article="art. 12.2 RvO TK (voorheen art. 135)",
        adjournment_article="art. 12.2 RvO TK (uitstelbericht)",
        precisering_within_days=None,
        release_after_days=None,
        has_bezwaar=False,
        adjournment_event="uitstel_sent",
        sent_event="answers_sent",
        acknowledge=False,
        term_noun="Antwoordtermijn",
        adjournment_noun="het uitstelbericht",
        adjourned_verb="Uitstelbericht verzonden",
        due_noun="Uiterste antwoorddatum",
        received_verb="Ingezonden",
    ),
)


def term_rule(
    regime: str,
    on: date,
    rules: Sequence[TermRule] = TERM_RULES,
    case_kind: str = INFORMATIEVERZOEK,
) -> TermRule:
    """The rule of `regime` (for `case_kind`) in force on `on`; before its first rule, that first.

    A request decided under a regime that was not yet in force when it arrived (a Wob request
    still pending on 1 May 2022 is decided under the Woo) gets that regime's first terms.
    """
    candidates = sorted(
        (r for r in rules if r.regime == regime and r.case_kind == case_kind),
        key=lambda r: r.effective_from,
    )
    if not candidates:
        raise ValueError(f"Onbekend regime '{regime}': verwacht '{WOB}' of '{WOO}'.")
    in_force = [r for r in candidates if r.effective_from <= on]
    return in_force[-1] if in_force else candidates[0]


def _in_force_from(regime: str, rules: Sequence[TermRule], case_kind: str) -> date:
    return min(
        (r.effective_from for r in rules if r.regime == regime and r.case_kind == case_kind),
        default=WOO_IN_FORCE,
    )


def regime_for(received_on: date, decided_on: date | None = None) -> str:
    """The law applied at the decision date (domain.md): the Woo from 1 May 2022, also for
    requests received earlier; without a decision date the receipt date decides."""
    reference_date = decided_on or received_on
    return WOO if reference_date >= WOO_IN_FORCE else WOB


# --- Inputs --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ClockEvent:
    """One timeline step as the clock sees it. ``until``: the last day of a manual suspension, or
    the reply term set with a precisering / zienswijze request. ``key`` identifies the event in
    the notes and verdicts of the result (the database id, or "new" for a step being recorded)."""

    type: str
    on: date
    until: date | None = None
    reason: str = ""  # suspension reason code (zienswijze, awb_4_15, precisering, overig)
    reason_label: str = ""
    voided: bool = False
    key: object = None


@dataclass(frozen=True)
class ClockSettings:
    """What the organisation decides (domain.md §7) and the calendar data from beheer."""

    # Whether asking for precisering suspends the term under the Woo (open point, domain.md §7).
    precisering_suspends_woo: bool = False
    # Atw art. 3 lid 3: days made equal to holidays by Royal Decree, {date: name (source)}.
    holidays: Mapping[date, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Suspension:
    first_day: date
    last_day: date  # inclusive
    reason: str = ""  # e.g. "zienswijze derde (art. 4:8 Awb)", "Awb 4:15"
    article: str = ""  # when set, used as is instead of being derived from the reason
    source: str = "handmatig"  # "handmatig" | "zienswijze" | "precisering"
    running: bool = False  # no end known yet: counted up to today
    key: object = None

    def days(self) -> set[date]:
        """Every calendar day of the suspension; raises ValueError on a reversed range."""
        if self.last_day < self.first_day:
            raise ValueError(
                f"Opschorting van {format_date_nl(self.first_day)} tot en met "
                f"{format_date_nl(self.last_day)}: de laatste dag ligt vóór de eerste dag."
            )
        length = (self.last_day - self.first_day).days + 1
        return {self.first_day + timedelta(days=i) for i in range(length)}


# --- Results -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SuspensionPeriod:
    """A suspension as counted: ``counted_days`` 0 when it began after the term ran out."""

    first_day: date
    last_day: date
    reason: str
    source: str
    counted_days: int
    effective: bool
    running: bool = False
    key: object = None


@dataclass(frozen=True)
class Finding:
    """An action, reminder trigger or note: a code, Dutch text and the article (or setting)."""

    code: str
    text: str
    article: str = ""
    on: date | None = None


@dataclass(frozen=True)
class TrafficLight:
    colour: str  # "groen" | "oranje" | "rood" | "grijs"
    label: str  # "op tijd", "verloopt binnen 5 werkdagen", "te laat", "afgerond"
    days_left: int | None  # calendar days until due_on (negative when overdue)
    due_on: date | None = None  # the date this light was computed from

    @property
    def days_text(self) -> str:
        if self.days_left is None:
            return ""
        if self.days_left < 0:
            return f"{-self.days_left} dagen over de termijn"
        if self.days_left == 0:
            return "vandaag de laatste dag"
        return f"nog {self.days_left} dagen"


@dataclass(frozen=True)
class Deadline:
    regime: str
    received_on: date
    first_term_ends_on: date  # received + 28 days, before any Atw move or suspension
    adjourned_on: date | None  # date of the first adjournment letter
    adjournment_valid: bool | None  # None when not adjourned
    suspended_days: int  # distinct calendar days, overlapping ranges counted once
    due_on: date  # final legal deadline after the Atw roll-forward
    steps: tuple[str, ...]  # Dutch explanation, one line per step, article named
    warnings: tuple[str, ...]  # Dutch, for the adviser
    # The last day a verdaging is timely: the first term, extended by suspensions that began
    # while it ran (domain.md §1: "a suspension that starts before T1 ends moves T1 itself").
    adjournment_limit: date | None = None
    adjournment_weeks: int | None = None  # weeks actually added (Wob 4 / Woo 2)
    adjournment_article: str = ""
    suspensions: tuple[SuspensionPeriod, ...] = ()
    notes: tuple[tuple[object, str], ...] = ()  # (event key, Dutch warning) per event
    ineffective: tuple[object, ...] = ()  # keys of events without legal effect

    @property
    def explanation(self) -> str:
        return "\n".join(self.steps)


@dataclass(frozen=True)
class CaseClock(Deadline):
    today: date | None = None
    status: str = ""
    decision_sent_on: date | None = None
    days_late: int | None = None
    bezwaar_ends_on: date | None = None
    bezwaar_text: str = ""
    beroep_niet_tijdig_from: date | None = None
    beroep_text: str = ""
    release_on: date | None = None  # Woo art. 4.4 lid 5 after a zienswijze
    light: TrafficLight | None = None
    actions: tuple[Finding, ...] = ()
    reminders: tuple[Finding, ...] = ()

    def notes_for(self, key) -> list[str]:
        return [text for k, text in self.notes if k == key]

    def has_effect(self, key) -> bool:
        return key not in self.ineffective

    def reminder(self, code: str) -> Finding | None:
        return next((r for r in self.reminders if r.code == code), None)

    @property
    def action_texts(self) -> list[str]:
        return [a.text for a in self.actions]


# --- The term engine -----------------------------------------------------------------------------


def _weeks(n: int) -> str:
    return "1 week" if n == 1 else f"{n} weken"


def _days(n: int) -> str:
    return "1 dag" if n == 1 else f"{n} dagen"


# The Kamer lists late Kamervragen weekly; the coordinator's list of sets answered late looks
# back as far (issue 14; house threshold).
KAMER_LATE_LIST_DAYS = 7


def kamer_late_list_since(today: date) -> date:
    """The first day of the coordinator's weekly list of Kamervragen answered late."""
    return today - timedelta(days=KAMER_LATE_LIST_DAYS)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _suspension_basis(reason: str, rule: TermRule) -> str:
    """The reason as one flat phrase plus the article that makes it suspend the term."""
    label = re.sub(r"\s*\(([^()]*)\)", r", \1", reason.strip()) or "opschorting"
    lowered = label.lower()
    if "zienswijze" in lowered:
        article = rule.zienswijze_article  # Woo art. 4.4 lid 3 / Wob art. 6 lid 3
    elif "4:15" in lowered:
        article = ""  # the reason already names Awb 4:15
    else:
        article = "art. 4:15 Awb"  # Awb 4:15: the general grounds for suspending a decision term
    if article and article.lower() not in lowered:
        label = f"{label}, {article}"
    return label


def decision_due(
    *,
    regime: str,
    received_on: date,
    adjournments: Sequence[date] = (),
    suspensions: Sequence[Suspension] = (),
    extra_holidays: Iterable[date] | Mapping[date, str] = (),
    rules: Sequence[TermRule] = TERM_RULES,
    case_kind: str = INFORMATIEVERZOEK,
    adjournment_keys: Sequence[object] = (),
) -> Deadline:
    """The legal decision deadline, with a Dutch step-by-step explanation (domain.md §1).

    T = D0 + 4 weeks; the steps are taken in date order: a suspension that begins while the term
    runs adds its distinct days, one that begins after the term ran out adds nothing; the first
    adjournment, dated on or before the term as it then ran, adds 2 (Woo) or 4 (Wob) weeks; only
    the final day is moved by the Atw.
    """
    holidays = extra_holidays if isinstance(extra_holidays, Mapping) else list(extra_holidays)
    rule = term_rule(regime, received_on, rules, case_kind)
    steps = [f"{rule.received_verb} op {format_date_nl(received_on, weekday=True)}."]
    warnings: list[str] = []
    notes: list[tuple[object, str]] = []
    ineffective: list[object] = []

    def warn(key, text: str) -> None:
        warnings.append(text)
        notes.append((key, text))

    # Woo art. 4.4 lid 1 / Wob art. 6 lid 1: the term runs from the day of receipt.
    first_term = received_on + timedelta(weeks=rule.decision_weeks)
    due = first_term
    steps.append(
        f"{rule.term_noun} {_weeks(rule.decision_weeks)} ({rule.decision_article}): "
        f"{format_date_nl(first_term)}."
    )

    keyed = list(adjournment_keys) + [None] * (len(adjournments) - len(adjournment_keys))
    ordered_adj = sorted(zip(adjournments, keyed, strict=True), key=lambda p: p[0])
    ordered_susp = sorted(suspensions, key=lambda s: (s.first_day, s.last_day))
    # Date order; on the same day a suspension comes first (it stops the clock that day).
    timeline: list[tuple[date, int, object]] = [(s.first_day, 0, s) for s in ordered_susp]
    timeline += [(d, 1, (d, k)) for d, k in ordered_adj]
    timeline.sort(key=lambda t: (t[0], t[1]))

    adjourned_on: date | None = None
    adjourned_count = 0
    valid: bool | None = None
    limit = first_term  # the term as it runs before any adjournment
    added_weeks: int | None = None
    adj_article = ""
    counted: set[date] = set()
    periods: list[SuspensionPeriod] = []

    for _day, kind, item in timeline:
        if kind == 1:
            on, key = item
            adj_rule = rule
            if regime == WOO and on < _in_force_from(WOO, rules, case_kind):
                # Transitional law: the Woo applies from 1 May 2022 with immediate effect, but a
                # verdaging lawfully made under the Wob before that day keeps its Wob length.
                adj_rule = term_rule(WOB, on, rules, case_kind)
            if adjourned_on is None:
                adjourned_on = on
                adj_article = adj_rule.adjournment_article
                if on < received_on:
                    warn(
                        key,
                        f"De verdaging van {format_date_nl(on)} ligt vóór de ontvangst van het "
                        "verzoek; controleer de datum.",
                    )
                # Woo art. 4.4 lid 2 / Wob art. 6 lid 2: adjourned by a notice sent before the
                # term (as extended by a running suspension) ends; the Atw is applied at the end
                # only, so the raw day is the limit.
                limit = due
                valid = on <= due
                if valid:
                    adjourned_count = 1
                    added_weeks = adj_rule.adjournment_weeks
                    due += timedelta(weeks=adj_rule.adjournment_weeks)
                    extended = (
                        f" (vóór of op {format_date_nl(limit)}: de eerste termijn, verlengd door "
                        "de opschorting)"
                        if limit != first_term
                        else ""
                    )
                    steps.append(
                        f"{rule.adjourned_verb} op {format_date_nl(on)}, tijdig{extended}: "
                        f"+ {_weeks(adj_rule.adjournment_weeks)} "
                        f"({adj_rule.adjournment_article}): {format_date_nl(due)}."
                    )
                    if adj_rule is not rule:
                        warn(
                            key,
                            _(
                                "De verdaging van %(on)s is gedaan onder de Wob, vóór de Woo op "
                                "1 mei 2022 in werking trad; zij blijft rechtsgeldig met %(weeks)s "
                                "(%(article)s), ook nu onder de Woo wordt beslist (overgangsrecht: "
                                "onmiddellijke werking laat een rechtsgeldige verdaging in stand). "
                                "Controleer dit bij het besluit."
                            )
                            % {
                                "on": format_date_nl(on),
                                "weeks": _weeks(adj_rule.adjournment_weeks),
                                "article": adj_rule.adjournment_article,
                            },
                        )
                else:
                    ineffective.append(key)
                    steps.append(
                        f"{_cap(rule.adjournment_noun)} van {format_date_nl(on)} is te laat (na "
                        f"{format_date_nl(limit)}): geen verlenging ({adj_rule.adjournment_article})."
                    )
                    if case_kind == KAMERVRAGEN:
                        warn(
                            key,
                            _(
                                "Het uitstelbericht van %(on)s is verzonden na afloop van de "
                                "antwoordtermijn van drie weken op %(limit)s; het geeft geen "
                                "verdere drie weken (%(article)s): de antwoorden zijn te laat."
                            )
                            % {
                                "on": format_date_nl(on),
                                "limit": format_date_nl(limit),
                                "article": adj_rule.adjournment_article,
                            },
                        )
                    else:
                        warn(
                            key,
                            f"De verdaging van {format_date_nl(on)} is verzonden na afloop van de "
                            f"eerste beslistermijn op {format_date_nl(limit)} en heeft daarom geen "
                            f"rechtsgevolg: zij verlengt de termijn niet "
                            f"({adj_rule.adjournment_article}).",
                        )
                    moved_first, _why = roll_forward(limit, holidays)
                    if on <= moved_first:
                        warn(
                            key,
                            f"De eerste termijn eindigde in het weekend of op een feestdag; of de "
                            f"Algemene termijnenwet hem verlengt tot {format_date_nl(moved_first)} "
                            "is in de rechtspraak niet beslist. Uitgegaan is van de veilige "
                            "lezing: te laat.",
                        )
            else:
                # Woo art. 4.4 lid 2 / Wob art. 6 lid 2: a term can be adjourned once.
                ineffective.append(key)
                if adjourned_count >= rule.adjournments_allowed:
                    warn(
                        key,
                        f"Verdaging van {format_date_nl(on)}: dit verzoek is al eerder verdaagd; "
                        f"een beslistermijn kan maar eenmaal worden verdaagd "
                        f"({adj_rule.adjournment_article}); deze brief verlengt de termijn niet.",
                    )
                else:
                    warn(
                        key,
                        f"Verdaging van {format_date_nl(on)}: de eerdere verdaging was te laat en "
                        "deze is dat ook; de termijn wordt niet verlengd.",
                    )
            continue

        s: Suspension = item
        span = s.days()
        label = _suspension_basis(s.reason, rule) if not s.article else s.reason
        if s.article and s.article.lower() not in label.lower():
            label = f"{label}, {s.article}"
        period = f"{format_date_nl(s.first_day)} t/m {format_date_nl(s.last_day)}"
        if s.running:
            period += " (loopt nog)"
        if s.first_day < received_on:
            warn(
                s.key,
                f"De opschorting vanaf {format_date_nl(s.first_day)} begint vóór de ontvangst "
                "van het verzoek; controleer de datum.",
            )
        if s.first_day > due:
            # Only a running term can be suspended (domain.md §1): recorded, warned, adds nothing.
            ineffective.append(s.key)
            periods.append(
                SuspensionPeriod(
                    s.first_day, s.last_day, label, s.source, 0, False, s.running, s.key
                )
            )
            steps.append(
                f"Opschorting {period} ({label}) begint na het einde van de termijn "
                f"({format_date_nl(due)}): geen extra dagen."
            )
            warn(
                s.key,
                f"De opschorting vanaf {format_date_nl(s.first_day)} begint na het einde van de "
                f"termijn zoals die toen liep ({format_date_nl(due)}); een verstreken termijn kan "
                "niet meer worden opgeschort. De opschorting is vastgelegd maar telt niet mee.",
            )
            continue
        new_days = span - counted
        counted |= span
        periods.append(
            SuspensionPeriod(
                s.first_day, s.last_day, label, s.source, len(new_days), True, s.running, s.key
            )
        )
        if not new_days:
            steps.append(
                f"Opschorting {period} ({label}) valt geheel binnen een eerdere opschorting: "
                "geen extra dagen."
            )
            continue
        due += timedelta(days=len(new_days))
        overlap = len(span) - len(new_days)
        note = f", waarvan {_days(overlap)} al eerder opgeschort" if overlap else ""
        steps.append(
            f"{_days(len(new_days))} opgeschort ({label}; {period}{note}): {format_date_nl(due)}."
        )

    if adjourned_on is None:
        limit = due  # no verdaging yet: it is timely up to the first term as it now runs

    # Atw art. 1 lid 1: only the final day moves past a Saturday, Sunday or holiday.
    final, why = roll_forward(due, holidays)
    if why:
        steps.append(
            f"Laatste dag {why}; verschoven naar {format_date_nl(final, weekday=True)} ({ATW})."
        )
    steps.append(f"{rule.due_noun}: {format_date_nl(final, weekday=True)}.")
    return Deadline(
        regime=regime,
        received_on=received_on,
        first_term_ends_on=first_term,
        adjourned_on=adjourned_on,
        adjournment_valid=valid,
        suspended_days=len(counted),
        due_on=final,
        steps=tuple(steps),
        warnings=tuple(warnings),
        adjournment_limit=limit,
        adjournment_weeks=added_weeks,
        adjournment_article=adj_article,
        suspensions=tuple(periods),
        notes=tuple(notes),
        ineffective=tuple(ineffective),
    )


def days_late(*, due_on: date, sent_on: date) -> int:
    """Calendar days the bekendmaking came after the last day; 0 when on or before it."""
    return max(0, (sent_on - due_on).days)


def bezwaar_term_ends(
    *, bekendmaking_on: date, extra_holidays: Iterable[date] | Mapping[date, str] = ()
) -> tuple[date, str]:
    """The last day to lodge bezwaar, and a Dutch explanation.

    Awb 6:7: six weeks; Awb 6:8 lid 1: from the day after bekendmaking, so the last day is
    bekendmaking + 42 days; Atw art. 1 lid 1 moves it past a weekend or holiday.
    """
    raw = bekendmaking_on + timedelta(weeks=BEZWAAR_TERM_WEEKS)
    final, why = roll_forward(raw, extra_holidays)
    text = (
        f"De bezwaartermijn van zes weken (art. 6:7 Awb) begint op de dag na de bekendmaking "
        f"op {format_date_nl(bekendmaking_on)} (art. 6:8 lid 1 Awb) en eindigt op "
        f"{format_date_nl(raw, weekday=not why)}."
    )
    if why:
        text += (
            f" Die dag {why}; de termijn loopt door tot en met "
            f"{format_date_nl(final, weekday=True)} ({ATW})."
        )
    return final, text


def beroep_niet_tijdig_from(*, ingebrekestelling_received_on: date) -> tuple[date, str]:
    """The first day beroep against not deciding in time is possible, with a Dutch explanation.

    Awb 6:12 lid 2: once two weeks have passed since the organ received the ingebrekestelling;
    the day of receipt counts as day 1 (domain.md §1), so from receipt + 14 days.
    """
    first = ingebrekestelling_received_on + timedelta(days=BEROEP_NIET_TIJDIG_AFTER_DAYS)
    text = (
        f"De ingebrekestelling is op {format_date_nl(ingebrekestelling_received_on)} ontvangen. "
        f"Twee weken daarna, vanaf {format_date_nl(first, weekday=True)}, kan de verzoeker "
        "beroep instellen wegens niet tijdig beslissen (art. 6:12 lid 2 Awb)."
    )
    return first, text


def precisering_deadline(*, received_on: date, rules: Sequence[TermRule] = TERM_RULES) -> date:
    """Woo art. 4.1 lid 5: ask the requester to clarify within two weeks after receipt (D0 + 14).

    The raw day is returned, not moved by the Atw: the earlier day is the safe target.
    """
    days = term_rule(WOO, received_on, rules).precisering_within_days
    return received_on + timedelta(days=days)


def release_after_objection_term(
    *, bekendmaking_on: date, regime: str = WOO, rules: Sequence[TermRule] = TERM_RULES
) -> date:
    """Woo art. 4.4 lid 5: when a third party is expected to object, documents are released no
    earlier than two weeks after bekendmaking (bekendmaking + 14 days). A request for a
    voorlopige voorziening within that time freezes the release until the court has ruled."""
    days = term_rule(regime, bekendmaking_on, rules).release_after_days
    return bekendmaking_on + timedelta(days=days)


# --- Events -> suspensions -----------------------------------------------------------------------


def _first_after(
    events: list[ClockEvent], type_: str, on: date, used: set[int]
) -> ClockEvent | None:
    for i, e in enumerate(events):
        if e.type == type_ and e.on >= on and i not in used:
            used.add(i)
            return e
    return None


def zienswijze_suspensions(
    events: Sequence[ClockEvent], *, rule: TermRule, today: date
) -> tuple[list[Suspension], list[tuple[object, str]]]:
    """Woo art. 4.4 lid 3 / Wob art. 6 lid 3 (Awb 4:8): the term is suspended from the day after
    the requester is told that a zienswijze is asked, through ("tot en met") the day the view is
    given or its term ran out. A `zienswijze_asked` event tells the requester that day unless a
    `zienswijze_notice` event dates the telling; `zienswijze_received` ends it."""
    live = list(events)
    result: list[Suspension] = []
    notes: list[tuple[object, str]] = []
    used_notice: set[int] = set()
    used_received: set[int] = set()
    article = rule.zienswijze_article
    for asked in (e for e in live if e.type == "zienswijze_asked"):
        notice = _first_after(live, "zienswijze_notice", asked.on, used_notice)
        told = notice.on if notice else asked.on
        received = _first_after(live, "zienswijze_received", asked.on, used_received)
        running = False
        if received is not None:
            last = received.on
            if asked.until is not None and asked.until < received.on:
                last = asked.until  # the term set ran out before the view came
        elif asked.until is not None:
            last = asked.until
        else:
            last, running = max(today, told + timedelta(days=1)), True
            notes.append(
                (
                    asked.key,
                    _(
                        "De zienswijzetermijn heeft geen einddatum en er is nog geen zienswijze "
                        "ontvangen: de opschorting is tot en met vandaag geteld (%(article)s)."
                    )
                    % {"article": article},
                )
            )
        first = told + timedelta(days=1)
        if last < first:
            continue  # the view came on the day the requester was told: nothing suspended
        result.append(
            Suspension(
                first,
                last,
                "zienswijze derde (art. 4:8 Awb)",
                source="zienswijze",
                running=running,
                key=asked.key,
            )
        )
    return result, notes


def precisering_suspensions(
    events: Sequence[ClockEvent],
    *,
    regime: str,
    woo_suspends: bool,
    rule: TermRule,
    received_on: date,
    today: date,
    decided: bool = False,
) -> tuple[list[Suspension], list[tuple[object, str]]]:
    """Awb 4:15 lid 1 sub a: asking to complete the request (precisering) suspends the term from
    the day after the invitation *until* ("tot") the day it is completed (that day is not
    suspended), or, when never answered, through the last day of the reply term set (the term has
    then lapsed unused). Under the Woo an organisation setting decides whether a precisering
    suspends at all (domain.md §7). A precisering asked later than two weeks after receipt under
    the Woo is warned (art. 4.1 lid 5 Woo)."""
    notes: list[tuple[object, str]] = []
    result: list[Suspension] = []
    live = list(events)
    used: set[int] = set()
    for asked in (e for e in live if e.type == "precisering_asked"):
        if rule.precisering_within_days is not None:
            latest = received_on + timedelta(days=rule.precisering_within_days)
            if asked.on > latest:
                notes.append(
                    (
                        asked.key,
                        _(
                            "De precisering is gevraagd op %(on)s, later dan twee weken na "
                            "ontvangst (uiterlijk %(latest)s, %(article)s)."
                        )
                        % {
                            "on": format_date_nl(asked.on),
                            "latest": format_date_nl(latest),
                            "article": rule.precisering_article,
                        },
                    )
                )
        answered = _first_after(live, "precisering_received", asked.on, used)
        if regime == WOO and not woo_suspends:
            continue
        first = asked.on + timedelta(days=1)
        running = False
        if answered is not None:
            last = answered.on - timedelta(days=1)  # "tot": the completion day is not suspended
            if asked.until is not None and asked.until < last:
                last = asked.until  # the reply term lapsed before the answer came
        elif asked.until is not None:
            last = asked.until
        elif not decided:
            last, running = max(today, first), True
            notes.append(
                (
                    asked.key,
                    _(
                        "Er is geen antwoordtermijn gesteld en de precisering is nog niet "
                        "ontvangen: de opschorting is tot en met vandaag geteld "
                        "(%(article)s). Stel een antwoordtermijn."
                    )
                    % {"article": PRECISERING_SUSPENSION_ARTICLE},
                )
            )
        else:
            notes.append(
                (
                    asked.key,
                    _(
                        "Er is geen antwoordtermijn gesteld en geen precisering ontvangen: de "
                        "termijn is niet opgeschort (zie de rechtspraak over %(article)s)."
                    )
                    % {"article": PRECISERING_SUSPENSION_ARTICLE},
                )
            )
            continue
        if last < first:
            continue  # completed the day after the invitation: nothing suspended
        result.append(
            Suspension(
                first,
                last,
                "precisering",
                article=PRECISERING_SUSPENSION_ARTICLE,
                source="precisering",
                running=running,
                key=asked.key,
            )
        )
    return result, notes


# --- The clock -----------------------------------------------------------------------------------


def compute(
    *,
    events: Sequence[ClockEvent],
    regime: str,
    received_on: date,
    settings: ClockSettings | None = None,
    today: date,
    status: str = "",
    case_kind: str = INFORMATIEVERZOEK,
    rules: Sequence[TermRule] = TERM_RULES,
) -> CaseClock:
    """Every date and verdict of one case (see the module docstring); voided events are ignored."""
    settings = settings or ClockSettings()
    holidays = dict(settings.holidays)
    rule = term_rule(regime, received_on, rules, case_kind)
    live = sorted((e for e in events if not e.voided), key=lambda e: e.on)
    of = lambda t: [e for e in live if e.type == t]  # noqa: E731

    sent_events = of(rule.sent_event)
    sent_on = sent_events[0].on if sent_events else None

    suspensions = [
        Suspension(
            e.on,
            e.until or e.on,
            e.reason_label or "opschorting",
            key=e.key,
        )
        for e in of("suspension")
    ]
    extra_notes: list[tuple[object, str]] = []
    zs, zn = zienswijze_suspensions(live, rule=rule, today=today)
    ps, pn = precisering_suspensions(
        live,
        regime=regime,
        woo_suspends=settings.precisering_suspends_woo,
        rule=rule,
        received_on=received_on,
        today=today,
        decided=sent_on is not None,
    )
    suspensions += zs + ps
    extra_notes += zn + pn
    adjourned = of(rule.adjournment_event)
    d = decision_due(
        regime=regime,
        received_on=received_on,
        adjournments=[e.on for e in adjourned],
        adjournment_keys=[e.key for e in adjourned],
        suspensions=suspensions,
        extra_holidays=holidays,
        rules=rules,
        case_kind=case_kind,
    )
    notes = list(d.notes) + extra_notes
    steps = list(d.steps)
    warnings = list(d.warnings) + [text for _k, text in extra_notes]

    def warn(key, text: str) -> None:
        warnings.append(text)
        notes.append((key, text))

    late = days_late(due_on=d.due_on, sent_on=sent_on) if sent_on else None

    # Ingebrekestelling and beroep niet tijdig (Awb 6:12, 6:20).
    beroep_from = None
    beroep_text = ""
    for e in of("ingebrekestelling_received"):
        if e.on <= d.due_on:
            warn(
                e.key,
                f"De beslistermijn liep op die dag nog (tot en met {format_date_nl(d.due_on)}); "
                "een ingebrekestelling vóór het verstrijken van de termijn is voorbarig.",
            )
        elif beroep_from is None:
            beroep_from, beroep_text = beroep_niet_tijdig_from(ingebrekestelling_received_on=e.on)
    beroep_late = [e for e in of("beroep_received") if sent_on is None or e.on < sent_on]
    for e in beroep_late:
        ing = [i for i in of("ingebrekestelling_received") if i.on <= e.on]
        if not ing:
            warn(
                e.key,
                _(
                    "Beroep wegens niet tijdig beslissen zonder ingebrekestelling: dat kan pas "
                    "twee weken nadat het bestuursorgaan in gebreke is gesteld (%(article)s)."
                )
                % {"article": BEROEP_NIET_TIJDIG_ARTICLE},
            )
        else:
            allowed, _text = beroep_niet_tijdig_from(ingebrekestelling_received_on=ing[0].on)
            if e.on < allowed:
                warn(
                    e.key,
                    _(
                        "Het beroep is ingesteld op %(on)s, eerder dan twee weken na ontvangst "
                        "van de ingebrekestelling op %(ing)s (mogelijk vanaf %(allowed)s, "
                        "%(article)s)."
                    )
                    % {
                        "on": format_date_nl(e.on),
                        "ing": format_date_nl(ing[0].on),
                        "allowed": format_date_nl(allowed),
                        "article": BEROEP_NIET_TIJDIG_ARTICLE,
                    },
                )
    if beroep_late and sent_on is not None:
        steps.append(
            _(
                "Na het beroep wegens niet tijdig beslissen is op %(sent)s alsnog besloten: de "
                "plicht om te beslissen bleef bestaan en het beroep gaat mede over dit besluit "
                "(%(article)s)."
            )
            % {"sent": format_date_nl(sent_on), "article": LATE_DECISION_ARTICLE}
        )

    # Bezwaar (Awb 6:7, 6:8, 6:9, 6:11).
    bezwaar_ends_on, bezwaar_text = (None, "")
    if sent_on is not None and rule.has_bezwaar:
        bezwaar_ends_on, bezwaar_text = bezwaar_term_ends(
            bekendmaking_on=sent_on, extra_holidays=holidays
        )
        for e in of("bezwaar_received"):
            if e.on > bezwaar_ends_on:
                warn(
                    e.key,
                    _(
                        "Het bezwaarschrift is ontvangen op %(on)s, na het einde van de "
                        "bezwaartermijn op %(end)s (%(article)s). Het is toch tijdig als het vóór "
                        "het einde van de termijn per post is verzonden en binnen een week is "
                        "ontvangen (art. 6:9 lid 2 Awb); anders niet-ontvankelijk, tenzij de "
                        "overschrijding verschoonbaar is (art. 6:11 Awb)."
                    )
                    % {
                        "on": format_date_nl(e.on),
                        "end": format_date_nl(bezwaar_ends_on),
                        "article": BEZWAAR_ARTICLE,
                    },
                )

    release_on = None
    if sent_on is not None and of("zienswijze_asked") and rule.release_after_days:
        release_on = sent_on + timedelta(days=rule.release_after_days)

    closed = status in CLOSED_STATUSES
    light = _light(d.due_on, today, sent_on, late, closed, holidays)
    actions, reminders = _actions(
        d,
        live,
        received_on,
        today,
        sent_on,
        closed,
        holidays,
        rule,
        beroep_from,
        release_on,
        status,
    )
    return CaseClock(
        regime=d.regime,
        received_on=d.received_on,
        first_term_ends_on=d.first_term_ends_on,
        adjourned_on=d.adjourned_on,
        adjournment_valid=d.adjournment_valid,
        suspended_days=d.suspended_days,
        due_on=d.due_on,
        steps=tuple(steps),
        warnings=tuple(dict.fromkeys(warnings)),
        adjournment_limit=d.adjournment_limit,
        adjournment_weeks=d.adjournment_weeks,
        adjournment_article=d.adjournment_article,
        suspensions=d.suspensions,
        notes=tuple(notes),
        ineffective=d.ineffective,
        today=today,
        status=status,
        decision_sent_on=sent_on,
        days_late=late,
        bezwaar_ends_on=bezwaar_ends_on,
        bezwaar_text=bezwaar_text,
        beroep_niet_tijdig_from=beroep_from,
        beroep_text=beroep_text,
        release_on=release_on,
        light=light,
        actions=tuple(actions),
        reminders=tuple(reminders),
    )


def _light(
    due_on: date, today: date, sent_on: date | None, late: int | None, closed: bool, holidays
) -> TrafficLight:
    if sent_on is not None:
        label = f"besloten, {late} dagen te laat" if late else "op tijd besloten"
        return TrafficLight(LIGHT_GREY, label, None, due_on)
    if closed:
        return TrafficLight(LIGHT_GREY, "afgerond", None, due_on)
    days_left = (due_on - today).days
    if days_left < 0:
        return TrafficLight(LIGHT_RED, "te laat", days_left, due_on)
    if working_days_between(today, due_on, holidays) <= WARN_WORKING_DAYS_BEFORE_DUE:
        label = f"verloopt binnen {WARN_WORKING_DAYS_BEFORE_DUE} werkdagen"
        return TrafficLight(LIGHT_AMBER, label, days_left, due_on)
    return TrafficLight(LIGHT_GREEN, "op tijd", days_left, due_on)


def verdaging_refusal(clock: Deadline, on: date) -> str | None:
    """Why a verdaging (letter or step) dated `on` has no effect, or None when it is timely.

    Woo art. 4.4 lid 2 / Wob art. 6 lid 2: once, by a notice sent on or before the last day of the
    first term as extended by a suspension that began while it ran."""
    if clock.adjourned_on is not None and clock.adjournment_valid:
        return (
            "Dit verzoek is al eerder verdaagd; een beslistermijn kan maar één keer worden "
            "verdaagd."
        )
    limit = clock.adjournment_limit or clock.first_term_ends_on
    if on > limit:
        return (
            f"De eerste beslistermijn is op {format_date_nl(limit)} verstreken; verdagen kan niet "
            "meer."
        )
    return None


def _actions(
    d: Deadline,
    live: list[ClockEvent],
    received_on: date,
    today: date,
    sent_on: date | None,
    closed: bool,
    holidays,
    rule: TermRule,
    beroep_from: date | None,
    release_on: date | None,
    status: str,
) -> tuple[list[Finding], list[Finding]]:
    """What needs a person now, and what the daily reminders mail about."""
    actions: list[Finding] = []
    reminders: list[Finding] = []
    types = {e.type for e in live}
    if sent_on is not None:
        if (
            release_on is not None
            and status in ("verzonden", "verstrekking_uitgesteld")
            and today >= release_on
        ):
            actions.append(
                Finding(
                    "release",
                    f"Documenten kunnen worden verstrekt (vanaf {format_date_nl(release_on)})",
                    rule.release_article,
                    release_on,
                )
            )
        return actions, reminders
    if closed:
        return actions, reminders
    if (
        rule.acknowledge
        and "acknowledged" not in types
        and working_days_between(received_on, today, holidays) > ACKNOWLEDGE_WITHIN_WORKING_DAYS
    ):
        actions.append(
            Finding(
                "acknowledge",
                f"Nog geen ontvangstbevestiging na {ACKNOWLEDGE_WITHIN_WORKING_DAYS} werkdagen",
                "huisregel (art. 4:3a Awb)",
            )
        )
    limit = d.adjournment_limit or d.first_term_ends_on
    if (
        d.adjourned_on is None
        and today <= limit
        and working_days_between(today, limit, holidays) <= WARN_WORKING_DAYS_BEFORE_DUE
    ):
        first_term_text = (
            f"Uitstelbericht sturen of antwoorden vóór {format_date_nl(limit)} (einde drie weken)"
            if rule.case_kind == KAMERVRAGEN
            else f"Verdagen of beslissen vóór {format_date_nl(limit)} (einde eerste termijn)"
        )
        finding = Finding(
            "first_term",
            first_term_text,
            rule.adjournment_article,
            limit,
        )
        actions.append(finding)
        reminders.append(finding)
    for p in d.suspensions:
        if (
            p.effective
            and not p.running
            and today <= p.last_day <= today + timedelta(days=SUSPENSION_END_NOTICE_DAYS)
        ):
            actions.append(
                Finding(
                    "suspension_ends",
                    f"Opschorting eindigt {format_date_nl(p.last_day)}: verzoeker nieuwe datum "
                    "melden",
                    "art. 4.4 lid 4 Woo",
                    p.last_day,
                )
            )
    if d.due_on < today:
        finding = Finding(
            "overdue",
            f"Te laat: termijn verstreek op {format_date_nl(d.due_on)}",
            rule.decision_article,
            d.due_on,
        )
        actions.append(finding)
        reminders.append(finding)
    elif working_days_between(today, d.due_on, holidays) <= WARN_WORKING_DAYS_BEFORE_DUE:
        reminders.append(
            Finding(
                "due_soon",
                f"Uiterlijk {format_date_nl(d.due_on, weekday=True)} beslissen",
                rule.decision_article,
                d.due_on,
            )
        )
    for e in live:
        if e.type == "ingebrekestelling_received":
            first, _text = beroep_niet_tijdig_from(ingebrekestelling_received_on=e.on)
            actions.append(
                Finding(
                    "ingebrekestelling",
                    f"Ingebrekestelling ontvangen {format_date_nl(e.on)}: beroep mogelijk vanaf "
                    f"{format_date_nl(first)}",
                    BEROEP_NIET_TIJDIG_ARTICLE,
                    first,
                )
            )
    return actions, reminders
