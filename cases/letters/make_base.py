"""Regenerates the house-style base document: `python -m cases.letters.make_base`."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Cm, Pt, RGBColor

BASE = Path(__file__).resolve().parents[2] / "templates" / "cases" / "letters" / "base.docx"


def build(path: Path = BASE) -> Path:
    doc = Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.2)
    section.left_margin, section.right_margin = Cm(2.4), Cm(2.4)
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.name = "Verdana"
    normal.font.size = Pt(9.5)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    for name, size in (("Heading 1", 13), ("Heading 2", 10.5), ("Heading 3", 9.5)):
        st = styles[name]
        st.font.name = "Verdana"
        st.font.size = Pt(size)
        st.font.bold = True
        st.font.italic = False
        st.font.color.rgb = RGBColor(0x15, 0x42, 0x73)
        st.paragraph_format.space_before = Pt(12)
        st.paragraph_format.space_after = Pt(4)
        st.paragraph_format.keep_with_next = True
    quote = styles.add_style("Verzoektekst", WD_STYLE_TYPE.PARAGRAPH)
    quote.base_style = normal
    quote.font.italic = True
    quote.paragraph_format.left_indent = Cm(0.8)
    small = styles.add_style("Colofon", WD_STYLE_TYPE.PARAGRAPH)
    small.base_style = normal
    small.font.size = Pt(7.5)
    small.paragraph_format.space_after = Pt(0)
    label = styles.add_style("Colofonkop", WD_STYLE_TYPE.PARAGRAPH)
    label.base_style = small
    label.font.bold = True
    label.paragraph_format.space_before = Pt(5)
    cell = styles.add_style("Tabeltekst", WD_STYLE_TYPE.PARAGRAPH)
    cell.base_style = normal
    cell.font.size = Pt(8)
    cell.paragraph_format.space_after = Pt(0)
    footer = styles["Footer"]
    footer.font.size = Pt(7.5)
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(path)
    return path


if __name__ == "__main__":
    print(build())
