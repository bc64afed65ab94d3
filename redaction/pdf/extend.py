"""Extend accepted redactions to every occurrence of the accepted strings before verifying.

A name accepted on page 1 is also redacted on page 3; a person's name also in its parts (surname
alone, initials + surname), in any case, across line breaks and hyphenation. After this, a
refusal by verification means "this cannot be removed", not "you forgot one". Pure function:
page texts and accepted spans in, extra boxes out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from redaction.types import Box, PageText, RedactionBox

# Dutch and common foreign surname particles ("tussenvoegsels")
PARTICLES = {
    "van", "de", "der", "den", "het", "ter", "ten", "te", "in", "'t", "von", "le", "la", "du",
    "da", "di", "el", "al", "op", "aan", "dos", "das", "del", "bin", "ben", "zu",
}  # fmt: skip
MIN_PART = 3  # a surname part shorter than this is not searched alone


@dataclass(frozen=True)
class Accepted:
    """One accepted redaction: where it is and what it says."""

    page: int
    start: int
    end: int
    text: str
    ground: str
    category: str = ""


def name_parts(name: str) -> list[tuple[str, bool]]:
    """Forms of a person's name besides itself: (form, must_start_capitalised).

    "Johanna de Vries-Bakker" -> "de Vries-Bakker", "Vries-Bakker", "J. de Vries-Bakker"."""
    tokens = name.split()
    if len(tokens) < 2:
        return []
    i = 1
    while i < len(tokens) - 1 and tokens[i].lower() not in PARTICLES:
        i += 1
    if tokens[i].lower() not in PARTICLES:
        i = len(tokens) - 1
    surname = tokens[i:]
    core = [t for t in surname if t.lower() not in PARTICLES] or surname[-1:]
    forms: list[tuple[str, bool]] = []
    given = [t for t in tokens[:i] if t[:1].isalpha() and t.lower() not in PARTICLES]
    if " ".join(surname) != name:
        forms.append((" ".join(surname), True))
    if len(" ".join(core)) >= MIN_PART:
        forms.append((" ".join(core), True))
    if given and not all(len(t.rstrip(".")) == 1 for t in given):
        initials = "".join(t[0].upper() + "." for t in given)
        forms.append((f"{initials} {' '.join(surname)}", True))
        forms.append((f"{given[0][0].upper()}. {' '.join(surname)}", True))
    return [(f, cap) for f, cap in dict.fromkeys(forms) if f.casefold() != name.casefold()]


def _views(text: str) -> list[tuple[str, list[int]]]:
    """The page text as searched, with the index of each character in the original: line breaks
    as spaces; with hyphenation at a line end undone ("Jan-\\nsen" -> "Jansen"); and with the line
    break after a hyphen removed ("Vries-\\nBakker" -> "Vries-Bakker")."""
    views = []
    for mode in ("space", "drop_hyphen", "keep_hyphen"):
        chars: list[str] = []
        index: list[int] = []
        i, n = 0, len(text)
        while i < n:
            c = text[i]
            if mode != "space" and c == "-" and i + 1 < n and text[i + 1] == "\n":
                if mode == "keep_hyphen":
                    chars.append("-")
                    index.append(i)
                i += 2
                continue
            chars.append(" " if c in "\n\t" else c)
            index.append(i)
            i += 1
        views.append(("".join(chars), index))
        if "-\n" not in text:
            break
    return views


def _pattern(form: str) -> str:
    parts = []
    for token in form.split():
        parts.append(
            r"\.?\s*".join(re.escape(p) for p in token.split(".") if p)
            + (r"\." if token.endswith(".") else "")
        )
    return r"\s+".join(parts).replace(r"\.\s+", r"\.\s*")


def line_boxes(page: PageText, start: int, end: int) -> list[Box]:
    """One box per line for the characters ``start:end`` of the page."""
    boxes: list[list[float]] = []
    for box in page.char_boxes[start:end]:
        if box is None:
            continue
        x0, y0, x1, y1 = box
        if boxes:
            last = boxes[-1]
            mid = (y0 + y1) / 2
            if last[1] <= mid <= last[3] and x0 >= last[0] - 1:
                last[0], last[1] = min(last[0], x0), min(last[1], y0)
                last[2], last[3] = max(last[2], x1), max(last[3], y1)
                continue
        boxes.append([x0, y0, x1, y1])
    return [tuple(b) for b in boxes]


def extend_accepted(
    pages: Sequence[PageText], accepted: Iterable[Accepted], *, keep: Iterable[Accepted] = ()
) -> list[RedactionBox]:
    """Boxes for every occurrence of an accepted string (and of a person's name parts) not yet
    covered by an accepted span, on every page; never over a span in ``keep`` (a suggestion a
    person chose to leave readable). Whole accepted strings carry their text (verified across
    the document); a single-word name part only its box (a surname may also be a word)."""
    accepted = list(accepted)
    keep = list(keep)
    kept = {" ".join(k.text.split()).casefold() for k in keep}
    forms: dict[str, tuple[str, str, bool, bool]] = {}  # folded form -> (form, ground, cap, whole)
    for a in accepted:
        text = " ".join(a.text.split())
        if len(text) < MIN_PART:
            continue
        # a string a person left readable somewhere is only checked inside its boxes
        forms.setdefault(text.casefold(), (text, a.ground, False, text.casefold() not in kept))
        if a.category == "person":
            for form, cap in name_parts(text):
                whole = " " in form and form.casefold() not in kept
                forms.setdefault(form.casefold(), (form, a.ground, cap, whole))
    if not forms:
        return []
    ordered = sorted(forms.values(), key=lambda f: -len(f[0]))
    rx = re.compile(
        r"(?<!\w)(?:" + "|".join(f"({_pattern(f[0])})" for f in ordered) + r")(?!\w)",
        re.IGNORECASE,
    )
    covered: dict[int, list[tuple[int, int]]] = {}
    for a in accepted:
        covered.setdefault(a.page, []).append((a.start, a.end))
    for k in keep:
        covered.setdefault(k.page, []).append((k.start, k.end))
    out: list[RedactionBox] = []
    for page in pages:
        spans = covered.setdefault(page.page, [])
        for view, index in _views(page.text):
            for m in rx.finditer(view):
                form, ground, cap, whole = ordered[m.lastindex - 1]
                if cap and not m.group()[:1].isupper():
                    continue
                start, end = index[m.start()], index[m.end() - 1] + 1
                if any(s < end and start < e for s, e in spans):
                    continue
                spans.append((start, end))
                text = page.text[start:end] if whole else ""
                for box in line_boxes(page, start, end):
                    out.append(RedactionBox(page=page.page, rect=box, ground=ground, text=text))
    return out


def extend_redactions(pages: Sequence[PageText], accepted, rejected=()) -> list[RedactionBox]:
    """``extend_accepted`` for stored redactions (objects with page, start, end, text, ground,
    category), as "Lakken toepassen" has them: rejected suggestions stay readable."""

    def spans(rows):
        return [
            Accepted(r.page, r.start, r.end, r.text or "", r.ground, r.category or "") for r in rows
        ]

    return extend_accepted(pages, spans(accepted), keep=spans(rejected))
