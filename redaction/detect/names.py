"""Person names by context (titles, headers, signatures, attendee lists, colofon fields, chat
lines, initials) and by lexicon (deduce's first-name and surname lists); public offices excluded."""

from __future__ import annotations

import re
from collections.abc import Iterator

from redaction.detect import lexicon
from redaction.detect.patterns import Span

UPPER = "A-ZÀ-ÖØ-ÞĀ-ſ"
LOWER = "a-zß-öø-ÿā-ſ"
# One name word: Capitalised, ALL CAPS, with hyphen/apostrophe parts ("Berg-Ouali", "D'Souza", "O'Neill")
NAME_WORD = rf"(?:[{UPPER}](?:'[{UPPER}])?[{LOWER}'’]+|[{UPPER}]{{2,}})(?:-(?:[{UPPER}][{LOWER}'’]+|[{UPPER}]{{2,}}))*"
INITIALS = rf"(?:(?:[{UPPER}][{LOWER}]{{0,2}}\.[ \t]?-?){{1,5}})"
_INTERFIX_ALT = "|".join(sorted((re.escape(i) for i in lexicon.INTERFIXES), key=len, reverse=True))
INTERFIX = rf"(?:(?:{_INTERFIX_ALT})[ \t])"
INTERFIX_CAP = rf"(?:(?:{'|'.join(sorted((re.escape(v) for i in lexicon.INTERFIXES for v in (i.capitalize(), i.upper())), key=len, reverse=True))})[ \t])"
# "J.P. de Vries", "Anna van der Berg-Ouali", "Mehmet Yılmaz", "Ph. ten Hove", "de Vries"
FULL_NAME = rf"(?:{INITIALS}[ \t]?)?(?:{NAME_WORD}[ \t])*(?:{INTERFIX}|{INTERFIX_CAP})?{NAME_WORD}"
FULL_NAME_RX = re.compile(FULL_NAME)
LOWER_NAME = rf"[{LOWER}]+(?:\s(?:{_INTERFIX_ALT}))?\s[{LOWER}]+"

TITLES = (
    r"de\s+heer|heer|meneer|mijnheer|mevrouw|mevr\.?|mw\.?|dhr\.?|mej\.?|mr\.?|drs\.?|ir\.?|ing\.?|dr\.?|"
    r"prof\.?|ds\.?|bc\.?|collega|geachte\s+heer|geachte\s+mevrouw|beste|hoi|hallo|dag|lieve|"
    r"Mevrouw|De\s+heer|Heer|Mevr\.?|Mw\.?|Dhr\.?|Mr\.?|Drs\.?|Ir\.?|Dr\.?|Prof\.?|Beste|Hoi|Hallo|Dag|Lieve"
)
TITLE_RX = re.compile(rf"(?<![\w])(?:{TITLES})(?:\s+(?:{TITLES}))*\s+({FULL_NAME})")

