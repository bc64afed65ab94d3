"""Who stays readable: names introduced by a public office or a party, and configured officials."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from redaction.detect import lexicon
from redaction.detect.namewords import FULL_NAME, FULL_NAME_RX, TITLE_WORDS, looks_like_name, trim

PARTY_AFTER = re.compile(r"^[ \t]*\(([\w-]{2,15})\)")


@dataclass(frozen=True)
class OfficePatterns:
    before: re.Pattern  # "minister van Financiën, de heer " right before a name
    after: re.Pattern  # ", wethouder" / "(burgemeester)" right after a name
    name: re.Pattern  # "minister Hoekstra", "de burgemeester van Utrecht, mevrouw Dijksma"
    line_before: re.Pattern  # "Portefeuillehouder Digitalisering\nTheo van der Plas"
    line_after: re.Pattern  # "Theo van der Plas\nPortefeuillehouder Digitalisering"


@lru_cache(maxsize=8)
def office_patterns(offices: tuple[str, ...]) -> OfficePatterns:
    """The regexes for one list of offices (DetectionConfig.public_offices), built once."""
    alt = "|".join(sorted((re.escape(o) for o in offices if o.strip()), key=len, reverse=True))
    alt = alt or r"(?!x)x"
    return OfficePatterns(
        before=re.compile(
            rf"(?:{alt})(?:\s+(?:van|voor)\s+[\w\s&-]{{1,60}}?)?[,:]?\s*(?:\((?:\w+)\)\s*)?"
            r"(?:(?:de\s+heer|mevrouw|dhr\.|mw\.)\s+)?$",
            re.IGNORECASE,
        ),
        after=re.compile(rf"^\s*(?:\((?:\w+)\))?\s*,?\s*\(?(?:de\s+)?(?:{alt})\b", re.IGNORECASE),
        name=re.compile(
            rf"(?<![\w-])(?i:{alt})(?![\w-])(?:[ \t]+(?:van|voor)(?:[ \t]+[\w&'-]+){{1,4}}?)?"
            rf"[ \t]*,?[ \t]*(?:(?i:{TITLE_WORDS})[ \t]+)*({FULL_NAME})"
        ),
        # "Portefeuillehouder X\nName", and the signature of one office holder, where a blank
        # line may stand between "De Minister van ...," and the name (not "namens ... wethouders")
        line_before=re.compile(
            rf"(?m)^[ \t]*(?:(?:(?i:de)[ \t]+)?(?i:{alt})(?![\w-])[^\n]{{0,60}}\n"
            rf"|(?i:de)[ \t]+(?i:{alt})(?![\w-])[^\n]{{0,80}},[ \t]*\n(?:[ \t]*\n){{1,2}})"
            r"[ \t]*([^\n]{2,60}?)[ \t]*$"
        ),
        line_after=re.compile(
            rf"(?m)^[ \t]*([^\n]{{2,60}}?)[ \t]*\n[ \t]*(?:(?i:de)[ \t]+)?(?i:{alt})(?![\w-])"
        ),
    )


def office_holders(text: str, offices: tuple[str, ...] = lexicon.PUBLIC_OFFICES) -> list[str]:
    """Names introduced by a public office anywhere in the text: readable in the whole case."""
    rx = office_patterns(offices)
    found: list[str] = []
    for m in rx.name.finditer(text):
        start, end = trim(text, m.start(1), m.end(1))
        name = text[start:end]
        if name and looks_like_name(name, strict=False):
            found.append(name)
    for line_rx in (rx.line_before, rx.line_after):
        for m in line_rx.finditer(text):
            line = " ".join(re.sub(r"\([^)\n]*\)", " ", m.group(1)).split()).rstrip(",")
            line = re.sub(rf"^(?i:{TITLE_WORDS})[ \t]+", "", line)
            if FULL_NAME_RX.fullmatch(line) and looks_like_name(line, strict=False):
                found.append(line)
    return found


@lru_cache(maxsize=8)
def _any_office(offices: tuple[str, ...]) -> re.Pattern:
    alt = "|".join(sorted((re.escape(o) for o in offices if o.strip()), key=len, reverse=True))
    return re.compile(rf"(?i:\b(?:{alt or '(?!x)x'})\b|\((?:{'|'.join(lexicon.PARTIES)})\))")


def mentions_office(text: str, offices: tuple[str, ...] = lexicon.PUBLIC_OFFICES) -> bool:
    """Cheap pre-check: no office word and no party on the page, no name introduced by one."""
    return _any_office(offices).search(text) is not None


def introduced_by_office(
    text: str, start: int, end: int, offices: tuple[str, ...] = lexicon.PUBLIC_OFFICES
) -> bool:
    """The name at start..end stands next to a public office or a party ("El Khatib (GL)")."""
    rx = office_patterns(offices)
    after = text[end : end + 40]
    party = PARTY_AFTER.match(after)
    if party and party.group(1).lower() in lexicon.PARTIES:
        return True
    before = text[max(0, start - 90) : start]
    blank = BLANK_LINE.search(before)
    while blank:  # the office must stand in the same block: not the college above a signature
        before = before[blank.end() :]
        blank = BLANK_LINE.search(before)
    if COLLEGE.search(before):
        before = (
            ""  # "namens burgemeester en wethouders,": the signing body, not the person's office
        )
    return bool(rx.before.search(before) or rx.after.match(after))


BLANK_LINE = re.compile(r"\n[ \t]*\n")
COLLEGE = re.compile(
    r"(?i:namens|burgemeester\s+en\s+wethouders|gedeputeerde\s+staten|het\s+college)"
)


@lru_cache(maxsize=16384)
def person_key(name: str) -> tuple[str, str]:
    """(surname without tussenvoegsels, initials): "Vries, J.P. de" -> ("vries", "JP");
    "mevrouw E.M. de Vries" -> ("vries", "EM"); "Martin (M.S.R.) Sitalsing" -> ("sitalsing", "M")."""
    name = " ".join(re.sub(r"\([^)]*\)", " ", name).split())
    rev = re.fullmatch(r"([^,]+),\s*(.+)", name)
    if rev:
        given_part = [t for t in rev.group(2).split() if t.lower() not in lexicon.INTERFIXES]
        surname_part = rev.group(1)
    else:
        name = re.sub(rf"^(?:(?i:{TITLE_WORDS})[ \t]+)+", "", name)
        words = name.split()
        start = len(words) - 1
        for i, w in enumerate(words[:-1]):
            if w.lower() in lexicon.INTERFIXES:
                start = i
                break
        given_part, surname_part = words[:start], " ".join(words[start:])
    core = [w for w in surname_part.split() if w.lower() not in lexicon.INTERFIXES]
    initials = ""
    for token in given_part:
        pieces = [p for p in re.split(r"[.\-]+", token) if p]
        initials += "".join(p[0].upper() for p in pieces if p[0].isalpha())
    return " ".join(core).lower(), initials


class Officials:
    """Configured public officials and office holders found in the case; a mention is the same
    person when the surname matches and the initials do not contradict. A surname alone is
    covered by a configured official, or by an office holder found in the SAME document: an
    official is known by the full name in an office context, never by a surname learnt in
    another document ("Geachte mevrouw Smit" stays redacted when another file names wethouder
    Smit; issue 10, item 4)."""

    def __init__(self, officials: Sequence[str] = ()):
        self.keys: set[tuple[str, str, bool]] = set()
        self.local: set[tuple[object, str]] = set()  # (document, surname) of office holders
        self.surnames: set[str] = set()
        self.add(officials, configured=True)

    def add(self, officials: Sequence[str], *, configured: bool = False, doc=None) -> None:
        for o in officials:
            surname, initials = person_key(o)
            if surname:
                self.keys.add((surname, initials, configured))
                self.surnames.add(surname)
                if not configured:
                    self.local.add((doc, surname))

    def match(self, candidate: str, doc=None) -> bool:
        if not self.keys:
            return False
        surname, initials = person_key(candidate)
        if surname not in self.surnames:
            return False
        for s, i, configured in self.keys:
            if surname != s:
                continue
            if not initials:  # "De Vries", "mevrouw De Vries": a surname-only mention
                if configured or (doc, surname) in self.local:
                    return True
                continue
            if i and (initials.startswith(i) or i.startswith(initials)):
                return True  # "E. de Vries" is "E.M. de Vries"; "J. de Vries" is someone else
            # "wethouder Bakker" in the text does not cover "Jan Bakker"; a configured
            # surname-only official covers every mention of that surname (organisation policy)
            if not i and configured:
                return True
        return False
