"""Apply accepted redactions to a PDF and strip every other place the removed text can hide."""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache

import pymupdf

from redaction.types import RedactionBox, RedactionLog

from .errors import RedactionVerificationError
from .extract import open_pdf
from .intake import story_pdf
from .jpeg import split_jpeg_metadata
from .textnorm import SecretMatcher, secret_set

FILL = (0, 0, 0)
LABEL_COLOR = (1, 1, 1)
LABEL_FONT = "helv"
MIN_LABEL_FONT_SIZE = 4.0
SAVE_OPTIONS = {"garbage": 4, "deflate": True, "clean": True}
# Keys _strip_document acts on; an object whose source names none of them is left alone.
_STRIP_NAMES = ("/JavaScript", "/JS", "/Metadata", "/DCTDecode")


def _rect(box: RedactionBox, page: pymupdf.Page) -> pymupdf.Rect:
    rect = pymupdf.Rect(box.rect).normalize()
    if rect.is_empty or rect.is_infinite:
        raise ValueError(f"empty or invalid redaction box on page {box.page}: {box.rect}")
    return rect


@lru_cache(maxsize=256)
def _unit_width(label: str) -> float:
    """Width of ``label`` at font size 1; text width grows linearly with the size."""
    return pymupdf.get_text_length(label, fontname=LABEL_FONT, fontsize=1)


def _label_size(label: str, rect: pymupdf.Rect, wanted: float) -> float | None:
    """Largest font size <= wanted at which the label fits inside the box, or None."""
    size = float(wanted)
    unit = _unit_width(label)
    while size >= MIN_LABEL_FONT_SIZE:
        if unit * size <= rect.width - 1 and size * 0.95 <= rect.height:
            return size
        size -= 0.5
    return None


def _redact(page: pymupdf.Page, rects: list[pymupdf.Rect]) -> None:
    """Remove everything under ``rects`` from the page content: one pass for all of them.

    One redaction annotation carries every box as a quad (QuadPoints), which MuPDF applies to
    text, images and vector graphics alike. MuPDF tests each glyph against each annotation, so a
    page with N boxes as N annotations cost N times as much; the annotation's own rectangle (the
    union of the boxes) is not used when quads are present, and would only remove more if it were.
    """
    rotation = page.rotation
    if rotation:  # boxes are in unrotated page space, as add_redact_annot itself arranges
        page.set_rotation(0)
    try:
        annot = page.add_redact_annot(rects[0], cross_out=False)  # no fill: drawn with labels
        if len(rects) > 1:
            pdf_annot = annot.this
            mupdf = pymupdf.mupdf
            union = pymupdf.Rect(rects[0])
            for rect in rects:
                quad = mupdf.fz_quad_from_rect(mupdf.FzRect(rect.x0, rect.y0, rect.x1, rect.y1))
                mupdf.pdf_add_annot_quad_point(pdf_annot, quad)
                union |= rect
            mupdf.pdf_set_annot_rect(pdf_annot, mupdf.FzRect(*union))
    finally:
        if rotation:
            page.set_rotation(rotation)
    if len(rects) > 1 and pymupdf.mupdf.pdf_annot_quad_point_count(annot.this) != len(rects):
        raise RuntimeError("redaction quads were not stored")  # never apply a partial set
    page.apply_redactions(
        images=pymupdf.PDF_REDACT_IMAGE_PIXELS,
        graphics=pymupdf.PDF_REDACT_LINE_ART_REMOVE_IF_TOUCHED,
        text=pymupdf.PDF_REDACT_TEXT_REMOVE,
    )


def _draw_labels(page: pymupdf.Page, boxes, wanted: float, log: RedactionLog) -> None:
    """The black fill of every box and its ground label on top, in one new content stream."""
    # One Shape per page, committed once: a Shape (and a content-stream rewrite) per box or label
    # made this the slowest step of applying.
    shape = page.new_shape()
    for _box, rect in boxes:
        shape.draw_rect(rect)
    shape.finish(fill=FILL, color=FILL)
    for box, rect in boxes:
        label = box.ground.strip()
        if not label:
            continue
        size = _label_size(label, rect, wanted)
        if size is None or size < wanted:
            if page.number + 1 not in log.labels_too_small:
                log.labels_too_small.append(page.number + 1)
        if size is None:
            continue
        width = _unit_width(label) * size
        origin = (rect.x0 + (rect.width - width) / 2, (rect.y0 + rect.y1) / 2 + size * 0.35)
        shape.insert_text(origin, label, fontname=LABEL_FONT, fontsize=size, color=LABEL_COLOR)
    shape.commit(overlay=True)


