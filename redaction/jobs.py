"""Background jobs that survive crashes and broker outages: outbox, claim, heartbeat, reaper.

- ``job_create`` writes a Job row in the caller's transaction and hands it to the broker after
  commit (``transaction.on_commit``). If the broker is unreachable the row stays ``pending`` (the
  outbox) and ``outbox_drain`` sends it later: from the beat task and from the polled rows view.
  A web request therefore never fails or hangs because Redis is down, and never half-makes work.
- A task run starts with ``job_claim``: a job that is done, failed, or running on a live worker
  elsewhere is not run again (redelivery after ``acks_late`` is harmless). The claim records the
  worker and starts a heartbeat; long loops (OCR per page) beat too (``heartbeat()``).
- ``jobs_reap`` (beat, every minute) finds running jobs without a beat for
  WOBDESK_JOB_STALE_SECONDS: requeued, or after WOBDESK_JOB_MAX_ATTEMPTS failed with a Dutch
  reason on the document ("niet verwerkbaar" / "lakken mislukt") so it can be edited and retried.
"""

from __future__ import annotations

import contextvars
import importlib
import logging
import os
import socket
import threading
from contextlib import contextmanager
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from cases.models import Document
from cases.services.requests import audit
from redaction.models import Job

log = logging.getLogger(__name__)

ACTIVE = ("pending", "queued", "running")
BROKER_DOWN_MESSAGE = "De verwerking start zodra de wachtrij weer bereikbaar is."

_current_job: contextvars.ContextVar[int | None] = contextvars.ContextVar("job", default=None)


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def _eager() -> bool:
    from wobdesk.celery import app

    return bool(app.conf.task_always_eager)


# --- creating and sending -------------------------------------------------------------------


def job_create(
    *,
    kind: str,
    task_name: str,
    args: list | None = None,
    request=None,
    document=None,
    upload=None,
    upload_name: str = "",
    by=None,
) -> Job:
    """A job row in the caller's transaction; sent to the broker once that transaction commits."""
    job = Job.objects.create(
        kind=kind,
        task_name=task_name,
        args=list(args or []),
        request=request if request is not None else getattr(document, "request", None),
        document=document,
        upload=upload,
        upload_name=upload_name[:255],
        max_attempts=settings.WOBDESK_JOB_MAX_ATTEMPTS,
        created_by=by if getattr(by, "pk", None) else None,
    )
    pk = job.pk
    transaction.on_commit(lambda: job_publish(pk))
    return job


def enqueue_task(task_name: str, args: list, *, request=None) -> Job:
    """Any task through the outbox (e.g. a requester notification after a timeline step)."""
    return job_create(kind="task", task_name=task_name, args=args, request=request)


def job_publish(job_id: int) -> bool:
    """Hand one pending job to the broker; False (the job stays pending) when it is unreachable."""
    from wobdesk.celery import app

    job = Job.objects.filter(pk=job_id, state="pending").first()
    if job is None:
        return True
    now = timezone.now()
    Job.objects.filter(pk=job_id).update(last_publish_at=now)
    if job.task_name not in app.tasks:
        importlib.import_module(job.task_name.rsplit(".", 1)[0])
    task = app.tasks[job.task_name]
    options = {
        "kwargs": {"job_id": job.pk},
        "ignore_result": True,
        "retry": True,
        "retry_policy": settings.CELERY_TASK_PUBLISH_RETRY_POLICY,
    }
    if _eager():
        try:
            task.apply_async(job.args, **options)
        except Exception:  # the job row carries the failure; development must not 500 either
            log.exception("job %s failed inline", job_id)
        Job.objects.filter(pk=job_id, state="pending").update(state="queued", enqueued_at=now)
        return True
    try:
        task.apply_async(job.args, **options)
    except Exception as exc:  # kombu OperationalError, ConnectionError, timeouts
        log.warning("broker unreachable, job %s stays in the outbox: %s", job_id, exc)
        Job.objects.filter(pk=job_id).update(publish_error=str(exc)[:500] or type(exc).__name__)
        return False
    Job.objects.filter(pk=job_id, state="pending").update(
        state="queued", enqueued_at=now, publish_error=""
    )
    return True


