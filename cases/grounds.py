"""The exception-ground catalogue for the Wob and the Woo, defined in code (domain.md §2): pure."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

WOB, WOO = "wob", "woo"
REGIMES = (WOB, WOO)

ABSOLUUT, RELATIEF, TIJDELIJK, AANVULLEND = "absoluut", "relatief", "tijdelijk", "aanvullend"
# Wob art. 11 and Woo art. 5.2 are neither absolute nor relative: their own regime. Lid 1: "wordt
# geen informatie verstrekt over daarin opgenomen persoonlijke beleidsopvattingen" (no weighing of
# interests), lid 2: may be given in a form not traceable to persons; Woo lid 3: from documents for
# formal administrative decision-making given in that form unless internal deliberation would be
# disproportionately harmed; Woo lid 4: for milieu-informatie a weighing after all.
BELEIDSOPVATTINGEN = "beleidsopvattingen"

_LAW = {WOB: "de Wob", WOO: "de Woo"}
_ORDINALS = {
    "eerste": 1,
    "tweede": 2,
    "derde": 3,
    "vierde": 4,
    "vijfde": 5,
    "zesde": 6,
    "zevende": 7,
}
_ORDINAL_WORDS = {n: w for w, n in _ORDINALS.items()}


class UnknownGround(ValueError):
    """A notation that is no ground of the catalogue; the message is Dutch and names the input."""


class WrongRegime(UnknownGround):
    """A known ground of the other regime (Wob ground on a Woo request or the reverse)."""


@dataclass(frozen=True)
class Ground:
    code: str  # canonical: "10.2.e", "10.1.d", "11.1", "5.1.2e", "5.1.1e", "5.1.4", "5.2"
    regime: str
    article: str  # "5.1", "10"
    lid: int | None
    letter: str | None
    words: str  # "artikel 5.1, tweede lid, aanhef en onder e, van de Woo"
    kind: str  # absoluut | relatief | tijdelijk | aanvullend | beleidsopvattingen
    label: str
    motivation: str
    woo_equivalent: str | None = None


def _words(regime: str, article: str, lid: int | None, letter: str | None) -> str:
    """The citation in a besluit: 'artikel 10, tweede lid, aanhef en onder e, van de Wob'."""
    text = f"artikel {article}"
    if lid is not None:
        text += f", {_ORDINAL_WORDS[lid]} lid"
        if letter:
            text += f", aanhef en onder {letter}"
        return f"{text}, van {_LAW[regime]}"
    return f"{text} van {_LAW[regime]}"


# The catalogue in statute order: Wob art. 10 lid 1, lid 2, lid 7, art. 11 (decisions before
# 1 May 2022), then Woo art. 5.1 lid 1, lid 2, lid 4, lid 5, lid 6, art. 5.2, 5.3, 5.4, 5.4a.
# fmt: off
_CATALOGUE: list[tuple[str, str, int | None, str | None, str, str, str | None]] = [
    # code, article, lid, letter, kind, label, woo_equivalent (Wob rows: the Woo ground that
    # took over the interest, domain.md §2). The comment above each row names the rule it encodes.
    # Wob art. 10 lid 1 onder a: absolute.
    ("10.1.a", "10", 1, "a", ABSOLUUT, "eenheid van de Kroon", "5.1.1a"),
    # Wob art. 10 lid 1 onder b: absolute.
    ("10.1.b", "10", 1, "b", ABSOLUUT, "veiligheid van de Staat", "5.1.1b"),
    # Wob art. 10 lid 1 onder c: absolute (relative for milieu-informatie, art. 10 lid 4; verify).
    ("10.1.c", "10", 1, "c", ABSOLUUT,
     "vertrouwelijk meegedeelde bedrijfs- en fabricagegegevens", "5.1.1c"),
    # Wob art. 10 lid 1 onder d: absolute, unless disclosure clearly does not harm privacy.
    ("10.1.d", "10", 1, "d", ABSOLUUT, "bijzondere persoonsgegevens", "5.1.1d"),
    # Wob art. 10 lid 2 onder a: relative.
    ("10.2.a", "10", 2, "a", RELATIEF,
     "betrekkingen van Nederland met andere staten en internationale organisaties", "5.1.2a"),
    # Wob art. 10 lid 2 onder b: relative.
    ("10.2.b", "10", 2, "b", RELATIEF,
     "economische of financiële belangen van de Staat en andere publiekrechtelijke lichamen",
     "5.1.2b"),
    # Wob art. 10 lid 2 onder c: relative.
    ("10.2.c", "10", 2, "c", RELATIEF, "opsporing en vervolging van strafbare feiten", "5.1.2c"),
    # Wob art. 10 lid 2 onder d: relative.
    ("10.2.d", "10", 2, "d", RELATIEF,
     "inspectie, controle en toezicht door bestuursorganen", "5.1.2d"),
    # Wob art. 10 lid 2 onder e: relative.
    ("10.2.e", "10", 2, "e", RELATIEF, "eerbiediging van de persoonlijke levenssfeer", "5.1.2e"),
    # Wob art. 10 lid 2 onder f: relative (became the temporary ground of Woo art. 5.1 lid 4).
    ("10.2.f", "10", 2, "f", RELATIEF, "het als eerste kennisnemen door de geadresseerde", "5.1.4"),
    # Wob art. 10 lid 2 onder g: relative (Woo art. 5.1 lid 5 is narrower).
    ("10.2.g", "10", 2, "g", RELATIEF,
     "voorkomen van onevenredige bevoordeling of benadeling", "5.1.5"),
    # Wob art. 10 lid 7 onder a: relative, milieu-informatie only.
    ("10.7.a", "10", 7, "a", RELATIEF, "milieu-informatie: bescherming van het milieu", "5.1.2g"),
    # Wob art. 10 lid 7 onder b: relative, milieu-informatie only.
    ("10.7.b", "10", 7, "b", RELATIEF,
     "milieu-informatie: beveiliging van bedrijven en voorkomen van sabotage", "5.1.2h"),
    # Wob art. 11 lid 1; lid 2 (anonymised disclosure) is a discretion within this ground, so the
    # notations 11, 11.1 and 11.2 all resolve to this entry.
    ("11.1", "11", 1, None, BELEIDSOPVATTINGEN,
     "persoonlijke beleidsopvattingen in intern beraad", "5.2"),
    # Woo art. 5.1 lid 1 onder a: absolute.
    ("5.1.1a", "5.1", 1, "a", ABSOLUUT, "eenheid van de Kroon", None),
    # Woo art. 5.1 lid 1 onder b: absolute.
    ("5.1.1b", "5.1", 1, "b", ABSOLUUT, "veiligheid van de Staat", None),
    # Woo art. 5.1 lid 1 onder c: absolute (for milieu-informatie see 5.1.6).
    ("5.1.1c", "5.1", 1, "c", ABSOLUUT,
     "vertrouwelijk meegedeelde bedrijfs- en fabricagegegevens", None),
    # Woo art. 5.1 lid 1 onder d: absolute, unless explicit consent or made public by the person.
    ("5.1.1d", "5.1", 1, "d", ABSOLUUT, "bijzondere en strafrechtelijke persoonsgegevens", None),
    # Woo art. 5.1 lid 1 onder e: absolute, unless disclosure clearly does not harm privacy.
    ("5.1.1e", "5.1", 1, "e", ABSOLUUT,
     "identificatienummers (zoals het burgerservicenummer)", None),
    # Woo art. 5.1 lid 2 onder a: relative; explicit weighing required by art. 5.1 lid 3.
    ("5.1.2a", "5.1", 2, "a", RELATIEF,
     "betrekkingen van Nederland met andere staten en internationale organisaties", None),
    # Woo art. 5.1 lid 2 onder b: relative.
    ("5.1.2b", "5.1", 2, "b", RELATIEF,
     "economische of financiële belangen van de Staat en andere publiekrechtelijke lichamen",
     None),
    # Woo art. 5.1 lid 2 onder c: relative.
    ("5.1.2c", "5.1", 2, "c", RELATIEF, "opsporing en vervolging van strafbare feiten", None),
    # Woo art. 5.1 lid 2 onder d: relative.
    ("5.1.2d", "5.1", 2, "d", RELATIEF,
     "inspectie, controle en toezicht door bestuursorganen", None),
    # Woo art. 5.1 lid 2 onder e: relative.
    ("5.1.2e", "5.1", 2, "e", RELATIEF, "eerbiediging van de persoonlijke levenssfeer", None),
    # Woo art. 5.1 lid 2 onder f: relative (new: non-confidential competition-sensitive data).
    ("5.1.2f", "5.1", 2, "f", RELATIEF,
     "concurrentiegevoelige bedrijfs- en fabricagegegevens", None),
    # Woo art. 5.1 lid 2 onder g: relative.
    ("5.1.2g", "5.1", 2, "g", RELATIEF,
     "bescherming van het milieu waarop de informatie betrekking heeft", None),
    # Woo art. 5.1 lid 2 onder h: relative.
    ("5.1.2h", "5.1", 2, "h", RELATIEF,
     "beveiliging van personen en bedrijven en het voorkomen van sabotage", None),
    # Woo art. 5.1 lid 2 onder i: relative (new in the Woo).
    ("5.1.2i", "5.1", 2, "i", RELATIEF,
     "goed functioneren van de Staat, andere publiekrechtelijke lichamen of bestuursorganen", None),
    # Woo art. 5.1 lid 4: temporary; the besluit states the date of disclosure.
    ("5.1.4", "5.1", 4, None, TIJDELIJK, "het als eerste kennisnemen door de geadresseerde", None),
    # Woo art. 5.1 lid 5: relative, exceptional, never beside another 5.1 ground, not for milieu-
    # info.
    ("5.1.5", "5.1", 5, None, RELATIEF, "onevenredige benadeling van een ander belang", None),
    # Woo art. 5.1 lid 6: relative; milieu-informatie and confidential business data (verify wording
    # against the statute in force).
    ("5.1.6", "5.1", 6, None, RELATIEF,
     "milieu-informatie: vertrouwelijke bedrijfs- en fabricagegegevens", None),
    # Woo art. 5.2 (lid 1-4). One entry: 5.2.1 / 5.2.2 / "5.2 lid N" notations resolve to "5.2"
    # because the leden are not separate grounds but the rule (lid 1) and its discretions (lid 2-4).
    # Its own regime (see BELEIDSOPVATTINGEN): not absolute, no weighing under lid 1.
    ("5.2", "5.2", None, None, BELEIDSOPVATTINGEN,
     "persoonlijke beleidsopvattingen in intern beraad", None),
    # Woo art. 5.3: no ground by itself; extra motivation for information older than five years when
    # refusing under art. 5.1 lid 2, 5.1 lid 5 or 5.2.
    ("5.3", "5.3", None, None, AANVULLEND, "informatie ouder dan vijf jaar", None),
    # Woo art. 5.4: temporary, information with the formateur/informateur until the formatie ends
    # (verify).
    ("5.4", "5.4", None, None, TIJDELIJK, "informatie bij de formateur of informateur", None),
    # Woo art. 5.4a: support of individual representatives by griffie staff (verify).
    ("5.4a", "5.4a", None, None, ABSOLUUT,
     "ondersteuning van individuele volksvertegenwoordigers", None),
]
# fmt: on

# Standard motivation per ground, in Dutch; the adviser adapts it per case. The prose lives in
# templates/cases/letters/grounds/<interest>.txt (one file per protected interest, shared by the Wob
# and the Woo ground that protect it, the differences as variables) so that a jurist edits the
# wording without touching code; the catalogue above stays in code.
GROUND_TEMPLATES = (
    Path(__file__).resolve().parents[1] / "templates" / "cases" / "letters" / "grounds"
)
INTEREST_OF: dict[str, str] = {
    "10.1.a": "eenheid_kroon",
    "5.1.1a": "eenheid_kroon",
    "10.1.b": "veiligheid_staat",
    "5.1.1b": "veiligheid_staat",
    "10.1.c": "vertrouwelijke_bedrijfsgegevens",
    "5.1.1c": "vertrouwelijke_bedrijfsgegevens",
    "10.1.d": "bijzondere_persoonsgegevens",
    "5.1.1d": "bijzondere_persoonsgegevens",
    "5.1.1e": "identificatienummers",
    "10.2.a": "internationale_betrekkingen",
    "5.1.2a": "internationale_betrekkingen",
    "10.2.b": "economische_belangen",
    "5.1.2b": "economische_belangen",
    "10.2.c": "opsporing_vervolging",
    "5.1.2c": "opsporing_vervolging",
    "10.2.d": "inspectie_toezicht",
    "5.1.2d": "inspectie_toezicht",
    "10.2.e": "persoonlijke_levenssfeer",
    "5.1.2e": "persoonlijke_levenssfeer",
    "5.1.2f": "concurrentiegevoelige_gegevens",
    "10.7.a": "bescherming_milieu",
    "5.1.2g": "bescherming_milieu",
    "10.7.b": "beveiliging_sabotage",
    "5.1.2h": "beveiliging_sabotage",
    "5.1.2i": "goed_functioneren_staat",
    "10.2.f": "eerste_kennisname",
    "5.1.4": "eerste_kennisname",
    "10.2.g": "onevenredige_benadeling",
    "5.1.5": "onevenredige_benadeling",
    "5.1.6": "milieu_bedrijfsgegevens",
    "11.1": "persoonlijke_beleidsopvattingen",
    "5.2": "persoonlijke_beleidsopvattingen",
    "5.3": "ouder_dan_vijf_jaar",
    "5.4": "formatie",
    "5.4a": "griffie",
}


def _template_variables(regime: str) -> dict:
    """What a ground template may use: the law's name and its word for disclosure (the Wob speaks
    of 'verstrekking' (art. 10 and 11 Wob), the Woo of 'openbaarmaking' (art. 5.1 and 5.2 Woo))."""
    woo = regime == WOO
    return {
        "woo": woo,
        "law": "Woo" if woo else "Wob",
        "disclosure": "openbaarmaking" if woo else "verstrekking",
        "Disclosure": "Openbaarmaking" if woo else "Verstrekking",
    }


def standard_motivation(code: str, regime: str) -> str:
    """The standard motivation of one ground, rendered from its interest's template (one line)."""
    from django.template import Context, Engine

    engine = Engine(dirs=[str(GROUND_TEMPLATES)], autoescape=False)
    text = engine.get_template(f"{INTEREST_OF[code]}.txt").render(
        Context(_template_variables(regime), autoescape=False)
    )
    return " ".join(text.split())


