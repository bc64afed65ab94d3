"""Services for the documents register: create, judge (judgement + grounds), files stored by hash."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction

from cases import consistency
from cases import grounds as grounds_catalogue
from cases.models import Document, Request, StoredFile
from cases.models.document import JUDGEMENTS
from cases.services.requests import audit

JUDGEMENT_CODES = {code for code, _ in JUDGEMENTS}
# Written by the lakstraat (redaction.services.document_apply) only.
LAKSTRAAT_FIELDS = [
    "redacted",
    "redacted_fingerprint",
    "redaction_status",
    "redaction_error",
    "redaction_log",
]


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
    # The stored row, not the caller's copy: a worker may have stored a file since it was read.
    was_fresh = _is_fresh(Document.objects.select_related("pdf").get(pk=document.pk))
    before = {
        "judgement": document.judgement,
        "grounds": list(document.grounds),
        "location": document.location,
        "duplicate_of": document.duplicate_of.number if document.duplicate_of_id else None,
    }
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
    # Only the fields this service owns: a worker may be storing a redacted file right now.
    document.save(update_fields=["judgement", "grounds", "location", "note", "duplicate_of"])
    _prepare_release_file(document, was_fresh=was_fresh, by=by)
    document.refresh_from_db(fields=LAKSTRAAT_FIELDS)
    audit(
        request=request,
        actor=by,
        action=action,
        obj=document,
        number=document.number,
        before=before,
        after={
            "judgement": judgement,
            "grounds": codes,
            "location": document.location,
            "duplicate_of": document.duplicate_of.number if document.duplicate_of_id else None,
        },
    )
    return document


@transaction.atomic
def documents_judge_bulk(
    *,
    request: Request,
    numbers: Iterable[str],
    judgement: str,
    grounds: Iterable[str] | str = (),
    location: str | None = None,
    by=None,
) -> list[Document]:
    """One judgement for several documents; each document gets its own audit record with its
    state before and after, and one summary record lists them all."""
    numbers = list(numbers)
    docs = list(request.documents.filter(number__in=numbers).select_related("duplicate_of"))
    if not docs:
        raise ValidationError("Kies minstens één document.")
    grounds = list(grounds) if not isinstance(grounds, str) else grounds
    changes = []
    result = []
    for d in docs:
        before = {"judgement": d.judgement, "grounds": list(d.grounds), "location": d.location}
        d = document_judge(
            document=d,
            judgement=judgement,
            grounds=grounds,
            location=location or None,
            by=by,
        )
        changes.append(
            {
                "number": d.number,
                "before": before,
                "after": {
                    "judgement": d.judgement,
                    "grounds": list(d.grounds),
                    "location": d.location,
                },
            }
        )
        result.append(d)
    audit(
        request=request,
        actor=by,
        action="documents_judged_bulk",
        judgement=judgement,
        count=len(result),
        changes=changes,
    )
    return result


@transaction.atomic
def document_update(*, document: Document, by=None, **fields) -> Document:
    allowed = {"title", "date", "note", "family", "doc_type"}
    before = {}
    # The points a document answers (issue 13, item 1): a set of point numbers of this request.
    point_numbers = fields.pop("point_numbers", None)
    if point_numbers is not None:
        numbers = sorted({int(n) for n in point_numbers})
        points = list(document.request.points.filter(number__in=numbers))
        if len(points) != len(numbers):
            raise ValidationError({"points": "Een van de gekozen punten bestaat niet."})
        before["points"] = sorted(p.number for p in document.points.all())
    for name, value in fields.items():
        if name not in allowed:
            raise ValidationError({name: "Dit veld kan hier niet worden gewijzigd."})
        before[name] = getattr(document, name)
        setattr(document, name, value)
    if not document.title.strip():
        raise ValidationError({"title": "Geef het document een naam."})
    if fields:
        document.save(update_fields=sorted(fields))
    after = {k: _jsonable(getattr(document, k)) for k in fields}
    if point_numbers is not None:
        document.points.set(points)
        after["points"] = numbers
    audit(
        request=document.request,
        actor=by,
        action="document_updated",
        obj=document,
        fields=sorted(before),
        before={k: _jsonable(v) for k, v in before.items()},
        after=after,
    )
    return document


def _jsonable(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


# --- Delivery: what the requester and the public receive (issue 11, items 1 and 4) -------------


def _accepted_and_open(document: Document) -> tuple[list[tuple[int, list, str]], list[int]]:
    """The redaction decisions of a document, read through the reverse relation the redaction
    app provides (cases never imports redaction)."""
    related = getattr(document, "redactions", None)
    if related is None:
        return [], []
    accepted: list[tuple[int, list, str]] = []
    open_ids: list[int] = []
    for r in related.all().only("id", "page", "boxes", "ground", "decision"):
        if r.decision == "accepted":
            accepted.extend((r.page, list(box), r.ground) for box in r.boxes)
        elif r.decision == "open":
            open_ids.append(r.pk)
    return accepted, open_ids


def document_fingerprint(
    document: Document,
    *,
    accepted: list[tuple[int, list, str]] | None = None,
    open_ids: list[int] | None = None,
) -> str:
    """The fingerprint of what a redacted file of this document would be made from now."""
    if accepted is None or open_ids is None:
        accepted, open_ids = _accepted_and_open(document)
    pdf_sha = ""
    if document.pdf_id:
        pdf_sha = document.pdf.sha256
    return consistency.redaction_fingerprint(
        pdf_sha256=pdf_sha,
        judgement=document.judgement,
        grounds=list(document.grounds),
        accepted=accepted,
        open_ids=open_ids,
    )


def delivery_ref(document: Document) -> consistency.DeliveryRef:
    accepted, open_ids = _accepted_and_open(document)
    log = document.redaction_log or {}
    return consistency.DeliveryRef(
        number=document.number,
        judgement=document.judgement,
        grounds=tuple(document.grounds),
        has_file=bool(document.original_id or document.pdf_id or document.redacted_id),
        processing=document.processing,
        redaction_status=document.redaction_status,
        has_redacted=bool(document.redacted_id),
        fingerprint_applied=document.redacted_fingerprint,
        fingerprint_now=document_fingerprint(document, accepted=accepted, open_ids=open_ids),
        accepted_now=len(accepted),
        boxes_applied=int(log.get("boxes_applied") or 0),
        file_grounds=tuple(sorted(log.get("grounds") or {})),
        withdrawn=document.publication_withdrawn_on is not None,
    )


def delivery_problems(request: Request) -> list[consistency.Problem]:
    """Every document whose delivery would not follow its judgement: a stale or missing verified
    PDF, a redacted document judged openbaar, ... (part of the check before sending the besluit)."""
    documents = request.documents.select_related("pdf").order_by("sort_key")
    return consistency.check_delivery([delivery_ref(d) for d in documents])


def _is_fresh(document: Document) -> bool:
    return bool(
        document.redacted_id
        and document.redaction_status == "klaar"
        and document.redacted_fingerprint
        and document.redacted_fingerprint == document_fingerprint(document)
    )


def _prepare_release_file(document: Document, *, was_fresh: bool, by=None) -> None:
    """After a judgement: make the file its judgement releases, through the lakstraat.

    openbaar and nothing accepted: the original as PDF with no boxes (metadata stripped, verified);
    a file that was current before only the judgement or grounds changed: made again from the
    same boxes, so that the stored file always records the judgement it was checked against.
    Any other change (boxes decided after the last apply) is left to the adviser: the case
    screen says 'lakken opnieuw toepassen'."""
    if document.judgement not in consistency.RELEASABLE:
        return
    document = Document.objects.select_related("pdf").get(pk=document.pk)
    if document.pdf_id is None or document.processing != "klaar":
        return
    if document.redaction_status == "bezig" or _is_fresh(document):
        return
    accepted, _ = _accepted_and_open(document)
    if not (was_fresh or (document.judgement == "openbaar" and not accepted)):
        return
    queue_redaction_apply(document, by=by)


def queue_redaction_apply(document: Document, *, by=None) -> None:
    """Queue 'Lakken toepassen' for a document through the redaction app's job outbox (sent after
    commit, kept when the broker is down, reaped when a worker dies). Looked up by name: cases
    never imports redaction."""
    from django.utils.module_loading import import_string

    try:
        submit = import_string("redaction.jobs.apply_submit")
    except ImportError:  # redaction app not installed: nothing to queue
        return
    submit(document=document, by=by)
    document.redaction_status = "bezig"


def document_release_file(document: Document) -> StoredFile | None:
    """The one file a requester or the public may receive for this document, or None.

    openbaar: the original as PDF, cleaned of metadata and verified (the lakstraat with no boxes);
    deels openbaar: the verified redacted PDF; niet openbaar, reeds openbaar, dubbel: nothing.
    Withdrawn, stale or mismatched files are never released (fail closed)."""
    if document.judgement not in consistency.RELEASABLE:
        return None
    if document.publication_withdrawn_on is not None or document.redacted_id is None:
        return None
    if consistency.delivery_document_problems(delivery_ref(document)):
        return None
    return document.redacted
