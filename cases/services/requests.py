"""Services for the request itself: register, record a timeline step, assign, refresh caches."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from cases import deadlines, lifecycle, permissions
from cases.models import AuditRecord, Event, Organisation, Point, Request
from cases.point_parser import parse_points
from cases.selectors import request_deadline


def today() -> date:
    return timezone.localdate()


def audit(*, request: Request | None, actor, action: str, obj=None, **data) -> AuditRecord:
    return AuditRecord.objects.create(
        request=request,
        actor=actor if getattr(actor, "pk", None) else None,
        action=action,
        object_type=type(obj).__name__ if obj is not None else "",
        object_id=str(getattr(obj, "pk", "") or ""),
        data=data,
    )


def _next_sequence(organisation: Organisation, year: int) -> int:
    # Lock the organisation row so two registrations in the same year never share a number.
    Organisation.objects.select_for_update().get(pk=organisation.pk)
    current = Request.objects.filter(organisation=organisation, year=year).aggregate(
        m=Max("sequence")
    )["m"]
    return (current or 0) + 1


@transaction.atomic
def request_register(
    *,
    organisation: Organisation,
    received_on: date,
    requester_name: str,
    subject: str,
    request_text: str,
    requester_salutation: str = "",
    requester_email: str = "",
    requester_address: str = "",
    requester_organisation: str = "",
    requester_reference: str = "",
    channel: str = "email",
    regime: str | None = None,
    points: list[tuple[int, str]] | None = None,
    adviser=None,
    period: str = "",
    preferred_format: str = "",
    by=None,
    actor_label: str = "",
    on: date | None = None,
) -> Request:
    """Register a received request: kenmerk, regime, points parsed from the text, 'received' event."""
    now = on or today()
    if received_on > now:
        raise ValidationError({"received_on": "De ontvangstdatum kan niet in de toekomst liggen."})
    if received_on.year < 1992:
        raise ValidationError({"received_on": "Deze ontvangstdatum is niet mogelijk."})
    year = received_on.year
    sequence = _next_sequence(organisation, year)
    request = Request(
        organisation=organisation,
        reference=organisation.format_reference(year, sequence),
        year=year,
        sequence=sequence,
        # The law applied at the decision date (domain.md, top): for an open case that is "now".
        regime=regime or deadlines.regime_for(received_on, now),
        regime_overridden=bool(regime),
        received_on=received_on,
        channel=channel,
        requester_name=requester_name.strip(),
        requester_salutation=requester_salutation,
        requester_email=requester_email.strip(),
        requester_address=requester_address.strip(),
        requester_organisation=requester_organisation.strip(),
        requester_reference=requester_reference.strip(),
        subject=subject.strip(),
        request_text=request_text.strip(),
        period=period,
        preferred_format=preferred_format,
        status="ontvangen",
    )
    request.full_clean()
    request.save()
    if points is None:
        parsed = [(p.number, p.marker, p.text) for p in parse_points(request.request_text)]
    else:
        parsed = [(number, f"{number}.", text) for number, text in points]
    numbers = [n for n, _, _ in parsed]
    if len(set(numbers)) != len(numbers):
        raise ValidationError({"points": "Elk punt moet een eigen nummer hebben."})
    Point.objects.bulk_create(
        [Point(request=request, number=n, marker=m, text=t) for n, m, t in parsed if t.strip()]
    )
    Event.objects.create(
        request=request,
        type="received",
        on=received_on,
        note=f"Ontvangen via {request.get_channel_display()}.",
        status_before="",
        status_after="ontvangen",
        actor=by if getattr(by, "pk", None) else None,
        actor_label=actor_label,
    )
    if adviser is not None:
        request_assign(request=request, adviser=adviser, by=by)
    request_refresh(request=request, on=now)
    audit(
        request=request,
        actor=by,
        action="request_registered",
        obj=request,
        reference=request.reference,
    )
    return request


@transaction.atomic
def request_transition(
    *,
    request: Request,
    type: str,
    on: date,
    until: date | None = None,
    note: str = "",
    suspension_reason: str = "",
    by=None,
    actor_label: str = "",
    today_: date | None = None,
    via_letter: bool = False,
) -> Event:
    """Record a step on the timeline; the only place a request's status changes.

    'Besluit verzonden' (the bekendmaking) has one path: marking the besluit letter as sent
    (cases.services.letters.letter_mark_sent, via_letter=True, with its consistency checks); only
    an import of a case decided outside wobdesk (actor_label "import") records it directly.

    A step that cannot happen is refused with a Dutch ValidationError and nothing changes. A step that
    happened but has no legal effect (late or second verdaging) is recorded with a warning.
    """
    now = today_ or today()
    request = Request.objects.select_for_update().get(pk=request.pk)
    if type not in lifecycle.EVENT_TYPES:
        raise ValidationError({"type": f"Onbekende stap '{type}'."})
    event_type = lifecycle.EVENT_TYPES[type]
    if type == "decision_sent" and not via_letter and actor_label != "import":  # issue 11 item 6
        raise ValidationError(
            {
                "type": "Het besluit is verzonden zodra het besluit op het tabblad Brieven als "
                "verzonden is gemarkeerd; daar wordt eerst gecontroleerd of het besluit compleet is. "
                "Deze stap kan niet los op de tijdlijn worden vastgelegd."
            }
        )
    if on is None:
        raise ValidationError({"on": "Vul een datum in."})
    if on < request.received_on:
        raise ValidationError(
            {
                "on": f"De datum ligt vóór de ontvangst van het verzoek ({deadlines.format_date_nl(request.received_on)})."
            }
        )
    if on > now:
        raise ValidationError(
            {"on": "De datum ligt in de toekomst; leg een stap vast als die is gezet."}
        )
    if event_type.needs_until:
        if until is None:
            raise ValidationError({"until": "Vul de laatste dag van de opschorting in."})
        if until < on:
            raise ValidationError({"until": "De laatste dag ligt vóór de eerste dag."})
    elif until is not None and type != "suspension":
        until = None
    last = (
        request.events.exclude(type__in=["contact", "note", "suspension"])
        .order_by("-on", "-id")
        .first()
    )
    if last and on < last.on and type not in ("contact", "note", "suspension"):
        raise ValidationError(
            {
                "on": f"De datum ligt vóór de laatste stap op de tijdlijn ({deadlines.format_date_nl(last.on)})."
            }
        )
    try:
        new_status = lifecycle.next_status(request.status, type)
    except lifecycle.TransitionRefused as exc:
        raise ValidationError({"type": str(exc)})

    warning = ""
    has_effect = True
    if type == "adjourned":
        before = request_deadline(request)
        first_term = before.first_term_ends_on
        if before.adjourned_on is not None:
            warning = (
                "Dit verzoek is al eerder verdaagd; een beslistermijn kan maar één keer worden "
                "verdaagd. De stap is vastgelegd, maar verlengt de termijn niet."
            )
            has_effect = False
            new_status = request.status
        elif on > first_term:
            warning = (
                f"De verdaging is verzonden na afloop van de eerste beslistermijn "
                f"({deadlines.format_date_nl(first_term)}) en heeft daarom geen rechtsgevolg. "
                "De stap is vastgelegd, maar verlengt de termijn niet."
            )
            has_effect = False
            new_status = request.status
    if type == "ingebrekestelling_received":
        due = request_deadline(request).due_on
        if on <= due:
            warning = (
                f"De beslistermijn liep op die dag nog (tot en met {deadlines.format_date_nl(due)}); "
                "een ingebrekestelling vóór het verstrijken van de termijn is voorbarig."
            )
    event = Event(
        request=request,
        type=type,
        on=on,
        until=until,
        suspension_reason=suspension_reason if type == "suspension" else "",
        note=note.strip(),
        warning=warning,
        has_legal_effect=has_effect,
        status_before=request.status,
        status_after=new_status,
        actor=by if getattr(by, "pk", None) else None,
        actor_label=actor_label,
    )
    event.full_clean(exclude=["request", "actor"])
    event.save()
    request.status = new_status
    if type == "decision_sent" and not request.regime_overridden:
        # The law applied is the one in force on the decision date (domain.md, top).
        request.regime = deadlines.regime_for(request.received_on, on)
    request.save(update_fields=["status", "regime", "updated_at"])
    request_refresh(request=request, on=now)
    if (
        type in ("adjourned", "suspension", "decision_sent")
        and has_effect
        and request.requester_email
    ):
        from cases.tasks import notify_requester_task

        transaction.on_commit(lambda: notify_requester_task.delay(event.pk))
    return event


def request_refresh(*, request: Request, on: date | None = None) -> Request:
    """Recompute the cached deadline and decision date from the timeline (never typed in)."""
    deadline = request_deadline(request)
    sent = request.events.filter(type="decision_sent").order_by("on").first()
    request.due_on = deadline.due_on
    request.decision_sent_on = sent.on if sent else None
    request.save(update_fields=["due_on", "decision_sent_on", "updated_at"])
    return request


@transaction.atomic
def request_assign(*, request: Request, adviser, by=None) -> Request:
    """Assign (or reassign) the adviser: grants their object permissions, revokes the previous one's."""
    previous = request.adviser
    if (
        adviser is not None
        and not permissions.is_adviser(adviser)
        and not permissions.is_coordinator(adviser)
    ):
        raise ValidationError(
            {"adviser": "Alleen een jurist of coördinator kan een zaak behandelen."}
        )
    if previous is not None and previous != adviser:
        permissions.revoke_case(previous, request)
    if adviser is not None:
        permissions.grant_case(adviser, request)
    request.adviser = adviser
    request.save(update_fields=["adviser", "updated_at"])
    audit(
        request=request,
        actor=by,
        action="adviser_assigned",
        obj=request,
        adviser=getattr(adviser, "username", None),
        previous=getattr(previous, "username", None),
    )
    return request


@transaction.atomic
def request_update(*, request: Request, by=None, **fields) -> Request:
    """Edit the request's recorded data (requester, subject, text, regime override)."""
    allowed = {
        "requester_name",
        "requester_salutation",
        "requester_email",
        "requester_address",
        "requester_organisation",
        "requester_reference",
        "subject",
        "request_text",
        "channel",
        "period",
        "preferred_format",
    }
    changed = {}
    for name, value in fields.items():
        if name == "regime":
            if value not in ("wob", "woo"):
                raise ValidationError({"regime": "Kies Wob of Woo."})
            if value != request.regime:
                changed["regime"] = [request.regime, value]
                request.regime = value
                request.regime_overridden = True
            continue
        if name not in allowed:
            raise ValidationError({name: "Dit veld kan hier niet worden gewijzigd."})
        if getattr(request, name) != value:
            changed[name] = [str(getattr(request, name)), str(value)]
            setattr(request, name, value)
    request.full_clean()
    request.save()
    request_refresh(request=request)
    if changed:
        audit(request=request, actor=by, action="request_updated", obj=request, changed=changed)
    return request