def _build() -> dict[str, Ground]:
    grounds = {}
    for code, article, lid, letter, kind, label, woo_equivalent in _CATALOGUE:
        regime = WOB if article in ("10", "11") else WOO
        grounds[code] = Ground(
            code=code,
            regime=regime,
            article=article,
            lid=lid,
            letter=letter,
            words=_words(regime, article, lid, letter),
            kind=kind,
            label=label,
            motivation=standard_motivation(code, regime),
            woo_equivalent=woo_equivalent,
        )
    return grounds


GROUNDS: dict[str, Ground] = _build()  # by canonical code, in statute order (Wob, then Woo)

# Wob art. 10 lid 1 onder d covered both special data and identification numbers; under the Woo
# that interest is split over 5.1.1d and 5.1.1e (domain.md §2). Every other Wob ground maps to one.
WOB_TO_WOO: dict[str, tuple[str, ...]] = {
    code: (("5.1.1d", "5.1.1e") if code == "10.1.d" else (g.woo_equivalent,))
    for code, g in GROUNDS.items()
    if g.regime == WOB and g.woo_equivalent
}


def _check_regime(regime: str) -> str:
    if regime not in REGIMES:
        raise ValueError(f"Onbekend regime '{regime}': kies 'wob' of 'woo'.")
    return regime


