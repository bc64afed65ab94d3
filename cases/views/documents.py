"""Documents register: add a document, judge one or several, adapt a ground's motivation."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from cases.forms import DocumentForm, JudgeForm, MotivationForm
from cases.models.document import DOCUMENT_TYPES
from cases.services.documents import document_create, document_update, documents_judge_bulk
from cases.services.letters import motivation_write
from cases.templatetags.wobdesk import document_proposal
from cases.views.common import get_case


def _back(case, tab="documenten"):
    return redirect(reverse("cases:request_detail", args=[case.pk]) + f"?tab={tab}")


def _errors(request, form):
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        messages.error(request, f"{label}: {' '.join(errors)}" if label else " ".join(errors))


@login_required
@require_POST
def document_add(request, pk: int):
    case = get_case(request.user, pk, edit=True)
    form = DocumentForm(request.POST)
    if not form.is_valid():
        _errors(request, form)
        return _back(case)
    data = form.cleaned_data
    try:
        doc = document_create(
            request=case,
            number=data["number"] or None,
            title=data["title"],
            date=data["date"],
            judgement=data["judgement"],
            grounds=data["grounds"],
            location=data["location"],
            note=data["note"],
            point_numbers=data["points"],
            by=request.user,
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"Document {doc.number} toegevoegd.")
    return _back(case)


@login_required
@require_POST
def documents_judge(request, pk: int):
    case = get_case(request.user, pk, edit=True)
    form = JudgeForm(request.POST)
    numbers = request.POST.getlist("selected") or [
        n for n in (form.data.get("numbers") or "").split(",") if n
    ]
    if not form.is_valid():
        _errors(request, form)
        return _back(case)
    try:
        docs = documents_judge_bulk(
            request=case,
            numbers=numbers,
            judgement=form.cleaned_data["judgement"],
            grounds=form.cleaned_data["grounds"],
            location=form.cleaned_data.get("location") or None,  # audited per document
            by=request.user,
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            ngettext(
                "Beoordeling vastgelegd voor %(n)d document.",
                "Beoordeling vastgelegd voor %(n)d documenten.",
                len(docs),
            )
            % {"n": len(docs)},
        )
    return _back(case)


@login_required
@require_POST
def motivation_save(request, pk: int, code: str):
    case = get_case(request.user, pk, edit=True)
    form = MotivationForm(request.POST)
    if not form.is_valid():
        _errors(request, form)
        return _back(case, "brieven")
    try:
        motivation_write(
            request=case,
            code=code,
            text=form.cleaned_data["text"],
            by=request.user,
            disclose_on=form.cleaned_data.get("disclose_on"),
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"Motivering voor {code} opgeslagen.")
    return _back(case, "brieven")


@login_required
def document_detail_redirect(request, pk: int, number: str):
    case = get_case(request.user, pk)
    get_object_or_404(case.documents, number=number)
    return _back(case)


def _metadata_fields(post, *, case) -> dict:
    """Title, date, document type and points from a row's inline form; Dutch errors."""
    fields: dict = {}
    errors = []
    if "title" in post:
        fields["title"] = post.get("title", "").strip()
    if "date" in post:
        raw = post.get("date", "").strip()
        if raw:
            try:
                fields["date"] = date.fromisoformat(raw)
            except ValueError:
                errors.append(_("Vul de datum in als dag-maand-jaar, bijvoorbeeld 12-3-2026."))
        else:
            fields["date"] = None
    if "doc_type" in post:
        kind = post.get("doc_type", "")
        if kind not in dict(DOCUMENT_TYPES):
            errors.append(_("Kies een documentsoort uit de lijst."))
        else:
            fields["doc_type"] = kind
    if "points_present" in post:
        try:
            fields["point_numbers"] = [int(n) for n in post.getlist("points")]
        except ValueError:
            errors.append(_("Kies de punten uit de lijst."))
    if errors:
        raise ValidationError(errors)
    return fields


@login_required
@require_POST
def document_edit(request, pk: int, doc_id: int):
    """Inline edit of one document's inventory metadata (issue 13, item 1)."""
    case = get_case(request.user, pk, edit=True)
    doc = get_object_or_404(case.documents, pk=doc_id)
    try:
        document_update(document=doc, by=request.user, **_metadata_fields(request.POST, case=case))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Document %(n)s bijgewerkt.") % {"n": doc.number})
    return redirect(
        reverse("cases:request_detail", args=[case.pk]) + f"?tab=documenten#document-{doc.number}"
    )


@login_required
@require_POST
def documents_metadata_bulk(request, pk: int):
    """Bulk: take over the proposals, or set date / type / points for the selected documents."""
    case = get_case(request.user, pk, edit=True)
    numbers = request.POST.getlist("selected")
    docs = list(case.documents.filter(number__in=numbers).select_related("original", "pdf"))
    if not docs:
        messages.error(request, _("Selecteer eerst een of meer documenten in de tabel."))
        return _back(case)
    action = request.POST.get("action", "")
    changed = 0
    try:
        with transaction.atomic():
            for doc in docs:
                if action == "proposals":
                    proposal = document_proposal(doc)
                    fields = {}
                    if proposal.title:
                        fields["title"] = proposal.title
                    if proposal.date:
                        fields["date"] = proposal.date
                    if proposal.doc_type and not doc.doc_type:
                        fields["doc_type"] = proposal.doc_type
                else:
                    fields = {}
                    if request.POST.get("bulk_date"):
                        fields["date"] = date.fromisoformat(request.POST["bulk_date"])
                    if request.POST.get("bulk_doc_type"):
                        if request.POST["bulk_doc_type"] not in dict(DOCUMENT_TYPES):
                            raise ValidationError(_("Kies een documentsoort uit de lijst."))
                        fields["doc_type"] = request.POST["bulk_doc_type"]
                    if request.POST.getlist("bulk_points"):
                        extra = {int(n) for n in request.POST.getlist("bulk_points")}
                        fields["point_numbers"] = extra | {p.number for p in doc.points.all()}
                if fields:
                    document_update(document=doc, by=request.user, **fields)
                    changed += 1
    except (ValidationError, ValueError) as exc:
        text = " ".join(exc.messages) if isinstance(exc, ValidationError) else ""
        messages.error(request, text or _("Vul een geldige datum in."))
        return _back(case)
    messages.success(
        request,
        ngettext("%(n)d document bijgewerkt.", "%(n)d documenten bijgewerkt.", changed)
        % {"n": changed},
    )
    return _back(case)
