"""Redaction through the services and screens: upload, analyse, decide, apply, verify, bad input."""

from __future__ import annotations

import io
import zipfile

import pymupdf
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cases.models import AuditRecord, Document
from redaction.models import Redaction
from redaction.services import (
    Upload,
    document_adopt_redaction_grounds,
    document_analyse,
    document_apply,
    documents_upload,
    redaction_add_manual,
    redaction_decide,
    redactions_decide_matching,
)
from tests.redaction import pdf_factory

MEMO = [
    "Memo over de herinrichting",
    "Behandeld door: mevrouw Dzjemilja Abdoellaeva",
    "Het BSN van de melder is 111222333 en zijn nummer is 06-12345678.",
    "Abdoellaeva neemt contact op met de aannemer.",
]


def memo_pdf(lines=MEMO) -> bytes:
    return pdf_factory.text_pdf(lines)


@pytest.fixture
def case(make_case):
    return make_case()


def upload(case, data: bytes, name: str = "memo.pdf", by=None) -> Document:
    [doc] = documents_upload(request=case, files=[Upload(name, data)], by=by)
    doc.refresh_from_db()
    return doc


def test_upload_analyses_and_suggests(case, adviser):
    data = memo_pdf()
    doc = upload(case, data, by=adviser)
    assert doc.processing == "klaar" and doc.page_count == 1
    assert doc.original.read() == data  # stored as uploaded
    got = {(r.text, r.category, r.ground) for r in doc.redactions.all()}
    assert ("111222333", "bsn", "5.1.1e") in got
    assert ("06-12345678", "phone", "5.1.2e") in got
    assert ("Dzjemilja Abdoellaeva", "person", "5.1.2e") in got
    assert ("Abdoellaeva", "person", "5.1.2e") in got  # surname-only mention
    assert all(r.boxes and r.decision == "open" for r in doc.redactions.all())
    assert AuditRecord.objects.filter(action="document_uploaded", request=case).exists()


def test_analysis_is_idempotent(case):
    doc = upload(case, memo_pdf())
    before = doc.redactions.count()
    document_analyse(document_id=doc.pk)
    assert doc.redactions.count() == before


def test_identical_upload_is_marked_dubbel(case):
    data = memo_pdf()
    first = upload(case, data)
    second = upload(case, data, name="kopie.pdf")
    assert second.judgement == "dubbel" and second.duplicate_of == first
    assert second.original_id == first.original_id  # stored once
    assert second.redactions.count() == 0


def test_name_in_one_document_suggested_in_another(case):
    upload(case, memo_pdf())
    other = upload(
        case, pdf_factory.text_pdf(["Verslag: ABDOELLAEVA was afwezig."]), name="verslag.pdf"
    )
    assert [r.text for r in other.redactions.all()] == ["ABDOELLAEVA"]


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (pdf_factory.encrypted_pdf(), "geheim.pdf", "wachtwoord"),
        (memo_pdf()[: len(memo_pdf()) // 2], "half.pdf", ""),
        (b"Dit is geen PDF maar tekst", "nep.pdf", ""),
        (pdf_factory.zero_page_pdf(), "leeg.pdf", ""),
    ],
)
def test_bad_input_kept_with_clear_dutch_reason(case, data, name, message):
    doc = upload(case, data, name=name)
    assert doc.processing == "niet_verwerkbaar"
    assert doc.processing_error and message in doc.processing_error.lower()
    assert doc.original.read() == data  # nothing lost
    assert doc.redactions.count() == 0


def test_too_large_upload_is_registered_not_read(case, settings):
    settings.WOBDESK_MAX_UPLOAD_MB = 1
    [doc] = documents_upload(request=case, files=[Upload("groot.pdf", b"", size=5 * 1024 * 1024)])
    assert doc.processing == "niet_verwerkbaar" and "groter dan 1 MB" in doc.processing_error


def test_zip_upload_expands(case):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("map/a.pdf", memo_pdf())
        zf.writestr("map/b.pdf", pdf_factory.text_pdf(["Tweede document"]))
        zf.writestr("__MACOSX/._a.pdf", b"junk")
    documents_upload(request=case, files=[Upload("stukken.zip", buf.getvalue())])
    # unpacked by the worker (inline here): every member reported, the junk one as skipped
    assert sorted(case.documents.values_list("original_name", flat=True)) == ["a.pdf", "b.pdf"]
    [job] = case.jobs.filter(kind="unpack")
    assert sorted((e["name"], e["status"]) for e in job.report) == [
        ("__MACOSX/._a.pdf", "skipped"),
        ("map/a.pdf", "accepted"),
        ("map/b.pdf", "accepted"),
    ]


