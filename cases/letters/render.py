"""LetterContext -> .docx: wording from templates/cases/letters/<kind>.txt, layout from base.docx."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from django.template import Context, Engine

from cases import deadlines
from cases import grounds as grounds_catalogue
from cases.inventory import inventory_rows, inventory_summary
from cases.letters import docx_writer, inventory_files, kamer, wording
from cases.letters.context import GroundUse, LetterContext, PartyInfo, RequesterInfo
from cases.letters.dictum import decision_type, dictum_parts
from cases.letters.markup import parse

TEMPLATES = Path(__file__).resolve().parents[2] / "templates" / "cases" / "letters"
LETTER_KINDS = (
    "ontvangstbevestiging",
    "verdagingsbrief",
    "besluit",
    "inventarislijst",
    "precisering",
    "doorzendbrief",
    "doorzending_orgaan",
    "zienswijzeverzoek",
    "opschorting",
    "einde_opschorting",
    "kennisgeving_derde",
)
# Kamervragen (issue 14): their own letters, cases/letters/kamer.py; the Woo kinds stay as they were.
KAMER_KINDS = kamer.KAMER_KINDS
ALL_LETTER_KINDS = LETTER_KINDS + KAMER_KINDS
SUBJECTS = {
    "ontvangstbevestiging": "Ontvangstbevestiging {law}-verzoek",
    "verdagingsbrief": "Verdaging beslistermijn {law}-verzoek",
    "besluit": "Besluit op {law}-verzoek",
    "inventarislijst": "Inventarislijst bij {law}-verzoek",
    "precisering": "Verzoek om precisering van uw {law}-verzoek",
    "doorzendbrief": "Doorzending van uw {law}-verzoek",
    "doorzending_orgaan": "Doorzending {law}-verzoek",
    "zienswijzeverzoek": "Verzoek om zienswijze over een {law}-verzoek",
    "opschorting": "Opschorting beslistermijn {law}-verzoek",
    "einde_opschorting": "Einde opschorting beslistermijn {law}-verzoek",
    "kennisgeving_derde": "Besluit op {law}-verzoek",
}
# Letters addressed to someone other than the requester (ctx.addressee).
TO_ADDRESSEE = ("zienswijzeverzoek", "kennisgeving_derde", "doorzending_orgaan")
# Woo art. 5.3: documents refused on these grounds need extra motivation when older than five
# years (5.1 lid 2, 5.1 lid 5, 5.2).
FIVE_YEAR_KINDS = (grounds_catalogue.RELATIEF, grounds_catalogue.BELEIDSOPVATTINGEN)
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


# Why no document is provided, per outcome (the "Aangetroffen documenten" section).
NO_DOCUMENT_REASONS = {
    "reeds_openbaar": "is de informatie waarom u vraagt reeds openbaar",
    "niet_aanwezig": "berusten de gevraagde documenten niet onder mij",
    "doorgezonden": "berust de informatie bij een ander bestuursorgaan",
    "toelichting": "volsta ik met een toelichting",
}


def _or_list(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " of " + items[-1]


def five_year_documents(ctx: LetterContext) -> tuple[str, ...]:
    """Woo art. 5.3: documents older than five years at the decision date that are (partly)
    refused on a relative ground (5.1 lid 2 or 5) or on 5.2; their refusal needs extra reasons."""
    if ctx.regime != "woo":
        return ()
    found = []
    for d in ctx.documents:
        if d.judgement not in ("deels_openbaar", "niet_openbaar"):
            continue
        kinds = {
            grounds_catalogue.GROUNDS[c].kind for c in d.grounds if c in grounds_catalogue.GROUNDS
        }
        if kinds & set(FIVE_YEAR_KINDS) and older_than_five_years(d.date, ctx.letter_date):
            found.append(d.number)
    return tuple(found)


def grounds_in_letter(ctx: LetterContext) -> list[GroundUse]:
    """The grounds the besluit motivates: those applied, plus Woo art. 5.3 when it is triggered
    (with the adviser's own 5.3 motivation when ctx has one, else the catalogue's)."""
    used = [g for g in ctx.grounds_used if g.code != "5.3"]
    old = five_year_documents(ctx) if ctx.kind == "besluit" else ()
    if old:
        own = next((g for g in ctx.grounds_used if g.code == "5.3"), None)
        catalogue = grounds_catalogue.GROUNDS["5.3"]
        used.append(
            replace(
                own
                or GroundUse(
                    code="5.3",
                    words=catalogue.words,
                    label=catalogue.label,
                    motivation=catalogue.motivation,
                    kind=catalogue.kind,
                ),
                documents=old,
            )
        )
    return used


def contact_line(ctx: LetterContext) -> str:
    """The 'vragen?' sentence. Only the besluit speaks of 'vragen over dit besluit'; the other
    letters are no besluit (issue 12, item 5), so the organisation's line is adapted, or, when it
    still speaks of a besluit, replaced by the neutral default."""
    reference = ctx.reference
    own = " ".join(ctx.organisation.contact_line.split())
    if ctx.kind in ("besluit", "kennisgeving_derde"):
        return own or (
            "Heeft u vragen over dit besluit? Neem dan contact op met de behandelaar via de "
            f"contactgegevens in de colofon, onder vermelding van het kenmerk {reference}."
        )
    adapted = re.sub(r"\bover dit besluit\b", "over de behandeling van uw verzoek", own)
    if ctx.kind in TO_ADDRESSEE:
        adapted = re.sub(r"\buw verzoek\b", "dit verzoek", adapted)
    if adapted and "besluit" not in adapted.lower():
        return adapted
    about = "deze brief" if ctx.kind in TO_ADDRESSEE else "de behandeling van uw verzoek"
    return (
        f"Heeft u vragen over {about}? Neem dan contact op met de behandelaar via de "
        f"contactgegevens in de colofon, onder vermelding van het kenmerk {reference}."
    )


def template_context(ctx: LetterContext) -> dict:
    """Everything a wording template may use (documented in templates/cases/letters/README.md)."""
    short, long = wording.law_names(ctx.regime)
    counts = _counts(ctx)
    refused_codes = [c for d in ctx.documents for c in d.grounds] or [
        g.code for g in ctx.grounds_used
    ]
    grounds_used = grounds_in_letter(ctx)
    used_codes = [g.code for g in grounds_used] or refused_codes
    parts = dictum_parts(ctx.answers, ctx.documents)
    docs_by_number = {d.number: d for d in ctx.documents}
    disclosed = {d.number for d in ctx.documents if d.judgement in ("openbaar", "deels_openbaar")}
    third_parties = [
        {
            "party": p,
            "name": p.name,
            "documents": p.documents,
            "disclosed": tuple(n for n in p.documents if n in disclosed),
            "document_rows": [docs_by_number[n] for n in p.documents if n in docs_by_number],
        }
        for p in ctx.third_parties
    ]
    delayed = tuple(
        dict.fromkeys(n for tp in third_parties for n in tp["disclosed"])
    )  # Woo art. 4.4 lid 5
    adjournment = ""
    if ctx.adjournment_reasons:
        adjournment = wording.adjournment_reason_text(ctx.regime, ctx.adjournment_reasons)
    addressee = ctx.addressee
    return {
        "contact_line": contact_line(ctx),
        "ctx": ctx,
        "org": ctx.organisation,
        "law": short,
        "law_long": long,
        "woo": ctx.regime == "woo",
        "disclosure": "openbaarmaking" if ctx.regime == "woo" else "verstrekking",
        "to_disclose": "het openbaar maken" if ctx.regime == "woo" else "het verstrekken",
        "salutation": (
            _party_salutation(addressee)
            if addressee is not None and ctx.kind in TO_ADDRESSEE
            else wording.salutation(ctx.requester)
        ),
        "addressee": addressee,
        "requester_name": wording.addressee_line(ctx.requester) or "de verzoeker",
        "answers": [
            {
                "label": wording.ad_label(a.points),
                "text": a.text,
                "points": a.points,
                "outcome": a.outcome,
                "location": a.location.strip()
                if a.location.strip() and a.location.strip() not in a.text
                else "",
            }
            for a in wording.answers_in_order(ctx.answers)
            if a.points
        ],
        "steps": _procedure_steps(ctx),
        "counts": counts,
        "dictum_parts": parts,
        "dictum_kinds": [p.kind for p in parts],
        "decision_type": decision_type(parts),
        "dictum": [
            k
            for k in ("openbaar", "deels_openbaar", "niet_openbaar", "reeds_openbaar")
            if counts[k]
        ],
        "document_count": len(ctx.documents),
        "no_documents": not ctx.documents,
        "reeds_openbaar": [d for d in ctx.documents if d.judgement == "reeds_openbaar"],
        "grounds_used": grounds_used,
        "refusal_basis": wording.refusal_articles(ctx.regime, refused_codes),
        # Per dictum part, exactly the articles of the grounds of its own documents.
        "part_basis": {
            part.kind: wording.refusal_articles(
                ctx.regime,
                [
                    c
                    for n in part.documents
                    if n in docs_by_number
                    for c in docs_by_number[n].grounds
                ],
            )
            for part in parts
            if part.kind in ("deels_openbaar", "niet_openbaar")
        },
        "no_documents_reasons": _or_list(
            [NO_DOCUMENT_REASONS[p.kind] for p in parts if p.kind in NO_DOCUMENT_REASONS]
        ),
        "decision_basis": wording.decision_basis(
            ctx.regime,
            used_codes,
            forwarded=any(p.kind == "doorgezonden" for p in parts)
            or any(e.type in ("forwarded", "forwarded_partly") for e in ctx.events),
            provides_documents=bool(counts["openbaar"] or counts["deels_openbaar"]),
        ),
        "terms": wording.adjournment_articles(ctx.regime),
        "electronic_bezwaar": wording.electronic_bezwaar_open(ctx.letter_date),
        "adjournment_reason": adjournment,
        "adjournment_plural": len(set(ctx.adjournment_reasons)) > 1,
        "third_parties": third_parties,
        "delayed_documents": delayed,
        "release_article": (
            "artikel 4.4, vijfde lid, van de Woo"
            if ctx.regime == "woo"
            else "artikel 6, vijfde lid, van de Wob"
        ),
        "copy_article": (
            "artikel 4.4, zesde lid, van de Woo"
            if ctx.regime == "woo"
            else "artikel 3:41 van de Algemene wet bestuursrecht"
        ),
        "zienswijze_article": (
            "artikel 4.4, derde lid, van de Woo"
            if ctx.regime == "woo"
            else "artikel 6, derde lid, van de Wob"
        ),
        "suspension_end_article": (
            "artikel 4.4, vierde lid, van de Woo"
            if ctx.regime == "woo"
            else "artikel 6, vierde lid, van de Wob"
        ),
        "forward_article": (
            "artikel 4.2, eerste lid, van de Woo" if ctx.regime == "woo" else "artikel 4 van de Wob"
        ),
        "addressee_documents": [
            docs_by_number[n]
            for n in (addressee.documents if addressee else ())
            if n in docs_by_number
        ],
        "addressee_disclosed": bool(addressee and any(n in disclosed for n in addressee.documents)),
        "release_on": (
            deadlines.release_after_objection_term(bekendmaking_on=ctx.decision_sent_on)
            if ctx.decision_sent_on
            else None
        ),
        "forwarded_points": ctx.forwarded_points,
        "forwarded_to": ctx.forwarded_to,
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
        ("Uw kenmerk", "–" if ctx.kind in TO_ADDRESSEE else ctx.requester.reference or "–"),
        ("Datum", wording.format_date(ctx.letter_date)),
        ("Bijlage(n)", str(len(ctx.attachments))),
        # Woo art. 4.4 lid 6: the besluit goes to the derde-belanghebbenden at the same time.
        (
            "In afschrift aan",
            "\n".join(
                ctx.copy_to
                or (tuple(p.name for p in ctx.third_parties) if ctx.kind == "besluit" else ())
            ),
        ),
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


def _party_address(party: PartyInfo) -> list[str]:
    lines = [party.name]
    if party.contact_person:
        lines.append(f"t.a.v. {party.contact_person}")
    lines.extend(line.strip() for line in party.address.splitlines() if line.strip())
    if not party.address.strip() and party.email:
        lines.append(f"Per e-mail: {party.email}")
    return lines


def _party_salutation(party: PartyInfo) -> str:
    if party.salutation in ("heer", "mevrouw"):
        return wording.salutation(RequesterInfo(name=party.name, salutation=party.salutation))
    return "Geachte heer/mevrouw,"


def older_than_five_years(document_date, decision_date) -> bool:
    """Woo art. 5.3: 'informatie die ouder is dan vijf jaar' at the date of the decision."""
    if document_date is None:
        return False
    try:
        limit = decision_date.replace(year=decision_date.year - 5)
    except ValueError:  # 29 February
        limit = decision_date.replace(year=decision_date.year - 5, day=28)
    return document_date < limit


def _check(ctx: LetterContext) -> None:
    if ctx.kind not in LETTER_KINDS:
        raise LetterError(f"Onbekende brief '{ctx.kind}'; kies uit: {', '.join(LETTER_KINDS)}.")
    if ctx.kamer is not None:
        raise LetterError(
            "Bij Kamervragen horen geen Woo-brieven: kies aanbiedingsbrief, uitstelbericht of "
            "antwoorden."
        )
    if ctx.regime not in ("wob", "woo"):
        raise LetterError(f"Onbekend regime '{ctx.regime}': kies 'wob' of 'woo'.")
    if ctx.kind in TO_ADDRESSEE and ctx.addressee is None:
        who = "bestuursorgaan" if ctx.kind == "doorzending_orgaan" else "derde-belanghebbende"
        raise LetterError(f"Voor deze brief is de geadresseerde nodig: kies een {who}.")
    if ctx.kind in ("doorzendbrief", "doorzending_orgaan") and ctx.forwarded_to is None:
        raise LetterError(
            "Vul het bestuursorgaan in waaraan het verzoek wordt doorgezonden (naam en adres)."
        )
    if ctx.kind in ("precisering", "zienswijzeverzoek"):
        if ctx.reply_due_on is None:
            raise LetterError("Vul de termijn in waarbinnen een reactie wordt gevraagd.")
        if ctx.reply_due_on <= ctx.letter_date:
            raise LetterError("De reactietermijn moet na de briefdatum eindigen.")
    if ctx.kind == "precisering" and not ctx.precisering_question.strip():
        raise LetterError(
            "Beschrijf wat er aan het verzoek onduidelijk is (de vraag om precisering)."
        )
    if ctx.kind == "zienswijzeverzoek" and not ctx.addressee.documents:
        raise LetterError(
            "Koppel eerst de documenten die deze derde-belanghebbende betreffen; zonder documenten "
            "valt er geen zienswijze te vragen (art. 4:8 Awb)."
        )
    if ctx.kind == "einde_opschorting" and ctx.zienswijze_received_on is None:
        raise LetterError(
            "De opschorting is nog niet geëindigd: leg eerst vast dat de zienswijze is ontvangen "
            "of dat de termijn daarvoor is verstreken."
        )
    if ctx.kind == "kennisgeving_derde" and ctx.decision_sent_on is None:
        raise LetterError(
            "De kennisgeving aan de derde volgt het verzonden besluit: markeer eerst het besluit "
            "als verzonden (art. 4.4 lid 6 Woo: gelijktijdig)."
        )
    if ctx.kind == "besluit":
        for g in ctx.grounds_used:
            if g.code == "5.1.4" and g.disclose_on is None:
                raise LetterError(
                    "Bij artikel 5.1, vierde lid, van de Woo hoort de datum waarop de informatie "
                    "alsnog openbaar wordt: vul die in bij de motivering van 5.1.4."
                )
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
    if ctx.adjournment_reasons or ctx.kind == "verdagingsbrief" or ctx.adjourned:
        try:
            wording.adjournment_reason_text(ctx.regime, ctx.adjournment_reasons)
        except ValueError as exc:
            raise LetterError(str(exc))
    for a in ctx.answers:
        if not a.points:
            raise LetterError("Een antwoord hoort bij minstens één punt van het verzoek.")


def render_letter(ctx: LetterContext) -> bytes:
    """The letter ctx.kind as .docx bytes (an inventarislijst as its .docx list)."""
    if ctx.kind in kamer.KAMER_KINDS:
        try:
            return kamer.render(ctx, render_wording)
        except kamer.KamerLetterError as exc:
            raise LetterError(str(exc))
    _check(ctx)
    if ctx.kind == "inventarislijst":
        return render_inventory(ctx, "docx")
    short, _ = wording.law_names(ctx.regime)
    subject = SUBJECTS[ctx.kind].format(law=short)
    blocks = parse(render_wording(ctx.kind, template_context(ctx)))
    doc = docx_writer.open_base()
    to_addressee = ctx.kind in TO_ADDRESSEE and ctx.addressee is not None
    docx_writer.add_letterhead(
        doc,
        sender=ctx.organisation.name,
        address_lines=_party_address(ctx.addressee) if to_addressee else _address(ctx.requester),
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
