"""Apply accepted redactions to a PDF and strip every other place the removed text can hide."""

from __future__ import annotations

import html
import re
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache

import pymupdf

from redaction.types import RedactionBox, RedactionLog

from .contentstream import filter_content
from .errors import RedactionVerificationError
from .extract import open_pdf
from .intake import story_pdf
from .jpeg import split_jpeg_metadata

FILL = (0, 0, 0)
LABEL_COLOR = (1, 1, 1)
LABEL_FONT = "helv"
MIN_LABEL_FONT_SIZE = 4.0
SAVE_OPTIONS = {"garbage": 4, "deflate": True, "clean": True}
# Keys _strip_document acts on; an object whose source names none of them is left alone.
_STRIP_NAMES = ("/JavaScript", "/JS", "/Metadata", "/DCTDecode", "/EF", "/EmbeddedFile", "/AF")


MIN_BOX = 1.0  # points: a degenerate box (zero width from tagged text) is widened to this


def _rect(box: RedactionBox, page: pymupdf.Page) -> pymupdf.Rect:
    """The box as a rectangle; a zero-width or zero-height box (tagged PDFs with ActualText give
    them) is widened around its centre instead of refused: verification proves the result."""
    rect = pymupdf.Rect(box.rect).normalize()
    if rect.is_infinite or not all(abs(v) < 1e6 for v in rect):
        raise ValueError(f"invalid redaction box on page {box.page}: {box.rect}")
    if rect.width < MIN_BOX:
        cx = (rect.x0 + rect.x1) / 2
        rect.x0, rect.x1 = cx - MIN_BOX / 2, cx + MIN_BOX / 2
    if rect.height < MIN_BOX:
        cy = (rect.y0 + rect.y1) / 2
        rect.y0, rect.y1 = cy - MIN_BOX / 2, cy + MIN_BOX / 2
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


def _strip_page(page: pymupdf.Page, rects, log: RedactionLog) -> None:
    """Remove annotations (comments can leak), form widgets and links that point at a secret."""
    doc = page.parent
    for widget in list(page.widgets()):
        page.delete_widget(widget)
        _note(log, "form_fields")
    for annot in list(page.annots()):
        page.delete_annot(annot)
        _note(log, "annotations")
    # Every link goes, whatever it points at: a published document needs none, and URIs
    # (mailto:, tel:, query strings), Launch file names and JavaScript actions can all hold data.
    for link in page.get_links():
        page.delete_link(link)
        _note(log, "links")
    if doc.xref_get_key(page.xref, "Annots")[0] != "null":
        doc.xref_set_key(page.xref, "Annots", "null")  # link objects PyMuPDF does not list
    for key, what in _PAGE_KEYS:
        if doc.xref_get_key(page.xref, key)[0] != "null":
            doc.xref_set_key(page.xref, key, "null")
            _note(log, what)
    _remove_offpage(page, log)
    _remove_invisible_ocr_layer(page, log)


def _remove_invisible_ocr_layer(page: pymupdf.Page, log: RedactionLog) -> None:
    """A scan's invisible OCR layer is not trusted (it may be shifted against the image, so its
    words lie beside the pixels that were redacted): detection re-read the pixels, and the old
    layer is removed whole."""
    if not page.get_images(full=False):
        return
    trace = page.get_texttrace()
    if not trace or not all(t.get("type") == 3 for t in trace):
        return
    _text_only_redaction(page, [pymupdf.Rect(-FAR, -FAR, FAR, FAR)])
    _note(log, "ocr_layer")


# Page keys that carry nothing a reader needs; their content is never checked, only dropped.
_PAGE_KEYS = (
    ("Thumb", "thumbnails"),
    ("PieceInfo", "piece_info"),
    ("Metadata", "xmp"),
    ("AA", "javascript"),
    ("AF", "embedded_files"),
    ("B", "articles"),
)
_TEXT_KINDS = ("fill-text", "stroke-text", "clip-text", "clip-stroke-text", "ignore-text")
FAR = 1e5


def _text_only_redaction(page: pymupdf.Page, rects: list[pymupdf.Rect]) -> None:
    rotation = page.rotation
    if rotation:
        page.set_rotation(0)
    try:
        annot = page.add_redact_annot(rects[0], cross_out=False)
        for rect in rects[1:]:
            quad = pymupdf.mupdf.fz_quad_from_rect(pymupdf.mupdf.FzRect(*rect))
            pymupdf.mupdf.pdf_add_annot_quad_point(annot.this, quad)
    finally:
        if rotation:
            page.set_rotation(rotation)
    page.apply_redactions(
        images=pymupdf.PDF_REDACT_IMAGE_NONE,
        graphics=pymupdf.PDF_REDACT_LINE_ART_NONE,
        text=pymupdf.PDF_REDACT_TEXT_REMOVE,
    )


