"""Reads: deadlines from the timeline, visible cases, traffic lights, the case-status summary."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone

from cases import calendar_nl, deadlines
from cases.models import Request
from cases.permissions import requests_visible_to

__all__ = [
    "request_deadline",
    "request_status_summary",
    "requests_visible_to",
    "requests_search",
    "answers_ordered",
    "documents_ordered",
    "traffic_light",
    "TrafficLight",
]


def request_deadline(request: Request) -> deadlines.Deadline:
    """The legal deadline computed from the request's timeline (domain.md §1)."""
    events = list(request.events.all())
    adjournments = [e.on for e in events if e.type == "adjourned"]
    suspensions = [
        deadlines.Suspension(
            first_day=e.on,
            last_day=e.until or e.on,
            reason=e.get_suspension_reason_display() or "opschorting",
        )
        for e in events
        if e.type == "suspension"
    ]
    suspensions += precisering_suspensions(
        events,
        regime=request.regime,
        woo_suspends=request.organisation.precisering_suspends_woo,
    )
    return deadlines.decision_due(
        regime=request.regime,
        received_on=request.received_on,
        adjournments=adjournments,
        suspensions=suspensions,
    )


def precisering_suspensions(
    events, *, regime: str, woo_suspends: bool
) -> list[deadlines.Suspension]:
    """Asking the requester to clarify suspends the term under the Wob (Awb 4:15 lid 1 sub a: from
    the day after the request for completion until the day it is completed). Whether it does under
    the Woo is open (domain.md §7): an organisation setting decides."""
    if regime == "woo" and not woo_suspends:
        return []
    result = []
    asked = None
    for e in sorted(events, key=lambda e: (e.on, e.pk or 0)):
        if e.type == "precisering_asked" and asked is None:
            asked = e.on
        elif e.type == "precisering_received" and asked is not None:
            first = asked + timedelta(days=1)
            if e.on >= first:
                result.append(deadlines.Suspension(first, e.on, "precisering (art. 4:15 Awb)"))
            asked = None
    return result


@dataclass(frozen=True)
class TrafficLight:
    colour: str  # "groen" | "oranje" | "rood" | "grijs"
    label: str  # "op tijd", "verloopt binnen 5 werkdagen", "te laat", "afgerond"
    days_left: int | None  # calendar days until due_on (negative when overdue)

    @property
    def days_text(self) -> str:
        if self.days_left is None:
            return ""
        if self.days_left < 0:
            return f"{-self.days_left} dagen over de termijn"
        if self.days_left == 0:
            return "vandaag de laatste dag"
        return f"nog {self.days_left} dagen"


def traffic_light(request: Request, on: date | None = None) -> TrafficLight:
    on = on or timezone.localdate()
    if request.decision_sent_on:
        late = deadlines.days_late(due_on=request.due_on, sent_on=request.decision_sent_on)
        return TrafficLight(
            "grijs", f"besloten, {late} dagen te laat" if late else "op tijd besloten", None
        )
    if request.status in ("ingetrokken", "gesloten", "buiten_behandeling", "doorgezonden"):
        return TrafficLight("grijs", "afgerond", None)
    if request.due_on is None:
        return TrafficLight("grijs", "onbekend", None)
    days_left = (request.due_on - on).days
    if days_left < 0:
        return TrafficLight("rood", "te laat", days_left)
    if calendar_nl.working_days_between(on, request.due_on) <= 5:
        return TrafficLight("oranje", "verloopt binnen 5 werkdagen", days_left)
    return TrafficLight("groen", "op tijd", days_left)


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
    return {
        "reference": request.reference,
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
        "days_late": deadlines.days_late(due_on=d.due_on, sent_on=sent) if sent else None,
        "adviser": request.adviser.username if request.adviser else None,
        "explanation": d.explanation,
        "warnings": list(d.warnings),
    }


def answers_ordered(request: Request) -> list:
    """Answers in decision order: by their lowest point ("Ad 3" before "Ad 5 en 10")."""
    answers = list(request.answers.prefetch_related("points"))
    return sorted(answers, key=lambda a: a.sort_key)


def documents_ordered(request: Request) -> QuerySet:
    return request.documents.select_related("duplicate_of").order_by("sort_key")
