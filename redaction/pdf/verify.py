"""Fail-closed check of a redacted PDF: every place a removed string could survive is searched.

Contract: ``secrets`` (and the texts of the boxes) must be strings whose *every* occurrence in the
document was accepted for redaction. A string that legitimately stays readable elsewhere (a name
redacted once but kept in a signature block) must not be passed, or verification will (rightly,
by this contract) report it. Secrets shorter than 3 characters are only checked inside the boxes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pymupdf

from redaction.types import RedactionBox

from .extract import OCR_DPI, find_tessdata, ocr_mode, open_pdf
from .jpeg import split_jpeg_metadata
from .textnorm import SecretMatcher, pdf_strings, secret_set

BOX_SHRINK_X = 1.0  # points taken off each side before looking for text inside a box
BOX_SHRINK_Y = 0.25  # share of the box height taken off top and bottom (line boxes overlap)
_OBJ_HEADER = re.compile(rb"(?<![0-9])([0-9]+)[ \t\r\n]+[0-9]+[ \t\r\n]+obj\b")


def _inner(rect: pymupdf.Rect) -> pymupdf.Rect:
    dx = min(BOX_SHRINK_X, rect.width / 4)
    dy = rect.height * BOX_SHRINK_Y
    return pymupdf.Rect(rect.x0 + dx, rect.y0 + dy, rect.x1 - dx, rect.y1 - dy)


def _quote(secret: str) -> str:
    return f"'{secret}'" if len(secret) <= 40 else f"'{secret[:37]}...'"


class _Findings:
    def __init__(self, secrets):
        self.matcher = SecretMatcher(secrets)  # compiled once, searched in every place below
        self.messages: list[str] = []

    def add(self, message: str) -> None:
        if message not in self.messages:
            self.messages.append(message)

    def search(self, text: str, where: str) -> list[str]:
        hits = self.matcher.find(text)
        for secret in hits:
            self.add(f"{_quote(secret)} staat nog in {where}.")
        return hits

    def search_address(self, target: str, where: str) -> None:
        for secret in self.matcher.find_loose(target):
            self.add(f"{_quote(secret)} staat nog in {where}.")


def verify_redacted(
    pdf: bytes, boxes: Sequence[RedactionBox], *, secrets: Sequence[str]
) -> list[str]:
    """Dutch descriptions of every leak found in the redacted ``pdf``; empty means clean."""
    found = _Findings(secret_set(secrets, boxes))
    try:
        doc = open_pdf(pdf)
    except Exception:
        return ["De gelakte PDF kan niet worden geopend."]
    with doc:
        if doc.needs_pass or doc.is_encrypted:
            return ["De gelakte PDF is versleuteld en kan niet worden gecontroleerd."]
        try:
            # what other readers see: every layer switched on, nothing clipped to the page
            for number in range(len(doc.layer_ui_configs())):
                doc.set_layer_ui_config(number, action=0)
            _check_pages(doc, boxes, found)
            _check_document(doc, found)
            _check_objects(doc, found)
            _check_revisions(pdf, doc, found)
        except Exception as exc:  # never crash: an unreadable output is not a safe output
            found.add(
                f"De gelakte PDF kon niet volledig worden gecontroleerd ({type(exc).__name__})."
            )
    return found.messages


def _check_pages(doc: pymupdf.Document, boxes, found: _Findings) -> None:
    by_page: dict[int, list[pymupdf.Rect]] = {}
    labels: dict[int, set[str]] = {}
    for box in boxes:
        if not 0 <= box.page < doc.page_count:
            found.add(f"Lakvlak op pagina {box.page + 1} valt buiten het document.")
            continue
        by_page.setdefault(box.page, []).append(pymupdf.Rect(box.rect).normalize())
        labels.setdefault(box.page, set()).update(box.ground.split())
    for page in doc:
        n = page.number + 1
        rects = by_page.get(page.number, [])
        # One extraction per page, reused for the page text, every box and (where boxes are)
        # finding the images: the same text page get_image_info would build for itself.
        textpage = page.get_textpage(
            flags=pymupdf.TEXT_PRESERVE_IMAGES if rects else 0, clip=pymupdf.INFINITE_RECT()
        )
        plain = page.get_text("text", textpage=textpage)
        hits = found.matcher.find(plain)
        if hits:
            visible = page.get_text("text", flags=pymupdf.TEXT_MEDIABOX_CLIP)
            shown = set(found.matcher.find(visible))
            for secret in hits:
                where = f"de tekst van pagina {n}"
                if secret not in shown:
                    where = f"tekst buiten de pagina (pagina {n})"
                found.add(f"{_quote(secret)} staat nog in {where}.")
        allowed = labels.get(page.number, set())
        words = page.get_text("words", textpage=textpage) if rects else []
        ocr = _ocr_textpage(page, plain)
        if ocr is not None:
            # pixels that can hold text (a scan, an image, a text layer that is not what the page
            # shows): read them as a person would, and check the boxes against what OCR sees
            found.search(ocr.extractText(), f"de afbeelding of scan van pagina {n} (OCR)")
            if rects:
                # OCR reads noise on a black box as "|" or "—": only letters and digits count
                ocr_words = [
                    w
                    for w in page.get_text("words", textpage=ocr)
                    if any(c.isalnum() for c in w[4])
                ]
                _check_fragments(n, rects, ocr_words, allowed, found)
                # the black fill itself is read as "EE": a word mostly inside a box is the box
                words = words + [w for w in ocr_words if not _mostly_inside(w, rects)]
        bands: dict[int, list] = {}  # words by 10-point band of height, to test only nearby ones
        for w in words:
            for band in range(int(w[1] // 10), int(w[3] // 10) + 1):
                bands.setdefault(band, []).append(w)
        for rect in rects:
            inner = _inner(rect)
            if inner.is_empty:
                continue
            nearby = {
                id(w): w
                for band in range(int(inner.y0 // 10), int(inner.y1 // 10) + 1)
                for w in bands.get(band, ())
            }.values()
            # any word whose box reaches into the (slightly shrunk) lakvlak counts: stricter than
            # a clip, which only returns words wholly inside
            left = [
                w[4]
                for w in nearby
                if w[4] not in allowed
                and _readable(w[4])
                and min(w[2], inner.x1) - max(w[0], inner.x0) > 0.5
                and min(w[3], inner.y1) - max(w[1], inner.y0) > 0.5
            ]
            if left:
                found.add(
                    f"Op pagina {n} staat nog tekst binnen een lakvlak: {_quote(' '.join(left))}."
                )
        if rects:
            _check_graphics(page, rects, found)
            _check_images(page, textpage, rects, found)
        for annot in page.annots():
            if annot.type[0] == pymupdf.PDF_ANNOT_REDACT:
                found.add(f"Pagina {n} bevat een lakannotatie die niet is toegepast.")
            info = " ".join(str(v) for v in annot.info.values())
            found.search(info, f"een annotatie op pagina {n}")
        for widget in page.widgets():
            found.add(f"Pagina {n} bevat nog een formulierveld ({widget.field_name}).")
            found.search(f"{widget.field_value} {widget.field_name}", f"een formulierveld ({n})")
        for link in page.get_links():
            target = " ".join(str(link.get(k) or "") for k in ("uri", "file", "name"))
            found.search_address(target, f"een koppeling op pagina {n}")
            if any(pymupdf.Rect(link["from"]).intersects(_inner(r)) for r in rects):
                found.add(f"Op pagina {n} ligt een koppeling onder een lakvlak.")


FRAGMENT_GAP = 1.5  # points: an OCR'd scrap this close to a box edge is a piece of what it hides
FRAGMENT_CHARS = 2  # at most this many letters or digits: a longer word is a neighbour


def _readable(word: str) -> bool:
    """A word with no letter or digit holds no text a reader can recover: OCR reads the black
    fill of a lakvlak itself as '■', '|' or '—', which is no leak (and refused every scan)."""
    return any(c.isalnum() for c in word)


def _mostly_inside(word, rects) -> bool:
    area = pymupdf.Rect(word[:4])
    size = area.get_area() or 1.0
    return any((area & r).get_area() >= 0.6 * size for r in rects if area.intersects(r))


def _check_fragments(n: int, rects, ocr_words, allowed, found: _Findings) -> None:
    """A readable scrap touching a box on a scan (the "4" of a phone number, the "t" of a
    surname whose box was too narrow) fails the document: a short OCR word against a box edge,
    or a word that runs a glyph's width past the edge of a box it overlaps."""
    for rect in rects:
        for x0, y0, x1, y1, word, *_ in ocr_words:
            if word in allowed or not _readable(word):
                continue
            overlap = min(y1, rect.y1) - max(y0, rect.y0)
            if overlap < 0.5 * min(y1 - y0, rect.height):
                continue
            glyph = 0.6 * (y1 - y0)
            short = sum(c.isalnum() for c in word) <= FRAGMENT_CHARS
            beside = 0 <= x0 - rect.x1 <= FRAGMENT_GAP or 0 <= rect.x0 - x1 <= FRAGMENT_GAP
            straddles = (
                x0 < rect.x1
                and x1 > rect.x0
                and (1 <= x1 - rect.x1 <= glyph or 1 <= rect.x0 - x0 <= glyph)
            )
            if (short and beside) or straddles:
                found.add(
                    f"Op pagina {n} staat naast een lakvlak nog een leesbaar fragment "
                    f"(in {_quote(word)})."
                )


