"""Redaction writes: upload documents, analyse them, decide on suggestions, apply and verify."""

from __future__ import annotations

import io
import math
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from cases.models import Document, Request
from cases.services.documents import (
    document_fingerprint,
    document_judge,
    next_document_number,
    stored_file_put,
)
from cases.services.requests import audit
from redaction import detect, pagestore
from redaction.models import Redaction
from redaction.pdf import (
    RedactionVerificationError,
    UnprocessableDocument,
    redact_and_verify,
    to_pdf,
)
from redaction.pdf.extend import extend_redactions
from redaction.types import PageText, RedactionBox


@dataclass(frozen=True)
class Upload:
    name: str
    data: bytes
    size: int | None = None  # the real size when data was not read (too large)

    @property
    def size_bytes(self) -> int:
        return self.size if self.size is not None else len(self.data)


def max_upload_bytes() -> int:
    return settings.WOBDESK_MAX_UPLOAD_MB * 1024 * 1024


def expand_uploads(files: Iterable[Upload]) -> list[Upload]:
    """Kept for callers that want members in memory (small, trusted ZIPs, e.g. tests and
    commands); uploads go through ``documents_upload``, which unpacks in the worker with limits
    (redaction/uploads.py). A ZIP that is an office document package stays one document."""
    from redaction.uploads import is_archive

    result: list[Upload] = []
    for f in files:
        if f.size is None and is_archive(f.data):
            with zipfile.ZipFile(io.BytesIO(f.data)) as zf:
                for info in zf.infolist():
                    base = info.filename.rsplit("/", 1)[-1]
                    if info.is_dir() or not base or "__MACOSX/" in info.filename:
                        continue
                    if info.file_size > max_upload_bytes():
                        raise ValidationError(
                            f"'{base}' in {f.name} is groter dan {settings.WOBDESK_MAX_UPLOAD_MB} MB."
                        )
                    result.append(Upload(base, zf.read(info)))
        else:
            result.append(f)
    return result


def _is_office(f: Upload) -> bool:
    """By content: a ZIP that is an OOXML/ODF package is a document, whatever its name."""
    from redaction.uploads import package_kind

    return package_kind(f.data) in ("ooxml", "odf")


@transaction.atomic
def documents_upload(*, request: Request, files: Sequence[Upload], by=None) -> list[Document]:
    """Store each file once by SHA-256, register it as a document and queue its analysis.

    A ZIP archive (by content, not by name) is stored as it came and unpacked by a worker
    (``redaction.tasks.unpack_archive_task``), which reports every member; its documents appear
    as they are taken in. Nothing is lost: a file that cannot be processed is still kept, with
    status niet verwerkbaar. The work is queued after commit through the job outbox, so a broker
    outage delays the analysis but never fails the upload.
    """
    from redaction import jobs
    from redaction.uploads import is_archive

    created: list[Document] = []
    for f in files:
        if f.size is None and is_archive(f.data):
            stored = stored_file_put(f.data)
            job = jobs.job_create(
                kind="unpack",
                task_name="redaction.tasks.unpack_archive_task",
                request=request,
                upload=stored,
                upload_name=f.name,
                by=by,
            )
            audit(
                request=request,
                actor=by,
                action="archive_uploaded",
                obj=job,
                sha256=stored.sha256,
                name=f.name,
            )
            continue
        created += document_register(request=request, upload=f, by=by)
    return created


