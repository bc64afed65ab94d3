"""Accept-all redaction of one document and the second reader of its output (no ORM).

``accept_all`` turns suggestions into boxes extended to every occurrence; ``second_read`` runs
the detectors again on a redacted PDF (its text and the OCR of scans and images) and returns
what still looks like personal data, per page, for the adviser to see before release.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from redaction.types import PageText, RedactionBox, Suggestion

from .extend import Accepted, extend_accepted
from .extract import extract_pages

REMOVED_LABELS = {  # RedactionLog.removed codes in words for the redaction log (Dutch UI)
    "metadata": "documenteigenschappen (metadata)",
    "xmp": "XMP-metadata",
    "annotations": "opmerkingen en annotaties",
    "form_fields": "formuliervelden",
    "links": "koppelingen (ook mailto:, tel: en bestandsnamen)",
    "thumbnails": "miniaturen",
    "javascript": "JavaScript",
    "embedded_files": "bijlagen (ingesloten bestanden)",
    "outline_entries": "bladwijzers",
    "named_destinations": "benoemde bestemmingen",
    "page_labels": "paginalabels",
    "layers": "lagen en laagnamen",
    "hidden_layer": "inhoud van verborgen lagen",
    "actual_text": "vervangende tekst (ActualText/Alt)",
    "struct_tree": "tagstructuur",
    "offpage_text": "tekst buiten de pagina",
    "ocr_layer": "onzichtbare OCR-tekstlaag van een scan",
    "image_metadata": "beeldmetadata",
    "piece_info": "gegevens van het opmaakprogramma",
    "articles": "artikelstromen",
    "web_capture": "webvastleggingsgegevens",
}


def accept_all(
    pages: Sequence[PageText], suggestions: Sequence[Suggestion]
) -> tuple[list[RedactionBox], list[str]]:
    """Boxes for every suggestion and for every further occurrence of its text (and of a name's
    parts); the strings verification must find nowhere in the output."""
    boxes = [
        RedactionBox(page=s.page, rect=b, ground=s.ground, text=s.text)
        for s in suggestions
        for b in s.boxes
    ]
    accepted = [Accepted(s.page, s.start, s.end, s.text, s.ground, s.category) for s in suggestions]
    boxes += extend_accepted(pages, accepted)
    secrets = sorted({s.text for s in suggestions if s.text})
    return boxes, secrets


@dataclass(frozen=True)
class Finding:
    """Something in a redacted output that still looks like personal data."""

    page: int  # 1-based
    text: str
    category: str
    reason: str


def second_read(pdf: bytes, config) -> list[Finding]:
    """Run the detectors on the *redacted* ``pdf`` (text, and OCR of scans and images): what they
    still find, per page. ``config`` is a ``redaction.detect.DetectionConfig``."""
    from redaction import detect

    pages = extract_pages(pdf)
    found = detect.detect_case({0: pages}, config).get(0, [])
    return sorted(
        (Finding(s.page + 1, s.text, s.category, s.reason) for s in found),
        key=lambda f: (f.page, f.text),
    )
