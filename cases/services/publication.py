"""The publication package of a sent besluit: besluit, inventarislijst, documents and DiWoo XML."""

from __future__ import annotations

import io
import zipfile
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from cases import consistency, publication
from cases.letters_pdf import PdfUnavailable, docx_to_pdf
from cases.models import Document, Letter, Request
from cases.services.documents import delivery_ref, document_release_file
from cases.services.letters import letter_render
from cases.services.requests import audit, today


def _base_url(request: Request) -> str:
    base = (request.organisation.publication_url or "").rstrip("/")
    return f"{base}/{request.reference}"


def organisation_publication_problems(organisation) -> list[str]:
    """What the organisation's settings lack for publishing (beheer: organisatie), all at once."""
    problems = []
    if not (organisation.tooi_uri or "").startswith("https://identifier.overheid.nl/tooi/id/"):
        problems.append(
            _(
                "De TOOI-URI van de organisatie ontbreekt of is ongeldig. Vul in beheer bij de "
                "organisatie de URI uit het TOOI-register in (begint met "
                "https://identifier.overheid.nl/tooi/id/)."
            )
        )
    if not (organisation.publication_url or "").startswith(("http://", "https://")):
        problems.append(
            _(
                "De publicatie-URL van de organisatie ontbreekt. Vul in beheer bij de organisatie "
                "het webadres in waar de Woo-besluiten worden gepubliceerd."
            )
        )
    if not organisation.name.strip():
        problems.append(_("De naam van de organisatie ontbreekt (beheer: organisatie)."))
    return problems


