"""Fail-closed verification: leaks in a redacted PDF are found and named in Dutch."""

import pymupdf
import pytest

from redaction.pdf import (
    RedactionVerificationError,
    apply_redactions,
    redact_and_verify,
    verify_redacted,
)
from redaction.types import RedactionBox
from tests.redaction import pdf_factory as f


def test_black_rectangle_drawn_over_text_is_caught():
    leaky = f.black_box_over_text()
    boxes = f.boxes_for(f.text_pdf(), f.SECRET)
    violations = verify_redacted(leaky, boxes, secrets=[f.SECRET])
    joined = "\n".join(violations)
    assert "staat nog in de tekst van pagina 1" in joined
    assert "staat nog tekst binnen een lakvlak" in joined
    assert "gegevensstroom" in joined  # the decompressed content stream


def test_redact_and_verify_raises_on_a_leak_it_cannot_remove():
    source = f.text_pdf(lines=(f.SENTENCE, f"Ondertekend: {f.SECRET}"))
    first_only = f.boxes_for(source, f.SECRET)[:1]  # second occurrence not accepted
    with pytest.raises(RedactionVerificationError) as exc:
        redact_and_verify(source, first_only, secrets=[f.SECRET])
    assert "pagina 1" in str(exc.value)
    assert "niet veilig" in str(exc.value)
    assert exc.value.violations


def test_redact_and_verify_returns_clean_output():
    source = f.with_metadata()
    out, log = redact_and_verify(source, f.boxes_for(source, f.SECRET), secrets=[f.SECRET])
    assert f.SECRET not in pymupdf.open(stream=out, filetype="pdf")[0].get_text()
    assert log.boxes_applied == 1 and "metadata" in log.removed


def test_secret_across_a_line_break_is_found():
    leaky = f.text_pdf(lines=("Namens Johanna de", "Vries-Bakker ondertekend."))
    assert verify_redacted(leaky, [], secrets=[f.SECRET])


def test_secret_split_by_kerning_in_content_stream_is_found():
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_font(fontname="helv")  # registers /helv
    stream = b"BT /helv 11 Tf 72 100 Td [(Johanna de V) -20 (ries-Bakker)] TJ ET"
    xref = doc.get_new_xref()
    doc.update_object(xref, "<<>>")
    doc.update_stream(xref, stream, new=True)
    doc.xref_set_key(page.xref, "Contents", f"{xref} 0 R")
    violations = verify_redacted(doc.tobytes(), [], secrets=[f.SECRET])
    assert any("gegevensstroom" in v for v in violations)


def test_short_secret_only_checked_inside_boxes():
    source = f.text_pdf(lines=("Kamer 3B is vrij, kamer 3B niet.",))
    assert verify_redacted(source, [], secrets=["3B"]) == []
    hit = pymupdf.open(stream=source, filetype="pdf")[0].search_for("3B")[0]
    box = RedactionBox(page=0, rect=tuple(hit), ground="5.1.2e", text="3B")
    assert verify_redacted(source, [box], secrets=["3B"])  # still there inside the box


def test_image_left_under_box_is_caught():
    source = f.with_image()
    box = RedactionBox(page=0, rect=tuple(f.IMAGE_RECT), ground="5.1.2e")
    assert any("afbeelding" in v for v in verify_redacted(source, [box], secrets=[]))


def test_image_check_maps_the_box_onto_the_right_pixels():
    source = f.with_image("Openbaar Geheimpje")
    r = f.IMAGE_RECT
    left = RedactionBox(0, (r.x0, r.y0, r.x0 + 100, r.y1), "", "")
    right = RedactionBox(0, (r.x0 + 101, r.y0, r.x1, r.y1), "", "")
    out, _ = apply_redactions(source, [left])
    assert verify_redacted(out, [left], secrets=[]) == []
    assert any("afbeelding" in v for v in verify_redacted(out, [right], secrets=[]))


def test_incremental_update_is_caught(tmp_path):
    path = tmp_path / "brief.pdf"
    path.write_bytes(f.text_pdf())
    doc = pymupdf.open(path)
    doc.set_metadata({"title": "Nieuwe titel"})
    doc.saveIncr()
    doc.close()
    violations = verify_redacted(path.read_bytes(), [], secrets=[])
    assert any("eerdere versies" in v for v in violations)


def test_unapplied_redaction_annotation_is_caught():
    doc = pymupdf.open(stream=f.text_pdf(), filetype="pdf")
    hit = doc[0].search_for(f.SECRET)[0]
    doc[0].add_redact_annot(hit, fill=(0, 0, 0))
    box = RedactionBox(0, tuple(hit), "5.1.2e", f.SECRET)
    violations = verify_redacted(doc.tobytes(), [box], secrets=[])
    assert any("niet is toegepast" in v for v in violations)


def test_garbage_is_reported_not_raised():
    assert verify_redacted(b"geen pdf", [], secrets=["x"]) == [
        "De gelakte PDF kan niet worden geopend."
    ]


def test_ocr_reading_the_black_fill_is_no_fragment_but_a_digit_is():
    """Blind set, first run: every scan was refused because OCR read the lakvlak itself as '■'."""
    import pymupdf

    from redaction.pdf import verify

    rect = pymupdf.Rect(100, 100, 200, 112)
    found = verify._Findings([])
    fill = [(200.5, 100, 208, 112, "■"), (150, 100, 160, 112, "—")]
    verify._check_fragments(1, [rect], fill, set(), found)
    assert found.messages == []
    verify._check_fragments(1, [rect], [(200.5, 100, 206, 112, "4")], set(), found)
    assert found.messages and "fragment" in found.messages[0]