def document_register(*, request: Request, upload: Upload, by=None, stored=None) -> list[Document]:
    """One file becomes one document (call inside a transaction): numbered under the case lock,
    stored by hash, marked dubbel when the case already has the same bytes, analysis queued."""
    from redaction import jobs

    f = upload
    title = f.name.rsplit(".", 1)[0] or f.name
    document = Document.objects.create(
        request=request,
        number=next_document_number(request),
        title=title[:300],
        original_name=f.name[:255],
        uploaded_by=by if getattr(by, "pk", None) else None,
    )
    if stored is None and f.size_bytes > max_upload_bytes():
        document.processing = "niet_verwerkbaar"
        document.processing_error = (
            f"Het bestand is groter dan {settings.WOBDESK_MAX_UPLOAD_MB} MB en is niet verwerkt."
        )
        document.save()
        audit(request=request, actor=by, action="document_uploaded", obj=document, too_large=True)
        return [document]
    stored = stored or stored_file_put(f.data)
    document.original = stored
    earlier = (
        Document.objects.filter(request=request, original=stored, duplicate_of__isnull=True)
        .exclude(pk=document.pk)
        .order_by("pk")
        .first()
    )
    if earlier is not None:
        document.duplicate_of = earlier
        document.judgement = "dubbel"
        document.note = f"Dubbel van document {earlier.number}."
        document.page_count = earlier.page_count
        document.pdf = earlier.pdf
        if earlier.processing in ("klaar", "niet_verwerkbaar"):
            document.processing = earlier.processing
            document.processing_error = earlier.processing_error
        else:
            # The first copy is still being analysed: this one follows it (document_analyse
            # and the reaper update duplicates), and a stuck first copy is started again.
            document.processing = "in_behandeling"
        document.save()
        job = jobs.active_job(earlier, "analyse")
        if earlier.processing == "in_behandeling" and (job is None or jobs.is_stuck(job)):
            if job is not None:
                job.state = "failed"
                job.error = "Vervangen: hetzelfde bestand is opnieuw geüpload."
                job.save(update_fields=["state", "error"])
            jobs.analyse_submit(earlier, by=by)
    else:
        document.processing = "in_behandeling"
        document.save()
        jobs.analyse_submit(document, by=by)
    audit(
        request=request,
        actor=by,
        action="document_uploaded",
        obj=document,
        sha256=stored.sha256,
        name=f.name,
        duplicate_of=earlier.number if earlier else None,
    )
    return [document]


def detection_config(request: Request) -> detect.DetectionConfig:
    org = request.organisation
    always = [request.requester_name] if request.requester_name else []
    always += request.redact_term_list
    return detect.DetectionConfig(
        regime=request.regime,
        public_officials=tuple(org.public_official_names),
        always_redact=tuple(a for a in always if len(a) > 3),
        never_redact=tuple(request.keep_term_list),
        technical_ground=org.technical_ground(request.regime),
        spacy_model=settings.WOBDESK_SPACY_MODEL or None,
        public_numbers=tuple(n for n in (org.phone,) if n),
    )


@transaction.atomic
def request_redaction_terms_update(
    *, request: Request, redact_terms: str, keep_terms: str, by=None
) -> Request:
    """Per case: terms always to redact and never to redact; re-runs detection for the case."""
    request.redact_terms = redact_terms.strip()
    request.keep_terms = keep_terms.strip()
    request.save(update_fields=["redact_terms", "keep_terms", "updated_at"])
    audit(
        request=request,
        actor=by,
        action="redaction_terms_updated",
        redact=request.redact_term_list,
        keep=request.keep_term_list,
    )
    from redaction import jobs  # outbox: queued after commit, survives a broker outage

    jobs.job_create(
        kind="suggest",
        task_name="redaction.tasks.suggest_for_case_task",
        args=[request.pk],
        request=request,
        by=by,
    )
    return request


def _pages_of(document: Document, progress=None, only: set[int] | None = None) -> list[PageText]:
    """The document's page text, extracted once per file and then read from the page store."""
    stored = document.pdf
    return pagestore.pages_get(stored.sha256, stored.read, progress=progress, only=only)


_KIND_EXTENSION = {"docx": ".docx", "odt": ".odt", "png": ".png", "jpeg": ".jpg", "tiff": ".tif"}


