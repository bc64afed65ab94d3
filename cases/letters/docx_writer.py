"""Writes letter blocks onto the house-style base with python-docx; big tables as raw XML."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Emu

from cases.letters.markup import Block, clean

BASE = Path(__file__).resolve().parents[2] / "templates" / "cases" / "letters" / "base.docx"
_TWIPS_PER_CM = 566.93


def open_base():
    """A fresh document on the house-style base (styles, A4, margins)."""
    return Document(str(BASE))


def to_bytes(doc) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


# --- header, footer and page fields -----------------------------------------------------------


def _field(paragraph, instruction: str) -> None:
    """A real Word field (PAGE, NUMPAGES) as fldChar runs; Word and LibreOffice fill it in."""
    ns = nsdecls("w")
    for xml in (
        f'<w:fldChar {ns} w:fldCharType="begin"/>',
        f'<w:instrText {ns} xml:space="preserve"> {instruction} </w:instrText>',
        f'<w:fldChar {ns} w:fldCharType="separate"/>',
        f"<w:t {ns}>1</w:t>",
        f'<w:fldChar {ns} w:fldCharType="end"/>',
    ):
        paragraph.add_run()._r.append(parse_xml(xml))


def _page_line(doc, paragraph, prefix: str) -> None:
    paragraph.style = doc.styles["Footer"]
    if prefix:
        paragraph.add_run(prefix)
    paragraph.add_run("Pagina ")
    _field(paragraph, "PAGE")
    paragraph.add_run(" van ")
    _field(paragraph, "NUMPAGES")


def add_page_furniture(doc, *, footer_text: str, continuation_header: str) -> None:
    """'Pagina N van M' in the footer of every page (real PAGE/NUMPAGES fields); from page 2 on
    a small header repeats subject, date and kenmerk, as the seeds repeat their colofon."""
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    for footer in (section.footer, section.first_page_footer):
        footer.is_linked_to_previous = False
        _page_line(doc, footer.paragraphs[0], f"{footer_text} · " if footer_text else "")
    header = section.header
    header.is_linked_to_previous = False
    header.paragraphs[0].text = continuation_header
    header.paragraphs[0].style = doc.styles["Header"]


# --- letterhead: sender, address block, colofon ------------------------------------------------


def _fixed_widths(table, widths_cm: Sequence[float]) -> None:
    """Fixed layout with explicit grid widths: Word need not measure 10,000 rows to lay out."""
    table.autofit = False  # w:tblLayout type="fixed", placed in schema order by python-docx
    for col, w in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths_cm):
        col.set(qn("w:w"), str(round(w * _TWIPS_PER_CM)))
    for cell, w in zip(table.rows[0].cells, widths_cm):
        cell.width = Cm(w)


def add_letterhead(
    doc, *, sender: str, address_lines: Sequence[str], colofon: Sequence[tuple[str, str]]
) -> None:
    """Sender on top; the addressee top-left and the colofon as a right column (as in the
    seeds), in a borderless two-column table. Colofon rows with an empty value are left out."""
    if sender:
        doc.add_paragraph(clean(sender), style="Afzender")
    table = doc.add_table(rows=1, cols=2)
    table.style = doc.styles["Colofontabel"]
    _fixed_widths(table, (10.7, 5.5))
    left, right = table.rows[0].cells
    first = left.paragraphs[0]
    first.style = doc.styles["Regels"]
    for i, line in enumerate(address_lines):
        if i:
            first.add_run().add_break()
        first.add_run(clean(line))
    rows = [(label, value) for label, value in colofon if str(value or "").strip()]
    for i, (label, value) in enumerate(rows):
        p = right.paragraphs[0] if i == 0 else right.add_paragraph()
        p.style = doc.styles["Colofonkop"]
        p.add_run(label)
        v = right.add_paragraph(style="Colofon")
        for j, line in enumerate(str(value).splitlines()):
            if j:
                v.add_run().add_break()
            v.add_run(clean(line))
    doc.add_paragraph()


# --- running text ------------------------------------------------------------------------------

_STYLE = {
    "heading": "Heading 2",
    "subheading": "Heading 3",
    "quote": "Verzoektekst",
    "bullet": "List Bullet",
    "paragraph": None,
}


def write_blocks(doc, blocks: Sequence[Block], directives: dict[str, Callable]) -> None:
    """Blocks from the template markup onto the document; [[name]] calls directives[name]."""
    for b in blocks:
        if b.kind == "directive":
            handler = directives.get(b.text)
            if handler is None:
                known = ", ".join(f"[[{k}]]" for k in sorted(directives))
                raise ValueError(
                    f"Onbekende aanwijzing [[{b.text}]] in de brieftemplate; bekend: {known}."
                )
            handler(doc)
        elif b.kind == "lines":
            p = doc.add_paragraph(style="Regels")
            for i, line in enumerate(b.lines):
                if i:
                    p.add_run().add_break()
                if line:
                    p.add_run(line)
            p.paragraph_format.space_after = doc.styles["Normal"].paragraph_format.space_after
        elif b.kind == "numbered":
            p = doc.add_paragraph(style="Genummerd")
            p.add_run(f"{b.label}\t{b.text}")
            p.paragraph_format.tab_stops.add_tab_stop(Cm(0.8))
        else:
            doc.add_paragraph(b.text, style=_STYLE[b.kind])


def new_page(doc) -> None:
    doc.add_page_break()


def new_landscape_section(doc) -> None:
    """A new page in landscape (for a wide bijlage); header and footer carry on."""
    current = doc.sections[-1]
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = current.page_height, current.page_width
    section.different_first_page_header_footer = False


def text_width_cm(doc) -> float:
    section = doc.sections[-1]
    return Emu(section.page_width - section.left_margin - section.right_margin).cm


# --- fast tables ---------------------------------------------------------------------------------


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    return clean(str(value))


def _cell_xml(value) -> str:
    text = _cell_text(value)
    if not text:
        return '<w:tc><w:p><w:pPr><w:pStyle w:val="Tabeltekst"/></w:pPr></w:p></w:tc>'
    runs = "<w:br/>".join(
        f'<w:t xml:space="preserve">{xml_escape(line)}</w:t>' for line in text.splitlines()
    )
    return f'<w:tc><w:p><w:pPr><w:pStyle w:val="Tabeltekst"/></w:pPr><w:r>{runs}</w:r></w:p></w:tc>'


def add_table(
    doc,
    header: Sequence[str],
    rows: Sequence[Sequence],
    widths_cm: Sequence[float],
    style: str = "Inventaristabel",
) -> None:
    """A table with a header row repeated on every page. Body rows are written as one XML
    string and parsed once: 10,000 rows take well under a second, where python-docx's
    add_row()/cell API would take minutes."""
    table = doc.add_table(rows=1, cols=len(header))
    table.style = doc.styles[style]
    _fixed_widths(table, widths_cm)
    tbl_pr = table._tbl.tblPr
    look = tbl_pr.find(qn("w:tblLook"))
    if look is None:  # last child of w:tblPr in schema order
        look = OxmlElement("w:tblLook")
        tbl_pr.append(look)
    look.set(qn("w:val"), "0420")  # header row formatting on, no banding
    look.set(qn("w:firstRow"), "1")
    look.set(qn("w:noHBand"), "1")
    look.set(qn("w:noVBand"), "1")
    head = table.rows[0]
    tr_pr = head._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:tblHeader"))
    for cell, text in zip(head.cells, header):
        p = cell.paragraphs[0]
        p.style = doc.styles["Tabeltekst"]
        p.add_run(text).bold = True
    if not rows:
        return
    body = "".join(
        "<w:tr><w:trPr><w:cantSplit/></w:trPr>" + "".join(_cell_xml(v) for v in r) + "</w:tr>"
        for r in rows
    )
    wrapper = parse_xml(f"<w:tbl {nsdecls('w')}>{body}</w:tbl>")
    table._tbl.extend(list(wrapper))