def outbox_drain(*, limit: int = 200, throttle: bool = False) -> int:
    """Send pending jobs; stops at the first failure (the broker is still down). Returns how many
    were sent. ``throttle``: skip jobs tried less than WOBDESK_OUTBOX_RETRY_SECONDS ago (for the
    polled view, so a down broker costs a request at most one short connection attempt)."""
    qs = Job.objects.filter(state="pending")
    if throttle:
        from django.core.cache import cache

        # one attempt per WOBDESK_OUTBOX_RETRY_SECONDS per process, however many pages poll
        if not cache.add("wobdesk:outbox-drain", 1, timeout=settings.WOBDESK_OUTBOX_RETRY_SECONDS):
            return 0
        recent = timezone.now() - timedelta(seconds=settings.WOBDESK_OUTBOX_RETRY_SECONDS)
        qs = qs.filter(Q(last_publish_at__isnull=True) | Q(last_publish_at__lt=recent))
        # a job whose own on_commit publish is still running in another request is left alone
        qs = qs.filter(created_at__lt=timezone.now() - timedelta(seconds=2))
    sent = 0
    for pk in qs.order_by("pk").values_list("pk", flat=True)[:limit]:
        if not job_publish(pk):
            break
        sent += 1
    return sent


# --- running --------------------------------------------------------------------------------


def _stale_before():
    return timezone.now() - timedelta(seconds=settings.WOBDESK_JOB_STALE_SECONDS)


def job_for(kind: str, task_name: str, document_id: int | None, args: list) -> int:
    """A task sent without a job id (an old message, the shell): find or create its job."""
    job = (
        Job.objects.filter(kind=kind, document_id=document_id, state__in=ACTIVE)
        .order_by("-pk")
        .first()
    )
    if job is None:
        document = Document.objects.filter(pk=document_id).first() if document_id else None
        job = Job.objects.create(
            kind=kind,
            task_name=task_name,
            args=args,
            document=document,
            request=getattr(document, "request", None),
            state="queued",
            max_attempts=settings.WOBDESK_JOB_MAX_ATTEMPTS,
        )
    return job.pk


def job_claim(job_id: int) -> Job | None:
    """Take the job for this worker, or None when it must not run (done, failed, or alive on
    another worker). A job that already used its attempts is failed here with a reason."""
    me = worker_name()
    with transaction.atomic():
        job = Job.objects.select_for_update().filter(pk=job_id).first()
        if job is None or job.state in ("done", "failed"):
            return None
        if (
            job.state == "running"
            and job.worker != me
            and job.heartbeat_at is not None
            and job.heartbeat_at >= _stale_before()
        ):
            return None  # a second delivery while the first worker is alive and beating
        if job.state == "running" and job.attempts >= job.max_attempts:
            _fail(job, _crash_reason(job))
            return None
        now = timezone.now()
        job.state = "running"
        job.worker = me
        job.attempts += 1
        job.started_at = job.heartbeat_at = now
        job.save(update_fields=["state", "worker", "attempts", "started_at", "heartbeat_at"])
    return job


def heartbeat() -> None:
    """Called from long loops (each OCR page): the current job is alive."""
    job_id = _current_job.get()
    if job_id is not None:
        Job.objects.filter(pk=job_id, state="running").update(heartbeat_at=timezone.now())


class _Beater(threading.Thread):
    """Beats every WOBDESK_JOB_HEARTBEAT_SECONDS while a task runs (also inside one long call,
    e.g. applying redactions to a big PDF); dies with the process, which is the point."""

    def __init__(self, job_id: int, worker: str):
        super().__init__(daemon=True, name=f"job-{job_id}-heartbeat")
        self.job_id, self.worker = job_id, worker
        self.stopped = threading.Event()

    def run(self):
        try:
            while not self.stopped.wait(settings.WOBDESK_JOB_HEARTBEAT_SECONDS):
                try:
                    Job.objects.filter(pk=self.job_id, state="running", worker=self.worker).update(
                        heartbeat_at=timezone.now()
                    )
                except Exception:
                    log.exception("heartbeat of job %s failed", self.job_id)
        finally:
            connection.close()


