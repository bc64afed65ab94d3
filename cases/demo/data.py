"""The demo organisation, users and cases; dates are relative to today so the deadlines stay live."""

from __future__ import annotations

from datetime import date, timedelta

DEMO_PASSWORD = "wobdesk-demo-2026"

ORGANISATION = {
    "slug": "politie-korpsstaf",
    "name": "Politie",
    "department": "Korpsleiding\nKorpsstaf\nTeam Juridische Zaken",
    "postal_address": "Postbus 17107\n2502 CC Den Haag",
    "phone": "088-9645051",
    "email": "woo-coordinatie@politie.example",
    "website": "https://www.politie.example",
    "bezwaar_addressee": "de korpschef van politie, ter attentie van de Woo-coördinatiedesk",
    "bezwaar_address": "Postbus 17107\n2502 CC Den Haag",
    "signature_lines": "de korpschef van politie,\nnamens deze,\n\n\nmr. E.M. de Vries MPA\nDirecteur Korpsstaf",
    "contact_line": (
        "Heeft u vragen over dit besluit? Neem dan contact op met de Woo-coördinatiedesk via "
        "woo-coordinatie@politie.example of 088-9645051, onder vermelding van het kenmerk."
    ),
    "public_officials": "E.M. de Vries\nMartin Sitalsing\nM.S.R. Sitalsing\nTheo van der Plas",
    "publication_url": "https://www.politie.example/woo",
    # DiWoo publisher (domain.md §6). A demo value in the TOOI pattern: a real organisation takes
    # its own URI from the TOOI register (identifier.overheid.nl), set in beheer.
    "tooi_uri": "https://identifier.overheid.nl/tooi/id/oorg/oorg99999",
}

USERS = [
    # username, first, last, group, function
    ("jurist", "Sanne", "Bakker", "adviseur", "Juridisch adviseur Woo"),
    ("jurist2", "Okan", "Yilmaz", "adviseur", "Juridisch adviseur Woo"),
    ("coordinator", "Mirjam", "Verhoef", "coordinator", "Woo-coördinator"),
]


