"""Points and answers: edit, add, split, move, re-parse; write "Ad N" answers."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from cases.forms import AnswerForm
from cases.services.points import (
    answer_delete,
    answer_write,
    point_add,
    point_delete,
    point_move,
    point_split,
    point_update,
    points_parse,
)
from cases.views.common import get_case


def _back(case, tab: str):
    return redirect(reverse("cases:request_detail", args=[case.pk]) + f"?tab={tab}")


def _run(request, fn, ok: str):
    try:
        fn()
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return False
    messages.success(request, ok)
    return True


@login_required
@require_POST
def points_reparse(request, pk: int):
    case = get_case(request.user, pk, edit=True)
    _run(
        request,
        lambda: points_parse(request=case, by=request.user),
        "Punten opnieuw herkend uit de tekst.",
    )
    return _back(case, "verzoek")


@login_required
@require_POST
def point_edit(request, pk: int, number: int):
    case = get_case(request.user, pk, edit=True)
    point = get_object_or_404(case.points, number=number)
    action = request.POST.get("action", "save")
    if action == "delete":
        _run(
            request,
            lambda: point_delete(point=point, by=request.user),
            f"Punt {number} verwijderd.",
        )
    elif action == "split":
        try:
            at = int(request.POST.get("at", ""))
        except ValueError:
            messages.error(request, "Geef aan op welke positie het punt gesplitst moet worden.")
        else:
            _run(
                request,
                lambda: point_split(point=point, at=at, by=request.user),
                f"Punt {number} gesplitst.",
            )
    elif action == "move":
        try:
            to = int(request.POST.get("to", ""))
        except ValueError:
            messages.error(request, "Geef het nieuwe nummer op.")
        else:
            _run(
                request,
                lambda: point_move(point=point, to=to, by=request.user),
                f"Punt {number} verplaatst.",
            )
    else:
        _run(
            request,
            lambda: point_update(point=point, text=request.POST.get("text", ""), by=request.user),
            f"Punt {number} opgeslagen.",
        )
    return _back(case, "verzoek")


@login_required
@require_POST
def point_create(request, pk: int):
    case = get_case(request.user, pk, edit=True)
    after = request.POST.get("after")
    _run(
        request,
        lambda: point_add(
            request=case,
            text=request.POST.get("text", ""),
            after=int(after) if after and after.isdigit() else None,
            by=request.user,
        ),
        "Punt toegevoegd.",
    )
    return _back(case, "verzoek")


@login_required
@require_POST
def answer_save(request, pk: int, answer_id: int | None = None):
    case = get_case(request.user, pk, edit=True)
    answer = get_object_or_404(case.answers, pk=answer_id) if answer_id else None
    if request.POST.get("action") == "delete" and answer:
        answer_delete(answer=answer, by=request.user)
        messages.success(request, "Antwoord verwijderd.")
        return _back(case, "antwoorden")
    form = AnswerForm(
        request.POST, point_numbers=list(case.points.values_list("number", flat=True))
    )
    if not form.is_valid():
        for field, errors in form.errors.items():
            messages.error(
                request,
                f"{form.fields[field].label if field in form.fields else ''}: {' '.join(errors)}",
            )
        return _back(case, "antwoorden")
    _run(
        request,
        lambda: answer_write(
            request=case,
            point_numbers=form.cleaned_data["points"],
            text=form.cleaned_data["text"],
            answer=answer,
            by=request.user,
            outcome=form.cleaned_data.get("outcome") or "",
            location=form.cleaned_data.get("location") or "",
        ),
        "Antwoord opgeslagen.",
    )
    return _back(case, "antwoorden")