def grounds_for(regime: str) -> list[Ground]:
    """The grounds of one regime in statute order, for pick lists."""
    _check_regime(regime)
    return [g for g in GROUNDS.values() if g.regime == regime]


# --- notation parsing --------------------------------------------------------------------------

_LAW_PHRASES = (
    (re.compile(r"\bwet\s+open\s+overheid\b"), " woo "),
    (re.compile(r"\bwet\s+openbaarheid\s+van\s+bestuur\b"), " wob "),
)
_NOISE = {"artikel", "art", "aanhef", "en", "van", "de", "het", "sub", "onder", "letter", "lid"}
_LETTER_SUFFIX = re.compile(r"^(\d+)([a-z])$")


def _parts(text: str) -> tuple[list[str], str | None]:
    """Reduce a notation to its number/letter parts plus the law it names, if any.

    'artikel 5.1, tweede lid, aanhef en onder e, van de Woo' -> (['5', '1', '2', 'e'], 'woo').
    """
    t = text.lower()
    for pattern, replacement in _LAW_PHRASES:
        t = pattern.sub(replacement, t)
    t = re.sub(r"[,;:()\[\]/]", " ", t)
    tokens = [tok.strip(".") for tok in t.split()]
    tokens = [tok for tok in tokens if tok]
    law = None
    out: list[str] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if tok in ("woo", "wob"):
            if law and law != tok:
                raise UnknownGround(f"'{text.strip()}' noemt zowel de Wob als de Woo.")
            law = tok
        elif tok in _ORDINALS and nxt == "lid":  # "tweede lid"
            out.append(str(_ORDINALS[tok]))
            i += 1
        elif nxt == "lid" and re.fullmatch(r"\d+e", tok):  # "2e lid"
            out.append(tok[:-1])
            i += 1
        elif tok == "lid" and nxt.isdigit():  # "lid 2"
            out.append(nxt)
            i += 1
        elif tok in _NOISE:
            pass
        else:
            out.extend(p for p in tok.split(".") if p)
        i += 1
    parts: list[str] = []
    for p in out:
        m = _LETTER_SUFFIX.match(p)
        parts.extend(m.groups() if m else (p,))
    return parts, law


