"""Text with per-character boxes out of a PDF, OCR for pages without a text layer, page images."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pymupdf

from redaction.types import Box, PageText

from .errors import UnprocessableDocument

# Ligatures are split into their letters (so "fi" is found), whitespace becomes a plain space.
TEXT_FLAGS = pymupdf.TEXT_MEDIABOX_CLIP
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
            use_ocr = ocr is True or (
                ocr == "auto"
                and not textpage.extractText().strip()
                and (bool(page.get_images(full=False)) or bool(page.get_drawings()))
            )
            if use_ocr:
                tessdata = tessdata or find_tessdata(ocr_language)
                if tessdata is None:
                    raise UnprocessableDocument(
                        "needs_ocr",
                        f"Pagina {number + 1} heeft geen tekstlaag en tekstherkenning (OCR, "
                        f"Tesseract met taal '{ocr_language}') is niet geïnstalleerd.",
                    )
                textpage = page.get_textpage_ocr(
                    flags=TEXT_FLAGS,
                    language=ocr_language,
                    dpi=OCR_DPI,
                    full=True,
                    tessdata=tessdata,
                )
            with _gc_paused():
                raw = page.get_text("rawdict", flags=TEXT_FLAGS, textpage=textpage)
                text, boxes = layout_text(raw)
                del raw
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


def layout_text(raw: dict) -> tuple[str, tuple[Box | None, ...]]:
    """Text and char boxes from a rawdict: "\\n" between lines, one " " between words."""
    # The hot loop of extraction (one pass per character): locals only, no helper calls.
    chars: list[str] = []
    boxes: list[Box | None] = []
    add_char = chars.append
    add_box = boxes.append
    last = ""  # the last character added ("" before the first)
    for block in raw.get("blocks", ()):
        if block.get("type") != 0:
            continue
        for line in block.get("lines", ()):
            if last and last != "\n":
                if last == " ":
                    chars.pop()
                    boxes.pop()
                add_char("\n")
                add_box(None)
                last = "\n"
            prev_x1: float | None = None
            for span in line.get("spans", ()):
                gap = WORD_GAP * (span.get("size") or 10.0)
                for ch in span.get("chars", ()):
                    c = ch["c"]
                    bbox = ch["bbox"]
                    if c.isspace():  # includes U+00A0
                        if last and last != " " and last != "\n":
                            add_char(" ")
                            add_box(tuple(bbox))
                            last = " "
                        prev_x1 = bbox[2]
                        continue
                    if prev_x1 is not None and bbox[0] - prev_x1 > gap:
                        if last and last != " " and last != "\n":
                            add_char(" ")
                            add_box(None)
                    add_char(c)
                    add_box(tuple(bbox))
                    last = c
                    prev_x1 = bbox[2]
    while chars and chars[-1] in (" ", "\n"):
        chars.pop()
        boxes.pop()
    return "".join(chars), tuple(boxes)


def render_page_png(pdf: bytes, page: int, *, zoom: float = 1.5) -> bytes:
    """PNG image of one page (0-based) for the review screen."""
    with open_pdf(pdf) as doc:
        if not 0 <= page < doc.page_count:
            raise IndexError(f"page {page} out of range (0..{doc.page_count - 1})")
        pix = doc[page].get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False)
        return pix.tobytes("png")
