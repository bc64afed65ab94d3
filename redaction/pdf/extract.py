"""Text with per-character boxes out of a PDF, OCR for pages without a text layer, page images."""

from __future__ import annotations

import gc
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache

import pymupdf

from redaction.types import Box, PageText

from .errors import UnprocessableDocument
from .ocrfix import fix_ocr_text

# Ligatures are split into their letters (so "fi" is found), whitespace becomes a plain space.
# Glyphs are read, not the /ActualText of tagged PDFs: the replacement text can mask the glyphs
# (the page shows a name, the extraction says "iemand") and gives zero-width boxes.
TEXT_FLAGS = pymupdf.TEXT_MEDIABOX_CLIP | pymupdf.TEXT_IGNORE_ACTUALTEXT
CURVES_MAX_LETTERS = 1500  # pages with more extracted text are not searched for curved text
GLYPH_PATHS = 15  # this many glyph-sized filled shapes on a page may be text drawn as curves
MIN_IMAGE_PT = (36.0, 14.0)  # an image at least this wide and high can show words: it is OCR'd
_ODD = re.compile(r"[^\s!-~\u00a0-\u017f\u2010-\u2027\u20ac]")  # outside Latin text & punctuation
OCR_DPI = 300
TESSDATA_CANDIDATES = (
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tesseract-ocr/4.00/tessdata",
    "/usr/share/tessdata",
    "/usr/local/share/tessdata",
)
WORD_GAP = 0.25  # a gap wider than this share of the font size between two glyphs separates words


def open_pdf(pdf: bytes) -> pymupdf.Document:
    """Open PDF bytes; a broken file raises the same Dutch error as intake."""
    try:
        return pymupdf.open(stream=pdf, filetype="pdf")
    except Exception:
        raise UnprocessableDocument(
            "corrupt", "De PDF is beschadigd of onvolledig en kan niet worden gelezen."
        )


def page_count(pdf: bytes) -> int:
    """Number of pages."""
    with open_pdf(pdf) as doc:
        return doc.page_count


def find_tessdata(language: str = "nld") -> str | None:
    """The tessdata folder holding every language of ``language`` ("nld" or "nld+eng"), or None."""
    candidates = [os.environ.get("TESSDATA_PREFIX", ""), *TESSDATA_CANDIDATES]
    wanted = [lang for lang in language.split("+") if lang]
    for folder in candidates:
        if folder and all(
            os.path.isfile(os.path.join(folder, f"{lang}.traineddata")) for lang in wanted
        ):
            return folder
    return None


def ocr_mode(page: pymupdf.Page, plain: str) -> str | None:
    """How a page must be read: None (its text layer), "full" (a scan, outlined text, or an
    invisible OCR layer over an image that may be shifted: OCR the page), "images" (a text page
    showing an image large enough to hold words: OCR the images too), "suspect" (the text layer
    may be garbage: OCR it and compare). Cheap signals only; pure text pages cost no OCR."""
    has_images = bool(page.get_images(full=False))
    if not plain.strip():
        return "full" if has_images or page.get_drawings() else None
    if has_images:
        big = [
            i
            for i in page.get_image_info()
            if i["bbox"][2] - i["bbox"][0] >= MIN_IMAGE_PT[0]
            and i["bbox"][3] - i["bbox"][1] >= MIN_IMAGE_PT[1]
        ]
        if big:
            if all(t.get("type") == 3 for t in page.get_texttrace()):
                return "full"  # only invisible text: an OCR layer, trusted no more than its image
            return "images"
    if suspect_text_layer(page, plain):
        return "suspect"
    return None


def suspect_text_layer(page: pymupdf.Page, plain: str) -> bool:
    """Signals that the text layer does not say what the page shows: replacement characters,
    many characters outside Latin text, Type3 fonts, composite fonts without ToUnicode, or far
    more vector paths than text (text drawn as curves)."""
    if "\ufffd" in plain:
        return True
    letters = len(plain) - plain.count(" ") - plain.count("\n")
    if letters and _ODD.search(plain) and len(_ODD.findall(plain)) * 10 > letters:
        return True
    doc = page.parent
    for xref, _ext, kind, *_rest in page.get_fonts(full=False):
        if kind == "Type3":
            return True
        if kind == "Type0" and doc.xref_get_key(xref, "ToUnicode")[0] == "null":
            return True
    if _unreadable_line(plain):
        return True
    # text drawn as curves: many filled shapes of a glyph's size (rules and cell fills are
    # thinner or wider). Looked for on pages with little text only: running the page once more
    # for its drawing boxes cost a tenth of extraction on full text pages.
    if letters >= CURVES_MAX_LETTERS:
        return False
    glyph_like = 0
    for kind, (x0, y0, x1, y1) in page.get_bboxlog():
        if kind == "fill-path" and 3 <= y1 - y0 <= 40 and 1 <= x1 - x0 <= 40:
            glyph_like += 1
            if glyph_like >= GLYPH_PATHS:
                return True
    return False


