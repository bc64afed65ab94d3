"""The coordinator's /rapportage/ in the real browser (issue 13 item 11): fits a 1280 and a 390 px
screen, chart labels are whole, late cases listed; screenshots saved."""

from __future__ import annotations

from datetime import date

import pytest

from cases.services.documents import document_create
from cases.services.requests import request_transition
from tests.security_helpers import totp_code, totp_device

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_report_fits_the_screen(page, live_server, make_case, coordinator, shot):
    a = make_case(received_on=date(2026, 2, 2), subject="tijdig")
    request_transition(request=a, type="decision_sent", on=date(2026, 2, 27), actor_label="import")
    b = make_case(received_on=date(2026, 1, 5), subject="laat")
    request_transition(request=b, type="decision_sent", on=date(2026, 3, 20), actor_label="import")
    document_create(request=a, title="Advies", judgement="deels_openbaar", grounds=["5.1.2e"])
    document_create(request=b, title="Nota", judgement="niet_openbaar", grounds=["5.1.2i"])
    device = totp_device(coordinator)  # coordinators pass the second factor
    page.goto(f"{live_server.url}/inloggen/")
    page.fill("#id_username", "coordinator1")
    page.fill("#id_password", "test-pass-123")
    page.click("button[type=submit]")
    page.wait_for_selector("input[name=code]")
    page.fill("input[name=code]", totp_code(device))
    page.click("main button[type=submit]")  # not the header's "Uitloggen"
    page.wait_for_load_state()
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(f"{live_server.url}/rapportage/")
        shot(page, f"30-report-{width}")
        assert page.locator("[data-testid=late-table]").inner_text().count(b.reference) == 1
        # the report itself fits (the staff header's nav is another screen's business)
        overflow = page.evaluate(
            "(() => { const m = document.querySelector('main'); return m.scrollWidth - m.clientWidth; })()"
        )
        assert overflow <= 0, f"{width}px: report {overflow}px too wide"
        table = page.locator("[data-testid=report-table]").bounding_box()
        assert table["x"] + table["width"] <= width
        # every chart label is drawn whole: it ends before its bar begins
        for svg in page.locator("svg[role=img]").all():
            clipped = svg.evaluate(
                """s => [...s.querySelectorAll('text')].filter((t, i) => i % 2 === 0).some(t => {
                       const r = t.nextElementSibling; return r && t.getBBox().width > +r.getAttribute('x'); })"""
            )
            assert not clipped
        assert "50%" in page.locator("[data-testid=report-table]").inner_text()
        shot(page, f"30-report-{width}")
