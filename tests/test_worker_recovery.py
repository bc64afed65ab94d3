"""Issue 11 item 7 with real services: a real Celery worker killed with SIGKILL mid-OCR and the
job finished by the next worker; Redis stopped during an upload and the job done after it is
back. Both run on PostgreSQL (the workers share the test database) and real Redis processes."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time

import pymupdf
import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cases.models import AuditRecord
from redaction import jobs
from redaction.models import Job
from redaction.services import Upload, documents_upload
from tests.conftest import require
from tests.redaction import pdf_factory
from tests.test_celery_worker import (
    needs_worker_services,
    start_worker,
    stop_worker,
    web_broker,
)

pytestmark = [pytest.mark.celery_worker, pytest.mark.slow]


def wait_for(predicate, timeout: float, what: str, procs=()):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    output = ""
    for p in procs:
        if p.poll() is not None and p.stdout:
            output += p.stdout.read().decode(errors="replace")[-3000:]
    raise AssertionError(f"timed out waiting for {what}\n{output}")


def scan_pdf(pages: int) -> bytes:
    """A multi-page scan: every page an image of text, so OCR runs page by page."""
    doc = pymupdf.open()
    for n in range(pages):
        src = pymupdf.open()
        page = src.new_page()
        for line in range(12):
            page.insert_text(
                (72, 100 + 40 * line),
                f"Pagina {n + 1} regel {line + 1} van het verslag",
                fontsize=14,
            )
        if n == pages - 1:
            page.insert_text((72, 100 + 40 * 12), "Het BSN is 111222333.", fontsize=14)
        pix = page.get_pixmap(dpi=150, alpha=False)
        scan = doc.new_page(width=page.rect.width, height=page.rect.height)
        scan.insert_image(scan.rect, pixmap=pix)
    return doc.tobytes()


@pytest.fixture
def worker_env(transactional_db, settings):
    redis_url = needs_worker_services()
    settings.WOBDESK_JOB_STALE_SECONDS = 4  # the reaper runs in this process
    return redis_url, {"WOBDESK_JOB_HEARTBEAT_SECONDS": "1", "WOBDESK_JOB_STALE_SECONDS": "4"}


def test_worker_killed_mid_ocr_job_completed_by_the_next_worker(worker_env, make_case, tmp_path):
    redis_url, env = worker_env
    require(bool(shutil.which("tesseract")), "tesseract not installed")
    case = make_case()
    pages = 4
    with web_broker(redis_url):
        [doc] = documents_upload(request=case, files=[Upload("scan.pdf", scan_pdf(pages))])
        job = doc.jobs.get()
        assert Job.objects.get(pk=job.pk).state == "queued"

        first = start_worker(redis_url, tmp_path, **env)
        second = None
        try:
            # mid-task: the job is running on the first worker and OCR has done a page
            wait_for(
                lambda: (
                    Job.objects.filter(pk=job.pk, state="running").exists()
                    and type(doc).objects.get(pk=doc.pk).progress_done >= 1
                ),
                45,
                "the first worker to be in the middle of OCR",
                [first],
            )
            dead_worker = Job.objects.get(pk=job.pk).worker
            os.kill(first.pid, signal.SIGKILL)
            first.wait(timeout=10)
            assert first.returncode == -signal.SIGKILL
            doc.refresh_from_db()
            assert doc.processing == "in_behandeling"  # what used to stay for ever

            second = start_worker(redis_url, tmp_path, **env)
            # the reaper (beat task; called here) sees no heartbeat and requeues the job
            wait_for(lambda: jobs.jobs_reap()["requeued"], 20, "the reaper to requeue", [second])
            wait_for(
                lambda: Job.objects.filter(pk=job.pk, state__in=["done", "failed"]).exists(),
                60,
                "the second worker to finish the job",
                [second],
            )
        finally:
            for proc in (first, second):
                if proc is not None:
                    stop_worker(proc)
    job.refresh_from_db()
    doc.refresh_from_db()
    assert job.state == "done", job.error
    assert job.attempts == 2 and job.worker != dead_worker
    assert doc.processing == "klaar" and doc.page_count == pages
    assert doc.progress_done == pages
    # OCR reached the last page: the BSN printed only there is suggested
    assert doc.redactions.filter(page=pages - 1, text="111222333").exists()
    assert AuditRecord.objects.filter(action="job_requeued", object_id=str(job.pk)).exists()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _redis(port: int, tmp_path) -> subprocess.Popen:
    proc = subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(tmp_path),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )

    def up():
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return True
        except OSError:
            return False

    wait_for(up, 10, "redis-server to listen")
    return proc


def test_redis_stopped_during_upload_then_back_job_runs(
    worker_env, make_case, adviser, client, tmp_path
):
    _, env = worker_env
    require(bool(shutil.which("redis-server")), "redis-server not installed")
    port = _free_port()
    url = f"redis://127.0.0.1:{port}/0"
    redis = _redis(port, tmp_path)
    case = make_case()
    client.force_login(adviser)
    worker = None
    try:
        with web_broker(url):
            redis.terminate()  # Redis stops
            redis.wait(timeout=10)
            started = time.monotonic()
            response = client.post(
                reverse("redaction:upload", args=[case.pk]),
                {"files": SimpleUploadedFile("memo.pdf", pdf_factory.text_pdf(["BSN 111222333"]))},
            )
            elapsed = time.monotonic() - started
            assert response.status_code == 302 and elapsed < 8, (response.status_code, elapsed)
            assert jobs.BROKER_DOWN_MESSAGE in [
                m.message for m in get_messages(response.wsgi_request)
            ]
            [doc] = case.documents.all()
            [job] = doc.jobs.all()
            assert doc.processing == "in_behandeling" and doc.original is not None
            assert job.state == "pending" and "127.0.0.1" in job.publish_error

            redis = _redis(port, tmp_path)  # Redis is back
            worker = start_worker(url, tmp_path, **env)
            assert jobs.outbox_drain() == 1  # what the beat task / next request does
            wait_for(
                lambda: Job.objects.filter(pk=job.pk, state__in=["done", "failed"]).exists(),
                45,
                "the worker to run the job from the outbox",
                [worker],
            )
    finally:
        if worker is not None:
            stop_worker(worker)
        if redis.poll() is None:
            redis.terminate()
            redis.wait(timeout=10)
    job.refresh_from_db()
    doc.refresh_from_db()
    assert job.state == "done" and job.attempts == 1
    assert doc.processing == "klaar"
    assert doc.redactions.filter(text="111222333").exists()
