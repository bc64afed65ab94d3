"""Kamervragen letters (issue 14): the aanbiedingsbrief to the Voorzitter with the bijlage of
questions and answers (seed 003), the bijlage alone, and the uitstelbericht.

Same core as the Woo letters: wording from templates/cases/letters/<kind>.txt in the line markup,
layout from base.docx, the letterhead and page furniture of docx_writer. No besluit, so no
bezwaar clause and no inventory; the colofon has Onze referentie, Uw referentie (the Kamer's
2026Z-number), Datum and Betreft, as in seed 003."""

from __future__ import annotations

import re

from docx.shared import Pt

from cases.letters import docx_writer, wording
from cases.letters.context import LetterContext
from cases.letters.markup import clean, escape, parse
from cases.point_parser import kamer_answer_label

KAMER_KINDS = ("aanbiedingsbrief", "uitstelbericht", "antwoorden")
SUBJECTS = {
    "aanbiedingsbrief": "Antwoorden Kamervragen over {subject}",
    "uitstelbericht": "Uitstel beantwoording Kamervragen over {subject}",
    "antwoorden": "Antwoorden Kamervragen over {subject}",
}
# The Voorzitter receives the answers and the uitstelbericht (RvO TK art. 12.2).
VOORZITTER = (
    "Aan de Voorzitter van de Tweede Kamer",
    "der Staten-Generaal",
    "Postbus 20018",
    "2500 EA DEN HAAG",
)
# A footnote in an answer: "omgevingsvariabelen^[Voorbeelden hiervan zijn ...] van het CBS".
_FOOTNOTE = re.compile(r"\^\[([^\[\]]+)\]")
# A cross-reference in an answer: "In mijn antwoord op vraag 4", "zie het antwoord op vraag 3".
_CROSS_REFERENCE = re.compile(r"antwoord op vraag (\d{1,3})", re.IGNORECASE)


class KamerLetterError(ValueError):
    """A Kamervragen letter that cannot be made yet; Dutch message."""


def member_line(ctx: LetterContext) -> str:
    """'El Abassi (DENK)'."""
    k = ctx.kamer
    return f"{k.member} ({k.party})" if k.party else k.member


def signature_title(addressee: str) -> str:
    """'de minister van Justitie en Veiligheid' -> 'De Minister van Justitie en Veiligheid,'."""
    words = " ".join(addressee.split()).split(" ")
    if not words or not words[0]:
        return ""
    for i in range(min(2, len(words))):
        words[i] = words[i][:1].upper() + words[i][1:]
    return " ".join(words).rstrip(",") + ","


def subject_words(ctx: LetterContext) -> str:
    text = " ".join(ctx.subject.split()).rstrip(" .")
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def bijlage_heading(ctx: LetterContext) -> str:
    """'Vragen van het lid El Abassi (DENK) aan de minister van ... over ... (ingezonden 26
    februari 2026, 2026Z03786)'."""
    k = ctx.kamer
    to = f" aan {' '.join(k.addressee.split())}" if k.addressee.strip() else ""
    when = [wording.format_date(k.submitted_on)] if k.submitted_on else []
    if k.kamer_reference:
        when.append(k.kamer_reference)
    tail = f" (ingezonden {', '.join(when)})" if when else ""
    return f"Vragen van het lid {member_line(ctx)}{to} over {subject_words(ctx)}{tail}"


def ordered_blocks(ctx: LetterContext) -> list[tuple[str, object]]:
    """The bijlage in order: ("vraag", point) and ("antwoord", answer). Each question in number
    order; an answer follows the last question it covers ("Antwoord op vraag 2 en 3" after
    Vraag 3). Every question must have an answer."""
    covered: dict[int, object] = {}
    last_of: dict[int, list] = {}
    for a in ctx.answers:
        if not a.points:
            continue
        for n in a.points:
            covered.setdefault(n, a)
        last_of.setdefault(max(a.points), []).append(a)
    numbers = [p.number for p in ctx.points]
    missing = [n for n in numbers if n not in covered]
    if missing:
        which = wording.join_nl([str(n) for n in missing])
        noun = "Vraag" if len(missing) == 1 else "Vragen"
        verb = "heeft" if len(missing) == 1 else "hebben"
        raise KamerLetterError(f"{noun} {which} {verb} nog geen antwoord.")
    blocks: list[tuple[str, object]] = []
    for p in sorted(ctx.points, key=lambda p: p.number):
        blocks.append(("vraag", p))
        for a in last_of.get(p.number, ()):
            blocks.append(("antwoord", a))
    return blocks


def problems(ctx: LetterContext) -> list[str]:
    """What the adviser should look at (not blocking): cross-references to questions that do
    not exist in this set."""
    known = {p.number for p in ctx.points}
    found = []
    for a in ctx.answers:
        for m in _CROSS_REFERENCE.finditer(a.text):
            n = int(m.group(1))
            if n not in known:
                found.append(
                    f"{kamer_answer_label(a.points)} verwijst naar het antwoord op vraag {n}, "
                    "maar die vraag staat niet in deze set."
                )
    return found


