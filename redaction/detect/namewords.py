"""Name words: the name grammar, plausibility checks, lexicon and form rules, surname variants."""

from __future__ import annotations

import re
from functools import lru_cache

from redaction.detect import lexicon
from redaction.detect.patterns import Span

UPPER = "A-ZÀ-ÖØ-ÞĀ-ſ"
LOWER = "a-zß-öø-ÿā-ſ"
# One name word: Capitalised, ALL CAPS, with hyphen/apostrophe parts ("Berg-Ouali", "D'Souza", "O'Neill")
NAME_WORD = (
    rf"(?:[{UPPER}](?:'[{UPPER}])?[{LOWER}'’]+|[{UPPER}]{{2,}})"
    rf"(?:-(?:(?:de|van|van der|van den|den|der|ter|ten|el|al)[ \t])?(?:[{UPPER}][{LOWER}'’]+|[{UPPER}]{{2,}}))*"
)
# one-letter initials and the usual abbreviated first names ("Ph.", "Th.", "Chr."), not "Woo."
INITIALS = rf"(?:(?:(?:[{UPPER}]|Ph|Th|Ch|Chr|Tj|Joh|Jac|Wm|Fr|IJ|Ij)\.[ \t]?-?){{1,5}})"
_INTERFIX_ALT = "|".join(sorted((re.escape(i) for i in lexicon.INTERFIXES), key=len, reverse=True))
INTERFIX = rf"(?:(?:{_INTERFIX_ALT})[ \t])"
INTERFIX_CAP = rf"(?:(?:{'|'.join(sorted((re.escape(v) for i in lexicon.INTERFIXES for v in (i.capitalize(), i.upper())), key=len, reverse=True))})[ \t])"
# "J.P. de Vries", "Anna van der Berg-Ouali", "Mehmet Yılmaz", "Ph. ten Hove", "de Vries"
FULL_NAME = rf"(?:{INITIALS}[ \t]?)?(?:{NAME_WORD}[ \t])*(?:{INTERFIX}|{INTERFIX_CAP})?{NAME_WORD}"
FULL_NAME_RX = re.compile(FULL_NAME)
LOWER_NAME = rf"[{LOWER}]+(?:\s(?:{_INTERFIX_ALT}))?\s[{LOWER}]+"

WORD_RX = re.compile(NAME_WORD)


ORGANISATION_WORDS = frozenset(
    "gemeente provincie ministerie waterschap hoogheemraadschap team afdeling mt college raad "
    "stichting directie dienst bureau sector cluster domein unit regio politie rijkswaterstaat "
    "vereniging bv nv holding inspectie autoriteit rechtbank hof staf korpsstaf secretariaat "
    "griffie kabinet gemeenteraad staten commissie werkgroep stuurgroep programma project "
    "omgevingsdienst veiligheidsregio ggd woo wob zaken".split()
)


ROLE_NOUNS = (
    "beheerder|medewerker|medewerkster|collega|adviseur|adviseuse|jurist|casemanager|teamleider|"
    "projectleider|behandelaar|consulent|inspecteur|toezichthouder|handhaver|boa|agent|wijkagent|"
    "rechercheur|advocaat|advocate|notaris|buurman|buurvrouw|melder|klager|klaagster|verzoeker|"
    "verzoekster|bewoner|bewoonster|eigenaar|eigenaresse|huurder|aanvrager|aanvraagster|ambtenaar|"
    "manager|coördinator|coordinator|stagiair|stagiaire|leerling|patiënt|cliënt|client|getuige|"
    "chauffeur|monteur|ontwikkelaar|architect|makelaar|aannemer|opzichter|vergunninghouder|"
    "toezichthouder|klantmanager|wijkagent|buurtbewoner|bewoner|"
    # family and household: "mijn man Tjeerd", "zijn zwager Mehmet Aydın"
    "man|vrouw|echtgenoot|echtgenote|partner|vriend|vriendin|zoon|dochter|broer|zus|zuster|"
    "vader|moeder|opa|oma|oom|tante|neef|nicht|zwager|schoonzus|schoonzoon|schoondochter|"
    "schoonvader|schoonmoeder|stiefvader|stiefmoeder|kind|pleegkind|pleegmoeder|pleegvader"
)
NOUN_SUFFIX = re.compile(
    r"(?:ing|heid|teit|schap|zaken|beheer|dienst|staf|raad|centrum|beleid|team|afdeling|recht|wet)$",
    re.IGNORECASE,
)


