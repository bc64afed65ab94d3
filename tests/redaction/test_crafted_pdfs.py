"""Crafted PDFs for the fail-closed promise (issue 10, classes 7-11): a planted personal string is
redacted through the accept-all pipeline, then NO independent reader may recover it from the
output: PyMuPDF (every layer on, nothing clipped, with and without ActualText), pypdf (page text,
raw contents, every object), pdfminer.six, pdftotext, qpdf's uncompressed streams, the attached
files, and Tesseract where pixels matter. Or the output is refused with a Dutch message."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile

import pymupdf
import pytest

from redaction.detect import DetectionConfig, detect_case
from redaction.pdf import RedactionVerificationError, extract_pages, redact_and_verify
from redaction.pdf.extract import find_tessdata
from redaction.pdf.pipeline import accept_all, second_read
from tests.redaction import pdf_factory as f

needs_ocr = pytest.mark.skipif(find_tessdata("nld") is None, reason="Tesseract nld missing")


def _squash(text: str) -> str:
    """Lower case without any whitespace: a letter-spaced "J o h a n" still matches."""
    return re.sub(r"\s+", "", text).casefold()


def reader_texts(pdf: bytes, *, ocr: bool = False) -> dict[str, str]:
    """What each independent reader gets out of ``pdf``."""
    texts: dict[str, str] = {}
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        for number in range(len(doc.layer_ui_configs())):
            doc.set_layer_ui_config(number, action=0)
        parts = []
        for page in doc:
            for flags in (0, pymupdf.TEXT_IGNORE_ACTUALTEXT):
                parts.append(page.get_text(flags=flags, clip=pymupdf.INFINITE_RECT()))
        for name in doc.embfile_names():
            parts.append(doc.embfile_get(name).decode("latin-1"))
        parts.append(str(doc.get_toc(simple=False)) + str(doc.metadata))
        parts.append(doc.get_xml_metadata() or "")
        texts["pymupdf"] = "\n".join(parts)
        if ocr:
            tessdata = find_tessdata("nld")
            texts["ocr"] = "\n".join(
                page.get_textpage_ocr(
                    language="nld", dpi=300, full=True, tessdata=tessdata
                ).extractText()
                for page in doc
            )
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    parts = []
    for page in reader.pages:
        parts.append(page.extract_text() or "")
        contents = page.get_contents()
        if contents is not None:
            parts.append(contents.get_data().decode("latin-1"))
    for number in range(1, len(reader.xref_objStm) + 2000):
        try:
            obj = reader.get_object(number)
        except Exception:
            continue
        if obj is None:
            continue
        parts.append(str(obj))
        if hasattr(obj, "get_data"):
            try:
                parts.append(obj.get_data().decode("latin-1"))
            except Exception:
                pass
    texts["pypdf"] = "\n".join(parts)
    from pdfminer.high_level import extract_text

    texts["pdfminer"] = extract_text(io.BytesIO(pdf))
    with tempfile.TemporaryDirectory() as tmp:
        src = f"{tmp}/in.pdf"
        with open(src, "wb") as fh:
            fh.write(pdf)
        if shutil.which("pdftotext"):
            texts["pdftotext"] = subprocess.run(
                ["pdftotext", "-q", src, "-"], capture_output=True
            ).stdout.decode("utf-8", "replace")
        if shutil.which("qpdf"):
            raw = subprocess.run(
                ["qpdf", "--qdf", "--object-streams=disable", src, "-"], capture_output=True
            ).stdout
            texts["qpdf"] = raw.decode("latin-1")
    return texts


def assert_unrecoverable(pdf: bytes, secret: str, *, ocr: bool = False) -> None:
    needle = _squash(secret)
    leaks = [name for name, text in reader_texts(pdf, ocr=ocr).items() if needle in _squash(text)]
    assert not leaks, f"{secret!r} recovered by {leaks}"


def pipeline(pdf: bytes, *planted: str):
    """The accept-all pipeline of `redact`: extract, detect (planted strings as always-redact
    terms of the case, as an adviser would add them), extend, apply, verify."""
    pages = extract_pages(pdf)
    config = DetectionConfig(regime="woo", always_redact=planted)
    suggestions = detect_case({0: pages}, config).get(0, [])
    boxes, secrets = accept_all(pages, suggestions)
    return redact_and_verify(pdf, boxes, secrets=secrets)


S = f.SECRET


def test_sanity_every_reader_sees_the_planted_string_before_redaction():
    assert set(reader_texts(f.text_pdf())) >= {"pymupdf", "pypdf", "pdfminer"}
    for name, text in reader_texts(f.text_pdf()).items():
        assert _squash(S) in _squash(text), name


# --- class 7: fail-open leaks ------------------------------------------------------------------


def test_hidden_layer_text_is_removed():
    source = f.hidden_layer_text()
    assert _squash("bel " + S) in _squash(reader_texts(source)["pdfminer"])  # it is there
    out, log = pipeline(source, S)
    assert_unrecoverable(out, S)
    assert "hidden_layer" in log.removed and "layers" in log.removed


def test_hidden_layer_only_text_is_removed_even_undetected():
    out, log = pipeline(f.hidden_layer_only())  # nothing planted: detection never saw it
    assert_unrecoverable(out, S)
    assert "hidden_layer" in log.removed


def test_text_outside_mediabox_and_cropbox_is_removed():
    out, log = pipeline(f.offpage_text(), S)
    assert_unrecoverable(out, S)
    assert "offpage_text" in log.removed
    assert "Het college" in pymupdf.open(stream=out)[0].get_text()


def test_af_attachments_catalog_and_page_level_are_removed():
    out, log = pipeline(f.af_attachment(), S)
    assert_unrecoverable(out, S)
    assert "embedded_files" in log.removed


def test_nested_pdf_attachment_is_removed():
    out, _ = pipeline(f.nested_pdf_attachment(), S)
    assert_unrecoverable(out, S)
    # no PDF inside the PDF (its compressed text is no plain substring for the readers above)
    if shutil.which("qpdf"):
        assert "%PDF-" not in reader_texts(out)["qpdf"][10:]
    with pymupdf.open(stream=out) as doc:
        for xref in range(1, doc.xref_length()):
            if doc.xref_is_stream(xref):
                assert not (doc.xref_stream(xref) or b"").startswith(b"%PDF"), xref


def test_struct_tree_alt_and_actualtext_are_dropped():
    source = f.struct_tree_text()
    assert f.NONPAGE_MAIL in reader_texts(source)["pypdf"]  # it is there before
    out, log = pipeline(source)
    assert_unrecoverable(out, f.NONPAGE_MAIL)
    assert_unrecoverable(out, f.NONPAGE_PHONE)
    assert "struct_tree" in log.removed


# --- class 8: non-page structures --------------------------------------------------------------


def test_non_page_structures_are_stripped_whatever_they_hold():
    out, log = pipeline(f.nonpage_structures())
    for planted in (f.NONPAGE_PHONE, f.NONPAGE_MAIL, "111222333"):
        assert_unrecoverable(out, planted)
    for code in ("outline_entries", "links", "named_destinations", "page_labels", "layers"):
        assert code in log.removed, code
    with pymupdf.open(stream=out) as doc:
        assert doc.get_toc() == [] and doc[0].get_links() == [] and not doc.get_page_labels()


def test_js_name_tree_in_its_own_object_is_removed_not_refused():
    out, log = pipeline(f.js_name_tree_in_object(), S)
    assert (
        b"app.alert"
        not in subprocess.run(
            ["qpdf", "--qdf", "--object-streams=disable", "-", "-"], input=out, capture_output=True
        ).stdout
        if shutil.which("qpdf")
        else True
    )
    assert "welkom" not in reader_texts(out)["pypdf"]
    assert_unrecoverable(out, S)


# --- class 9: scans ----------------------------------------------------------------------------


@needs_ocr
def test_scan_boxes_have_a_margin_and_ocr_reads_nothing_back():
    out, _ = pipeline(f.scan_page(), S)
    assert_unrecoverable(out, S, ocr=True)
    ocr = reader_texts(out, ocr=True)["ocr"]
    assert "Vries" not in ocr and "Bakker" not in ocr and "Noordzijde" in ocr
    # every pixel of the name lies under the black box: OCR's tight boxes left the edge of the
    # last glyph (and a sliver above) visible
    ink = f.scan_page_ink()
    assert any(ink in r for r in _fill_rects(out)), (ink, _fill_rects(out))


@needs_ocr
def test_shifted_invisible_ocr_layer_is_not_trusted():
    out, _ = pipeline(f.scan_with_shifted_ocr(), S)
    assert_unrecoverable(out, S, ocr=True)


@needs_ocr
def test_text_inside_an_image_on_a_text_page_is_read_and_redacted():
    out, _ = pipeline(f.image_on_text_page(), S)
    assert_unrecoverable(out, S, ocr=True)
    assert "Het college" in pymupdf.open(stream=out)[0].get_text()


def test_ocr_confusions_in_an_iban_are_undone_for_detection():
    from redaction.pdf.ocrfix import fix_ocr_text

    text = "Rekening NLO2 ABNA 041 7164300 t.n.v. de aanvrager"
    fixed, boxes = fix_ocr_text(text, tuple((i, 0, i + 1, 1) for i in range(len(text))))
    assert "NL02 ABNA 0417164300" in fixed and len(boxes) == len(fixed)
    assert boxes[fixed.index("0417")][0] == text.index("041")  # boxes follow their characters


# --- class 10: garbage text layers -------------------------------------------------------------


@needs_ocr
def test_wrong_tounicode_page_is_read_by_ocr_and_redacted():
    if not __import__("os").path.exists(f.TTF_FONT):
        pytest.skip("DejaVu font missing")
    source = f.wrong_tounicode()
    assert "Vries" not in pymupdf.open(stream=source)[0].get_text()  # the layer lies
    out, _ = pipeline(source, S)
    assert_unrecoverable(out, S, ocr=True)


@needs_ocr
def test_shifted_tounicode_plausible_letters_is_read_by_ocr_and_redacted():
    if not __import__("os").path.exists(f.TTF_FONT):
        pytest.skip("DejaVu font missing")
    source = f.shifted_tounicode()
    assert "Kpiboob" in pymupdf.open(stream=source)[0].get_text()  # the layer lies plausibly
    out, _ = pipeline(source, S)
    assert_unrecoverable(out, S, ocr=True)


@needs_ocr
def test_type3_font_with_meaningless_glyph_names_is_read_by_ocr_and_redacted():
    source = f.type3_font()
    assert "Vries" not in pymupdf.open(stream=source)[0].get_text()
    out, _ = pipeline(source, S)
    assert_unrecoverable(out, S, ocr=True)


@needs_ocr
def test_text_drawn_as_curves_is_read_by_ocr_and_redacted():
    source = f.text_as_curves()
    assert "Vries" not in pymupdf.open(stream=source)[0].get_text()
    out, _ = pipeline(source, S)
    assert_unrecoverable(out, S, ocr=True)
    assert "Het college" in pymupdf.open(stream=out)[0].get_text()


def test_actualtext_that_masks_the_glyphs_is_not_believed():
    out, log = pipeline(f.actual_text(mask=True), S)
    assert_unrecoverable(out, S)
    assert "actual_text" in log.removed


def test_letter_spaced_text_is_found_and_removed():
    out, _ = pipeline(f.letter_spaced(), S)
    assert_unrecoverable(out, S)


def test_glyphs_drawn_out_of_order_are_read_in_page_order_and_removed():
    source = f.glyphs_out_of_order()
    assert _squash(S) in _squash(reader_texts(source)["pdftotext"])  # other readers see the name
    out, _ = pipeline(source, S)
    assert_unrecoverable(out, S)
    assert_unrecoverable(out, "Bakker")  # the piece drawn first, too


# --- class 11: crashes and silent damage -------------------------------------------------------


def test_actualtext_longer_than_its_glyphs_gives_no_crash_and_no_leak():
    # MuPDF gives the replacement characters without glyphs zero-width boxes: a suggestion on
    # them ("Vries-Bakker") was a zero-width box and applying raised ValueError
    out, log = pipeline(f.actual_text(glyphs="JdVB"), "Vries-Bakker")
    assert_unrecoverable(out, S)
    assert "actual_text" in log.removed


def test_tagged_actualtext_gives_no_crash_and_no_leak():
    out, _ = pipeline(f.actual_text(), S)  # zero-width boxes raised ValueError before
    assert_unrecoverable(out, S)


def _fill_rects(pdf: bytes) -> list[pymupdf.Rect]:
    with pymupdf.open(stream=pdf) as doc:
        return [
            pymupdf.Rect(d["rect"]) for d in doc[0].get_drawings() if d.get("fill") == (0, 0, 0)
        ]


@pytest.mark.parametrize("build", [f.user_unit_page, f.rotated_offset_page])
def test_boxes_land_on_the_name_on_userunit_and_rotated_offset_pages(build):
    out, _ = pipeline(build(), S)
    assert_unrecoverable(out, S)
    with pymupdf.open(stream=out) as doc:
        page = doc[0]
        assert "Deze regel blijft leesbaar." in page.get_text()
        area = page.rect
        assert _fill_rects(out) and all(r in area + (-1, -1, 1, 1) for r in _fill_rects(out))


def test_tiny_boxes_are_redacted_and_reported_without_label():
    out, log = pipeline(f.tiny_text(), S)
    assert_unrecoverable(out, S)
    assert log.labels_too_small == [1]


# --- items 5 and 6, second reader --------------------------------------------------------------


def test_word_boundaries_no_false_refusal_but_glued_names_found():
    from redaction.pdf import verify_redacted

    clean = f.text_pdf(["De wijkagent kent de postcode en het IP-adres."])
    assert verify_redacted(clean, [], secrets=["wijk", "post", "adres"]) == []
    glued = f.text_pdf(["Brief aan JanJansen over de zaak."])
    assert verify_redacted(glued, [], secrets=["Jan Jansen"])


def test_accepted_name_is_extended_to_every_page_and_its_parts():
    source = f.text_pdf(
        [f"Verzoek van {S}.", "Mevrouw De Vries-Bakker belde; J. de Vries-Bakker ook."], pages=3
    )
    pages = extract_pages(source)
    first = [s for s in _one_suggestion(pages)]
    boxes, secrets = accept_all(pages, first)
    out, _ = redact_and_verify(source, boxes, secrets=secrets)
    assert_unrecoverable(out, "Vries-Bakker")


def _one_suggestion(pages):
    from redaction.types import Suggestion

    text = pages[0].text
    start = text.index(S)
    return [
        Suggestion(0, start, start + len(S), S, "person", "5.1.2e",
                   (pages[0].char_boxes[start][:2] + pages[0].char_boxes[start + len(S) - 1][2:],),
                   "test", "1", "Naam")
    ]  # fmt: skip


def test_second_read_reports_what_still_looks_personal_per_page():
    source = f.text_pdf(["Intro.", "Bel 06-12345678 of BSN 111222333."], pages=2)
    findings = second_read(source, DetectionConfig(regime="woo"))
    assert {(x.page, x.category) for x in findings} >= {(1, "phone"), (2, "bsn")}
    pages = extract_pages(source)
    suggestions = detect_case({0: pages}, DetectionConfig(regime="woo"))[0]
    boxes, secrets = accept_all(pages, suggestions)
    out, _ = redact_and_verify(source, boxes, secrets=secrets)
    assert second_read(out, DetectionConfig(regime="woo")) == []


def test_verification_refusal_names_the_place_in_dutch():
    from redaction.pdf import verify_redacted

    # nothing applied: the copy outside the CropBox must be named as such, without a crash
    violations = verify_redacted(f.offpage_text(), [], secrets=[S])
    assert any("buiten de pagina (pagina 1)" in v for v in violations)
    violations = verify_redacted(f.af_attachment(), [], secrets=[S])
    assert any("bijlage" in v for v in violations)
    assert str(RedactionVerificationError(violations)).startswith("De gelakte PDF is niet veilig")


@needs_ocr
def test_a_box_too_narrow_on_a_scan_is_refused_for_the_fragment_beside_it():
    from redaction.types import RedactionBox

    ink = f.scan_page_ink()
    narrow = (ink.x0 - 1, ink.y0 - 1, ink.x1 - 7, ink.y1 + 1)  # the last glyph stays visible
    with pytest.raises(RedactionVerificationError) as exc:
        redact_and_verify(f.scan_page(), [RedactionBox(0, narrow, "5.1.2e", S)], secrets=[S])
    assert "pagina 1" in str(exc.value)
    assert "fragment" in str(exc.value) or "OCR" in str(exc.value)