PUBLIC_OFFICES = (
    "minister",
    "minister-president",
    "premier",
    "staatssecretaris",
    "burgemeester",
    "wethouder",
    "gedeputeerde",
    "dijkgraaf",
    "kamerlid",
    "tweede kamerlid",
    "eerste kamerlid",
    "commissaris van de koning",
    "commissaris van de koningin",
    "gouverneur",
    "koning",
    "koningin",
    "prins",
    "prinses",
    "lid",
    "raadslid",
    "statenlid",
    "fractievoorzitter",
    "president",
    "voorzitter van de tweede kamer",
    "ombudsman",
    "procureur-generaal",
    "korpschef",
    "secretaris-generaal",
    "ceo",
    "woordvoerder",
    "portefeuillehouder",
    "loco-burgemeester",
    "bewindspersoon",
    "europarlementariër",
    "senator",
)
_OFFICE_ALT = "|".join(sorted((re.escape(o) for o in PUBLIC_OFFICES), key=len, reverse=True))
OFFICE_BEFORE = re.compile(
    rf"(?:{_OFFICE_ALT})(?:\s+(?:van|voor)\s+[\w\s&-]{{1,40}}?)?[,:]?\s*(?:\((?:\w+)\)\s*)?(?:(?:de\s+heer|mevrouw|dhr\.|mw\.)\s+)?$",
    re.IGNORECASE,
)
OFFICE_AFTER = re.compile(
    rf"^\s*(?:\((?:\w+)\))?\s*,?\s*\(?(?:de\s+)?(?:{_OFFICE_ALT})\b", re.IGNORECASE
)
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
    + r")[ \t]*:"
    + r"|(?:"
    + "|".join(re.escape(f) for f in NO_COLON_LABELS)
    + r")[ \t]*:?)[ \t]*(?:(?:"
    + TITLES
    + r")[ \t]+)?("
    + FULL_NAME
    + r")",
)
HEADER_RX = re.compile(
    r"(?:^|\n)[ \t]*(?:Van|Aan|CC|Cc|BCC|Bcc|From|To|Verzonden\s+door|Afzender|Ontvanger|Geadresseerde|Sender)\s*:[ \t]*([^\n]+)",
)
CLOSING_RX = re.compile(
    r"(?:Met\s+vriendelijke\s+groet(?:en)?|Vriendelijke\s+groet(?:en)?|Hartelijke\s+groet(?:en)?|Groet(?:en|jes)?|"
    r"Hoogachtend|Mvg|MVG|Met\s+collegiale\s+groet|Kind\s+regards|Best\s+regards|Regards|Gr\.?|Dank\s+en\s+groet)[,.!]?[ \t]*\n+[ \t]*([^\n]{2,60})",
)
ATTENDEE_RX = re.compile(
    r"(?:^|\n)[ \t]*(?i:Aanwezig|Aanwezigen|Afwezig|Met\s+kennisgeving\s+afwezig|Deelnemers|Genodigden|Verslaglegging|Afmeldingen|Present|Absent)[ \t]*:[ \t]*([^\n]+(?:\n[ \t]+[^\n]+)*)",
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
WORD_RX = re.compile(NAME_WORD)


def _is_common(word: str) -> bool:
    return word.lower() in lexicon.common_words()


def _looks_like_name(text: str, *, strict: bool) -> bool:
    """Reject obvious non-names: common words only, digits, one-letter tokens."""
    if any(ch.isdigit() for ch in text) or "@" in text:
        return False
    words = [w for w in re.split(r"\s+", text.strip()) if w]
    if not words:
        return False
    core = [
        w
        for w in words
        if w.lower() not in lexicon.INTERFIXES
        and not re.fullmatch(INITIALS, w + ("" if w.endswith(".") else "."))
    ]
    core = [w for w in core if not w.endswith(".")]
    if not core:
        return False
    if all(_is_common(w.split("-")[0]) for w in core):
        return False
    if (
        strict
        and len(core) == 1
        and core[0].lower() not in lexicon.surnames()
        and core[0].lower() not in lexicon.first_names()
    ):
        return False
    return True


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim a candidate to its name: drop trailing common words ('Jansen Vandaag') and leading ones."""
    words = list(WORD_RX.finditer(text, start, end))
    while (
        words
        and _is_common(words[-1].group(0))
        and words[-1].group(0).lower() not in lexicon.INTERFIXES
    ):
        end = words[-1].start()
        words.pop()
    seg = text[start:end].rstrip()
    return start, start + len(seg)


def _public_office(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 80) : start]
    after = text[end : end + 40]
    return bool(OFFICE_BEFORE.search(before) or OFFICE_AFTER.match(after))


def _add(
    out: list[Span], text: str, start: int, end: int, detector: str, reason: str, score: float
) -> None:
    start, end = _trim(text, start, end)
    if end - start < 2:
        return
    out.append(Span(start, end, "person", detector, reason, score))


def find_names(text: str) -> Iterator[Span]:
    out: list[Span] = []
    for m in TITLE_RX.finditer(text):
        title = m.group(0)[: m.start(1) - m.start()].strip()
        if _looks_like_name(m.group(1), strict=False):
            _add(
                out,
                text,
                m.start(1),
                m.end(1),
                "names.context",
                f"Naam na aanhef of titel '{title.split()[-1]}'",
                0.95,
            )
    for m in FIELD_RX.finditer(text):
        if _looks_like_name(m.group(1), strict=False):
            label = m.group(0).strip().split(":")[0][:30]
            _add(out, text, m.start(1), m.end(1), "names.context", f"Naam in veld '{label}'", 0.95)
    for m in HEADER_RX.finditer(text):
        out.extend(_header_names(text, m.start(1), m.end(1)))
    for m in CLOSING_RX.finditer(text):
        line = m.group(1).strip()
        if (
            len(line.split()) <= 6
            and FULL_NAME_RX.fullmatch(line)
            and _looks_like_name(line, strict=False)
        ):
            s = m.start(1) + m.group(1).index(line)
            _add(
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
        if _looks_like_name(m.group(1), strict=False):
            _add(
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
        if not _is_common(surname) and not re.search(
            r"\b(?:art|nr|blz|p|pag|d\.w\.z|o\.a|m\.b\.t|t\.a\.v|i\.v\.m|e\.d|z\.s\.m)\.\s?$",
            text[max(0, m.start() - 8) : m.start() + 6],
            re.IGNORECASE,
        ):
            if not re.match(r"(?:[A-Z]\.){1,2}\s?[A-Z]{2,}$", m.group(1)):
                _add(
                    out,
                    text,
                    m.start(1),
                    m.end(1),
                    "names.initials",
                    "Voorletters met achternaam",
                    0.9,
                )
    for m in REVERSED_RX.finditer(text):
        if not _is_common(m.group(1)):
            _add(
                out,
                text,
                m.start(),
                m.end(),
                "names.reversed",
                "Naam in de vorm 'Achternaam, voorletters'",
                0.9,
            )
    out.extend(_lexicon_names(text))
    for s in out:
        if not _public_office(text, s.start, s.end):
            yield s


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
            rf"({NAME_WORD}),\s*({INITIALS}|{NAME_WORD})(?:\s+({_INTERFIX_ALT}))?", stripped
        )
        if rev or (FULL_NAME_RX.fullmatch(stripped) and _looks_like_name(stripped, strict=False)):
            _add(
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
                if p and FULL_NAME_RX.fullmatch(p) and _looks_like_name(p, strict=True):
                    ps = s + stripped.index(p, sub)
                    _add(
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
    for m in re.finditer(r"[^,;\n]+", value):
        item = m.group(0)
        item_start = start + m.start()
        name = item.split("(")[0]
        name = re.sub(r"^\s*(?:en\s+)", "", name).strip().rstrip(".")
        if not name or len(name) > 60:
            continue
        first = name.split()[0].lower() if name.split() else ""
        if first in PUBLIC_OFFICES or any(name.lower().startswith(o + " ") for o in PUBLIC_OFFICES):
            continue
        found = FULL_NAME_RX.search(name)
        if not found or not _looks_like_name(found.group(0), strict=False):
            continue
        s = item_start + item.index(name) + found.start()
        _add(out, text, s, s + len(found.group(0)), detector, reason, 0.9)
    return out


LEX_RX = re.compile(
    rf"(?<![\w])({NAME_WORD})((?:\s{NAME_WORD}){{0,2}}?)\s((?:{INTERFIX}|{INTERFIX_CAP})?{NAME_WORD})(?![\w])"
)


def _lexicon_names(text: str) -> list[Span]:
    """First name from the lexicon followed by a capitalised surname-like word."""
    out: list[Span] = []
    for m in LEX_RX.finditer(text):
        first = m.group(1)
        last = m.group(3).split()[-1]
        if first.lower() not in lexicon.first_names() or _is_common(first):
            continue
        if _is_common(last.split("-")[0]) or last.lower() in lexicon.places():
            continue
        if last.isupper() and not first.isupper():
            continue
        score = 0.85 if last.lower() in lexicon.surnames() else 0.7
        _add(
            out,
            text,
            m.start(),
            m.end(),
            "names.lexicon",
            "Voornaam uit de namenlijst met achternaam",
            score,
        )
    return out


def name_variants(name: str) -> list[str]:
    """Strings to search for everywhere in the case once a name is found: the full name and the
    surname with its tussenvoegsels ("J.P. de Vries" -> ["J.P. de Vries", "de Vries"])."""
    name = " ".join(name.split())
    variants = [name]
    rev = re.fullmatch(rf"({NAME_WORD}),\s*(.+)", name)
    if rev:
        tail = rev.group(2).split()
        interfix = " ".join(t for t in tail if t.lower() in lexicon.INTERFIXES)
        variants.append(f"{interfix} {rev.group(1)}".strip())
        return variants
    words = name.split()
    core = [w for w in words if not w.endswith(".")]
    if not core:
        return variants
    surname_start = len(words) - 1
    for i, w in enumerate(words[:-1]):
        if w.lower() in lexicon.INTERFIXES and i > 0:
            surname_start = i
            break
    surname = " ".join(words[surname_start:])
    last = words[-1]
    if len(last) >= 3 and not _is_common(last.split("-")[0]) and surname != name:
        variants.append(surname)
    first = words[0]
    if (
        surname_start > 0
        and not first.endswith(".")
        and len(first) >= 4
        and not _is_common(first)
        and first.lower() not in lexicon.INTERFIXES
    ):
        variants.insert(1, first)  # "Mohand Ouaali" is later "Mohand"
    return variants
