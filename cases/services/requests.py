"""Services for the request itself: register, record a timeline step, assign, refresh caches."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from cases import clock, deadlines, lifecycle, permissions
from cases.models import AuditRecord, Event, Organisation, Point, Request
from cases.point_parser import parse_points
from cases.selectors import clock_settings, request_clock

NEW_EVENT = "new"  # the clock's key for the step being recorded
SUSPENSION_REASON_LABELS = Event._meta.get_field("suspension_reason").choices


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
    case_kind: str = "informatieverzoek",
    kamer: dict | None = None,
) -> Request:
    """Register a received request: kenmerk, regime, points parsed from the text, 'received' event.

    Kamervragen (issue 14): case_kind "kamervragen", regime "rvo", and `kamer` the Kamer fields
    (kamer_party, kamer_addressee, kamer_reference, coordinating_department,
    contributing_departments); the member is the requester, the questions the points."""
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
        case_kind=case_kind,
        **(kamer or {}),
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
        note=(
            f"Ingezonden door het lid {request.requester_name} (kenmerk Tweede Kamer "
            f"{request.kamer_reference or '–'})."
            if case_kind == "kamervragen"
            else f"Ontvangen via {request.get_channel_display()}."
        ),
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
    elif event_type.accepts_until:
        if until is not None and until < on:
            raise ValidationError({"until": "De termijn eindigt vóór de datum van de stap."})
    else:
        until = None
    last = (
        request.events.exclude(type__in=["contact", "note", "suspension"])
        .filter(voided_at__isnull=True)
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
        new_status = lifecycle.next_status(request.status, type, request.case_kind)
    except lifecycle.TransitionRefused as exc:
        raise ValidationError({"type": str(exc)})

    # The law applied is the one in force on the decision date (domain.md, top).
    regime = request.regime
    if type == "decision_sent" and not request.regime_overridden:
        regime = deadlines.regime_for(request.received_on, on)
    # The case clock judges the step with the timeline it joins: a verdaging after the (extended)
    # first term or a second one, a suspension after the term ran out, a premature
    # ingebrekestelling, an early beroep, a late bezwaar: recorded, with its warning.
    candidate = clock.ClockEvent(
        type=type,
        on=on,
        until=until,
        reason=suspension_reason if type == "suspension" else "",
        reason_label=dict(SUSPENSION_REASON_LABELS).get(suspension_reason, "")
        if type == "suspension"
        else "",
        key=NEW_EVENT,
    )
    judged = request_clock(request, today=now, extra_events=[candidate], regime=regime)
    warning = "\n".join(judged.notes_for(NEW_EVENT))
    has_effect = judged.has_effect(NEW_EVENT)
    if type in ("adjourned", "uitstel_sent") and not has_effect:
        new_status = request.status  # a late verdaging / uitstelbericht: recorded, no effect
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
    request.regime = regime
    request.save(update_fields=["status", "regime", "updated_at"])
    request_refresh(request=request, on=now)
    if type in lifecycle.REQUESTER_NOTICE_EVENTS and has_effect and request.requester_email:
        from redaction.jobs import enqueue_task  # outbox: a broker outage never fails the step

        enqueue_task("cases.tasks.notify_requester_task", [event.pk], request=request)
    return event


def request_refresh(
    *, request: Request, on: date | None = None, settings: clock.ClockSettings | None = None
) -> Request:
    """Recompute the cached deadline and decision date from the timeline (never typed in): both
    read from the one clock result."""
    result = request_clock(request, today=on, settings=settings)
    request.due_on = result.due_on
    request.decision_sent_on = result.decision_sent_on
    request.save(update_fields=["due_on", "decision_sent_on", "updated_at"])
    return request


def deadlines_refresh_open(
    *, organisation: Organisation | None = None, on: date | None = None
) -> int:
    """Recompute every open case's cached deadline: nightly, and when a holiday or an organisation
    setting the clock depends on changes. Returns the number of cases refreshed."""
    from cases.selectors import holidays_active

    qs = Request.objects.filter(status__in=lifecycle.OPEN_STATUSES).select_related("organisation")
    if organisation is not None:
        qs = qs.filter(organisation=organisation)
    holidays = holidays_active()
    settings: dict[int, clock.ClockSettings] = {}
    count = 0
    for request in qs.prefetch_related("events").iterator(chunk_size=200):
        if request.organisation_id not in settings:
            settings[request.organisation_id] = clock_settings(
                request.organisation, holidays=holidays
            )
        request_refresh(request=request, on=on, settings=settings[request.organisation_id])
        count += 1
    return count


def _status_from_timeline(request: Request) -> str:
    """Replay the steps that are not voided and had legal effect through the transition table."""
    status = "ontvangen"
    for e in request.events.filter(voided_at__isnull=True).order_by("on", "id"):
        if e.type == "received" or not e.has_legal_effect:
            continue
        try:
            status = lifecycle.next_status(status, e.type)
        except lifecycle.TransitionRefused:
            continue
    return status


@transaction.atomic
def event_void(*, event: Event, reason: str, by=None, actor_label: str = "") -> Event:
    """Void a mistaken step with a reason (adviser of the case or coordinator). It stays on the
    timeline and in the audit as voided; the clock ignores it; status and deadline are recomputed."""
    request = Request.objects.select_for_update().get(pk=event.request_id)
    event = Event.objects.select_for_update().get(pk=event.pk)
    if by is not None and not permissions.can_edit(by, request):
        raise ValidationError(
            "Alleen de behandelend jurist of een coördinator kan een stap vervallen verklaren."
        )
    if event.voided_at is not None:
        raise ValidationError("Deze stap is al vervallen verklaard.")
    if event.type == "received":
        raise ValidationError(
            "De ontvangst van het verzoek kan niet vervallen worden verklaard; registreer het "
            "verzoek zo nodig opnieuw."
        )
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Geef de reden waarom deze stap vervalt."})
    had_effect = event.has_legal_effect
    event.voided_at = timezone.now()
    event.voided_by = by if getattr(by, "pk", None) else None
    event.void_reason = reason[:2000]
    event.has_legal_effect = False
    event.save(update_fields=["voided_at", "voided_by", "void_reason", "has_legal_effect"])
    before = request.status
    request.status = _status_from_timeline(request)
    request.save(update_fields=["status", "updated_at"])
    request_refresh(request=request)
    audit(
        request=request,
        actor=by,
        action="event_voided",
        obj=event,
        type=event.type,
        on=event.on.isoformat(),
        reason=reason,
        had_legal_effect=had_effect,
        status_before=before,
        status_after=request.status,
        actor_label=actor_label,
    )
    return event


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
    if request.case_kind == "kamervragen":  # issue 14: the Kamer's data of the set
        allowed |= {
            "kamer_party",
            "kamer_addressee",
            "kamer_reference",
            "coordinating_department",
            "contributing_departments",
        }
    changed = {}
    for name, value in fields.items():
        if name == "regime" and request.case_kind == "kamervragen":
            raise ValidationError(
                {
                    "regime": "Kamervragen vallen onder het Reglement van Orde, niet onder Wob of Woo."
                }
            )
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
