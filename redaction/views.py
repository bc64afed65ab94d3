"""Redaction screens: upload with progress, the review screen, decisions, apply with progress."""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from cases import grounds as catalogue
from cases.models.document import DOCUMENT_TYPES
from cases.permissions import can_edit
from cases.views.common import get_case
from redaction import detect
from redaction.models import Job, Redaction
from redaction.pdf import render_page_png
from redaction.selectors import counts_per_page, page_geometry, redaction_as_dict, redactions_for
from redaction.services import (
    Upload,
    document_adopt_redaction_grounds,
    documents_upload,
    max_upload_bytes,
    redaction_add_manual,
    redaction_decide,
    redactions_decide_matching,
)


def _document(user, pk: int, doc_id: int, *, edit: bool = False):
    case = get_case(user, pk, edit=edit)
    return case, get_object_or_404(case.documents.select_related("pdf", "redacted"), pk=doc_id)


def _json_error(exc: ValidationError, status: int = 400) -> JsonResponse:
    return JsonResponse({"ok": False, "error": " ".join(exc.messages)}, status=status)


@login_required
@require_POST
def upload(request, pk: int):
    from redaction import jobs

    case = get_case(request.user, pk, edit=True)
    files = request.FILES.getlist("files")
    if not files:
        messages.error(request, _("Kies een of meer bestanden om te uploaden."))
        return redirect(reverse("cases:request_detail", args=[case.pk]) + "?tab=documenten")
    uploads = []
    too_big = []
    for f in files:
        if f.size > max_upload_bytes():
            too_big.append(f.name)
            uploads.append(Upload(f.name, b"", size=f.size))  # registered, not read into memory
        else:
            uploads.append(Upload(f.name, f.read()))
    before = case.jobs.order_by("-pk").values_list("pk", flat=True).first() or 0
    docs = documents_upload(request=case, files=uploads, by=request.user)
    new_jobs = case.jobs.filter(pk__gt=before)
    waiting = new_jobs.filter(state="pending").exclude(publish_error="").exists()
    archives = list(new_jobs.filter(kind="unpack").values_list("upload_name", flat=True))
    if waiting:
        messages.warning(request, _(jobs.BROKER_DOWN_MESSAGE))
    if request.htmx:  # the rows themselves show what happened to each file
        return _rows(request, case, notice=_(jobs.BROKER_DOWN_MESSAGE) if waiting else "")
    if too_big:
        messages.warning(
            request,
            _("Te groot (max. %(mb)d MB), wel geregistreerd maar niet verwerkt: ")
            % {"mb": settings.WOBDESK_MAX_UPLOAD_MB}
            + ", ".join(too_big),
        )
    if docs:
        messages.success(
            request,
            ngettext(
                "%(n)d document ontvangen; de analyse loopt.",
                "%(n)d documenten ontvangen; de analyse loopt.",
                len(docs),
            )
            % {"n": len(docs)},
        )
    if archives:
        messages.success(
            request,
            _("Wordt uitgepakt: %(names)s. Per bestand ziet u hieronder wat is opgenomen.")
            % {"names": ", ".join(archives)},
        )
    return redirect(reverse("cases:request_detail", args=[case.pk]) + "?tab=documenten")


@login_required
@require_GET
def document_rows(request, pk: int):
    """Polled by htmx while analyses run: document rows with a progress bar each."""
    from redaction import jobs

    case = get_case(request.user, pk)
    if case.jobs.filter(state="pending").exists():
        jobs.outbox_drain(throttle=True)  # the outbox also drains at the next request
    return _rows(request, case)


def _rows(request, case, notice: str = ""):
    from redaction import jobs

    documents = list(case.documents.select_related("duplicate_of").order_by("sort_key"))
    active: dict[int, list] = {}
    for job in case.jobs.filter(state__in=jobs.ACTIVE, document__isnull=False):
        active.setdefault(job.document_id, []).append(job)
    for d in documents:
        d.active_jobs = active.get(d.pk, [])
        d.waiting_for_broker = any(j.state == "pending" and j.publish_error for j in d.active_jobs)
        d.can_retry = jobs.can_retry(d, d.active_jobs)
    archives = list(case.jobs.filter(kind="unpack").order_by("-pk")[:5])
    for a in archives:
        a.accepted = [e for e in a.report if e.get("status") == "accepted"]
        a.refused = [e for e in a.report if e.get("status") != "accepted"]
    running = any(
        d.processing == "in_behandeling" or d.redaction_status == "bezig" for d in documents
    ) or any(a.state in jobs.ACTIVE for a in archives)
    if not notice and case.jobs.filter(state="pending").exclude(publish_error="").exists():
        notice = _(jobs.BROKER_DOWN_MESSAGE)
    from cases.services.documents import delivery_problems

    return render(
        request,
        "redaction/_document_rows.html",
        {
            "case": case,
            "documents": documents,
            "running": running,
            "archives": archives,
            "notice": notice,
            "problems": delivery_problems(case),  # stale or mismatched files, per row
            "can_edit": can_edit(request.user, case),  # the inline metadata edit (issue 13)
            "doc_types": DOCUMENT_TYPES,
        },
    )