def _ocr_textpage(page: pymupdf.Page, plain: str):
    """An OCR text page of the pixels that can still hold text, or None for a pure text page."""
    mode = ocr_mode(page, plain)
    if mode is None:
        return None
    tessdata = find_tessdata("nld")
    if tessdata is None:
        return None  # extraction already refused pages needing OCR without Tesseract
    if mode == "images":
        # a scan (an image over most of the page) is read whole, so that the black boxes and
        # what touches them are seen as a reader sees them; smaller images on their own
        covered = sum(
            (pymupdf.Rect(i["bbox"]) & page.rect).get_area() for i in page.get_image_info()
        )
        if covered >= 0.5 * page.rect.get_area():
            mode = "full"
    return page.get_textpage_ocr(
        flags=0, language="nld", dpi=OCR_DPI, full=mode != "images", tessdata=tessdata
    )


def _check_graphics(page: pymupdf.Page, rects, found: _Findings) -> None:
    """Vector graphics under a box must be gone; only the black redaction fill may remain."""
    for drawing in page.get_drawings():
        area = pymupdf.Rect(drawing["rect"])
        if drawing.get("fill") is not None and tuple(drawing["fill"]) == (0.0, 0.0, 0.0):
            if drawing.get("color") in (None, (0.0, 0.0, 0.0)):
                continue  # a redaction fill (ours or another box's)
        if any(area.intersects(_inner(r)) for r in rects):
            found.add(f"Op pagina {page.number + 1} staat nog vectorgrafiek onder een lakvlak.")
            return