def _code_from_parts(parts: list[str]) -> str | None:
    """The canonical code that a parts list denotes, or None when it denotes nothing we know."""
    if not parts or not all(p.isdigit() or (len(p) == 1 and p.isalpha()) for p in parts):
        return None
    head, rest = parts[0], parts[1:]
    if head == "10" and len(rest) == 2 and rest[0].isdigit() and rest[1].isalpha():
        return f"10.{rest[0]}.{rest[1]}"  # Wob art. 10, lid, letter
    if head == "11" and (not rest or rest in (["1"], ["2"])):
        return "11.1"  # Wob art. 11; lid 2 is the anonymised-disclosure discretion of lid 1
    if head != "5" or not rest:
        return None
    article, rest = rest[0], rest[1:]
    if article == "1" and rest and rest[0].isdigit() and len(rest) <= 2:
        return f"5.1.{rest[0]}{rest[1] if len(rest) == 2 else ''}"  # Woo art. 5.1, lid, letter
    if article == "2" and (not rest or rest in (["1"], ["2"], ["3"], ["4"])):
        return "5.2"  # Woo art. 5.2 lid 1-4: one ground (see the catalogue entry)
    if article == "3" and not rest:
        return "5.3"
    if article == "4" and not rest:
        return "5.4"
    if article == "4" and rest == ["a"]:
        return "5.4a"
    return None


