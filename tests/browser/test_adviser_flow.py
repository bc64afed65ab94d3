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


EML = (
    "From: Jan Smit <j.smit@teststad.example>\r\nTo: Aannemer <info@aannemer.example>\r\n"
    "Subject: RE: Overleg CAS stationsplein\r\nDate: Tue, 3 Feb 2026 10:12:00 +0100\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n\r\n"
    "Beste Piet,\r\n\r\nHierbij de planning voor het stationsplein.\r\n\r\nMet vriendelijke groet,\r\nJan Smit\r\n"
)
REQUEST_TEXT = (
    "Geachte heer, mevrouw,\n\nOp grond van de Woo verzoek ik om:\n"
    "1. het ontwerp van de herinrichting van het stationsplein;\n"
    "2. de e-mails met de aannemer over de planning.\n\nMet vriendelijke groet,\nAnna de Wit"
)


def test_adviser_intake_to_approved_and_sent_besluit(
    browser, page, live_server, adviser, organisation, shot, tmp_path
):
    """Issue 13: intake → points → documents with metadata → review with a bulk action and undo
    → four-eyes approval by a second person (a designated approver) → send."""
    from datetime import date

    from cases.models import Request
    from cases.services.documents import documents_judge_bulk
    from cases.services.points import answer_write

    page.on("dialog", lambda d: d.accept())
    login(page, live_server, "adviseur1")

    # Intake.
    page.goto(f"{live_server.url}/verzoeken/nieuw/")
    page.fill("#id_received_on", date.today().isoformat())
    page.fill("#id_requester_name", "Anna de Wit")
    page.fill("#id_requester_email", "anna@example.org")
    page.fill("#id_subject", "herinrichting stationsplein")
    page.fill("#id_request_text", REQUEST_TEXT)
    page.click("form button[type=submit]:has-text('Registreren')")
    page.wait_for_selector("text=punten herkend")
    case = Request.objects.get(subject="herinrichting stationsplein")
    # Points recognised from the request text.
    assert case.points.count() == 2
    assert "e-mails met de aannemer" in page.inner_text("#punt-2")
    shot(page, "adviser-01-intake-points")

    # The timeline form offers the likely next step first and says which mail a verdaging sends.
    page.click("text=Tijdlijn")
    assert page.eval_on_selector("#id_type", "s => s.value") == "acknowledged"
    page.select_option("#id_type", "adjourned")
    notice = page.locator("[data-testid=mail-notice-adjourned]")
    assert notice.is_visible() and "anna@example.org" in notice.inner_text()
    page.select_option("#id_type", "acknowledged")
    assert not notice.is_visible()

    # Documents: an e-mail named after its file gets its subject and date proposed.
    page.click("text=Documenten (0)")
    eml = tmp_path / "01_email_CAS_overleg.eml"
    eml.write_text(EML)
    memo = tmp_path / "memo.pdf"
    memo.write_bytes(make_pdf())
    page.set_input_files("#id_files", [str(eml), str(memo)])
    page.click("text=Uploaden en analyseren")
    page.wait_for_function(
        "document.querySelectorAll('[data-testid=processing] .badge.ok').length >= 2",
        timeout=90000,
    )
    page.goto(f"{live_server.url}/verzoeken/{case.pk}/?tab=documenten")
    row = page.locator(
        "[data-testid=document-row]", has=page.locator("td > a", has_text="01_email_CAS_overleg")
    )
    assert "Overleg CAS stationsplein" in row.locator("[data-testid=proposal]").inner_text()
    shot(page, "adviser-02-documents-proposal")
    row.locator("[data-testid=accept-proposal]").click()
    page.wait_for_selector("text=bijgewerkt")
    row = page.locator(
        "[data-testid=document-row]",
        has=page.locator("td > a", has_text="Overleg CAS stationsplein"),
    )
    assert "3-2-2026" in row.inner_text() and "E-mail" in row.inner_text()
    memo_row = page.locator(
        "[data-testid=document-row]", has=page.locator("td > a", has_text="memo")
    )
    assert "open voorstel" in memo_row.locator("[data-testid=open-suggestions]").inner_text()
    # Inline edit: the memo answers point 1.
    memo_row.locator("summary", has_text="Gegevens bewerken").click()
    memo_row.locator("input[name=title]").fill("Memo aan het college")
    memo_row.locator("input[name=points][value='1']").check()
    memo_row.locator("[data-testid=document-edit] button[type=submit]").click()
    page.wait_for_selector("text=bijgewerkt")
    memo_doc = case.documents.get(title="Memo aan het college")
    assert [p.number for p in memo_doc.points.all()] == [1]
    shot(page, "adviser-03-documents-metadata")

    # Review: accept all in the document, undo, then the page by keyboard.
    page.click("text=Memo aan het college")
    page.wait_for_selector("[data-testid=suggestion]")
    page.wait_for_function("document.querySelectorAll('[data-testid=overlay] .box').length > 0")
    shot(page, "adviser-04-review")
    open_before = int(page.inner_text("[data-testid=open-count]"))
    assert open_before > 0
    page.click("[data-testid=bulk-doc]")
    page.wait_for_function("document.querySelector('[data-testid=open-count]').textContent === '0'")
    page.click("[data-testid=undo]")
    page.wait_for_function(
        f"document.querySelector('[data-testid=open-count]').textContent === '{open_before}'"
    )
    assert memo_doc.redactions.filter(decision="open").count() == open_before
    page.locator("body").press("Shift+A")
    page.wait_for_function("document.querySelector('[data-testid=open-count]').textContent === '0'")
    shot(page, "adviser-05-review-bulk")
    page.click("[data-testid=apply]")
    page.wait_for_selector("[data-testid=download]", timeout=60000)

    # Judgement and answers (services), then the besluit is made and submitted for approval.
    email_doc = case.documents.get(title="Overleg CAS stationsplein")
    documents_judge_bulk(request=case, numbers=[email_doc.number], judgement="openbaar")
    documents_judge_bulk(
        request=case,
        numbers=[memo_doc.number],
        judgement="deels_openbaar",
        grounds=["5.1.1e", "5.1.2e"],
    )
    from cases.services.letters import motivation_write

    motivation_write(request=case, code="5.1.1e", text="Burgerservicenummer van de melder.")
    motivation_write(request=case, code="5.1.2e", text="Persoonsgegevens van medewerkers.")
    answer_write(
        request=case, point_numbers=[1, 2], text="Zie de documenten.", outcome="documenten"
    )
    page.goto(f"{live_server.url}/verzoeken/{case.pk}/?tab=brieven")
    page.select_option("#id_kind", "besluit")
    page.click("form[action$='/brieven/nieuw/'] button[type=submit]")
    page.wait_for_selector("text=Besluit versie 1 gemaakt")
    page.click("text=Ter goedkeuring aanbieden")
    page.wait_for_selector("text=Besluit ter goedkeuring aangeboden")
    assert (
        page.locator("text=Markeer als verzonden").count() == 0
        or not page.locator("[data-testid=approval-1] >> text=Markeer als verzonden").count()
    )
    shot(page, "adviser-06-submitted")

    # A second person approves: a designated approver (group "fiatteur") with access to the case.
    from django.contrib.auth.models import Group, User

    from cases.permissions import grant_case

    fiatteur = User.objects.create_user(
        username="fiatteur1", password="test-pass-123", first_name="Joost", last_name="Kok"
    )
    fiatteur.groups.add(Group.objects.get_or_create(name="fiatteur")[0])
    fiatteur.groups.add(Group.objects.get(name="adviseur"))  # a colleague, designated approver
    grant_case(fiatteur, case)
    other = browser.new_context(viewport={"width": 1280, "height": 800}, locale="nl-NL")
    cpage = other.new_page()
    cpage.set_default_timeout(20000)
    cpage.goto(f"{live_server.url}/inloggen/")
    cpage.fill("#id_username", "fiatteur1")
    cpage.fill("#id_password", "test-pass-123")
    cpage.click("button[type=submit]")
    cpage.wait_for_selector("text=Uitloggen")
    cpage.goto(f"{live_server.url}/verzoeken/{case.pk}/?tab=brieven")
    cpage.fill("textarea[name=remarks]", "Akkoord.")
    cpage.click("button[value=approve]")
    cpage.wait_for_selector("text=Besluit goedgekeurd")
    shot(cpage, "adviser-07-approved")
    other.close()

    # The adviser sends it.
    page.goto(f"{live_server.url}/verzoeken/{case.pk}/?tab=brieven")
    assert "goedgekeurd" in page.inner_text("[data-testid=approval-1]")
    page.locator("tr", has_text="Besluit (docx)").locator("text=Markeer als verzonden").click()
    page.wait_for_selector("text=gemarkeerd als verzonden", timeout=60000)
    shot(page, "adviser-08-sent")
    case.refresh_from_db()
    assert case.decision_sent_on is not None and case.status == "verzonden"
