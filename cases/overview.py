"""Coordinator reads: deadline overview with what needs action now, workload, report facts.

The overview is bounded in queries and in work: the traffic lights, the counts and the workload
come from the cached due date (``Request.due_on``, which cases.services.requests.request_refresh
keeps equal to the clock's due date on every step, on every holiday or organisation change and
nightly), computed in SQL; the full case clock (cases/clock.py) only runs for the rows shown on
one page, and for "alleen met actie nodig" only for the cases that can have an action at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from cases import clock, deadlines
from cases.calendar_nl import format_date_nl
from cases.lifecycle import OPEN_STATUSES
from cases.models import Event, Request
from cases.reporting import CaseFacts
from cases.selectors import (
    TrafficLight,
    clock_settings,
    clocks_for,
    holidays_active,
    request_clock,
)

PAGE_SIZE = 100
# A step recorded by the requester through the portal (cases.services.portal.requester_reply).
REQUESTER_PORTAL = "verzoeker (portaal)"
# Slack over the four-week first term for the Atw roll-forward (art. 1 Atw: a weekend or holiday
# moves the last day; at most a few days), used only to pre-select cases that may need a verdaging.
_FIRST_TERM_SLACK_DAYS = 10


@dataclass
class OverviewRow:
    request: Request
    light: TrafficLight
    deadline: clock.CaseClock | None  # the clock result (None on rows not on the page)
    actions: list[str] = field(default_factory=list)


def warn_until(today: date, holidays) -> date:
    """The last due date that still shows amber, asked of the clock's own light rule
    (clock._light: within WARN_WORKING_DAYS_BEFORE_DUE working days), as a date SQL can use."""
    last = today
    for offset in range(0, 60):
        day = date.fromordinal(today.toordinal() + offset)
        if clock._light(day, today, None, None, False, holidays).colour != clock.LIGHT_AMBER:
            break
        last = day
    return last


def light_from_cache(due_on: date | None, today: date, holidays) -> TrafficLight:
    """The light of an open case from its cached due date (no timeline needed)."""
    if due_on is None:
        return TrafficLight(clock.LIGHT_GREY, _("geen termijn"), None, None)
    return clock._light(due_on, today, None, None, False, holidays)


def light_counts(qs, today: date, amber_until: date) -> dict[str, int]:
    """Red / amber / green counts of the open cases in `qs` in one query, from the cache."""
    agg = qs.aggregate(
        rood=Count("pk", filter=Q(due_on__lt=today)),
        oranje=Count("pk", filter=Q(due_on__gte=today, due_on__lte=amber_until)),
        groen=Count("pk", filter=Q(due_on__gt=amber_until)),
    )
    return agg


def open_requests(*, adviser_id: int | None = None, colour: str = "", today: date, amber_until):
    qs = Request.objects.filter(status__in=OPEN_STATUSES)
    if adviser_id == 0:
        qs = qs.filter(adviser__isnull=True)
    elif adviser_id:
        qs = qs.filter(adviser_id=adviser_id)
    if colour == clock.LIGHT_RED:
        qs = qs.filter(due_on__lt=today)
    elif colour == clock.LIGHT_AMBER:
        qs = qs.filter(due_on__gte=today, due_on__lte=amber_until)
    elif colour == clock.LIGHT_GREEN:
        qs = qs.filter(due_on__gt=amber_until)
    return qs


def _may_need_action(qs, today: date, amber_until: date):
    """A superset of the cases the clock (plus this overview) can give an action: everything the
    clock's _findings and extra_actions test, as SQL on the cache and the timeline."""
    events = Event.objects.filter(request=OuterRef("pk"), voided_at__isnull=True)
    # first term: the longest decision term of any rule, plus the Atw roll-forward slack
    first_term_days = max(r.decision_weeks for r in clock.TERM_RULES) * 7 + _FIRST_TERM_SLACK_DAYS
    return qs.filter(
        Q(due_on__lte=amber_until)  # overdue, due soon
        | Q(due_on__isnull=True)
        | ~Exists(events.filter(type="acknowledged"))  # acknowledge
        | Q(received_on__gte=date.fromordinal(today.toordinal() - first_term_days))
        | Exists(events.filter(type__in=("suspension", "zienswijze_asked", "precisering_asked")))
        | Exists(events.filter(type="ingebrekestelling_received"))
        | Q(decision_sent_on__isnull=False)  # release
        | Exists(events.filter(type="decision_sent"))
        | Exists(events.filter(actor_label=REQUESTER_PORTAL))  # a requester reaction
    )


def unread_reaction(events) -> Event | None:
    """The requester's latest portal reaction when no staff member recorded a step after it
    (staff reply or act on a reaction by recording the next step: then it counts as read)."""
    latest = None
    for e in events:
        if e.voided_at is not None:
            continue
        if e.actor_label == REQUESTER_PORTAL and e.type != "received":
            latest = e
        elif latest is not None and e.actor_id is not None and e.created_at >= latest.created_at:
            latest = None
    return latest


def extra_actions(r: Request, result: clock.CaseClock) -> list[str]:
    """The overview's actions beyond the clock's (issue 13 item 10): a case due within the warning
    window, and an unread requester reaction."""
    texts: list[str] = []
    codes = {a.code for a in result.actions}
    if "overdue" not in codes:
        texts += [f.text for f in result.reminders if f.code == "due_soon"]
    reaction = unread_reaction(r.events.all())
    if reaction is not None:
        texts.append(
            _("Reactie van verzoeker van %(date)s nog niet opgevolgd")
            % {"date": format_date_nl(reaction.on)}
        )
    return texts