@login_required
@require_POST
def retry(request, pk: int, doc_id: int):
    """'Opnieuw proberen' for a document whose analysis or apply failed or got stuck."""
    from redaction import jobs

    case, document = _document(request.user, pk, doc_id, edit=True)
    try:
        job = jobs.document_retry(document=document, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        if job is not None and job.state == "pending" and Job.objects.get(pk=job.pk).publish_error:
            messages.warning(request, _(jobs.BROKER_DOWN_MESSAGE))
        else:
            messages.success(
                request,
                _("Document %(n)s wordt opnieuw verwerkt.") % {"n": document.number},
            )
    if request.htmx:
        return _rows(request, case)
    return redirect(reverse("cases:request_detail", args=[case.pk]) + "?tab=documenten")


@login_required
@require_GET
def review(request, pk: int, doc_id: int):
    case, document = _document(request.user, pk, doc_id)
    if document.pdf is None:
        raise Http404("Dit document heeft (nog) geen verwerkbare PDF.")
    redactions = redactions_for(document)
    geometry = page_geometry(document.pdf.read())
    sizes = [(g["width"], g["height"]) for g in geometry]
    counts = counts_per_page(redactions)
    return render(
        request,
        "redaction/review.html",
        {
            "case": case,
            "document": document,
            "pages": [
                {"index": i, "width": w, "height": h, "counts": counts.get(i, {})}
                for i, (w, h) in enumerate(sizes)
            ],
            "data": {
                "redactions": [redaction_as_dict(r) for r in redactions],
                "pages": geometry,
                "grounds": [
                    {"code": g.code, "label": g.label} for g in catalogue.grounds_for(case.regime)
                ],
                "categories": dict(detect.CATEGORIES) | {"manual": "Handmatig"},
                "default_ground": detect_default_ground(case.regime),
                "urls": {
                    "page": reverse("redaction:page_image", args=[case.pk, document.pk, 0]).replace(
                        "/0.png", "/__PAGE__.png"
                    ),
                    "redacted_page": reverse(
                        "redaction:redacted_page_image", args=[case.pk, document.pk, 0]
                    ).replace("/0.png", "/__PAGE__.png"),
                    "download": reverse("redaction:download", args=[case.pk, document.pk]),
                    "decide": reverse("redaction:decide", args=[case.pk, document.pk]),
                    "decide_all": reverse("redaction:decide_all", args=[case.pk]),
                    "decide_many": reverse("redaction:decide_many", args=[case.pk, document.pk]),
                    "draw": reverse("redaction:draw", args=[case.pk, document.pk]),
                    "apply": reverse("redaction:apply", args=[case.pk, document.pk]),
                    "status": reverse("redaction:status", args=[case.pk, document.pk]),
                },
            },
            "open_count": sum(1 for r in redactions if r.decision == "open"),
        },
    )


def detect_default_ground(regime: str) -> str:
    return catalogue.personal_data_ground(regime)


def _png_cache(pdf_sha: str, page: int, zoom: float, kind: str) -> Path:
    folder = Path(settings.MEDIA_ROOT) / "cache" / "pages" / pdf_sha[:2]
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{pdf_sha}-{kind}-{page}-{int(zoom * 100)}.png"


def _page_png(stored, page: int, zoom: float, kind: str) -> HttpResponse:
    path = _png_cache(stored.sha256, page, zoom, kind)
    if not path.exists():
        try:
            data = render_page_png(stored.read(), page, zoom=zoom)
        except (IndexError, ValueError):
            raise Http404("Deze pagina bestaat niet.")
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
    response = FileResponse(path.open("rb"), content_type="image/png")
    response["Cache-Control"] = "private, max-age=86400"
    return response


@login_required
@require_GET
def page_image(request, pk: int, doc_id: int, page: int):
    _, document = _document(request.user, pk, doc_id)
    if document.pdf is None or page >= max(document.page_count, 1):
        raise Http404("Deze pagina bestaat niet.")
    zoom = 0.3 if request.GET.get("thumb") else 1.5
    return _page_png(document.pdf, page, zoom, "orig")


@login_required
@require_GET
def redacted_page_image(request, pk: int, doc_id: int, page: int):
    _, document = _document(request.user, pk, doc_id)
    if document.redacted is None:
        raise Http404("Dit document is nog niet gelakt.")
    return _page_png(document.redacted, page, 1.5, "redacted")


def _body(request) -> dict:
    if request.content_type == "application/json":
        try:
            body = json.loads(request.body or b"{}")
        except (json.JSONDecodeError, UnicodeDecodeError, RecursionError):
            return {}
        return body if isinstance(body, dict) else {}
    return request.POST.dict()


@login_required
@require_POST
def decide(request, pk: int, doc_id: int):
    case, document = _document(request.user, pk, doc_id, edit=True)
    body = _body(request)
    redaction = get_object_or_404(Redaction, pk=body.get("id"), document=document)
    try:
        redaction = redaction_decide(
            redaction=redaction,
            decision=body.get("decision", ""),
            ground=body.get("ground") or None,
            by=request.user,
        )
    except ValidationError as exc:
        return _json_error(exc)
    return JsonResponse({"ok": True, "redaction": redaction_as_dict(redaction)})


@login_required
@require_POST
def decide_many(request, pk: int, doc_id: int):
    """Bulk decisions within one document (issue 13, item 2): all on a page, all open, a
    category, and undo (which sends the earlier decisions back). Body: {"decisions": [{"id",
    "decision"}]}; all or nothing, each one audited by redaction_decide."""
    from django.db import transaction

    case, document = _document(request.user, pk, doc_id, edit=True)
    items = _body(request).get("decisions")
    if not isinstance(items, list) or not items or len(items) > 20000:
        return JsonResponse(
            {"ok": False, "error": _("Geef de voorstellen en de beslissing op.")}, status=400
        )
    try:
        wanted = {int(i["id"]): str(i["decision"]) for i in items}
    except (KeyError, TypeError, ValueError):
        return JsonResponse(
            {"ok": False, "error": _("Geef de voorstellen en de beslissing op.")}, status=400
        )
    found = {r.pk: r for r in Redaction.objects.filter(document=document, pk__in=wanted)}
    if len(found) != len(wanted):
        return JsonResponse(
            {"ok": False, "error": _("Een voorstel hoort niet bij dit document.")}, status=400
        )
    changed = []
    try:
        with transaction.atomic():
            for rid, decision in wanted.items():
                r = found[rid]
                if r.decision == decision:
                    continue
                changed.append(
                    redaction_as_dict(
                        redaction_decide(redaction=r, decision=decision, by=request.user)
                    )
                )
    except ValidationError as exc:
        return _json_error(exc)
    return JsonResponse({"ok": True, "count": len(changed), "redactions": changed})


@login_required
@require_POST
def decide_all(request, pk: int):
    case = get_case(request.user, pk, edit=True)
    body = _body(request)
    try:
        count = redactions_decide_matching(
            request=case,
            decision=body.get("decision", ""),
            text=body.get("text") or None,
            category=body.get("category") or None,
            by=request.user,
        )
    except ValidationError as exc:
        return _json_error(exc)
    return JsonResponse({"ok": True, "count": count})


@login_required
@require_POST
def draw(request, pk: int, doc_id: int):
    case, document = _document(request.user, pk, doc_id, edit=True)
    body = _body(request)
    try:
        rect = [float(v) for v in body.get("rect", [])]
        if len(rect) != 4:
            raise ValueError
        redaction = redaction_add_manual(
            document=document,
            page=int(body.get("page", -1)),
            rect=rect,
            ground=body.get("ground") or catalogue.personal_data_ground(case.regime),
            by=request.user,
        )
    except (TypeError, ValueError, OverflowError):
        return JsonResponse(
            {"ok": False, "error": "Ongeldig vlak: geef een pagina en vier getallen."}, status=400
        )
    except ValidationError as exc:
        return _json_error(exc)
    return JsonResponse({"ok": True, "redaction": redaction_as_dict(redaction)})


@login_required
@require_POST
def apply(request, pk: int, doc_id: int):
    case, document = _document(request.user, pk, doc_id, edit=True)
    if document.redaction_status == "bezig":
        return JsonResponse({"ok": True, "status": "bezig"})
    open_left = document.redactions.filter(decision="open").count()
    if open_left and not _body(request).get("force"):
        return JsonResponse(
            {
                "ok": False,
                "error": ngettext(
                    "Er staat nog %(n)d voorstel open. Beslis eerst over alle voorstellen.",
                    "Er staan nog %(n)d voorstellen open. Beslis eerst over alle voorstellen.",
                    open_left,
                )
                % {"n": open_left},
            },
            status=400,
        )
    from redaction.jobs import BROKER_DOWN_MESSAGE, apply_submit

    job = apply_submit(document=document, by=request.user)  # outbox: never fails on the broker
    job.refresh_from_db()
    if job.state == "pending" and job.publish_error:
        return JsonResponse({"ok": True, "status": "bezig", "message": _(BROKER_DOWN_MESSAGE)})
    return JsonResponse({"ok": True, "status": "bezig"})


@login_required
@require_GET
def status(request, pk: int, doc_id: int):
    _, document = _document(request.user, pk, doc_id)
    return JsonResponse(
        {
            "processing": document.processing,
            "processing_error": document.processing_error,
            "progress_done": document.progress_done,
            "progress_total": document.progress_total,
            "redaction_status": document.redaction_status,
            "redaction_error": document.redaction_error,
            "page_count": document.page_count,
            "download": reverse("redaction:download", args=[pk, doc_id])
            if document.redacted_id
            else None,
            "log": document.redaction_log,
            "waiting_for_broker": document.jobs.filter(state="pending")
            .exclude(publish_error="")
            .exists(),
        }
    )


@login_required
@require_GET
def download(request, pk: int, doc_id: int):
    case, document = _document(request.user, pk, doc_id)
    if document.redacted is None:
        raise Http404("Dit document is nog niet gelakt.")
    name = f"{case.reference}-{document.number}-gelakt.pdf"
    return FileResponse(
        document.redacted.content.open("rb"),
        as_attachment=True,
        filename=name,
        content_type="application/pdf",
    )


@login_required
@require_POST
def adopt_grounds(request, pk: int, doc_id: int):
    case, document = _document(request.user, pk, doc_id, edit=True)
    try:
        document_adopt_redaction_grounds(document=document, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            f"Beoordeling van document {document.number} overgenomen uit de lakverantwoording.",
        )
    return redirect(reverse("cases:request_detail", args=[case.pk]) + "?tab=documenten")


@login_required
@require_GET
def redaction_log_csv(request, pk: int, doc_id: int):
    """The lakverantwoording of one document as a separate file: grounds, counts and pages."""
    import csv
    import io

    from cases.spreadsheet import safe_row

    case, document = _document(request.user, pk, doc_id)
    if not document.redaction_log:
        raise Http404("Dit document is nog niet gelakt.")
    log = document.redaction_log
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";")
    writer.writerow(["document", "grond", "aantal vlakken", "pagina's"])
    for ground, count in sorted(log.get("grounds", {}).items()):
        pages = ", ".join(str(p) for p in log.get("pages_by_ground", {}).get(ground, []))
        writer.writerow(safe_row([document.number, ground, count, pages]))
    # Each redaction on its own line (issue 13, item 2): page, category, ground, who decided, when.
    writer.writerow([])
    writer.writerow(["document", "pagina", "categorie", "grond", "besluit", "besloten door", "op"])
    labels = dict(detect.CATEGORIES) | {"manual": "Handmatig"}  # never the redacted text itself
    decisions = {"accepted": "gelakt", "rejected": "afgewezen", "open": "open"}
    for r in (
        Redaction.objects.filter(document=document)
        .select_related("decided_by")
        .order_by("page", "start", "id")
    ):
        who = r.decided_by.get_full_name() or r.decided_by.get_username() if r.decided_by else ""
        when = timezone.localtime(r.decided_at).strftime("%d-%m-%Y %H:%M") if r.decided_at else ""
        writer.writerow(
            safe_row(
                [
                    document.number,
                    r.page + 1,
                    labels.get(r.category, r.category),
                    r.ground,
                    decisions.get(r.decision, r.decision),
                    who,
                    when,
                ]
            )
        )
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="{case.reference}-{document.number}-lakverantwoording.csv"'
    )
    return response


@login_required
@require_POST
def redaction_terms(request, pk: int):
    from redaction.services import request_redaction_terms_update

    case = get_case(request.user, pk, edit=True)
    request_redaction_terms_update(
        request=case,
        redact_terms=request.POST.get("redact_terms", ""),
        keep_terms=request.POST.get("keep_terms", ""),
        by=request.user,
    )
    messages.success(
        request, "Lakinstellingen opgeslagen; de voorstellen voor het dossier zijn bijgewerkt."
    )
    return redirect(reverse("cases:request_detail", args=[case.pk]) + "?tab=documenten")
