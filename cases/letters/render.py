"""LetterContext -> .docx: wording from templates/cases/letters/<kind>.txt, layout from base.docx."""

from __future__ import annotations

from pathlib import Path

from django.template import Context, Engine

from cases.inventory import inventory_rows, inventory_summary
from cases.letters import docx_writer, inventory_files, wording
from cases.letters.context import LetterContext, RequesterInfo
from cases.letters.markup import parse

TEMPLATES = Path(__file__).resolve().parents[2] / "templates" / "cases" / "letters"
LETTER_KINDS = ("ontvangstbevestiging", "verdagingsbrief", "besluit", "inventarislijst")
SUBJECTS = {
    "ontvangstbevestiging": "Ontvangstbevestiging {law}-verzoek",
    "verdagingsbrief": "Verdaging beslistermijn {law}-verzoek",
    "besluit": "Besluit op {law}-verzoek",
    "inventarislijst": "Inventarislijst bij {law}-verzoek",
}
# Timeline events the besluit tells under "Verloop van de procedure"; others are left out.
PROCEDURE_EVENTS = (
    "acknowledged",
    "adjourned",
    "precisering_asked",
    "precisering_received",
    "forwarded_partly",
    "suspension",
    "zienswijze_asked",
    "zienswijze_received",
    "contact",
    "ingebrekestelling_received",
)

_engine = Engine(
    dirs=[str(TEMPLATES)],
    autoescape=False,
    libraries={"brief": "cases.letters.filters"},
    builtins=["cases.letters.filters"],  # so a jurist's template needs no {% load %}
)


class LetterError(ValueError):
    """A letter that cannot be made (e.g. a verdaging after the first term); Dutch message."""


def salutation(requester: RequesterInfo) -> str:
    """'Geachte heer Jansen,', 'Geachte mevrouw De Wit,', 'Geachte heer/mevrouw,'."""
    return wording.salutation(requester)


def surname(full_name: str) -> str:
    return wording.surname(full_name)


def _procedure_steps(ctx: LetterContext) -> list[dict]:
    """Events in date order; an acknowledgement and verdaging sent the same day are one letter."""
    events = sorted((e for e in ctx.events if e.type in PROCEDURE_EVENTS), key=lambda e: e.on)
    acknowledged = {e.on for e in events if e.type == "acknowledged"}
    adjourned = {e.on for e in events if e.type == "adjourned"}
    steps = []
    for e in events:
        kind = e.type
        if kind == "adjourned" and e.on in acknowledged:
            continue  # told together with the acknowledgement
        if kind == "acknowledged" and e.on in adjourned:
            kind = "acknowledged_adjourned"
        steps.append({"type": kind, "on": e.on, "until": e.until, "note": e.note})
    return steps


def _counts(ctx: LetterContext) -> dict[str, int]:
    counts = {k: 0 for k in ("openbaar", "deels_openbaar", "niet_openbaar", "reeds_openbaar")}
    counts.update(dubbel=0, unjudged=0)
    for d in ctx.documents:
        counts[d.judgement if d.judgement in counts else "unjudged"] += 1
    return counts


def template_context(ctx: LetterContext) -> dict:
    """Everything a wording template may use (documented in templates/cases/letters/README.md)."""
    short, long = wording.law_names(ctx.regime)
    counts = _counts(ctx)
    refused_codes = [c for d in ctx.documents for c in d.grounds] or [
        g.code for g in ctx.grounds_used
    ]
    return {
        "ctx": ctx,
        "org": ctx.organisation,
        "law": short,
        "law_long": long,
        "woo": ctx.regime == "woo",
        "salutation": wording.salutation(ctx.requester),
        "answers": [
            {"label": wording.ad_label(a.points), "text": a.text, "points": a.points}
            for a in wording.answers_in_order(ctx.answers)
            if a.points
        ],
        "steps": _procedure_steps(ctx),
        "counts": counts,
        "dictum": [
            k
            for k in ("openbaar", "deels_openbaar", "niet_openbaar", "reeds_openbaar")
            if counts[k]
        ],
        "document_count": len(ctx.documents),
        "no_documents": not ctx.documents,
        "reeds_openbaar": [d for d in ctx.documents if d.judgement == "reeds_openbaar"],
        "refusal_basis": wording.refusal_articles(ctx.regime, refused_codes),
        "decision_basis": wording.decision_basis(ctx.regime),
        "terms": wording.adjournment_articles(ctx.regime),
        "electronic_bezwaar": wording.electronic_bezwaar_open(ctx.letter_date),
    }


def render_wording(kind: str, data: dict) -> str:
    """The filled-in template text (still in line markup).

    The engine's autoescape=False is not enough: a Context escapes unless told otherwise
    (Context(autoescape=True) is its default), which put "proefprogramma&#x27;s" and "&amp;" in
    every letter. A .docx/.txt letter is no HTML: never escape."""
    return _engine.get_template(f"{kind}.txt").render(Context(data, autoescape=False))