def _remove_offpage(page: pymupdf.Page, log: RedactionLog) -> None:
    """Text drawn outside the visible page (CropBox) is dropped by clipped extraction but kept
    by other readers: remove it. Only text: a background that bleeds over the edge stays."""
    # the visible area in unrotated page space (as the redaction annotation takes it), scaled by
    # /UserUnit as MuPDF scales text and boxes (page.cropbox is not)
    visible = (pymupdf.Rect(page.rect) * page.derotation_matrix).normalize()
    # a glyph counts as outside when its centre is: one that only pokes over the edge stays
    outside = [
        r
        for kind, r in page.get_bboxlog()
        if kind in _TEXT_KINDS and not visible.contains(((r[0] + r[2]) / 2, (r[1] + r[3]) / 2))
    ]
    if not outside:
        return
    bands = [
        pymupdf.Rect(-FAR, -FAR, FAR, visible.y0),
        pymupdf.Rect(-FAR, visible.y1, FAR, FAR),
        pymupdf.Rect(-FAR, visible.y0, visible.x0, visible.y1),
        pymupdf.Rect(visible.x1, visible.y0, FAR, visible.y1),
    ]
    _text_only_redaction(page, bands)
    _note(log, "offpage_text")


# Catalog entries a published document needs none of; each is dropped whatever it holds.
_CATALOG_KEYS = (
    ("Names", "named_destinations"),  # EmbeddedFiles, JavaScript, Dests, ... (name trees)
    ("Dests", "named_destinations"),
    ("Outlines", "outline_entries"),
    ("PageLabels", "page_labels"),
    ("OpenAction", "javascript"),
    ("AA", "javascript"),
    ("AcroForm", "form_fields"),
    ("PieceInfo", "piece_info"),
    ("AF", "embedded_files"),
    ("Collection", "embedded_files"),
    ("StructTreeRoot", "struct_tree"),
    ("MarkInfo", "struct_tree"),
    ("Threads", "articles"),
    ("SpiderInfo", "web_capture"),
    ("URI", "links"),
    ("OCProperties", "layers"),
)


def _strip_document(doc: pymupdf.Document, log: RedactionLog) -> None:
    """Document-wide: metadata, XMP, attachments (name tree and /AF), JavaScript (also a name tree
    in an object of its own), forms, outline, named destinations, page labels, layer names, the
    structure tree (ActualText/Alt of tagged PDFs): all dropped, whatever they contain."""
    if any(v for k, v in doc.metadata.items() if k not in ("format", "encryption")):
        _note(log, "metadata")
    doc.set_metadata({})
    if doc.get_xml_metadata():
        _note(log, "xmp")
    doc.del_xml_metadata()
    for name in doc.embfile_names():
        doc.embfile_del(name)
        _note(log, "embedded_files")
    if doc.get_toc():
        _note(log, "outline_entries")
    cat = doc.pdf_catalog()
    for key, what in _CATALOG_KEYS:
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
            continue
        if "/EF" in source or "/EmbeddedFile" in source or "/AF" in source:
            # a file specification or attached file (PDF/A-3 /AF) wherever it hangs
            if doc.xref_get_key(xref, "Type")[1] == "/EmbeddedFile" and doc.xref_is_stream(xref):
                doc.update_stream(xref, b"")
                _note(log, "embedded_files")
            for key in ("EF", "AF", "RF"):
                if doc.xref_get_key(xref, key)[0] != "null":
                    doc.xref_set_key(xref, key, "null")
                    _note(log, "embedded_files")
        if doc.xref_get_key(xref, "Metadata")[0] != "null":
            doc.xref_set_key(xref, "Metadata", "null")
            _note(log, "xmp")
        if doc.xref_get_key(xref, "Filter")[1] == "/DCTDecode" and doc.xref_is_stream(xref):
            stripped, removed = split_jpeg_metadata(doc.xref_stream_raw(xref))
            if removed:
                doc.update_stream(xref, stripped, compress=False)
                doc.xref_set_key(xref, "Filter", "/DCTDecode")  # update_stream drops it
                _note(log, "image_metadata")


_REF = re.compile(r"(\d+)\s+0\s+R")
_PROPERTY = re.compile(r"/([^\s/<>\[\]()]+)\s+(\d+)\s+0\s+R")


