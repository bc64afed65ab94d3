"""The inventarislijst as a file: .csv (Dutch Excel), .xlsx (openpyxl) and .docx (table)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date, datetime

from cases.inventory import (
    FAMILY_COLUMN,
    RELATED_COLUMN,
    InventoryRow,
    extra_columns,
    inventory_columns,
    inventory_summary,
    summary_line,
)
from cases.letters import docx_writer
from cases.letters.markup import clean
from cases.spreadsheet import spreadsheet_safe as _spreadsheet_safe

INVENTORY_FORMATS = ("docx", "csv", "xlsx")

# Relative column widths; scaled to the page (docx) or used as character widths (xlsx).
COLUMN_WEIGHTS = {
    "Nr.": 1.3,
    "Datum": 2.0,
    "Documentnaam": 7.0,
    "Beoordeling": 2.4,
    "Grond(en)": 2.4,
    "Toelichting": 4.5,
    "Vindplaats": 4.0,
    FAMILY_COLUMN: 1.8,
    RELATED_COLUMN: 2.2,
}
XLSX_WIDTHS = {
    "Nr.": 8,
    "Datum": 12,
    "Documentnaam": 60,
    "Beoordeling": 16,
    "Grond(en)": 18,
    "Toelichting": 45,
    "Vindplaats": 45,
    FAMILY_COLUMN: 12,
    RELATED_COLUMN: 14,
}


def column_widths_cm(header: Sequence[str], total_cm: float) -> list[float]:
    weights = [COLUMN_WEIGHTS.get(h, 2.0) for h in header]
    scale = total_cm / sum(weights)
    return [round(w * scale, 2) for w in weights]


def inventory_csv(rows: Sequence[InventoryRow]) -> bytes:
    """UTF-8 with BOM and ';' as delimiter (what Dutch Excel expects); dates as ISO 8601."""
    extra = extra_columns(rows)
    out = io.StringIO(newline="")
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(inventory_columns(rows))
    for r in rows:
        writer.writerow(
            [
                v.isoformat()
                if isinstance(v, date)
                else _spreadsheet_safe(clean(v))
                if isinstance(v, str)
                else v
                for v in r.cells(extra)
            ]
        )
    return out.getvalue().encode("utf-8")


def inventory_xlsx(rows: Sequence[InventoryRow], *, title: str = "Inventarislijst") -> bytes:
    """Header bold and frozen, an autofilter, column widths, dates as real date cells.
    Written in openpyxl's write-only mode: constant memory for 10,000+ rows."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    header = inventory_columns(rows)
    extra = extra_columns(rows)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title[:31])
    ws.freeze_panes = "A2"
    for i, name in enumerate(header, start=1):
        ws.column_dimensions[get_column_letter(i)].width = XLSX_WIDTHS.get(name, 14)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{max(len(rows) + 1, 2)}"
    bold, wrap = Font(bold=True), Alignment(vertical="top", wrap_text=False)
    head = []
    for name in header:
        cell = WriteOnlyCell(ws, name)
        cell.font = bold
        head.append(cell)
    ws.append(head)
    for r in rows:
        values = []
        for v in r.cells(extra):
            if isinstance(v, date):
                cell = WriteOnlyCell(ws, datetime(v.year, v.month, v.day))
                cell.number_format = "dd-mm-yyyy"
                values.append(cell)
            elif isinstance(v, str) and v.startswith("="):
                cell = WriteOnlyCell(ws, clean(v))
                cell.data_type = "s"  # openpyxl would otherwise store it as a formula
                cell.alignment = wrap
                values.append(cell)
            else:
                values.append(clean(v) if isinstance(v, str) else v)
        ws.append(values)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def add_inventory_table(doc, rows: Sequence[InventoryRow]) -> None:
    """The summary counts, then the table, at the current position of a .docx."""
    summary = inventory_summary(rows)
    doc.add_paragraph(f"Aantal documenten: {summary_line(summary)}")
    header = inventory_columns(rows)
    extra = extra_columns(rows)
    docx_writer.add_table(
        doc,
        header,
        [r.cells(extra) for r in rows],
        column_widths_cm(header, docx_writer.text_width_cm(doc)),
    )


def inventory_docx(
    rows: Sequence[InventoryRow], *, title: str, lines: Sequence[str], footer_text: str
) -> bytes:
    """A standalone inventarislijst: landscape A4, title, summary, table, page numbers."""
    doc = docx_writer.open_base()
    section = doc.sections[0]
    if section.page_width < section.page_height:
        from docx.enum.section import WD_ORIENT

        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    doc.add_paragraph(title, style="Heading 1")
    for line in lines:
        if line:
            doc.add_paragraph(clean(line))
    add_inventory_table(doc, rows)
    docx_writer.add_page_furniture(doc, footer_text=footer_text, continuation_header=title)
    return docx_writer.to_bytes(doc)
