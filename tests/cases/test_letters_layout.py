"""Letter layout: base document, colofon, page fields, Dutch dates and the template markup."""

from __future__ import annotations

import re
from datetime import date

import pytest
from docx import Document

from cases.letters import render_letter
from cases.letters.context import RequesterInfo
from cases.letters.docx_writer import BASE
from cases.letters.filters import nl_date, no_period, oneline
from cases.letters.make_base import build
from cases.letters.markup import escape, parse
from cases.letters.render import render_wording, template_context
from cases.letters.wording import format_date, join_nl
from tests.cases.letter_fixtures import open_docx, seed000_context


def colofon(data: bytes) -> list[str]:
    return [p.text for p in open_docx(data).tables[0].rows[0].cells[1].paragraphs]


def test_colofon_values_in_seed_order():
    lines = colofon(render_letter(seed000_context()))
    labels = [
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
    ]
    assert [line for line in lines if line in labels] == labels
    value = {label: lines[lines.index(label) + 1] for label in labels}
    assert value == {
        "Organisatieonderdeel": "Korpsleiding\nKorpsstaf\nTeam Juridische Zaken",
        "Behandeld door": "A. Jurist",
        "Functie": "Juridisch adviseur Wob",
        "Telefoon": "088-9645051",
        "E-mail": "wob@politie.nl",
        "Ons kenmerk": "2021-0003446",
        "Uw kenmerk": "–",
        "Datum": "12 juli 2021",
        "Bijlage(n)": "1",
        "Onderwerp": "Besluit op Wob-verzoek",
    }
    assert "In afschrift aan" not in lines


def test_colofon_copy_to_and_requester_reference():
    ctx = seed000_context(
        copy_to=("Stichting X", "Gemeente Y"),
        requester=RequesterInfo(name="Anna de Wit", salutation="mevrouw", reference="AW-12"),
    )
    lines = colofon(render_letter(ctx))
    assert lines[lines.index("Uw kenmerk") + 1] == "AW-12"
    assert lines[lines.index("In afschrift aan") + 1] == "Stichting X\nGemeente Y"


def test_address_block_top_left():
    data = render_letter(seed000_context())
    assert open_docx(data).tables[0].rows[0].cells[0].text.split("\n") == [
        "De heer J.P. van der Berg",
        "Straat 1",
        "1234 AB Utrecht",
    ]
    email_only = seed000_context(
        requester=RequesterInfo(name="Redactie", organisation="NRC", email="redactie@nrc.nl")
    )
    assert open_docx(render_letter(email_only)).tables[0].rows[0].cells[0].text.split("\n") == [
        "NRC",
        "Redactie",
        "Per e-mail: redactie@nrc.nl",
    ]


@pytest.mark.parametrize("kind", ["besluit", "ontvangstbevestiging", "verdagingsbrief"])
def test_page_fields_in_footer(kind):
    extra = {"adjournment_reasons": ("omvang",)} if kind == "verdagingsbrief" else {}
    doc = open_docx(
        render_letter(seed000_context(kind=kind, letter_date=date(2021, 6, 1), **extra))
    )
    section = doc.sections[0]
    for footer in (section.footer, section.first_page_footer):
        xml = footer._element.xml
        assert re.search(r"<w:instrText[^>]*> PAGE </w:instrText>", xml)
        assert re.search(r"<w:instrText[^>]*> NUMPAGES </w:instrText>", xml)
        assert xml.count('w:fldCharType="begin"') == 2 and xml.count('w:fldCharType="end"') == 2
        assert "Pagina 1 van 1" in footer.paragraphs[0].text
    assert section.different_first_page_header_footer
    assert "Ons kenmerk 2021-0003446" in section.header.paragraphs[0].text


def test_base_document_house_style(tmp_path):
    path = build(tmp_path / "base.docx")
    for doc in (Document(str(path)), Document(str(BASE))):
        section = doc.sections[0]
        assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
        assert round(section.left_margin.cm, 1) == 2.4
        normal = doc.styles["Normal"]
        assert normal.font.name == "Arial" and normal.font.size.pt == 10
        names = {s.name for s in doc.styles}
        for name in (
            "Heading 2",
            "Heading 3",
            "Verzoektekst",
            "Colofon",
            "Colofonkop",
            "Tabeltekst",
            "Regels",
            "Afzender",
            "Colofontabel",
            "Inventaristabel",
        ):
            assert name in names
        borders = doc.styles["Inventaristabel"].element.xml
        assert 'w:val="single"' in borders and 'w:type="firstRow"' in borders


@pytest.mark.parametrize(
    ("d", "weekday", "expected"),
    [
        (date(2021, 5, 10), False, "10 mei 2021"),
        (date(2022, 1, 17), False, "17 januari 2022"),
        (date(2025, 12, 31), False, "31 december 2025"),
        (date(2021, 5, 10), True, "maandag 10 mei 2021"),
        (date(2026, 3, 1), True, "zondag 1 maart 2026"),
    ],
)
def test_dutch_dates(d, weekday, expected):
    assert format_date(d, weekday=weekday) == expected
    assert nl_date(d, "dag" if weekday else "") == expected


def test_small_filters():
    assert nl_date(None) == ""
    assert join_nl([]) == "" and join_nl(["1"]) == "1" and join_nl([1, 2, 3]) == "1, 2 en 3"
    assert oneline("a\n  b\x0b c") == "a b c"
    assert no_period("De omvang van het verzoek.") == "de omvang van het verzoek"
    assert no_period("CAS is groot.") == "CAS is groot"


def test_markup_blocks():
    blocks = parse(
        "Geachte heer,\n\n# Uw verzoek\nTekst die\ndoorloopt.\n\n> 1. Eerste punt\n\n"
        "> 2. Tweede\n> punt\n\n## Ad 1\n- lijst\n1. genummerd\n| regel 1\n|\n| regel 3\n"
        "[[inventarislijst]]\n\\# geen kop\n"
    )
    assert [(b.kind, b.text or b.lines) for b in blocks] == [
        ("paragraph", "Geachte heer,"),
        ("heading", "Uw verzoek"),
        ("paragraph", "Tekst die doorloopt."),
        ("quote", "1. Eerste punt"),
        ("quote", "2. Tweede punt"),
        ("subheading", "Ad 1"),
        ("bullet", "lijst"),
        ("numbered", "genummerd"),
        ("lines", ["regel 1", "", "regel 3"]),
        ("directive", "inventarislijst"),
        ("paragraph", "# geen kop"),
    ]


def test_escape_round_trips_free_text():
    text = "# kop?\n- streep\n> citaat\n| lijn\n[[inventarislijst]]\n3. nummer\ngewoon"
    blocks = parse(escape(text))
    assert [b.kind for b in blocks] == ["paragraph"]
    assert blocks[0].text == "# kop? - streep > citaat | lijn [[inventarislijst]] 3. nummer gewoon"


def test_unknown_directive_is_reported_in_dutch(monkeypatch):
    from cases.letters import render

    monkeypatch.setattr(render, "render_wording", lambda kind, data: "[[handtekening]]")
    with pytest.raises(ValueError, match=r"Onbekende aanwijzing \[\[handtekening\]\]"):
        render_letter(seed000_context())


def test_wording_comes_from_the_template_files():
    text = render_wording("besluit", template_context(seed000_context()))
    assert text.lstrip().startswith("Geachte heer Van der Berg,")
    assert "# Rechtsbescherming" in text and "[[inventarislijst]]" in text
