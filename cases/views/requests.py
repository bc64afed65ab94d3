"""Case list, registration, case detail, timeline steps and assignment."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from cases import lifecycle, permissions
from cases.forms import (
    AnswerForm,
    AssignForm,
    DocumentForm,
    EventForm,
    JudgeForm,
    LetterForm,
    MarkSentForm,
    RequestRegisterForm,
)
from cases.models import Organisation
from cases.security import safe_next
from cases.selectors import (
    answers_ordered,
    clocks_for,
    documents_ordered,
    request_clock,
    requests_search,
)
from cases.services.letters import decision_problems, motivations_for
from cases.services.requests import (
    event_void,
    request_assign,
    request_register,
    request_transition,
)
from cases.views.common import add_validation_errors, get_case


@login_required
def request_list(request):
    if not permissions.is_staff_member(request.user):
        raise PermissionDenied("Alleen juristen en coördinatoren hebben toegang.")
    q = request.GET.get("q", "").strip()
    status = request.GET.get("status", "")
    only_open = request.GET.get("open", "1") == "1"
    qs = requests_search(request.user, q=q, status=status)
    if only_open and not status:
        qs = qs.filter(status__in=lifecycle.OPEN_STATUSES)
    today = timezone.localdate()
    # Date and light from the same clock result (never a fresh date beside a stale light).
    rows = [
        (r, result.light)
        for r, result in clocks_for(
            qs.select_related("organisation").prefetch_related("events")[:500], today=today
        )
    ]
    template = "cases/_request_rows.html" if request.htmx else "cases/request_list.html"
    return render(
        request,
        template,
        {
            "rows": rows,
            "q": q,
            "status": status,
            "only_open": only_open,
            "statuses": lifecycle.STATUSES.items(),
            "can_register": permissions.can_register(request.user),
        },
    )


@login_required
def request_register_view(request):
    if not permissions.can_register(request.user):
        raise PermissionDenied("U mag geen verzoeken registreren.")
    can_assign = permissions.can_assign(request.user)
    form = RequestRegisterForm(request.POST or None, can_assign=can_assign)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        adviser = data.pop("adviser", None)
        if not can_assign:
            adviser = request.user if permissions.is_adviser(request.user) else None
        organisation = Organisation.objects.order_by("pk").first()
        if organisation is None:
            form.add_error(None, "Er is nog geen organisatie ingericht (beheer).")
        else:
            try:
                case = request_register(
                    organisation=organisation,
                    adviser=adviser,
                    by=request.user,
                    regime=data.pop("regime") or None,
                    **data,
                )
            except ValidationError as exc:
                add_validation_errors(form, exc)
            else:
                messages.success(
                    request,
                    f"Verzoek geregistreerd onder kenmerk {case.reference}; "
                    f"{case.points.count()} punten herkend.",
                )
                return redirect("cases:request_detail", pk=case.pk)
    return render(request, "cases/request_register.html", {"form": form})


def _detail_context(request, case, **extra):
    deadline = request_clock(case)
    points = list(case.points.all())
    ctx = {
        "case": case,
        "deadline": deadline,
        "light": deadline.light,
        "points": points,
        "answers": answers_ordered(case),
        "unanswered": [p for p in points if not p.answers.exists()],
        "documents": (documents := list(documents_ordered(case))),
        "documents_running": any(
            d.processing == "in_behandeling" or d.redaction_status == "bezig" for d in documents
        ),
        "events": list(case.events.select_related("actor")),
        "letters": list(case.letters.select_related("created_by", "file")),
        "event_form": EventForm(status=case.status, case_kind=case.case_kind),
        "answer_form": AnswerForm(point_numbers=[p.number for p in points]),
        "document_form": DocumentForm(),
        "judge_form": JudgeForm(),
        "letter_form": LetterForm(kamervragen=case.is_kamervragen),
        "sent_form": MarkSentForm(),
        "assign_form": AssignForm(initial={"adviser": case.adviser_id}),
        "can_edit": permissions.can_edit(request.user, case),
        "can_assign": permissions.can_assign(request.user),
        "problems": decision_problems(case),
        "motivations": motivations_for(case),
        "tab": request.GET.get("tab", "verzoek"),
    }
    ctx.update(extra)
    return ctx


@login_required
def request_detail(request, pk: int):
    case = get_case(request.user, pk)
    return render(request, "cases/request_detail.html", _detail_context(request, case))


@login_required
@require_POST
def event_create(request, pk: int):
    case = get_case(request.user, pk, edit=True)
    form = EventForm(request.POST, status=case.status, case_kind=case.case_kind)
    if form.is_valid():
        try:
            event = request_transition(
                request=case,
                type=form.cleaned_data["type"],
                on=form.cleaned_data["on"],
                until=form.cleaned_data.get("until"),
                suspension_reason=form.cleaned_data.get("suspension_reason") or "",
                note=form.cleaned_data.get("note") or "",
                by=request.user,
            )
        except ValidationError as exc:
            add_validation_errors(form, exc)
        else:
            if event.warning:
                messages.warning(request, event.warning)
            else:
                messages.success(request, f"Stap '{event.type_label}' vastgelegd.")
            return redirect(reverse("cases:request_detail", args=[case.pk]) + "?tab=tijdlijn")
    case.refresh_from_db()
    ctx = _detail_context(request, case, event_form=form, tab="tijdlijn")
    return render(request, "cases/request_detail.html", ctx, status=400)


@login_required
@require_POST
def event_void_view(request, pk: int, event_id: int):
    """Void a mistaken step with a reason (adviser of the case or coordinator)."""
    case = get_case(request.user, pk, edit=True)
    event = case.events.filter(pk=event_id).first()
    target = reverse("cases:request_detail", args=[case.pk]) + "?tab=tijdlijn"
    if event is None:
        messages.error(request, "Deze stap bestaat niet (meer) in dit dossier.")
        return redirect(target)
    try:
        event_void(event=event, reason=request.POST.get("reason", ""), by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            f"Stap '{event.type_label}' van {event.on:%d-%m-%Y} is vervallen verklaard; "
            "de termijn is opnieuw berekend.",
        )
    return redirect(target)


@login_required
@require_POST
def request_assign_view(request, pk: int):
    if not permissions.can_assign(request.user):
        raise PermissionDenied("Alleen coördinatoren wijzen zaken toe.")
    case = get_case(request.user, pk)
    form = AssignForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Kies een jurist.")
    else:
        try:
            request_assign(request=case, adviser=form.cleaned_data["adviser"], by=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, f"Toegewezen aan {form.cleaned_data['adviser']}.")
    # Only a local path: "//evil.example/" also starts with "/" (open redirect, issue 11 item 15).
    return redirect(
        safe_next(
            request,
            request.POST.get("next"),
            reverse("cases:request_detail", args=[case.pk]),
        )
    )


@login_required
@require_POST
def portal_link(request, pk: int):
    """Issue a new personal status link (the old one stops working) or revoke it."""
    from cases.services.portal import portal_link_issue, portal_link_revoke, status_url

    case = get_case(request.user, pk, edit=True)
    if request.POST.get("action") == "revoke":
        portal_link_revoke(request=case, by=request.user)
        messages.success(request, "De statuslink van de verzoeker is ingetrokken.")
    else:
        token = portal_link_issue(request=case, by=request.user)
        messages.success(
            request,
            f"Nieuwe statuslink (alleen nu zichtbaar; stuur hem naar de verzoeker): {status_url(token)}",
        )
    return redirect(reverse("cases:request_detail", args=[case.pk]) + "?tab=tijdlijn")
