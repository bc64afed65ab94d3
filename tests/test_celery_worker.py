"""A real Celery worker process executes a real task through a real Redis, on the real database."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
from celery import Celery
from django.db import connection

from cases.models import Request
from tests.conftest import require

ROOT = Path(__file__).resolve().parent.parent


def test_database_url() -> str:
    settings_dict = connection.settings_dict
    return (
        f"postgres://{settings_dict['USER']}@{settings_dict['HOST']}:{settings_dict['PORT']}/"
        f"{settings_dict['NAME']}"
    )


test_database_url.__test__ = False  # a helper, not a test


def start_worker(redis_url: str, tmp_path: Path, **env_extra: str) -> subprocess.Popen:
    """A real `celery worker` process (solo pool) on the test database and ``redis_url``."""
    env = dict(
        os.environ,
        DATABASE_URL=test_database_url(),
        REDIS_URL=redis_url,
        DJANGO_SETTINGS_MODULE="wobdesk.settings",
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(tmp_path / "mail"),
        **env_extra,
    )
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "wobdesk",
            "worker",
            "-Q",
            "default,redaction",
            "--pool",
            "solo",
            "--concurrency",
            "1",
            "-l",
            "warning",
            "--without-heartbeat",
            "--without-gossip",
            "--without-mingle",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )


def stop_worker(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


@contextmanager
def web_broker(url: str):
    """Point this (test = web) process's Celery app at a real broker instead of eager mode."""
    from wobdesk.celery import app

    saved = (app.conf.broker_url, app.conf.task_always_eager)
    app.conf.broker_url = url
    app.conf.task_always_eager = False
    app._pool = None
    app.amqp._producer_pool = None
    try:
        yield app
    finally:
        app.conf.broker_url, app.conf.task_always_eager = saved
        app._pool = None
        app.amqp._producer_pool = None


def needs_worker_services() -> str:
    redis_url = os.environ.get("WOBDESK_TEST_REDIS_URL", "")
    require(bool(redis_url), "WOBDESK_TEST_REDIS_URL not set (no Redis)")
    require(
        connection.vendor == "postgresql", "the worker shares the test database: needs PostgreSQL"
    )
    return redis_url


@pytest.fixture
def celery_worker_process(transactional_db, tmp_path):
    redis_url = needs_worker_services()
    proc = start_worker(redis_url, tmp_path)
    # A separate client app: the test process sends through Redis like a web process would.
    client = Celery("wobdesk-test-client", broker=redis_url, backend=redis_url)
    try:
        yield proc, client, tmp_path / "mail"
    finally:
        stop_worker(proc)


@pytest.mark.celery_worker
def test_worker_refreshes_a_stale_deadline(celery_worker_process, make_case):
    proc, client, _ = celery_worker_process
    case = make_case()
    correct = case.due_on
    assert correct == date(2026, 4, 7)
    Request.objects.filter(pk=case.pk).update(due_on=date(2030, 1, 1))  # make the cache stale

    result = client.send_task("cases.tasks.refresh_request_task", args=[case.pk], queue="default")
    try:
        value = result.get(timeout=60)
    except Exception as exc:
        proc.terminate()
        output = proc.stdout.read().decode(errors="replace")
        raise AssertionError(f"worker did not answer ({exc!r}); its output:\n{output}")
    assert value == "2026-04-07"
    case.refresh_from_db()
    assert case.due_on == correct
    assert proc.poll() is None  # the worker process is still alive and did the work


@pytest.mark.celery_worker
def test_worker_sends_reminders_once_per_day(
    celery_worker_process, make_case, adviser, coordinator
):
    from cases.models import Reminder
    from cases.services.requests import request_transition

    proc, client, mail_dir = celery_worker_process
    coordinator.email = "coordinator@teststad.example"
    coordinator.save()
    # due within 5 working days of 2026-04-01: received 2026-03-06 -> due 2026-04-07
    soon = make_case(subject="bijna verlopen")
    # overdue on 2026-04-01: received 2026-02-02 -> due 2026-03-02
    late = make_case(subject="te laat", received_on=date(2026, 2, 2))
    request_transition(
        request=late, type="acknowledged", on=date(2026, 2, 3), today_=date(2026, 4, 1)
    )
    for _ in range(2):  # the second run the same day must send nothing
        result = client.send_task(
            "cases.tasks.send_deadline_reminders_task", args=["2026-04-01"], queue="default"
        )
        result.get(timeout=60)
    digest = Reminder.objects.get(recipient=adviser, kind="adviser_digest")
    assert digest.cases == [soon.reference]
    escalation = Reminder.objects.get(recipient=coordinator, kind="escalation")
    assert escalation.cases == [late.reference]
    assert Reminder.objects.count() == 2
    mails = sorted(mail_dir.glob("*.log"))
    bodies = "\n".join(p.read_text() for p in mails)
    assert bodies.count("Subject: Woo-termijnen") == 1
    assert bodies.count("Subject: Woo: 1 zaak/zaken over de termijn") == 1
    assert soon.reference in bodies and "7 april 2026" in bodies


@pytest.mark.celery_worker
def test_worker_analyses_an_uploaded_document(celery_worker_process, make_case):
    from cases.models import Document
    from cases.services.documents import stored_file_put
    from tests.redaction import pdf_factory

    proc, client, _ = celery_worker_process
    case = make_case()
    doc = Document.objects.create(
        request=case,
        number="1",
        title="memo",
        original_name="memo.pdf",
        original=stored_file_put(pdf_factory.text_pdf(["Het BSN is 111222333."])),
        processing="in_behandeling",
    )
    result = client.send_task(
        "redaction.tasks.analyse_document_task", args=[doc.pk], queue="redaction"
    )
    assert result.get(timeout=60) == "klaar"
    doc.refresh_from_db()
    assert doc.page_count == 1 and doc.progress_done == 1
    assert list(doc.redactions.values_list("text", "ground")) == [("111222333", "5.1.1e")]
