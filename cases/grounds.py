"""The exception-ground catalogue for the Wob and the Woo, defined in code (domain.md §2): pure."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

WOB, WOO = "wob", "woo"

_LID_WORDS = {1: "eerste", 2: "tweede", 3: "derde", 4: "vierde", 5: "vijfde", 6: "zesde", 7: "zevende"}
_WORD_LID = {v: k for k, v in _LID_WORDS.items()}


class UnknownGround(ValueError):
    """A notation that is no ground of the catalogue; the message is Dutch."""


@dataclass(frozen=True)
class Ground:
    code: str
    regime: str
    article: str
    lid: int | None
    letter: str | None
    words: str
    kind: str  # absoluut | relatief | tijdelijk | aanvullend
    label: str
    motivation: str
    woo_equivalent: str | None = None


def _words(regime: str, article: str, lid: int | None, letter: str | None) -> str:
    law = "de Woo" if regime == WOO else "de Wob"
    parts = [f"artikel {article}"]
    if lid:
        parts.append(f"{_LID_WORDS[lid]} lid")
    text = ", ".join(parts)
    if letter:
        text += f", aanhef en onder {letter}"
    return f"{text}, van {law}"


_WEIGH = (
    "Bij deze grond moet ik het belang van openbaarheid afwegen tegen het belang dat de "
    "uitzonderingsgrond beschermt. "
)

# (code, regime, article, lid, letter, kind, label, motivation, woo_equivalent)
_ROWS: list[tuple] = [
    # --- Woo art. 5.1 lid 1: absolute grounds -----------------------------------------------
    ("5.1.1a", WOO, "5.1", 1, "a", "absoluut", "eenheid van de Kroon",
     "Openbaarmaking van deze informatie kan de eenheid van de Kroon in gevaar brengen. Het gaat om "
     "informatie over de standpunten van de Koning in het overleg met de ministers. Deze grond is "
     "absoluut: als hij van toepassing is, blijft openbaarmaking achterwege zonder belangenafweging.", None),
    ("5.1.1b", WOO, "5.1", 1, "b", "absoluut", "veiligheid van de Staat",
     "Openbaarmaking van deze informatie kan de veiligheid van de Staat schaden. De informatie geeft "
     "inzicht in werkwijzen, bronnen of capaciteiten die voor de bescherming van de nationale "
     "veiligheid geheim moeten blijven. Deze grond is absoluut; een belangenafweging vindt niet plaats.", None),
    ("5.1.1c", WOO, "5.1", 1, "c", "absoluut", "vertrouwelijk meegedeelde bedrijfs- en fabricagegegevens",
     "Het document bevat bedrijfs- en fabricagegegevens die vertrouwelijk aan de overheid zijn "
     "meegedeeld. Uit deze gegevens kan worden afgeleid hoe het bedrijf werkt, wat het produceert of "
     "hoe het zijn prijzen opbouwt. Het bedrijf heeft aangegeven dat deze gegevens vertrouwelijk zijn "
     "en dat ook zo mogen verwachten. Deze grond is absoluut: deze passages maak ik niet openbaar.", None),
    ("5.1.1d", WOO, "5.1", 1, "d", "absoluut", "bijzondere en strafrechtelijke persoonsgegevens",
     "Het document bevat bijzondere persoonsgegevens of persoonsgegevens van strafrechtelijke aard, "
     "zoals gegevens over gezondheid of over strafbare feiten. Deze gegevens genieten bijzondere "
     "bescherming. De betrokkene heeft niet uitdrukkelijk ingestemd met openbaarmaking en heeft de "
     "gegevens ook niet zelf openbaar gemaakt. Deze grond is absoluut; ik maak deze gegevens niet openbaar.", None),
    ("5.1.1e", WOO, "5.1", 1, "e", "absoluut", "nummers ter identificatie van personen (zoals het BSN)",
     "Het document bevat nummers die bij wet zijn voorgeschreven om personen te identificeren, zoals "
     "het burgerservicenummer. Openbaarmaking daarvan vergroot het risico op misbruik en "
     "identiteitsfraude. Deze nummers maak ik niet openbaar; de grond is absoluut en openbaarmaking "
     "zou hier ook niet kennelijk geen inbreuk op de persoonlijke levenssfeer maken.", None),
    # --- Woo art. 5.1 lid 2: relative grounds ------------------------------------------------
    ("5.1.2a", WOO, "5.1", 2, "a", "relatief", "betrekkingen van Nederland met andere staten en internationale organisaties",
     _WEIGH + "De informatie gaat over het overleg met andere staten of internationale organisaties. "
     "Die partners moeten erop kunnen vertrouwen dat wat vertrouwelijk wordt gedeeld ook vertrouwelijk "
     "blijft. Openbaarmaking zou de goede betrekkingen en toekomstige samenwerking schaden. Dat belang "
     "weegt in dit geval zwaarder dan het belang van openbaarheid.", None),
    ("5.1.2b", WOO, "5.1", 2, "b", "relatief", "economische of financiële belangen van de Staat en andere publiekrechtelijke lichamen",
     _WEIGH + "De informatie betreft onder meer onderhandelingsposities en financiële afspraken van de "
     "overheid. Als deze bekend worden, kan de overheid in lopende of toekomstige onderhandelingen of "
     "aanbestedingen in een nadelige positie komen, wat leidt tot hogere kosten voor de gemeenschap. "
     "Dat belang weegt hier zwaarder dan het belang van openbaarheid.", None),
    ("5.1.2c", WOO, "5.1", 2, "c", "relatief", "opsporing en vervolging van strafbare feiten",
     _WEIGH + "De informatie geeft inzicht in de wijze waarop strafbare feiten worden opgespoord of in "
     "lopende onderzoeken. Openbaarmaking kan het onderzoek schaden, bijvoorbeeld doordat betrokkenen "
     "hun gedrag aanpassen of sporen uitwissen. Het belang van een ongestoorde opsporing en vervolging "
     "weegt daarom zwaarder dan het belang van openbaarheid.", None),
    ("5.1.2d", WOO, "5.1", 2, "d", "relatief", "inspectie, controle en toezicht door bestuursorganen",
     _WEIGH + "De informatie gaat over de wijze waarop toezicht wordt gehouden en over de bevindingen "
     "daarvan. Als deze informatie openbaar wordt, kunnen onder toezicht staande partijen hun gedrag "
     "daarop afstemmen en zal de bereidheid om vrijwillig informatie te geven afnemen. Dat schaadt de "
     "effectiviteit van het toezicht; dit belang weegt hier zwaarder dan het belang van openbaarheid.", None),
    ("5.1.2e", WOO, "5.1", 2, "e", "relatief", "eerbiediging van de persoonlijke levenssfeer",
     _WEIGH + "In de documenten staan persoonsgegevens, zoals namen, e-mailadressen, telefoonnummers en "
     "andere gegevens waarmee personen te identificeren zijn. Het gaat om medewerkers die niet in de "
     "openbaarheid treden vanuit hun functie en om derden. Openbaarmaking van deze gegevens maakt "
     "inbreuk op hun persoonlijke levenssfeer. Het belang van openbaarheid wordt niet gediend met het "
     "openbaar maken van deze gegevens: de inhoud van de documenten blijft begrijpelijk zonder. Ik "
     "maak deze persoonsgegevens daarom niet openbaar.", None),
    ("5.1.2f", WOO, "5.1", 2, "f", "relatief", "concurrentiegevoelige bedrijfs- en fabricagegegevens",
     _WEIGH + "Het document bevat bedrijfsgegevens die niet vertrouwelijk zijn meegedeeld, maar waaruit "
     "concurrenten wel conclusies kunnen trekken over de bedrijfsvoering, zoals prijzen en "
     "productiemethoden. Openbaarmaking kan het betrokken bedrijf in zijn concurrentiepositie schaden. "
     "Dat belang weegt hier zwaarder dan het belang van openbaarheid.", None),
    ("5.1.2g", WOO, "5.1", 2, "g", "relatief", "bescherming van het milieu waarop de informatie betrekking heeft",
     _WEIGH + "De informatie gaat over de vindplaats van kwetsbare planten- of diersoorten of andere "
     "onderdelen van het milieu die schade kunnen oplopen als de informatie bekend wordt. Dat belang "
     "weegt hier zwaarder dan het belang van openbaarheid.", None),
    ("5.1.2h", WOO, "5.1", 2, "h", "relatief", "beveiliging van personen en bedrijven en voorkomen van sabotage",
     _WEIGH + "De informatie geeft inzicht in beveiligingsmaatregelen, kwetsbaarheden of technische "
     "gegevens van systemen en gebouwen. Openbaarmaking kan de veiligheid van personen of bedrijven in "
     "gevaar brengen of sabotage makkelijker maken. Dat belang weegt hier zwaarder dan het belang van "
     "openbaarheid.", None),
    ("5.1.2i", WOO, "5.1", 2, "i", "relatief", "goed functioneren van de Staat en andere publiekrechtelijke lichamen",
     _WEIGH + "De informatie betreft onder meer interne technische gegevens, zoals systeem- en "
     "serveraanduidingen, directe contactgegevens of werkprocessen, waarvan openbaarmaking het goed "
     "functioneren van de organisatie kan schaden, bijvoorbeeld doordat systemen kwetsbaar worden of "
     "medewerkers buiten de daarvoor bedoelde kanalen worden benaderd. Dat belang weegt hier zwaarder "
     "dan het belang van openbaarheid.", None),
    # --- Woo other ---------------------------------------------------------------------------
    ("5.1.4", WOO, "5.1", 4, None, "tijdelijk", "eerst kennisnemen door de geadresseerde",
     "Deze informatie is bestemd voor een geadresseerde die er eerst kennis van moet kunnen nemen. "
     "Openbaarmaking blijft daarom tijdelijk achterwege; ik vermeld de datum waarop de informatie "
     "alsnog openbaar wordt.", None),
    ("5.1.5", WOO, "5.1", 5, None, "relatief", "onevenredige benadeling van een ander belang",
     "Openbaarmaking van deze informatie zou zodanige onevenredige schade toebrengen aan een belang "
     "dat niet door de andere uitzonderingsgronden wordt beschermd, dat het belang van openbaarheid "
     "daarvoor moet wijken. Het gaat om een uitzonderlijke situatie, die ik hieronder concreet "
     "motiveer. Deze grond pas ik niet toe naast een andere grond van artikel 5.1.", None),
    ("5.1.6", WOO, "5.1", 6, None, "relatief", "milieu-informatie: vertrouwelijke bedrijfsgegevens",
     _WEIGH + "Het gaat om milieu-informatie. Vertrouwelijk meegedeelde bedrijfsgegevens maak ik "
     "daarin alleen niet openbaar als openbaarmaking het bedrijf ernstig zou schaden.", None),
    ("5.2", WOO, "5.2", None, None, "absoluut", "persoonlijke beleidsopvattingen in intern beraad",
     "Het document is opgesteld voor intern beraad en bevat persoonlijke beleidsopvattingen: meningen, "
     "adviezen en argumenten van medewerkers over beleid. Om een open gedachtewisseling binnen de "
     "organisatie te beschermen, maak ik deze opvattingen niet openbaar. Feiten, prognoses, "
     "beleidsalternatieven en andere objectieve gegevens maak ik wel openbaar. Waar dat kan, verstrek "
     "ik de opvattingen in geanonimiseerde vorm (artikel 5.2, tweede lid).", None),
    ("5.3", WOO, "5.3", None, None, "aanvullend", "informatie ouder dan vijf jaar",
     "De informatie is ouder dan vijf jaar. Voor het weigeren van openbaarmaking op grond van een "
     "relatieve grond of artikel 5.2 geldt daarom een zwaardere motivering: ik motiveer per grond "
     "waarom het belang nog steeds zwaarder weegt dan het belang van openbaarheid.", None),
    ("5.4a", WOO, "5.4a", None, None, "absoluut", "ondersteuning van individuele volksvertegenwoordigers",  # verify
     "Het gaat om informatie over de ondersteuning van individuele volksvertegenwoordigers door de "
     "griffie; die informatie valt buiten de openbaarmaking.", None),
    # --- Wob art. 10 ----------------------------------------------------------------------------
    ("10.1.a", WOB, "10", 1, "a", "absoluut", "eenheid van de Kroon",
     "Openbaarmaking van deze informatie kan de eenheid van de Kroon in gevaar brengen. Deze grond is "
     "absoluut; een belangenafweging vindt niet plaats.", "5.1.1a"),
    ("10.1.b", WOB, "10", 1, "b", "absoluut", "veiligheid van de Staat",
     "Openbaarmaking van deze informatie kan de veiligheid van de Staat schaden. Deze grond is "
     "absoluut; een belangenafweging vindt niet plaats.", "5.1.1b"),
    ("10.1.c", WOB, "10", 1, "c", "absoluut", "vertrouwelijk meegedeelde bedrijfs- en fabricagegegevens",
     "Het document bevat bedrijfs- en fabricagegegevens die vertrouwelijk aan de overheid zijn "
     "meegedeeld. Deze grond is absoluut; deze gegevens maak ik niet openbaar.", "5.1.1c"),
    ("10.1.d", WOB, "10", 1, "d", "absoluut", "bijzondere persoonsgegevens",
     "Het document bevat bijzondere persoonsgegevens, zoals gegevens over gezondheid of strafrechtelijke "
     "gegevens. Openbaarmaking daarvan blijft achterwege, tenzij kennelijk geen inbreuk op de "
     "persoonlijke levenssfeer wordt gemaakt; daarvan is hier geen sprake.", "5.1.1d"),
    ("10.2.a", WOB, "10", 2, "a", "relatief", "betrekkingen van Nederland met andere staten en internationale organisaties",
     _WEIGH + "Openbaarmaking zou de betrekkingen met andere staten of internationale organisaties "
     "schaden. Dat belang weegt hier zwaarder dan het belang van openbaarheid.", "5.1.2a"),
    ("10.2.b", WOB, "10", 2, "b", "relatief", "economische of financiële belangen van de Staat en andere publiekrechtelijke lichamen",
     _WEIGH + "Openbaarmaking zou de onderhandelingspositie of de financiële belangen van de overheid "
     "schaden. Dat belang weegt hier zwaarder dan het belang van openbaarheid.", "5.1.2b"),
    ("10.2.c", WOB, "10", 2, "c", "relatief", "opsporing en vervolging van strafbare feiten",
     _WEIGH + "Openbaarmaking kan de opsporing en vervolging van strafbare feiten schaden. Dat belang "
     "weegt hier zwaarder dan het belang van openbaarheid.", "5.1.2c"),
    ("10.2.d", WOB, "10", 2, "d", "relatief", "inspectie, controle en toezicht door bestuursorganen",
     _WEIGH + "Openbaarmaking kan de effectiviteit van inspectie, controle en toezicht schaden, "
     "doordat partijen hun gedrag daarop afstemmen. Dat belang weegt hier zwaarder dan het belang van "
     "openbaarheid.", "5.1.2d"),
    ("10.2.e", WOB, "10", 2, "e", "relatief", "eerbiediging van de persoonlijke levenssfeer",
     _WEIGH + "In de documenten staan namen en andere persoonsgegevens van medewerkers die niet vanuit "
     "hun functie in de openbaarheid treden en van derden. Openbaarmaking van deze gegevens maakt "
     "inbreuk op hun persoonlijke levenssfeer, terwijl het belang van openbaarheid daarmee niet wordt "
     "gediend. Deze gegevens maak ik daarom niet openbaar.", "5.1.2e"),
    ("10.2.f", WOB, "10", 2, "f", "relatief", "eerst kennisnemen door de geadresseerde",
     "Deze informatie is bestemd voor een geadresseerde die er eerst kennis van moet kunnen nemen; "
     "openbaarmaking blijft daarom voorlopig achterwege.", "5.1.4"),
    ("10.2.g", WOB, "10", 2, "g", "relatief", "voorkomen van onevenredige bevoordeling of benadeling",
     _WEIGH + "Openbaarmaking van deze informatie zou betrokken natuurlijke personen, rechtspersonen of "
     "derden, of de organisatie zelf, onevenredig benadelen, bijvoorbeeld doordat interne technische "
     "gegevens kunnen worden misbruikt. Dat belang weegt hier zwaarder dan het belang van openbaarheid.", "5.1.5"),
    ("10.7.a", WOB, "10", 7, "a", "relatief", "milieu-informatie: bescherming van het milieu",
     _WEIGH + "Het gaat om milieu-informatie waarvan openbaarmaking het betrokken milieu kan schaden.", "5.1.2g"),
    ("10.7.b", WOB, "10", 7, "b", "relatief", "milieu-informatie: beveiliging van bedrijven en voorkomen van sabotage",
     _WEIGH + "Het gaat om milieu-informatie waarvan openbaarmaking de beveiliging van bedrijven kan "
     "schaden of sabotage kan vergemakkelijken.", "5.1.2h"),
    ("11.1", WOB, "11", 1, None, "absoluut", "persoonlijke beleidsopvattingen in intern beraad",
     "Het document is opgesteld voor intern beraad en bevat persoonlijke beleidsopvattingen. Die maak "
     "ik niet openbaar; feitelijke informatie wel. Waar dat in het belang van een goede en democratische "
     "bestuursvoering is, verstrek ik de opvattingen in niet tot personen herleidbare vorm (artikel 11, "
     "tweede lid).", "5.2"),
]

GROUNDS: dict[str, Ground] = {}
for code, regime, article, lid, letter, kind, label, motivation, equivalent in _ROWS:
    GROUNDS[code] = Ground(
        code=code,
        regime=regime,
        article=article,
        lid=lid,
        letter=letter,
        words=_words(regime, article, lid, letter),
        kind=kind,
        label=label,
        motivation=motivation,
        woo_equivalent=equivalent,
    )


def grounds_for(regime: str) -> list[Ground]:
    """Pick-list order: statute order (the catalogue's own order)."""
    return [g for g in GROUNDS.values() if g.regime == regime]


def _canonical(article: str, lid: int | None, letter: str | None) -> str:
    if article == "10":
        return f"10.{lid}.{letter}" if letter else f"10.{lid}"
    if article == "11":
        return f"11.{lid or 1}"
    if article == "5.1":
        return f"5.1.{lid}{letter or ''}" if lid else "5.1"
    if article in ("5.2", "5.3", "5.4a", "5.4"):
        return article
    return article


def normalise_code(raw: str) -> str:
    """Canonical code for the usual notations: '5.1.2e', '5.1.2.e', '5.1.2 e', '5.1.2 sub e',
    '10.2.e', '10.2e', 'art. 10 lid 2 sub e', 'artikel 5.1, tweede lid, aanhef en onder e'."""
    text = (raw or "").strip().lower()
    if not text:
        raise UnknownGround("Geen grond opgegeven.")
    t = text.replace("artikel", "art.").replace("aanhef en", " ").replace(",", " ")
    t = re.sub(r"van de (woo|wob)", " ", t)
    # words: "art. 5.1 tweede lid onder e" / "art. 10 lid 2 sub e"
    m = re.match(
        r"^\s*(?:art\.?\s*)?(5\.1|5\.2|5\.3|5\.4a?|10|11)\s*(?:(?:(\w+)\s+lid)|(?:lid\s+(\d)))?\s*(?:(?:onder|sub)\s*)?([a-i])?\s*\.?$",
        t,
    )
    if m and (m.group(2) or m.group(3) or m.group(4) or m.group(1) in ("5.2", "5.3", "5.4", "5.4a")):
        article = m.group(1)
        lid = None
        if m.group(2):
            lid = _WORD_LID.get(m.group(2)) or (int(m.group(2)) if m.group(2).isdigit() else None)
        elif m.group(3):
            lid = int(m.group(3))
        letter = m.group(4)
        code = _canonical(article, lid, letter)
        if code in GROUNDS:
            return code
    compact = re.sub(r"[\s.]+", ".", text.replace("sub", " ").replace("onder", " ")).strip(".")
    m = re.match(r"^(5)\.(1)\.(\d)\.?([a-i])?$", compact) or re.match(r"^(5)\.(1)\.(\d)([a-i])$", compact)
    if m:
        code = f"5.1.{m.group(3)}{m.group(4) or ''}"
        if code in GROUNDS:
            return code
    m = re.match(r"^(10)\.(\d)\.?([a-g])$", compact)
    if m:
        code = f"10.{m.group(2)}.{m.group(3)}"
        if code in GROUNDS:
            return code
    m = re.match(r"^(11)(?:\.(\d))?$", compact)
    if m:
        return "11.1"
    m = re.match(r"^5\.(2|3|4a)(?:\.\d)?$", compact)
    if m:
        return f"5.{m.group(1)}"
    raise UnknownGround(f"'{raw}' is geen bekende uitzonderingsgrond.")


def parse_ground(raw: str, *, regime: str) -> Ground:
    ground = GROUNDS[normalise_code(raw)]
    if ground.regime != regime:
        this = "de Woo" if regime == WOO else "de Wob"
        other = "de Woo" if ground.regime == WOO else "de Wob"
        raise UnknownGround(f"Grond {ground.code} hoort bij {other}; dit verzoek valt onder {this}.")
    return ground


def parse_grounds(raw: str | Iterable[str], *, regime: str) -> list[Ground]:
    if isinstance(raw, str):
        items = [p for p in re.split(r"[;,\n]+", raw) if p.strip()]
        # "5.1.2e 5.1.2i" (codes separated by spaces)
        expanded: list[str] = []
        for item in items:
            parts = item.split()
            if len(parts) > 1 and all(re.match(r"^\d+(\.\d+)*\.?[a-i]?$", p) for p in parts):
                expanded.extend(parts)
            else:
                expanded.append(item)
        items = expanded
    else:
        items = [str(r) for r in raw if str(r).strip()]
    result: list[Ground] = []
    for item in items:
        g = parse_ground(item, regime=regime)
        if g not in result:
            result.append(g)
    return result


def personal_data_ground(regime: str) -> str:
    return "5.1.2e" if regime == WOO else "10.2.e"


def bsn_ground(regime: str) -> str:
    return "5.1.1e" if regime == WOO else "10.2.e"


def ground_label_in_box(code: str) -> str:
    return code


def is_absolute(code: str) -> bool:
    return GROUNDS[normalise_code(code)].kind == "absoluut"
