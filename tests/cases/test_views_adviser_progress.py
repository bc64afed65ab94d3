"""Progress on every long job (issue 13, item 3): each document row shows its stage."""

from __future__ import annotations

import pytest
from django.urls import reverse

from cases.models import Document
from cases.services.documents import document_create, stored_file_put
from redaction.models import Job

pytestmark = pytest.mark.django_db


def rows(client, case) -> str:
    return client.get(reverse("redaction:document_rows", args=[case.pk])).content.decode()


def stage_of(html: str, number: str) -> str:
    row = html.split(f'id="document-{number}"')[1].split("</tr>")[0]
    return row.split('data-testid="stage" data-stage="')[1].split('"')[0], row


@pytest.mark.parametrize(
    "state, has_pdf, done, total, code, text",
    [
        ("queued", False, 0, 0, "ontvangen", "ontvangen, wacht op verwerking"),
        ("running", False, 0, 0, "omzetten", "omzetten naar PDF"),
        ("running", True, 5, 20, "ocr", "pagina 5/20"),
        ("running", True, 20, 20, "analyseren", "analyseren"),
    ],
)
def test_each_stage_is_shown(client, adviser, make_case, state, has_pdf, done, total, code, text):
    case = make_case()
    doc = document_create(request=case, title="Scan")
    Document.objects.filter(pk=doc.pk).update(
        processing="in_behandeling",
        original=stored_file_put(b"scan"),
        pdf=stored_file_put(b"%PDF-1.4 x") if has_pdf else None,
        progress_done=done,
        progress_total=total,
    )
    Job.objects.create(
        kind="analyse",
        task_name="redaction.tasks.analyse_document_task",
        request=case,
        document=doc,
        state=state,
    )
    client.force_login(adviser)
    found, row = stage_of(rows(client, case), doc.number)
    assert found == code and text in row
    # The same on the case page, with the tab count.
    page = client.get(reverse("cases:request_detail", args=[case.pk]) + "?tab=documenten")
    html = page.content.decode()
    assert 'Documenten (<span id="documents-count">1</span>)' in html
    assert stage_of(html, doc.number)[0] == code


def test_unprocessable_says_why(client, adviser, make_case):
    case = make_case()
    doc = document_create(request=case, title="Kapot")
    Document.objects.filter(pk=doc.pk).update(
        processing="niet_verwerkbaar", processing_error="Het bestand is beschadigd."
    )
    client.force_login(adviser)
    html = rows(client, case)
    assert "niet verwerkbaar" in html and "Het bestand is beschadigd." in html
