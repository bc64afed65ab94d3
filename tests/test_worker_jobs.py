"""Issue 11 item 7 without services: the outbox, the claim, the reaper, 'opnieuw proberen'.

The broker "outage" here is a closed port (nothing listens on 127.0.0.1:1); the real Redis and
real workers are in tests/test_worker_recovery.py."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from cases.models import AuditRecord, Document
from redaction import jobs
from redaction.models import Job, Redaction
from redaction.services import Upload, documents_upload, redaction_decide
from tests.redaction import pdf_factory
from tests.test_celery_worker import web_broker

CLOSED = "redis://127.0.0.1:1/0"


@pytest.fixture
def case(make_case):
    return make_case()


def _pdf(text="Het BSN is 111222333.") -> bytes:
    return pdf_factory.text_pdf([text])


def _upload(case, data=None, name="memo.pdf") -> Document:
    [doc] = documents_upload(request=case, files=[Upload(name, data or _pdf())])
    doc.refresh_from_db()
    return doc


def test_upload_with_the_broker_down_answers_fast_with_a_dutch_message(client, case, adviser):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(adviser)
    with web_broker(CLOSED):
        started = time.monotonic()
        response = client.post(
            reverse("redaction:upload", args=[case.pk]),
            {"files": SimpleUploadedFile("memo.pdf", _pdf())},
        )
        elapsed = time.monotonic() - started
        assert response.status_code == 302
        assert elapsed < 8, elapsed  # was a 500 after ~19 s
        texts = [m.message for m in get_messages(response.wsgi_request)]
        assert jobs.BROKER_DOWN_MESSAGE in texts
        [doc] = case.documents.all()
        assert doc.processing == "in_behandeling" and doc.original is not None
        [job] = doc.jobs.all()
        assert job.state == "pending" and job.publish_error  # in the outbox, nothing half-made
        rows = client.get(reverse("redaction:document_rows", args=[case.pk])).content.decode()
        assert "wacht op de wachtrij" in rows and jobs.BROKER_DOWN_MESSAGE in rows
    # the broker is back (eager here): draining the outbox runs the job to the end
    assert jobs.outbox_drain() == 1
    doc.refresh_from_db()
    job.refresh_from_db()
    assert job.state == "done" and doc.processing == "klaar"
    assert doc.redactions.filter(text="111222333").exists()


def test_apply_with_the_broker_down_is_no_500(client, case, adviser):
    doc = _upload(case)
    for r in doc.redactions.all():
        redaction_decide(redaction=r, decision="accepted", by=adviser)
    client.force_login(adviser)
    with web_broker(CLOSED):
        started = time.monotonic()
        response = client.post(
            reverse("redaction:apply", args=[case.pk, doc.pk]), {}, content_type="application/json"
        )
        assert time.monotonic() - started < 8
    assert response.status_code == 200
    assert response.json()["message"] == jobs.BROKER_DOWN_MESSAGE
    doc.refresh_from_db()
    assert doc.redaction_status == "bezig"
    assert doc.jobs.get(kind="apply").state == "pending"
    jobs.outbox_drain()
    doc.refresh_from_db()
    assert doc.redaction_status == "klaar" and doc.redacted is not None


def test_a_timeline_step_with_the_broker_down_queues_the_mail(client, case, adviser):
    """The requester notification after a step goes through the outbox too (no 500)."""
    from datetime import date

    from cases.services.requests import request_transition

    with web_broker(CLOSED):
        request_transition(request=case, type="adjourned", on=date(2026, 3, 20), by=adviser)
    [job] = case.jobs.filter(task_name="cases.tasks.notify_requester_task")
    assert job.state == "pending" and job.publish_error


def _running(job: Job, *, beat_ago: float, worker="dood:1", attempts=1) -> Job:
    job.state = "running"
    job.worker = worker
    job.attempts = attempts
    job.heartbeat_at = timezone.now() - timedelta(seconds=beat_ago)
    job.save()
    return job


def _stuck_analysis(case, **kw) -> tuple[Document, Job]:
    """A document whose worker died mid-analysis (as after kill -9)."""
    with web_broker(CLOSED):
        doc = _upload(case, **kw)
    job = doc.jobs.get()
    return doc, job


def test_claim_is_idempotent(case, settings):
    doc, job = _stuck_analysis(case)
    _running(job, beat_ago=1, worker="levend:7")
    assert jobs.job_claim(job.pk) is None  # alive elsewhere: a second delivery does nothing
    _running(job, beat_ago=settings.WOBDESK_JOB_STALE_SECONDS + 5)
    claimed = jobs.job_claim(job.pk)
    assert claimed is not None and claimed.attempts == 2 and claimed.worker == jobs.worker_name()
    Job.objects.filter(pk=job.pk).update(state="done")
    assert jobs.job_claim(job.pk) is None  # done: redelivery after acks_late is harmless


def test_reaper_requeues_a_dead_workers_job_and_it_completes(case, settings):
    doc, job = _stuck_analysis(case)
    _running(job, beat_ago=settings.WOBDESK_JOB_STALE_SECONDS + 5)
    result = jobs.jobs_reap()  # eager: requeued and run at once
    assert result["requeued"] == 1
    job.refresh_from_db()
    doc.refresh_from_db()
    assert job.state == "done" and job.attempts == 2
    assert doc.processing == "klaar"
    assert AuditRecord.objects.filter(action="job_requeued", object_id=str(job.pk)).exists()


def test_reaper_fails_after_max_attempts_with_a_reason_and_retry_works(client, case, adviser):
    doc, job = _stuck_analysis(case)
    _running(job, beat_ago=10_000, attempts=3)
    assert jobs.jobs_reap()["failed"] == 1
    doc.refresh_from_db()
    assert doc.processing == "niet_verwerkbaar" and "3 keer afgebroken" in doc.processing_error
    client.force_login(adviser)
    rows = client.get(reverse("redaction:document_rows", args=[case.pk])).content.decode()
    assert "opnieuw proberen" in rows and "keer afgebroken" in rows
    response = client.post(reverse("redaction:retry", args=[case.pk, doc.pk]))
    assert response.status_code == 302
    doc.refresh_from_db()
    assert doc.processing == "klaar" and doc.page_count == 1
    assert AuditRecord.objects.filter(action="document_retried").exists()


def test_stuck_apply_becomes_editable_after_the_reaper(case, adviser):
    doc = _upload(case)
    red = doc.redactions.first()
    with web_broker(CLOSED):
        apply_job = jobs.apply_submit(document=doc, by=adviser)
    _running(apply_job, beat_ago=10_000, attempts=3)
    with pytest.raises(ValidationError):  # "bezig": edits refused while it runs
        redaction_decide(redaction=Redaction.objects.get(pk=red.pk), decision="accepted")
    jobs.jobs_reap()
    doc.refresh_from_db()
    assert doc.redaction_status == "mislukt" and "afgebroken" in doc.redaction_error
    # editable again
    redaction_decide(redaction=Redaction.objects.get(pk=red.pk), decision="accepted", by=adviser)
    assert jobs.can_retry(doc)
    jobs.document_retry(document=doc, by=adviser)
    doc.refresh_from_db()
    assert doc.redaction_status == "klaar"


def test_reupload_while_the_first_is_stuck_gives_no_dubbel_without_pdf(case, settings):
    data = _pdf("Zelfde bestand")
    first, job = _stuck_analysis(case, data=data)
    _running(job, beat_ago=settings.WOBDESK_JOB_STALE_SECONDS + 5)
    second = _upload(case, data=data)  # the first copy is started again, the second follows it
    first.refresh_from_db()
    assert first.processing == "klaar" and first.pdf is not None
    assert second.judgement == "dubbel" and second.duplicate_of_id == first.pk
    assert second.processing == "klaar" and second.pdf_id == first.pdf_id
    assert second.page_count == first.page_count == 1


def test_dubbel_of_a_document_still_in_the_outbox_follows_it(case):
    data = _pdf("Nog in de wachtrij")
    with web_broker(CLOSED):
        first = _upload(case, data=data)
        second = _upload(case, data=data)
    assert second.processing == "in_behandeling" and second.pdf is None
    assert second.duplicate_of_id == first.pk
    jobs.outbox_drain()
    second.refresh_from_db()
    assert second.processing == "klaar" and second.pdf is not None


def test_orphan_document_without_a_job_gets_one(case, settings):
    doc = Document.objects.create(
        request=case,
        number="9",
        title="oud",
        original_name="oud.pdf",
        original=_upload(case).original,
        processing="in_behandeling",
    )
    Document.objects.filter(pk=doc.pk).update(created_at=timezone.now() - timedelta(hours=1))
    assert jobs.jobs_reap()["orphans"] == 1
    doc.refresh_from_db()
    assert doc.processing == "klaar"


def test_retry_refused_while_a_live_job_runs(case):
    doc, job = _stuck_analysis(case)
    _running(job, beat_ago=1, worker="levend:7")
    assert not jobs.can_retry(doc)
    with pytest.raises(ValidationError, match="nog verwerkt"):
        jobs.document_retry(document=doc)
