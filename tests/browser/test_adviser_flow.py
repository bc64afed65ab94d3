"""An adviser runs a case in a real browser: upload, review, reject, draw, apply, download, besluit."""

from __future__ import annotations

import io

import pymupdf
import pytest
from docx import Document as DocxDocument

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NAME = "Petra Jansen-Kaya"
BSN = "111222333"  # passes the 11-proef
SECRET_PROJECT = "Project Zeemeeuw"


def make_pdf() -> bytes:
    doc = pymupdf.open()
    page = doc.new_page()
    lines = [
        "Memo aan het college",
        "",
        f"Behandeld door: mevrouw {NAME}",
        f"Het burgerservicenummer van de melder is {BSN}.",
        f"Het onderzoek loopt onder de naam {SECRET_PROJECT} en wordt in mei afgerond.",
        "Met vriendelijke groet,",
        "Kees de Boer",
    ]
    y = 72
    for line in lines:
        page.insert_text((72, y), line, fontsize=11)
        y += 18
    data = doc.tobytes()
    doc.close()
    return data


def login(page, live_server, username):
    page.goto(f"{live_server.url}/inloggen/")
    page.fill("#id_username", username)
    page.fill("#id_password", "test-pass-123")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")


def test_adviser_runs_a_case(page, live_server, make_case, shot, tmp_path):
    case = make_case()
    page.on("dialog", lambda d: d.accept())
    login(page, live_server, "adviseur1")
    shot(page, "01-caselist")
    assert case.reference in page.content()

    page.click(f"text={case.reference}")
    page.wait_for_selector("[data-testid=due-on]")
    shot(page, "02-case-detail")

    # Upload a PDF with a name and a BSN; the analysis runs and the row updates without a reload.
    page.click("text=Documenten (0)")
    pdf_path = tmp_path / "memo.pdf"
    pdf_path.write_bytes(make_pdf())
    page.set_input_files("#id_files", str(pdf_path))
    page.click("text=Uploaden en analyseren")
    page.wait_for_selector("[data-testid=processing] >> text=klaar")
    shot(page, "03-documents")

    page.click("text=memo")
    page.wait_for_selector("[data-testid=suggestion]")
    page.wait_for_function("document.querySelectorAll('[data-testid=overlay] .box').length > 0")
    shot(page, "04-review")
    texts = page.locator("[data-testid=suggestion] .txt").all_inner_texts()
    assert any(BSN in t for t in texts), texts
    assert any("Jansen-Kaya" in t for t in texts), texts

    # Reject the name suggestion.
    name_card = page.locator("[data-testid=suggestion]", has_text="Jansen-Kaya").first
    name_card.locator("button[data-act=rejected]").click()
    page.wait_for_function(
        "[...document.querySelectorAll('[data-testid=suggestion]')].some(e => e.textContent.includes('Jansen-Kaya') && e.classList.contains('rejected'))"
    )
    # Draw a manual box over the project name.
    with pymupdf.open(stream=make_pdf(), filetype="pdf") as doc:
        rect = doc[0].search_for(SECRET_PROJECT)[0]
        page_width = doc[0].rect.width
    overlay = page.locator("[data-testid=overlay]")
    box = overlay.bounding_box()
    scale = box["width"] / page_width
    x0, y0 = box["x"] + (rect.x0 - 2) * scale, box["y"] + (rect.y0 - 2) * scale
    x1, y1 = box["x"] + (rect.x1 + 2) * scale, box["y"] + (rect.y1 + 2) * scale
    page.mouse.move(x0, y0)
    page.mouse.down()
    page.mouse.move((x0 + x1) / 2, (y0 + y1) / 2)
    page.mouse.move(x1, y1)
    page.mouse.up()
    page.wait_for_selector("text=Vlak toegevoegd.")

    # Accept every remaining open suggestion.
    while page.locator("[data-testid=suggestion].open button[data-act=accepted]").count():
        page.locator("[data-testid=suggestion].open button[data-act=accepted]").first.click()
        page.wait_for_timeout(150)
    assert page.inner_text("[data-testid=open-count]") == "0"
    shot(page, "05-review-decided")

    page.click("[data-testid=apply]")
    page.wait_for_selector("[data-testid=download]", timeout=60000)
    shot(page, "06-applied")
    with page.expect_download() as dl:
        page.click("[data-testid=download]")
    redacted = open(dl.value.path(), "rb").read()
    with pymupdf.open(stream=redacted, filetype="pdf") as doc:
        text = "".join(p.get_text() for p in doc)
    assert BSN not in text
    assert SECRET_PROJECT not in text and "Zeemeeuw" not in text
    assert "Jansen-Kaya" in text  # rejected: still readable
    assert "5.1.1e" in text  # the BSN box carries its Woo ground

    # Generate the besluit and open it.
    page.goto(f"{live_server.url}/verzoeken/{case.pk}/?tab=brieven")
    page.select_option("#id_kind", "besluit")
    page.click("form[action$='/brieven/nieuw/'] button[type=submit]")
    page.wait_for_selector("text=Besluit versie 1 gemaakt")
    shot(page, "07-letters")
    with page.expect_download() as dl:
        page.click("text=Downloaden")
    docx = DocxDocument(io.BytesIO(open(dl.value.path(), "rb").read()))
    body = "\n".join(p.text for p in docx.paragraphs)
    assert "Wet open overheid" in body
    assert "Rechtsbescherming" in body
