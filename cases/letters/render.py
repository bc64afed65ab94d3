"""LetterContext -> .docx: wording from templates/cases/letters/<kind>.txt, layout from base.docx."""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path

from django.template import Context, Engine

from cases.deadlines import format_date_nl
from cases.inventory import INVENTORY_COLUMNS, extra_columns, inventory_rows, inventory_summary
from cases.letters import docx_writer
from cases.letters.context import LetterContext, RequesterInfo
from cases.letters.markup import parse
from cases.point_parser import answer_label, answer_sort_key

TEMPLATES = Path(__file__).resolve().parents[2] / "templates" / "cases" / "letters"
ELECTRONIC_BEZWAAR_FROM = date(2026, 1, 1)  # Wmebv: formal messages accepted electronically
LETTER_KINDS = ("ontvangstbevestiging", "verdagingsbrief", "besluit", "inventarislijst")
SUBJECTS = {
    "ontvangstbevestiging": "Ontvangstbevestiging {law}-verzoek",
    "verdagingsbrief": "Verdaging beslistermijn {law}-verzoek",
    "besluit": "Besluit op {law}-verzoek",
    "inventarislijst": "Inventarislijst {law}-verzoek",
}

_engine = Engine(
    dirs=[str(TEMPLATES)],
    autoescape=False,
    builtins=["cases.letters.filters"],
)


class LetterError(ValueError):
    """A letter that cannot be made (e.g. a verdaging after the first term); Dutch message."""


_TUSSENVOEGSELS = {
    "van",
    "de",
    "der",
    "den",
    "het",
    "ten",
    "ter",
    "te",
    "in",
    "op",
    "'t",
    "el",
    "al",
    "la",
    "le",
    "du",
    "da",
    "dos",
    "del",
    "von",
    "zu",
    "bin",
    "ben",
    "ait",
}


def surname(full_name: str) -> str:
    """The surname with its tussenvoegsels, the first capitalised after 'heer'/'mevrouw':
    'Anna de Wit' -> 'De Wit', 'J.P. van der Berg' -> 'Van der Berg', 'Ahmed El Amrani' -> 'El Amrani'.
    Heuristic: drop leading initials (tokens with a dot) and the first name (the first token when
    more than one remains), keep everything from the first tussenvoegsel or the last word."""
    tokens = [t for t in full_name.replace(",", " ").split() if t]
    tokens = [t for t in tokens if not re.fullmatch(r"(?:[A-Za-z]{1,2}\.)+", t)]
    if not tokens:
        return full_name.strip()
    if len(tokens) == 1:
        return tokens[0]
    start = len(tokens) - 1
    first = 0 if tokens[0].lower() in _TUSSENVOEGSELS else 1  # no first name: starts with "van"
    for i in range(first, len(tokens) - 1):
        if tokens[i].lower() in _TUSSENVOEGSELS:
            start = i
            break
    parts = tokens[start:]
    if parts[0].lower() in _TUSSENVOEGSELS:
        parts = [
            parts[0].capitalize(),
            *[p if p.lower() not in _TUSSENVOEGSELS else p.lower() for p in parts[1:]],
        ]
    return " ".join(parts)


def salutation(requester: RequesterInfo) -> str:
    if requester.salutation in ("heer", "mevrouw") and requester.name.strip():
        return f"Geachte {requester.salutation} {surname(requester.name)},"
    return "Geachte heer/mevrouw,"


def _law(regime: str) -> tuple[str, str]:
    return (
        ("Woo", "Wet open overheid (Woo)")
        if regime == "woo"
        else ("Wob", "Wet openbaarheid van bestuur (Wob)")
    )


def _answers(ctx: LetterContext) -> list[dict]:
    ordered = sorted(ctx.answers, key=lambda a: answer_sort_key(a.points))
    return [{"label": answer_label(a.points), "text": a.text, "points": a.points} for a in ordered]


def _events(ctx: LetterContext) -> dict:
    by_type: dict[str, list] = {}
    for e in sorted(ctx.events, key=lambda e: e.on):
        by_type.setdefault(e.type, []).append(e)
    return by_type


def template_context(ctx: LetterContext) -> dict:
    short, long = _law(ctx.regime)
    rows = inventory_rows(ctx.documents)
    summary = inventory_summary(rows)
    judgements = {d.judgement for d in ctx.documents if d.judgement and d.judgement != "dubbel"}
    return {
        "ctx": ctx,
        "law": short,
        "law_long": long,
        "woo": ctx.regime == "woo",
        "salutation": salutation(ctx.requester),
        "answers": _answers(ctx),
        "events": _events(ctx),
        "contacts": [e for e in ctx.events if e.type == "contact"],
        "zienswijzen": [
            e for e in ctx.events if e.type in ("zienswijze_asked", "zienswijze_received")
        ],
        "acknowledged": next((e for e in ctx.events if e.type == "acknowledged"), None),
        "adjourned_event": next((e for e in ctx.events if e.type == "adjourned"), None),
        "suspensions": [e for e in ctx.events if e.type == "suspension"],
        "document_count": len([d for d in ctx.documents if d.judgement != "dubbel"]),
        "summary": summary,
        "has_openbaar": bool(judgements & {"openbaar"}),
        "has_deels": "deels_openbaar" in judgements,
        "has_niet": "niet_openbaar" in judgements,
        "has_reeds": "reeds_openbaar" in judgements,
        "reeds_openbaar": [d for d in ctx.documents if d.judgement == "reeds_openbaar"],
        "no_documents": not ctx.documents,
        "electronic_bezwaar": ctx.letter_date >= ELECTRONIC_BEZWAAR_FROM,
        "wob_articles": "de artikelen 1, 2, 3, 5, 6, 7, 10 en 11 van de Wob",
    }