_WORD = re.compile(r"[^\W\d_]{4,}")
_LONG_WORD = re.compile(r"[^\W\d_]{5,}")


@lru_cache(maxsize=65536)
def _known(word: str) -> bool:
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # pragma: no cover - wordfreq is installed with the detectors
        return True
    return zipf_frequency(word.casefold(), "nl") > 0


def _unreadable_line(plain: str, *, limit: int = 60) -> bool:
    """A line of three or more long words none of which is a Dutch (or common loan) word: what a
    lying ToUnicode map gives ("Bbowsbhfs Kpiboob"). Only the first ``limit`` lines are looked at."""
    for line in plain.split("\n")[:limit]:
        words = _LONG_WORD.findall(line)
        if len(words) >= 3 and not any(_known(w) for w in words[:6]):
            return True
    return False


def layer_disagrees(layer: str, ocr: str) -> bool:
    """The OCR reads words the text layer does not have: at least two, and a tenth of them."""
    have = {w.casefold() for w in _WORD.findall(layer)}
    seen = [w.casefold() for w in _WORD.findall(ocr)]
    missing = [w for w in seen if w not in have]
    return len(missing) >= 2 and len(missing) * 10 >= len(seen)


def needs_ocr(page: pymupdf.Page) -> bool:
    """No text layer, yet something is drawn (a scan or outlined text): OCR may find words."""
    if page.get_text("text", flags=TEXT_FLAGS).strip():
        return False
    return bool(page.get_images(full=False)) or bool(page.get_drawings())


@contextmanager
def _gc_paused() -> Iterator[None]:
    """rawdict builds hundreds of thousands of acyclic dicts a page; pausing the cyclic collector
    while they live (refcounting still frees them) doubled extraction speed in a Django process."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def extract_pages(
    pdf: bytes,
    *,
    ocr: bool | str = "auto",
    ocr_language: str = "nld",
    progress: Callable[[int, int], None] | None = None,
) -> list[PageText]:
    """One PageText per page. ``ocr``: "auto" (pages without text), True (all pages) or False."""
    if ocr not in (True, False, "auto"):
        raise ValueError("ocr must be True, False or 'auto'")
    with open_pdf(pdf) as doc:
        if doc.needs_pass:
            raise UnprocessableDocument("encrypted", "De PDF is met een wachtwoord beveiligd.")
        total = doc.page_count
        result: list[PageText] = []
        tessdata: str | None = None
        for number in range(total):
            page = doc[number]
            # one text extraction per page, reused for the OCR decision and the characters
            textpage = page.get_textpage(flags=TEXT_FLAGS) if ocr is not True else None
            mode = "full" if ocr is True else None
            if ocr == "auto":
                mode = ocr_mode(page, textpage.extractText())
            if mode is not None:
                tessdata = tessdata or find_tessdata(ocr_language)
                if tessdata is None:
                    raise UnprocessableDocument(
                        "needs_ocr",
                        f"Pagina {number + 1} heeft geen (bruikbare) tekstlaag en tekstherkenning "
                        f"(OCR, Tesseract met taal '{ocr_language}') is niet geïnstalleerd.",
                    )
                if mode == "suspect":
                    ocr_page = page.get_textpage_ocr(
                        flags=TEXT_FLAGS,
                        language=ocr_language,
                        dpi=OCR_DPI,
                        full=True,
                        tessdata=tessdata,
                    )
                    if layer_disagrees(textpage.extractText(), ocr_page.extractText()):
                        textpage, mode = ocr_page, "full"
                    else:
                        mode = None
                else:
                    textpage = page.get_textpage_ocr(
                        flags=TEXT_FLAGS,
                        language=ocr_language,
                        dpi=OCR_DPI,
                        full=mode == "full",
                        tessdata=tessdata,
                    )
            use_ocr = mode is not None
            with _gc_paused():
                raw = page.get_text("rawdict", flags=TEXT_FLAGS, textpage=textpage)
                text, boxes = layout_text(raw)
                del raw
            if use_ocr:
                text, boxes = fix_ocr_text(text, boxes)
            # Boxes are in unrotated page space (as add_redact_annot takes them); so are these.
            width, height = page.rect.width, page.rect.height
            if page.rotation % 180:
                width, height = height, width
            result.append(
                PageText(
                    page=number,
                    text=text,
                    char_boxes=boxes,
                    width=width,
                    height=height,
                    ocr=use_ocr,
                )
            )
            if progress is not None:
                progress(number + 1, total)
        return result


OCR_FONT = "GlyphLessFont"  # the font MuPDF gives text recognised by Tesseract
OCR_MARGIN_X = 0.15  # share of the glyph height added left and right of an OCR'd glyph
OCR_MARGIN_Y = 0.08  # and above and below: OCR boxes are tight, anti-aliased edges are not


def layout_text(raw: dict) -> tuple[str, tuple[Box | None, ...]]:
    """Text and char boxes from a rawdict: "\\n" between lines, one " " between words.

    A letter-spaced line (character spacing makes every glyph stand apart) is laid out again
    with the line's own letter gap as the unit, so "J a n s e n" reads "Jansen". Glyphs that OCR
    found get a safety margin around their box."""
    chars: list[str] = []
    boxes: list[Box | None] = []
    for line in _ordered_lines(raw):
        if chars and chars[-1] != "\n":
            if chars[-1] == " ":
                chars.pop()
                boxes.pop()
            chars.append("\n")
            boxes.append(None)
        mark = len(chars)
        inferred, glyphs = _layout_line(line, chars, boxes, None)
        if glyphs >= 6 and inferred * 10 >= glyphs * 7:  # about one space per glyph
            gaps = sorted(_gaps(line))
            if gaps:
                del chars[mark:], boxes[mark:]
                _layout_line(line, chars, boxes, gaps[len(gaps) // 2])
    while chars and chars[-1] in (" ", "\n"):
        chars.pop()
        boxes.pop()
    return "".join(chars), tuple(boxes)


def _ordered_lines(raw: dict) -> list[dict]:
    """The text lines in content order, except that a fragment drawn *after* the words to its
    right on the same baseline ("akker" drawn, then "Johanna de Vries-B" just left of it) is put
    back in front of them, so the page's reading order is restored for detection."""
    out: list[dict] = []
    for block in raw.get("blocks", ()):
        if block.get("type") != 0:
            continue
        for line in block.get("lines", ()):
            spans = line.get("spans") or ()
            if not spans or not out:
                out.append(line)
                continue
            x0, _, x1, y1 = line["bbox"]
            size = spans[0].get("size") or 10.0
            for k in range(len(out) - 1, max(-1, len(out) - 5), -1):
                prev = out[k]
                px0, py0, px1, py1 = prev["bbox"]
                if abs(py1 - y1) < 0.2 * size and x1 <= px0 + 1 and px0 - x1 < 0.5 * size:
                    out[k] = {
                        "spans": list(spans) + list(prev.get("spans", ())),
                        "bbox": (x0, min(line["bbox"][1], py0), px1, max(y1, py1)),
                    }
                    break
            else:
                out.append(line)
    return out


