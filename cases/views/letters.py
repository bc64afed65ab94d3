"""Letters: generate a new version, download any version, mark as sent (freezes it)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from cases.forms import LetterForm, MarkSentForm
from cases.services.letters import letter_mark_sent, letter_render
from cases.views.common import get_case

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
    "pdf": "application/pdf",
}


def _back(case):
    return redirect(reverse("cases:request_detail", args=[case.pk]) + "?tab=brieven")


@login_required
@require_POST
def letter_generate(request, pk: int):
    case = get_case(request.user, pk, edit=True)
    form = LetterForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Kies een brief en een formaat.")
        return _back(case)
    kind = form.cleaned_data["kind"]
    fmt = form.cleaned_data["format"] if kind == "inventarislijst" else "docx"
    try:
        letter = letter_render(
            request=case,
            kind=kind,
            fmt=fmt,
            letter_date=form.cleaned_data.get("letter_date"),
            by=request.user,
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        text = f"{letter.get_kind_display()} versie {letter.version} gemaakt."
        if letter.problems:
            messages.warning(
                request,
                text + f" Let op: de controle meldt {len(letter.problems)} probleem/problemen.",
            )
        else:
            messages.success(request, text)
    return _back(case)


@login_required
def letter_download(request, pk: int, letter_id: int):
    case = get_case(request.user, pk)
    letter = get_object_or_404(case.letters, pk=letter_id)
    return FileResponse(
        letter.file.content.open("rb"),
        as_attachment=True,
        filename=letter.filename,
        content_type=CONTENT_TYPES.get(letter.format, "application/octet-stream"),
    )


@login_required
@require_POST
def letter_sent(request, pk: int, letter_id: int):
    case = get_case(request.user, pk, edit=True)
    letter = get_object_or_404(case.letters, pk=letter_id)
    form = MarkSentForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Vul een geldige verzenddatum in.")
        return _back(case)
    try:
        letter_mark_sent(letter=letter, on=form.cleaned_data["on"], by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"{letter.get_kind_display()} gemarkeerd als verzonden.")
    return _back(case)