@contextmanager
def running(job_id: int):
    """Claim, beat, finish: ``with running(job_id) as job:`` (job None: do nothing)."""
    job = job_claim(job_id)
    if job is None:
        yield None
        return
    token = _current_job.set(job.pk)
    beater = None
    if not _eager():  # inline runs share the test/request transaction: no second connection
        beater = _Beater(job.pk, job.worker)
        beater.start()
    try:
        yield job
    except Exception as exc:
        from django.db import OperationalError

        if isinstance(exc, (OperationalError, ConnectionError)):
            # retried by Celery (autoretry_for): back to queued so the retry can claim it
            Job.objects.filter(pk=job.pk, state="running").update(state="queued")
        else:
            Job.objects.filter(pk=job.pk).update(
                state="failed",
                finished_at=timezone.now(),
                error=f"{type(exc).__name__}: {exc}"[:2000],
            )
        raise
    else:
        Job.objects.filter(pk=job.pk, state="running").update(
            state="done", finished_at=timezone.now(), error=""
        )
    finally:
        _current_job.reset(token)
        if beater is not None:
            beater.stopped.set()
            beater.join(timeout=5)


# --- the reaper -----------------------------------------------------------------------------


def _crash_reason(job: Job) -> str:
    return _(
        "De verwerking is %(n)d keer afgebroken doordat de verwerker wegviel (bijvoorbeeld door "
        "geheugengebrek of een herstart). Het origineel is bewaard; probeer het opnieuw of lever "
        "het bestand in een andere vorm aan."
    ) % {"n": job.attempts}


def _fail(job: Job, reason: str) -> None:
    """The job stops for good; its document shows why and can be edited and retried."""
    job.state = "failed"
    job.error = reason
    job.finished_at = timezone.now()
    job.save(update_fields=["state", "error", "finished_at"])
    if job.document_id and job.kind == "analyse":
        Document.objects.filter(pk=job.document_id, processing="in_behandeling").update(
            processing="niet_verwerkbaar", processing_error=reason
        )
        Document.objects.filter(
            duplicate_of_id=job.document_id, processing="in_behandeling"
        ).update(processing="niet_verwerkbaar", processing_error=reason)
    elif job.document_id and job.kind == "apply":
        Document.objects.filter(pk=job.document_id, redaction_status="bezig").update(
            redaction_status="mislukt", redaction_error=reason
        )
    elif job.kind == "unpack":
        job.report = list(job.report) + [
            {"name": job.upload_name, "status": "refused", "reason": reason}
        ]
        job.save(update_fields=["report"])
    audit(
        request=job.request,
        actor=None,
        action="job_failed",
        obj=job,
        kind=job.kind,
        document=job.document_id,
        attempts=job.attempts,
        reason=reason[:300],
    )


def jobs_reap() -> dict:
    """Requeue or fail jobs whose worker is gone; resend what waited in the outbox."""
    requeued = failed = 0
    stale = Job.objects.filter(state="running").filter(
        Q(heartbeat_at__lt=_stale_before()) | Q(heartbeat_at__isnull=True)
    )
    for pk in list(stale.values_list("pk", flat=True)):
        with transaction.atomic():
            job = Job.objects.select_for_update().filter(pk=pk, state="running").first()
            if job is None or (job.heartbeat_at and job.heartbeat_at >= _stale_before()):
                continue
            if job.attempts >= job.max_attempts:
                _fail(job, _crash_reason(job))
                failed += 1
                continue
            gone = job.worker
            job.state = "pending"
            job.error = f"Verwerker {gone} reageerde niet meer; opnieuw ingepland."
            job.save(update_fields=["state", "error"])
            audit(
                request=job.request,
                actor=None,
                action="job_requeued",
                obj=job,
                kind=job.kind,
                document=job.document_id,
                worker=gone,
                attempts=job.attempts,
            )
            transaction.on_commit(lambda pk=pk: job_publish(pk))
            requeued += 1
    # A queued message can be lost (Redis restarted without persistence): send it again; the
    # claim makes a duplicate harmless.
    lost_before = timezone.now() - timedelta(seconds=settings.WOBDESK_JOB_QUEUED_STALE_SECONDS)
    resent = Job.objects.filter(state="queued", enqueued_at__lt=lost_before).update(state="pending")
    orphans = _orphans()
    sent = outbox_drain()
    return {
        "requeued": requeued,
        "failed": failed,
        "resent": resent,
        "orphans": orphans,
        "sent": sent,
    }


