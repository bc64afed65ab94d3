"""Issue 11, release integrity: nothing stale, withdrawn, unredacted or unsent reaches a requester.

Every test goes through the services and screens with real PDFs (PyMuPDF); what the portal and the
publication ZIP hand out is read back and searched for the removed BSN.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date

import pymupdf
import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.urls import reverse

from cases.models import AuditRecord, Document
from cases.services.documents import delivery_problems, document_judge, documents_judge_bulk
from cases.services.letters import decision_problems, letter_mark_sent, letter_render
from cases.services.points import answer_write
from cases.services.portal import portal_link_issue
from cases.services.publication import document_publication_withdraw, publication_package
from redaction.models import Redaction
from redaction.services import (
    Upload,
    document_adopt_redaction_grounds,
    document_apply,
    documents_upload,
    redaction_add_manual,
    redaction_decide,
    redactions_decide_matching,
    request_redaction_terms_update,
)
from tests.approval_helpers import approve
from tests.redaction import pdf_factory

BSN = "111222333"
MEMO = [
    "Memo over de herinrichting van het stationsplein",
    f"Het BSN van de melder is {BSN} en zijn nummer is 06-12345678.",
    "De aannemer begint in mei met de werkzaamheden.",
]
TODAY = date(2026, 11, 24)


@pytest.fixture(autouse=True)
def _clear_rate_limits(db):  # the shared cache is a database table in tests
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def case(make_case, organisation):
    organisation.tooi_uri = "https://identifier.overheid.nl/tooi/id/gemeente/gm9999"
    organisation.publication_url = "https://www.teststad.example/woo"
    organisation.save()
    case = make_case()
    answer_write(request=case, point_numbers=[1, 2, 3], text="Zie de documenten.")
    return case


def upload(case, data: bytes, name: str = "memo.pdf") -> Document:
    [doc] = documents_upload(request=case, files=[Upload(name, data)])
    doc.refresh_from_db()
    assert doc.processing == "klaar", doc.processing_error
    return doc


def memo_with_metadata() -> bytes:
    doc = pymupdf.open(stream=pdf_factory.text_pdf(MEMO), filetype="pdf")
    doc.set_metadata({"author": f"Melder {BSN}", "title": "Memo", "subject": BSN})
    return doc.tobytes()


def redacted_document(case, data: bytes | None = None) -> Document:
    """Uploaded, every suggestion accepted, applied, judgement taken from the lakverantwoording."""
    doc = upload(case, data or pdf_factory.text_pdf(MEMO))
    for r in doc.redactions.all():
        redaction_decide(redaction=r, decision="accepted")
    doc = document_apply(document_id=doc.pk)
    assert doc.redaction_status == "klaar", doc.redaction_error
    doc = document_adopt_redaction_grounds(document=doc)
    doc.refresh_from_db()
    assert doc.judgement == "deels_openbaar"
    return doc


def rules(case) -> dict[str, list[str]]:
    result: dict[str, list[str]] = {}
    for p in decision_problems(case):
        result.setdefault(p.rule, []).append(p.message)
    return result


def send_besluit(case, on: date = TODAY):
    besluit = approve(letter_render(request=case, kind="besluit", letter_date=on))
    return letter_mark_sent(letter=besluit, on=on)


def pdf_text(data: bytes) -> str:
    with pymupdf.open(stream=data, filetype="pdf") as pdf:
        meta = " ".join(str(v) for v in (pdf.metadata or {}).values())
        return "".join(page.get_text() for page in pdf) + meta + (pdf.get_xml_metadata() or "")


def assert_no_bsn(data: bytes) -> None:
    assert data[:5] == b"%PDF-"
    assert BSN not in pdf_text(data)
    # Also in the raw (decompressed) objects: nothing left in a stream or a metadata entry.
    with pymupdf.open(stream=data, filetype="pdf") as pdf:
        for xref in range(1, pdf.xref_length()):
            assert BSN not in (pdf.xref_object(xref, compressed=False) or "")
            if pdf.xref_is_stream(xref):
                assert BSN.encode() not in (pdf.xref_stream(xref) or b"")


def portal_get(client, token, name, *args):
    return client.get(reverse(f"portal:{name}", args=[token, *args]))


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def zip_of(case) -> zipfile.ZipFile:
    case.refresh_from_db()
    return zipfile.ZipFile(io.BytesIO(publication_package(request=case)))


# --- item 1: a change after "Lakken toepassen" makes the redacted file stale ---------------------


def test_fresh_redacted_file_releases_without_bsn(client, case):
    doc = redacted_document(case)
    assert rules(case) == {}
    send_besluit(case)
    token = portal_link_issue(request=case)
    response = portal_get(client, token, "document", doc.pk)
    assert response.status_code == 200
    served = body(response)
    assert served == doc.redacted.read()
    assert_no_bsn(served)
    zf = zip_of(case)
    packed = zf.read(f"{case.reference}-document-{doc.number}.pdf")
    assert packed == served
    assert_no_bsn(packed)


def _draw(doc):
    redaction_add_manual(document=doc, page=0, rect=[72, 300, 200, 320], ground="5.1.2e")


def _reject_one(doc):
    r = doc.redactions.filter(decision="accepted").order_by("pk").last()
    redaction_decide(redaction=r, decision="rejected")


def _decide_matching(doc):
    r = doc.redactions.filter(decision="accepted").order_by("pk").last()
    redactions_decide_matching(request=doc.request, decision="rejected", text=r.text)


def _decide_category(doc):
    redactions_decide_matching(request=doc.request, decision="rejected", category="phone")


def _terms_rerun(doc):
    # a per-case term found in the document adds a new (open) suggestion after the apply
    request_redaction_terms_update(request=doc.request, redact_terms="aannemer", keep_terms="")


def _judgement_behind_the_services(doc):
    Document.objects.filter(pk=doc.pk).update(judgement="niet_openbaar")
    Document.objects.filter(pk=doc.pk).update(judgement="deels_openbaar", grounds=["5.1.2i"])


@pytest.mark.parametrize(
    "change",
    [
        _draw,
        _reject_one,
        _decide_matching,
        _decide_category,
        _terms_rerun,
        _judgement_behind_the_services,
    ],
)
def test_any_change_after_apply_blocks_sending_and_release(client, case, change):
    doc = redacted_document(case)
    old_file = doc.redacted.read()
    change(doc)
    problems = rules(case)
    assert problems.get("redacted_stale") == [
        f"Document {doc.number}: lakken opnieuw toepassen — gewijzigd na het toepassen."
    ], problems
    besluit = letter_render(request=case, kind="besluit", letter_date=TODAY)
    with pytest.raises(ValidationError, match="lakken opnieuw toepassen"):
        letter_mark_sent(letter=besluit, on=TODAY)
    # The case screen says why.
    client.force_login(case.adviser)
    for tab in ("brieven", "documenten"):
        url = reverse("cases:request_detail", args=[case.pk]) + f"?tab={tab}"
        html = client.get(url).content.decode()
        assert (
            f"Document {doc.number}: lakken opnieuw toepassen — gewijzigd na het toepassen" in html
        )
    rows = client.get(reverse("redaction:document_rows", args=[case.pk])).content.decode()
    assert "verouderd" in rows and "gewijzigd na het toepassen" in rows
    # Even if the step were recorded some other way, the old file goes nowhere.
    from cases.services.requests import request_transition

    request_transition(request=case, type="decision_sent", on=TODAY, actor_label="import")
    token = portal_link_issue(request=case)
    assert portal_get(client, token, "document", doc.pk).status_code == 404
    status_html = portal_get(client, token, "status").content.decode()
    assert reverse("portal:document", args=[token, doc.pk]) not in status_html
    case.letters.filter(pk=besluit.pk).update(sent_on=TODAY)
    case.refresh_from_db()
    with pytest.raises(ValidationError, match="lakken opnieuw toepassen"):
        publication_package(request=case)
    # Re-applying makes a file from the current decisions; then it is released again.
    Redaction.objects.filter(document=doc, decision="open").update(decision="rejected")
    document_judge(
        document=Document.objects.get(pk=doc.pk),
        judgement="deels_openbaar",
        grounds=sorted({r.ground for r in doc.redactions.filter(decision="accepted")}),
    )
    doc = document_apply(document_id=doc.pk)
    assert "redacted_stale" not in rules(case)
    served = body(portal_get(client, token, "document", doc.pk))
    assert served == doc.redacted.read()
    assert_no_bsn(served)
    if change in (_reject_one, _decide_matching, _decide_category, _draw):
        assert served != old_file


def test_judgement_change_through_the_service_remakes_the_file(case):
    """A judgement or grounds change through document_judge on a current file re-runs the lakstraat
    with the same boxes, so the stored file always records what it was checked against."""
    doc = redacted_document(case)
    before = doc.redacted_fingerprint
    applied = AuditRecord.objects.filter(action="redaction_applied", object_id=str(doc.pk)).count()
    grounds = list(doc.grounds)
    document_judge(document=doc, judgement="deels_openbaar", grounds=grounds + ["5.1.2i"])
    doc.refresh_from_db()
    assert doc.redaction_status == "klaar" and doc.redacted_fingerprint != before
    assert rules(case) == {}
    assert (
        AuditRecord.objects.filter(action="redaction_applied", object_id=str(doc.pk)).count()
        == applied + 1
    )


def test_change_while_apply_runs_is_stale_at_once(case):
    """The fingerprint is taken from the snapshot the job burns in: a box accepted while the job
    runs leaves the result stale."""
    doc = upload(case, pdf_factory.text_pdf(MEMO))
    for r in doc.redactions.all():
        redaction_decide(redaction=r, decision="accepted")
    document_judge(document=doc, judgement="deels_openbaar", grounds=["5.1.1e", "5.1.2e"])
    import redaction.services as services

    real = services.redact_and_verify

    def slow(pdf, boxes, **kw):
        out = real(pdf, boxes, **kw)
        Redaction.objects.create(
            document=doc,
            page=0,
            category="manual",
            ground="5.1.2e",
            boxes=[[72, 300, 200, 320]],
            manual=True,
            decision="accepted",
        )
        return out

    services.redact_and_verify = slow
    try:
        document_apply(document_id=doc.pk)
    finally:
        services.redact_and_verify = real
    assert "redacted_stale" in rules(case)


# --- item 2: withdrawn documents are never listed, served or packed ----------------------------


def test_withdrawn_document_not_listed_served_or_zipped(client, case):
    doc = redacted_document(case)
    send_besluit(case)
    token = portal_link_issue(request=case)
    assert portal_get(client, token, "document", doc.pk).status_code == 200
    document_publication_withdraw(document=doc, reason="Bevat toch een naam")
    assert portal_get(client, token, "document", doc.pk).status_code == 404
    html = portal_get(client, token, "status").content.decode()
    assert reverse("portal:document", args=[token, doc.pk]) not in html
    zf = zip_of(case)
    assert f"{case.reference}-document-{doc.number}.pdf" not in zf.namelist()
    for name in zf.namelist():
        if name.endswith(".pdf") and "document" in name:
            pytest.fail(f"withdrawn document packed as {name}")
    metadata = zf.read("metadata.xml").decode()
    assert "Bevat toch een naam" in metadata  # DiWoo: the platform is told to remove it


# --- item 3: what the requester receives is exactly what was sent, frozen at sending ------------


def test_portal_and_zip_serve_the_sent_versions_only(client, case):
    early_inventory = letter_render(request=case, kind="inventarislijst", fmt="xlsx")
    doc = redacted_document(case)
    letter_render(request=case, kind="besluit", letter_date=TODAY)  # v1, never sent
    besluit = send_besluit(case)  # v2, sent
    assert besluit.version == 2
    frozen = case.letters.get(kind="inventarislijst", format="xlsx", sent_on__isnull=False)
    assert frozen.version == 2 and frozen.file_id != early_inventory.file_id
    # Drafts made after sending change nothing a requester gets.
    document_judge(document=doc, judgement="niet_openbaar", grounds=["5.1.2e"])
    later = letter_render(request=case, kind="inventarislijst", fmt="xlsx")
    letter_render(request=case, kind="besluit", letter_date=TODAY)
    assert later.version == 3 and later.file_id != frozen.file_id
    document_judge(document=doc, judgement="deels_openbaar", grounds=list(frozen_grounds(doc)))

    token = portal_link_issue(request=case)
    assert body(portal_get(client, token, "inventory")) == frozen.file.read()
    html = portal_get(client, token, "status").content.decode()
    assert reverse("portal:letter", args=[token, besluit.pk]) in html
    for draft in case.letters.filter(sent_on__isnull=True):
        assert portal_get(client, token, "letter", draft.pk).status_code == 404
    # the requester gets the besluit as the PDF frozen at sending, never the .docx (issue 12.7)
    besluit.refresh_from_db()
    assert portal_get(client, token, "letter", besluit.pk).content == besluit.pdf_file.read()
    zf = zip_of(case)
    assert zf.read(f"{case.reference}-inventarislijst.xlsx") == frozen.file.read()
    name = next(n for n in zf.namelist() if n.startswith(f"{case.reference}-besluit."))
    if name.endswith(".docx"):
        assert zf.read(name) == besluit.file.read()
    assert AuditRecord.objects.filter(action="inventory_frozen", request=case).count() == 1


def frozen_grounds(doc):
    return sorted({r.ground for r in doc.redactions.filter(decision="accepted")})


def test_inventory_not_served_when_none_was_frozen(client, case):
    from cases.services.requests import request_transition

    letter_render(request=case, kind="inventarislijst", fmt="xlsx")  # a draft, never sent
    request_transition(request=case, type="decision_sent", on=TODAY, actor_label="import")
    token = portal_link_issue(request=case)
    assert portal_get(client, token, "inventory").status_code == 404
    assert (
        reverse("portal:inventory", args=[token])
        not in portal_get(client, token, "status").content.decode()
    )


# --- item 4: delivery follows the judgement ------------------------------------------------------


def test_openbaar_delivers_the_cleaned_verified_original(client, case):
    data = memo_with_metadata()
    doc = upload(case, data)
    for r in doc.redactions.all():
        redaction_decide(redaction=r, decision="rejected")
    document_judge(document=doc, judgement="openbaar")  # no "Lakken toepassen" needed
    doc.refresh_from_db()
    assert doc.redaction_status == "klaar" and doc.redaction_log["boxes_applied"] == 0
    assert rules(case) == {}
    send_besluit(case)
    token = portal_link_issue(request=case)
    served = body(portal_get(client, token, "document", doc.pk))
    assert served != data and served == doc.redacted.read()
    with pymupdf.open(stream=served, filetype="pdf") as pdf:
        assert not any((pdf.metadata or {}).get(k) for k in ("author", "title", "subject"))
        assert "De aannemer begint in mei" in pdf[0].get_text()  # the text itself is public


def test_consistency_names_every_delivery_mismatch(case):
    # a redacted document judged openbaar
    doc = redacted_document(case)
    Document.objects.filter(pk=doc.pk).update(judgement="openbaar", grounds=[])
    got = rules(case)
    assert "openbaar_with_redactions" in got and "redacted_stale" in got
    # a deels openbaar document without a verified redacted file
    other = upload(case, pdf_factory.text_pdf(["Nog een memo", f"BSN {BSN}"]), name="b.pdf")
    for r in other.redactions.all():
        redaction_decide(redaction=r, decision="accepted")
    Document.objects.filter(pk=other.pk).update(judgement="deels_openbaar", grounds=["5.1.1e"])
    messages = rules(case)["release_file_missing"]
    assert any(m.startswith(f"Document {other.number} is deels openbaar") for m in messages)
    # deels openbaar with nothing accepted
    third = upload(case, pdf_factory.text_pdf(["Een derde memo zonder gegevens."]), name="c.pdf")
    Document.objects.filter(pk=third.pk).update(judgement="deels_openbaar", grounds=["5.1.2e"])
    assert any(
        m.startswith(f"Document {third.number}")
        for m in rules(case)["deels_openbaar_without_redactions"]
    )
    # the file's ground labels not among the document's grounds
    Document.objects.filter(pk=doc.pk).update(judgement="deels_openbaar", grounds=["5.1.2i"])
    document_apply(document_id=doc.pk)
    assert any(
        m.startswith(f"Document {doc.number}") for m in rules(case)["redaction_ground_not_judged"]
    )


def test_niet_and_reeds_openbaar_deliver_no_file(client, case):
    doc = redacted_document(case)
    document_judge(document=doc, judgement="niet_openbaar", grounds=["5.1.2e"])
    located = upload(case, pdf_factory.text_pdf(["Raadsbesluit over de kap."]), name="raad.pdf")
    document_judge(
        document=located,
        judgement="reeds_openbaar",
        location="https://www.teststad.example/raad/2025-12",
    )
    assert delivery_problems(case) == []
    send_besluit(case)
    token = portal_link_issue(request=case)
    assert portal_get(client, token, "document", doc.pk).status_code == 404
    assert portal_get(client, token, "document", located.pk).status_code == 404
    html = portal_get(client, token, "status").content.decode()
    assert "https://www.teststad.example/raad/2025-12" in html
    assert not [n for n in zip_of(case).namelist() if "-document-" in n]


def test_file_set_behind_the_lakstraat_is_never_served(client, case):
    """The admin used to allow pointing 'redacted' at the original: no fingerprint, no release."""
    doc = upload(case, pdf_factory.text_pdf(MEMO))
    Document.objects.filter(pk=doc.pk).update(
        redacted=doc.original,
        redaction_status="klaar",
        judgement="deels_openbaar",
        grounds=["5.1.1e"],
    )
    from cases.services.requests import request_transition

    request_transition(request=case, type="decision_sent", on=TODAY, actor_label="import")
    token = portal_link_issue(request=case)
    assert portal_get(client, token, "document", doc.pk).status_code == 404
    assert "redacted_stale" in rules(case)


# --- item 9: drawn boxes are validated against the page in the service ---------------------------


def test_huge_box_is_clipped_to_the_page(case):
    doc = upload(case, pdf_factory.text_pdf(MEMO))
    r = redaction_add_manual(document=doc, page=0, rect=[10, 10, 1e308, 1e308], ground="5.1.2e")
    with pymupdf.open(stream=doc.pdf.read(), filetype="pdf") as pdf:
        width, height = pdf[0].rect.width, pdf[0].rect.height
    assert r.boxes == [[10.0, 10.0, width, height]]


@pytest.mark.parametrize(
    "rect,message",
    [
        ([float("nan"), 10, 100, 100], "ongeldige coördinaten"),
        ([10, 10, float("inf"), 100], "ongeldige coördinaten"),
        ([10, 10, 10, 100], "buiten de pagina"),
        ([5000, 5000, 6000, 6000], "buiten de pagina"),
        ([-50, -50, -10, -10], "buiten de pagina"),
        ([10, 10, 11, 11], "te klein"),
        ([10, 10, 100], "vier getallen"),
    ],
)
def test_bad_boxes_refused_by_the_service(case, rect, message):
    doc = upload(case, pdf_factory.text_pdf(MEMO))
    with pytest.raises(ValidationError, match=message):
        redaction_add_manual(document=doc, page=0, rect=rect, ground="5.1.2e")
    assert not doc.redactions.filter(manual=True).exists()


@pytest.mark.parametrize(
    "payload",
    [
        b'{"page": 0, "rect": [NaN, 10, 100, 100]}',
        b'{"page": 0, "rect": [10, 10, Infinity, 100]}',
        b'{"page": 0, "rect": [10, 10, 1e999, 1e999]}',
        b'{"page": Infinity, "rect": [10, 10, 100, 100]}',
        b'{"page": 0, "rect": "abcd"}',
        b"[1, 2, 3]",
        b'{"page": 0, "rect": [10, 10, 10, 10]}',
    ],
)
def test_draw_view_answers_json_400_in_dutch(client, case, payload):
    doc = upload(case, pdf_factory.text_pdf(MEMO))
    client.force_login(case.adviser)
    response = client.post(
        reverse("redaction:draw", args=[case.pk, doc.pk]), payload, content_type="application/json"
    )
    assert response.status_code == 400
    data = response.json()
    assert data["ok"] is False and data["error"]
    assert not doc.redactions.filter(manual=True).exists()


def test_stored_huge_box_applies_quickly(case):
    """A box stored before validation existed is clipped again when applying."""
    import time

    doc = upload(case, pdf_factory.text_pdf(MEMO))
    Redaction.objects.create(
        document=doc,
        page=0,
        category="manual",
        ground="5.1.2e",
        boxes=[[10, 10, 1e308, 1e308]],
        manual=True,
        decision="accepted",
    )
    started = time.monotonic()
    doc = document_apply(document_id=doc.pk)
    assert time.monotonic() - started < 30
    assert doc.redaction_status == "klaar", doc.redaction_error
    assert_no_bsn(doc.redacted.read())


# --- item 17: bulk decisions log every object with before and after ------------------------------


def test_decide_matching_logs_each_redaction_before_and_after(case):
    doc = upload(case, pdf_factory.text_pdf(MEMO))
    second = upload(case, pdf_factory.text_pdf([f"Bijlage: BSN {BSN}."]), name="bijlage.pdf")
    ids = set(Redaction.objects.filter(text=BSN).values_list("pk", flat=True))
    assert len(ids) == 2
    AuditRecord.objects.all()  # read-only; counting below
    count = redactions_decide_matching(request=case, decision="accepted", text=BSN)
    assert count == 2
    records = AuditRecord.objects.filter(action="redaction_decided", request=case)
    logged = {int(r.object_id): r.data for r in records}
    assert set(logged) == ids
    for data in logged.values():
        assert data["before"] == "open" and data["after"] == "accepted" and data["text"] == BSN
    assert {d["document"] for d in logged.values()} == {doc.number, second.number}
    summary = AuditRecord.objects.get(action="redactions_decided_bulk")
    assert {c["id"] for c in summary.data["changes"]} == ids
    # Deciding again changes nothing and logs nothing new per object.
    assert redactions_decide_matching(request=case, decision="accepted", text=BSN) == 0
    assert AuditRecord.objects.filter(action="redaction_decided", request=case).count() == 2


def test_bulk_category_logs_each_redaction(case):
    upload(case, pdf_factory.text_pdf(MEMO))
    phones = set(Redaction.objects.filter(category="phone").values_list("pk", flat=True))
    assert phones
    redactions_decide_matching(request=case, decision="rejected", category="phone")
    logged = {
        int(r.object_id)
        for r in AuditRecord.objects.filter(action="redaction_decided", data__after="rejected")
    }
    assert logged == phones


def test_bulk_judgement_logs_each_document_before_and_after(case):
    from cases.services.documents import document_create

    a = document_create(request=case, title="Nota")
    b = document_create(request=case, title="Mail", judgement="openbaar")
    documents_judge_bulk(
        request=case,
        numbers=[a.number, b.number],
        judgement="niet_openbaar",
        grounds="5.1.2e",
        location="",
    )
    per_doc = {
        r.object_id: r.data
        for r in AuditRecord.objects.filter(action="document_judged", request=case)
        if r.data["after"]["judgement"] == "niet_openbaar"
    }
    assert per_doc[str(a.pk)]["before"]["judgement"] == ""
    assert per_doc[str(b.pk)]["before"]["judgement"] == "openbaar"
    assert per_doc[str(b.pk)]["after"]["grounds"] == ["5.1.2e"]
    summary = AuditRecord.objects.get(action="documents_judged_bulk")
    assert [c["number"] for c in summary.data["changes"]] == [a.number, b.number]
    assert summary.data["changes"][1]["before"]["judgement"] == "openbaar"


def test_no_media_url_serves_stored_files(client, case):
    """Originals and redacted files are stored by hash under MEDIA_ROOT; no URL serves them."""
    doc = redacted_document(case)
    for stored in (doc.original, doc.redacted):
        for path in (f"/media/{stored.content.name}", f"/{stored.content.name}"):
            assert client.get(path).status_code == 404
    client.force_login(case.adviser)
    assert client.get(f"/media/{doc.original.content.name}").status_code == 404
