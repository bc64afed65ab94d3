"""Applying redactions: every leak channel is closed, text outside the boxes survives."""

import pymupdf
import pytest

from redaction.pdf import apply_redactions, verify_redacted
from redaction.types import RedactionBox
from tests.redaction import pdf_factory as f

REST = ("Het verzoek van", "is op 3 maart ontvangen door de afdeling.")

LEAK_CHANNELS = [
    ("page text", f.text_pdf, None),
    ("metadata", f.with_metadata, "metadata"),
    ("xmp", f.with_xmp, "xmp"),
    ("comment", f.with_comment, "annotations"),
    ("bookmark", f.with_bookmark, "outline_entries"),
    ("form field", f.with_form_field, "form_fields"),
    ("link uri", f.with_link, "links"),
    ("embedded file", f.with_embedded_file, "embedded_files"),
    ("javascript", f.with_javascript, "javascript"),
    ("jpeg metadata", f.with_jpeg_metadata, "image_metadata"),
]


@pytest.mark.parametrize("name,build,removed", LEAK_CHANNELS, ids=[c[0] for c in LEAK_CHANNELS])
def test_leak_channel_closed(name, build, removed):
    source = build()
    assert f.independent_leaks(source, f.SECRET), "factory must plant the secret"
    boxes = f.boxes_for(source, f.SECRET)
    assert boxes

    out, log = apply_redactions(source, boxes, secrets=[f.SECRET])

    assert verify_redacted(out, boxes, secrets=[f.SECRET]) == []
    assert f.independent_leaks(out, f.SECRET) == []
    text = " ".join(pymupdf.open(stream=out, filetype="pdf")[0].get_text().split())
    for rest in REST:
        assert rest in text
    if removed:
        assert removed in log.removed
    assert log.boxes_applied == len(boxes)


def test_verify_sees_each_channel_in_the_unredacted_source():
    for name, build, _ in LEAK_CHANNELS:
        source = build()
        assert verify_redacted(source, [], secrets=[f.SECRET]), name


def test_every_link_and_bookmark_is_stripped_and_logged():
    # issue 10 item 8: a published document needs no links or outline, whatever they contain
    out, log = apply_redactions(f.with_link(), f.boxes_for(f.with_link(), f.SECRET))
    assert pymupdf.open(stream=out, filetype="pdf")[0].get_links() == []
    assert "links" in log.removed
    source = f.with_bookmark()
    out, log = apply_redactions(source, f.boxes_for(source, f.SECRET))
    assert pymupdf.open(stream=out, filetype="pdf").get_toc() == []
    assert "outline_entries" in log.removed


def test_ground_label_is_real_text_in_the_box():
    source = f.text_pdf()
    boxes = f.boxes_for(source, f.SECRET, ground="5.1.2e")
    out, log = apply_redactions(source, boxes)
    page = pymupdf.open(stream=out, filetype="pdf")[0]
    inside = page.get_text("text", clip=pymupdf.Rect(boxes[0].rect))
    assert inside.strip() == "5.1.2e"
    assert log.grounds == {"5.1.2e": 1}
    assert log.pages_by_ground == {"5.1.2e": [1]}
    assert log.labels_too_small == []


def test_tiny_box_is_applied_and_noted():
    source = f.text_pdf()
    hit = pymupdf.open(stream=source, filetype="pdf")[0].search_for("maart")[0]
    tiny = RedactionBox(page=0, rect=(hit.x0, hit.y0, hit.x0 + 6, hit.y1), ground="5.1.2e")
    out, log = apply_redactions(source, [tiny])
    text = pymupdf.open(stream=out, filetype="pdf")[0].get_text()
    assert "maart" not in text and "aart" in text
    assert "5.1.2e" not in text
    assert log.labels_too_small == [1]
    assert log.boxes_applied == 1


def test_label_shrunk_when_box_is_narrow_but_still_fits():
    source = f.text_pdf()
    hit = pymupdf.open(stream=source, filetype="pdf")[0].search_for("van")[0]
    out, log = apply_redactions(source, [RedactionBox(0, tuple(hit), "5.1.2e", "van")])
    page = pymupdf.open(stream=out, filetype="pdf")[0]
    assert page.get_text("text", clip=hit).strip() == "5.1.2e"
    sizes = [
        s["size"]
        for b in page.get_text("dict")["blocks"]
        for line in b.get("lines", ())
        for s in line["spans"]
        if s["text"] == "5.1.2e"
    ]
    assert sizes and sizes[0] < 8
    assert log.labels_too_small == [1]


