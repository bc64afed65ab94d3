"""Services for the documents register: create, judge (judgement + grounds), files stored by hash."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction

from cases import grounds as grounds_catalogue
from cases.models import Document, Request, StoredFile
from cases.models.document import JUDGEMENTS
from cases.services.requests import audit

JUDGEMENT_CODES = {code for code, _ in JUDGEMENTS}


def stored_file_put(data: bytes) -> StoredFile:
    """Store bytes once under their SHA-256; a second identical put returns the first file."""
    digest = hashlib.sha256(data).hexdigest()
    existing = StoredFile.objects.filter(sha256=digest).first()
    if existing:
        return existing
    stored = StoredFile(sha256=digest, size=len(data))
    stored.content.save(digest, ContentFile(data), save=False)
    try:
        with transaction.atomic():
            stored.save()
    except IntegrityError:  # a concurrent upload of the same bytes won the race
        return StoredFile.objects.get(sha256=digest)
    return stored


def _normalise_grounds(request: Request, raw: Iterable[str] | str) -> list[str]:
    try:
        return [g.code for g in grounds_catalogue.parse_grounds(raw, regime=request.regime)]
    except ValueError as exc:
        raise ValidationError({"grounds": str(exc)})


def next_document_number(request: Request) -> str:
    """The next free number in the case. Inside a transaction the case row is locked first
    (SELECT ... FOR UPDATE), so two uploads to one case never get the same number; the lock is
    held until the caller's transaction ends, i.e. until the new document is committed."""
    if transaction.get_connection().in_atomic_block:
        Request.objects.select_for_update().filter(pk=request.pk).values_list("pk").first()
    numbers = Document.objects.filter(request_id=request.pk).values_list("number", flat=True)
    highest = 0
    for n in numbers:
        if n.isdigit():
            highest = max(highest, int(n))
    return str(highest + 1)


@transaction.atomic
def document_create(
    *,
    request: Request,
    title: str,
    number: str | None = None,
    date: date | None = None,
    judgement: str = "",
    grounds: Iterable[str] | str = (),
    location: str = "",
    note: str = "",
    family: str = "",
    point_numbers: Iterable[int] = (),
    by=None,
) -> Document:
    if not title.strip():
        raise ValidationError({"title": "Geef het document een naam."})
    number = (number or next_document_number(request)).strip()
    if request.documents.filter(number=number).exists():
        raise ValidationError({"number": f"Documentnummer {number} bestaat al in dit dossier."})
    document = Document.objects.create(
        request=request, number=number, title=title.strip(), date=date, note=note, family=family
    )
    if point_numbers:
        numbers = sorted(set(point_numbers))
        found = list(request.points.filter(number__in=numbers))
        missing = sorted(set(numbers) - {p.number for p in found})
        if missing:
            raise ValidationError(
                {"points": f"Punt {', '.join(map(str, missing))} bestaat niet in dit verzoek."}
            )
        document.points.set(found)
    if judgement or grounds or location:
        document_judge(
            document=document,
            judgement=judgement,
            grounds=grounds,
            location=location,
            note=note,
            by=by,
            action="document_created",
        )
    else:
        audit(request=request, actor=by, action="document_created", obj=document, number=number)
    return document


@transaction.atomic
def document_judge(
    *,
    document: Document,
    judgement: str,
    grounds: Iterable[str] | str = (),
    location: str | None = None,
    note: str | None = None,
    duplicate_of: str | None = None,
    by=None,
    action: str = "document_judged",
) -> Document:
    """Record the judgement on one document; every decision leaves an audit record."""
    request = document.request
    if judgement and judgement not in JUDGEMENT_CODES:
        raise ValidationError({"judgement": f"Onbekende beoordeling '{judgement}'."})
    codes = _normalise_grounds(request, grounds)
    if judgement in ("openbaar", "reeds_openbaar") and codes:
        raise ValidationError(
            {"grounds": "Een openbaar of reeds openbaar document krijgt geen uitzonderingsgrond."}
        )
    if judgement in ("deels_openbaar", "niet_openbaar") and not codes:
        raise ValidationError(
            {"grounds": "Geef bij deels of niet openbaar minstens één uitzonderingsgrond op."}
        )
    before = {"judgement": document.judgement, "grounds": list(document.grounds)}
    document.judgement = judgement
    document.grounds = codes
    if location is not None:
        document.location = location.strip()
    if note is not None:
        document.note = note
    if duplicate_of is not None:
        if duplicate_of == "":
            document.duplicate_of = None
        else:
            original = request.documents.filter(number=duplicate_of).exclude(pk=document.pk).first()
            if original is None:
                raise ValidationError({"duplicate_of": f"Document {duplicate_of} bestaat niet."})
            document.duplicate_of = original
    document.full_clean(
        exclude=["request", "original", "pdf", "redacted", "duplicate_of", "uploaded_by"]
    )
    document.save()
    audit(
        request=request,
        actor=by,
        action=action,
        obj=document,
        number=document.number,
        before=before,
        after={"judgement": judgement, "grounds": codes},
    )
    return document


@transaction.atomic
def documents_judge_bulk(
    *,
    request: Request,
    numbers: Iterable[str],
    judgement: str,
    grounds: Iterable[str] | str = (),
    by=None,
) -> list[Document]:
    docs = list(request.documents.filter(number__in=list(numbers)))
    if not docs:
        raise ValidationError("Kies minstens één document.")
    return [document_judge(document=d, judgement=judgement, grounds=grounds, by=by) for d in docs]


@transaction.atomic
def document_update(*, document: Document, by=None, **fields) -> Document:
    allowed = {"title", "date", "note", "family"}
    for name, value in fields.items():
        if name not in allowed:
            raise ValidationError({name: "Dit veld kan hier niet worden gewijzigd."})
        setattr(document, name, value)
    if not document.title.strip():
        raise ValidationError({"title": "Geef het document een naam."})
    document.save()
    audit(
        request=document.request,
        actor=by,
        action="document_updated",
        obj=document,
        fields=sorted(fields),
    )
    return document