def _name_for_content(data: bytes, name: str) -> str:
    """A .docx renamed .pdf (or a scan saved as .pdf.png) is converted as what it is."""
    from redaction.pdf.intake import sniff

    kind = sniff(data, name)
    ext = _KIND_EXTENSION.get(kind)
    if ext and not name.lower().endswith(ext) and name.lower().endswith(".pdf"):
        return name.rsplit(".", 1)[0] + ext
    return name


def _follow_original(document: Document) -> None:
    """Duplicates waiting for this document take over its PDF and state."""
    Document.objects.filter(duplicate_of=document, processing="in_behandeling").update(
        pdf=document.pdf,
        page_count=document.page_count,
        processing=document.processing,
        processing_error=document.processing_error,
    )


def document_analyse(*, document_id: int) -> Document:
    """Convert to PDF, extract text (OCR where needed) and store suggestions; idempotent."""
    from redaction.jobs import heartbeat
    from redaction.uploads import check_image_bytes, check_pdf_pixels

    document = Document.objects.select_related("request__organisation", "original").get(
        pk=document_id
    )
    if document.original is None:
        return document
    try:
        if document.pdf is None:
            original = document.original.read()
            check_image_bytes(original)  # a pixel bomb is refused before it is decoded
            name = _name_for_content(original, document.original_name or "bestand")
            pdf = to_pdf(original, name, max_bytes=max_upload_bytes())
            del original
            document.pdf = stored_file_put(pdf)
        pdf_bytes = document.pdf.read()
        check_pdf_pixels(pdf_bytes)

        def progress(done: int, total: int) -> None:
            heartbeat()  # each OCR page proves the worker is alive (redaction/jobs.py)
            if done == total or done % 5 == 0 or done == 1:
                Document.objects.filter(pk=document.pk).update(
                    progress_done=done, progress_total=total
                )

        pages = pagestore.pages_get(
            document.pdf.sha256, lambda data=pdf_bytes: data, progress=progress
        )
        del pdf_bytes
    except UnprocessableDocument as exc:
        document.processing = "niet_verwerkbaar"
        document.processing_error = str(exc)
        document.save(update_fields=["processing", "processing_error", "pdf"])
        _follow_original(document)
        audit(
            request=document.request,
            actor=None,
            action="document_unprocessable",
            obj=document,
            reason=exc.reason,
        )
        return document
    document.page_count = len(pages)
    document.progress_done = document.progress_total = len(pages)
    document.save(update_fields=["pdf", "page_count", "progress_done", "progress_total"])
    _case_pass(document, pages, _case_config(document.request))
    del pages
    document.processing = "klaar"
    document.processing_error = ""
    document.save(update_fields=["processing", "processing_error"])
    _follow_original(document)
    return document


# --- case-wide detection, linear in the dossier (issue 15 item 2) ---------------------------
#
# ``detect.detect_case`` finds names in the documents it is given and then proposes every name it
# found in every page it was given. Running it over the whole case for every upload cost n²
# work. Instead each document is detected once, together with "witness pages": for every name
# already found elsewhere in the case whose words occur in this document, one stored page of the
# document where it was found (read from the page store). The engine then re-finds that name on
# its witness page, with all its own rules (variants, initials, never_redact, readable officials),
# and proposes it in this document. The other direction: names that are new to the case are
# proposed in the earlier documents whose stored word set holds them (a database lookup, not a
# scan), each re-detected with this document's witness pages. Work per upload is bounded by the
# document, the names it shares and the documents that share them: not by the dossier.

CONSISTENCY = "names.case_consistency"
WITNESS_CATEGORIES = ("person", "email")
WITNESS_SCORE = 0.85  # as detect_case: only confident names are searched case-wide


def _name_key(text: str) -> str:
    return " ".join(text.lower().split())


def _name_words(text: str) -> set[str]:
    import re

    local = text.split("@", 1)[0] if "@" in text else text
    return {w for w in re.findall(r"\w{3,}", local.lower())}