def _colofon(ctx: LetterContext, subject: str) -> list[tuple[str, str]]:
    return [
        ("Organisatieonderdeel", ctx.organisation.department),
        ("Behandeld door", ctx.handler.name),
        ("Functie", ctx.handler.function),
        ("Telefoon", ctx.handler.phone),
        ("E-mail", ctx.handler.email),
        ("Ons kenmerk", ctx.reference),
        ("Uw kenmerk", ctx.requester.reference or "–"),
        ("Datum", wording.format_date(ctx.letter_date)),
        ("Bijlage(n)", str(len(ctx.attachments))),
        ("In afschrift aan", "\n".join(ctx.copy_to)),
        ("Onderwerp", subject),
    ]


def _address(requester: RequesterInfo) -> list[str]:
    lines = []
    if requester.organisation:
        lines.append(requester.organisation)
    if addressee := wording.addressee_line(requester):
        lines.append(addressee)
    lines.extend(line.strip() for line in requester.address.splitlines() if line.strip())
    if not requester.address.strip() and requester.email:
        lines.append(f"Per e-mail: {requester.email}")
    return lines


def _check(ctx: LetterContext) -> None:
    if ctx.kind not in LETTER_KINDS:
        raise LetterError(f"Onbekende brief '{ctx.kind}'; kies uit: {', '.join(LETTER_KINDS)}.")
    if ctx.regime not in ("wob", "woo"):
        raise LetterError(f"Onbekend regime '{ctx.regime}': kies 'wob' of 'woo'.")
    if ctx.kind == "verdagingsbrief":
        refusal = wording.adjournment_refusal(
            regime=ctx.regime,
            letter_date=ctx.letter_date,
            first_term_ends_on=ctx.first_term_ends_on,
        )
        if refusal:
            raise LetterError(refusal)
        if not (ctx.adjourned_due_on or ctx.due_on):
            raise LetterError("Voor een verdagingsbrief is de nieuwe beslisdatum nodig.")
    if ctx.kind == "ontvangstbevestiging":
        if ctx.adjourned and not ctx.adjourned_due_on:
            raise LetterError("Bij een verdaging in de ontvangstbevestiging hoort de nieuwe datum.")
        if not ctx.adjourned and not ctx.due_on:
            raise LetterError("Voor een ontvangstbevestiging is de beslisdatum nodig.")
    for a in ctx.answers:
        if not a.points:
            raise LetterError("Een antwoord hoort bij minstens één punt van het verzoek.")


def render_letter(ctx: LetterContext) -> bytes:
    """The letter ctx.kind as .docx bytes (an inventarislijst as its .docx list)."""
    _check(ctx)
    if ctx.kind == "inventarislijst":
        return render_inventory(ctx, "docx")
    short, _ = wording.law_names(ctx.regime)
    subject = SUBJECTS[ctx.kind].format(law=short)
    blocks = parse(render_wording(ctx.kind, template_context(ctx)))
    doc = docx_writer.open_base()
    docx_writer.add_letterhead(
        doc,
        sender=ctx.organisation.name,
        address_lines=_address(ctx.requester),
        colofon=_colofon(ctx, subject),
    )
    rows = inventory_rows(ctx.documents)
    docx_writer.write_blocks(
        doc,
        blocks,
        {
            "inventarislijst": lambda d: inventory_files.add_inventory_table(d, rows),
            "pagina": docx_writer.new_page,
            "liggend": docx_writer.new_landscape_section,
        },
    )
    docx_writer.add_page_furniture(
        doc,
        footer_text=f"Ons kenmerk {ctx.reference}",
        continuation_header=(
            f"{subject} · {wording.format_date(ctx.letter_date)} · Ons kenmerk {ctx.reference}"
        ),
    )
    return docx_writer.to_bytes(doc)


def render_inventory(ctx: LetterContext, fmt: str) -> bytes:
    """The inventarislijst of ctx.documents as 'docx', 'csv' or 'xlsx'; ValueError otherwise."""
    if fmt not in inventory_files.INVENTORY_FORMATS:
        raise ValueError(f"Onbekend formaat '{fmt}': kies docx, csv of xlsx.")
    rows = inventory_rows(ctx.documents)
    if fmt == "csv":
        return inventory_files.inventory_csv(rows)
    if fmt == "xlsx":
        return inventory_files.inventory_xlsx(rows)
    short, _ = wording.law_names(ctx.regime)
    title = f"{SUBJECTS['inventarislijst'].format(law=short)} {ctx.reference}"
    summary = inventory_summary(rows)
    return inventory_files.inventory_docx(
        rows,
        title=title,
        lines=[
            f"Onderwerp: {' '.join(ctx.subject.split())}" if ctx.subject else "",
            f"Datum: {wording.format_date(ctx.letter_date)} · {summary['Totaal']} documenten",
        ],
        footer_text=f"{ctx.organisation.name} · Ons kenmerk {ctx.reference}",
    )
