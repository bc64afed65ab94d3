"""Person names by context: titles, headers, signatures, attendee lists, colofon, chat, roles."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from redaction.detect import lexicon
from redaction.detect.namewords import (
    _INTERFIX_ALT,
    FULL_NAME,
    FULL_NAME_RX,
    INITIALS,
    INTERFIX,
    INTERFIX_CAP,
    NAME_WORD,
    NOUN_SUFFIX,
    ORGANISATION_WORDS,
    ROLE_NOUNS,
    TITLE_WORDS,
    add_span,
    candidate_names,
    form_names,
    is_common,
    lexicon_names,
    looks_like_name,
    trim,
)
from redaction.detect.patterns import Span

TITLES = (
    r"de\s+heer|heer|meneer|mijnheer|mevrouw|mevr\.?|mw\.?|dhr\.?|mej\.?|mr\.?|drs\.?|ir\.?|ing\.?|dr\.?|"
    r"prof\.?|ds\.?|bc\.?|collega|geachte\s+heer|geachte\s+mevrouw|beste|hoi|hallo|dag|lieve|"
    r"Mevrouw|De\s+heer|Heer|Mevr\.?|Mw\.?|Dhr\.?|Mr\.?|Drs\.?|Ir\.?|Dr\.?|Prof\.?|Beste|Hoi|Hallo|Dag|Lieve"
)
TITLE_RX = re.compile(rf"(?<![\w])(?:{TITLES})(?:\s+(?:{TITLES}))*\s+({FULL_NAME})")

FIELD_LABELS = (
    "Behandeld door",
    "Contactpersoon",
    "Contact",
    "Auteur",
    "Opgesteld door",
    "Steller",
    "Notulist",
    "Notulen",
    "Voorzitter",
    "Ondertekend door",
    "Afzender",
    "Geadresseerde",
    "Namens",
    "Aanvrager",
    "Melder",
    "Klager",
    "Verzoeker",
    "Gesprekspartner",
    "Eigenaar",
    "Behandelaar",
    "Casemanager",
    "Projectleider",
    "Accounthouder",
    "Ter attentie van",
    "T.a.v.",
    "t.a.v.",
    "Attn",
    "Gezien door",
    "Paraaf",
    "Akkoord",
    "Getekend",
    "Beoordeeld door",
    "Gecontroleerd door",
    "Naam",
    "Naam verzoeker",
    "Naam aanvrager",
    "Naam melder",
    "Naam medewerker",
    "Ondertekenaar",
    "Gemachtigde",
    "Kind",
    "Moeder",
    "Vader",
    "Partner",
    "Echtgenoot",
    "Echtgenote",
    "Betrokkene",
    "Cliënt",
    "Client",
    "Bewoner",
    "Huurder",
    "Bezwaarmaker",
    "Belanghebbende",
    "Toezichthouder",
    "Klantmanager",
    "Consulent",
    "Initiatiefnemer",
    "Contactpersoon gemeente",
)
NO_COLON_LABELS = (
    "Behandeld door",
    "Ter attentie van",
    "T.a.v.",
    "t.a.v.",
    "Namens",
    "Opgesteld door",
)
FIELD_RX = re.compile(
    r"(?:^|\n)[ \t]*(?i:(?:"
    + "|".join(re.escape(f) for f in FIELD_LABELS)
    + r"|[a-z]{3,}[ \t]+door"  # "Gemeld door:", "Opgelost door:", "Goedgekeurd door:"
    + r")[ \t]*:"
    + r"|(?:"
    + "|".join(re.escape(f) for f in NO_COLON_LABELS)
    + r")[ \t]*:?)[ \t]*(?:(?:"
    + TITLES
    + r")[ \t]+)?("
    + FULL_NAME
    + r")",
)
# Rijkshuisstijl colofon: the label on its own line, the name on the next ("Behandeld door\nJ. Jansen")
FIELD_NEXT_LINE_RX = re.compile(
    r"(?m)^[ \t]*(?i:"
    + "|".join(re.escape(f) for f in FIELD_LABELS)
    + r")[ \t]*:?[ \t]*\n[ \t]*(?:(?:"
    + TITLES
    + r")[ \t]+)?("
    + FULL_NAME
    + r")[ \t]*$",
)
HEADER_RX = re.compile(
    r"(?:^|\n)[ \t]*(?:Van|Aan|CC|Cc|BCC|Bcc|From|To|Verzonden\s+door|Afzender|Ontvanger|Geadresseerde|Sender)\s*:[ \t]*([^\n]+)",
)
CLOSING_RX = re.compile(
    r"(?:Met\s+vriendelijke\s+groet(?:en)?|Vriendelijke\s+groet(?:en)?|Hartelijke\s+groet(?:en)?|Groet(?:en|jes)?|"
    r"Hoogachtend|Mvg|MVG|Met\s+collegiale\s+groet|Kind\s+regards|Best\s+regards|Regards|Gr\.?|Dank\s+en\s+groet)[,.!]?[ \t]*\n+[ \t]*([^\n]{2,60})",
)
ATTENDEE_RX = re.compile(
    r"(?:^|\n)[ \t]*(?i:Aanwezig|Aanwezigen|Afwezig|Met\s+kennisgeving\s+afwezig|Deelnemers|Genodigden|Verslaglegging|Afmeldingen|Present|Absent)[ \t]*:[ \t]*([^\n]+(?:\n(?:[ \t]+|(?<=,\n))[^\n]+)*)",
)
CHAT_RX = re.compile(
    r"(?:^|\n)[ \t]*(?:\[?\d{1,2}[:.]\d{2}(?::\d{2})?\]?|\d{1,2}[-/]\d{1,2}[-/]\d{2,4},?\s+\d{1,2}[:.]\d{2})\s*(?:-\s*)?("
    + FULL_NAME
    + r")\s*:",
)
INITIALS_SURNAME_RX = re.compile(
    rf"(?<![\w.])({INITIALS}\s?(?:{INTERFIX}|{INTERFIX_CAP})?{NAME_WORD})"
)
REVERSED_RX = re.compile(
    rf"({NAME_WORD}),\s*({INITIALS})(?:\s*({_INTERFIX_ALT}))?(?=\s*(?:<|;|\n|$|\())"
)

# "beheerder Dilnoza Rakhimova heeft", "zijn advocaat, mr. Tobias Grünewald,"
ROLE_RX = re.compile(
    rf"(?<![\w-])(?i:{ROLE_NOUNS})(?![\w-]),?[ \t]+(?:(?i:{TITLE_WORDS})[ \t]+)*({FULL_NAME})"
)


def _role_names(text: str) -> list[Span]:
    """A name after a role noun: two or more name words (none a common word or a noun such as
    'Bedrijfsvoering'), or one word from the surname list."""
    out: list[Span] = []
    for m in ROLE_RX.finditer(text):
        start, end = trim(text, m.start(1), m.end(1))
        name = text[start:end]
        core = [w for w in name.split() if w.lower() not in lexicon.INTERFIXES and "." not in w]
        if not core or any(NOUN_SUFFIX.search(w) for w in core) or label_word(" ".join(core)):
            continue
        if (
            len(core) == 1
            and core[0].lower() not in lexicon.surnames()
            and core[0].lower() not in lexicon.first_names()
        ):
            continue
        if looks_like_name(name, strict=len(core) == 1):
            add_span(out, text, start, end, "names.context", "Naam na een functie of rol", 0.85)
    return out


@lru_cache(maxsize=65536)
def label_word(name: str) -> bool:
    """A one-word 'name' that is a Dutch word and in no name list: a label or heading such as
    'Functie', 'Rekeningnummer' or 'Parkeerbeheer' (the next label of a colofon or table whose
    own field is empty), not a person."""
    words = name.split()
    if not words:
        return False
    for word in words:
        w = word.lower()
        if w in lexicon.surnames() or w in lexicon.first_names() or not lexicon.is_dutch_word(w):
            return False
    return True


# "Op 13 mrt. 2024 om 16:40 schreef Rutger Stamhuis <r.stamhuis@...>:" (quoted reply header)
QUOTE_RX = re.compile(
    r"(?m)^[> \t]*(?:Op|On|Am|Le)\b[^\n]{3,80}?\b(?:schreef|wrote|schrieb|a écrit)[ \t]+"
    r"(?:\"|')?([^<\n\"']{2,60}?)(?:\"|')?[ \t]*(?:<[^>\n]+>)?[ \t]*:"
)
# a task list's assignee ("- Sanne: bellen", "[ ] Wouter: dossier") and a first name after a
# contact verb ("contact opnemen met Sanne", "navragen bij Ravi"), when the name lists know it
ASSIGNEE_RX = re.compile(
    rf"(?m)^[ \t]*(?:[-*•–]|\[[ xX]?\]|\d+[.)])[ \t]+({NAME_WORD})[ \t]*(?:(?:&|en|/)[ \t]*({NAME_WORD}))?[ \t]*:"
)
CONTACT_RX = re.compile(
    rf"(?i:\b(?:contact\s+(?:op(?:nemen|genomen)?\s+)?met|overleg(?:gen)?\s+met|afstemmen\s+met|"
    rf"bellen\s+met|gebeld\s+met|gesproken\s+met|spreken\s+met|navragen\s+bij|terugkoppelen\s+aan|"
    rf"mailen\s+naar|doorsturen\s+naar|vragen\s+aan|volgens|samen\s+met))[ \t]+({NAME_WORD})(?![\w-])"
)


def _first_name_word(word: str) -> bool:
    from redaction.detect import worldnames

    w = word.lower()
    if w in lexicon.common_words() or w in lexicon.places() or w in ORGANISATION_WORDS:
        return False
    if w in lexicon.first_names():
        return True
    return w in worldnames.first_names() and not lexicon.is_dutch_word(w)


def _contact_names(text: str) -> list[Span]:
    out: list[Span] = []
    for m in QUOTE_RX.finditer(text):
        name = m.group(1).strip()
        if name and "@" not in name and looks_like_name(name, strict=False):
            s = m.start(1) + m.group(1).index(name)
            add_span(
                out, text, s, s + len(name), "names.header", "Naam in citaatkop ('schreef')", 0.95
            )
    for m in ASSIGNEE_RX.finditer(text):
        for g in (1, 2):
            if m.group(g) and _first_name_word(m.group(g)):
                add_span(out, text, m.start(g), m.end(g), "names.tasks", "Naam in takenlijst", 0.85)
    for m in CONTACT_RX.finditer(text):
        if _first_name_word(m.group(1)):
            add_span(
                out, text, m.start(1), m.end(1), "names.tasks", "Voornaam na 'contact met'", 0.85
            )
    return out


def find_names(text: str) -> Iterator[Span]:
    out: list[Span] = []
    for m in TITLE_RX.finditer(text):
        title = m.group(0)[: m.start(1) - m.start()].strip()
        name_end = _longest_name(text, m.start(1), m.end(1))
        if name_end:
            add_span(
                out,
                text,
                m.start(1),
                name_end,
                "names.context",
                f"Naam na aanhef of titel '{title.split()[-1]}'",
                0.95,
            )
    for m in FIELD_RX.finditer(text):
        if looks_like_name(m.group(1), strict=False) and not label_word(m.group(1)):
            label = m.group(0).strip().split(":")[0][:30]
            add_span(
                out, text, m.start(1), m.end(1), "names.context", f"Naam in veld '{label}'", 0.95
            )
    for m in FIELD_NEXT_LINE_RX.finditer(text):
        if looks_like_name(m.group(1), strict=False) and not label_word(m.group(1)):
            label = m.group(0).strip().split("\n")[0].rstrip(": ")[:30]
            add_span(
                out, text, m.start(1), m.end(1), "names.context", f"Naam in veld '{label}'", 0.9
            )
    for m in HEADER_RX.finditer(text):
        out.extend(_header_names(text, m.start(1), m.end(1)))
    for m in CLOSING_RX.finditer(text):
        found_line = _signature_line(text, m.start(1))
        if found_line:
            s, line = found_line
            add_span(
                out,
                text,
                s,
                s + len(line),
                "names.signature",
                "Naam onder een afsluitende groet",
                0.9,
            )
    for m in ATTENDEE_RX.finditer(text):
        out.extend(
            _list_names(text, m.start(1), m.end(1), "names.attendees", "Naam in presentielijst")
        )
    for m in CHAT_RX.finditer(text):
        if looks_like_name(m.group(1), strict=False):
            add_span(
                out,
                text,
                m.start(1),
                m.end(1),
                "names.chat",
                "Naam van deelnemer aan chatgesprek",
                0.9,
            )
    for m in INITIALS_SURNAME_RX.finditer(text):
        surname = m.group(1).split()[-1]
        if not is_common(surname) and not re.search(
            r"\b(?:art|nr|blz|p|pag|d\.w\.z|o\.a|m\.b\.t|t\.a\.v|i\.v\.m|e\.d|z\.s\.m)\.\s?$",
            text[max(0, m.start() - 8) : m.start() + 6],
            re.IGNORECASE,
        ):
            if not re.match(r"(?:[A-Z]\.){1,2}\s?[A-Z]{2,}$", m.group(1)):
                add_span(
                    out,
                    text,
                    m.start(1),
                    m.end(1),
                    "names.initials",
                    "Voorletters met achternaam",
                    0.9,
                )
    for m in REVERSED_RX.finditer(text):
        if not is_common(m.group(1)):
            add_span(
                out,
                text,
                m.start(),
                m.end(),
                "names.reversed",
                "Naam in de vorm 'Achternaam, voorletters'",
                0.9,
            )
    out.extend(_role_names(text))
    out.extend(form_names(text))
    out.extend(candidate_names(text))
    out.extend(_contact_names(text))
    out.extend(lexicon_names(text))
    yield from out


def _longest_name(text: str, start: int, end: int) -> int | None:
    """The end of the longest run of words from start that looks like a name: "dr. Lisa Kok van
    de GGD" is "Lisa Kok" (the organisation after the tussenvoegsel is no part of the name)."""
    words = [m.end() for m in re.finditer(r"\S+", text[start:end])]
    for n in range(len(words), 0, -1):
        candidate = text[start : start + words[n - 1]]
        if candidate.split()[-1].lower() in lexicon.INTERFIXES:
            continue
        if looks_like_name(candidate, strict=False):
            return start + words[n - 1]
    return None


