"""Timeliness figures for the Woo art. 3.5 report: pure functions over plain case facts."""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

OUTCOME_LABELS = {
    "openbaarmaking": "openbaar",
    "gedeeltelijke_openbaarmaking": "deels openbaar",
    "geen_openbaarmaking": "niet openbaar",
    "reeds_openbaar": "reeds openbaar",
    "geen_documenten": "geen documenten",
}


@dataclass(frozen=True)
class CaseFacts:
    reference: str
    received_on: date
    due_on: date | None
    decision_sent_on: date | None
    withdrawn_on: date | None
    adjourned: bool  # a valid verdaging
    suspended_days: int
    judgements: tuple[str, ...]  # per document, duplicates excluded
    grounds: tuple[str, ...]  # every ground on every document (repeats count)
    pages: int


def decision_outcome(judgements: Sequence[str]) -> str:
    """Decision-level type (domain.md §5) from the per-document judgements."""
    js = [j for j in judgements if j and j != "dubbel"]
    if not js:
        return "geen_documenten"
    kinds = set(js)
    if kinds == {"reeds_openbaar"}:
        return "reeds_openbaar"
    if kinds <= {"openbaar", "reeds_openbaar"}:
        return "openbaarmaking"
    if kinds == {"niet_openbaar"}:
        return "geen_openbaarmaking"
    if kinds <= {"niet_openbaar", "reeds_openbaar"}:
        return "geen_openbaarmaking"
    return "gedeeltelijke_openbaarmaking"


def period_key(d: date, by: str) -> str:
    if by == "quarter":
        return f"{d.year}-K{(d.month - 1) // 3 + 1}"
    return str(d.year)


@dataclass
class PeriodFigures:
    period: str
    received: int = 0
    decided: int = 0
    withdrawn: int = 0
    on_time: int = 0
    adjourned: int = 0
    days: list[int] = field(default_factory=list)
    days_without_suspension: list[int] = field(default_factory=list)
    outcomes: Counter = field(default_factory=Counter)
    grounds: Counter = field(default_factory=Counter)
    pages: int = 0

    @property
    def on_time_share(self) -> float | None:
        return self.on_time / self.decided if self.decided else None

    @property
    def adjourned_share(self) -> float | None:
        return self.adjourned / self.decided if self.decided else None

    @property
    def mean_days(self) -> float | None:
        return statistics.fmean(self.days) if self.days else None

    @property
    def median_days(self) -> float | None:
        return statistics.median(self.days) if self.days else None

    @property
    def mean_days_without_suspension(self) -> float | None:
        return (
            statistics.fmean(self.days_without_suspension) if self.days_without_suspension else None
        )

    @property
    def median_days_without_suspension(self) -> float | None:
        return (
            statistics.median(self.days_without_suspension)
            if self.days_without_suspension
            else None
        )


def timeliness(facts: Iterable[CaseFacts], *, by: str = "year") -> list[PeriodFigures]:
    """Received, decided and withdrawn are counted in the period of their own date; the decision
    figures (on time, days, outcomes, grounds, pages) belong to the period of the decision."""
    periods: dict[str, PeriodFigures] = {}

    def get(d: date) -> PeriodFigures:
        key = period_key(d, by)
        return periods.setdefault(key, PeriodFigures(key))

    for f in facts:
        get(f.received_on).received += 1
        if f.withdrawn_on:
            get(f.withdrawn_on).withdrawn += 1
        if f.decision_sent_on:
            p = get(f.decision_sent_on)
            p.decided += 1
            if f.due_on is not None and f.decision_sent_on <= f.due_on:
                p.on_time += 1
            if f.adjourned:
                p.adjourned += 1
            days = (f.decision_sent_on - f.received_on).days
            p.days.append(days)
            p.days_without_suspension.append(days - f.suspended_days)
            p.outcomes[decision_outcome(f.judgements)] += 1
            p.grounds.update(f.grounds)
            p.pages += f.pages
    return [periods[k] for k in sorted(periods)]


def figures_as_rows(figures: Sequence[PeriodFigures]) -> tuple[list[str], list[list]]:
    """Flat table for CSV/XLSX export."""
    grounds = sorted({g for p in figures for g in p.grounds})
    header = [
        "periode",
        "ontvangen",
        "besloten",
        "ingetrokken",
        "tijdig besloten",
        "aandeel tijdig",
        "gemiddeld dagen",
        "mediaan dagen",
        "gemiddeld dagen zonder opschorting",
        "mediaan dagen zonder opschorting",
        "aandeel verdaagd",
        *[f"uitkomst: {label}" for label in OUTCOME_LABELS.values()],
        "pagina's beoordeeld",
        *[f"grond {g}" for g in grounds],
    ]
    rows = []
    for p in figures:
        rows.append(
            [
                p.period,
                p.received,
                p.decided,
                p.withdrawn,
                p.on_time,
                _round(p.on_time_share),
                _round(p.mean_days, 1),
                _round(p.median_days, 1),
                _round(p.mean_days_without_suspension, 1),
                _round(p.median_days_without_suspension, 1),
                _round(p.adjourned_share),
                *[p.outcomes.get(key, 0) for key in OUTCOME_LABELS],
                p.pages,
                *[p.grounds.get(g, 0) for g in grounds],
            ]
        )
    return header, rows


def _round(value: float | None, digits: int = 3):
    return None if value is None else round(value, digits)
