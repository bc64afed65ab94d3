"""Propose a document's title, date and kind from the document itself (issue 13, item 1).

Pure reading, no writes: the adviser confirms a proposal in the Documenten tab, which saves it
through cases.services.documents.document_update. Sources, most reliable first:
- an e-mail (.eml): its Subject and Date headers;
- the text of a letter or memo: a "Datum:" and "Onderwerp:" line (or "Betreft:");
- the original PDF's own metadata (Title, CreationDate), read from the original as uploaded,
  before the release copy is stripped of metadata.
"""

from __future__ import annotations

import email
import email.policy
import re
from dataclasses import dataclass
from datetime import date
from pathlib import PurePath

MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("januari", "jan"),
            ("februari", "feb"),
            ("maart", "mrt", "mar"),
            ("april", "apr"),
            ("mei",),
            ("juni", "jun"),
            ("juli", "jul"),
            ("augustus", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "okt", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}
_LABEL_DATE = re.compile(r"^\s*(?:datum|date|verzonden|sent)\s*[:.]?\s+(.+)$", re.I | re.M)
_LABEL_SUBJECT = re.compile(r"^\s*(?:onderwerp|betreft|subject)\s*[:.]\s*(.+)$", re.I | re.M)
_DMY_WORDS = re.compile(r"\b(\d{1,2})\s+([a-z]{3,9})\.?\s+(\d{4})\b", re.I)
_DMY_NUM = re.compile(r"\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_PDF_DATE = re.compile(r"D:(\d{4})(\d{2})(\d{2})")


@dataclass(frozen=True)
class Proposal:
    title: str = ""
    date: date | None = None
    doc_type: str = ""
    source: str = ""  # Dutch, shown to the adviser: where the proposal comes from

    def __bool__(self) -> bool:
        return bool(self.title or self.date or self.doc_type)


def parse_dutch_date(text: str) -> date | None:
    """The first date in `text`: "12 maart 2026", "12-3-2026", "2026-03-12"."""
    candidates = []
    for m in _DMY_WORDS.finditer(text):
        month = MONTHS.get(m.group(2).lower())
        if month:
            candidates.append((m.start(), int(m.group(3)), month, int(m.group(1))))
    for m in _DMY_NUM.finditer(text):
        candidates.append((m.start(), int(m.group(3)), int(m.group(2)), int(m.group(1))))
    for m in _ISO.finditer(text):
        candidates.append((m.start(), int(m.group(1)), int(m.group(2)), int(m.group(3))))
    for _pos, y, mo, d in sorted(candidates):
        try:
            found = date(y, mo, d)
        except ValueError:
            continue
        if 1900 < found.year < 2100:
            return found
    return None


def _clean_title(text: str) -> str:
    text = re.sub(r"\s+", " ", text or "").strip().strip('"').strip()
    text = re.sub(r"^(?:(?:re|fw|fwd|antw|doorst)\s*:\s*)+", "", text, flags=re.I)
    return text[:300]


def from_email(data: bytes) -> Proposal:
    msg = email.message_from_bytes(data, policy=email.policy.default)
    subject = _clean_title(str(msg.get("Subject", "") or ""))
    sent = None
    header = msg.get("Date")
    if header is not None:
        try:
            sent = header.datetime.date()
        except (AttributeError, TypeError, ValueError):
            sent = None
    return Proposal(
        title=subject, date=sent, doc_type="email", source="e-mail: onderwerp en verzenddatum"
    )


def from_text(text: str) -> Proposal:
    """A letter's or memo's "Datum:" and "Onderwerp:" lines."""
    head = (text or "")[:4000]
    title = ""
    found = None
    if m := _LABEL_SUBJECT.search(head):
        title = _clean_title(m.group(1))
    if m := _LABEL_DATE.search(head):
        found = parse_dutch_date(m.group(1))
    doc_type = ""
    if re.search(r"^\s*(?:van|from)\s*:.+^\s*(?:aan|to)\s*:", head, re.I | re.M | re.S):
        doc_type = "email"
    elif re.search(r"\b(memo|nota)\b", head[:300], re.I):
        doc_type = "memo"
    elif re.search(r"\b(notulen|verslag)\b", head[:300], re.I):
        doc_type = "notulen"
    elif title and re.search(r"^\s*geachte\b", head, re.I | re.M):
        doc_type = "brief"
    return Proposal(title=title, date=found, doc_type=doc_type, source="tekst: Datum en Onderwerp")


def from_pdf_metadata(data: bytes) -> Proposal:
    import pymupdf

    try:
        with pymupdf.open(stream=data, filetype="pdf") as pdf:
            meta = pdf.metadata or {}
    except Exception:  # an unreadable PDF proposes nothing
        return Proposal()
    title = _clean_title(meta.get("title") or "")
    if title.lower() in ("untitled", "naamloos", "document", "microsoft word"):
        title = ""
    found = None
    for key in ("creationDate", "modDate"):
        if m := _PDF_DATE.search(meta.get(key) or ""):
            try:
                found = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
                break
            except ValueError:
                continue
    return Proposal(title=title, date=found, source="PDF-metadata (titel, aanmaakdatum)")


def pdf_text(data: bytes, pages: int = 2) -> str:
    import pymupdf

    try:
        with pymupdf.open(stream=data, filetype="pdf") as pdf:
            return "\n".join(pdf[i].get_text() for i in range(min(pages, pdf.page_count)))
    except Exception:
        return ""


def propose(*, name: str, original: bytes | None, pdf: bytes | None) -> Proposal:
    """The best proposal for a document, merged field by field from the sources in order."""
    suffix = PurePath(name or "").suffix.lower()
    sources: list[Proposal] = []
    if original and suffix == ".eml":
        sources.append(from_email(original))
    text_source = pdf or (original if suffix == ".pdf" else None)
    if text_source:
        sources.append(from_text(pdf_text(text_source)))
    if original and suffix == ".pdf":
        sources.append(from_pdf_metadata(original))
    title = next((s for s in sources if s.title), None)
    when = next((s for s in sources if s.date), None)
    kind_source = next((s for s in sources if s.doc_type), None)
    kind = kind_source.doc_type if kind_source else ""
    used = []
    for s in (title, when, kind_source):
        if s is not None and s.source not in used:
            used.append(s.source)
    return Proposal(
        title=title.title if title else "",
        date=when.date if when else None,
        doc_type=kind,
        source="; ".join(used),
    )


def looks_like_file_name(title: str, original_name: str) -> bool:
    """Whether a document is still named after its file ("01_email_CAS_overleg")."""
    stem = PurePath(original_name or "").stem
    return bool(stem) and (title == stem or title == original_name or "_" in title)
