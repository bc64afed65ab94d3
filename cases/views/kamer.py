"""The coordinator's list of late Kamervragen (issue 14); /overzicht/ stays the Woo overview."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cases import permissions
from cases.kamer_overview import ANSWERED_LATE_LOOKBACK_DAYS, kamer_late_rows
from cases.services.kamer import answer_approve, kamer_set_approve, question_assign
from cases.views.common import get_case


@login_required
def kamer_overview(request):
    if not permissions.can_view_overview(request.user):
        raise PermissionDenied("Alleen coördinatoren hebben toegang tot het overzicht.")
    today = timezone.localdate()
    open_late, answered_late = kamer_late_rows(today)
    return render(
        request,
        "cases/kamer_overview.html",
        {
            "today": today,
            "open_late": open_late,
            "answered_late": answered_late,
            "lookback": ANSWERED_LATE_LOOKBACK_DAYS,
        },
    )


def _back(case, tab: str = "antwoorden"):
    return redirect(reverse("cases:request_detail", args=[case.pk]) + f"?tab={tab}")


@login_required
@require_POST
def question_assign_view(request, pk: int, number: int):
    case = get_case(request.user, pk, edit=True)
    try:
        question_assign(
            request=case,
            number=number,
            contributor=request.POST.get("contributor", ""),
            by=request.user,
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Vraag %(n)s toegewezen.") % {"n": number})
    return _back(case)


@login_required
@require_POST
def answer_approve_view(request, pk: int, answer_id: int):
    case = get_case(request.user, pk, edit=True)
    answer = get_object_or_404(case.answers, pk=answer_id)
    try:
        answer_approve(answer=answer, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("%(label)s goedgekeurd.") % {"label": answer.kamer_label})
    return _back(case)


@login_required
@require_POST
def kamer_set_approve_view(request, pk: int):
    case = get_case(request.user, pk, edit=True)
    try:
        kamer_set_approve(request=case, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request, _("De antwoordenset is goedgekeurd; de aanbiedingsbrief kan weg.")
        )
    return _back(case)