def _case_config(request: Request) -> detect.DetectionConfig:
    config = detection_config(request)
    # Names accepted by a person anywhere in the case are searched for everywhere too.
    accepted_names = set(
        Redaction.objects.filter(
            document__request=request, decision="accepted", category="person"
        ).values_list("text", flat=True)
    )
    if accepted_names:
        config = detect.DetectionConfig(
            **{
                **config.__dict__,
                "always_redact": tuple(set(config.always_redact) | accepted_names),
            }
        )
    return config


def _key_words(name: str) -> set[str]:
    """The words a text must contain for this name to occur in it: the surname's (every variant
    detect_case searches for contains it); for an e-mail address, its local part's."""
    if "@" in name:
        return _name_words(name)
    variants = detect.namewords.name_variants(name)
    return _name_words(variants[-1]) or _name_words(name)


def _known_names(request: Request, *, exclude: int) -> dict[str, tuple[int, int, int, int]]:
    """Every confident name found by detection in the case (outside ``exclude``) and one place
    where it was found: (document id, page, start, end). Grouped in the database: one row per
    distinct name, whatever the size of the dossier."""
    from django.db.models import Min

    rows = (
        Redaction.objects.filter(
            document__request=request,
            category__in=WITNESS_CATEGORIES,
            score__gte=WITNESS_SCORE,
            manual=False,
        )
        .exclude(detector=CONSISTENCY)
        .exclude(document_id=exclude)
        .values("text")
        .annotate(first=Min("id"))
    )
    known: dict[str, int] = {}
    for row in rows:
        key = _name_key(row["text"])
        known[key] = min(known.get(key, row["first"]), row["first"])
    places = {
        r[0]: r[1:]
        for r in Redaction.objects.filter(pk__in=known.values()).values_list(
            "id", "document_id", "page", "start", "end"
        )
    }
    return {k: places[pk] for k, pk in known.items() if pk in places}


def _witness_pages(places: list[tuple[int, int, int, int]]) -> dict[tuple, list[PageText]]:
    """For each (document, page, start, end) of a known name: the lines around it (the line
    before for context, e.g. "Behandeld door:"), text only. detect_case finds the name there
    again with its own rules and proposes it in the document analysed."""
    by_doc: dict[int, list[tuple[int, int, int]]] = {}
    for doc_id, page, start, end in places:
        by_doc.setdefault(doc_id, []).append((page, start, end))
    result: dict[tuple, list[PageText]] = {}
    for d in Document.objects.filter(pk__in=by_doc, pdf__isnull=False).select_related("pdf"):
        wanted = by_doc[d.pk]
        texts = pagestore.page_texts(d.pdf.sha256, {p for p, _, _ in wanted})
        if texts is None:
            try:
                texts = {p.page: p.text for p in _pages_of(d, only={p for p, _, _ in wanted})}
            except UnprocessableDocument:
                continue
        snippets = []
        for page, start, end in wanted:
            text = texts.get(page)
            if text is None or start < 0:
                continue
            a = text.rfind("\n", 0, max(0, text.rfind("\n", 0, start))) + 1
            b = text.find("\n", end)
            snippets.append(text[a : b if b >= 0 else len(text)])
        result["witness", d.pk] = [
            PageText(page=i, text=t, char_boxes=()) for i, t in enumerate(snippets)
        ]
    return result


def _own_names(suggestions) -> dict[str, int]:
    """Confident names this document's own detection found (not case consistency): page."""
    result: dict[str, int] = {}
    for s in suggestions:
        if (
            s.category in WITNESS_CATEGORIES
            and s.score >= WITNESS_SCORE
            and s.detector != CONSISTENCY
        ):
            result.setdefault(_name_key(s.text), s.page)
    return result


