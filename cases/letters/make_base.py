"""Regenerates the house-style base document: `python -m cases.letters.make_base`."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Cm, Pt, RGBColor

BASE = Path(__file__).resolve().parents[2] / "templates" / "cases" / "letters" / "base.docx"
FONT = "Arial"  # sober sans; LibreOffice substitutes the metric-compatible Liberation Sans
ACCENT = RGBColor(0x15, 0x42, 0x73)

# Table styles written as XML: python-docx cannot set table borders or header-row formatting.
_TABLE_STYLES = {
    "Colofontabel": """
  <w:tblPr>
    <w:tblBorders>
      <w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/>
      <w:insideH w:val="nil"/><w:insideV w:val="nil"/>
    </w:tblBorders>
    <w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="113" w:type="dxa"/></w:tblCellMar>
  </w:tblPr>""",
    "Inventaristabel": """
  <w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>
  <w:rPr><w:sz w:val="16"/></w:rPr>
  <w:tblPr>
    <w:tblBorders>
      <w:top w:val="single" w:sz="4" w:space="0" w:color="7F7F7F"/>
      <w:left w:val="single" w:sz="4" w:space="0" w:color="7F7F7F"/>
      <w:bottom w:val="single" w:sz="4" w:space="0" w:color="7F7F7F"/>
      <w:right w:val="single" w:sz="4" w:space="0" w:color="7F7F7F"/>
      <w:insideH w:val="single" w:sz="4" w:space="0" w:color="BFBFBF"/>
      <w:insideV w:val="single" w:sz="4" w:space="0" w:color="BFBFBF"/>
    </w:tblBorders>
    <w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar>
  </w:tblPr>
  <w:tblStylePr w:type="firstRow">
    <w:rPr><w:b/></w:rPr>
    <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="DCE3EC"/></w:tcPr>
  </w:tblStylePr>""",
}


def _add_table_style(doc, name: str, body: str) -> None:
    style_id = name.replace(" ", "")
    xml = (
        f'<w:style {nsdecls("w")} w:type="table" w:customStyle="1" w:styleId="{style_id}">'
        f'<w:name w:val="{name}"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/>'
        f"<w:qFormat/>{body}</w:style>"
    )
    doc.styles.element.append(parse_xml(xml))


def _paragraph_style(doc, name: str, base: str = "Normal"):
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles[base]
    style.quick_style = True
    return style


def build(path: Path = BASE) -> Path:
    doc = Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)  # A4 portrait
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.2)
    section.left_margin, section.right_margin = Cm(2.4), Cm(2.4)
    section.header_distance, section.footer_distance = Cm(1.0), Cm(1.0)

    styles = doc.styles
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10)
    rpr = normal.element.get_or_add_rPr()
    rpr.get_or_add_rFonts().set(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia", FONT
    )
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15

    for name, size in (("Heading 1", 13), ("Heading 2", 10.5), ("Heading 3", 10)):
        st = styles[name]
        st.font.name = FONT
        st.font.size = Pt(size)
        st.font.bold = True
        st.font.italic = False
        st.font.color.rgb = ACCENT
        st.paragraph_format.space_before = Pt(12 if name != "Heading 3" else 8)
        st.paragraph_format.space_after = Pt(3)
        st.paragraph_format.keep_with_next = True

    quote = _paragraph_style(doc, "Verzoektekst")
    quote.font.italic = True
    quote.paragraph_format.left_indent = Cm(0.8)
    quote.paragraph_format.space_after = Pt(3)

    numbered = _paragraph_style(doc, "Genummerd")
    numbered.paragraph_format.left_indent = Cm(0.8)
    numbered.paragraph_format.first_line_indent = Cm(-0.8)
    numbered.paragraph_format.space_after = Pt(3)

    lines = _paragraph_style(doc, "Regels")  # address and signature: lines, no extra space
    lines.paragraph_format.space_after = Pt(0)
    lines.paragraph_format.line_spacing = 1.0

    small = _paragraph_style(doc, "Colofon")
    small.font.size = Pt(7.5)
    small.paragraph_format.space_after = Pt(0)
    small.paragraph_format.line_spacing = 1.0
    label = _paragraph_style(doc, "Colofonkop", "Colofon")
    label.font.bold = True
    label.paragraph_format.space_before = Pt(5)

    sender = _paragraph_style(doc, "Afzender")
    sender.font.size = Pt(12)
    sender.font.bold = True
    sender.font.color.rgb = ACCENT
    sender.paragraph_format.space_after = Pt(18)

    cell = _paragraph_style(doc, "Tabeltekst")
    cell.font.size = Pt(8)
    cell.paragraph_format.space_after = Pt(0)
    cell.paragraph_format.line_spacing = 1.0

    for name in ("Header", "Footer"):
        styles[name].font.size = Pt(7.5)
        styles[name].font.color.rgb = RGBColor(0x59, 0x59, 0x59)

    for name, body in _TABLE_STYLES.items():
        _add_table_style(doc, name, body)

    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(path)
    return path


if __name__ == "__main__":
    print(build())