SIGNATURE_SKIP = re.compile(
    r"(?i:namens|voor\s+deze|i\.o\.|p\.o\.|de\s+\w+\s+(?:van|voor)\b|het\s+college|burgemeester\s+en|"
    r"de\s+secretaris|de\s+burgemeester|de\s+minister|de\s+staatssecretaris|de\s+directeur|"
    r"hoofd\b|\[|handtekening|getekend)"
)


def _signature_line(text: str, pos: int) -> tuple[int, str] | None:
    """The signer's name after a closing: the first name-like line among the next few, skipping
    'namens deze,', 'de minister van ...,' and the like; body text (a long line) ends the search."""
    for n, m in enumerate(re.finditer(r"[^\n]*", text[pos : pos + 400])):
        raw = m.group(0)
        line = raw.strip()
        if not line:
            continue
        if n > 12 or len(line) > 70:
            return None
        line = re.sub(rf"^(?:(?:{TITLE_WORDS})[ \t]+)+", "", line)
        if len(line.split()) <= 6 and FULL_NAME_RX.fullmatch(line):
            if looks_like_name(line, strict=False):
                return pos + m.start() + raw.index(line), line
            return None
        if not SIGNATURE_SKIP.match(line):
            return None
    return None


def _header_names(text: str, start: int, end: int) -> list[Span]:
    value = text[start:end]
    out: list[Span] = []
    # entries separated by ';' (Outlook) or by '>' closings; "Vries, J.P. de" keeps its comma
    pos = 0
    for part in re.split(r"(;|>,?)", value):
        if part in (";", ">", ">,"):
            pos += len(part)
            continue
        entry = part
        offset = start + pos
        pos += len(part)
        name_part = entry.split("<")[0]
        if "@" in name_part and "<" not in entry:
            continue
        stripped = name_part.strip().strip("'\"")
        if not stripped:
            continue
        s = offset + name_part.index(stripped)
        rev = re.fullmatch(
            rf"((?:{NAME_WORD}[ \t]){{0,2}}{NAME_WORD}),\s*({INITIALS}|{NAME_WORD})(?:\s+({_INTERFIX_ALT}))?",
            stripped,
        )
        if label_word(stripped):
            continue  # "Aan: Parkeerbeheer <parkeerbeheer@...>": a department, not a person
        if rev or (FULL_NAME_RX.fullmatch(stripped) and looks_like_name(stripped, strict=False)):
            add_span(
                out,
                text,
                s,
                s + len(stripped),
                "names.header",
                "Naam in e-mailkop (Van/Aan/CC)",
                0.95,
            )
        elif "," in stripped:  # "Jan Jansen, Piet Pietersen" in a To: line without ';'
            sub = 0
            for piece in stripped.split(","):
                p = piece.strip()
                if p and FULL_NAME_RX.fullmatch(p) and looks_like_name(p, strict=True):
                    ps = s + stripped.index(p, sub)
                    add_span(
                        out,
                        text,
                        ps,
                        ps + len(p),
                        "names.header",
                        "Naam in e-mailkop (Van/Aan/CC)",
                        0.9,
                    )
                sub += len(piece) + 1
    return out