def _store_suggestions(document_id: int, suggestions) -> int:
    """Add what is new (idempotent): a suggestion already stored, or a case-consistency one
    overlapping a stored one on its page, is skipped. The document row is locked so that two
    passes over the same document do not both add."""
    with transaction.atomic():
        Document.objects.select_for_update().filter(pk=document_id).first()
        existing = list(
            Redaction.objects.filter(document_id=document_id).values_list("page", "start", "end")
        )
        seen = {tuple(e) for e in existing}
        by_page: dict[int, list[tuple[int, int]]] = {}
        for page, start, end in existing:
            if start >= 0:
                by_page.setdefault(page, []).append((start, end))
        new = []
        for s in suggestions:
            if not s.boxes or (s.page, s.start, s.end) in seen:
                continue
            if s.detector in (CONSISTENCY, "custom.always_redact") and any(
                a < s.end and s.start < b for a, b in by_page.get(s.page, ())
            ):
                continue
            seen.add((s.page, s.start, s.end))
            by_page.setdefault(s.page, []).append((s.start, s.end))
            new.append(
                Redaction(
                    document_id=document_id,
                    page=s.page,
                    start=s.start,
                    end=s.end,
                    text=s.text,
                    category=s.category,
                    ground=s.ground,
                    boxes=[list(b) for b in s.boxes],
                    detector=s.detector,
                    detector_version=s.detector_version,
                    reason=s.reason[:300],
                    score=s.score,
                )
            )
        Redaction.objects.bulk_create(new, batch_size=500)
    return len(new)


def _case_pass(document: Document, pages: list[PageText], config: detect.DetectionConfig) -> int:
    """Detection for one document within its case; see the comment above."""
    from django.db.models import Q

    from redaction.models import StoredPageText

    request = document.request
    words: set[str] = set()
    for p in pages:
        words |= _name_words(p.text)
    known = _known_names(request, exclude=document.pk)
    places = [place for key, place in known.items() if _key_words(key) <= words]
    found = detect.detect_case({document.pk: pages, **_witness_pages(places)}, config)
    own = found[document.pk]
    created = _store_suggestions(document.pk, own)
    # The other direction: names new to the case, proposed in the documents that contain them.
    new_names = {k: page for k, page in _own_names(own).items() if k not in known}
    if not new_names:
        return created
    query = Q()
    for k in new_names:  # a document holds the name only if it holds all its surname's words
        part = Q()
        for w in _key_words(k):
            part &= Q(words__contains=f" {w} ")
        query |= part
    if not query:
        return created
    holders = StoredPageText.objects.filter(
        query, extractor_version=pagestore.extractor_version()
    ).values("sha256")
    witness = {
        ("witness", document.pk, p.page): [p] for p in pages if p.page in set(new_names.values())
    }
    others = (
        request.documents.filter(duplicate_of__isnull=True, pdf__sha256__in=holders)
        .exclude(pk=document.pk)
        .select_related("pdf")
        .order_by("pk")
    )
    for other in others:
        row = pagestore.stored(other.pdf.sha256)
        if row is None:
            continue  # not yet extracted: its own analysis will find this document's names
        other_pages = pagestore.decode(row.data)
        del row
        result = detect.detect_case({other.pk: other_pages, **witness}, config)
        created += _store_suggestions(
            other.pk,
            [s for s in result[other.pk] if s.detector in (CONSISTENCY, "custom.always_redact")],
        )
    return created


def suggest_for_case(*, request: Request, fresh: dict[int, list[PageText]] | None = None) -> int:
    """Run detection across the whole case (consistency: a name found once is found everywhere):
    document by document from the stored page text (no extraction), each with the case-level
    pass; linear in the dossier. ``fresh``: page texts the caller already holds."""
    fresh = fresh or {}
    config = _case_config(request)
    created = 0
    documents = request.documents.filter(pdf__isnull=False, duplicate_of__isnull=True)
    for d in documents.select_related("pdf", "request").order_by("pk"):
        if d.pk in fresh:
            pages = fresh[d.pk]
        elif d.processing == "klaar":
            try:
                pages = _pages_of(d)
            except UnprocessableDocument:
                continue
        else:
            continue
        created += _case_pass(d, pages, config)
    return created


