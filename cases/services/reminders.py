"""Daily deadline reminders to advisers and escalation of overdue cases to coordinators."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string

from cases import clock
from cases.lifecycle import OPEN_STATUSES
from cases.models import Reminder, Request
from cases.selectors import clocks_for


def _digest_for(adviser, on: date) -> tuple[list, list]:
    """The adviser's cases whose clock raises a reminder today (cases/clock.py: due_soon,
    first_term); the thresholds live in the clock, not here."""
    due_soon, first_term = [], []
    qs = (
        Request.objects.filter(adviser=adviser, status__in=OPEN_STATUSES)
        .select_related("organisation")
        .prefetch_related("events")
    )
    for r, d in clocks_for(qs, today=on):
        if d.reminder("due_soon"):
            due_soon.append((r, d))
        if d.reminder("first_term"):
            first_term.append((r, d))
    return due_soon, first_term


def _send_once(
    *, recipient, on: date, kind: str, subject: str, body: str, references: list[str]
) -> bool:
    """Record and send in one transaction: a second run the same day finds the row and sends nothing."""
    try:
        with transaction.atomic():
            Reminder.objects.create(recipient=recipient, on=on, kind=kind, cases=references)
            send_mail(
                subject, body, settings.DEFAULT_FROM_EMAIL, [recipient.email], fail_silently=False
            )
    except IntegrityError:
        return False
    return True


def reminders_send(*, on: date) -> dict[str, int]:
    User = get_user_model()
    sent = {"adviser_digest": 0, "escalation": 0}
    for adviser in (
        User.objects.filter(assigned_requests__status__in=OPEN_STATUSES, is_active=True)
        .exclude(email="")
        .distinct()
    ):
        due_soon, first_term = _digest_for(adviser, on)
        if not due_soon and not first_term:
            continue
        body = render_to_string(
            "cases/email/reminder_digest.txt",
            {
                "user": adviser,
                "due_soon": due_soon,
                "first_term": first_term,
                "on": on,
                "warn_days": clock.WARN_WORKING_DAYS_BEFORE_DUE,
            },
        )
        refs = sorted({r.reference for r, _ in due_soon + first_term})
        if _send_once(
            recipient=adviser,
            on=on,
            kind="adviser_digest",
            subject=f"Woo-termijnen: {len(refs)} zaak/zaken vragen aandacht",
            body=body,
            references=refs,
        ):
            sent["adviser_digest"] += 1
    overdue = clocks_for(
        Request.objects.filter(status__in=OPEN_STATUSES)
        .select_related("adviser", "organisation")
        .prefetch_related("events"),
        today=on,
    )
    overdue = [(r, d) for r, d in overdue if d.reminder("overdue")]
    if overdue:
        body = render_to_string(
            "cases/email/reminder_escalation.txt", {"overdue": overdue, "on": on}
        )
        refs = [r.reference for r, _ in overdue]
        for coordinator in User.objects.filter(groups__name="coordinator", is_active=True).exclude(
            email=""
        ):
            if _send_once(
                recipient=coordinator,
                on=on,
                kind="escalation",
                subject=f"Woo: {len(refs)} zaak/zaken over de termijn",
                body=body,
                references=refs,
            ):
                sent["escalation"] += 1
    return sent