def is_common(word: str) -> bool:
    return word.lower() in lexicon.common_words()


@lru_cache(maxsize=65536)
def looks_like_name(text: str, *, strict: bool) -> bool:
    """Reject obvious non-names: common words only, digits, one-letter tokens."""
    if any(ch.isdigit() for ch in text) or "@" in text:
        return False
    words = [w for w in re.split(r"\s+", text.strip()) if w]
    if not words:
        return False
    core = [w for w in words if w.lower() not in lexicon.INTERFIXES and not w.endswith(".")]
    if not core:
        return False
    if any(w.lower().split("-")[0] in ORGANISATION_WORDS for w in words):
        return False  # "Gemeente Stadhaven", "MT Sociaal Domein", "Team Woo"
    has_interfix = len(words) >= 2 and words[-2].lower() in lexicon.INTERFIXES
    if all(is_common(w.split("-")[0]) for w in core) and (strict or not has_interfix):
        return False  # in context, "Van der Meer" is a name although "meer" is a word
    if (
        strict
        and len(core) == 1
        and core[0].lower() not in lexicon.surnames()
        and core[0].lower() not in lexicon.first_names()
    ):
        return False
    return True


_ENDS_WITH_INTERFIX = re.compile(rf"(?<!\S)(?i:{_INTERFIX_ALT})\s+$")


def _after_interfix(text: str, start: int, pos: int) -> bool:
    """'van der Meer': the word after a tussenvoegsel is a surname, even when it is also a word."""
    return bool(_ENDS_WITH_INTERFIX.search(text, start, pos))


