"""Request text -> numbered points, and the "Ad N" labels of Dutch decision practice: pure."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# A marker at line start: "1.", "1)", "(1)", "a.", "a)", bullets - • * –
_NUM = re.compile(r"^\s*(?:\((\d{1,3})\)|(\d{1,3})[.)])(?:\s+|$)")
_LETTER = re.compile(r"^\s*(?:\(([a-z])\)|([a-z])[.)])\s+", re.IGNORECASE)
_BULLET = re.compile(r"^\s*([-•*–·▪])\s+")


@dataclass(frozen=True)
class ParsedPoint:
    number: int
    marker: str
    text: str


def _marker(line: str) -> tuple[str, str, str] | None:
    """(kind, marker, rest) for a line that starts a point."""
    m = _NUM.match(line)
    if m:
        return "num", m.group(0).strip(), line[m.end() :]
    m = _LETTER.match(line)
    if m:
        return "letter", m.group(0).strip(), line[m.end() :]
    m = _BULLET.match(line)
    if m:
        return "bullet", m.group(1), line[m.end() :]
    return None


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def parse_points(text: str) -> list[ParsedPoint]:
    """Split a request into its points.

    The top level is the first marker kind that occurs (numbers, letters or bullets); markers of
    another kind inside a point stay inside it (sub-lists). Lines without a marker continue the
    current point, also after a blank line (OCR double spacing). Text before the first marker is an
    intro, not a point. After the last point, a paragraph that follows a blank line, starts with a
    capital and comes after a point ending in ';', '.', '?' or a closing quote is a closing sentence
    ("Graag ontvang ik ...", "De termijn voor deze records ..."), not part of the point; if another
    marker follows, it was a continuation after all and is kept. OCR case (seed 000): markers on
    their own lines followed by paragraphs -> each blank-line-separated paragraph fills the next
    bare marker, and further paragraphs before the next marker are points of their own (their
    numbers were lost). No marker at all: the whole text is one point.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    kinds = [(_marker(line) or (None,))[0] for line in lines]
    top = next((k for k in kinds if k is not None), None)
    if top is None:
        whole = _clean(text)
        return [ParsedPoint(1, "", whole)] if whole else []

    points: list[list] = []  # [marker, [text parts]]
    bare: list[int] = []  # points waiting for their paragraph (marker alone on its line)
    paragraph_mode = False  # after bare markers: each paragraph is a point
    bare_target_open: list[int] = []
    blank_since = False
    in_paragraph = False
    trailing: list[str] = []
    for line in lines:
        found = _marker(line)
        if found and found[0] == top:
            _, marker, rest = found
            if trailing and points:
                points[-1][1].extend(trailing)  # it was a continuation after all
            trailing = []
            points.append([marker, [rest.strip()] if rest.strip() else []])
            if not rest.strip():
                bare.append(len(points) - 1)
                paragraph_mode = True
            else:
                paragraph_mode = False
                bare = []
            blank_since = False
            in_paragraph = False
            continue
        if not points:
            continue  # intro text
        stripped = line.strip()
        if not stripped:
            blank_since = True
            in_paragraph = False
            continue
        if paragraph_mode:
            if in_paragraph:
                target = points[-1] if not bare_target_open else points[bare_target_open[-1]]
                target[1].append(stripped)
            else:
                if bare:
                    idx = bare.pop(0)
                    bare_target_open = [idx]
                else:
                    points.append(["", []])
                    bare_target_open = [len(points) - 1]
                points[bare_target_open[-1]][1].append(stripped)
                in_paragraph = True
            blank_since = False
            continue
        last_text = " ".join(points[-1][1]).rstrip()
        if trailing:
            trailing.append(stripped)
        elif (
            blank_since
            and stripped[:1].isupper()
            and last_text.endswith((";", ".", "?", '"', "”", "."))
            and not found
        ):
            trailing.append(stripped)
        else:
            points[-1][1].append(stripped)
        blank_since = False
    result = []
    for marker, parts in points:
        body = _clean(" ".join(parts))
        if body:
            result.append(ParsedPoint(len(result) + 1, marker, body))
    return result


_CLOSINGS = (
    "graag",
    "ik ontvang",
    "bij voorbaat",
    "met vriendelijke",
    "hoogachtend",
    "dank",
    "alvast",
    "ik verneem",
    "mocht",
)


def _closing(line: str) -> bool:
    return line.strip().lower().startswith(_CLOSINGS)


def answer_label(point_numbers: Iterable[int]) -> str:
    """'Ad 6', 'Ad 8 en 9', 'Ad 6, 7, 8, 12 en 14': ascending, no ranges."""
    numbers = sorted(set(int(n) for n in point_numbers))
    if not numbers:
        raise ValueError("Een antwoord hoort bij minstens één punt.")
    if len(numbers) == 1:
        return f"Ad {numbers[0]}"
    return "Ad " + ", ".join(str(n) for n in numbers[:-1]) + f" en {numbers[-1]}"


def answer_sort_key(point_numbers: Iterable[int]) -> tuple[int, ...]:
    """Answers are ordered by their lowest point, then by the rest."""
    return tuple(sorted(set(int(n) for n in point_numbers)))


def split_point(text: str, at: int) -> tuple[str, str]:
    first, second = text[:at].strip(), text[at:].strip()
    if not first or not second:
        raise ValueError("Splitsen kan alleen binnen de tekst: beide delen moeten tekst bevatten.")
    return first, second


def renumber(numbers: Sequence[int]) -> list[int]:
    return list(range(1, len(numbers) + 1))
