"""Thin Celery wrappers for redaction work, on the `redaction` queue: take ids, call one service.

Every task runs under its Job row (redaction/jobs.py): late acknowledgement and redelivery after
a crash are safe because a job that is done, failed or alive elsewhere is not run again.
"""

from celery import shared_task
from django.contrib.auth import get_user_model
from django.db import OperationalError

from cases.models import Document
from redaction import jobs
from redaction.services import document_analyse, document_apply

RETRYABLE = (OperationalError, ConnectionError)
COMMON = dict(
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=RETRYABLE,
    retry_backoff=True,
    max_retries=3,
)


@shared_task(**COMMON, soft_time_limit=1800, time_limit=2400)
def analyse_document_task(document_id: int, job_id: int | None = None) -> str:
    """Idempotent: existing suggestions are kept, a second run adds only what is new."""
    if not Document.objects.filter(pk=document_id).exists():
        return "verdwenen"
    job_id = job_id or jobs.job_for(
        "analyse", "redaction.tasks.analyse_document_task", document_id, [document_id]
    )
    with jobs.running(job_id) as job:
        if job is None:
            return "overgeslagen"
        try:
            document = document_analyse(document_id=document_id)
        except Exception as exc:  # never loop on a bad file: mark it and stop
            if isinstance(exc, RETRYABLE):
                raise
            Document.objects.filter(pk=document_id).update(
                processing="niet_verwerkbaar",
                processing_error=f"Onverwachte fout bij verwerken: {type(exc).__name__}. Het origineel is bewaard.",
            )
            raise
    return document.processing


@shared_task(**COMMON, soft_time_limit=1800, time_limit=2400)
def apply_redactions_task(
    document_id: int, user_id: int | None = None, job_id: int | None = None
) -> str:
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    job_id = job_id or jobs.job_for(
        "apply", "redaction.tasks.apply_redactions_task", document_id, [document_id, user_id]
    )
    with jobs.running(job_id) as job:
        if job is None:
            return "overgeslagen"
        try:
            document = document_apply(document_id=document_id, by=user)
        except Exception as exc:
            if isinstance(exc, RETRYABLE):
                raise
            Document.objects.filter(pk=document_id).update(
                redaction_status="mislukt",
                redaction_error=f"Onverwachte fout: {type(exc).__name__}.",
            )
            raise
    return document.redaction_status


@shared_task(**COMMON, soft_time_limit=1800, time_limit=2400)
def unpack_archive_task(job_id: int) -> int:
    """Unpack an uploaded ZIP member by member (redaction/uploads.py); returns documents made."""
    from redaction.uploads import archive_unpack

    with jobs.running(job_id) as job:
        if job is None:
            return 0
        return archive_unpack(job)


@shared_task(**COMMON)
def suggest_for_case_task(request_id: int, job_id: int | None = None) -> int:
    """Re-run detection over the whole case (after its terms changed); adds only new suggestions."""
    from cases.models import Request
    from redaction.services import suggest_for_case

    request = Request.objects.filter(pk=request_id).first()
    if request is None:
        return 0
    if job_id is None:
        return suggest_for_case(request=request)
    with jobs.running(job_id) as job:
        return suggest_for_case(request=request) if job is not None else 0


@shared_task(acks_late=True, ignore_result=True)
def reap_jobs_task(job_id: int | None = None) -> dict:
    """Beat, every minute: requeue or fail jobs whose worker is gone; drain the outbox."""
    if job_id is not None:
        from redaction.models import Job

        Job.objects.filter(pk=job_id).update(state="done")
    return jobs.jobs_reap()
