"""A seed-000-like besluit context (Wob, received 10 May 2021, 17 points, grouped answers)."""

from __future__ import annotations

from datetime import date

from cases import grounds
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


def ground_use(code: str, documents: tuple[str, ...]) -> GroundUse:
    g = grounds.GROUNDS[code]
    return GroundUse(
        code=code,
        words=g.words,
        label=g.label,
        motivation=g.motivation,
        kind=g.kind,
        documents=documents,
    )


def seed000_context(**overrides) -> LetterContext:
    points = tuple(
        PointInfo(n, f"Tekst van punt {n} over het Crime Anticipation System;")
        for n in range(1, 18)
    )
    answers = (
        AnswerInfo(
            (9, 8), "Ik verwijs naar de toelichting in het voornoemde besluit over het systeem CAS."
        ),
        AnswerInfo(
            (6,),
            "CAS is binnen de politie zelf ontwikkeld. Er is daarom geen sprake van aanbestedingsdocumenten.",
        ),
        AnswerInfo((7,), "De onder dit punt gevraagde rapporten zijn niet opgemaakt."),
        AnswerInfo((10,), "Er hebben geen datalekken plaatsgevonden."),
        AnswerInfo((1, 2, 3, 4, 5, 16, 17), "De gevraagde informatie is reeds openbaar."),
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
        subject="het Crime Anticipation System (hierna: CAS) over de periode van 1 januari 2015 tot 10 mei 2021",
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
