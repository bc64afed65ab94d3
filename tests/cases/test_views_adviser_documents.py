"""Document metadata for the inventory (issue 13, item 1): proposals from the document itself,
inline edit and bulk, through document_update (audited)."""

from __future__ import annotations

from datetime import date

import pymupdf
from django.urls import reverse

from cases.doc_metadata import from_email, from_pdf_metadata, from_text, parse_dutch_date, propose
from cases.models import AuditRecord, Document
from cases.services.documents import document_create, stored_file_put

EML = (
    b"From: Jan <jan@gemeente.example>\r\nTo: Piet <piet@aannemer.example>\r\n"
    b"Subject: RE: Overleg CAS stationsplein\r\nDate: Tue, 3 Feb 2026 10:12:00 +0100\r\n"
    b"\r\nBeste Piet,\r\nZie bijlage.\r\n"
)


def letter_pdf(title_meta: str = "", creation: str = "") -> bytes:
    doc = pymupdf.open()
    page = doc.new_page()
    y = 72
    for line in [
        "Gemeente Teststad",
        "Datum: 12 maart 2026",
        "Onderwerp: Planning herinrichting stationsplein",
        "Geachte heer De Vries,",
    ]:
        page.insert_text((72, y), line, fontsize=11)
        y += 18
    if title_meta or creation:
        doc.set_metadata({"title": title_meta, "creationDate": creation})
    data = doc.tobytes()
    doc.close()
    return data


def test_email_subject_and_sent_date():
    p = from_email(EML)
    assert p.title == "Overleg CAS stationsplein" and p.date == date(2026, 2, 3)
    assert p.doc_type == "email"


def test_letter_datum_and_onderwerp():
    p = from_text("Gemeente\nDatum: 12 maart 2026\nOnderwerp: Planning plein\nGeachte heer,\n")
    assert (p.title, p.date, p.doc_type) == ("Planning plein", date(2026, 3, 12), "brief")
    assert parse_dutch_date("op 3-2-2026 besproken") == date(2026, 2, 3)
    assert parse_dutch_date("geen datum, 31 februari 2026") is None


def test_pdf_metadata_before_stripping():
    empty = pymupdf.open()
    empty.new_page()
    empty.set_metadata({"title": "Advies verkeer", "creationDate": "D:20251104093000"})
    data = empty.tobytes()
    p = from_pdf_metadata(data)
    assert p.title == "Advies verkeer" and p.date == date(2025, 11, 4)
    # The text of the letter wins over the metadata; metadata fills what the text lacks.
    merged = propose(name="x.pdf", original=letter_pdf("Oude titel", "D:20200101"), pdf=None)
    assert merged.title == "Planning herinrichting stationsplein"
    assert merged.date == date(2026, 3, 12)


def processed(case, name: str, data: bytes, pdf: bytes | None = None) -> Document:
    doc = document_create(request=case, title=name.rsplit(".", 1)[0])
    Document.objects.filter(pk=doc.pk).update(
        original=stored_file_put(data),
        pdf=stored_file_put(pdf) if pdf else None,
        original_name=name,
        processing="klaar",
    )
    return Document.objects.get(pk=doc.pk)


def documents_tab(client, case) -> str:
    url = reverse("cases:request_detail", args=[case.pk]) + "?tab=documenten"
    return client.get(url).content.decode()


def test_proposal_shown_and_taken_over_inline(client, adviser, make_case):
    case = make_case()
    doc = processed(case, "01_email_CAS_overleg.eml", EML)
    client.force_login(adviser)
    html = documents_tab(client, case)
    assert "Overleg CAS stationsplein" in html and 'data-testid="accept-proposal"' in html
    client.post(
        reverse("cases:document_edit", args=[case.pk, doc.pk]),
        {"title": "Overleg CAS stationsplein", "date": "2026-02-03", "doc_type": "email"},
    )
    doc.refresh_from_db()
    assert (doc.title, doc.date, doc.doc_type) == (
        "Overleg CAS stationsplein",
        date(2026, 2, 3),
        "email",
    )
    record = AuditRecord.objects.filter(action="document_updated", object_id=str(doc.pk)).get()
    assert record.data["before"]["title"] == "01_email_CAS_overleg"
    assert 'data-testid="accept-proposal"' not in documents_tab(client, case)


def test_inline_edit_points_and_bad_date(client, adviser, make_case):
    case = make_case()
    doc = document_create(request=case, title="Ontwerp")
    client.force_login(adviser)
    url = reverse("cases:document_edit", args=[case.pk, doc.pk])
    response = client.post(
        url, {"title": "Ontwerp", "date": "12-3-20x6", "points_present": "1"}, follow=True
    )
    assert "Vul de datum in" in response.content.decode()
    client.post(url, {"title": "Ontwerp v2", "points_present": "1", "points": ["1", "3"]})
    doc.refresh_from_db()
    assert doc.title == "Ontwerp v2"
    assert sorted(p.number for p in doc.points.all()) == [1, 3]
    response = client.post(url, {"title": "  "}, follow=True)
    assert "Geef het document een naam" in response.content.decode()


def test_bulk_take_over_proposals_and_set_type(client, adviser, make_case):
    case = make_case()
    a = processed(case, "01_email_CAS_overleg.eml", EML)
    b = processed(case, "02_brief_planning.pdf", letter_pdf(), pdf=letter_pdf())
    client.force_login(adviser)
    url = reverse("cases:documents_metadata_bulk", args=[case.pk])
    response = client.post(
        url, {"selected": [a.number, b.number], "action": "proposals"}, follow=True
    )
    assert "2 documenten bijgewerkt." in response.content.decode()
    a.refresh_from_db()
    b.refresh_from_db()
    assert a.title == "Overleg CAS stationsplein" and a.date == date(2026, 2, 3)
    assert b.title == "Planning herinrichting stationsplein" and b.date == date(2026, 3, 12)
    client.post(
        url,
        {"selected": [a.number], "action": "set", "bulk_doc_type": "memo", "bulk_points": ["2"]},
    )
    a.refresh_from_db()
    assert a.doc_type == "memo" and [p.number for p in a.points.all()] == [2]
    response = client.post(url, {"action": "set"}, follow=True)
    assert "Selecteer eerst" in response.content.decode()
