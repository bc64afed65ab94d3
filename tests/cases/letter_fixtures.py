"""A seed-000-like besluit context (Wob, received 10 May 2021, 17 points, grouped answers)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from cases.letters.context import (
    AnswerInfo,
    DocumentInfo,
    EventInfo,
    GroundUse,
    HandlerInfo,
    LetterContext,
    OrganisationInfo,
    PointInfo,
    RequesterInfo,
)

ORG = OrganisationInfo(
    name="Politie",
    department="Korpsleiding\nKorpsstaf\nTeam Juridische Zaken",
    postal_address="Postbus 17107\n2502 CC Den Haag",
    bezwaar_addressee="de korpschef van politie, ter attentie van de Wob-coördinatiedesk",
    bezwaar_address="Postbus 17107\n2502 CC Den Haag",
    signature_lines=(
        "de korpschef van politie,",
        "namens deze,",
        "",
        "mr. E.M. de Vries MPA",
        "Directeur Korpsstaf",
    ),
    contact_line="Voor vragen kunt u contact opnemen met de Wob-coördinatiedesk.",
    website="https://www.politie.nl",
)

# Own ground texts (not cases.grounds): each motivation carries a marker the tests look for.
GROUNDS = {
    "10.2.d": GroundUse(
        code="10.2.d",
        words="artikel 10, tweede lid, aanhef en onder d, van de Wob",
        label="inspectie, controle en toezicht door bestuursorganen",
        motivation="MOTIVERING-10.2.d: de documenten beschrijven lopend toezicht.",
        kind="relatief",
    ),
    "10.2.e": GroundUse(
        code="10.2.e",
        words="artikel 10, tweede lid, aanhef en onder e, van de Wob",
        label="eerbiediging van de persoonlijke levenssfeer",
        motivation=(
            "MOTIVERING-10.2.e: in de documenten staan namen van medewerkers.\n\n"
            "# Deze regel begint met een hekje en is gewone tekst."
        ),
        kind="relatief",
    ),
    "10.2.g": GroundUse(
        code="10.2.g",
        words="artikel 10, tweede lid, aanhef en onder g, van de Wob",
        label="voorkomen van onevenredige bevoordeling of benadeling",
        motivation="MOTIVERING-10.2.g: interne systeemcoderingen helpen kwaadwillenden.",
        kind="relatief",
    ),
    "11.1": GroundUse(
        code="11.1",
        words="artikel 11, eerste lid, van de Wob",
        label="persoonlijke beleidsopvattingen in intern beraad",
        motivation="MOTIVERING-11.1: het gaat om meningen van medewerkers in intern beraad.",
        kind="absoluut",
    ),
    "5.1.2e": GroundUse(
        code="5.1.2e",
        words="artikel 5.1, tweede lid, aanhef en onder e, van de Woo",
        label="eerbiediging van de persoonlijke levenssfeer",
        motivation="MOTIVERING-5.1.2e: in de documenten staan namen van medewerkers.",
        kind="relatief",
    ),
    "5.2": GroundUse(
        code="5.2",
        words="artikel 5.2 van de Woo",
        label="persoonlijke beleidsopvattingen in intern beraad",
        motivation="MOTIVERING-5.2: het gaat om meningen van medewerkers in intern beraad.",
        kind="absoluut",
    ),
}


def ground_use(code: str, documents: tuple[str, ...]) -> GroundUse:
    return replace(GROUNDS[code], documents=documents)


SEED000_POINTS = {
    1: "Alle gegevensvelden die worden verzameld en / of een datadictionary voor het Crime "
    "Anticipation System;",
    6: "Alle wervings- en aanbestedingsdocumenten die verband houden met het Crime Anticipation "
    "System en andere voorspellende politietechnologieën;",
    8: "Alle overeenkomsten voor het delen van gegevens tussen de Nederlandse politie en andere "
    "entiteiten;",
    17: "Alle risicoanalyses, impact assessments en privacy impact assessments die zijn gemaakt "
    "over het gebruik van de Crime Anticipation System software.",
}


def seed000_context(**overrides) -> LetterContext:
    points = tuple(
        PointInfo(
            n, SEED000_POINTS.get(n, f"Tekst van punt {n} over het Crime Anticipation System;")
        )
        for n in range(1, 18)
    )
    answers = (  # deliberately out of order and unsorted within: the letter must sort them
        AnswerInfo(
            (9, 8), "Ik verwijs naar de toelichting in het voornoemde besluit over het systeem CAS."
        ),
        AnswerInfo(
            (6,),
            "CAS is binnen de politie zelf ontwikkeld. Er is daarom geen sprake van "
            "wervings-/aanbestedingsdocumenten.",
        ),
        AnswerInfo((7,), "De onder dit punt gevraagde rapporten zijn niet opgemaakt."),
        AnswerInfo(
            (10,),
            "Er hebben zich geen datalekken voorgedaan en daarom zijn geen documenten aangetroffen.",
        ),
        AnswerInfo((1, 2, 3, 4, 5, 16, 17), "De informatie die u vraagt is reeds openbaar."),
        AnswerInfo((11, 12, 13, 14, 15), "Zie de documenten op de inventarislijst."),
    )
    documents = (
        DocumentInfo(
            "1", "Werkinstructie CAS", date(2019, 3, 1), "deels_openbaar", ("10.2.e", "10.2.g")
        ),
        DocumentInfo("2", "Kwartaalrapportage CAS Q1 2020", date(2020, 4, 2), "openbaar"),
        DocumentInfo("10", "Evaluatie CAS", date(2020, 9, 9), "niet_openbaar", ("10.2.d",)),
        DocumentInfo(
            "3",
            "Besluit CAS 2021",
            date(2021, 2, 1),
            "reeds_openbaar",
            location="https://www.politie.nl/wob/cas",
        ),
        DocumentInfo("3a", "Bijlage bij besluit", date(2021, 2, 1), "dubbel", duplicate_of="3"),
    )
    ctx = dict(
        kind="besluit",
        regime="wob",
        reference="2021-0003446",
        letter_date=date(2021, 7, 12),
        organisation=ORG,
        requester=RequesterInfo(
            name="J.P. van der Berg", salutation="heer", address="Straat 1\n1234 AB Utrecht"
        ),
        handler=HandlerInfo(
            name="A. Jurist",
            function="Juridisch adviseur Wob",
            phone="088-9645051",
            email="wob@politie.nl",
        ),
        subject=(
            "het Crime Anticipation System (hierna: CAS) over de periode van 1 januari 2015 "
            "tot 10 mei 2021"
        ),
        received_on=date(2021, 5, 10),
        points=points,
        answers=answers,
        documents=documents,
        events=(
            EventInfo("acknowledged", date(2021, 5, 18)),
            EventInfo("adjourned", date(2021, 5, 18), note="de omvang van het verzoek"),
            EventInfo("zienswijze_asked", date(2021, 6, 1)),
            EventInfo("zienswijze_received", date(2021, 6, 15)),
        ),
        grounds_used=(
            ground_use("10.2.d", ("10",)),
            ground_use("10.2.e", ("1",)),
            ground_use("10.2.g", ("1",)),
        ),
        first_term_ends_on=date(2021, 6, 7),
        due_on=date(2021, 7, 5),
        attachments=("Inventarislijst",),
    )
    ctx.update(overrides)
    return LetterContext(**ctx)


# --- reading generated files back --------------------------------------------------------------


def open_docx(data: bytes):
    import io

    from docx import Document

    return Document(io.BytesIO(data))


def paragraphs(data: bytes) -> list[tuple[str, str]]:
    """(style name, text) of every non-empty body paragraph, in order."""
    return [(p.style.name, p.text) for p in open_docx(data).paragraphs if p.text.strip()]


def headings(data: bytes, level: int = 2) -> list[str]:
    return [t for s, t in paragraphs(data) if s == f"Heading {level}"]


def body(data: bytes) -> str:
    return "\n".join(t for _, t in paragraphs(data))


def section(data: bytes, title: str) -> str:
    """The text under one Heading 2, up to the next Heading 2."""
    out, inside = [], False
    for style, text in paragraphs(data):
        if style == "Heading 2":
            if inside:
                break
            inside = text == title
        elif inside:
            out.append(text)
    return "\n".join(out)