def _refs(value: str) -> set[int]:
    return {int(x) for x in _REF.findall(value or "")}


def _hidden_groups(doc: pymupdf.Document) -> set[int]:
    """Xrefs of the optional-content groups (and membership dicts) that are off by default."""
    cat = doc.pdf_catalog()
    if doc.xref_get_key(cat, "OCProperties")[0] == "null":
        return set()
    groups = _refs(doc.xref_get_key(cat, "OCProperties/OCGs")[1])
    on = _refs(doc.xref_get_key(cat, "OCProperties/D/ON")[1])
    off = _refs(doc.xref_get_key(cat, "OCProperties/D/OFF")[1])
    if doc.xref_get_key(cat, "OCProperties/D/BaseState")[1] == "/OFF":
        off |= groups - on
    hidden = set(off)
    for xref in range(1, doc.xref_length()):
        try:
            if doc.xref_get_key(xref, "Type")[1] != "/OCMD":
                continue
            members = _refs(doc.xref_get_key(xref, "OCGs")[1])
            policy = doc.xref_get_key(xref, "P")[1] or "/AnyOn"
        except Exception:
            continue
        off_members = members & off
        if (
            (policy == "/AllOn" and off_members)
            or (policy == "/AnyOff" and not off_members)
            or (policy == "/AllOff" and off_members != members)
            or (
                policy not in ("/AllOn", "/AnyOff", "/AllOff")
                and members
                and off_members == members
            )
        ):
            hidden.add(xref)
    return hidden


def _filter_streams(doc: pymupdf.Document, log: RedactionLog) -> None:
    """Cut switched-off layers and ActualText/Alt replacement texts out of every content stream;
    blank a form or image that belongs to a switched-off layer as a whole."""
    hidden = _hidden_groups(doc)
    names: set[bytes] = set()
    forms: list[int] = []
    for xref in range(1, doc.xref_length()):
        try:
            source = doc.xref_object(xref, compressed=False)
        except Exception:
            continue
        if hidden and "/Properties" in source:
            kind, value = doc.xref_get_key(xref, "Properties")
            if kind == "null":
                kind, value = doc.xref_get_key(xref, "Resources/Properties")
            if kind == "xref":
                value = doc.xref_object(int(value.split()[0]), compressed=False)
            for name, ref in _PROPERTY.findall(value or ""):
                if int(ref) in hidden:
                    names.add(b"/" + name.encode("latin-1"))
        if "/Subtype" in source and doc.xref_is_stream(xref):
            subtype = doc.xref_get_key(xref, "Subtype")[1]
            oc = _refs(doc.xref_get_key(xref, "OC")[1]) if "/OC" in source else set()
            if oc & hidden:
                if subtype == "/Image":
                    for key, value in (
                        ("Width", "1"),
                        ("Height", "1"),
                        ("ColorSpace", "/DeviceGray"),
                        ("BitsPerComponent", "8"),
                        ("SMask", "null"),
                        ("Mask", "null"),
                        ("Decode", "null"),
                        ("DecodeParms", "null"),
                    ):
                        doc.xref_set_key(xref, key, value)
                    doc.update_stream(xref, b"\xff")
                else:
                    doc.update_stream(xref, b"")
                _note(log, "hidden_layer")
                continue
            if subtype == "/Form":
                forms.append(xref)
    for xref in forms:
        data = doc.xref_stream(xref)
        if data and b"BDC" in data:
            new, removed = filter_content(data, names)
            if removed:
                doc.update_stream(xref, new)
                for what in removed:
                    _note(log, what)
    for page in doc:
        contents = page.get_contents()
        if not contents:
            continue
        data = page.read_contents()
        if b"BDC" not in data:
            continue
        new, removed = filter_content(data, names)
        if removed:
            doc.update_stream(contents[0], new)
            for extra in contents[1:]:
                doc.update_stream(extra, b"")
            for what in removed:
                _note(log, what)


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
    with open_pdf(bytes(pdf)) as doc:
        _filter_streams(doc, log)
        by_page: dict[int, list] = defaultdict(list)
        for box in boxes:
            if not 0 <= box.page < doc.page_count:
                raise ValueError(f"redaction box on page {box.page}, document has {doc.page_count}")
            by_page[box.page].append((box, _rect(box, doc[box.page])))
        for page in doc:
            page_boxes = by_page.get(page.number, [])
            _strip_page(page, [r for _, r in page_boxes], log)
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
        _strip_document(doc, log)
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
