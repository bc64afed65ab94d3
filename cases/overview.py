"""Coordinator reads: deadline overview with what needs action now, workload, report facts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth import get_user_model
from django.db.models import Count, Q, Sum

from cases import clock, deadlines
from cases.lifecycle import OPEN_STATUSES
from cases.models import Request
from cases.reporting import CaseFacts
from cases.selectors import TrafficLight, clocks_for, request_clock


@dataclass
class OverviewRow:
    request: Request
    light: TrafficLight
    deadline: clock.CaseClock  # the one clock result: due date, light and actions agree
    actions: list[str] = field(default_factory=list)


def overview_rows(
    on: date, *, adviser_id: int | None = None, only_action: bool = False
) -> list[OverviewRow]:
    qs = (
        Request.objects.filter(status__in=OPEN_STATUSES)
        .select_related("adviser", "organisation")
        .prefetch_related("events")
        .order_by("due_on", "reference")
    )
    if adviser_id:
        qs = qs.filter(adviser_id=adviser_id)
    rows = []
    for r, result in clocks_for(qs, today=on):
        row = OverviewRow(r, result.light, result, result.action_texts)
        if only_action and not row.actions:
            continue
        rows.append(row)
    rows.sort(key=lambda row: (row.deadline.due_on, row.request.reference))
    return rows


def actions_needed(r: Request, d: deadlines.Deadline | None, on: date) -> list[str]:
    """What needs a person now (issue: coordinator overview, point 1): the clock's actions."""
    return request_clock(r, today=on).action_texts


def workload() -> list[dict]:
    """Open cases and pages still to assess per adviser."""
    User = get_user_model()
    users = (
        User.objects.filter(groups__name__in=["adviseur", "coordinator"], is_active=True)
        .distinct()
        .annotate(
            open_cases=Count(
                "assigned_requests",
                filter=Q(assigned_requests__status__in=OPEN_STATUSES),
                distinct=True,
            ),
        )
        .order_by("first_name", "username")
    )
    # Overdue from the clock itself (the same result as the overview's light), not the cache.
    overdue_by_adviser: dict[int, int] = {}
    open_cases = (
        Request.objects.filter(status__in=OPEN_STATUSES, adviser__isnull=False)
        .select_related("organisation")
        .prefetch_related("events")
    )
    for r, result_clock in clocks_for(open_cases):
        if result_clock.reminder("overdue"):
            overdue_by_adviser[r.adviser_id] = overdue_by_adviser.get(r.adviser_id, 0) + 1
    result = []
    for u in users:
        pages = (
            Request.objects.filter(adviser=u, status__in=OPEN_STATUSES).aggregate(
                p=Sum("documents__page_count", filter=Q(documents__judgement=""))
            )["p"]
            or 0
        )
        overdue = overdue_by_adviser.get(u.pk, 0)
        result.append(
            {"user": u, "open_cases": u.open_cases, "pages_to_assess": pages, "overdue": overdue}
        )
    return result


def case_facts(requests=None) -> list[CaseFacts]:
    qs = (
        (requests if requests is not None else Request.objects.all())
        .select_related("organisation")
        .prefetch_related("events", "documents")
    )
    facts = []
    for r, d in clocks_for(qs):
        withdrawn = next(
            (e.on for e in r.events.all() if e.type == "withdrawn" and e.voided_at is None), None
        )
        docs = [doc for doc in r.documents.all() if doc.judgement != "dubbel"]
        facts.append(
            CaseFacts(
                reference=r.reference,
                received_on=r.received_on,
                due_on=d.due_on,
                decision_sent_on=r.decision_sent_on,
                withdrawn_on=withdrawn,
                adjourned=bool(d.adjournment_valid),
                suspended_days=d.suspended_days,
                judgements=tuple(doc.judgement for doc in docs),
                grounds=tuple(g for doc in docs for g in doc.grounds),
                pages=sum(doc.page_count for doc in docs),
            )
        )
    return facts