def _orphans() -> int:
    """Documents left "in behandeling"/"bezig" without any live job (e.g. from before jobs
    existed, or a job row lost with its broker message): give them a job or a way out."""
    count = 0
    old = timezone.now() - timedelta(seconds=settings.WOBDESK_JOB_STALE_SECONDS)
    live = Job.objects.filter(state__in=ACTIVE)
    for document in Document.objects.filter(
        processing="in_behandeling", created_at__lt=old, duplicate_of__isnull=True
    ).exclude(pk__in=live.filter(kind="analyse").values("document_id")):
        with transaction.atomic():
            analyse_submit(document)
        count += 1
    count += (
        Document.objects.filter(redaction_status="bezig")
        .exclude(pk__in=live.filter(kind="apply").values("document_id"))
        .exclude(jobs__finished_at__gte=old)
        .update(
            redaction_status="mislukt",
            redaction_error=_("Het lakken is onderbroken. Probeer het opnieuw."),
        )
    )
    return count


# --- submitting work for a document ---------------------------------------------------------


def active_job(document: Document, kind: str) -> Job | None:
    return document.jobs.filter(kind=kind, state__in=ACTIVE).order_by("-pk").first()


def analyse_submit(document: Document, *, by=None) -> Job:
    return job_create(
        kind="analyse",
        task_name="redaction.tasks.analyse_document_task",
        args=[document.pk],
        document=document,
        by=by,
    )


@transaction.atomic
def apply_submit(*, document: Document, by=None) -> Job:
    """Lakken toepassen in the background: the document is "bezig" until the job ends."""
    job = active_job(document, "apply")
    if job is not None and not is_stuck(job):
        return job
    if job is not None:
        _fail(job, _("Vervangen door een nieuwe poging."))
    Document.objects.filter(pk=document.pk).update(redaction_status="bezig", redaction_error="")
    return job_create(
        kind="apply",
        task_name="redaction.tasks.apply_redactions_task",
        args=[document.pk, getattr(by, "pk", None)],
        document=document,
        by=by,
    )


def is_stuck(job: Job) -> bool:
    """Running without a beat, or waiting unsent: the adviser may start it again."""
    if job.state == "running":
        return job.heartbeat_at is None or job.heartbeat_at < _stale_before()
    if job.state == "pending":  # unsent for a while (the outbox also retries by itself)
        return bool(job.publish_error) and job.created_at < _stale_before()
    return False


def can_retry(document: Document, jobs: list[Job] | None = None) -> bool:
    if document.duplicate_of_id and document.processing != "klaar":
        original = document.duplicate_of
        return original.processing == "klaar" or can_retry(original)
    jobs = jobs if jobs is not None else list(document.jobs.filter(state__in=ACTIVE))
    if any(not is_stuck(j) for j in jobs if j.kind in ("analyse", "apply")):
        return False
    if document.processing == "niet_verwerkbaar":
        return document.original_id is not None
    if document.processing == "in_behandeling":
        return True  # no live job: stuck
    return document.processing == "klaar" and document.redaction_status in ("mislukt", "bezig")


@transaction.atomic
def document_retry(*, document: Document, by=None) -> Job | None:
    """'Opnieuw proberen' for a failed or stuck document: analysis first, else the apply."""
    document = Document.objects.select_for_update().get(pk=document.pk)
    if not can_retry(document):
        if document.original_id is None and document.processing == "niet_verwerkbaar":
            raise ValidationError(_("Er is geen verwerkbaar bestand; upload het opnieuw."))
        raise ValidationError(_("Dit document wordt nog verwerkt; er valt nu niets te herhalen."))
    audit(request=document.request, actor=by, action="document_retried", obj=document)
    if document.duplicate_of_id and document.processing != "klaar":
        original = document.duplicate_of
        if original.processing == "klaar":
            Document.objects.filter(pk=document.pk).update(
                processing="klaar",
                processing_error="",
                pdf_id=original.pdf_id,
                page_count=original.page_count,
            )
            return None
        document = original  # the duplicate follows its original
    for job in document.jobs.filter(state__in=ACTIVE):
        _fail(job, _("Vervangen door een nieuwe poging."))
    if document.processing != "klaar":
        Document.objects.filter(pk=document.pk).update(
            processing="in_behandeling", processing_error="", progress_done=0
        )
        Document.objects.filter(duplicate_of=document).exclude(processing="klaar").update(
            processing="in_behandeling", processing_error=""
        )
        return analyse_submit(document, by=by)
    return apply_submit(document=document, by=by)