def _check_ground(request: Request, ground: str) -> str:
    from cases import grounds as catalogue

    try:
        return catalogue.parse_ground(ground, regime=request.regime).code
    except ValueError as exc:
        raise ValidationError({"ground": str(exc)})


@transaction.atomic
def redaction_decide(
    *, redaction: Redaction, decision: str, by=None, ground: str | None = None
) -> Redaction:
    if decision not in ("accepted", "rejected", "open"):
        raise ValidationError({"decision": "Kies accepteren of afwijzen."})
    document = redaction.document
    if document.redaction_status == "bezig":
        raise ValidationError("Dit document wordt nu gelakt; wacht tot dat klaar is.")
    before = (redaction.decision, redaction.ground)
    if ground:
        redaction.ground = _check_ground(document.request, ground)
    redaction.decision = decision
    redaction.decided_by = by if getattr(by, "pk", None) else None
    redaction.decided_at = timezone.now()
    redaction.save()
    audit(
        request=document.request,
        actor=by,
        action="redaction_decided",
        obj=redaction,
        document=document.number,
        before=list(before),
        after=[redaction.decision, redaction.ground],
        text=redaction.text[:80],
    )
    return redaction


@transaction.atomic
def redactions_decide_matching(
    *,
    request: Request,
    decision: str,
    by=None,
    text: str | None = None,
    category: str | None = None,
) -> int:
    """'Alle voorkomens': decide every open or decided suggestion with this text or category, case-wide."""
    if decision not in ("accepted", "rejected"):
        raise ValidationError({"decision": "Kies accepteren of afwijzen."})
    qs = Redaction.objects.filter(document__request=request).exclude(
        document__redaction_status="bezig"
    )
    if text:
        qs = qs.filter(text__iexact=text.strip())
    elif category:
        qs = qs.filter(category=category)
    else:
        raise ValidationError("Kies een tekst of een categorie.")
    now = timezone.now()
    actor = by if getattr(by, "pk", None) else None
    changed = list(
        qs.exclude(decision=decision)
        .select_for_update(of=("self",))
        .select_related("document")
        .order_by("document__sort_key", "page", "start", "id")
    )
    changes = []
    for r in changed:
        before = r.decision
        r.decision = decision
        r.decided_by = actor
        r.decided_at = now
        changes.append(
            {
                "id": r.pk,
                "document": r.document.number,
                "page": r.page + 1,
                "text": r.text[:80],
                "category": r.category,
                "ground": r.ground,
                "before": before,
                "after": decision,
            }
        )
    Redaction.objects.bulk_update(changed, ["decision", "decided_by", "decided_at"], batch_size=500)
    count = len(changed)
    # Every changed suggestion gets its own audit record with its decision before and after.
    from cases.models import AuditRecord

    AuditRecord.objects.bulk_create(
        [
            AuditRecord(
                request=request,
                actor=actor,
                action="redaction_decided",
                object_type="Redaction",
                object_id=str(c["id"]),
                data={**c, "bulk": True},
            )
            for c in changes
        ],
        batch_size=500,
    )
    audit(
        request=request,
        actor=by,
        action="redactions_decided_bulk",
        decision=decision,
        text=(text or "")[:80],
        category=category or "",
        count=count,
        changes=[{k: c[k] for k in ("id", "document", "before", "after")} for c in changes],
    )
    return count


