"""The coordinator's list of late Kamervragen (issue 14); /overzicht/ stays the Woo overview."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils import timezone

from cases import permissions
from cases.kamer_overview import ANSWERED_LATE_LOOKBACK_DAYS, kamer_late_rows


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
