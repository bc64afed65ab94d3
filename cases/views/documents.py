"""Documents register: add a document, judge one or several, adapt a ground's motivation."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from cases.forms import DocumentForm, JudgeForm, MotivationForm
from cases.services.documents import document_create, documents_judge_bulk
from cases.services.letters import motivation_write
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