def _surname_after_first_name(words: list[re.Match]) -> bool:
    """'Lisa Kok': a listed surname right after a listed first name is the surname, although
    'kok' is also a word."""
    if len(words) < 2:
        return False
    last, before = words[-1].group(0).lower(), words[-2].group(0).lower()
    return last in lexicon.surnames() and before in lexicon.first_names() and not is_common(before)


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim a candidate to its name: drop trailing common words ('Jansen Vandaag') and leading ones."""
    words = list(WORD_RX.finditer(text, start, end))
    while (
        words
        and is_common(words[-1].group(0))
        and words[-1].group(0).lower() not in lexicon.INTERFIXES
        and not _after_interfix(text, start, words[-1].start())
        and not _surname_after_first_name(words)
    ):
        end = words[-1].start()
        words.pop()
    seg = text[start:end].rstrip()
    return start, start + len(seg)


TITLE_WORDS = r"(?:de[ \t]+heer|heer|mevrouw|mevr\.|mw\.|dhr\.|mr\.|drs\.|dr\.|ir\.|prof\.|ing\.)"


def add_span(
    out: list[Span], text: str, start: int, end: int, detector: str, reason: str, score: float
) -> None:
    start, end = trim(text, start, end)
    if end - start < 2:
        return
    out.append(Span(start, end, "person", detector, reason, score))


LEX_RX = re.compile(
    rf"(?<![\w])({NAME_WORD})((?:[ \t]{NAME_WORD}){{0,2}}?)[ \t]((?:{INTERFIX}|{INTERFIX_CAP})?{NAME_WORD})(?![\w])"
)


def worldnames_surnames() -> frozenset[str]:
    from redaction.detect import worldnames

    return worldnames.surnames()


def lexicon_names(text: str) -> list[Span]:
    """First name from the lexicon followed by a capitalised surname-like word."""
    out: list[Span] = []
    for w in WORD_RX.finditer(text):  # try at every word: "Ook Piet Kooistra" starts at "Piet"
        if w.group(0).lower() not in lexicon.first_names():
            continue
        m = LEX_RX.match(text, w.start())
        if m is None:
            continue
        first = m.group(1)
        last = m.group(3).split()[-1]
        if first.lower() in lexicon.INTERFIXES:
            continue  # "El Khatib", "Van Rijn": a surname, not a first name
        if first.lower() not in lexicon.first_names() or is_common(first):
            continue
        has_interfix = m.group(3) != last
        # "Lisa Kok", "Thijmen Oudewater" mid-sentence: a listed first name before a word or a
        # place that the multi-origin lists know as a surname (names-dataset's vote)
        mid_sentence = not _SENTENCE_START.search(text, max(0, m.start() - 3), m.start())
        world_surname = mid_sentence and last.lower() in worldnames_surnames()
        if (
            last.lower() in lexicon.places()
            and last.lower() not in lexicon.surnames()
            and not world_surname
        ):
            continue  # "Femke Rietveld": a hamlet's name that is also a surname is a surname
        if all(is_common(p) for p in last.split("-")) and not (
            has_interfix and not is_common(first)
        ):
            if not (world_surname or mid_sentence and last.lower() in lexicon.surnames()):
                continue
        if last.isupper() != first.isupper():
            continue  # "AB Hoorneveld" after "1784": a postcode's letters, not the name "Ab"
        # a listed surname, or a tussenvoegsel before a capitalised word ("Sanne van Leeuwaarden")
        # or a double-barrelled capitalised surname ("Maarten Oude-Luttikhuis")
        score = 0.85 if last.lower() in lexicon.surnames() or has_interfix or "-" in last else 0.7
        add_span(
            out,
            text,
            m.start(),
            m.end(),
            "names.lexicon",
            "Voornaam uit de namenlijst met achternaam",
            score,
        )
    return out


# Surnames beyond any list, recognised by form: Slavic, Turkish, Armenian, Greek, Hindustani, Maghreb
FOREIGN_FORM = re.compile(
    r"(?:ski|ska|cki|cka|wicz|czyk|czak|szek|ović|ovic|ević|evic|enko|chuk|yan|oğlu|oglu|singh|"
    r"persad|poersad|opoulos|akis|escu|aoui|ouali|idrissi|zadeh)$"
    r"|[ğışłńśźżąęřůčěňťőűŁŚŻŹŞÇ]|(?:rz|cz|sz|dzj|zs)"
)  # case-sensitive on purpose: with IGNORECASE the dotless "ı" would match every "i"


def form_names(text: str) -> list[Span]:
    """Two capitalised words, neither a common word, place or organisation word, where one has a
    foreign name form ("Grzegorz Kowalczyk", "Ilona Szabó", "Yusuf Çakır")."""
    out: list[Span] = []
    words = list(WORD_RX.finditer(text))
    for a, b in zip(words, words[1:]):
        if text[a.end() : b.start()] not in (" ", "\t"):
            continue
        pair = (a.group(0), b.group(0))
        if not any(FOREIGN_FORM.search(w) for w in pair):
            continue
        if any(
            is_common(w.split("-")[0])
            or w.lower() in lexicon.places()
            or w.lower().split("-")[0] in ORGANISATION_WORDS
            or w.lower() in lexicon.PUBLIC_OFFICES
            or re.fullmatch(ROLE_NOUNS, w.lower())
            or NOUN_SUFFIX.search(w)
            or w.isupper()
            for w in pair
        ):
            continue
        add_span(
            out,
            text,
            a.start(),
            b.end(),
            "names.form",
            "Naam herkend aan de vorm van de achternaam",
            0.75,
        )
    return out


def name_variants(name: str) -> list[str]:
    """Strings to search for everywhere in the case once a name is found: the full name and the
    surname with its tussenvoegsels ("J.P. de Vries" -> ["J.P. de Vries", "de Vries"])."""
    name = " ".join(name.split())
    if re.search(r"\S A \S", name):  # "Achterberg-Tjon A Fong": the particle binds the surname
        glued = re.sub(r"(?<=\S) A (?=\S)", "\u2060A\u2060", name)
        return [v.replace("\u2060A\u2060", " A ") for v in name_variants(glued)]
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
    hyphen_interfix = re.search(rf"(?:^|\s)(\S+-(?:{_INTERFIX_ALT}) \S+)$", name)
    if hyphen_interfix and surname_start == len(words) - 1:  # "Fatma Erdoğan-de Wit"
        surname_start = len(words) - 2
    surname = " ".join(words[surname_start:])
    last = surname.split()[-1] if not hyphen_interfix else hyphen_interfix.group(1)
    if surname != name and (
        len(last) >= 3
        and not all(is_common(p) for p in last.split("-") if p)
        or surname_start < len(words) - 1
    ):
        variants.append(surname)  # "de Jong" is specific although "jong" is a word
    parts = [p for p in re.split(rf"-(?:(?:{_INTERFIX_ALT}) )?", last) if p]
    if len(parts) > 1:  # "Vingerhoets-Adjei" is also called "Vingerhoets"
        variants.extend(p for p in parts if len(p) >= 4 and not is_common(p))
    first = words[0]
    if (
        surname_start > 0
        and not first.endswith(".")
        and len(first) >= 4
        and not is_common(first)
        and first.lower() not in lexicon.INTERFIXES
    ):
        variants.insert(1, first)  # "Mohand Ouaali" is later "Mohand"
    return variants


# Names that need no list: two or three capitalised words (a tussenvoegsel may stand between)
# where no word is a Dutch word, a place, an organisation word or an office, scored by votes:
# the name lists (deduce's Dutch lists, names-dataset's multi-origin lists), the foreign name
# form, and "unknown to every word list" for invented names. Sentence-initial runs need a vote
# from a list; the score decides whether the name is searched for in the whole case.
RUN_RX = re.compile(
    rf"(?<![\w'’-])({NAME_WORD}(?:[ \t](?:{INTERFIX}|{INTERFIX_CAP})?{NAME_WORD}){{1,2}})(?![\w'’-])"
)
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n\s*|[\"'(]\s*)$")
_MONTHS_DAYS = frozenset(
    "januari februari maart april mei juni juli augustus september oktober november december "
    "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag".split()
)


@lru_cache(maxsize=65536)
def _word_votes(word: str) -> tuple[int, bool] | None:
    """(list votes, unknown to every list) for one capitalised word; None: not a name word."""
    w = word.lower()
    parts = [p for p in w.split("-") if p]
    if (
        word.isupper()
        or w in _MONTHS_DAYS
        or w in lexicon.places()
        or parts[0] in ORGANISATION_WORDS
        or w in lexicon.PUBLIC_OFFICES
        or NOUN_SUFFIX.search(w)
    ):
        return None
    from redaction.detect import worldnames

    dutch_listed = any(p in lexicon.first_names() or p in lexicon.surnames() for p in parts)
    if not dutch_listed and (
        is_common(w) or any(lexicon.is_dutch_word(p) or lexicon.is_english_word(p) for p in parts)
    ):
        return None  # a word ("Big Data", "Teams"); the world lists hold many words as names
    listed = sum(
        (
            dutch_listed,
            any(p in worldnames.first_names() or p in worldnames.surnames() for p in parts),
            bool(FOREIGN_FORM.search(word)),
        )
    )
    if listed and is_common(w):
        return None  # "Bakker", "Groen" alone in a run of capitals: a word as often as a name
    unknown = not listed and not any(lexicon.is_dutch_word(p) for p in parts)
    return listed, unknown


_PLACE_PREFIX = frozenset(
    "sint st new los las san santa saint port fort nieuw oud oude groot klein hoog laag le la el "
    "mount lake cape".split()
)
_CAPS_RUN = re.compile(
    rf"(?<![\w'’-])(?:{NAME_WORD})(?:[ \t](?:{INTERFIX}|{INTERFIX_CAP})?(?:{NAME_WORD}))+(?![\w'’-])"
)
_NAME_TOKEN = re.compile(rf"(?:{INTERFIX}|{INTERFIX_CAP})?({NAME_WORD})")


def candidate_names(text: str) -> list[Span]:
    out: list[Span] = []
    for run in _CAPS_RUN.finditer(text):
        # "Volgens Nkechi Adeyemi-Borst": leading and trailing words that are no name words go
        tokens = [
            (t.start(), t.end(1), t.group(1), _word_votes(t.group(1)))
            for t in _NAME_TOKEN.finditer(text, run.start(), run.end())
        ]
        while tokens and tokens[0][3] is None:
            tokens.pop(0)
        while tokens and tokens[-1][3] is None:
            tokens.pop()
        if len(tokens) < 2 or len(tokens) > 3 or any(t[3] is None for t in tokens):
            continue
        if tokens[0][2].lower() in _PLACE_PREFIX:
            continue  # "Sint Maarten", "New York"
        start = tokens[0][0]
        if text[start : tokens[0][1]].split()[0].lower() in lexicon.INTERFIXES:
            start = tokens[0][1] - len(tokens[0][2])
        m_start, m_end = start, tokens[-1][1]
        words = [t[2] for t in tokens]
        votes = [t[3] for t in tokens]
        listed = sum(v[0] for v in votes)
        unknown = sum(1 for v in votes if v[1])
        first_listed = votes[0][0] > 0
        at_start = bool(_SENTENCE_START.search(text, max(0, m_start - 3), m_start))
        if listed == 0 and (at_start or unknown < len(words)):
            continue  # an invented name mid-sentence is a name; at a sentence start, a heading
        if not first_listed and listed < 2 and at_start and unknown == 0:
            continue
        score = 0.85 if listed >= 2 or (first_listed and unknown) else 0.75
        add_span(
            out,
            text,
            m_start,
            m_end,
            "names.candidate",
            "Reeks namen met hoofdletter die geen Nederlandse woorden zijn",
            score,
        )
    return out
