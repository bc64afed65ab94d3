"""Letters read back with python-docx, csv and openpyxl: sections, labels, dates, law, grounds."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import replace
from datetime import date

import pytest
from docx import Document
from openpyxl import load_workbook

from cases.inventory import inventory_rows, inventory_summary, natural_key
from cases.letters import LetterError, render_inventory, render_letter, salutation
from cases.letters.context import AnswerInfo, RequesterInfo
from tests.cases.letter_fixtures import ground_use, seed000_context


def paragraphs(data: bytes) -> list[tuple[str, str]]:
    doc = Document(io.BytesIO(data))
    return [(p.style.name, p.text) for p in doc.paragraphs if p.text.strip()]


def headings(data: bytes) -> list[str]:
    return [t for s, t in paragraphs(data) if s == "Heading 2"]


def body(data: bytes) -> str:
    return "\n".join(t for _, t in paragraphs(data))


def test_besluit_sections_in_seed_order():
    data = render_letter(seed000_context())
    assert headings(data) == [
        "Uw verzoek",
        "Verloop van de procedure",
        "Beantwoording per punt",
        "Aangetroffen documenten",
        "Overwegingen",
        "Besluit",
        "Wijze van openbaarmaking",
        "Rechtsbescherming",
        "Bijlage: inventarislijst",
    ]
    text = body(data)
    assert text.startswith("Politie\nGeachte heer Van der Berg,")
    assert (
        "Op 10 mei 2021 heb ik uw verzoek op grond van de Wet openbaarheid van bestuur (Wob) ontvangen."
        in text
    )
    assert "kort samengevat – het Crime Anticipation System" in text
    assert (
        "Bij brief van 18 mei 2021 heb ik de ontvangst van uw verzoek bevestigd en meegedeeld dat de behandeling ervan is verdaagd."
        in text
    )
    assert "Op 1 juni 2021 heb ik een derde-belanghebbende in de gelegenheid gesteld" in text


def test_points_quoted_in_order():
    quoted = [t for s, t in paragraphs(render_letter(seed000_context())) if s == "Verzoektekst"]
    assert len(quoted) == 17
    assert quoted[0].startswith("1. ") and quoted[-1].startswith("17. ")


def test_ad_labels_grouped_and_ordered_by_lowest_point():
    labels = [
        t
        for s, t in paragraphs(render_letter(seed000_context()))
        if s == "Heading 3" and t.startswith("Ad")
    ]
    assert labels == [
        "Ad 1, 2, 3, 4, 5, 16 en 17",
        "Ad 6",
        "Ad 7",
        "Ad 8 en 9",
        "Ad 10",
        "Ad 11, 12, 13, 14 en 15",
    ]
    ctx = seed000_context(answers=(AnswerInfo((10, 5), "x"), AnswerInfo((14, 6, 8, 7, 12), "y")))
    labels = [
        t for s, t in paragraphs(render_letter(ctx)) if s == "Heading 3" and t.startswith("Ad")
    ]
    assert labels == ["Ad 5 en 10", "Ad 6, 7, 8, 12 en 14"]


def test_motivations_for_exactly_the_grounds_used():
    text = body(render_letter(seed000_context()))
    assert "artikel 10, tweede lid, aanhef en onder d, van de Wob" in text
    assert "artikel 10, tweede lid, aanhef en onder e, van de Wob" in text
    assert "artikel 10, tweede lid, aanhef en onder g, van de Wob" in text
    assert "onder c, van de Wob" not in text and "onder f, van de Wob" not in text
    only = seed000_context(grounds_used=(ground_use("10.2.e", ("1",)),))
    text = body(render_letter(only))
    assert (
        "onder e, van de Wob" in text
        and "onder d, van de Wob" not in text
        and "(10.2.g)" not in text
    )


def test_legal_basis_by_regime():
    wob = body(render_letter(seed000_context()))
    # Exactly the articles applied (issue 12, item 3): 10 for the grounds used, no 11.
    assert "Dit besluit is gebaseerd op de artikelen 1, 2, 3, 5, 6, 7 en 10 van de Wob" in wob
    woo_ctx = seed000_context(regime="woo", grounds_used=(ground_use("5.1.2e", ("1",)),))
    woo = body(render_letter(woo_ctx))
    assert "op grond van de Wet open overheid (Woo) ontvangen" in woo
    assert "Dit besluit is gebaseerd op de artikelen 4.1, 4.4 en 5.1 van de Woo" in woo
    assert "artikel 5.1, tweede lid, aanhef en onder e, van de Woo" in woo


def test_dictum_names_each_judgement():
    text = body(render_letter(seed000_context()))
    assert (
        "openbaar te maken" in text
        and "gedeeltelijk openbaar te maken" in text
        and "niet openbaar te maken" in text
    )
    none = body(render_letter(seed000_context(documents=(), grounds_used=())))
    assert "geen documenten zijn aangetroffen" in none


@pytest.mark.parametrize(
    ("letter_date", "electronic"),
    [(date(2026, 1, 1), True), (date(2026, 11, 22), True), (date(2025, 12, 31), False)],
)
def test_rechtsbescherming_electronic_route_from_2026(letter_date, electronic):
    text = body(render_letter(seed000_context(letter_date=letter_date)))
    assert "binnen zes weken" in text and "volmacht" in text and "2021-0003446" in text
    assert "Postbus 17107, 2502 CC Den Haag" in text
    assert ("niet geopend" in text) is (not electronic)
    assert ("digitaal indienen" in text) is electronic


def test_colofon_footer_fields_and_signature():
    data = render_letter(seed000_context())
    doc = Document(io.BytesIO(data))
    colofon = doc.tables[0].rows[0].cells[1].text
    for label in (
        "Organisatieonderdeel",
        "Behandeld door",
        "Functie",
        "Telefoon",
        "E-mail",
        "Ons kenmerk",
        "Uw kenmerk",
        "Datum",
        "Bijlage(n)",
        "Onderwerp",
    ):
        assert label in colofon
    assert (
        "2021-0003446" in colofon
        and "12 juli 2021" in colofon
        and "Besluit op Wob-verzoek" in colofon
    )
    assert "De heer J.P. van der Berg" in doc.tables[0].rows[0].cells[0].text
    footer_xml = doc.sections[0].footer.paragraphs[0]._p.xml
    assert re.search(r"<w:instrText[^>]*> PAGE </w:instrText>", footer_xml)
    assert re.search(r"<w:instrText[^>]*> NUMPAGES </w:instrText>", footer_xml)
    signature = next(t for t in (p.text for p in doc.paragraphs) if t.startswith("de korpschef"))
    assert signature.split("\n") == [
        "de korpschef van politie,",
        "namens deze,",
        "",
        "mr. E.M. de Vries MPA",
        "Directeur Korpsstaf",
    ]


@pytest.mark.parametrize(
    ("name", "sal", "expected"),
    [
        ("Jan Jansen", "heer", "Geachte heer Jansen,"),
        ("Anna de Wit", "mevrouw", "Geachte mevrouw De Wit,"),
        ("J.P. van der Berg", "heer", "Geachte heer Van der Berg,"),
        ("Ahmed El Amrani", "heer", "Geachte heer El Amrani,"),
        ("Piet ten Hove", "heer", "Geachte heer Ten Hove,"),
        ("Redactie Nieuwsuur", "", "Geachte heer/mevrouw,"),
        ("", "mevrouw", "Geachte heer/mevrouw,"),
    ],
)
def test_salutations(name, sal, expected):
    assert salutation(RequesterInfo(name=name, salutation=sal)) == expected


def test_verdagingsbrief_refused_after_first_term_and_allowed_on_it():
    ctx = seed000_context(
        kind="verdagingsbrief",
        regime="woo",
        letter_date=date(2021, 6, 8),
        adjournment_reasons=("omvang",),
    )
    with pytest.raises(LetterError, match="7 juni 2021 verstreken"):
        render_letter(ctx)
    ok = body(
        render_letter(
            replace(ctx, letter_date=date(2021, 6, 7), adjourned_due_on=date(2021, 6, 21))
        )
    )
    assert (
        "met twee weken" in ok
        and "uiterlijk op 21 juni 2021" in ok
        and "artikel 4.4, tweede lid, van de Woo" in ok
    )


def test_ontvangstbevestiging_with_and_without_verdaging():
    plain = body(
        render_letter(
            seed000_context(
                kind="ontvangstbevestiging", regime="woo", letter_date=date(2021, 5, 12)
            )
        )
    )
    assert "uiterlijk op 5 juli 2021" in plain and "Ik verdaag" not in plain
    assert "kenmerk 2021-0003446" in plain
    combined = body(
        render_letter(
            seed000_context(
                kind="ontvangstbevestiging",
                regime="wob",
                letter_date=date(2021, 5, 18),
                adjourned=True,
                adjournment_reasons=("omvang",),
                adjourned_due_on=date(2021, 7, 5),
            )
        )
    )
    assert "Ik verdaag de beslissing met vier weken" in combined
    assert "De reden daarvoor is dat de omvang van de informatie waarom u vraagt" in combined
    assert "uiterlijk op 5 juli 2021 een besluit" in combined


def test_inventory_rows_natural_sort_and_summary():
    rows = inventory_rows(seed000_context().documents)
    assert [r.number for r in rows] == ["1", "2", "3", "3a", "10"]
    assert rows[0].grounds == "10.2.e; 10.2.g"
    assert rows[3].note == "Dubbel van document 3"
    assert inventory_summary(rows)["Totaal"] == 5
    assert sorted(["10", "2", "10a", "B1", "1"], key=natural_key) == ["1", "2", "10", "10a", "B1"]


def test_inventory_csv_xlsx_docx_have_every_row():
    ctx = seed000_context(kind="inventarislijst")
    text = render_inventory(ctx, "csv").decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0][:7] == [
        "Nr.",
        "Datum",
        "Documentnaam",
        "Beoordeling",
        "Grond(en)",
        "Toelichting",
        "Vindplaats",
    ]
    assert [r[0] for r in rows[1:]] == ["1", "2", "3", "3a", "10"]
    assert rows[1][1] == "2019-03-01" and rows[1][4] == "10.2.e; 10.2.g"
    assert rows[3][6] == "https://www.politie.nl/wob/cas"
    wb = load_workbook(io.BytesIO(render_inventory(ctx, "xlsx")))
    ws = wb.active
    assert ws["A1"].value == "Nr." and ws["A1"].font.bold
    assert [ws.cell(row=i, column=1).value for i in range(2, 7)] == ["1", "2", "3", "3a", "10"]
    assert ws["B2"].value.date() == date(2019, 3, 1)
    assert ws.freeze_panes == "A2"
    doc = Document(io.BytesIO(render_inventory(ctx, "docx")))
    table = doc.tables[0]
    assert [c.text for c in table.rows[0].cells][:4] == [
        "Nr.",
        "Datum",
        "Documentnaam",
        "Beoordeling",
    ]
    assert [r.cells[0].text for r in table.rows[1:]] == ["1", "2", "3", "3a", "10"]
    with pytest.raises(ValueError):
        render_inventory(ctx, "pdf")


def test_besluit_carries_inventory_as_bijlage():
    doc = Document(io.BytesIO(render_letter(seed000_context())))
    inventory = doc.tables[-1]
    assert [r.cells[2].text for r in inventory.rows[1:]] == [
        "Werkinstructie CAS",
        "Kwartaalrapportage CAS Q1 2020",
        "Besluit CAS 2021",
        "Bijlage bij besluit",
        "Evaluatie CAS",
    ]
