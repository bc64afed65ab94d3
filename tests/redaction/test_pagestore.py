"""Page text stored once per file (issue 15 items 1 and 2): extraction counts, linear case pass."""

from __future__ import annotations

import pytest

from cases.models import Document
from redaction import detect, pagestore, services
from redaction.models import Redaction, StoredPageText
from redaction.pdf import extract_pages
from redaction.services import (
    Upload,
    document_analyse,
    document_apply,
    documents_upload,
    redaction_decide,
    suggest_for_case,
)
from tests.redaction import pdf_factory

NAMES = ["Dzjemilja Abdoellaeva", "Thijmen Oudewater", "Ravindra Ramdin"]


def dossier_pdf(i: int) -> bytes:
    """Document ``i`` of a dossier: the same people recur, each document is different bytes."""
    name = NAMES[i % len(NAMES)]
    return pdf_factory.text_pdf(
        [
            f"Verslag nummer {i} over de herinrichting",
            f"Behandeld door: mevrouw {name}",
            f"{name.split()[-1]} neemt contact op met de aannemer over punt {i}.",
        ]
    )


@pytest.fixture
def case(make_case):
    return make_case()


@pytest.fixture
def extractions(monkeypatch):
    """Counts every call of the extractor (OCR included: it is part of extract_pages)."""
    calls = []
    real = pagestore.extract_pages

    def counting(pdf, **kwargs):
        calls.append(len(pdf))
        return real(pdf, **kwargs)

    monkeypatch.setattr(pagestore, "extract_pages", counting)
    # no other route to the extractor from the services
    assert not hasattr(services, "extract_pages")
    return calls


def upload(case, data: bytes, name: str) -> Document:
    [doc] = documents_upload(request=case, files=[Upload(name, data)])
    doc.refresh_from_db()
    return doc


def test_encode_decode_is_exact():
    data = pdf_factory.text_pdf(["Mevrouw Dzjemilja Abdoellaeva", "BSN 111222333"], pages=3)
    pages = extract_pages(data)
    assert pagestore.decode(pagestore.encode(pages)) == pages
    assert any(b is None for b in pages[0].char_boxes)  # the None boxes survive too
    assert pagestore.decode(pagestore.encode(pages), only={1}) == [pages[1]]


@pytest.mark.parametrize("n", [1, 4, 8])
def test_n_uploads_extract_n_times(case, extractions, n):
    """Before: n(n+1)/2 (1, 10, 36), each analysis re-extracted the whole case."""
    docs = [upload(case, dossier_pdf(i), f"verslag-{i}.pdf") for i in range(n)]
    assert all(d.processing == "klaar" for d in docs)
    assert len(extractions) == n
    assert StoredPageText.objects.count() == n
    # re-analysis (e.g. after a detector change) and a case-wide re-run read the stored text
    document_analyse(document_id=docs[0].pk)
    suggest_for_case(request=case)
    assert len(extractions) == n
    # applying reads the stored text for its secrets; at most the one extra extraction allowed
    r = docs[-1].redactions.filter(category="person").first()
    redaction_decide(redaction=r, decision="accepted")
    assert document_apply(document_id=docs[-1].pk).redaction_status == "klaar"
    assert len(extractions) <= n + 1


def test_same_file_in_two_cases_is_extracted_once(make_case, extractions):
    data = dossier_pdf(1)
    upload(make_case(), data, "a.pdf")
    upload(make_case(), data, "b.pdf")
    assert len(extractions) == 1


def test_stale_extractor_version_extracts_again(case, extractions):
    doc = upload(case, dossier_pdf(0), "a.pdf")
    StoredPageText.objects.update(extractor_version="0.old")
    document_analyse(document_id=doc.pk)
    assert len(extractions) == 2
    assert StoredPageText.objects.filter(extractor_version=pagestore.extractor_version()).exists()


def test_name_new_to_the_case_is_proposed_in_earlier_documents(case):
    """The reverse direction of the case pass: the later document teaches the earlier one."""
    first = upload(case, pdf_factory.text_pdf(["Verslag: ABDOELLAEVA was afwezig."]), "v.pdf")
    assert not first.redactions.exists()
    upload(case, pdf_factory.text_pdf(["Behandeld door: mevrouw Dzjemilja Abdoellaeva"]), "m.pdf")
    assert [r.text for r in first.redactions.all()] == ["ABDOELLAEVA"]
    assert first.redactions.get().detector == "names.case_consistency"


def test_case_pass_matches_whole_case_detection(case):
    """The linear pass proposes what one detect_case over the whole dossier proposes."""
    docs = [upload(case, dossier_pdf(i), f"verslag-{i}.pdf") for i in range(6)]
    texts = {d.pk: services._pages_of(d) for d in docs}
    whole = detect.detect_case(texts, services._case_config(case))
    for d in docs:
        expected = {(s.page, s.start, s.end, s.category) for s in whole[d.pk] if s.boxes}
        got = set(d.redactions.values_list("page", "start", "end", "category"))
        assert got == expected, d.title


def test_detection_work_per_upload_does_not_grow_with_the_case(case, monkeypatch):
    """Before, the k-th upload ran detection over all k documents; now over the new document and
    a witness page per shared name: the same amount for the 3rd and the 12th upload."""
    pages_detected: list[int] = []
    real = detect.detect_case

    def counting(documents, config):
        pages_detected[-1] += sum(len(p) for p in documents.values())
        return real(documents, config)

    monkeypatch.setattr(services.detect, "detect_case", counting)
    for i in range(12):
        pages_detected.append(0)
        upload(case, dossier_pdf(i), f"verslag-{i}.pdf")
    assert max(pages_detected[len(NAMES) :]) <= 2, pages_detected
    assert Redaction.objects.filter(document__request=case, category="person").count() >= 24