def _note(log: RedactionLog, what: str) -> None:
    if what not in log.removed:
        log.removed.append(what)


def _strip_page(page: pymupdf.Page, rects, secrets: SecretMatcher, log: RedactionLog) -> None:
    """Remove annotations (comments can leak), form widgets and links that point at a secret."""
    doc = page.parent
    for widget in list(page.widgets()):
        page.delete_widget(widget)
        _note(log, "form_fields")
    for annot in list(page.annots()):
        page.delete_annot(annot)
        _note(log, "annotations")
    for link in page.get_links():
        target = " ".join(str(link.get(k) or "") for k in ("uri", "file", "name", "nameddest"))
        area = pymupdf.Rect(link["from"])
        if secrets.find_loose(target) or any(area.intersects(r) for r in rects):
            page.delete_link(link)
            _note(log, "links")
    for key in ("Thumb", "PieceInfo", "Metadata", "AA"):
        if doc.xref_get_key(page.xref, key)[0] != "null":
            doc.xref_set_key(page.xref, key, "null")
            _note(log, {"Thumb": "thumbnails", "AA": "javascript"}.get(key, key.lower()))


def _strip_document(doc: pymupdf.Document, secrets: SecretMatcher, log: RedactionLog) -> None:
    """Document-wide: metadata, XMP, attachments, JavaScript, forms, outline entries."""
    if any(v for k, v in doc.metadata.items() if k not in ("format", "encryption")):
        _note(log, "metadata")
    doc.set_metadata({})
    if doc.get_xml_metadata():
        _note(log, "xmp")
    doc.del_xml_metadata()
    for name in doc.embfile_names():
        doc.embfile_del(name)
        _note(log, "embedded_files")
    cat = doc.pdf_catalog()
    for key, what in (
        ("Names/JavaScript", "javascript"),
        ("Names/EmbeddedFiles", "embedded_files"),
        ("OpenAction", "javascript"),
        ("AA", "javascript"),
        ("AcroForm", "form_fields"),
        ("PieceInfo", "piece_info"),
    ):
        if doc.xref_get_key(cat, key)[0] != "null":
            doc.xref_set_key(cat, key, "null")
            _note(log, what)
    for xref in range(1, doc.xref_length()):
        try:
            # One read of the object decides whether any of the keys below can be in it: most
            # objects (pages, content streams, fonts) have none, and reading keys one by one over
            # every object was the slowest part of this walk.
            source = doc.xref_object(xref, compressed=False)
        except Exception:
            continue
        if not any(name in source for name in _STRIP_NAMES):
            continue
        try:
            is_js = doc.xref_get_key(xref, "S")[1] == "/JavaScript"
            has_js = doc.xref_get_key(xref, "JS")[0] != "null"
        except Exception:
            continue
        if is_js or has_js:
            doc.update_object(xref, "<<>>")
            _note(log, "javascript")
        elif doc.xref_get_key(xref, "Metadata")[0] != "null":
            doc.xref_set_key(xref, "Metadata", "null")
            _note(log, "xmp")
        if doc.xref_get_key(xref, "Filter")[1] == "/DCTDecode" and doc.xref_is_stream(xref):
            stripped, removed = split_jpeg_metadata(doc.xref_stream_raw(xref))
            if removed:
                doc.update_stream(xref, stripped, compress=False)
                doc.xref_set_key(xref, "Filter", "/DCTDecode")  # update_stream drops it
                _note(log, "image_metadata")
    _strip_outline(doc, secrets, log)


