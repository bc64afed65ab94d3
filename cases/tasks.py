"""Thin Celery wrappers around case services: take ids, call one service."""

from celery import shared_task
from django.utils import timezone

from cases.models import Request
from cases.services.requests import request_refresh


@shared_task(acks_late=True, autoretry_for=(ConnectionError,), retry_backoff=True, max_retries=3)
def refresh_request_task(request_id: int) -> str | None:
    """Recompute one case's cached deadline from its timeline; returns the due date."""
    request = Request.objects.filter(pk=request_id).first()
    if request is None:
        return None
    request_refresh(request=request)
    return request.due_on.isoformat() if request.due_on else None


@shared_task(acks_late=True)
def refresh_open_deadlines_task() -> int:
    """Nightly (Celery beat): recompute every open case's cached deadline from the case clock."""
    from cases.services.requests import deadlines_refresh_open

    return deadlines_refresh_open(on=timezone.localdate())


@shared_task(
    acks_late=True, autoretry_for=(ConnectionError, OSError), retry_backoff=True, max_retries=5
)
def notify_requester_task(event_id: int, job_id: int | None = None) -> bool:
    """E-mail the requester about a step that matters (verdaagd, opgeschort, besluit verzonden).
    Sent through the job outbox (redaction.jobs.enqueue_task): a broker outage delays the mail."""
    from cases.services.portal import requester_notify

    if job_id is None:
        return requester_notify(event_id=event_id)
    from redaction.jobs import running

    with running(job_id) as job:
        return requester_notify(event_id=event_id) if job is not None else False


@shared_task(acks_late=True)
def send_deadline_reminders_task(on: str | None = None) -> dict:
    """Daily (Celery beat): mail advisers their due cases, escalate overdue ones; idempotent per day."""
    from datetime import date

    from cases.services.reminders import reminders_send

    return reminders_send(on=date.fromisoformat(on) if on else timezone.localdate())