@transaction.atomic
def redaction_add_manual(
    *, document: Document, page: int, rect: Sequence[float], ground: str, by=None, text: str = ""
) -> Redaction:
    """A box drawn by a person: accepted at once. The box is checked against the page: finite
    coordinates only, clipped to the page, never empty (a box of 1e308 points would keep the
    verifier busy for half an hour)."""
    if Document.objects.filter(pk=document.pk, redaction_status="bezig").exists():
        raise ValidationError("Dit document wordt nu gelakt; wacht tot dat klaar is.")
    try:
        page = int(page)
    except (TypeError, ValueError):
        raise ValidationError({"page": "Deze pagina bestaat niet."})
    bounds = _page_bounds(document)
    if not (0 <= page < len(bounds)):
        raise ValidationError({"page": "Deze pagina bestaat niet."})
    x0, y0, x1, y1 = clean_box(rect, bounds[page])
    redaction = Redaction.objects.create(
        document=document,
        page=page,
        text=text,
        category="manual",
        ground=_check_ground(document.request, ground),
        boxes=[[x0, y0, x1, y1]],
        detector="handmatig",
        reason="Handmatig getekend",
        manual=True,
        decision="accepted",
        decided_by=by if getattr(by, "pk", None) else None,
        decided_at=timezone.now(),
    )
    audit(
        request=document.request, actor=by, action="redaction_drawn", obj=redaction, page=page + 1
    )
    return redaction


MIN_BOX_POINTS = 2.0


def _page_bounds(document: Document) -> list[tuple[float, float]]:
    """Width and height of every page in unrotated page space (where boxes are stored)."""
    import pymupdf

    stored = Document.objects.select_related("pdf").get(pk=document.pk).pdf
    if stored is None:
        raise ValidationError("Dit document heeft geen verwerkbare PDF.")
    with pymupdf.open(stream=stored.read(), filetype="pdf") as pdf:
        result = []
        for p in pdf:
            r = p.rect * p.derotation_matrix
            result.append((abs(r.x1 - r.x0), abs(r.y1 - r.y0)))
        return result


def clean_box(rect: Sequence, page_size: tuple[float, float]) -> tuple[float, float, float, float]:
    """A box as four finite numbers, ordered and clipped to the page; refused when empty."""
    try:
        values = [float(v) for v in rect]
    except (TypeError, ValueError):
        raise ValidationError({"rect": "Het vlak moet uit vier getallen bestaan."})
    if len(values) != 4:
        raise ValidationError({"rect": "Het vlak moet uit vier getallen bestaan."})
    if not all(math.isfinite(v) for v in values):
        raise ValidationError(
            {"rect": "Het vlak heeft ongeldige coördinaten (oneindig of geen getal)."}
        )
    width, height = page_size
    x0, x1 = sorted((values[0], values[2]))
    y0, y1 = sorted((values[1], values[3]))
    x0, x1 = max(0.0, x0), min(width, x1)
    y0, y1 = max(0.0, y0), min(height, y1)
    if x1 - x0 <= 0 or y1 - y0 <= 0:
        raise ValidationError({"rect": "Het getekende vlak valt buiten de pagina."})
    if x1 - x0 < MIN_BOX_POINTS or y1 - y0 < MIN_BOX_POINTS:
        raise ValidationError({"rect": "Het getekende vlak is te klein."})
    return x0, y0, x1, y1


def _secrets(document: Document, accepted: list[Redaction]) -> list[str]:
    """Strings whose every occurrence in the document is inside an accepted redaction: those must
    be gone from the whole output (verification contract of redaction.pdf.verify_redacted).
    A string that also occurs where a person chose not to redact is checked inside boxes only."""
    import re

    pages = {p.page: p.text for p in _pages_of(document)}
    covered: dict[int, list[tuple[int, int]]] = {}
    for r in accepted:
        if r.start >= 0:
            covered.setdefault(r.page, []).append((r.start, r.end))
    result = set()
    for text in {r.text for r in accepted if len(r.text.strip()) >= 3}:
        rx = re.compile(r"\s+".join(re.escape(t) for t in text.split()), re.IGNORECASE)
        everywhere_covered = True
        for page, page_text in pages.items():
            for m in rx.finditer(page_text):
                if not any(s <= m.start() and m.end() <= e for s, e in covered.get(page, [])):
                    everywhere_covered = False
                    break
            if not everywhere_covered:
                break
        if everywhere_covered:
            result.add(text)
    return sorted(result)