def normalise_code(raw: str) -> str:
    """The canonical code for a notation such as '5.1.2 sub e', '10.2e' or
    'artikel 5.1, tweede lid, aanhef en onder e, van de Woo'; UnknownGround otherwise."""
    text = (raw or "").strip()
    if not text:
        raise UnknownGround("Er is geen uitzonderingsgrond opgegeven.")
    parts, law = _parts(text)
    code = _code_from_parts(parts)
    if code is None or code not in GROUNDS:
        hint = _hint(parts)
        raise UnknownGround(f"'{text}' is geen bekende uitzonderingsgrond{hint}.")
    ground = GROUNDS[code]
    if law and law != ground.regime:
        raise UnknownGround(
            f"'{text}' noemt {_LAW[law]}, maar {code} is een grond uit {_LAW[ground.regime]}."
        )
    return code


def _hint(parts: list[str]) -> str:
    """A short Dutch hint for the commonest mistake: a missing or out-of-range letter."""
    if parts[:2] == ["5", "1"] and len(parts) >= 3:
        article, lid = "5.1", parts[2]
    elif parts[:1] == ["10"] and len(parts) >= 2:
        article, lid = "10", parts[1]
    else:
        return ""
    letters = sorted(
        g.letter
        for g in GROUNDS.values()
        if g.article == article and g.letter and str(g.lid) == lid
    )
    if not letters:
        return ""
    return (
        f": artikel {article}, {_ORDINAL_WORDS[int(lid)]} lid, kent de onderdelen "
        f"{letters[0]} tot en met {letters[-1]}"
    )