def _check_images(page: pymupdf.Page, textpage, rects, found: _Findings) -> None:
    """The pixels of an image under a box must be blank (one colour)."""
    doc = page.parent
    inner = [_inner(r) for r in rects]
    # Every image drawn on the page, inline ones too; only when one lies under a box are the
    # page's images decoded to tell which object it is (the costly part of get_image_info).
    drawn = textpage.extractIMGINFO()
    if not any(pymupdf.Rect(i["bbox"]).intersects(r) for i in drawn for r in inner):
        return
    for info in page.get_image_info(xrefs=True):
        bbox = pymupdf.Rect(info["bbox"])
        hits = [_inner(r) & bbox for r in rects if bbox.intersects(_inner(r))]
        if not hits:
            continue
        if not info.get("xref"):
            found.add(
                f"Op pagina {page.number + 1} ligt een ingebedde afbeelding onder een lakvlak "
                "die niet kan worden gecontroleerd."
            )
            continue
        pix = pymupdf.Pixmap(doc, info["xref"])
        if pix.alpha or pix.n > 4:
            pix = pymupdf.Pixmap(pymupdf.csRGB, pix)
        to_image = ~pymupdf.Matrix(info["transform"]) * pymupdf.Matrix(pix.width, pix.height)
        for hit in hits:
            area = (hit * to_image).irect & pix.irect
            if not area.is_empty and not _uniform(pix, area):
                found.add(
                    f"Op pagina {page.number + 1} is een afbeelding onder een lakvlak niet "
                    "leeggemaakt."
                )
                return


def _uniform(pix: pymupdf.Pixmap, area: pymupdf.IRect) -> bool:
    samples = pix.samples_mv
    n, stride = pix.n, pix.stride
    first = None
    for y in range(area.y0, area.y1):
        row = bytes(samples[y * stride + area.x0 * n : y * stride + area.x1 * n])
        if first is None:
            first = row[:n]
        if row != first * (area.x1 - area.x0):
            return False
    return True


def _check_document(doc: pymupdf.Document, found: _Findings) -> None:
    meta = " \n".join(str(v) for k, v in doc.metadata.items() if k != "encryption")
    found.search(meta, "de documenteigenschappen (metadata)")
    found.search(doc.get_xml_metadata() or "", "de XMP-metadata")
    for entry in doc.get_toc(simple=False):
        dest = entry[3] if len(entry) > 3 and isinstance(entry[3], dict) else {}
        found.search(entry[1], "de inhoudsopgave (bladwijzers)")
        target = " ".join(str(dest.get(k) or "") for k in ("uri", "file", "name"))
        found.search_address(target, "de inhoudsopgave (bladwijzers)")
    for name in doc.embfile_names():
        found.add(f"Het document bevat nog een ingesloten bestand ({name}).")
        info = doc.embfile_info(name)
        found.search(" \n".join(str(v) for v in info.values()), "een ingesloten bestand")
        content = doc.embfile_get(name)
        found.search(content.decode("utf-8", errors="replace"), "een ingesloten bestand")
    cat = doc.pdf_catalog()
    for key, message in (
        ("Names", "Het document bevat nog benoemde bestemmingen, bijlagen of JavaScript (Names)."),
        ("AF", "Het document bevat nog een bijlage (/AF)."),
        ("OpenAction", "Het document bevat nog een openingsactie (mogelijk JavaScript)."),
        ("OCProperties", "Het document bevat nog lagen (mogelijk een verborgen laag)."),
        ("PageLabels", "Het document bevat nog paginalabels."),
        ("Outlines", "Het document bevat nog bladwijzers."),
        ("StructTreeRoot", "Het document bevat nog een tagstructuur (vervangende tekst)."),
    ):
        if doc.xref_get_key(cat, key)[0] != "null":
            found.add(message)
    for page in doc:
        if doc.xref_get_key(page.xref, "AF")[0] != "null":
            found.add(f"Pagina {page.number + 1} heeft nog een bijlage (/AF).")