def _gaps(line: dict):
    prev = None
    for span in line.get("spans", ()):
        for ch in span.get("chars", ()):
            if ch["c"].isspace():
                continue
            if prev is not None:
                yield ch["bbox"][0] - prev
            prev = ch["bbox"][2]


def _layout_line(line: dict, chars: list, boxes: list, letter_gap: float | None) -> tuple[int, int]:
    """Append one line; return (spaces written, glyphs). The hot loop of extraction
    (one pass per character): locals only."""
    add_char = chars.append
    add_box = boxes.append
    last = chars[-1] if chars else ""
    inferred = glyphs = 0
    prev_x1: float | None = None
    for span in line.get("spans", ()):
        size = span.get("size") or 10.0
        gap = WORD_GAP * size if letter_gap is None else letter_gap + 0.3 * size
        ocr = span.get("font") == OCR_FONT
        for ch in span.get("chars", ()):
            c = ch["c"]
            bbox = ch["bbox"]
            if ocr:
                h = bbox[3] - bbox[1]
                mx, my = max(1.0, h * OCR_MARGIN_X), h * OCR_MARGIN_Y
                bbox = (bbox[0] - mx, bbox[1] - my, bbox[2] + mx, bbox[3] + my)
                x1 = bbox[2] - mx
            else:
                x1 = bbox[2]
            if c.isspace():  # includes U+00A0
                if letter_gap is not None:
                    continue  # letter-spaced: only the gap between glyphs tells the words
                if last and last != " " and last != "\n":
                    add_char(" ")
                    add_box(tuple(bbox))
                    last = " "
                    inferred += 1
                prev_x1 = x1
                continue
            if prev_x1 is not None and bbox[0] + (mx if ocr else 0) - prev_x1 > gap:
                if last and last != " " and last != "\n":
                    add_char(" ")
                    add_box(None)
                    last = " "
                    inferred += 1
            add_char(c)
            add_box(tuple(bbox))
            last = c
            glyphs += 1
            prev_x1 = x1
    return inferred, glyphs


def render_page_png(pdf: bytes, page: int, *, zoom: float = 1.5) -> bytes:
    """PNG image of one page (0-based) for the review screen."""
    with open_pdf(pdf) as doc:
        if not 0 <= page < doc.page_count:
            raise IndexError(f"page {page} out of range (0..{doc.page_count - 1})")
        pix = doc[page].get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False)
        return pix.tobytes("png")