def publication_check(
    request: Request,
) -> tuple[publication.Publication | None, dict[str, tuple[str, bytes]], list[str]]:
    """The DiWoo description, the files per item key, and EVERY problem found (not just the first):
    organisation settings, the frozen inventarislijst, each document, and the DiWoo fields."""
    if request.decision_sent_on is None:
        return None, {}, [_("Publiceren kan pas als het besluit is verzonden.")]
    besluit = sent_besluit(request)
    if besluit is None:
        return None, {}, [_("Er is geen als verzonden gemarkeerd besluit.")]
    org_problems = organisation_publication_problems(request.organisation)
    problems = list(org_problems)
    inventory = sent_inventory(request)
    if inventory is None:
        problems.append(
            _(
                "De inventarislijst is bij het verzenden van het besluit niet vastgelegd. Markeer "
                "op het tabblad Brieven de inventarislijst (Excel) die met het besluit is verzonden "
                "als verzonden."
            )
        )
    base = _base_url(request)
    files: dict[str, tuple[str, bytes]] = {}
    besluit_bytes = besluit.file.read()
    try:
        besluit_name, besluit_data, besluit_format = (
            f"{request.reference}-besluit.pdf",
            docx_to_pdf(besluit_bytes),
            "application/pdf",
        )
    except PdfUnavailable:
        besluit_name, besluit_data, besluit_format = (
            f"{request.reference}-besluit.docx",
            besluit_bytes,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
    files["besluit"] = (besluit_name, besluit_data)
    if inventory is not None:
        files["inventarislijst"] = (
            f"{request.reference}-inventarislijst.xlsx",
            inventory.file.read(),
        )
    events = {e.type: e.on for e in request.events.all()}
    signed = events.get("decision_signed", request.decision_sent_on)
    documents = list(
        request.documents.filter(judgement__in=consistency.RELEASABLE)
        .select_related("pdf", "redacted")
        .order_by("sort_key")
    )
    doc_items = []
    withdrawn_items = []
    for d in documents:
        key = f"document-{d.number}"
        name = f"{request.reference}-document-{d.number}.pdf"
        item = publication.Item(
            key=key,
            url=f"{base}/{name}",
            title=d.title,
            kind="document",
            created_on=d.date,
            actions=(("vaststelling", request.decision_sent_on),),
            identifiers=(f"{request.reference}-{d.number}",),
            part_of="besluit",
            withdrawn_reason=d.publication_withdrawn_reason
            or ("Publicatie ingetrokken." if d.publication_withdrawn_on else ""),
        )
        if d.publication_withdrawn_on is not None:
            # Withdrawn: only the notice of removal goes to the platform, never the file.
            withdrawn_items.append(item)
            continue
        released = document_release_file(d)
        if released is None:
            ref = delivery_ref(d)
            reasons = consistency.delivery_document_problems(
                consistency.DeliveryRef(**{**ref.__dict__, "has_file": True})
            )
            problems.extend(p.message for p in reasons)
            if not reasons:
                problems.append(
                    _(
                        "Document %(number)s is %(judgement)s maar heeft nog geen gecontroleerde "
                        "PDF; haal het eerst door de lakstraat."
                    )
                    % {"number": d.number, "judgement": d.judgement_label.lower()}
                )
            continue
        files[key] = (name, released.read())
        doc_items.append(item)
    items = (
        publication.Item(
            key="besluit",
            url=f"{base}/{besluit_name}",
            title=f"Besluit op Woo-verzoek over {request.subject}"
            if request.regime == "woo"
            else f"Besluit op Wob-verzoek over {request.subject}",
            kind="besluit",
            created_on=besluit.letter_date,
            actions=(
                ("ontvangst", request.received_on),
                ("ondertekening", signed),
                ("vaststelling", request.decision_sent_on),
            ),
            identifiers=(request.reference,),
            file_format=besluit_format,
            parts=("inventarislijst", *[i.key for i in doc_items]),
        ),
        publication.Item(
            key="inventarislijst",
            url=f"{base}/{request.reference}-inventarislijst.xlsx",
            title=f"Inventarislijst bij besluit {request.reference}",
            kind="inventaris",
            created_on=besluit.letter_date,
            actions=(("vaststelling", request.decision_sent_on),),
            identifiers=(f"{request.reference}-inventaris",),
            file_format="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            part_of="besluit",
        ),
        *doc_items,
        *withdrawn_items,
    )
    pub = publication.Publication(
        publisher_uri=request.organisation.tooi_uri,
        publisher_name=request.organisation.name,
        items=items,
        lastmod=today(),
    )
    for p in publication.validate(pub):
        # the organisation's settings are reported once above, not once per item
        if org_problems and ("TOOI-URI" in p or "geldige vindplaats" in p):
            continue
        if p not in problems:
            problems.append(p)
    return pub, files, problems


def publication_items(
    request: Request,
) -> tuple[publication.Publication, dict[str, tuple[str, bytes]]]:
    """The DiWoo description and the files (name, bytes) per item key; raises with every problem."""
    pub, files, problems = publication_check(request)
    if problems:
        raise ValidationError(problems)
    return pub, files


def sent_besluit(request: Request) -> Letter | None:
    """The besluit as it was sent (a sent Letter version is never altered)."""
    return (
        request.letters.filter(kind="besluit", sent_on__isnull=False)
        .select_related("file")
        .order_by("-sent_on", "-version")
        .first()
    )


def sent_inventory(request: Request) -> Letter | None:
    """The inventarislijst frozen when the besluit was sent; never a later or earlier draft."""
    return (
        request.letters.filter(kind="inventarislijst", format="xlsx", sent_on__isnull=False)
        .select_related("file")
        .order_by("-sent_on", "-version")
        .first()
    )


@transaction.atomic
def release_freeze(*, besluit: Letter, by=None) -> Letter:
    """Freeze what goes with a sent besluit: the inventarislijst is rendered from the state the
    besluit was checked against and marked sent with it (issue 11 item 3)."""
    request = besluit.request
    inventory = letter_render(
        request=request, kind="inventarislijst", fmt="xlsx", letter_date=besluit.letter_date, by=by
    )
    inventory.sent_on = besluit.sent_on
    inventory.sent_by = besluit.sent_by
    inventory.save(update_fields=["sent_on", "sent_by"])
    audit(
        request=request,
        actor=by,
        action="inventory_frozen",
        obj=inventory,
        besluit_version=besluit.version,
        version=inventory.version,
        sha256=inventory.file.sha256,
    )
    return inventory


def publication_package(*, request: Request, by=None) -> bytes:
    """A ZIP with the files and metadata.xml, offered only when the DiWoo metadata is complete."""
    pub, files = publication_items(request)  # raises with the complete list of problems
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.values():
            zf.writestr(name, data)
        zf.writestr("metadata.xml", publication.build_sitemap(pub))
    audit(
        request=request,
        actor=by,
        action="publication_package",
        files=sorted(n for n, _ in files.values()),
    )
    return buffer.getvalue()


@transaction.atomic
def document_publication_withdraw(
    *, document: Document, reason: str, on: date | None = None, by=None
) -> Document:
    if not reason.strip():
        raise ValidationError({"reason": _("Geef de reden van intrekking op.")})
    document.publication_withdrawn_on = on or today()
    document.publication_withdrawn_reason = reason.strip()
    document.save(update_fields=["publication_withdrawn_on", "publication_withdrawn_reason"])
    audit(
        request=document.request,
        actor=by,
        action="publication_withdrawn",
        obj=document,
        reason=reason.strip(),
    )
    return document
