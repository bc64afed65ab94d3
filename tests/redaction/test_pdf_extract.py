"""Extraction: text with character boxes that line up with the page, OCR for scans."""

import pymupdf
import pytest

from redaction.pdf import UnprocessableDocument, extract_pages, page_count, render_page_png
from redaction.pdf.extract import find_tessdata, layout_text
from tests.redaction import pdf_factory as f

LINES = (
    "Geachte heer Pietersen,",
    "Uw verzoek van 12 januari 2025 is ontvangen.",
    "Bel 06-12345678 of mail j.pietersen@example.nl.",
)


def test_text_lines_and_words():
    pages = extract_pages(f.text_pdf(lines=LINES, pages=2))
    assert [p.page for p in pages] == [0, 1]
    assert pages[0].text == "\n".join(LINES)
    assert len(pages[0].char_boxes) == len(pages[0].text)
    assert pages[0].ocr is False
    newline = pages[0].text.index("\n")
    assert pages[0].char_boxes[newline] is None


@pytest.mark.parametrize("needle", ["Pietersen", "06-12345678", "j.pietersen@example.nl", "2025"])
def test_char_boxes_line_up_with_search_for(needle):
    source = f.text_pdf(lines=LINES)
    page_text = extract_pages(source)[0]
    hit = pymupdf.open(stream=source, filetype="pdf")[0].search_for(needle)[0]
    start = page_text.text.index(needle)
    boxes = [b for b in page_text.char_boxes[start : start + len(needle)] if b]
    union = pymupdf.Rect(boxes[0])
    for b in boxes[1:]:
        union |= b
    assert abs(union.x0 - hit.x0) < 0.5 and abs(union.x1 - hit.x1) < 0.5
    assert abs(union.y0 - hit.y0) < 0.5 and abs(union.y1 - hit.y1) < 0.5


def test_words_positioned_without_space_characters_get_one_space():
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), "x", fontsize=11)  # registers the font /helv on the page
    xref = doc.get_new_xref()
    doc.update_object(xref, "<<>>")
    doc.update_stream(xref, b"BT /helv 11 Tf 72 100 Td (Jan) Tj 22 0 Td (Jansen) Tj ET", new=True)
    doc.xref_set_key(page.xref, "Contents", f"{xref} 0 R")
    text = extract_pages(doc.tobytes())[0]
    assert text.text == "Jan Jansen"
    assert text.char_boxes[4] is not None and len(text.char_boxes) == len(text.text)


def test_layout_collapses_spaces():
    raw = {
        "blocks": [
            {
                "type": 0,
                "lines": [
                    {
                        "spans": [
                            {
                                "size": 10,
                                "chars": [
                                    {"c": c, "bbox": (i * 5, 0, i * 5 + 5, 10)}
                                    for i, c in enumerate("a   b ")
                                ],
                            }
                        ]
                    }
                ],
            }
        ]
    }
    text, boxes = layout_text(raw)
    assert text == "a b" and boxes[1] == (5, 0, 10, 10)


def test_progress_is_reported_per_page():
    calls = []
    extract_pages(f.text_pdf(pages=3), progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 3), (2, 3), (3, 3)]


def test_page_count_and_render():
    source = f.text_pdf(pages=2)
    assert page_count(source) == 2
    png = render_page_png(source, 1, zoom=1.0)
    assert png.startswith(b"\x89PNG")
    pix = pymupdf.Pixmap(png)
    assert (pix.width, pix.height) == (595, 842)
    with pytest.raises(IndexError):
        render_page_png(source, 2)


def test_scan_without_tesseract_needs_ocr(monkeypatch):
    monkeypatch.setenv("TESSDATA_PREFIX", "/nonexistent")
    monkeypatch.setattr("redaction.pdf.extract.TESSDATA_CANDIDATES", ())
    with pytest.raises(UnprocessableDocument) as exc:
        extract_pages(f.image_only_page())
    assert exc.value.reason == "needs_ocr"
    assert extract_pages(f.image_only_page(), ocr=False)[0].text == ""


@pytest.mark.skipif(find_tessdata("nld") is None, reason="tesseract nld data not installed")
def test_ocr_of_an_image_only_page():
    pages = extract_pages(f.image_only_page())
    assert pages[0].ocr is True
    assert "windturbines" in pages[0].text.lower()
    start = pages[0].text.lower().index("windturbines")
    box = pymupdf.Rect(pages[0].char_boxes[start])
    assert 60 < box.x0 < 500 and 90 < box.y1 < 140  # where the word was drawn


def test_text_page_is_not_ocred_in_auto_mode():
    assert extract_pages(f.text_pdf())[0].ocr is False