def test_decide_apply_verify_and_log(case, adviser):
    doc = upload(case, memo_pdf())
    name = doc.redactions.get(text="Dzjemilja Abdoellaeva")
    redaction_decide(redaction=name, decision="rejected", by=adviser)
    for r in doc.redactions.filter(decision="open"):
        redaction_decide(redaction=r, decision="accepted", by=adviser)
    with pymupdf.open(stream=doc.pdf.read(), filetype="pdf") as pdf:
        rect = pdf[0].search_for("herinrichting")[0]
    redaction_add_manual(
        document=doc, page=0, rect=tuple(rect), ground="5.1.2i", by=adviser, text="herinrichting"
    )
    doc = document_apply(document_id=doc.pk, by=adviser)
    assert doc.redaction_status == "klaar", doc.redaction_error
    with pymupdf.open(stream=doc.redacted.read(), filetype="pdf") as pdf:
        text = pdf[0].get_text()
    assert "111222333" not in text and "06-12345678" not in text and "herinrichting" not in text
    assert "Dzjemilja Abdoellaeva" in text  # rejected stays readable
    assert "5.1.1e" in text and "5.1.2i" in text  # boxes carry their grounds
    assert doc.redaction_log["grounds"]["5.1.1e"] == 1
    assert doc.pdf.read() != doc.redacted.read()  # original untouched, new file
    document_adopt_redaction_grounds(document=doc, by=adviser)
    doc.refresh_from_db()
    assert doc.judgement == "deels_openbaar" and doc.grounds == ["5.1.1e", "5.1.2e", "5.1.2i"]
    assert AuditRecord.objects.filter(action="redaction_applied", request=case).exists()
    assert AuditRecord.objects.filter(action="redaction_decided", request=case).count() >= 3


def test_all_occurrences_across_the_case(case, adviser):
    a = upload(case, memo_pdf())
    b = upload(case, pdf_factory.text_pdf(["ABDOELLAEVA was afwezig."]), name="b.pdf")
    count = redactions_decide_matching(
        request=case, text="abdoellaeva", decision="accepted", by=adviser
    )
    assert count == 2
    assert a.redactions.get(text="Abdoellaeva").decision == "accepted"
    assert b.redactions.get().decision == "accepted"


def test_ground_from_wrong_regime_refused(case):
    from django.core.exceptions import ValidationError

    doc = upload(case, memo_pdf())
    r = doc.redactions.first()
    with pytest.raises(ValidationError, match="Wob"):
        redaction_decide(redaction=r, decision="accepted", ground="10.2.e")
    r.refresh_from_db()
    assert r.decision == "open"


def test_review_screen_and_json_endpoints(client, case, adviser, other_adviser):
    doc = upload(case, memo_pdf(), by=adviser)
    client.force_login(adviser)
    html = client.get(reverse("redaction:review", args=[case.pk, doc.pk])).content.decode()
    assert "review-data" in html and "111222333" in html
    png = client.get(reverse("redaction:page_image", args=[case.pk, doc.pk, 0]))
    assert png["Content-Type"] == "image/png" and b"".join(png.streaming_content)[:4] == b"\x89PNG"
    r = doc.redactions.get(category="bsn")
    response = client.post(
        reverse("redaction:decide", args=[case.pk, doc.pk]),
        {"id": r.pk, "decision": "rejected"},
        content_type="application/json",
    )
    assert response.json()["redaction"]["decision"] == "rejected"
    bad = client.post(
        reverse("redaction:draw", args=[case.pk, doc.pk]),
        {"page": 0, "rect": [1, 1, 2, 2]},
        content_type="application/json",
    )
    assert bad.status_code == 400 and "te klein" in bad.json()["error"]
    client.force_login(other_adviser)
    assert client.get(reverse("redaction:review", args=[case.pk, doc.pk])).status_code == 404
    assert (
        client.post(
            reverse("redaction:decide", args=[case.pk, doc.pk]),
            {"id": r.pk, "decision": "accepted"},
            content_type="application/json",
        ).status_code
        == 404
    )
    r.refresh_from_db()
    assert r.decision == "rejected"


def test_upload_view_and_progress_rows(client, case, adviser):
    client.force_login(adviser)
    response = client.post(
        reverse("redaction:upload", args=[case.pk]),
        {
            "files": [
                SimpleUploadedFile("memo.pdf", memo_pdf(), "application/pdf"),
                SimpleUploadedFile("kapot.pdf", b"%PDF-1.7 kapot"),
            ]
        },
    )
    assert response.status_code == 302
    rows = client.get(reverse("redaction:document_rows", args=[case.pk])).content.decode()
    assert "klaar" in rows and "niet verwerkbaar" in rows
    assert Redaction.objects.filter(document__request=case).exists()