def demo_cases(today: date) -> list[dict]:
    d = lambda days: (today - timedelta(days=days)).isoformat()  # noqa: E731
    return [
        {
            # Seed 004 (Wob): decided late.
            "_adviser": "jurist",
            "regime": "wob",
            "received_on": "2021-12-20",
            "requester": {
                "name": "L. de Wit",
                "salutation": "mevrouw",
                "email": "l.dewit@example.org",
            },
            "subject": "het gebruik van gezichtsherkenningstechnologie door de politie",
            "request_text": (
                "Met een beroep op de Wet openbaarheid van bestuur verzoek ik u de volgende documenten "
                "openbaar te maken:\n"
                "- De interne beleidslijn waar hier naar verwezen wordt, of alle documenten waarin dit "
                "interne beleid beschreven staat.\n"
                "- Alle beoordelingen en/of adviezen van de portefeuillehouder Ethiek en Privacy en van "
                "de portefeuillehouder Digitalisering.\n"
                "- Alle documenten over verzoeken waarin gezichtsherkenningstechnologie voorgedragen "
                "wordt voor dergelijke toetsingen."
            ),
            "events": [
                {"type": "acknowledged", "on": "2021-12-22", "note": "Ontvangstbevestiging."},
                {
                    "type": "adjourned",
                    "on": "2021-12-22",
                    "note": "Omvang en complexiteit van de uitvraag bij de portefeuillehouders.",
                },
                {"type": "assessment_started", "on": "2022-01-20"},
                {
                    "type": "decision_sent",
                    "on": "2022-02-21",
                    "note": "Besluit verzonden (aangetekend).",
                },
            ],
            "answers": [
                {"points": [1], "text": "Het aangetroffen document is deels openbaar gemaakt."},
                {
                    "points": [2, 3],
                    "text": "Er zijn geen verzoeken gedaan aan de portefeuillehouders om nieuwe toepassingen te toetsen; documenten hierover zijn niet aangetroffen.",
                },
            ],
            "documents": [
                {
                    "number": "1",
                    "title": "Memo voorlopige werkregels gezichtsherkenning bij de politie",
                    "date": "2020-11-02",
                    "judgement": "deels_openbaar",
                    "grounds": ["10.2.e"],
                },
            ],
        },
        {
            # An open Woo case modelled on seed 000, adjourned, deadline within days.
            "_adviser": "jurist",
            "received_on": d(36),
            "requester": {
                "name": "J.P. van der Berg",
                "salutation": "heer",
                "email": "jp.vanderberg@example.net",
                "organisation": "Stichting Algoritmewaakhond",
                "reference": "AW-2026-014",
            },
            "subject": "het Criminaliteits Anticipatie Systeem (CAS)",
            "request_text": (
                "Ik verzoek alle documenten die laten zien:\n"
                "1. Alle gegevensvelden die worden verzameld en/of een datadictionary voor CAS;\n"
                "2. Een lijst van de gevallen waarin analyses uit CAS zijn gebruikt om personen te "
                "arresteren;\n"
                "3. Alle wervings- en aanbestedingsdocumenten die verband houden met CAS;\n"
                "4. Rapporten over proefprogramma's met CAS;\n"
                "5. Alle overeenkomsten voor het delen van gegevens met andere entiteiten;\n"
                "6. Alle risicoanalyses en privacy impact assessments over CAS."
            ),
            "events": [
                {"type": "acknowledged", "on": d(33)},
                {
                    "type": "adjourned",
                    "on": d(20),
                    "note": "De omvang van de zoekslag vraagt meer tijd.",
                },
                {"type": "assessment_started", "on": d(10)},
            ],
            "answers": [
                {
                    "points": [3],
                    "text": "CAS is binnen de politie zelf ontwikkeld; er zijn geen aanbestedingsdocumenten.",
                },
                {
                    "points": [4, 5],
                    "text": "Er is geen sprake van proefprogramma's of gegevensdeling met derden.",
                },
            ],
            "documents": [
                {
                    "number": "1",
                    "title": "Datadictionary CAS",
                    "date": "2019-03-01",
                    "judgement": "deels_openbaar",
                    "grounds": ["5.1.2e", "5.1.2i"],
                },
                {"number": "2", "title": "DPIA CAS", "date": "2020-06-15"},
                {
                    "number": "3",
                    "title": "Kamerbrief kwaliteitskader big data",
                    "date": "2020-05-29",
                    "judgement": "reeds_openbaar",
                    "location": "https://www.rijksoverheid.nl/documenten/rapporten/2020/05/29/kwaliteitskader-big-data",
                },
            ],
        },
        {
            # A fresh Woo case, waiting for acknowledgement.
            "_adviser": "jurist2",
            "received_on": d(2),
            "channel": "webformulier",
            "requester": {
                "name": "Fatima El Amrani",
                "salutation": "mevrouw",
                "email": "f.elamrani@example.com",
            },
            "subject": "de inzet van sensing in Roermond",
            "request_text": (
                "Graag ontvang ik:\n"
                "a. het projectplan van het Sensingproject;\n"
                "b. de evaluaties van het project;\n"
                "c. de correspondentie met de gemeente Roermond over het project."
            ),
            "events": [],
        },
        {
            # A Woo case suspended for a zienswijze, overdue.
            "_adviser": "jurist2",
            "received_on": d(70),
            "requester": {
                "name": "Redactie Nieuwsuur",
                "salutation": "",
                "email": "redactie@example.tv",
            },
            "subject": "afspraken met leveranciers van bodycams",
            "request_text": "Ik verzoek om alle contracten en correspondentie met leveranciers van bodycams sinds 2022.",
            "events": [
                {"type": "acknowledged", "on": d(66)},
                {"type": "adjourned", "on": d(45), "note": "Zienswijzen van derden nodig; omvang."},
                {
                    "type": "zienswijze_asked",
                    "on": d(30),
                    "note": "Zienswijze gevraagd aan leverancier.",
                },
                {
                    "type": "suspension",
                    "on": d(29),
                    "until": d(16),
                    "note": "Zienswijze leverancier",
                    "reason": "zienswijze",
                },
                {"type": "zienswijze_received", "on": d(16)},
            ],
            "documents": [
                {
                    "number": "1",
                    "title": "Raamovereenkomst bodycams",
                    "date": "2022-09-01",
                    "judgement": "deels_openbaar",
                    "grounds": ["5.1.2f"],
                },
                {
                    "number": "2",
                    "title": "E-mail leverancier over levering",
                    "date": "2023-02-11",
                    "judgement": "deels_openbaar",
                    "grounds": ["5.1.2e"],
                },
            ],
        },
    ]
