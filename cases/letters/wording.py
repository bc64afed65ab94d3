"""Pure wording rules for letters: Dutch dates, lists, "Ad N" labels, salutations, legal bases."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date

from cases.letters.context import AnswerInfo, RequesterInfo

_MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
_WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")

# Wet modernisering elektronisch bestuurlijk verkeer (Wmebv), in force 1 January 2026: an organ
# must accept formal messages such as a bezwaarschrift electronically (domain.md §4).
ELECTRONIC_BEZWAAR_FROM = date(2026, 1, 1)


def format_date(d: date, weekday: bool = False) -> str:
    """'10 mei 2021', or 'maandag 10 mei 2021'; no locale needed (a private copy on purpose)."""
    text = f"{d.day} {_MONTHS[d.month - 1]} {d.year}"
    return f"{_WEEKDAYS[d.weekday()]} {text}" if weekday else text


def join_nl(items: Iterable[object]) -> str:
    """['a', 'b', 'c'] -> 'a, b en c'."""
    parts = [str(i) for i in items]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " en " + parts[-1]


def ad_label(points: Iterable[int]) -> str:
    """'Ad 6', 'Ad 8 en 9', 'Ad 6, 7, 8, 12 en 14': ascending, duplicates dropped, no ranges."""
    numbers = sorted({int(n) for n in points})
    if not numbers:
        raise ValueError("Een antwoord hoort bij minstens één punt van het verzoek.")
    return "Ad " + join_nl(numbers)


def answers_in_order(answers: Sequence[AnswerInfo]) -> list[AnswerInfo]:
    """Answers ordered by their lowest point, then by the rest ('Ad 5 en 10' before 'Ad 6')."""
    return sorted(answers, key=lambda a: tuple(sorted({int(n) for n in a.points})))


# Lower-case particles that open a Dutch (or common foreign) surname: "van der", "de", "el" ...
TUSSENVOEGSELS = frozenset(
    "van de der den het ten ter te in op 't aan bij uit voor vd v.d. "
    "el al la le du da das dos del della di von zu zum bin ben ait abu".split()
)
_INITIALS = re.compile(r"(?:[A-Za-zÀ-ÿ]{1,3}\.)+(?:-(?:[A-Za-zÀ-ÿ]{1,3}\.)+)*")


def surname(full_name: str) -> str:
    """The surname as written after 'heer'/'mevrouw', first tussenvoegsel capitalised.

    Heuristic (kept simple on purpose): drop initials ('J.P.'); if the first remaining word is a
    tussenvoegsel there is no first name, else the first word is the first name; the surname
    starts at the first tussenvoegsel after that, or else is the last word.
    'Anna de Wit' -> 'De Wit', 'J.P. van der Berg' -> 'Van der Berg', 'Ahmed El Amrani' ->
    'El Amrani', 'Jan Pieter Jansen' -> 'Jansen'. Double surnames without a particle
    ('Maria Lopez Garcia') come out as the last word only; the handler can correct the salutation.
    """
    tokens = [t for t in full_name.replace(",", " ").split() if not _INITIALS.fullmatch(t)]
    if not tokens:
        return ""
    if len(tokens) == 1:
        return tokens[0]
    first = 0 if tokens[0].lower() in TUSSENVOEGSELS else 1
    start = next(
        (i for i in range(first, len(tokens) - 1) if tokens[i].lower() in TUSSENVOEGSELS),
        len(tokens) - 1,
    )
    parts = tokens[start:]
    if parts[0].lower() in TUSSENVOEGSELS:
        # "mevrouw De Wit": the first particle capitalised, any further particles lower case.
        head = parts[0].lower()
        head = head[:1].upper() + head[1:] if head[0].isalpha() else head
        rest = [p.lower() if p.lower() in TUSSENVOEGSELS else p for p in parts[1:]]
        parts = [head, *rest]
    return " ".join(parts)


def salutation(requester: RequesterInfo) -> str:
    """'Geachte heer Jansen,', 'Geachte mevrouw De Wit,', else 'Geachte heer/mevrouw,'."""
    name = surname(requester.name or "")
    if requester.salutation in ("heer", "mevrouw") and name:
        return f"Geachte {requester.salutation} {name},"
    return "Geachte heer/mevrouw,"


def addressee_line(requester: RequesterInfo) -> str:
    """'De heer J.P. van der Berg' (tussenvoegsels as written: lower case after initials)."""
    name = (requester.name or "").strip()
    if not name:
        return ""
    prefix = {"heer": "De heer ", "mevrouw": "Mevrouw "}.get(requester.salutation, "")
    return prefix + name


def law_names(regime: str) -> tuple[str, str]:
    """('Wob', 'Wet openbaarheid van bestuur (Wob)') or ('Woo', 'Wet open overheid (Woo)')."""
    if regime == "woo":
        return "Woo", "Wet open overheid (Woo)"
    if regime == "wob":
        return "Wob", "Wet openbaarheid van bestuur (Wob)"
    raise ValueError(f"Onbekend regime '{regime}': kies 'wob' of 'woo'.")


def _articles_of(regime: str, codes: Iterable[str]) -> list[str]:
    """'10.2.e' -> '10', '11.1' -> '11', '5.1.2e' -> '5.1', '5.4a' -> '5.4a'; sorted, unique."""
    if regime == "wob":
        pattern = re.compile(r"^(\d+)")
    else:
        pattern = re.compile(r"^(\d+\.\d+a?)")
    found = {m.group(1) for c in codes if (m := pattern.match(c.strip()))}
    return sorted(found, key=_article_key)


def refusal_articles(regime: str, codes: Iterable[str]) -> str:
    """The articles a refusal rests on, exactly those of the grounds used: 'artikel 10 van de
    Wob', 'artikel 5.1 en 5.2 van de Woo' ('10.2.e' -> 10, '5.1.2e' -> 5.1, '5.4a' -> 5.4a).
    Without codes (a refusal the consistency check reports), no article is invented."""
    short, _ = law_names(regime)
    articles = _articles_of(regime, codes)
    if not articles:
        return f"de uitzonderingsgronden van de {short}"
    return f"artikel {join_nl(articles)} van de {short}"


def _article_key(article: str) -> tuple:
    return tuple(int(p) if p.isdigit() else p for p in re.findall(r"\d+|[a-z]+", article))


def decision_basis(
    regime: str,
    codes: Iterable[str] = (),
    *,
    forwarded: bool = False,
    provides_documents: bool = False,
) -> str:
    """The besluit's legal basis, citing exactly the articles applied (issue 12, item 3).

    Woo: art. 4.1 (the request) and 4.4 (the term) always; 4.2 when (part of) the request was
    forwarded; 5.1, 5.2, 5.3, 5.4, 5.4a only when a ground of that article was applied (5.3 when
    documents older than five years were refused on a relative ground: the caller passes '5.3').
    Wob: art. 1, 2, 3 (begrippen, beginsel, verzoek), 5 (schriftelijke beslissing) and 6 (termijn)
    always; 4 when forwarded; 7 when documents are provided; 10 and 11 only when applied.
    """
    used = _articles_of(regime, codes)
    if regime == "woo":
        base = ["4.1", "4.4"] + (["4.2"] if forwarded else [])
        short = "Woo"
    else:
        base = ["1", "2", "3", "5", "6"] + (["4"] if forwarded else [])
        base += ["7"] if provides_documents else []
        short = "Wob"
    articles = sorted(set(base) | set(used), key=_article_key)
    return f"de artikelen {join_nl(articles)} van de {short}"


# Woo art. 4.4 lid 2: "indien de omvang of de gecompliceerdheid van de informatie een verlenging
# rechtvaardigt" (source: wettekst via nkoo.nl/woo/artikel-4-4-termijn). Wob art. 6 lid 2 itself
# names no reasons ("Van de verdaging wordt ... gemotiveerd mededeling gedaan"); practice and the
# Woo use the same two, so the same choice serves both regimes.
ADJOURNMENT_REASONS: dict[str, str] = {
    "omvang": "de omvang",
    "gecompliceerdheid": "de gecompliceerdheid",
}


def adjournment_reason_text(regime: str, reasons: Sequence[str], sentence: str = "") -> str:
    """The motivation of a verdaging from the legal reasons chosen, plus the adviser's optional
    sentence: 'de omvang en de gecompliceerdheid van de informatie waarom u vraagt'. Unknown or
    no reasons: ValueError with a Dutch message."""
    chosen = [r for r in ADJOURNMENT_REASONS if r in set(reasons)]
    unknown = sorted(set(reasons) - set(ADJOURNMENT_REASONS))
    if unknown or not chosen:
        article = adjournment_articles(regime)["adjourn_short"]
        raise ValueError(
            "Kies de reden van de verdaging: de omvang en/of de gecompliceerdheid van de "
            f"informatie ({article})."
        )
    return join_nl(ADJOURNMENT_REASONS[r] for r in chosen) + " van de informatie waarom u vraagt"


def adjournment_articles(regime: str) -> dict[str, str]:
    """Term articles and weeks: Woo art. 4.4 lid 1 (4 weeks) and lid 2 (verdaging 2 weeks);
    Wob art. 6 lid 1 (4 weeks) and lid 2 (verdaging 4 weeks)."""
    if regime == "woo":
        return {
            "term_article": "artikel 4.4, eerste lid, van de Woo",
            "adjourn_article": "artikel 4.4, tweede lid, van de Woo",
            "adjourn_short": "art. 4.4 lid 2 Woo",
            "adjourn_weeks": "twee",
        }
    return {
        "term_article": "artikel 6, eerste lid, van de Wob",
        "adjourn_article": "artikel 6, tweede lid, van de Wob",
        "adjourn_short": "art. 6 lid 2 Wob",
        "adjourn_weeks": "vier",
    }


def adjournment_refusal(
    *, regime: str, letter_date: date, first_term_ends_on: date | None
) -> str | None:
    """Why a verdagingsbrief cannot be sent, or None. The verdaging must be announced within the
    first term (Woo art. 4.4 lid 2; Wob art. 6 lid 2): a letter dated after it comes too late."""
    if first_term_ends_on is None or letter_date <= first_term_ends_on:
        return None
    short = adjournment_articles(regime)["adjourn_short"]
    return (
        f"De eerste beslistermijn is op {format_date(first_term_ends_on)} verstreken; "
        f"verdagen kan niet meer ({short})."
    )


def electronic_bezwaar_open(letter_date: date) -> bool:
    """From 1 January 2026 (Wmebv) a bezwaarschrift may also be filed electronically."""
    return letter_date >= ELECTRONIC_BEZWAAR_FROM
