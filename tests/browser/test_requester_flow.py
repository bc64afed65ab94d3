"""A requester submits a request in the browser and follows it to a sent besluit and a download."""

from __future__ import annotations

from datetime import date

import pymupdf
import pytest

from cases.models import Request
from tests.approval_helpers import approve
from tests.redaction import pdf_factory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_requester_submits_and_follows(page, live_server, organisation, adviser, shot):
    from cases.services.letters import letter_mark_sent, letter_render
    from cases.services.points import answer_write
    from cases.services.requests import request_assign
    from redaction.models import Redaction
    from redaction.services import Upload, document_apply, documents_upload, redaction_decide

    page.goto(f"{live_server.url}/woo/")
    shot(page, "10-portal-form")
    page.click("button[type=submit]")  # empty form: says what is missing, loses nothing
    assert page.locator(".errorlist").count() >= 3
    page.fill("#id_name", "Fatima El Amrani")
    page.fill("#id_email", "fatima@example.org")
    page.fill("#id_subject", "de inzet van sensing in Roermond")
    page.fill("#id_request_text", "Ik vraag om:\n1. het projectplan;\n2. de evaluaties.")
    page.click("button[type=submit]")
    page.wait_for_selector("[data-testid=reference]")
    reference = page.inner_text("[data-testid=reference]")
    shot(page, "11-portal-submitted")
    page.click("[data-testid=status-link]")
    page.wait_for_selector("[data-testid=status-text]")
    assert "ontvangen" in page.inner_text("[data-testid=status-text]").lower()
    assert page.inner_text("[data-testid=due-on]")
    status_url = page.url
    shot(page, "12-portal-status")

    # Staff handle the case: a document is redacted and the besluit is sent.
    case = Request.objects.get(reference=reference)
    assert case.channel == "webformulier" and case.points.count() == 2
    request_assign(request=case, adviser=adviser)
    answer_write(request=case, point_numbers=[1, 2], text="Zie de documenten.")
    [doc] = documents_upload(request=case, files=[Upload("plan.pdf", pdf_factory.text_pdf())])
    for r in Redaction.objects.filter(document=doc):
        redaction_decide(redaction=r, decision="accepted")
    doc = document_apply(document_id=doc.pk)
    assert doc.redaction_status == "klaar", doc.redaction_error
    from cases.services.documents import document_judge

    document_judge(document=doc, judgement="deels_openbaar", grounds=["5.1.2e"])
    besluit = approve(letter_render(request=case, kind="besluit", letter_date=date.today()))
    letter_mark_sent(letter=besluit, on=date.today())

    page.goto(status_url)
    assert "verzonden" in page.inner_text("[data-testid=status-text]").lower()
    shot(page, "13-portal-decided")
    with page.expect_download() as dl:
        page.click("[data-testid=released] a")
    data = open(dl.value.path(), "rb").read()
    with pymupdf.open(stream=data, filetype="pdf") as pdf:
        text = pdf[0].get_text()
    assert pdf_factory.SECRET not in text and "5.1.2e" in text
    with page.expect_download() as dl:
        page.click("text=Besluit van")
    assert open(dl.value.path(), "rb").read()[:5] == b"%PDF-"  # a PDF, never the .docx