def document_apply(*, document_id: int, by=None) -> Document:
    """Burn the accepted redactions into a new PDF, verify it (fail closed) and store it."""
    document = Document.objects.select_related("request", "pdf").get(pk=document_id)
    if document.pdf is None:
        raise ValidationError("Dit document heeft geen verwerkbare PDF.")
    decided = list(document.redactions.exclude(decision="rejected"))
    accepted = [r for r in decided if r.decision == "accepted"]
    # What this output is made from, taken from the same snapshot as the boxes burnt in: a change
    # made while the job runs makes the result stale at once (issue 11 item 1).
    fingerprint = document_fingerprint(
        document,
        accepted=[(r.page, list(box), r.ground) for r in accepted for box in r.boxes],
        open_ids=[r.pk for r in decided if r.decision == "open"],
    )
    secrets = _secrets(document, accepted)
    secret_set = set(secrets)
    bounds = _page_bounds(document)
    # A box's text is verified document-wide only when every occurrence was accepted; otherwise
    # the verifier still proves that nothing is left inside the box itself. Every stored box is
    # clipped to its page again here (boxes stored before validation existed).
    boxes = []
    for r in accepted:
        for box in r.boxes:
            if not (0 <= r.page < len(bounds)):
                continue
            try:
                rect = clean_box(box, bounds[r.page])
            except ValidationError:
                continue
            boxes.append(
                RedactionBox(
                    page=r.page,
                    rect=rect,
                    ground=r.ground,
                    text=r.text if r.text in secret_set else "",
                )
            )
    # issue 10 item 6: every further occurrence of an accepted string (and a name's parts)
    boxes += extend_redactions(
        _pages_of(document), accepted, document.redactions.filter(decision="rejected")
    )
    Document.objects.filter(pk=document.pk).update(redaction_status="bezig", redaction_error="")
    try:
        output, log = redact_and_verify(document.pdf.read(), boxes, secrets=secrets)
    except (RedactionVerificationError, UnprocessableDocument) as exc:
        Document.objects.filter(pk=document.pk).update(
            redaction_status="mislukt", redaction_error=str(exc)
        )
        audit(
            request=document.request,
            actor=by,
            action="redaction_failed",
            obj=document,
            error=str(exc)[:500],
        )
        document.refresh_from_db()
        return document
    stored = stored_file_put(output)
    document.refresh_from_db()
    document.redacted = stored
    document.redacted_fingerprint = fingerprint
    document.redaction_status = "klaar"
    document.redaction_error = ""
    document.redaction_log = {
        "boxes_applied": log.boxes_applied,
        "grounds": log.grounds,
        "pages_by_ground": log.pages_by_ground,
        "labels_too_small": log.labels_too_small,
        "removed": log.removed,
        "applied_at": timezone.now().isoformat(),
    }
    document.save(
        update_fields=[
            "redacted",
            "redacted_fingerprint",
            "redaction_status",
            "redaction_error",
            "redaction_log",
        ]
    )
    audit(
        request=document.request,
        actor=by,
        action="redaction_applied",
        obj=document,
        sha256=stored.sha256,
        boxes=log.boxes_applied,
        grounds=log.grounds,
        fingerprint=fingerprint,
    )
    return document


def document_adopt_redaction_grounds(*, document: Document, by=None) -> Document:
    """The adviser confirms: the redaction log's grounds become the document's judgement."""
    grounds = sorted((document.redaction_log or {}).get("grounds", {}))
    if not grounds:
        return document_judge(document=document, judgement="openbaar", grounds=[], by=by)
    return document_judge(document=document, judgement="deels_openbaar", grounds=grounds, by=by)
