"""Validated patterns (e-mail, phone, IBAN, BSN, address, plate, birth date, URL) and readable spans."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from redaction.detect import lexicon


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    category: str
    detector: str
    reason: str
    score: float = 1.0


FUNCTIONAL_LOCAL_PARTS = (
    "info",
    "woo",
    "wob",
    "secretariaat",
    "postbus",
    "noreply",
    "no-reply",
    "servicedesk",
    "communicatie",
    "pers",
    "persvoorlichting",
    "klantcontact",
    "helpdesk",
    "support",
    "contact",
    "receptie",
    "griffie",
    "post",
    "gemeente",
    "juridischezaken",
    "bezwaar",
    "privacy",
    "fg",
    "webmaster",
    "redactie",
)

EMAIL = re.compile(r"(?<![\w.+-])\w[\w.+-]*@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b", re.IGNORECASE)


def functional_local_part(local: str) -> bool:
    """'parkeerbeheer', 'postbus.kamervragen', 'klachten': every part of the local part is a
    Dutch word of four letters or more and none is a name from the lists: a department's
    mailbox. 'r.stamhuis', 'wendelien.ploeg', 'bakker' (a surname) stay personal."""
    parts = [p for p in re.split(r"[._-]+", local) if p]
    if not parts or len(parts) > 3:
        return False
    for part in parts:
        if len(part) < 4 or not part.isalpha():
            return False
        if part in lexicon.first_names() or part in lexicon.surnames():
            return False
        if not lexicon.is_dutch_word(part):
            return False
    return True


def find_emails(text: str) -> Iterator[Span]:
    for m in EMAIL.finditer(text):
        local = m.group(0).split("@")[0].lower()
        if local in FUNCTIONAL_LOCAL_PARTS or any(
            local.startswith(f + ".") or local.startswith(f + "-") for f in ("woo", "wob", "info")
        ):
            continue
        if any(
            word in local
            for word in ("coordinatie", "coördinatie", "desk", "loket", "secretariaat")
        ):
            continue
        if functional_local_part(local):
            continue
        yield Span(m.start(), m.end(), "email", "pattern.email", "E-mailadres van een persoon")


# Phone numbers: +31 / 0031 / 0, then 9 digits, with spaces, dashes, dots, brackets in between.
PHONE = re.compile(
    r"(?<![\w+(/])(?<!\d-)(?:(?:\+|00)31[ \t.-]?(?:\(0\)[ \t.-]?)?|\(?0)(?:\d[ \t.\-)]{0,3}){8,9}\d(?!\d)"
    r"|(?<![\w+/])\(0\d{1,3}\)[ \t.-]?(?:\d[ \t.-]?){5,7}\d(?!\d)"
)
GENERAL_NUMBERS = re.compile(r"^(?:0800|0900|0906|0909|0880|0888|112|14\s?0)")


def _digits(s: str) -> str:
    return re.sub(r"\D", "", s)


# a foreign number: "+36 30 412 7781", "+49 (0)30 1234567", "0032 9 123 45 67"
FOREIGN_PHONE = re.compile(
    r"(?<![\w+])(?:\+|00)(?!31)[1-9]\d{0,2}[ \t.-]?(?:\(0\)[ \t.-]?)?(?:\d[ \t.-]?){6,11}\d(?!\d)"
)


def find_phones(text: str, public_numbers: frozenset[str] = frozenset()) -> Iterator[Span]:
    if "+" in text or "00" in text:
        for m in FOREIGN_PHONE.finditer(text):
            raw = m.group(0).rstrip(" -.")
            yield Span(
                m.start(),
                m.start() + len(raw),
                "phone",
                "pattern.phone",
                "Telefoonnummer (buitenland)",
            )
    account_numbers = [(m.start(), m.end()) for m in IBAN.finditer(text)]
    for m in PHONE.finditer(text):
        if any(s <= m.start() < e for s, e in account_numbers):
            continue  # digits inside an IBAN ("NL69 INGB 0123 4567 89")
        raw = m.group(0).rstrip(" -.)")
        d = _digits(raw.replace("(0)", ""))  # "+31 (0)6": the (0) is not dialled
        if d.startswith("0031"):
            national = "0" + d[4:]
        elif d.startswith("31") and raw.lstrip().startswith("+"):
            national = "0" + d[2:]
        else:
            national = d
        if len(national) != 10 or not national.startswith("0"):
            continue
        if GENERAL_NUMBERS.match(national) or national in public_numbers:
            continue
        if national[1] == "0":
            continue
        start = m.start()
        yield Span(
            start,
            start + len(raw),
            "phone",
            "pattern.phone",
            "Telefoonnummer" + (" (mobiel)" if national.startswith("06") else ""),
        )


PERSONAL_PHONE_LABEL = re.compile(
    r"(?i:doorkies\w*|direct\w*|rechtstreeks|mobiel\w*|mob\.?|privé|prive|persoonlijk|gsm|"
    r"whatsapp|thuis|m)\W*$"
)
GENERAL_PHONE_LABEL = re.compile(
    r"(?i:algeme\w+|centrale|receptie|klantcontact\w*|servicenummer|hoofdnummer|switchboard|"
    r"informatienummer|bel\s+ons|belt\s+u\s+ons|(?:wij|we)\s+zijn\s+(?:telefonisch\s+)?bereikbaar)"
)
GENERAL_AFTER = re.compile(
    r"[ \t]*\(?(?i:algemeen(?:\s+nummer)?|centrale|receptie|klantcontactcentrum|servicenummer)\b"
)
COLOFON_PHONE_LABEL = re.compile(r"(?im)^[ \t]*(?:telefoon|telefoonnummer|tel\.?|t)[ \t]*:?[ \t]*$")
ORGANISATION_BLOCK = re.compile(
    r"(?i:\bpostbus\b|bezoekadres|postadres|\bwww\.|\bkvk\b|internet|organisatieonderdeel|"
    r"ons\s+kenmerk|uw\s+kenmerk)"
)


def organisation_phone(text: str, start: int, end: int, person_starts: list[int]) -> bool:
    """A public body's general number in a letterhead, colofon or contact line stays readable;
    a person's direct line or mobile does not. General: labelled so ('algemeen nummer',
    'bel ons'), or under a bare 'Telefoon' label line (colofon), or in an organisation's address
    block; never a mobile, a number labelled direct/mobiel/privé, or one in the same block as a
    person's name (a signature, a citizen's address block)."""
    digits = _digits(text[start:end])
    if digits.startswith(("06", "316", "00316")):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    label = text[line_start:start]
    prev_end = line_start - 1
    prev_start = text.rfind("\n", 0, max(0, prev_end)) + 1
    prev_line = text[prev_start:prev_end] if prev_end > 0 else ""
    if not label.strip():
        label_context = prev_line
    else:
        label_context = label
    if PERSONAL_PHONE_LABEL.search(label_context.strip()):
        return False
    block_start = max(0, start - 300)
    blank = [m.end() for m in re.finditer(r"\n[ \t]*\n", text[block_start:start])]
    if blank:
        block_start += blank[-1]
    if any(block_start <= p < start for p in person_starts):
        return False
    if GENERAL_PHONE_LABEL.search(text[max(0, start - 60) : start]) or GENERAL_AFTER.match(
        text, end
    ):
        return True
    if not label.strip() and COLOFON_PHONE_LABEL.fullmatch(prev_line):
        return True
    block_end = text.find("\n\n", end)
    block = text[block_start : block_end if block_end >= 0 else len(text)]
    return bool(ORGANISATION_BLOCK.search(block))


GENERAL_14 = re.compile(r"\b14\s?0\d{2,3}\b")

IBAN = re.compile(r"\b[A-Z]{2}\d{2}[ ]?(?:[A-Z0-9]{4}[ ]?){2,7}[A-Z0-9]{1,4}\b")


def iban_valid(raw: str) -> bool:
    s = re.sub(r"\s", "", raw).upper()
    if not (15 <= len(s) <= 34) or (s.startswith("NL") and len(s) != 18):
        return False
    rearranged = s[4:] + s[:4]
    digits = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(digits) % 97 == 1


# "rekening NL.. van de gemeente": the organisation's own account stays readable
ORGANISATION_ACCOUNT = re.compile(
    r"^\W{0,3}(?:van|t\.n\.v\.|ten\s+name\s+van)\s+(?:de|het)\s+(?:gemeente|provincie|ministerie|"
    r"waterschap|rijksoverheid|belastingdienst|politie|staat|organisatie)\b",
    re.IGNORECASE,
)


def find_ibans(text: str) -> Iterator[Span]:
    for m in IBAN.finditer(text):
        raw = m.group(0).rstrip()
        if ORGANISATION_ACCOUNT.match(text[m.start() + len(raw) : m.start() + len(raw) + 60]):
            continue
        if iban_valid(raw):
            yield Span(
                m.start(),
                m.start() + len(raw),
                "iban",
                "pattern.iban",
                "IBAN: controlegetal (mod 97) klopt",
            )


BSN = re.compile(
    r"(?<![\d.,-])(\d{4}\.\d{2}\.\d{3}|\d{3}[ .]\d{3}[ .]\d{3}|\d{9}|\d{8})(?!\d|[.,]\d|-\d)"
)
BSN_CONTEXT = re.compile(
    r"(bsn|burgerservicenummer|sofinummer|sofi-nummer|persoonsnummer)\W{0,4}(?:\w+\W{1,3}){0,3}$",
    re.IGNORECASE,
)
NOT_BSN_CONTEXT = re.compile(
    r"(kenmerk|zaaknummer|zaak|referentie|factuur\w*|order\w*|dossier\w*|registratienummer|kvk|btw|rekening\w*|telefoon\w*|tel\.?|nummer)\W{0,4}$",
    re.IGNORECASE,
)


def elfproef(digits: str) -> bool:
    """The BSN 11-test: sum(d_i * w_i) with weights 9..2 and -1 is divisible by 11 (and not 0)."""
    if len(digits) == 8:
        digits = "0" + digits
    if len(digits) != 9 or digits == "000000000":
        return False
    total = sum(int(d) * w for d, w in zip(digits, (9, 8, 7, 6, 5, 4, 3, 2, -1)))
    return total % 11 == 0 and total != 0


def find_bsns(text: str) -> Iterator[Span]:
    for m in BSN.finditer(text):
        digits = _digits(m.group(1))
        before = text[max(0, m.start() - 40) : m.start()]
        if len(digits) == 8 and not BSN_CONTEXT.search(before):
            continue
        if not elfproef(digits):
            continue
        if NOT_BSN_CONTEXT.search(before) and not BSN_CONTEXT.search(before):
            continue
        yield Span(m.start(1), m.end(1), "bsn", "pattern.bsn", "BSN: voldoet aan de 11-proef")


POSTCODE = re.compile(r"\b[1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2}\b")
MONTHS_ALT = (
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
    "jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec"
)
STREET_SUFFIX = (
    "straat|weg|laan|plein|gracht|kade|singel|dijk|pad|steeg|hof|dreef|park|plantsoen|markt|baan|wal|"
    "veld|boulevard|allee|ring|haven|erf|kamp|hoek|polder|zoom|burg|berg|dam|oord|weide|akker|"
    "straatweg|dwarsstraat|kanaal|brink|rade|wijk|meer|veste|poort"
)
STREET_ADDRESS = re.compile(
    r"\b((?:[A-Z][\w'’.-]*[ \t](?:(?:[A-Z][\w'’.-]*|van|de|der|den|het|'t)[ \t]){0,2})?[A-Z]?[\w'’-]*(?:"
    + STREET_SUFFIX
    + r"))[ \t]+(\d{1,5}(?:\s?[a-zA-Z](?![a-zA-Z])|\s?-\s?(?:\d{1,4}|I{1,3}V?|IV|hoog|huis|boven|zw)|\s?(?:hs|bis|rd|zw))?)\b"
)
POSTBUS = re.compile(r"\bpostbus\s+\d+", re.IGNORECASE)


# a house number with its addition: "12a", "12 A", "12-3", "12 - II", "44-hoog", "7 bis", "3 hs"
HOUSE_NUMBER = (
    r"\d{1,5}(?:[ \t]?[a-zA-Z](?![\w])|[ \t]?-[ \t]?(?:\d{1,4}|I{1,3}V?|IV|hoog|huis|boven|zw)(?![\w])"
    r"|[ \t](?:bis|hs|huis|boven|rd|zw|I{1,3}V?|IV)(?![\w]))?"
)

# Capitalised words + house number: a street when the words are in deduce's street list.
LISTED_STREET = re.compile(
    r"(?<![\w-])((?:[A-Z][\w'’.-]*[ \t](?:(?:van|de|der|den|het|'t|in|op|aan)[ \t]){0,2}){0,3}"
    r"[A-Z][\w'’-]*)[ \t]+(\d{1,5}(?:[ \t]?[a-zA-Z](?![\w])|-(?:\d{1,4}|I{1,3}V?|IV|hoog|huis|boven))?)"
    r"(?![\w.,:]\d|[\w/-])"
)
NOT_A_STREET = frozenset(
    "punt nummer groep fase stap versie hoofdstuk bijlage paragraaf zaal kamer bus lijn route blok "
    "kavel perceel gebouw verdieping locatie cluster sector gebied zone deelgebied postbus nr "
    "artikel lid pagina week dag jaar maand tabel figuur grafiek ronde team".split()
)


def _listed_street(words: list[str]) -> int:
    """How many trailing words form a street from the list (0: none); single common words excluded."""
    for n in range(len(words), 0, -1):
        candidate = " ".join(words[-n:]).lower()
        if n == 1 and (
            candidate in NOT_A_STREET or candidate in lexicon.common_words() or len(candidate) < 4
        ):
            continue
        if candidate in lexicon.street_names() and words[-n].lower() not in ("van", "de", "het"):
            return n
    return 0


LEADING_WORD = re.compile(r"(?:Het|De|Een|Aan|Op|In|Naar|Via|Bij|Te|Zie|Adres)[ \t]+(?=\S)")


# "op het perceel Heuvelrand 22", "woont aan de Kolksloot 3": the context names an address, so
# the capitalised words and house number are one whatever the street is called
ADDRESS_CONTEXT = re.compile(
    r"(?i:\b(?:perceel|adres|woonadres|huisadres|woont|wonend|woonachtig|verhuisd|bewoner|"
    r"bewoners|bewoonster|eigenaar|pand|woning|huis)(?:[ \t]+(?:aan|op|in|naar|van|te))?"
    r"(?:[ \t]+(?:de|het|'t))?[ \t]*:?[ \t]+)"
    r"((?:[A-Z][\w'’.-]*[ \t](?:(?:van|de|der|den|het|'t|in|op|aan)[ \t]){0,2}){0,3}[A-Z][\w'’-]+)"
    r"[ \t]+(" + HOUSE_NUMBER + r")(?![\w.,:]\d|[\w/-])"
)
# the street line of an address block: "Words 12a" on the line right above a postcode line
BLOCK_STREET = re.compile(
    r"(?m)^[ \t]*((?:[A-Z][\w'’.-]*[ \t](?:(?:van|de|der|den|het|'t|in|op|aan)[ \t]){0,2}){0,3}"
    r"[A-Z][\w'’-]+)[ \t]+(" + HOUSE_NUMBER + r")[ \t]*,?"
    # a letter's right-hand column ("Kenmerk ...") may follow after a wide gap
    r"(?:(?:[ \t]{2,}|\t)[^\n]*)?[ \t]*\n[ \t]*[1-9]\d{3}[ \t]?[A-Z]{2}\b"
)


TOWN_LINE_END = re.compile(r"[ \t]*(?:\n|$)|[ \t]{2,}|\t")
_DATE_AFTER = re.compile(rf"[ \t]+(?:{MONTHS_ALT})\b", re.IGNORECASE)


def find_addresses(text: str) -> Iterator[Span]:
    for span in _find_addresses(text):
        if _DATE_AFTER.match(text, span.end):
            continue  # "raadsvergadering 26 september": a date, not a house number
        yield span


def _find_addresses(text: str) -> Iterator[Span]:
    seen: list[tuple[int, int]] = []
    for rx, reason in (
        (ADDRESS_CONTEXT, "Adres (na 'perceel', 'woont aan' en dergelijke)"),
        (BLOCK_STREET, "Straat en huisnummer boven een postcode"),
    ):
        for m in rx.finditer(text):
            street = m.group(1)
            if (
                street.split()[0].lower() in NOT_A_STREET
                or street.lower() in lexicon.common_words()
            ):
                continue
            seen.append((m.start(1), m.end(2)))
            yield Span(m.start(1), m.end(2), "address", "pattern.address", reason, 0.9)
    for m in STREET_ADDRESS.finditer(text):
        street = m.group(1).strip()
        start = m.start(1)
        lead = LEADING_WORD.match(street)
        if (
            lead and street.lower() not in lexicon.street_names()
        ):  # "Het Museumplein 6", "Aan Kerkstraat 1": the sentence word is no part of it
            street, start = street[lead.end() :], start + lead.end()
        if street.lower() in lexicon.common_words() or len(street) < 4:
            continue
        seen.append((start, m.end(2)))
        yield Span(start, m.end(2), "address", "pattern.address", "Straatnaam met huisnummer")
    for m in LISTED_STREET.finditer(text):
        if any(s < m.end(2) and m.start(1) < e for s, e in seen):
            continue
        words = m.group(1).split()
        n = _listed_street(words)
        if not n:
            continue
        start = (
            m.start(1) + m.group(1).rindex(" ".join(words[-n:])) if n < len(words) else m.start(1)
        )
        yield Span(
            start,
            m.end(2),
            "address",
            "pattern.address",
            "Straatnaam (uit straatnamenlijst) met huisnummer",
            0.9,
        )
    for m in POSTCODE.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line = text[line_start : m.start()]
        prev_line_start = text.rfind("\n", 0, max(0, line_start - 1)) + 1
        context = text[prev_line_start : m.start()]
        if POSTBUS.search(context) or POSTBUS.search(line):
            continue  # a Postbus address belongs to an organisation
        # postcode plus the place name after it
        end = m.end()
        after = re.match(r"\s+([A-Z'][\w'’-]+(?:[ -][A-Z][\w'’-]+){0,2})", text[end:])
        if after and (
            after.group(1).upper() != after.group(1)
            or after.group(1).lower() in lexicon.places()
            # "1017 RT  AMSTERDAM": the postal standard writes the town in capitals; it ends the
            # address line (or the left column of a two-column letterhead)
            or TOWN_LINE_END.match(text, end + after.end())
        ):
            end += after.end()
        yield Span(m.start(), end, "postcode", "pattern.postcode", "Postcode (met woonplaats)")


# Dutch licence plates, sidecodes 1-14 (letters without vowels in later series; be lenient).
_L, _D = "[A-Z]", r"\d"
_SIDECODES = [
    (2, 2, 2, "LDD"),
    (2, 2, 2, "DDL"),
    (2, 2, 2, "DLD"),
    (2, 2, 2, "LDL"),
    (2, 2, 2, "LLD"),
    (2, 2, 2, "DLL"),
    (2, 3, 1, "DLD"),
    (1, 3, 2, "DLD"),
    (2, 3, 1, "LDL"),
    (1, 3, 2, "LDL"),
    (3, 2, 1, "LDL"),
    (1, 2, 3, "LDL"),
    (1, 2, 3, "DLD"),
    (3, 2, 1, "DLD"),
]


def _plate_regex() -> re.Pattern:
    alts = []
    for a, b, c, kinds in _SIDECODES:
        parts = []
        for n, k in zip((a, b, c), kinds):
            parts.append((_L if k == "L" else _D) + "{" + str(n) + "}")
        alts.append("-".join(parts))
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])")


PLATE = _plate_regex()


def find_plates(text: str) -> Iterator[Span]:
    for m in PLATE.finditer(text):
        s = m.group(0)
        if re.fullmatch(r"\d{2}-\d{2}-\d{2}", s):
            continue
        if sum(ch.isalpha() for ch in s) == 0:
            continue
        yield Span(
            m.start(),
            m.end(),
            "licence_plate",
            "pattern.licence_plate",
            "Kenteken (Nederlandse sidecode)",
        )


MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
DATE = r"(?:\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)?\d{2}|\d{1,2}\s+(?:" + MONTHS + r")\s+(?:19|20)\d{2})"
DOB = re.compile(
    r"(?:\b(?:geboren(?:\s+te\s+[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)?)?(?:\s+op)?|geb\.(?:\s*datum)?"
    r"(?:\s+op)?|geboortedatum|geb\.datum|d\.o\.b\.?|date\s+of\s+birth)(?:[ \t]+(?:is|was|luidt))?|°)[ \t]*:?[ \t]*("
    + DATE
    + r")",
    re.IGNORECASE,
)


# the year alone after a birth word: "(°1983)", "geboren in 1983", "geboortejaar: 1983"
BIRTH_YEAR = re.compile(
    r"(?:°|\b(?i:geboren\s+in|geb\.(?:\s+in)?|geboortejaar)[ \t]*:?)[ \t]*((?:19|20)\d{2})(?![\d-])"
)


def find_birth_dates(text: str) -> Iterator[Span]:
    for m in BIRTH_YEAR.finditer(text):
        yield Span(
            m.start(1), m.end(1), "date_of_birth", "pattern.date_of_birth", "Geboortejaar", 0.9
        )
    for m in DOB.finditer(text):
        yield Span(
            m.start(1),
            m.end(1),
            "date_of_birth",
            "pattern.date_of_birth",
            "Geboortedatum (na 'geboren'/'geboortedatum')",
        )


PROFILE_URL = re.compile(
    r"(?:https?://)?(?:www\.|nl\.)?(?:linkedin\.com/in|facebook\.com|fb\.com|instagram\.com|twitter\.com|x\.com|tiktok\.com/@|github\.com|youtube\.com/@|mastodon\.\w+/@)/?[\w.@%-]+/?",
    re.IGNORECASE,
)
# "@handle" where the context names a platform or an account: "op X van @handle", "Instagram: @h"
HANDLE = re.compile(
    r"(?:\b(?:twitter|instagram|insta|tiktok|x|mastodon|threads|bluesky|account|profiel|tweet|"
    r"gebruikersnaam|handle)\b(?:\W+\w{1,5}){0,2}\W{1,4})(?<![\w.])(@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)(?![\w@]|\.\w)",
    re.IGNORECASE,
)


_URL_HINT = re.compile(
    r"linkedin|facebook|fb\.com|instagram|twitter|x\.com|tiktok|github|youtube|mastodon|@",
    re.IGNORECASE,
)


def find_urls(text: str) -> Iterator[Span]:
    if not _URL_HINT.search(text):  # cheap pre-check: most pages mention no platform at all
        return
    for m in PROFILE_URL.finditer(text):
        yield Span(m.start(), m.end(), "url", "pattern.url", "Persoonlijk profiel op sociale media")
    for m in HANDLE.finditer(text):
        yield Span(m.start(1), m.end(1), "url", "pattern.handle", "Gebruikersnaam op sociale media")


# Spans that stay readable whatever else matches inside them.
ARTICLE = re.compile(
    r"\b(?:artikel|artikelen|art\.)\s*\d+(?:[.:]\d+)*[a-z]?(?:(?:,|\s)+(?:en|tot en met|t/m)\s+\d+(?:[.:]\d+)*[a-z]?)*"
    r"(?:,?\s*(?:\w+\s+lid|lid\s+\d+))?(?:,?\s*(?:aanhef\s+en\s+)?(?:onder|sub)\s+[a-z]\b)?(?:,?\s*van\s+de\s+[A-Z][\w]*)?",
    re.IGNORECASE,
)
GROUND_CODE = re.compile(
    r"(?<![\w.])(?:5\.1\.[1-2]\.?\s?[a-i]|5\.1\.[4-6]|5\.[2-4]a?|10\.[12]\.?\s?[a-g]|10\.7\.?[ab]|11\.[12])(?![\w.])"
)
KENMERK = re.compile(
    r"\b(?:19|20)\d{2}[-/]\d{3,8}\b|\b[A-Z]{1,4}[/-]\d{2}[/-]\d{3,}\b|\b\d{4}Z\d{5}\b|\b\d{7}\b(?=\s*$)"
)
ECLI = re.compile(r"\bECLI:[A-Z]{2}:[A-Z0-9]{2,7}:\d{4}:[A-Z0-9.]{1,25}")


_BLOCK_BREAK = re.compile(r"\n[ \t]*\n")


# "Bezoekadres: Raadhuisplein 1, 1781 HZ Hoorneveld": an organisation's visiting or postal
# address, readable with the postcode line that may follow it
ORGANISATION_ADDRESS_LINE = re.compile(
    r"(?im)^[ \t]*(?:bezoekadres|postadres|vestigingsadres|kantooradres|correspondentieadres|"
    r"adres\s+(?:gemeentehuis|stadhuis|provinciehuis|raadhuis))\b[^\n]*(?:\n[ \t]*[1-9]\d{3}[ \t]?[A-Z]{2}\b[^\n]*)?"
)


def organisation_address_lines(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in ORGANISATION_ADDRESS_LINE.finditer(text)]


def postbus_blocks(text: str) -> list[tuple[int, int]]:
    """The address block (lines without a blank line between) holding a Postbus: an organisation's
    address in a letterhead or colofon, readable as a whole (street, postcode, place)."""
    blocks = []
    for m in POSTBUS.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        if text[line_start : m.start()].strip() or len(line.strip()) > 40:
            continue  # "stuur het naar Postbus 12": prose, not an address block
        breaks_before = [
            b.end() for b in _BLOCK_BREAK.finditer(text, max(0, m.start() - 300), m.start())
        ]
        start = breaks_before[-1] if breaks_before else max(0, m.start() - 300)
        after = _BLOCK_BREAK.search(text, m.end(), m.end() + 300)
        end = after.start() if after else min(len(text), m.end() + 300)
        blocks.append((start, end))
    return blocks


def readable_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for rx in (ARTICLE, GROUND_CODE, KENMERK, ECLI, POSTBUS):
        spans.extend((m.start(), m.end()) for m in rx.finditer(text))
    return spans
