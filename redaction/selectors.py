"""Redaction reads: suggestions per document, page sizes, counts per page, open totals."""

from __future__ import annotations

from collections import Counter

import pymupdf

from cases.models import Document
from redaction.models import Redaction


def redactions_for(document: Document) -> list[Redaction]:
    return list(document.redactions.order_by("page", "start", "id"))


def redaction_as_dict(r: Redaction) -> dict:
    return {
        "id": r.pk,
        "page": r.page,
        "text": r.text,
        "category": r.category,
        "ground": r.ground,
        "boxes": r.boxes,
        "detector": r.detector,
        "reason": r.reason,
        "decision": r.decision,
        "manual": r.manual,
    }


def page_geometry(pdf: bytes) -> list[dict]:
    """Per page: displayed size and the matrices between stored box coordinates (unrotated page
    space, as PyMuPDF redacts) and the displayed image (rotated), for the review screen."""
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        return [
            {
                "width": p.rect.width,
                "height": p.rect.height,
                "rotation": p.rotation,
                "to_view": list(p.rotation_matrix),
                "from_view": list(p.derotation_matrix),
            }
            for p in doc
        ]


def counts_per_page(redactions: list[Redaction]) -> dict[int, dict[str, int]]:
    result: dict[int, Counter] = {}
    for r in redactions:
        result.setdefault(r.page, Counter())[r.decision] += 1
    return {page: dict(c) for page, c in result.items()}


def open_count_for_request(request) -> int:
    return Redaction.objects.filter(document__request=request, decision="open").count()