def _list_names(text: str, start: int, end: int, detector: str, reason: str) -> list[Span]:
    out: list[Span] = []
    value = text[start:end]
    office_segment = False  # "raadsleden Van Rijn (VVD), El Khatib (GL); ..." up to the ';'
    for m in re.finditer(r"[^,;\n]+|;", value):
        item = m.group(0)
        if item == ";":
            office_segment = False
            continue
        item_start = start + m.start()
        name = item.split("(")[0]
        party = re.match(r"[^(]*\(([^)]*)\)", item)
        name = re.sub(r"^\s*(?:en\s+)", "", name).strip().rstrip(".")
        if not name or len(name) > 60:
            continue
        first = name.split()[0].lower() if name.split() else ""
        if first in lexicon.PUBLIC_OFFICES or any(
            name.lower().startswith(o + " ") for o in lexicon.PUBLIC_OFFICES
        ):
            office_segment = first.endswith(("en", "ers", "sen")) or office_segment
            continue
        if office_segment or party and party.group(1).strip().lower() in lexicon.PARTIES:
            continue
        found = FULL_NAME_RX.search(name)
        if not found or not looks_like_name(found.group(0), strict=False):
            continue
        s = item_start + item.index(name) + found.start()
        add_span(out, text, s, s + len(found.group(0)), detector, reason, 0.9)
    return out
