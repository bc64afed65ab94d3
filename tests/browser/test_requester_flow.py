"""A requester submits a request in the browser and follows it to a sent besluit and a download."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pymupdf
import pytest

from cases.models import Request
from tests.approval_helpers import approve
from tests.browser.conftest import OUTPUT
from tests.redaction import pdf_factory

AXE = Path(__file__).resolve().parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def axe_check(page, name: str) -> list:
    """axe-core (WCAG 2.1 A/AA rules) on the page as it stands: no serious or critical violation."""
    from tests.conftest import require

    require(AXE.exists(), "axe-core missing: npm ci --prefix tests/browser/axe")
    # add_script_tag(path=...) inserts an inline <script>, which the portal's CSP rightly blocks;
    # evaluating the same file through the DevTools protocol is not subject to the page's CSP, so
    # the page is checked exactly as a requester gets it (CSP on, no inline style rescued)
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(AXE.read_text() + "\n;true")
    result = page.evaluate(
        """async () => await axe.run(document, {runOnly: {type: 'tag',
             values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"""
    )
    bad = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    OUTPUT.mkdir(parents=True, exist_ok=True)
    (OUTPUT / f"{name}-axe.txt").write_text(
        "\n".join(f"{v['impact']}: {v['id']} ({len(v['nodes'])})" for v in result["violations"])
        or "geen overtredingen"
    )
    assert not bad, f"{name}: {bad}"
    return result["violations"]


def both_widths(page, shot, name: str) -> None:
    """Screenshots at 1280 and 390 px; at 390 px nothing sticks out (no horizontal scroll) and
    axe runs at both widths."""
    page.set_viewport_size({"width": 1280, "height": 800})
    axe_check(page, name)
    shot(page, name)
    page.set_viewport_size({"width": 390, "height": 844})
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{name}: {overflow}px wider than a 390 px screen"
    for box in page.evaluate(
        "[...document.querySelectorAll('main input, main select, main textarea, main button')]"
        ".filter(e => e.type !== 'hidden' && e.offsetParent).map(e => e.getBoundingClientRect().right)"
    ):
        assert box <= 390, f"{name}: a control is cut off at {box}px"
    axe_check(page, name + "-390")
    shot(page, name + "-390")
    page.set_viewport_size({"width": 1280, "height": 800})


def test_portal_form_is_one_column_on_a_phone_and_keyboard_usable(page, live_server, organisation):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/woo/")
    name = page.locator("#id_name").bounding_box()
    email = page.locator("#id_email").bounding_box()
    assert email["y"] > name["y"] + name["height"] - 1  # stacked, not side by side
    fmt = page.locator("#id_preferred_format").bounding_box()
    assert fmt["x"] + fmt["width"] <= 390
    page.set_viewport_size({"width": 1280, "height": 800})
    main = page.locator("main").bounding_box()
    assert main["width"] <= 860  # the reading column holds: the stylesheet is not blocked
    # keyboard: the first Tab reaches the skip link, which becomes visible and moves focus
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    assert page.locator(".skip").bounding_box()["x"] >= 0
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.goto(f"{live_server.url}/woo/privacy/")
    both_widths(
        page,
        lambda p, n: p.screenshot(path=str(OUTPUT / f"{n}.png"), full_page=True),
        "09-portal-privacy",
    )


def test_requester_submits_and_follows(page, live_server, organisation, adviser, shot):
    from cases.services.letters import letter_mark_sent, letter_render
    from cases.services.points import answer_write
    from cases.services.requests import request_assign
    from redaction.models import Redaction
    from redaction.services import Upload, document_apply, documents_upload, redaction_decide

    page.goto(f"{live_server.url}/woo/")
    both_widths(page, shot, "10-portal-form")
    page.click("button[type=submit]")  # empty form: says what is missing, loses nothing
    assert page.locator(".errorlist").count() >= 3
    both_widths(page, shot, "10-portal-form-errors")
    page.fill("#id_name", "Fatima El Amrani")
    page.fill("#id_email", "fatima@example.org")
    page.fill("#id_subject", "de inzet van sensing in Roermond")
    page.fill("#id_request_text", "Ik vraag om:\n1. het projectplan;\n2. de evaluaties.")
    page.click("button[type=submit]")
    page.wait_for_selector("[data-testid=reference]")
    reference = page.inner_text("[data-testid=reference]")
    both_widths(page, shot, "11-portal-submitted")
    page.click("[data-testid=status-link]")
    page.wait_for_selector("[data-testid=status-text]")
    assert "ontvangen" in page.inner_text("[data-testid=status-text]").lower()
    assert page.inner_text("[data-testid=due-on]")
    status_url = page.url
    page.click("text=Kopie van uw verzoek")
    assert "2. de evaluaties" in page.inner_text("[data-testid=request-text]")
    page.fill("#reply-text", "Het gaat om de jaren 2023 en 2024.")
    page.click("text=Reactie versturen")
    page.wait_for_selector(".messages")
    assert "2023 en 2024" in page.inner_text("[data-testid=timeline]")
    both_widths(page, shot, "12-portal-status")

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

    # the besluit mail carries the requester's own, still working link
    from django.core import mail

    [besluit_mail] = [m for m in mail.outbox if "Besluit" in m.subject]
    assert re.search(r"/woo/status/[\w-]+/", besluit_mail.body).group(0) in status_url
    page.goto(status_url)
    assert "verzonden" in page.inner_text("[data-testid=status-text]").lower()
    bezwaar = page.inner_text("[data-testid=bezwaar]")
    assert "bezwaar" in bezwaar.lower() and str(date.today().year) in bezwaar
    both_widths(page, shot, "13-portal-decided")
    with page.expect_download() as dl:
        page.click("[data-testid=released] a")
    data = open(dl.value.path(), "rb").read()
    with pymupdf.open(stream=data, filetype="pdf") as pdf:
        text = pdf[0].get_text()
    assert pdf_factory.SECRET not in text and "5.1.2e" in text
    with page.expect_download() as dl:
        page.click("text=Besluit van")
    assert open(dl.value.path(), "rb").read()[:5] == b"%PDF-"  # a PDF, never the .docx