def test_apply_view_runs_task_and_download(client, case, adviser):
    doc = upload(case, memo_pdf(), by=adviser)
    client.force_login(adviser)
    refused = client.post(
        reverse("redaction:apply", args=[case.pk, doc.pk]), {}, content_type="application/json"
    )
    assert refused.status_code == 400 and "open" in refused.json()["error"]
    bsn = doc.redactions.get(category="bsn")
    client.post(
        reverse("redaction:decide", args=[case.pk, doc.pk]),
        {"id": bsn.pk, "decision": "accepted"},
        content_type="application/json",
    )
    response = client.post(
        reverse("redaction:apply", args=[case.pk, doc.pk]),
        {"force": True},
        content_type="application/json",
    )
    assert response.json()["ok"]
    status = client.get(reverse("redaction:status", args=[case.pk, doc.pk])).json()
    assert status["redaction_status"] == "klaar"
    pdf = b"".join(client.get(status["download"]).streaming_content)
    assert pdf[:4] == b"%PDF"
    log = client.get(reverse("redaction:redaction_log", args=[case.pk, doc.pk])).content.decode(
        "utf-8-sig"
    )
    assert log.splitlines()[0] == "document;grond;aantal vlakken;pagina's"
    assert "1;5.1.1e;1;1" in log


def test_whole_category_across_the_case(case, adviser):
    a = upload(case, memo_pdf())
    b = upload(case, pdf_factory.text_pdf(["Bel 06-87654321 of 010-4129876."]), name="b.pdf")
    count = redactions_decide_matching(
        request=case, category="phone", decision="rejected", by=adviser
    )
    assert count == 3
    assert set(
        Redaction.objects.filter(document__in=[a, b], category="phone").values_list(
            "decision", flat=True
        )
    ) == {"rejected"}
    assert a.redactions.get(category="bsn").decision == "open"


def test_case_terms_always_and_never(client, case, adviser):
    doc = upload(
        case,
        pdf_factory.text_pdf(
            ["Stichting Groene Buurt en mevrouw Dzjemilja Abdoellaeva overlegden."]
        ),
    )
    assert doc.redactions.filter(text="Dzjemilja Abdoellaeva").exists()
    client.force_login(adviser)
    client.post(
        reverse("redaction:redaction_terms", args=[case.pk]),
        {"redact_terms": "Stichting Groene Buurt", "keep_terms": ""},
    )
    assert doc.redactions.filter(text="Stichting Groene Buurt", category="custom").exists()
    case.refresh_from_db()
    assert case.redact_term_list == ["Stichting Groene Buurt"]
    other = upload(case, pdf_factory.text_pdf(["Mevrouw Abdoellaeva was er ook."]), name="b.pdf")
    assert other.redactions.filter(text="Abdoellaeva").exists()
    case.keep_terms = "Abdoellaeva"
    case.save()
    third = upload(case, pdf_factory.text_pdf(["Nogmaals mevrouw Abdoellaeva."]), name="c.pdf")
    assert not third.redactions.filter(text__icontains="Abdoellaeva").exists()


def test_review_data_carries_rotation_for_rotated_pages(client, case, adviser):
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), "Behandeld door: mevrouw Dzjemilja Abdoellaeva")
    page.set_rotation(90)
    data = doc.tobytes()
    uploaded = upload(case, data, by=adviser)
    client.force_login(adviser)
    response = client.get(reverse("redaction:review", args=[case.pk, uploaded.pk]))
    geometry = response.context["data"]["pages"][0]
    assert geometry["rotation"] == 90
    assert (geometry["width"], geometry["height"]) == (842.0, 595.0)  # displayed landscape
    # a stored (unrotated) box maps inside the displayed page
    r = uploaded.redactions.get(text="Dzjemilja Abdoellaeva")
    a, b, c, d, e, f = geometry["to_view"]
    x0, y0, x1, y1 = r.boxes[0]
    xs = [a * x + c * y + e for x, y in ((x0, y0), (x1, y1))]
    ys = [b * x + d * y + f for x, y in ((x0, y0), (x1, y1))]
    assert all(0 <= x <= 842 for x in xs) and all(0 <= y <= 595 for y in ys)
    assert min(xs) > 600  # text near the top of the unrotated page sits at the right when turned