def row_actions(r: Request, result: clock.CaseClock) -> list[str]:
    return list(result.action_texts) + extra_actions(r, result)


@dataclass
class OverviewPage:
    rows: list[OverviewRow]
    total: int
    page: int
    pages: int
    counts: dict[str, int]


def overview_page(
    on: date,
    *,
    adviser_id: int | None = None,
    only_action: bool = False,
    colour: str = "",
    page: int = 1,
    page_size: int | None = 0,
) -> OverviewPage:
    """One page of the overview, in a number of queries that does not grow with the cases.
    ``page_size`` 0: PAGE_SIZE rows; None: every row (the CSV export)."""
    if page_size == 0:
        page_size = PAGE_SIZE
    holidays = holidays_active()
    amber_until = warn_until(on, holidays)
    base = open_requests(adviser_id=adviser_id, colour="", today=on, amber_until=amber_until)
    counts = light_counts(base, on, amber_until)
    qs = open_requests(adviser_id=adviser_id, colour=colour, today=on, amber_until=amber_until)
    qs = (
        qs.select_related("adviser", "organisation")
        .defer("request_text", "redact_terms", "keep_terms", "requester_address")
        .order_by("due_on", "reference")
    )
    if only_action:
        qs = _may_need_action(qs, on, amber_until)
        rows = [row for row in _rows(qs.prefetch_related("events"), on, holidays) if row.actions]
        total = len(rows)
        pages, page = _paging(total, page, page_size)
        if page_size:
            rows = rows[(page - 1) * page_size : page * page_size]
        return OverviewPage(rows, total, page, pages, counts)
    total = qs.count()
    pages, page = _paging(total, page, page_size)
    if page_size:
        qs = qs[(page - 1) * page_size : page * page_size]
    rows = _rows(qs.prefetch_related(_events()), on, holidays)
    return OverviewPage(rows, total, page, pages, counts)


def _events() -> Prefetch:
    """The timeline as the clock and the reaction check read it (no notes or warnings)."""
    return Prefetch(
        "events",
        queryset=Event.objects.only(
            "id",
            "request_id",
            "type",
            "on",
            "until",
            "suspension_reason",
            "voided_at",
            "actor_id",
            "actor_label",
            "created_at",
        ),
    )


def _paging(total: int, page: int, page_size: int | None) -> tuple[int, int]:
    if not page_size:
        return 1, 1
    pages = max(1, -(-total // page_size))
    return pages, min(max(1, page), pages)


def _rows(qs, on: date, holidays) -> list[OverviewRow]:
    rows = []
    per_org: dict[int, clock.ClockSettings] = {}
    for r in qs:
        if r.organisation_id not in per_org:
            per_org[r.organisation_id] = clock_settings(r.organisation, holidays=holidays)
        result = request_clock(r, today=on, settings=per_org[r.organisation_id])
        light = light_from_cache(r.due_on, on, holidays) if r.due_on else result.light
        rows.append(OverviewRow(r, light, result, row_actions(r, result)))
    return rows


def overview_rows(
    on: date, *, adviser_id: int | None = None, only_action: bool = False
) -> list[OverviewRow]:
    """Every open case (not paged): the CSV export and callers that need them all."""
    return overview_page(on, adviser_id=adviser_id, only_action=only_action, page_size=None).rows


def actions_needed(r: Request, d: deadlines.Deadline | None, on: date) -> list[str]:
    """What needs a person now (issue: coordinator overview, point 1): the clock's actions, a case
    due within the warning window and an unread requester reaction."""
    return row_actions(r, request_clock(r, today=on))


def workload(on: date | None = None) -> list[dict]:
    """Open cases, overdue cases and pages still to assess per adviser, and a row for the open
    cases nobody is assigned to ("user" None): two queries, from the cached due date."""
    on = on or timezone.localdate()
    User = get_user_model()
    staff_groups = Group.objects.filter(name__in=["adviseur", "coordinator"])
    open_q = Q(assigned_requests__status__in=OPEN_STATUSES)
    users = (
        User.objects.filter(
            is_active=True,
            pk__in=User.groups.through.objects.filter(group__in=staff_groups).values("user_id"),
        )
        .annotate(
            open_cases=Count("assigned_requests", filter=open_q, distinct=True),
            overdue=Count(
                "assigned_requests",
                filter=open_q & Q(assigned_requests__due_on__lt=on),
                distinct=True,
            ),
            pages_to_assess=Sum(
                "assigned_requests__documents__page_count",
                filter=open_q & Q(assigned_requests__documents__judgement=""),
            ),
        )
        .order_by("first_name", "username")
    )
    result = [
        {
            "user": u,
            "open_cases": u.open_cases,
            "pages_to_assess": u.pages_to_assess or 0,
            "overdue": u.overdue,
        }
        for u in users
    ]
    unassigned = Request.objects.filter(status__in=OPEN_STATUSES, adviser__isnull=True)
    agg = unassigned.aggregate(
        open_cases=Count("pk", distinct=True),
        overdue=Count("pk", filter=Q(due_on__lt=on), distinct=True),
        pages=Sum("documents__page_count", filter=Q(documents__judgement="")),
    )
    result.append(
        {
            "user": None,
            "open_cases": agg["open_cases"],
            "pages_to_assess": agg["pages"] or 0,
            "overdue": agg["overdue"],
        }
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
