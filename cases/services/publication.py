"""The publication package of a sent besluit: besluit, inventarislijst, documents and DiWoo XML."""

from __future__ import annotations

import io
import zipfile
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from cases import publication
from cases.letters_pdf import PdfUnavailable, docx_to_pdf
from cases.models import Document, Request
from cases.services.letters import letter_render
from cases.services.requests import audit, today


def _base_url(request: Request) -> str:
    base = (request.organisation.publication_url or "").rstrip("/")
    return f"{base}/{request.reference}"


def publication_items(
    request: Request,
) -> tuple[publication.Publication, dict[str, tuple[str, bytes]]]:
    """The DiWoo description and the files (name, bytes) per item key."""
    if request.decision_sent_on is None:
        raise ValidationError("Publiceren kan pas als het besluit is verzonden.")
    besluit = (
        request.letters.filter(kind="besluit", sent_on__isnull=False).order_by("-version").first()
    )
    if besluit is None:
        raise ValidationError("Er is geen als verzonden gemarkeerd besluit.")
    inventory = (
        request.letters.filter(kind="inventarislijst", format="xlsx").order_by("-version").first()
    )
    if inventory is None:
        inventory = letter_render(
            request=request, kind="inventarislijst", fmt="xlsx", letter_date=besluit.letter_date
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
    files["inventarislijst"] = (f"{request.reference}-inventarislijst.xlsx", inventory.file.read())
    events = {e.type: e.on for e in request.events.all()}
    signed = events.get("decision_signed", request.decision_sent_on)
    documents = list(
        request.documents.filter(judgement__in=["openbaar", "deels_openbaar"]).order_by("sort_key")
    )
    problems = []
    doc_items = []
    for d in documents:
        if d.redacted_id is None:
            problems.append(
                f"Document {d.number} is {d.judgement_label.lower()} maar heeft nog geen gecontroleerde "
                "(gelakte) PDF; haal het eerst door de lakstraat."
            )
            continue
        key = f"document-{d.number}"
        name = f"{request.reference}-document-{d.number}.pdf"
        files[key] = (name, d.redacted.read())
        doc_items.append(
            publication.Item(
                key=key,
                url=f"{base}/{name}",
                title=d.title,
                kind="document",
                created_on=d.date,
                actions=(("vaststelling", request.decision_sent_on),),
                identifiers=(f"{request.reference}-{d.number}",),
                part_of="besluit",
                withdrawn_reason=d.publication_withdrawn_reason,
            )
        )
    if problems:
        raise ValidationError(problems)
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
            url=f"{base}/{files['inventarislijst'][0]}",
            title=f"Inventarislijst bij besluit {request.reference}",
            kind="inventaris",
            created_on=besluit.letter_date,
            actions=(("vaststelling", request.decision_sent_on),),
            identifiers=(f"{request.reference}-inventaris",),
            file_format="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            part_of="besluit",
        ),
        *doc_items,
    )
    pub = publication.Publication(
        publisher_uri=request.organisation.tooi_uri,
        publisher_name=request.organisation.name,
        items=items,
        lastmod=today(),
    )
    return pub, files


def publication_package(*, request: Request, by=None) -> bytes:
    """A ZIP with the files and metadata.xml, offered only when the DiWoo metadata is complete."""
    pub, files = publication_items(request)
    problems = publication.validate(pub)
    if problems:
        raise ValidationError(problems)
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
        raise ValidationError({"reason": "Geef de reden van intrekking op."})
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
