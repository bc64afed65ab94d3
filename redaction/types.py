"""Plain data passed between extraction, detection and applying: no ORM, no PyMuPDF objects."""

from __future__ import annotations

from dataclasses import dataclass, field

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in PDF points, origin top-left (PyMuPDF)


@dataclass(frozen=True)
class PageText:
    """The text of one page, with one box per character of ``text``.

    ``page`` is 0-based. ``char_boxes[i]`` is the box of ``text[i]``; characters that are not on the
    page (the ``"\\n"`` between lines, a space inserted between words) carry ``None``.
    """

    page: int
    text: str
    char_boxes: tuple[Box | None, ...]
    width: float = 595.0
    height: float = 842.0
    ocr: bool = False


@dataclass(frozen=True)
class Suggestion:
    """One proposed redaction: a detector suggests, a person decides."""

    page: int
    start: int  # offset into PageText.text
    end: int  # exclusive
    text: str
    category: str  # see redaction.detect.CATEGORIES
    ground: str  # canonical ground code for the regime, e.g. "10.2.e" or "5.1.2e"
    boxes: tuple[Box, ...]  # one box per line the span covers
    detector: str
    detector_version: str
    reason: str  # one line, Dutch: "BSN: voldoet aan de 11-proef"
    score: float = 1.0


@dataclass(frozen=True)
class RedactionBox:
    """An accepted redaction, as the PDF applier takes it."""

    page: int
    rect: Box
    ground: str  # the label printed in the box
    text: str = (
        ""  # the text meant to disappear (used by verification); may be empty for drawn boxes
    )


@dataclass
class RedactionLog:
    """What applying did, per document: feeds the inventory and the audit record."""

    boxes_applied: int = 0
    grounds: dict[str, int] = field(default_factory=dict)  # ground -> count
    pages_by_ground: dict[str, list[int]] = field(default_factory=dict)  # ground -> 1-based pages
    labels_too_small: list[int] = field(
        default_factory=list
    )  # 1-based pages where a label did not fit
    removed: list[str] = field(
        default_factory=list
    )  # what else was stripped: "metadata", "xmp", ...