def parse_ground(raw: str, *, regime: str) -> Ground:
    """Normalise a notation and refuse a ground of the other regime."""
    _check_regime(regime)
    ground = GROUNDS[normalise_code(raw)]
    if ground.regime != regime:
        raise WrongRegime(
            f"Grond {ground.code} hoort bij {_LAW[ground.regime]}; "
            f"dit verzoek valt onder {_LAW[regime]}."
        )
    return ground


_MAX_SPAN = 24  # tokens in the longest notation: "artikel 10 , zevende lid , aanhef en onder a ..."


def _split_codes(chunk: str) -> list[str]:
    """Split one ';'-free chunk into notations: '5.1.2e, 5.1.2i', '10.2.e 10.2.g', or one long
    'artikel 5.1, tweede lid, aanhef en onder e' (whose commas are not separators)."""
    tokens = re.findall(r"[^\s,]+|,", chunk)
    found: list[str] = []
    i = 0
    while i < len(tokens):
        if tokens[i] == ",":
            i += 1
            continue
        for j in range(min(len(tokens), i + _MAX_SPAN), i, -1):
            candidate = " ".join(tokens[i:j])
            try:
                normalise_code(candidate)
            except UnknownGround:
                continue
            found.append(candidate)
            i = j
            break
        else:
            # Nothing parses from here: report the piece up to the next comma as the culprit.
            end = tokens.index(",", i) if "," in tokens[i:] else len(tokens)
            normalise_code(" ".join(tokens[i:end]))  # raises with a precise message
            raise UnknownGround(f"'{' '.join(tokens[i:end])}' is geen bekende uitzonderingsgrond.")
    return found


def parse_grounds(raw: str | Iterable[str], *, regime: str) -> list[Ground]:
    """'10.2.e; 10.2.g' or a list: separators ; , newline and spaces between codes; deduplicated,
    in the order given."""
    _check_regime(regime)
    if isinstance(raw, str):
        items = [code for chunk in re.split(r"[;\n]+", raw) for code in _split_codes(chunk)]
    else:
        items = [str(item) for item in raw if str(item).strip()]
    result: list[Ground] = []
    for item in items:
        ground = parse_ground(item, regime=regime)
        if ground not in result:
            result.append(ground)
    return result


def personal_data_ground(regime: str) -> str:
    """The ground for ordinary personal data: Wob art. 10 lid 2 onder e, Woo art. 5.1 lid 2 e."""
    return "5.1.2e" if _check_regime(regime) == WOO else "10.2.e"


def bsn_ground(regime: str) -> str:
    """The ground for a BSN: Woo art. 5.1 lid 1 onder e; under the Wob usually art. 10 lid 2
    onder e (10.1.d was meant for special personal data)."""
    return "5.1.1e" if _check_regime(regime) == WOO else "10.2.e"


def ground_label_in_box(code: str) -> str:
    """What a redaction box shows: the canonical code itself ('5.1.2e')."""
    return normalise_code(code)


def is_absolute(code: str) -> bool:
    """True for grounds that allow no weighing against the public interest of openbaarheid."""
    return GROUNDS[normalise_code(code)].kind == ABSOLUUT


def wob_to_woo(code: str) -> tuple[str, ...]:
    """The Woo ground(s) that took over a Wob ground (domain.md §2); () for a Woo code."""
    return WOB_TO_WOO.get(normalise_code(code), ())
