"""Inventory rows (pure) and the inventarislijst as .csv, .xlsx and .docx, read back."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from cases.inventory import (
    INVENTORY_COLUMNS,
    inventory_rows,
    inventory_summary,
    natural_key,
    summary_line,
)
from cases.letters import render_inventory
from cases.letters.context import DocumentInfo
from tests.cases.letter_fixtures import open_docx, paragraphs, seed000_context

NUMBERS = ["1", "2", "3", "3a", "10"]


@pytest.fixture
def ctx():
    return seed000_context(kind="inventarislijst")


@pytest.mark.parametrize(
    ("numbers", "expected"),
    [
        (["10", "2", "10a", "1"], ["1", "2", "10", "10a"]),
        (["10b", "10a", "10", "9"], ["9", "10", "10a", "10b"]),
        (["B10", "B2", "A1", "3"], ["3", "A1", "B2", "B10"]),
        (["1.10", "1.2", "1.1"], ["1.1", "1.2", "1.10"]),
        (["doc-12", "doc-3"], ["doc-3", "doc-12"]),
    ],
)
def test_natural_sort(numbers, expected):
    assert sorted(numbers, key=natural_key) == expected
    docs = [DocumentInfo(n, f"titel {n}", None, "openbaar") for n in numbers]
    assert [r.number for r in inventory_rows(docs)] == expected


def test_rows_carry_label_grounds_note_and_location(ctx):
    rows = inventory_rows(ctx.documents)
    assert [r.number for r in rows] == NUMBERS
    by_number = {r.number: r for r in rows}
    assert by_number["1"].judgement_label == "Deels openbaar"
    assert by_number["1"].grounds == "10.2.e; 10.2.g"
    assert by_number["2"].judgement_label == "Openbaar" and by_number["2"].grounds == ""
    assert by_number["10"].judgement_label == "Niet openbaar"
    assert by_number["3"].judgement_label == "Reeds openbaar"
    assert by_number["3"].location == "https://www.politie.nl/wob/cas"
    assert by_number["3a"].judgement_label == "Dubbel"
    assert by_number["3a"].note == "Dubbel van document 3" and by_number["3a"].related == "3"
    assert by_number["1"].date == date(2019, 3, 1)


def test_summary_counts_per_judgement(ctx):
    summary = inventory_summary(inventory_rows(ctx.documents))
    assert summary == {
        "Openbaar": 1,
        "Deels openbaar": 1,
        "Niet openbaar": 1,
        "Reeds openbaar": 1,
        "Dubbel": 1,
        "Totaal": 5,
    }
    unjudged = inventory_rows(
        [DocumentInfo("1", "x", None, ""), DocumentInfo("2", "y", None, "openbaar")]
    )
    summary = inventory_summary(unjudged)
    assert summary["Nog niet beoordeeld"] == 1 and summary["Totaal"] == 2
    assert summary_line(summary) == "Openbaar 1 · Nog niet beoordeeld 1 · Totaal 2"


def test_csv_has_every_row(ctx):
    raw = render_inventory(ctx, "csv")
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == [*INVENTORY_COLUMNS, "Gerelateerd document"]
    assert [r[0] for r in rows[1:]] == NUMBERS
    assert rows[1] == [
        "1",
        "2019-03-01",
        "Werkinstructie CAS",
        "Deels openbaar",
        "10.2.e; 10.2.g",
        "",
        "",
        "",
    ]
    assert rows[3][6] == "https://www.politie.nl/wob/cas"
    assert rows[4][7] == "3"


def test_csv_optional_columns_only_when_used():
    docs = (DocumentInfo("1", "Mail", date(2020, 1, 1), "openbaar", family="F1"),)
    header = next(
        csv.reader(
            io.StringIO(
                render_inventory(seed000_context(documents=docs), "csv").decode("utf-8-sig")
            ),
            delimiter=";",
        )
    )
    assert header == [*INVENTORY_COLUMNS, "Familie"]
    plain = (DocumentInfo("1", "Mail", date(2020, 1, 1), "openbaar"),)
    header = next(
        csv.reader(
            io.StringIO(
                render_inventory(seed000_context(documents=plain), "csv").decode("utf-8-sig")
            ),
            delimiter=";",
        )
    )
    assert header == list(INVENTORY_COLUMNS)


def test_csv_keeps_formula_like_titles_as_text():
    docs = (
        DocumentInfo("1", '=HYPERLINK("http://x")', None, "openbaar"),
        DocumentInfo("2", "- concept", None, "openbaar"),
        DocumentInfo("3", "-Re: agenda", None, "openbaar"),
    )
    rows = list(
        csv.reader(
            io.StringIO(
                render_inventory(seed000_context(documents=docs), "csv").decode("utf-8-sig")
            ),
            delimiter=";",
        )
    )
    assert [r[2] for r in rows[1:]] == ['\'=HYPERLINK("http://x")', "- concept", "'-Re: agenda"]


def test_xlsx_has_every_row_with_real_dates(ctx):
    ws = load_workbook(io.BytesIO(render_inventory(ctx, "xlsx"))).active
    assert [c.value for c in ws[1]] == [*INVENTORY_COLUMNS, "Gerelateerd document"]
    assert all(c.font.bold for c in ws[1])
    assert ws.freeze_panes == "A2"
    assert ws.column_dimensions["C"].width >= 40
    assert [ws.cell(row=i, column=1).value for i in range(2, 7)] == NUMBERS
    assert ws.max_row == 6
    assert isinstance(ws["B2"].value, datetime) and ws["B2"].value.date() == date(2019, 3, 1)
    assert ws["B2"].number_format == "dd-mm-yyyy"
    assert ws["E2"].value == "10.2.e; 10.2.g"


def test_xlsx_title_starting_with_equals_is_text_not_formula():
    docs = (DocumentInfo("1", "=SUM(A1:A2)", None, "openbaar"),)
    ws = load_workbook(io.BytesIO(render_inventory(seed000_context(documents=docs), "xlsx"))).active
    assert ws["C2"].value == "=SUM(A1:A2)" and ws["C2"].data_type == "s"


def test_docx_has_every_row_and_the_summary(ctx):
    data = render_inventory(ctx, "docx")
    doc = open_docx(data)
    table = doc.tables[0]
    assert [c.text for c in table.rows[0].cells] == [*INVENTORY_COLUMNS, "Gerelateerd document"]
    assert [r.cells[0].text for r in table.rows[1:]] == NUMBERS
    assert table.rows[1].cells[1].text == "01-03-2019"
    assert "<w:tblHeader/>" in table.rows[0]._tr.xml
    texts = [t for _, t in paragraphs(data)]
    assert texts[0] == "Inventarislijst bij Wob-verzoek 2021-0003446"
    assert (
        "Aantal documenten: Openbaar 1 · Deels openbaar 1 · Niet openbaar 1 · Reeds openbaar 1 "
        "· Dubbel 1 · Totaal 5" in texts
    )
    assert doc.sections[0].page_width > doc.sections[0].page_height
    assert "PAGE" in doc.sections[0].footer._element.xml


def test_docx_survives_control_characters_and_markup_in_titles():
    docs = (DocumentInfo("1", 'Mail\x0bmet <tag> & "quotes"\nregel 2', None, "openbaar"),)
    table = open_docx(render_inventory(seed000_context(documents=docs), "docx")).tables[0]
    assert table.rows[1].cells[2].text == 'Mailmet <tag> & "quotes"\nregel 2'


def test_inventarislijst_kind_renders_the_docx_list(ctx):
    from cases.letters import render_letter

    assert [r.cells[0].text for r in open_docx(render_letter(ctx)).tables[0].rows[1:]] == NUMBERS


@pytest.mark.parametrize("fmt", ["pdf", "DOCX", "", "xls"])
def test_unknown_format_is_refused(ctx, fmt):
    with pytest.raises(ValueError, match="Onbekend formaat"):
        render_inventory(ctx, fmt)


def test_large_inventory_every_format():
    from cases.management.commands.bench_letters import synthetic_context

    ctx = synthetic_context(2000)
    rows = list(
        csv.reader(io.StringIO(render_inventory(ctx, "csv").decode("utf-8-sig")), delimiter=";")
    )
    assert len(rows) == 2001
    ws = load_workbook(io.BytesIO(render_inventory(ctx, "xlsx")), read_only=True).active
    assert sum(1 for _ in ws.iter_rows(values_only=True)) == 2001
    assert len(open_docx(render_inventory(ctx, "docx")).tables[0].rows) == 2001
