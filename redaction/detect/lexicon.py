"""Word lists, loaded lazily once per process: deduce's name/place/street/common-word lists."""

# Used from deduce 3.0.6 (deduce/data/lookup/src, found without importing deduce):
# names/lst_first_name (14,881 first names), names/lst_surname (10,500 surnames),
# whitelist/lst_common_word + lst_stop_word (Dutch words that are not names),
# locations/lst_placename/{lst_residence,lst_municipality,lst_province,lst_region} (places) and
# locations/lst_street (153,469 street names). The lists help; context rules carry the many names
# that are in none of them.

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path


def _source_dir() -> Path | None:
    """deduce's list folder, found without importing deduce (its import pulls in numpy: slow)."""
    spec = importlib.util.find_spec("deduce")
    if spec is None or not spec.submodule_search_locations:  # pragma: no cover - a requirement
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "lookup" / "src"


_SRC = _source_dir()


def _read(*parts: str) -> set[str]:
    if _SRC is None:
        return set()
    path = _SRC.joinpath(*parts)
    if not path.exists():
        return set()
    return {line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    return frozenset(n.lower() for n in _read("names", "lst_first_name", "items.txt"))


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    return frozenset(n.lower() for n in _read("names", "lst_surname", "items.txt"))


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    result: set[str] = set()
    for sub in ("lst_residence", "lst_municipality", "lst_province", "lst_region"):
        result |= _read("locations", "lst_placename", sub, "items.txt")
    return frozenset(p.lower() for p in result)


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    words = _read("whitelist", "lst_common_word", "items.txt") | _read(
        "whitelist", "lst_stop_word", "items.txt"
    )
    return frozenset(w.lower() for w in words) | EXTRA_COMMON


@lru_cache(maxsize=1)
def street_names() -> frozenset[str]:
    return frozenset(s.lower() for s in _read("locations", "lst_street", "items.txt"))


INTERFIXES = (
    "van der",
    "van den",
    "van de",
    "van het",
    "van 't",
    "in 't",
    "in den",
    "in het",
    "op de",
    "op den",
    "op het",
    "uit de",
    "aan de",
    "bij de",
    "de la",
    "van",
    "de",
    "der",
    "den",
    "het",
    "ten",
    "ter",
    "te",
    "'t",
    "d'",
    "el",
    "al",
    "ben",
    "bin",
    "ait",
    "von",
    "zu",
    "zur",
    "la",
    "le",
    "du",
    "da",
    "dos",
    "del",
    "di",
    "a",  # Surinamese-Chinese names: "Tjon A Fong", "Lie A Kwie"
)

# Capitalised words that start sentences or name things in government documents, never a person.
EXTRA_COMMON = frozenset(
    """
    de het een en of in op aan met voor na om bij uit tot over onder tegen naar door als dan dat die dit
    deze er ik u wij we zij ze hij men wat wie waar wanneer hoe waarom graag geachte beste hallo hoi dag
    met vriendelijke groet groeten hoogachtend namens college gemeente provincie ministerie minister
    staatssecretaris burgemeester wethouder raad directeur directie afdeling team bureau dienst politie
    korpschef woo wob awb avg artikel lid onder sub bijlage pagina datum onderwerp kenmerk betreft
    januari februari maart april mei juni juli augustus september oktober november december
    maandag dinsdag woensdag donderdag vrijdag zaterdag zondag nederland nederlandse den haag
    besluit verzoek document documenten memo notitie verslag agenda aanwezig afwezig actiepunten
    vraag antwoord zie ook tevens verder daarnaast hierbij bovendien vervolgens inmiddels wel niet
    geen alle andere nieuwe oude eerste tweede derde vierde vijfde grote kleine goede hoge lage
    rijksoverheid rijk staat kabinet kamer tweede kamer eerste kamer europese unie college van
    portefeuillehouder project programma beleid overleg stuurgroep werkgroep regio eenheid
    noord zuid oost west centrum stad straat weg plein postbus telefoon e-mail email mail mobiel
    tel fax www http https nl com org
    """.split()
)

# Offices whose holders stay readable (bewindspersonen, bestuurders, spokespersons): the default
# for DetectionConfig.public_offices.
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
    "ministers",
    "staatssecretarissen",
    "burgemeesters",
    "wethouders",
    "gedeputeerden",
    "raadsleden",
    "statenleden",
    "kamerleden",
    "fractievoorzitters",
)
# elected members are introduced by their party: "El Khatib (GL)", "Van Rijn (VVD)"
PARTIES = frozenset(
    "vvd cda d66 gl groenlinks pvda gl-pvda groenlinks-pvda sp pvv cu christenunie sgp pvdd "
    "ja21 fvd bbb nsc volt denk 50plus bij1".split()
)