def _bold_paragraph(doc, text: str, style: str | None = None):
    p = doc.add_paragraph(style=style)
    p.add_run(clean(text)).bold = True
    return p


def _answer_paragraphs(doc, text: str, notes: list[str]) -> None:
    """Paragraphs (blank-line separated) with their footnote marks as superscript numbers."""
    for para in re.split(r"\n\s*\n", text.strip()):
        para = " ".join(para.split())
        if not para:
            continue
        p = doc.add_paragraph()
        pos = 0
        for m in _FOOTNOTE.finditer(para):
            if m.start() > pos:
                p.add_run(clean(para[pos : m.start()]))
            notes.append(" ".join(m.group(1).split()))
            p.add_run(str(len(notes))).font.superscript = True
            pos = m.end()
        if pos < len(para):
            p.add_run(clean(para[pos:]))


def add_questions_and_answers(doc, ctx: LetterContext) -> None:
    """The bijlage: its heading, then "Vraag N" in bold with the question in bold, and "Antwoord
    op vraag N" in bold over the answer; footnotes numbered through and listed at the end."""
    _bold_paragraph(doc, bijlage_heading(ctx))
    notes: list[str] = []
    for kind, item in ordered_blocks(ctx):
        if kind == "vraag":
            _bold_paragraph(doc, f"Vraag {item.number}", "Heading 3")
            _bold_paragraph(doc, item.text)
        else:
            _bold_paragraph(doc, kamer_answer_label(item.points), "Heading 3")
            _answer_paragraphs(doc, item.text, notes)
    if notes:
        doc.add_paragraph("_" * 20)
        for i, note in enumerate(notes, start=1):
            p = doc.add_paragraph()
            p.add_run(str(i)).font.superscript = True
            run = p.add_run(" " + clean(note))
            run.font.size = Pt(8)


def template_context(ctx: LetterContext) -> dict:
    k = ctx.kamer
    return {
        "ctx": ctx,
        "kamer": k,
        "org": ctx.organisation,
        "member_line": member_line(ctx),
        "subject": subject_words(ctx),
        "signature_title": signature_title(k.addressee),
        "uitstel_reason": escape(" ".join(k.uitstel_reason.split())),
    }


def check(ctx: LetterContext) -> None:
    if ctx.kamer is None:
        raise KamerLetterError("Deze brief hoort bij Kamervragen; dit is een Woo/Wob-verzoek.")
    if ctx.kind == "uitstelbericht" and not ctx.kamer.uitstel_reason.strip():
        raise KamerLetterError(
            "Vermeld de reden van het uitstel: het uitstelbericht aan de Kamer noemt de redenen "
            "(art. 12.2 RvO TK)."
        )
    if ctx.kind in ("aanbiedingsbrief", "antwoorden"):
        ordered_blocks(ctx)  # every question answered


def colofon(ctx: LetterContext, subject: str) -> list[tuple[str, str]]:
    return [
        ("Organisatieonderdeel", ctx.organisation.department),
        ("Onze referentie", ctx.reference),
        ("Uw referentie", ctx.kamer.kamer_reference or "–"),
        ("Datum", wording.format_date(ctx.letter_date)),
        ("Betreft", subject),
    ]


def render(ctx: LetterContext, render_wording) -> bytes:
    """The Kamervragen letter ctx.kind as .docx bytes; `render_wording(kind, data)` fills in the
    template (cases.letters.render.render_wording)."""
    check(ctx)
    subject = SUBJECTS[ctx.kind].format(subject=subject_words(ctx))
    doc = docx_writer.open_base()
    date_line = wording.format_date(ctx.letter_date)
    if ctx.kind == "antwoorden":
        # The bijlage alone: no letterhead to the Voorzitter, the references on top.
        _bold_paragraph(doc, ctx.organisation.name)
        doc.add_paragraph(f"Datum {date_line} · Onze referentie {ctx.reference}")
        add_questions_and_answers(doc, ctx)
    else:
        docx_writer.add_letterhead(
            doc,
            sender=ctx.organisation.name,
            address_lines=list(VOORZITTER),
            colofon=colofon(ctx, subject),
        )
        blocks = parse(render_wording(ctx.kind, template_context(ctx)))
        docx_writer.write_blocks(
            doc,
            blocks,
            {
                "pagina": docx_writer.new_page,
                "vragen_en_antwoorden": lambda d: add_questions_and_answers(d, ctx),
            },
        )
    docx_writer.add_page_furniture(
        doc,
        footer_text=f"Onze referentie {ctx.reference}",
        continuation_header=f"Datum {date_line} · Onze referentie {ctx.reference}",
    )
    return docx_writer.to_bytes(doc)
