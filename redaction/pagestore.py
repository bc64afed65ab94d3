"""Page text extracted once per file: stored by the PDF's SHA-256 and the extractor version.

Extraction (and OCR) is the expensive step of analysis. Every later reader of a document's text,
the case-level detection pass, re-analysis after a detector change, the secrets check before
applying, reads the stored copy instead (issue 15 item 1).

Storage: one row per file (``StoredPageText``), one blob: a 4-byte header length, a JSON header
(per page: number, size, OCR flag, offset and length of its chunk) and one zlib chunk per page
holding the UTF-8 text and the character boxes as float64 (NaN for a character without a box).
Boxes are kept exactly as extracted, so suggestions from stored text equal those from fresh text.
A single page can be decoded without the others (``pages_get(..., only={3})``).
"""

from __future__ import annotations

import hashlib
import inspect
import json
import math
import re
import struct
import zlib
from array import array
from collections.abc import Callable, Iterable
from functools import lru_cache

from django.db import IntegrityError, transaction

from redaction.models import StoredPageText
from redaction.pdf import extract_pages
from redaction.types import PageText

FORMAT = 1
_NAN = float("nan")
_WORD = re.compile(r"\w{3,}")


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """Changes whenever the extractor's code or PyMuPDF changes: stored text is then re-made."""
    import pymupdf

    from redaction.pdf import extract, textnorm

    digest = hashlib.sha256()
    for module in (extract, textnorm):
        digest.update(inspect.getsource(module).encode())
    digest.update(pymupdf.VersionBind.encode())
    return f"{FORMAT}.{digest.hexdigest()[:16]}"


def _encode_page(page: PageText) -> bytes:
    text = page.text.encode("utf-8")
    boxes = array("d")
    for b in page.char_boxes:
        if b is None:
            boxes.extend((_NAN, _NAN, _NAN, _NAN))
        else:
            boxes.extend(b)
    return zlib.compress(struct.pack("<I", len(text)) + text + boxes.tobytes(), 6)


def _decode_page(meta: dict, chunk: bytes) -> PageText:
    raw = zlib.decompress(chunk)
    (n,) = struct.unpack_from("<I", raw)
    text = raw[4 : 4 + n].decode("utf-8")
    values = array("d")
    values.frombytes(raw[4 + n :])
    it = iter(values)
    boxes = tuple(
        None if math.isnan(x0) else (x0, y0, x1, y1)
        for x0, y0, x1, y1 in zip(it, it, it, it, strict=True)
    )
    return PageText(
        page=meta["page"],
        text=text,
        char_boxes=boxes,
        width=meta["width"],
        height=meta["height"],
        ocr=meta["ocr"],
    )


def encode(pages: Iterable[PageText]) -> bytes:
    chunks, header, offset = [], [], 0
    for page in pages:
        chunk = _encode_page(page)
        header.append(
            {
                "page": page.page,
                "width": page.width,
                "height": page.height,
                "ocr": page.ocr,
                "off": offset,
                "len": len(chunk),
            }
        )
        chunks.append(chunk)
        offset += len(chunk)
    head = json.dumps({"format": FORMAT, "pages": header}).encode()
    return struct.pack("<I", len(head)) + head + b"".join(chunks)


def decode(blob: bytes, only: set[int] | None = None) -> list[PageText]:
    blob = bytes(blob)
    (n,) = struct.unpack_from("<I", blob)
    head = json.loads(blob[4 : 4 + n])
    base = 4 + n
    return [
        _decode_page(m, blob[base + m["off"] : base + m["off"] + m["len"]])
        for m in head["pages"]
        if only is None or m["page"] in only
    ]


def texts(blob: bytes, only: set[int] | None = None) -> dict[int, str]:
    """Page number -> text, without building the character boxes (cheap)."""
    blob = bytes(blob)
    (n,) = struct.unpack_from("<I", blob)
    head = json.loads(blob[4 : 4 + n])
    base = 4 + n
    result = {}
    for m in head["pages"]:
        if only is None or m["page"] in only:
            raw = zlib.decompress(blob[base + m["off"] : base + m["off"] + m["len"]])
            (size,) = struct.unpack_from("<I", raw)
            result[m["page"]] = raw[4 : 4 + size].decode("utf-8")
    return result


def page_texts(sha256: str, only: set[int] | None = None) -> dict[int, str] | None:
    row = stored(sha256)
    return None if row is None else texts(row.data, only)


def words_of(pages: Iterable[PageText]) -> str:
    words: set[str] = set()
    for page in pages:
        words.update(_WORD.findall(page.text.lower()))
    return " " + " ".join(sorted(words)) + " " if words else ""


def stored(sha256: str) -> StoredPageText | None:
    return (
        StoredPageText.objects.filter(sha256=sha256, extractor_version=extractor_version())
        .defer("words")
        .first()
    )


def pages_get(
    pdf_sha256: str,
    read_pdf: Callable[[], bytes],
    *,
    progress: Callable[[int, int], None] | None = None,
    only: set[int] | None = None,
) -> list[PageText]:
    """The pages of a PDF: from the store, or extracted once (OCR included) and stored.

    Raises ``UnprocessableDocument`` as ``extract_pages`` does; nothing is stored then.
    """
    row = stored(pdf_sha256)
    if row is not None:
        return decode(row.data, only)
    pages = extract_pages(read_pdf(), progress=progress)
    row = StoredPageText(
        sha256=pdf_sha256,
        extractor_version=extractor_version(),
        page_count=len(pages),
        ocr_pages=sum(1 for p in pages if p.ocr),
        data=encode(pages),
        words=words_of(pages),
    )
    try:
        with transaction.atomic():
            row.save()
    except IntegrityError:  # another worker stored the same file first: same text
        pass
    return pages if only is None else [p for p in pages if p.page in only]


def files_with_words(words: Iterable[str]) -> set[str]:
    """The SHA-256 of every stored file whose text holds one of ``words`` (lowercase)."""
    from django.db.models import Q

    query = Q()
    for w in {w.lower() for w in words if len(w) >= 3}:
        query |= Q(words__contains=f" {w} ")
    if not query:
        return set()
    return set(
        StoredPageText.objects.filter(query, extractor_version=extractor_version()).values_list(
            "sha256", flat=True
        )
    )


def file_words(sha256: str) -> set[str]:
    row = (
        StoredPageText.objects.filter(sha256=sha256, extractor_version=extractor_version())
        .values_list("words", flat=True)
        .first()
    )
    return set((row or "").split())
