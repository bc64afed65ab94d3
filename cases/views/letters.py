"""Letters: generate a new version, download any version, mark as sent (freezes it)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from cases.forms import LetterForm, MarkSentForm, ThirdPartyForm
from cases.services.approval import approval_decide, approval_submit
from cases.services.letters import (
    letter_mark_sent,
    letter_render,
    third_party_delete,
    third_party_write,
)
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
    form = LetterForm(request.POST, kamervragen=case.is_kamervragen)
    if not form.is_valid():
        messages.error(request, "Kies een brief en een formaat.")
        return _back(case)
    kind = form.cleaned_data["kind"]
    fmt = form.cleaned_data["format"] if kind == "inventarislijst" else "docx"
    third_party = None
    if form.cleaned_data.get("third_party"):
        third_party = case.third_parties.filter(pk=form.cleaned_data["third_party"]).first()
    try:
        letter = letter_render(
            request=case,
            kind=kind,
            fmt=fmt,
            letter_date=form.cleaned_data.get("letter_date"),
            by=request.user,
            options=form.options(),
            third_party=third_party,
        )
    except (ValidationError, forms.ValidationError) as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        text = f"{letter.get_kind_display()} versie {letter.version} gemaakt."
        if letter.problems:
            messages.warning(
                request,
                text
                + " "
                + ngettext(
                    "Let op: de controle meldt %(n)d probleem.",
                    "Let op: de controle meldt %(n)d problemen.",
                    len(letter.problems),
                )
                % {"n": len(letter.problems)},
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


@login_required
@require_POST
def third_party_save(request, pk: int, third_party_id: int | None = None):
    """Record or edit a derde-belanghebbende (Brieven tab), or delete one without letters."""
    case = get_case(request.user, pk, edit=True)
    third_party = (
        get_object_or_404(case.third_parties, pk=third_party_id) if third_party_id else None
    )
    if third_party is not None and request.POST.get("action") == "delete":
        try:
            third_party_delete(third_party=third_party, by=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, "Derde-belanghebbende verwijderd.")
        return _back(case)
    form = ThirdPartyForm(request.POST)
    if not form.is_valid():
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            messages.error(request, f"{label}: {' '.join(errors)}")
        return _back(case)
    data = form.cleaned_data
    try:
        saved = third_party_write(
            request=case,
            name=data["name"],
            salutation=data.get("salutation") or "",
            contact_person=data.get("contact_person") or "",
            address=data.get("address") or "",
            email=data.get("email") or "",
            document_numbers=(data.get("documents") or "").replace(",", " ").split(),
            third_party=third_party,
            by=request.user,
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"Derde-belanghebbende {saved.name} opgeslagen.")
    return _back(case)


@login_required
@require_POST
def letter_approval(request, pk: int, letter_id: int):
    """Four eyes (issue 13, item 4): submit a besluit for approval, approve it or return it."""
    action = request.POST.get("action", "")
    # Submitting needs edit rights on the case; an approver (coordinator or fiatteur) only
    # needs to see it.
    case = get_case(request.user, pk, edit=action == "submit")
    letter = get_object_or_404(case.letters, pk=letter_id)
    try:
        if action == "submit":
            approval_submit(letter=letter, by=request.user)
            messages.success(request, _("Besluit ter goedkeuring aangeboden."))
        elif action in ("approve", "return"):
            approval_decide(
                letter=letter,
                by=request.user,
                approve=action == "approve",
                remarks=request.POST.get("remarks", ""),
            )
            messages.success(
                request,
                _("Besluit goedgekeurd; het kan nu worden verzonden.")
                if action == "approve"
                else _("Besluit teruggestuurd naar de opsteller met uw opmerkingen."),
            )
        else:
            messages.error(request, _("Kies: aanbieden, goedkeuren of terugsturen."))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return _back(case)