def _render_wording(kind: str, data: dict) -> str:
    return _engine.get_template(f"{kind}.txt").render(Context(data))


def _colofon(ctx: LetterContext, subject: str) -> list[tuple[str, str]]:
    return [
        ("Organisatieonderdeel", ctx.organisation.department),
        ("Behandeld door", ctx.handler.name),
        ("Functie", ctx.handler.function),
        ("Telefoon", ctx.handler.phone),
        ("E-mail", ctx.handler.email),
        ("Ons kenmerk", ctx.reference),
        ("Uw kenmerk", ctx.requester.reference or "–"),
        ("Datum", format_date_nl(ctx.letter_date)),
        ("Bijlage(n)", str(len(ctx.attachments)) if ctx.attachments else "0"),
        ("In afschrift aan", ", ".join(ctx.copy_to)),
        ("Onderwerp", subject),
    ]


def _address(ctx: LetterContext) -> list[str]:
    lines = []
    if ctx.requester.organisation:
        lines.append(ctx.requester.organisation)
    if ctx.requester.name:
        prefix = {"heer": "De heer ", "mevrouw": "Mevrouw "}.get(ctx.requester.salutation, "")
        lines.append(prefix + ctx.requester.name)
    lines.extend(line for line in ctx.requester.address.splitlines() if line.strip())
    if not ctx.requester.address and ctx.requester.email:
        lines.append(f"Per e-mail: {ctx.requester.email}")
    return lines


def _inventory_table(ctx: LetterContext):
    rows = inventory_rows(ctx.documents)
    extra = extra_columns(rows)
    header = [*INVENTORY_COLUMNS, *extra]

    def write(doc):
        summary = inventory_summary(rows)
        doc.add_paragraph(
            "Aantal documenten: "
            + ", ".join(f"{label.lower()} {n}" for label, n in summary.items() if label != "Totaal")
            + f"; totaal {summary['Totaal']}."
        )
        docx_writer.add_table(
            doc,
            header,
            [r.cells(extra) for r in rows],
            widths_cm=[1.0, 2.0, 5.0, 2.2, 2.0, 2.6, 2.4][: len(header)],
        )

    return write


def render_letter(ctx: LetterContext) -> bytes:
    if ctx.kind not in LETTER_KINDS:
        raise LetterError(f"Onbekende brief '{ctx.kind}'.")
    if ctx.kind == "inventarislijst":
        return render_inventory(ctx, "docx")
    short, _ = _law(ctx.regime)
    if (
        ctx.kind == "verdagingsbrief"
        and ctx.first_term_ends_on
        and ctx.letter_date > ctx.first_term_ends_on
    ):
        article = "art. 4.4 lid 2 Woo" if ctx.regime == "woo" else "art. 6 lid 2 Wob"
        raise LetterError(
            f"De eerste beslistermijn is op {format_date_nl(ctx.first_term_ends_on)} verstreken; "
            f"verdagen kan niet meer ({article})."
        )
    subject = SUBJECTS[ctx.kind].format(law=short)
    data = template_context(ctx)
    blocks = parse(_render_wording(ctx.kind, data))
    doc = docx_writer.new_document()
    docx_writer.add_letterhead(
        doc,
        address_lines=_address(ctx),
        colofon=_colofon(ctx, subject),
        organisation=ctx.organisation.name,
    )
    docx_writer.write_blocks(
        doc,
        blocks,
        {"inventarislijst": _inventory_table(ctx), "pagebreak": lambda d: d.add_page_break()},
    )
    docx_writer.add_footer(doc, ctx.reference, subject)
    return docx_writer.to_bytes(doc)


def render_inventory(ctx: LetterContext, fmt: str) -> bytes:
    rows = inventory_rows(ctx.documents)
    extra = extra_columns(rows)
    header = [*INVENTORY_COLUMNS, *extra]
    if fmt == "csv":
        out = io.StringIO()
        out.write("\ufeff")  # BOM: Excel opens UTF-8 correctly
        w = csv.writer(out, delimiter=";")
        w.writerow(header)
        for r in rows:
            w.writerow([v.isoformat() if isinstance(v, date) else v for v in r.cells(extra)])
        return out.getvalue().encode("utf-8")
    if fmt == "xlsx":
        from openpyxl import Workbook
        from openpyxl.styles import Font

        wb = Workbook(write_only=False)
        ws = wb.active
        ws.title = "Inventarislijst"
        ws.append(header)
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for r in rows:
            ws.append(r.cells(extra))
        for row in ws.iter_rows(min_row=2, min_col=2, max_col=2):
            for cell in row:
                cell.number_format = "DD-MM-YYYY"
        ws.freeze_panes = "A2"
        for letter, width in zip("ABCDEFGHI", (8, 12, 50, 16, 18, 40, 40, 12, 16)):
            ws.column_dimensions[letter].width = width
        out = io.BytesIO()
        wb.save(out)
        return out.getvalue()
    if fmt == "docx":
        short, _ = _law(ctx.regime)
        subject = SUBJECTS["inventarislijst"].format(law=short)
        doc = docx_writer.new_document()
        doc.add_paragraph(f"Inventarislijst bij {ctx.reference}", style="Heading 1")
        doc.add_paragraph(f"{ctx.subject} · {format_date_nl(ctx.letter_date)}")
        _inventory_table(ctx)(doc)
        docx_writer.add_footer(doc, ctx.reference, subject)
        return docx_writer.to_bytes(doc)
    raise ValueError(f"Onbekend formaat '{fmt}': kies docx, csv of xlsx.")