def _pixels(pdf: bytes, rect: pymupdf.Rect) -> set[tuple[int, ...]]:
    page = pymupdf.open(stream=pdf, filetype="pdf")[0]
    pix = page.get_pixmap(clip=rect, alpha=False)
    return {pix.pixel(x, y) for x in range(pix.width) for y in range(pix.height)}


def test_text_inside_an_image_is_blanked():
    source = f.with_image()
    assert any(p[0] < 100 for p in _pixels(source, f.IMAGE_RECT))  # dark glyph pixels present
    box = RedactionBox(page=0, rect=tuple(f.IMAGE_RECT), ground="", text="")
    out, _ = apply_redactions(source, [box])
    assert _pixels(out, f.IMAGE_RECT) == {(0, 0, 0)}  # only the black fill is left
    doc = pymupdf.open(stream=out, filetype="pdf")
    for xref, *_ in doc[0].get_images():  # fully covered: blanked or dropped, never just covered
        image = pymupdf.Pixmap(doc, xref)
        pixels = {image.pixel(x, y) for x in range(image.width) for y in range(image.height)}
        assert len(pixels) == 1, "the pixels themselves are blank, not merely covered"
    assert verify_redacted(out, [box], secrets=[]) == []


def test_partly_covered_image_keeps_the_rest():
    source = f.with_image("Openbaar Geheimpje")
    left = pymupdf.Rect(f.IMAGE_RECT.x0, f.IMAGE_RECT.y0, f.IMAGE_RECT.x0 + 100, f.IMAGE_RECT.y1)
    out, _ = apply_redactions(source, [RedactionBox(0, tuple(left), "", "")])
    right = pymupdf.Rect(left.x1 + 1, left.y0, f.IMAGE_RECT.x1, left.y1)
    assert _pixels(out, left) == {(0, 0, 0)}
    assert len(_pixels(out, right)) > 2  # the uncovered glyphs are still drawn
    assert verify_redacted(out, [RedactionBox(0, tuple(left), "", "")], secrets=[]) == []


def test_vector_graphics_under_box_removed():
    source = f.with_vector_graphic()
    box = RedactionBox(page=0, rect=tuple(f.VECTOR_RECT), ground="5.1.2e")
    assert verify_redacted(source, [box], secrets=[])  # the red shape is seen as a leak
    out, _ = apply_redactions(source, [box])
    drawings = pymupdf.open(stream=out, filetype="pdf")[0].get_drawings()
    assert not [d for d in drawings if d.get("fill") == (1.0, 0.0, 0.0)]
    assert [d for d in drawings if d.get("color") == (0.0, 0.0, 1.0)], "line outside survives"
    assert (255, 0, 0) not in _pixels(out, f.VECTOR_RECT)
    assert verify_redacted(out, [box], secrets=[]) == []


def test_original_bytes_unaltered():
    source = f.with_metadata()
    copy = bytes(source)
    out, _ = apply_redactions(source, f.boxes_for(source, f.SECRET), log_page=True)
    assert source == copy
    assert out != source


def test_log_page_lists_grounds_counts_and_pages():
    source = f.text_pdf(pages=3)
    date = f.boxes_for(source, "3 maart", ground="5.1.1e")[0]
    boxes = f.boxes_for(source, f.SECRET, ground="5.1.2e") + [
        RedactionBox(page=date.page, rect=date.rect, ground=date.ground)
    ]
    out, log = apply_redactions(source, boxes, log_page=True)
    doc = pymupdf.open(stream=out, filetype="pdf")
    assert doc.page_count == 4
    last = " ".join(doc[-1].get_text().split())
    assert "Lakverantwoording" in last
    assert "5.1.2e 3 1, 2, 3" in last
    assert "5.1.1e 1 1" in last
    assert log.grounds == {"5.1.2e": 3, "5.1.1e": 1}
    assert verify_redacted(out, boxes, secrets=[]) == []


def test_rotated_page_redacts_the_right_text():
    doc = pymupdf.open(stream=f.text_pdf(), filetype="pdf")
    doc[0].set_rotation(90)
    source = doc.tobytes()
    boxes = f.boxes_for(source, f.SECRET)
    out, _ = apply_redactions(source, boxes)
    text = " ".join(pymupdf.open(stream=out, filetype="pdf")[0].get_text().split())
    assert f.SECRET not in text and REST[1] in text
    assert verify_redacted(out, boxes, secrets=[f.SECRET]) == []


def test_box_on_missing_page_is_refused():
    with pytest.raises(ValueError):
        apply_redactions(f.text_pdf(), [RedactionBox(page=3, rect=(0, 0, 10, 10), ground="x")])
