"""The deadline engine: pure date arithmetic for Wob/Woo terms, the article cited beside each rule."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from cases.calendar_nl import MONTHS as _MONTHS
from cases.calendar_nl import WEEKDAYS as _WEEKDAYS
from cases.calendar_nl import roll_forward

WOB = "wob"
WOO = "woo"
WOO_IN_FORCE = date(2022, 5, 1)  # Woo art. 10.3 jo. KB: in force 1 May 2022


def format_date_nl(d: date, weekday: bool = False) -> str:
    """'10 mei 2021', or 'maandag 20 december 2021' (no locale needed)."""
    text = f"{d.day} {_MONTHS[d.month - 1]} {d.year}"
    return f"{_WEEKDAYS[d.weekday()]} {text}" if weekday else text


@dataclass(frozen=True)
class TermRule:
    """Terms in force for a regime from a date on (the legislator may change them: keep as data)."""

    regime: str
    effective_from: date
    decision_weeks: int
    adjournment_weeks: int
    decision_article: str
    adjournment_article: str
    suspension_article: str


TERM_RULES: tuple[TermRule, ...] = (
    # Wob art. 6 lid 1: beslissen binnen vier weken; lid 2: verdagen met ten hoogste vier weken;
    # art. 6 lid 3 jo. Awb 4:8: zienswijze derden schort op.
    TermRule(
        WOB, date(1992, 5, 1), 4, 4, "art. 6 lid 1 Wob", "art. 6 lid 2 Wob", "art. 6 lid 3 Wob"
    ),
    # Woo art. 4.4 lid 1: vier weken; lid 2: verdagen met twee weken; lid 3: zienswijze schort op.
    TermRule(
        WOO, WOO_IN_FORCE, 4, 2, "art. 4.4 lid 1 Woo", "art. 4.4 lid 2 Woo", "art. 4.4 lid 3 Woo"
    ),
)


def term_rule(regime: str, on: date) -> TermRule:
    candidates = [r for r in TERM_RULES if r.regime == regime]
    if not candidates:
        raise ValueError(f"Onbekend regime '{regime}'.")
    valid = [r for r in candidates if r.effective_from <= on] or candidates[:1]
    return max(valid, key=lambda r: r.effective_from)


def regime_for(received_on: date, decided_on: date | None = None) -> str:
    """The law applied at the decision date (Woo art. 10.1 transitional law: pending requests are
    decided under the Woo from 1 May 2022); without a decision date, the receipt date decides."""
    reference = decided_on or received_on
    return WOO if reference >= WOO_IN_FORCE else WOB


@dataclass(frozen=True)
class Suspension:
    first_day: date
    last_day: date  # inclusive
    reason: str = ""


@dataclass(frozen=True)
class Deadline:
    regime: str
    received_on: date
    first_term_ends_on: date  # received + 28 days, before any Atw move
    adjourned_on: date | None
    adjournment_valid: bool | None
    suspended_days: int
    due_on: date
    steps: tuple[str, ...]
    warnings: tuple[str, ...]

    @property
    def explanation(self) -> str:
        return "\n".join(self.steps)


def _suspended_day_count(suspensions: Sequence[Suspension]) -> int:
    days: set[date] = set()
    for s in suspensions:
        if s.last_day < s.first_day:
            raise ValueError(
                f"Opschorting van {format_date_nl(s.first_day)} tot en met "
                f"{format_date_nl(s.last_day)}: de laatste dag ligt vóór de eerste."
            )
        days.update(
            s.first_day + timedelta(days=i) for i in range((s.last_day - s.first_day).days + 1)
        )
    return len(days)


def decision_due(
    *,
    regime: str,
    received_on: date,
    adjournments: Sequence[date] = (),
    suspensions: Sequence[Suspension] = (),
    extra_holidays: Iterable[date] = (),
) -> Deadline:
    """The final legal deadline (domain.md §1): T = D0 + 28; a valid verdaging adds 14 (Woo) or 28
    (Wob) days; suspended days are added; the Atw moves only the final day."""
    rule = term_rule(regime, received_on)
    law = "Woo" if regime == WOO else "Wob"
    steps = [f"Ontvangen op {format_date_nl(received_on, weekday=True)}."]
    warnings: list[str] = []
    first_term = received_on + timedelta(weeks=rule.decision_weeks)
    steps.append(
        f"Beslistermijn {rule.decision_weeks} weken ({rule.decision_article}): {format_date_nl(first_term)}."
    )
    due = first_term

    adjourned_on = min(adjournments) if adjournments else None
    valid: bool | None = None
    if adjourned_on is not None:
        ordered = sorted(adjournments)
        # Woo art. 4.4 lid 2 / Wob art. 6 lid 2: verdagen kan eenmaal, vóór afloop van de eerste termijn.
        valid = ordered[0] <= first_term
        if valid:
            due = due + timedelta(weeks=rule.adjournment_weeks)
            steps.append(
                f"Verdaagd bij brief van {format_date_nl(ordered[0])}, tijdig: + {rule.adjournment_weeks} "
                f"weken ({rule.adjournment_article}): {format_date_nl(due)}."
            )
        else:
            warnings.append(
                f"De verdaging van {format_date_nl(ordered[0])} is verzonden na afloop van de eerste "
                f"beslistermijn ({format_date_nl(first_term)}) en verlengt de termijn niet."
            )
            steps.append(f"Verdaging van {format_date_nl(ordered[0])} te laat: geen verlenging.")
        for later in ordered[1:]:
            warnings.append(
                f"Tweede verdaging van {format_date_nl(later)}: een termijn kan maar eenmaal worden "
                "verdaagd; geen verlenging."
            )

    suspended = _suspended_day_count(suspensions)
    if suspended:
        due = due + timedelta(days=suspended)
        reasons = ", ".join(sorted({s.reason for s in suspensions if s.reason})) or "opschorting"
        article = rule.suspension_article + " / art. 4:15 Awb"
        steps.append(f"{suspended} dagen opgeschort ({reasons}; {article}): {format_date_nl(due)}.")

    final, why = roll_forward(due, extra_holidays)
    if why:
        steps.append(
            f"Laatste dag {why}; verschoven naar {format_date_nl(final, weekday=True)} "
            "(art. 1 Algemene termijnenwet)."
        )
    steps.append(f"Uiterste beslisdatum: {format_date_nl(final, weekday=True)} ({law}).")
    return Deadline(
        regime=regime,
        received_on=received_on,
        first_term_ends_on=first_term,
        adjourned_on=adjourned_on,
        adjournment_valid=valid,
        suspended_days=suspended,
        due_on=final,
        steps=tuple(steps),
        warnings=tuple(warnings),
    )


def days_late(*, due_on: date, sent_on: date) -> int:
    """Calendar days after the deadline; 0 when on time (bekendmaking on or before due_on)."""
    return max(0, (sent_on - due_on).days)


def bezwaar_term_ends(
    *, bekendmaking_on: date, extra_holidays: Iterable[date] = ()
) -> tuple[date, str]:
    """Awb 6:7 and 6:8 lid 1: six weeks from the day after bekendmaking -> last day = D + 42; Atw art. 1."""
    raw = bekendmaking_on + timedelta(weeks=6)
    final, why = roll_forward(raw, extra_holidays)
    text = (
        f"Bezwaartermijn zes weken (art. 6:7 Awb), vanaf de dag na bekendmaking op "
        f"{format_date_nl(bekendmaking_on)} (art. 6:8 lid 1 Awb): {format_date_nl(raw)}."
    )
    if why:
        text += f" Laatste dag {why}; verschoven naar {format_date_nl(final)} (art. 1 Atw)."
    return final, text


def beroep_niet_tijdig_from(*, ingebrekestelling_received_on: date) -> tuple[date, str]:
    """Awb 6:12 lid 2: beroep once two weeks have passed since the organ received the
    ingebrekestelling; the receipt day counts as day 1, so from received + 14 days."""
    first = ingebrekestelling_received_on + timedelta(days=14)
    return first, (
        f"Ingebrekestelling ontvangen op {format_date_nl(ingebrekestelling_received_on)}; beroep "
        f"wegens niet tijdig beslissen mogelijk vanaf {format_date_nl(first)} (art. 6:12 lid 2 Awb)."
    )


def precisering_deadline(*, received_on: date) -> date:
    """Woo art. 4.1 lid 5: ask the requester to clarify within two weeks after receipt."""
    return received_on + timedelta(days=14)


def release_after_objection_term(*, bekendmaking_on: date) -> date:
    """Woo art. 4.4 lid 5: disclosure against a third party's view waits two weeks after
    bekendmaking (a request for a voorlopige voorziening freezes it)."""
    return bekendmaking_on + timedelta(days=14)
