"""Timeliness figures for the Woo art. 3.5 report: pure functions over plain case facts."""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext_lazy

OUTCOME_LABELS = {
    "openbaarmaking": gettext_lazy("openbaar"),
    "gedeeltelijke_openbaarmaking": gettext_lazy("deels openbaar"),
    "geen_openbaarmaking": gettext_lazy("niet openbaar"),
    "reeds_openbaar": gettext_lazy("reeds openbaar"),
    "geen_documenten": gettext_lazy("geen documenten"),
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


# Shares are percentages 0-100 with one decimal, in the table, the charts and the exports alike.
PCT_ON_TIME = "aandeel tijdig (%)"
PCT_ADJOURNED = "aandeel verdaagd (%)"
PERCENT_COLUMNS = (PCT_ON_TIME, PCT_ADJOURNED)


def figures_as_rows(figures: Sequence[PeriodFigures]) -> tuple[list[str], list[list]]:
    """Flat table for CSV/XLSX export."""
    grounds = sorted({g for p in figures for g in p.grounds})
    header = [
        "periode",
        "ontvangen",
        "besloten",
        "ingetrokken",
        "tijdig besloten",
        PCT_ON_TIME,
        "gemiddeld dagen",
        "mediaan dagen",
        "gemiddeld dagen zonder opschorting",
        "mediaan dagen zonder opschorting",
        PCT_ADJOURNED,
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
                _pct(p.on_time_share),
                _round(p.mean_days, 1),
                _round(p.median_days, 1),
                _round(p.mean_days_without_suspension, 1),
                _round(p.median_days_without_suspension, 1),
                _pct(p.adjourned_share),
                *[p.outcomes.get(key, 0) for key in OUTCOME_LABELS],
                p.pages,
                *[p.grounds.get(g, 0) for g in grounds],
            ]
        )
    return header, rows


def _round(value: float | None, digits: int = 3):
    return None if value is None else round(value, digits)


def _pct(share: float | None):
    return None if share is None else round(share * 100, 1)


def dutch_number(value) -> str:
    """A figure as a Dutch spreadsheet reads it: decimal comma, no thousands separator."""
    if value is None:
        return ""
    if isinstance(value, float):
        text = f"{value:.1f}"
        return text[:-2] if text.endswith(".0") else text.replace(".", ",")
    return str(value)


def percent_label(value: float | None) -> str:
    """87.5 -> "87,5%"; 100.0 -> "100%"; None -> "–"."""
    return "–" if value is None else dutch_number(float(value)) + "%"


@dataclass(frozen=True)
class LateCase:
    reference: str
    received_on: date
    due_on: date
    decision_sent_on: date | None  # None: still open past the due date
    days_late: int  # calendar days after the due date (Woo art. 4.4)


def late_cases(facts: Iterable[CaseFacts], *, today: date) -> list[LateCase]:
    """Which cases were decided after their due date, or are still open past it, and by how
    many calendar days; longest delay first."""
    out = []
    for f in facts:
        if f.due_on is None or f.withdrawn_on is not None:
            continue
        end = f.decision_sent_on or today
        if end > f.due_on:
            out.append(
                LateCase(
                    f.reference, f.received_on, f.due_on, f.decision_sent_on, (end - f.due_on).days
                )
            )
    return sorted(out, key=lambda c: (-c.days_late, c.reference))


def ground_regime(code: str) -> str:
    """ "wob" for Wob art. 10/11 grounds, "woo" for Woo art. 5.1/5.2 grounds."""
    from cases.grounds import GROUNDS

    ground = GROUNDS.get(code)
    if ground is not None:
        return ground.regime
    return "wob" if code.startswith(("10", "11")) else "woo"


def grounds_by_regime(figures: Sequence[PeriodFigures]) -> dict[str, Counter]:
    """Ground counts split by statute: Wob and Woo grounds are different articles, never mixed."""
    split = {"wob": Counter(), "woo": Counter()}
    for p in figures:
        for code, n in p.grounds.items():
            split[ground_regime(code)][code] += n
    return split