def _strip_outline(doc: pymupdf.Document, secrets: SecretMatcher, log: RedactionLog) -> None:
    toc = doc.get_toc(simple=False)
    if not toc:
        return
    kept = []
    for entry in toc:
        level, title, page_no = entry[:3]
        dest = entry[3] if len(entry) > 3 and isinstance(entry[3], dict) else {}
        target = " ".join(str(dest.get(k) or "") for k in ("uri", "file", "name", "nameddest"))
        if secrets.find(title) or secrets.find_loose(target):
            _note(log, "outline_entries")
            continue
        level = min(level, (kept[-1][0] + 1) if kept else 1)  # children of a removed entry move up
        kept.append([level, title, page_no])
    # Rebuilt from level, title and page only: the old outline objects and actions are dropped.
    doc.set_toc(kept)


def _log_page(doc: pymupdf.Document, log: RedactionLog) -> None:
    """Append the "Lakverantwoording": per ground the number of boxes and the pages."""
    rows = "".join(
        f"<tr><td>{html.escape(ground)}</td><td>{log.grounds[ground]}</td>"
        f"<td>{', '.join(str(p) for p in log.pages_by_ground[ground])}</td></tr>"
        for ground in sorted(log.grounds)
    )
    markup = (
        "<h2>Lakverantwoording</h2>"
        f"<p>In dit document zijn {log.boxes_applied} passages onleesbaar gemaakt. In elk zwart "
        "vlak staat de weigeringsgrond waarop de lakking berust.</p>"
        "<table><tr><th>Grond</th><th>Aantal</th><th>Pagina's</th></tr>"
        f"{rows}</table>"
    )
    css = (
        "body{font-family:sans-serif;font-size:10pt} td,th{padding:2pt 10pt 2pt 0;text-align:left}"
    )
    with pymupdf.open(stream=story_pdf(markup, css), filetype="pdf") as extra:
        doc.insert_pdf(extra)


def apply_redactions(
    pdf: bytes,
    boxes: Sequence[RedactionBox],
    *,
    secrets: Sequence[str] = (),
    label_font_size: float = 8,
    log_page: bool = False,
) -> tuple[bytes, RedactionLog]:
    """New PDF bytes with every box blacked out and labelled, plus what was done.

    Text, image pixels and vector graphics under each box are removed from the file, not covered.
    All annotations, form fields, attachments, JavaScript, metadata and XMP are removed; links and
    outline entries only when they point at or name a secret. ``pdf`` is never modified.
    """
    log = RedactionLog()
    all_secrets = SecretMatcher(secret_set(secrets, boxes))
    with open_pdf(bytes(pdf)) as doc:
        by_page: dict[int, list] = defaultdict(list)
        for box in boxes:
            if not 0 <= box.page < doc.page_count:
                raise ValueError(f"redaction box on page {box.page}, document has {doc.page_count}")
            by_page[box.page].append((box, _rect(box, doc[box.page])))
        for page in doc:
            page_boxes = by_page.get(page.number, [])
            _strip_page(page, [r for _, r in page_boxes], all_secrets, log)
            if not page_boxes:
                continue
            _redact(page, [r for _, r in page_boxes])
            _draw_labels(page, page_boxes, label_font_size, log)
            for box, _ in page_boxes:
                log.boxes_applied += 1
                log.grounds[box.ground] = log.grounds.get(box.ground, 0) + 1
                pages = log.pages_by_ground.setdefault(box.ground, [])
                if page.number + 1 not in pages:
                    pages.append(page.number + 1)
        _strip_document(doc, all_secrets, log)
        if log_page:
            _log_page(doc, log)
        out = doc.tobytes(**SAVE_OPTIONS)
    return out, log


def redact_and_verify(
    pdf: bytes,
    boxes: Sequence[RedactionBox],
    *,
    secrets: Sequence[str] = (),
    log_page: bool = False,
) -> tuple[bytes, RedactionLog]:
    """Apply, then verify the output; raise RedactionVerificationError rather than return a leak."""
    from .verify import verify_redacted

    out, log = apply_redactions(pdf, boxes, secrets=secrets, log_page=log_page)
    violations = verify_redacted(out, boxes, secrets=secrets)
    if violations:
        raise RedactionVerificationError(violations)
    return out, log