def _skipped_streams(doc: pymupdf.Document) -> set[int]:
    """Image and font-program streams: binary data in which a short string matches by chance."""
    skip: set[int] = set()
    for xref in range(1, doc.xref_length()):
        if doc.xref_is_stream(xref):
            subtype = doc.xref_get_key(xref, "Subtype")[1]
            if subtype in ("/Image", "/Type1C", "/CIDFontType0C", "/OpenType") or any(
                doc.xref_get_key(xref, k)[0] != "null" for k in ("Length1", "Length2", "Length3")
            ):
                skip.add(xref)
        if doc.xref_get_key(xref, "Type")[1] == "/FontDescriptor":
            for key in ("FontFile", "FontFile2", "FontFile3"):
                kind, value = doc.xref_get_key(xref, key)
                if kind == "xref":
                    skip.add(int(value.split()[0]))
    return skip


def _check_objects(doc: pymupdf.Document, found: _Findings) -> None:
    """Walk every object: its source (with decoded strings) and its decompressed stream."""
    skip = _skipped_streams(doc)
    places = _places(doc)
    for xref in range(1, doc.xref_length()):
        try:
            source = doc.xref_object(xref, compressed=False)
        except Exception:
            found.add(f"PDF-object {xref} kan niet worden gelezen.")
            continue
        where = places.get(xref) or (
            f"een bijlage (ingesloten bestand, object {xref})"
            if "/EmbeddedFile" in source
            else f"de interne structuur van het bestand (object {xref})"
        )
        found.search(source + " \n" + " \n".join(pdf_strings(source)), where)
        if not doc.xref_is_stream(xref):
            continue
        if doc.xref_get_key(xref, "Filter")[1] == "/DCTDecode":
            _, meta = split_jpeg_metadata(doc.xref_stream_raw(xref))
            found.search(meta.decode("utf-8", errors="ignore"), f"de beeldmetadata van {where}")
        if xref in skip:
            continue
        try:
            data = doc.xref_stream(xref)
        except Exception:
            data = doc.xref_stream_raw(xref)
        if not data:
            continue
        latin = data.decode("latin-1")
        found.search(latin, f"de gegevensstroom van {where}")
        if not data.isascii():  # for ASCII bytes the UTF-8 reading is the Latin-1 one
            found.search(data.decode("utf-8", errors="ignore"), f"de gegevensstroom van {where}")
        found.search(" \n".join(pdf_strings(latin)), f"de gegevensstroom van {where}")


def _places(doc: pymupdf.Document) -> dict[int, str]:
    """Objects named as a jurist knows them: the page they belong to."""
    where: dict[int, str] = {}
    for page in doc:
        n = page.number + 1
        for xref in page.get_contents():
            where[xref] = f"de opmaakinstructies van pagina {n}"
        for item in page.get_images(full=True):
            where.setdefault(item[0], f"een afbeelding op pagina {n}")
        for item in page.get_xobjects():
            where.setdefault(item[0], f"een ingevoegd object op pagina {n}")
        where.setdefault(page.xref, f"de paginagegevens van pagina {n}")
    return where


def _check_revisions(pdf: bytes, doc: pymupdf.Document, found: _Findings) -> None:
    """Objects outside the current cross-reference table (older revisions) can hold old text."""
    numbers = [int(m.group(1)) for m in _OBJ_HEADER.finditer(pdf)]
    if len(numbers) != len(set(numbers)) or pdf.count(b"startxref") > 1:
        found.add("Het bestand bevat eerdere versies (incrementeel opgeslagen wijzigingen).")
    elif any(n >= doc.xref_length() for n in numbers):
        found.add("Het bestand bevat PDF-objecten buiten de kruisverwijzingstabel.")
