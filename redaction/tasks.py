"""Thin Celery wrappers for redaction work, on the `redaction` queue: take ids, call one service."""

from celery import shared_task
from django.contrib.auth import get_user_model
from django.db import OperationalError

from cases.models import Document
from redaction.services import document_analyse, document_apply


@shared_task(
    acks_late=True,
    autoretry_for=(OperationalError, ConnectionError),
    retry_backoff=True,
    max_retries=3,
    soft_time_limit=1800,
)
def analyse_document_task(document_id: int) -> str:
    """Idempotent: existing suggestions are kept, a second run adds only what is new."""
    if not Document.objects.filter(pk=document_id).exists():
        return "verdwenen"
    try:
        document = document_analyse(document_id=document_id)
    except Exception as exc:  # never loop on a bad file: mark it and stop
        if isinstance(exc, (OperationalError, ConnectionError)):
            raise
        Document.objects.filter(pk=document_id).update(
            processing="niet_verwerkbaar",
            processing_error=f"Onverwachte fout bij verwerken: {type(exc).__name__}. Het origineel is bewaard.",
        )
        raise
    return document.processing


@shared_task(
    acks_late=True,
    autoretry_for=(OperationalError, ConnectionError),
    retry_backoff=True,
    max_retries=3,
    soft_time_limit=1800,
)
def apply_redactions_task(document_id: int, user_id: int | None = None) -> str:
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    try:
        document = document_apply(document_id=document_id, by=user)
    except Exception as exc:
        if isinstance(exc, (OperationalError, ConnectionError)):
            raise
        Document.objects.filter(pk=document_id).update(
            redaction_status="mislukt", redaction_error=f"Onverwachte fout: {type(exc).__name__}."
        )
        raise
    return document.redaction_status


@shared_task(
    acks_late=True,
    autoretry_for=(OperationalError, ConnectionError),
    retry_backoff=True,
    max_retries=3,
)
def suggest_for_case_task(request_id: int) -> int:
    """Re-run detection over the whole case (after its terms changed); adds only new suggestions."""
    from cases.models import Request
    from redaction.services import suggest_for_case

    request = Request.objects.filter(pk=request_id).first()
    return suggest_for_case(request=request) if request else 0
