"""Command-line helpers: run detection and redaction on files without the database."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from redaction import detect
from redaction.pdf import extract_pages, redact_and_verify, to_pdf
from redaction.types import PageText, RedactionBox, Suggestion

SUPPORTED = {".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".eml", ".docx", ".odt"}


def collect_paths(paths: Iterable[str]) -> list[Path]:
    """Files as given, and the supported files inside given folders (sorted)."""
    result: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            result.extend(
                sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED)
            )
        elif p.exists():
            result.append(p)
        else:
            raise FileNotFoundError(f"Bestand of map niet gevonden: {raw}")
    return result


def load_pdf(path: Path) -> bytes:
    return to_pdf(path.read_bytes(), path.name)


def suggest_for_files(
    paths: list[Path], config: detect.DetectionConfig
) -> dict[Path, tuple[bytes, list[PageText], list[Suggestion]]]:
    """Detection across all given files at once, so a name found in one is found in all."""
    loaded: dict[Path, tuple[bytes, list[PageText]]] = {}
    for path in paths:
        pdf = load_pdf(path)
        loaded[path] = (pdf, extract_pages(pdf))
    found = detect.detect_case({p: pages for p, (_, pages) in loaded.items()}, config)
    return {p: (pdf, pages, found.get(p, [])) for p, (pdf, pages) in loaded.items()}


def redact_all(pdf: bytes, suggestions: list[Suggestion]) -> tuple[bytes, object]:
    boxes = [
        RedactionBox(page=s.page, rect=b, ground=s.ground, text=s.text)
        for s in suggestions
        for b in s.boxes
    ]
    secrets = sorted({s.text for s in suggestions if s.text})
    return redact_and_verify(pdf, boxes, secrets=secrets)
