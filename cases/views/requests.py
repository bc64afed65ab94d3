"""Case list, registration, case detail, timeline steps and assignment."""

from __future__ import annotations

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
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
    likely_next_steps,
)
from cases.lifecycle import EVENT_TYPES
from cases.models import Organisation, StoredFile
from cases.models.document import DOCUMENT_TYPES
from cases.security import safe_next
from cases.selectors import (
    answers_ordered,
    clocks_for,
    documents_ordered,
    request_clock,
    requests_search,
)
from cases.services.approval import approval_refusal
from cases.services.letters import decision_problems, motivations_for
from cases.services.requests import (
    audit,
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
                from cases.services.portal import portal_link_send

                # a case registered by staff gets a personal status link too (issue 13.9)
                sent = portal_link_send(request=case, by=request.user)
                messages.success(
                    request,
                    f"Verzoek geregistreerd onder kenmerk {case.reference}; "
                    f"{case.points.count()} punten herkend."
                    + (f" Statuslink verstuurd naar {case.requester_email}." if sent else ""),
                )
                return redirect("cases:request_detail", pk=case.pk)
    return render(request, "cases/request_register.html", {"form": form})


# The portal records a reply's files in the event note as "name (sha256 <12 hex>)" (see
# cases.services.portal.requester_reply); staff open them from the timeline (issue 13, item 6).
_ATTACHMENT = re.compile(r"(?:^|, )(.+?) \(sha256 ([0-9a-f]{12})\)")
PORTAL_ACTOR = "verzoeker (portaal)"


def event_attachments(event) -> list[tuple[str, str]]:
    """(file name, sha256 prefix) of the files the requester attached to this step."""
    if event.actor_label != PORTAL_ACTOR or "\nBijlagen: " not in (event.note or ""):
        return []
    line = event.note.rsplit("\nBijlagen: ", 1)[1].split("\n", 1)[0]
    return [(m.group(1), m.group(2)) for m in _ATTACHMENT.finditer(line)]


@login_required
def reply_attachment(request, pk: int, event_id: int, index: int):
    """Download a file the requester attached to a reply; always as a download, never inline."""
    case = get_case(request.user, pk)
    event = case.events.filter(pk=event_id).first()
    files = event_attachments(event) if event is not None else []
    if not 0 <= index < len(files):
        raise Http404(_("Deze bijlage bestaat niet (meer) bij dit verzoek."))
    name, prefix = files[index]
    stored = StoredFile.objects.filter(sha256__startswith=prefix).first()
    if stored is None:
        raise Http404(_("Het bestand van deze bijlage is niet gevonden."))
    audit(request=case, actor=request.user, action="reply_attachment_opened", obj=event, name=name)
    return FileResponse(
        stored.content.open("rb"),
        as_attachment=True,
        filename=name,
        content_type="application/octet-stream",
    )


def _events_with_attachments(case) -> list:
    events = list(case.events.select_related("actor"))
    for e in events:
        e.portal_files = list(enumerate(name for name, _prefix in event_attachments(e)))
    return events


def _mail_notices(case) -> list[dict]:
    """What the requester is mailed at once when a step is recorded (issue 13, item 5)."""
    from cases.services.portal import NOTIFY_EVENTS

    allowed = set(likely_next_steps(case.status))
    notices = []
    for code, subject in NOTIFY_EVENTS.items():
        if code not in allowed or code == "decision_sent":
            continue
        if case.requester_email:
            text = _(
                "Na vastleggen krijgt de verzoeker direct een e-mail op %(email)s met onderwerp "
                "\u201c%(subject)s\u201d, met de nieuwe beslisdatum%(reason)s."
            ) % {
                "email": case.requester_email,
                "subject": subject.format(ref=case.reference),
                "reason": _(" en de toelichting als reden") if code == "adjourned" else "",
            }
        else:
            text = _(
                "De verzoeker heeft geen e-mailadres: er gaat geen e-mail uit; stuur zelf een "
                "brief (tabblad Brieven)."
            )
        notices.append({"code": code, "label": EVENT_TYPES[code].label, "text": text})
    return notices


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
        "events": _events_with_attachments(case),
        "letters": (
            letters := list(
                case.letters.select_related(
                    "created_by", "file", "approval_submitted_by", "approval_by"
                )
            )
        ),
        "approvable": {
            letter.pk
            for letter in letters
            if letter.approval_status == "submitted" and not approval_refusal(letter, request.user)
        },
        "event_form": EventForm(status=case.status, case_kind=case.case_kind),
        "mail_notices": _mail_notices(case),
        "answer_form": AnswerForm(point_numbers=[p.number for p in points]),
        "document_form": DocumentForm(),
        "doc_types": DOCUMENT_TYPES,
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
    from cases.services.portal import (
        portal_link_issue,
        portal_link_revoke,
        portal_link_send,
        status_url,
    )

    case = get_case(request.user, pk, edit=True)
    if request.POST.get("action") == "send":
        if portal_link_send(request=case, by=request.user):
            messages.success(request, f"Nieuwe statuslink verstuurd naar {case.requester_email}.")
        else:
            messages.error(
                request,
                "Er is geen e-mailadres van de verzoeker; vul het in bij de gegevens en probeer opnieuw.",
            )
    elif request.POST.get("action") == "revoke":
        portal_link_revoke(request=case, by=request.user)
        messages.success(request, "De statuslink van de verzoeker is ingetrokken.")
    else:
        token = portal_link_issue(request=case, by=request.user)
        messages.success(
            request,
            f"Nieuwe statuslink (alleen nu zichtbaar; stuur hem naar de verzoeker): {status_url(token)}",
        )
    return redirect(reverse("cases:request_detail", args=[case.pk]) + "?tab=tijdlijn")
