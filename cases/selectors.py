"""Reads: deadlines from the timeline, visible cases, traffic lights, the case-status summary."""

from __future__ import annotations

from datetime import date

from django.db.models import Q, QuerySet
from django.utils import timezone

from cases import clock
from cases.models import Holiday, Request
from cases.permissions import requests_visible_to

__all__ = [
    "request_deadline",
    "request_clock",
    "clocks_for",
    "clock_settings",
    "request_status_summary",
    "requests_visible_to",
    "requests_search",
    "answers_ordered",
    "documents_ordered",
    "traffic_light",
    "TrafficLight",
]


def holidays_active() -> dict[date, str]:
    """Atw art. 3 lid 3: the days made equal to holidays by Royal Decree, maintained in beheer."""
    return {
        h.date: f"{h.name} ({h.source})" if h.source else h.name
        for h in Holiday.objects.filter(active=True)
    }


def clock_settings(organisation, *, holidays: dict | None = None) -> clock.ClockSettings:
    """The organisation settings and calendar data the clock depends on."""
    return clock.ClockSettings(
        precisering_suspends_woo=organisation.precisering_suspends_woo,
        holidays=holidays if holidays is not None else holidays_active(),
    )


def clock_events(events) -> list[clock.ClockEvent]:
    return [
        clock.ClockEvent(
            type=e.type,
            on=e.on,
            until=e.until,
            reason=e.suspension_reason,
            reason_label=e.get_suspension_reason_display() if e.suspension_reason else "",
            voided=e.voided_at is not None,
            key=e.pk,
        )
        for e in events
    ]


def request_clock(
    request: Request,
    *,
    today: date | None = None,
    settings: clock.ClockSettings | None = None,
    extra_events: list[clock.ClockEvent] = (),
    regime: str | None = None,
) -> clock.CaseClock:
    """The case clock for one request: every date and verdict from its timeline (cases/clock.py)."""
    return clock.compute(
        events=clock_events(request.events.all()) + list(extra_events),
        regime=regime or request.regime,
        received_on=request.received_on,
        settings=settings or clock_settings(request.organisation),
        today=today or timezone.localdate(),
        status=request.status,
        case_kind=request.case_kind,
    )


def request_deadline(request: Request, *, today: date | None = None) -> clock.CaseClock:
    """The legal deadline computed from the request's timeline (domain.md §1): the case clock,
    which keeps every field of deadlines.Deadline (first_term_ends_on, due_on, steps, ...)."""
    return request_clock(request, today=today)


def clocks_for(requests, *, today: date | None = None) -> list[tuple[Request, clock.CaseClock]]:
    """The clock for many requests with one holiday query (list, overview, reminders)."""
    holidays = holidays_active()
    per_org: dict[int, clock.ClockSettings] = {}
    result = []
    for r in requests:
        if r.organisation_id not in per_org:
            per_org[r.organisation_id] = clock_settings(r.organisation, holidays=holidays)
        result.append((r, request_clock(r, today=today, settings=per_org[r.organisation_id])))
    return result


TrafficLight = clock.TrafficLight


def traffic_light(request: Request, on: date | None = None) -> TrafficLight:
    """The light from the same clock result as the due date (never from a stale cache)."""
    return request_clock(request, today=on).light


def requests_search(user, *, q: str = "", status: str = "") -> QuerySet[Request]:
    qs = requests_visible_to(user).select_related("adviser", "organisation")
    if q:
        qs = qs.filter(
            Q(reference__icontains=q)
            | Q(requester_name__icontains=q)
            | Q(subject__icontains=q)
            | Q(requester_organisation__icontains=q)
        )
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("due_on", "reference")


def request_status_summary(request: Request) -> dict:
    """The machine-readable summary printed by `case_status --json`."""
    d = request_deadline(request)
    sent = request.decision_sent_on
    summary = {
        "reference": request.reference,
        "kind": request.case_kind,
        "regime": request.regime,
        "status": request.status,
        "status_label": request.status_label,
        "received_on": request.received_on.isoformat(),
        "first_term_ends_on": d.first_term_ends_on.isoformat(),
        "adjourned_on": d.adjourned_on.isoformat() if d.adjourned_on else None,
        "adjournment_valid": d.adjournment_valid,
        "suspended_days": d.suspended_days,
        "due_on": d.due_on.isoformat(),
        "decision_sent_on": sent.isoformat() if sent else None,
        "days_late": d.days_late,
        "adjournment_limit": d.adjournment_limit.isoformat() if d.adjournment_limit else None,
        "bezwaar_ends_on": d.bezwaar_ends_on.isoformat() if d.bezwaar_ends_on else None,
        "beroep_niet_tijdig_from": (
            d.beroep_niet_tijdig_from.isoformat() if d.beroep_niet_tijdig_from else None
        ),
        "suspensions": [
            {
                "first_day": p.first_day.isoformat(),
                "last_day": p.last_day.isoformat(),
                "reason": p.reason,
                "counted_days": p.counted_days,
                "effective": p.effective,
            }
            for p in d.suspensions
        ],
        "light": d.light.colour if d.light else None,
        "actions": d.action_texts,
        "adviser": request.adviser.username if request.adviser else None,
        "explanation": d.explanation,
        "warnings": list(d.warnings),
    }
    if request.is_kamervragen:
        summary.update(
            member=request.requester_name,
            party=request.kamer_party,
            addressee=request.kamer_addressee,
            kamer_reference=request.kamer_reference,
            submitted_on=request.received_on.isoformat(),
            uitstel_sent_on=d.adjourned_on.isoformat() if d.adjourned_on else None,
            uitstel_timely=d.adjournment_valid,
            answers_sent_on=sent.isoformat() if sent else None,
            questions=request.points.count(),
        )
    return summary


def answers_ordered(request: Request) -> list:
    """Answers in decision order: by their lowest point ("Ad 3" before "Ad 5 en 10")."""
    answers = list(request.answers.prefetch_related("points"))
    return sorted(answers, key=lambda a: a.sort_key)


def documents_ordered(request: Request) -> QuerySet:
    return request.documents.select_related("duplicate_of").order_by("sort_key")
