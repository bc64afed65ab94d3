"""The deadline engine: pure date arithmetic for Wob/Woo terms, the article cited beside each rule."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from cases.calendar_nl import format_date_nl, roll_forward

__all__ = [
    "WOB",
    "WOO",
    "WOO_IN_FORCE",
    "TERM_RULES",
    "TermRule",
    "Suspension",
    "Deadline",
    "term_rule",
    "regime_for",
    "decision_due",
    "days_late",
    "bezwaar_term_ends",
    "beroep_niet_tijdig_from",
    "precisering_deadline",
    "release_after_objection_term",
    "format_date_nl",
]

WOB = "wob"
WOO = "woo"
WOO_IN_FORCE = date(2022, 5, 1)  # the Woo replaced the Wob on 1 May 2022

ATW = "art. 1 Algemene termijnenwet"


@dataclass(frozen=True)
class TermRule:
    """The terms of one regime from a date on; the legislator may change them, so they are data."""

    regime: str
    effective_from: date
    decision_weeks: int = 4
    adjournment_weeks: int = 2
    law: str = ""  # "Wob" / "Woo", as written in explanations
    decision_article: str = ""
    adjournment_article: str = ""
    zienswijze_article: str = ""  # the regime's own suspension rule for a zienswijze derde


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
    ),
)


def term_rule(regime: str, on: date, rules: Sequence[TermRule] = TERM_RULES) -> TermRule:
    """The rule of `regime` in force on `on`; before its first rule, that first rule.

    A request decided under a regime that was not yet in force when it arrived (a Wob request
    still pending on 1 May 2022 is decided under the Woo) gets that regime's first terms.
    """
    candidates = sorted((r for r in rules if r.regime == regime), key=lambda r: r.effective_from)
    if not candidates:
        raise ValueError(f"Onbekend regime '{regime}': verwacht '{WOB}' of '{WOO}'.")
    in_force = [r for r in candidates if r.effective_from <= on]
    return in_force[-1] if in_force else candidates[0]


def regime_for(received_on: date, decided_on: date | None = None) -> str:
    """The law applied at the decision date (domain.md): the Woo from 1 May 2022, also for
    requests received earlier; without a decision date the receipt date decides."""
    reference_date = decided_on or received_on
    return WOO if reference_date >= WOO_IN_FORCE else WOB


@dataclass(frozen=True)
class Suspension:
    first_day: date
    last_day: date  # inclusive
    reason: str = ""  # e.g. "zienswijze derde (art. 4:8 Awb)", "Awb 4:15"

    def days(self) -> set[date]:
        """Every calendar day of the suspension; raises ValueError on a reversed range."""
        if self.last_day < self.first_day:
            raise ValueError(
                f"Opschorting van {format_date_nl(self.first_day)} tot en met "
                f"{format_date_nl(self.last_day)}: de laatste dag ligt vóór de eerste dag."
            )
        length = (self.last_day - self.first_day).days + 1
        return {self.first_day + timedelta(days=i) for i in range(length)}


@dataclass(frozen=True)
class Deadline:
    regime: str
    received_on: date
    first_term_ends_on: date  # received + 28 days, before any Atw move
    adjourned_on: date | None  # date of the first adjournment letter
    adjournment_valid: bool | None  # None when not adjourned
    suspended_days: int  # distinct calendar days, overlapping ranges counted once
    due_on: date  # final legal deadline after the Atw roll-forward
    steps: tuple[str, ...]  # Dutch explanation, one line per step, article named
    warnings: tuple[str, ...]  # Dutch, for the adviser

    @property
    def explanation(self) -> str:
        return "\n".join(self.steps)


def _weeks(n: int) -> str:
    return "1 week" if n == 1 else f"{n} weken"


def _days(n: int) -> str:
    return "1 dag" if n == 1 else f"{n} dagen"


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
    extra_holidays: Iterable[date] = (),
    rules: Sequence[TermRule] = TERM_RULES,
) -> Deadline:
    """The legal decision deadline, with a Dutch step-by-step explanation (domain.md §1).

    T = D0 + 4 weeks; the first adjournment, if dated on or before that raw day, adds 2 (Woo) or
    4 (Wob) weeks; distinct suspended days are added; only the final day is moved by the Atw.
    """
    rule = term_rule(regime, received_on, rules)
    steps = [f"Ontvangen op {format_date_nl(received_on, weekday=True)}."]
    warnings: list[str] = []

    # Woo art. 4.4 lid 1 / Wob art. 6 lid 1: the term runs from the day of receipt.
    first_term = received_on + timedelta(weeks=rule.decision_weeks)
    due = first_term
    steps.append(
        f"Beslistermijn {_weeks(rule.decision_weeks)} ({rule.decision_article}): "
        f"{format_date_nl(first_term)}."
    )

    ordered = sorted(adjournments)
    adjourned_on = ordered[0] if ordered else None
    valid: bool | None = None
    if adjourned_on is not None:
        if adjourned_on < received_on:
            warnings.append(
                f"De verdaging van {format_date_nl(adjourned_on)} ligt vóór de ontvangst van het "
                "verzoek; controleer de datum."
            )
        # Woo art. 4.4 lid 2 / Wob art. 6 lid 2: adjourned by a notice sent before the first term
        # ends; the Atw is applied at the end only, so the raw first day is the limit.
        valid = adjourned_on <= first_term
        if valid:
            due += timedelta(weeks=rule.adjournment_weeks)
            steps.append(
                f"Verdaagd bij brief van {format_date_nl(adjourned_on)}, tijdig: "
                f"+ {_weeks(rule.adjournment_weeks)} ({rule.adjournment_article}): "
                f"{format_date_nl(due)}."
            )
        else:
            steps.append(
                f"Verdaging bij brief van {format_date_nl(adjourned_on)} is te laat (na "
                f"{format_date_nl(first_term)}): geen verlenging ({rule.adjournment_article})."
            )
            warnings.append(
                f"De verdaging van {format_date_nl(adjourned_on)} is verzonden na afloop van de "
                f"eerste beslistermijn op {format_date_nl(first_term)} en verlengt de termijn niet "
                f"({rule.adjournment_article})."
            )
            moved_first, _ = roll_forward(first_term, extra_holidays)
            if adjourned_on <= moved_first:
                warnings.append(
                    f"De eerste termijn eindigde in het weekend of op een feestdag; of de "
                    f"Algemene termijnenwet hem verlengt tot {format_date_nl(moved_first)} is in "
                    "de rechtspraak niet beslist. Uitgegaan is van de veilige lezing: te laat."
                )
        # Woo art. 4.4 lid 2 / Wob art. 6 lid 2: a term can be adjourned once.
        for later in ordered[1:]:
            warnings.append(
                f"Verdaging van {format_date_nl(later)}: een beslistermijn kan maar eenmaal worden "
                f"verdaagd ({rule.adjournment_article}); deze brief verlengt de termijn niet."
            )

    # Woo art. 4.4 lid 3 / Wob art. 6 lid 3 (zienswijze derde, Awb 4:8) and Awb 4:15: the term
    # is extended by the suspended days; a day covered by two suspensions counts once.
    counted: set[date] = set()
    for s in sorted(suspensions, key=lambda s: (s.first_day, s.last_day)):
        span = s.days()
        new_days = span - counted
        counted |= span
        label = _suspension_basis(s.reason, rule)
        period = f"{format_date_nl(s.first_day)} t/m {format_date_nl(s.last_day)}"
        if s.first_day > due:
            warnings.append(
                f"De opschorting vanaf {format_date_nl(s.first_day)} begint na het einde van de "
                f"termijn zoals die toen liep ({format_date_nl(due)}); een verstreken termijn kan "
                "niet meer worden opgeschort. Controleer of deze opschorting meetelt."
            )
        if s.first_day < received_on:
            warnings.append(
                f"De opschorting vanaf {format_date_nl(s.first_day)} begint vóór de ontvangst "
                "van het verzoek; controleer de datum."
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

    # Atw art. 1 lid 1: only the final day moves past a Saturday, Sunday or holiday.
    final, why = roll_forward(due, extra_holidays)
    if why:
        steps.append(
            f"Laatste dag {why}; verschoven naar {format_date_nl(final, weekday=True)} ({ATW})."
        )
    steps.append(f"Uiterste beslisdatum: {format_date_nl(final, weekday=True)}.")
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
    )


def days_late(*, due_on: date, sent_on: date) -> int:
    """Calendar days the bekendmaking came after the last day; 0 when on or before it."""
    return max(0, (sent_on - due_on).days)


def bezwaar_term_ends(
    *, bekendmaking_on: date, extra_holidays: Iterable[date] = ()
) -> tuple[date, str]:
    """The last day to lodge bezwaar, and a Dutch explanation.

    Awb 6:7: six weeks; Awb 6:8 lid 1: from the day after bekendmaking, so the last day is
    bekendmaking + 42 days; Atw art. 1 lid 1 moves it past a weekend or holiday.
    """
    raw = bekendmaking_on + timedelta(weeks=6)
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
    first = ingebrekestelling_received_on + timedelta(days=14)
    text = (
        f"De ingebrekestelling is op {format_date_nl(ingebrekestelling_received_on)} ontvangen. "
        f"Twee weken daarna, vanaf {format_date_nl(first, weekday=True)}, kan de verzoeker "
        "beroep instellen wegens niet tijdig beslissen (art. 6:12 lid 2 Awb)."
    )
    return first, text


def precisering_deadline(*, received_on: date) -> date:
    """Woo art. 4.1 lid 5: ask the requester to clarify within two weeks after receipt (D0 + 14).

    The raw day is returned, not moved by the Atw: the earlier day is the safe target.
    """
    return received_on + timedelta(days=14)


def release_after_objection_term(*, bekendmaking_on: date) -> date:
    """Woo art. 4.4 lid 5: when a third party is expected to object, documents are released no
    earlier than two weeks after bekendmaking (bekendmaking + 14 days). A request for a
    voorlopige voorziening within that time freezes the release until the court has ruled."""
    return bekendmaking_on + timedelta(days=14)
