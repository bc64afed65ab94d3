"""The coordinator's weekly list of Kamervragen answered late or still open past their term
(issue 14): the Kamer's own weekly overview of late answers, seen from the desk. Reads only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from cases.clock import KAMER_LATE_LIST_DAYS, kamer_late_list_since
from cases.models import Request
from cases.selectors import clocks_for

ANSWERED_LATE_LOOKBACK_DAYS = KAMER_LATE_LIST_DAYS  # weekly, as the Kamer's own list


@dataclass(frozen=True)
class KamerRow:
    case: Request
    due_on: date
    days_late: int
    uitstel_on: date | None
    uitstel_timely: bool | None
    answered_on: date | None


def kamer_late_rows(today: date) -> tuple[list[KamerRow], list[KamerRow]]:
    """(open sets past their term, most days late first; sets answered late in the last week)."""
    cases = (
        Request.objects.filter(case_kind="kamervragen")
        .exclude(status__in=("ingetrokken", "gesloten"))
        .select_related("organisation", "adviser")
        .prefetch_related("events")
    )
    open_late, answered_late = [], []
    since = kamer_late_list_since(today)
    for case, c in clocks_for(cases, today=today):
        row = dict(
            case=case,
            due_on=c.due_on,
            uitstel_on=c.adjourned_on,
            uitstel_timely=c.adjournment_valid,
            answered_on=c.decision_sent_on,
        )
        if c.decision_sent_on is None and c.due_on < today:
            open_late.append(KamerRow(days_late=(today - c.due_on).days, **row))
        elif c.decision_sent_on is not None and c.days_late and c.decision_sent_on >= since:
            answered_late.append(KamerRow(days_late=c.days_late, **row))
    open_late.sort(key=lambda r: (-r.days_late, r.case.reference))
    answered_late.sort(key=lambda r: (-r.days_late, r.case.reference))
    return open_late, answered_late