# Dutch words from Debian's hunspell-nl (the stems of nl.dic: lowercase entries are words, the
# capitalised ones proper nouns) and wordfreq: a capitalised token that is a Dutch word is a
# label, a heading or a noun, not a name ("Functie", "Rekeningnummer", "Parkeerbeheer"). A
# missing resource leaves the other votes: detection works without either.
HUNSPELL_DIC = Path("/usr/share/hunspell/nl.dic")


@lru_cache(maxsize=1)
def dutch_words() -> frozenset[str]:
    try:
        lines = HUNSPELL_DIC.read_text(encoding="utf-8", errors="ignore").splitlines()
    except OSError:
        return frozenset()
    words = set()
    for line in lines[1:]:
        stem = line.split("/", 1)[0].strip()
        if stem and stem[0].islower() and stem.isalpha():
            words.add(stem)
    return frozenset(words)


@lru_cache(maxsize=1)
def _zipf():
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # pragma: no cover - installed here
        return None
    return zipf_frequency


_INFLECTIONS = ("en", "s", "e", "n", "'s", "tjes", "tje", "jes", "je", "ers", "er")
_LINKS = ("", "s", "e", "en")


def _stem_known(word: str, words: frozenset[str]) -> bool:
    if word in words:
        return True
    for suffix in _INFLECTIONS:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            base = word[: -len(suffix)]
            if base in words or (len(base) > 3 and base[-1] == base[-2] and base[:-1] in words):
                return True  # "klachten" -> "klacht", "bakken" -> "bak"
    return False


@lru_cache(maxsize=65536)
def is_dutch_word(word: str) -> bool:
    """A Dutch dictionary word (hunspell stem, an inflection of one, or a compound of two), or a
    frequent token in wordfreq that no name list knows. Names that are also words ("Kok",
    "Visser") are words here: callers combine this with the name lists and the context."""
    w = word.lower().strip(".-'’")
    if len(w) < 3 or not w.replace("-", "").isalpha():
        return False
    words = dutch_words()
    if words:
        if _stem_known(w, words):
            return True
        for i in range(4, len(w) - 3):  # "parkeerbeheer", "omgevingsloket", "postbusnummer"
            head, tail = w[:i], w[i:]
            if len(tail) < 4 or not _stem_known(tail, words):
                continue
            for link in _LINKS:
                base = head[: len(head) - len(link)]
                if head.endswith(link) and len(base) >= 4 and base in words:
                    return True
    zipf = _zipf()
    if zipf is not None and w not in first_names() and w not in surnames():
        return zipf(w, "nl") >= 3.5
    return False


@lru_cache(maxsize=65536)
def is_english_word(word: str) -> bool:
    """A frequent English word (wordfreq zipf >= 4.8): "Big", "Data", "Teams" in a run of
    capitals are words, not names."""
    zipf = _zipf()
    w = word.lower()
    if zipf is None or w in first_names() or w in surnames():
        return False
    return zipf(w, "en") >= 4.8


@lru_cache(maxsize=65536)
def is_plain_word(word: str) -> bool:
    """The lowercase form is an ordinary word, whether or not it is also a name ("floor",
    "roos", "tolk"): such a name only counts where it is written with a capital."""
    w = word.lower()
    words = dutch_words()
    if words and _stem_known(w, words):
        return True
    zipf = _zipf()
    return (
        zipf is not None
        and max(zipf(w, "en"), zipf(w, "nl") if w not in first_names() else 0) >= 4.5
    )
