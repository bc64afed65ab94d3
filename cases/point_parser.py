"""Request text -> numbered points, and the "Ad N" labels of Dutch decision practice: pure."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

# Markers at line start after optional whitespace. Numbers and letters may stand alone on their
# line (OCR detaches them from their text); a bullet needs text after it.
_NUMBER = re.compile(r"^\s*(\(\d{1,3}\)|\d{1,3}[.)])(?:\s+|$)")
_LETTER = re.compile(r"^\s*(\([a-z]\)|[a-z][.)])(?:\s+|$)", re.IGNORECASE)
_BULLET = re.compile(r"^\s*([-•*–·▪])\s+")
_KINDS = (("number", _NUMBER), ("letter", _LETTER), ("bullet", _BULLET))

# Opening words of the sentences that close a request rather than continue its last point.
_CLOSING_OPENINGS = (
    "graag",
    "ik ontvang",
    "ik verneem",
    "ik zie uw",
    "bij voorbaat",
    "alvast bedankt",
    "dank u",
    "met vriendelijke",
    "hoogachtend",
    "mocht u",
)
_SENTENCE_END = (".", ";", "?", "!")
_QUOTES = " \"'”’“»"


@dataclass(frozen=True)
class ParsedPoint:
    number: int  # 1-based, renumbered sequentially in document order
    marker: str  # as written: "1.", "1)", "(1)", "a.", "-", "•", "*"; "" when unnumbered
    text: str  # continuation lines joined with single spaces, whitespace normalised


@dataclass
class _Draft:
    marker: str
    parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return normalise(" ".join(self.parts))


def normalise(text: str) -> str:
    """Collapse all runs of whitespace into single spaces and strip the ends."""
    return re.sub(r"\s+", " ", text).strip()


def find_marker(line: str) -> tuple[str, str, str] | None:
    """(kind, marker, rest of the line) when the line starts a list item, else None."""
    for kind, pattern in _KINDS:
        match = pattern.match(line)
        if match:
            return kind, match.group(1), line[match.end() :].strip()
    return None


def _ends_sentence(text: str) -> bool:
    return text.rstrip(_QUOTES).endswith(_SENTENCE_END)


def _is_closing_phrase(line: str) -> bool:
    return line.lstrip(_QUOTES).lower().startswith(_CLOSING_OPENINGS)


def _starts_closing(line: str, previous: str, after_blank: bool) -> bool:
    """Does this line, after the current last point, open a closing sentence of the request?

    It must start with a capital and follow a point that ended its sentence (';', '.', '?', '!',
    possibly before a closing quote), and either be separated from it by a blank line or open with
    a typical closing phrase ("Graag ontvang ik ...", "Bij voorbaat dank").
    """
    first = line.lstrip(_QUOTES)[:1]
    return (
        first.isupper() and _ends_sentence(previous) and (after_blank or _is_closing_phrase(line))
    )


def _list_level(found: Sequence[tuple[str, str, str] | None]) -> str | None:
    """The kind of the first marker that really opens a list.

    A letter opens a list only as "a" followed later by a "b" marker, so that an initial at a
    line start in the intro ("J. de Vries") does not make the numbered points sub-items.
    """
    for index, marker in enumerate(found):
        if marker is None:
            continue
        if marker[0] != "letter":
            return marker[0]
        if marker[1].strip("().").lower() == "a" and any(
            later is not None and later[0] == "letter" and later[1].strip("().").lower() == "b"
            for later in found[index + 1 :]
        ):
            return "letter"
    return None


# Kamervragen (issue 14): "Vraag 4" as a heading, also as published with Markdown emphasis or a
# heading mark ("#### **Vraag 4**"), optionally with the question on the same line ("Vraag 4: ...").
_VRAAG = re.compile(
    r"^\s*(?:#+\s*)?(?:\*\*)?\s*vraag\s+(\d{1,3})\s*(?:\*\*)?\s*[.:)]?\s*(.*)$", re.I
)
# The heading that starts the answer: the question ends there.
_ANTWOORD = re.compile(r"^\s*(?:#+\s*)?(?:\*\*)?\s*antwoord(?:en)?\b", re.I)
# Page furniture of a letter as published (colofon repeated per page, separators, footnotes).
_FURNITURE = re.compile(
    r"^(?:datum|onze referentie|uw referentie|ons kenmerk|uw kenmerk|directoraat|directie|"
    r"portefeuille|retouradres|pagina|bijlage|---|<sup>|\d{1,3}$)",
    re.I,
)
_MARKUP = re.compile(r"\*\*|__|<[^>]+>|^#+\s*")


def _plain(text: str) -> str:
    return normalise(_MARKUP.sub("", text.replace("\u00a0", " ")))


def parse_questions(text: str) -> list[ParsedPoint]:
    """The questions of a set of Kamervragen, from "Vraag N" headings; [] when there are none.

    A question runs from its heading to the next "Vraag" heading or to the heading of its answer
    ("Antwoord op vraag N"), across paragraphs; page furniture of a published answer letter
    (Datum, Onze referentie, the organisation's block, footnotes) is left out. The numbers are
    kept as written ("Vraag 4" is question 4); when they repeat, they are numbered 1..n."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    drafts: list[tuple[str, list[list[str]]]] = []  # (number, paragraphs of lines)
    collecting = False
    for line in lines:
        match = _VRAAG.match(line)
        if match:
            rest = match.group(2).strip()
            drafts.append((match.group(1), [[rest]] if rest.strip("* ") else [[]]))
            collecting = True
            continue
        if not drafts:
            continue
        if _ANTWOORD.match(line):
            collecting = False
            continue
        if not collecting:
            continue
        paragraphs = drafts[-1][1]
        if not line.strip():
            if paragraphs[-1]:
                paragraphs.append([])
            continue
        paragraphs[-1].append(line)
    points = []
    for number, paragraphs in drafts:
        kept = [
            _plain(" ".join(p))
            for p in paragraphs
            if p
            and not _FURNITURE.match(_plain(" ".join(p)))
            and not re.fullmatch(r"[\d\s]*\d{4}\s*", _plain(" ".join(p)))
        ]
        body = normalise(" ".join(k for k in kept if k))
        if body:
            points.append((int(number), f"Vraag {number}", body))
    numbers = [n for n, _, _ in points]
    if len(set(numbers)) != len(numbers) or any(n < 1 for n in numbers):
        return [ParsedPoint(i, m, t) for i, (_n, m, t) in enumerate(points, start=1)]
    return [ParsedPoint(n, m, t) for n, m, t in points]


def parse_points(text: str) -> list[ParsedPoint]:
    """Split a request into its points.

    Heuristics, in order:
    - The list level is the kind of the first marker in the text (numbers, letters or bullets;
      see `_list_level` for letters); markers of another kind stay inside the current point (a lettered sub-list in point 3 is
      part of point 3). Text before the first marker is an intro, not a point.
    - A line without a marker continues the current point, also after blank lines (OCR spacing).
    - A closing sentence is held apart (see `_starts_closing`); if another marker follows it, it
      was a continuation after all and is put back into the point. Whatever is held at the end of
      the text is dropped: it is not a point.
    - OCR layout (seed 000): markers alone on their lines, their paragraphs after them. The k-th
      paragraph (blank-line separated) after a run of bare markers belongs to the k-th bare
      marker; paragraphs beyond the bare markers, before the next marker, are points whose
      numbers OCR lost (marker ""), unless they open with a closing phrase.
    - No marker at all: the whole text is one point (number 1, marker "").
    Points are numbered 1..n in document order; `marker` keeps what was written.
    - "Vraag N" headings (Kamervragen, issue 14): see `parse_questions`.
    """
    if any(
        _VRAAG.match(line) and not _VRAAG.match(line).group(2).strip("* ")
        for line in text.splitlines()
    ):
        questions = parse_questions(text)
        if questions:
            return questions
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    found = [find_marker(line) for line in lines]
    level = _list_level(found)
    if level is None:
        whole = normalise(text)
        return [ParsedPoint(1, "", whole)] if whole else []

    drafts: list[_Draft] = []
    waiting: list[_Draft] = []  # bare markers still waiting for their paragraph
    paragraphs = False  # inside a run of bare markers and their paragraphs
    paragraph: _Draft | None = None  # the draft the current paragraph is filling
    held: list[str] = []  # a possible closing sentence after the last point
    after_blank = False

    for line, marker in zip(lines, found):
        stripped = line.strip()
        if marker is not None and marker[0] == level:
            if held:
                drafts[-1].parts.extend(held)  # a marker follows: it was a continuation
                held = []
            draft = _Draft(marker[1], [marker[2]] if marker[2] else [])
            drafts.append(draft)
            if marker[2]:
                paragraphs, waiting = False, []
            else:
                if not paragraphs:
                    waiting = []
                paragraphs = True
                waiting.append(draft)
            paragraph, after_blank = None, False
            continue
        if not drafts:
            continue  # intro
        if not stripped:
            after_blank, paragraph = True, None
            continue
        if held:
            held.append(stripped)
        elif paragraphs:
            if paragraph is None:
                if waiting:
                    paragraph = waiting.pop(0)
                elif _is_closing_phrase(stripped) and _ends_sentence(drafts[-1].text):
                    held.append(stripped)
                else:
                    paragraph = _Draft("")
                    drafts.append(paragraph)
            if paragraph is not None:
                paragraph.parts.append(stripped)
        elif _starts_closing(stripped, drafts[-1].text, after_blank):
            held.append(stripped)
        else:
            drafts[-1].parts.append(stripped)
        after_blank = False

    kept = [(draft.marker, draft.text) for draft in drafts]
    kept = [(marker, body) for marker, body in kept if body]
    return [ParsedPoint(n, marker, body) for n, (marker, body) in enumerate(kept, start=1)]


def answer_label(point_numbers: Iterable[int]) -> str:
    """'Ad 6', 'Ad 8 en 9', 'Ad 6, 7, 8, 12 en 14': ascending, duplicates removed, no ranges."""
    numbers = sorted({int(n) for n in point_numbers})
    if not numbers:
        raise ValueError("Een antwoord hoort bij minstens één punt.")
    if numbers[0] < 1:
        raise ValueError("Puntnummers beginnen bij 1.")
    if len(numbers) == 1:
        return f"Ad {numbers[0]}"
    return "Ad " + ", ".join(str(n) for n in numbers[:-1]) + f" en {numbers[-1]}"


def kamer_answer_label(question_numbers: Iterable[int]) -> str:
    """'Antwoord op vraag 1', 'Antwoord op vraag 2 en 3', 'Antwoord op vraag 2, 3 en 4': the
    Kamervragen form of "Ad 8 en 9" (issue 14)."""
    numbers = answer_label(question_numbers)[len("Ad ") :]
    return f"Antwoord op vraag {numbers}"


def answer_sort_key(point_numbers: Iterable[int]) -> tuple[int, ...]:
    """Answers are ordered by their lowest point, then by the rest (ascending, no duplicates)."""
    return tuple(sorted({int(n) for n in point_numbers}))


def split_point(text: str, at: int) -> tuple[str, str]:
    """Split a point's text at a character offset into two stripped, non-empty halves."""
    if not 0 <= at <= len(text):
        raise ValueError("Splitsen kan alleen binnen de tekst van het punt.")
    first, second = text[:at].strip(), text[at:].strip()
    if not first or not second:
        raise ValueError("Splitsen kan alleen binnen de tekst: beide delen moeten tekst bevatten.")
    return first, second


def renumber(numbers: Sequence[int]) -> list[int]:
    """Numbers 1..n for the given numbers, keeping their order."""
    return list(range(1, len(numbers) + 1))
