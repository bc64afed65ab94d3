"""Services for letters: build the context from the case, render a new version, mark as sent."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from cases import consistency
from cases import grounds as grounds_catalogue
from cases.letters import LETTER_KINDS, LetterError, render_inventory, render_letter
from cases.letters.context import (
    AnswerInfo,
    DocumentInfo,
    EventInfo,
    GroundUse,
    HandlerInfo,
    LetterContext,
    OrganisationInfo,
    PointInfo,
    RequesterInfo,
)
from cases.models import GroundMotivation, Letter, Request
from cases.selectors import answers_ordered, documents_ordered, request_deadline
from cases.services.documents import delivery_problems, stored_file_put
from cases.services.requests import audit, request_transition, today

# What marking a letter as sent records on the timeline.
SENT_EVENT = {
    "ontvangstbevestiging": "acknowledged",
    "verdagingsbrief": "adjourned",
    "besluit": "decision_sent",
}


def motivations_for(request: Request) -> dict[str, str]:
    """The motivation per ground: the adviser's version, else the catalogue's standard text."""
    own = {m.code: m.text for m in GroundMotivation.objects.filter(request=request)}
    used = sorted({code for d in request.documents.all() for code in d.grounds})
    result = {}
    for code in used:
        if own.get(code, "").strip():
            result[code] = own[code]
        elif code in grounds_catalogue.GROUNDS:
            result[code] = grounds_catalogue.GROUNDS[code].motivation
        else:
            result[code] = ""
    return result


@transaction.atomic
def motivation_write(*, request: Request, code: str, text: str, by=None) -> GroundMotivation:
    try:
        ground = grounds_catalogue.parse_ground(code, regime=request.regime)
    except ValueError as exc:
        raise ValidationError({"code": str(exc)})
    obj, _ = GroundMotivation.objects.update_or_create(
        request=request, code=ground.code, defaults={"text": text.strip()}
    )
    audit(request=request, actor=by, action="motivation_written", obj=obj, code=ground.code)
    return obj


def decision_problems(request: Request) -> list[consistency.Problem]:
    """The consistency check before a besluit can be finalised (issue: letters, point 4)."""
    points = [consistency.PointRef(number=p.number) for p in request.points.all()]
    answers = [
        consistency.AnswerRef(points=tuple(a.point_numbers)) for a in answers_ordered(request)
    ]
    documents = [
        consistency.DocumentRef(
            number=d.number,
            judgement=d.judgement or None,
            grounds=tuple(d.grounds),
            location=d.location,
            duplicate_of=d.duplicate_of.number if d.duplicate_of else None,
        )
        for d in documents_ordered(request)
    ]
    return consistency.check_decision(
        regime=request.regime,
        points=points,
        answers=answers,
        documents=documents,
        motivations=motivations_for(request),
    ) + delivery_problems(request)  # issue 11 items 1, 4: stale or mismatched release files


def letter_context(request: Request, kind: str, letter_date: date) -> LetterContext:
    org = request.organisation
    deadline = request_deadline(request)
    adviser = request.adviser
    profile = getattr(adviser, "staff_profile", None) if adviser else None
    documents = list(documents_ordered(request))
    motivations = motivations_for(request)
    grounds_used = []
    for code in sorted(motivations, key=_ground_order):
        ground = grounds_catalogue.GROUNDS.get(code)
        grounds_used.append(
            GroundUse(
                code=code,
                words=ground.words if ground else code,
                label=ground.label if ground else "",
                motivation=motivations[code],
                kind=ground.kind if ground else "",
                documents=tuple(d.number for d in documents if code in d.grounds),
            )
        )
    adjourned = kind == "ontvangstbevestiging" and deadline.adjournment_valid is True
    return LetterContext(
        kind=kind,
        regime=request.regime,
        reference=request.reference,
        letter_date=letter_date,
        organisation=OrganisationInfo(
            name=org.name,
            department=org.department,
            postal_address=org.postal_address,
            bezwaar_addressee=org.bezwaar_addressee,
            bezwaar_address=org.bezwaar_address,
            signature_lines=tuple(org.signature_line_list),
            contact_line=org.contact_line,
            website=org.website,
        ),
        requester=RequesterInfo(
            name=request.requester_name,
            salutation=request.requester_salutation,
            organisation=request.requester_organisation,
            address=request.requester_address,
            email=request.requester_email,
            reference=request.requester_reference,
        ),
        handler=HandlerInfo(
            name=adviser.get_full_name() or adviser.username if adviser else "",
            function=profile.function if profile else "",
            phone=(profile.phone if profile and profile.phone else org.phone),
            email=adviser.email if adviser and adviser.email else org.email,
        ),
        subject=request.subject,
        received_on=request.received_on,
        request_text=request.request_text,
        channel=request.get_channel_display(),
        points=tuple(PointInfo(number=p.number, text=p.text) for p in request.points.all()),
        answers=tuple(
            AnswerInfo(points=tuple(a.point_numbers), text=a.text) for a in answers_ordered(request)
        ),
        documents=tuple(
            DocumentInfo(
                number=d.number,
                title=d.title,
                date=d.date,
                judgement=d.judgement,
                grounds=tuple(d.grounds),
                location=d.location,
                note=d.note,
                duplicate_of=d.duplicate_of.number if d.duplicate_of else "",
                family=d.family,
            )
            for d in documents
        ),
        events=tuple(
            EventInfo(type=e.type, on=e.on, until=e.until, note=e.note)
            for e in request.events.all()
            if e.has_legal_effect
        ),
        grounds_used=tuple(grounds_used),
        # the first term as extended by a suspension that began while it ran (cases/clock.py)
        first_term_ends_on=deadline.adjournment_limit or deadline.first_term_ends_on,
        due_on=deadline.due_on,
        adjourned=adjourned,
        adjournment_reason=_adjournment_reason(request),
        adjourned_due_on=deadline.due_on if deadline.adjournment_valid else None,
        attachments=("Inventarislijst",) if kind == "besluit" and documents else (),
        publication_url=org.publication_url,
    )


def _ground_order(code: str) -> tuple:
    ground = grounds_catalogue.GROUNDS.get(code)
    order = list(grounds_catalogue.GROUNDS)
    return (order.index(code) if ground else 10**6, code)


def _adjournment_reason(request: Request) -> str:
    event = request.events.filter(type="adjourned", has_legal_effect=True).first()
    return event.note if event else ""


@transaction.atomic
def letter_render(
    *, request: Request, kind: str, fmt: str = "docx", letter_date: date | None = None, by=None
) -> Letter:
    """Render a new version of a letter and store it; earlier versions stay."""
    if kind not in LETTER_KINDS:
        raise ValidationError({"kind": f"Onbekende brief '{kind}'."})
    allowed_formats = ("docx", "csv", "xlsx") if kind == "inventarislijst" else ("docx",)
    if fmt not in allowed_formats:
        raise ValidationError(
            {
                "format": f"Formaat '{fmt}' kan niet voor deze brief; kies {', '.join(allowed_formats)}."
            }
        )
    letter_date = letter_date or today()
    ctx = letter_context(request, kind, letter_date)
    try:
        data = render_letter(ctx) if kind != "inventarislijst" else render_inventory(ctx, fmt)
    except LetterError as exc:
        raise ValidationError(str(exc))
    problems = (
        [
            {"rule": p.rule, "message": p.message, "target": p.target}
            for p in decision_problems(request)
        ]
        if kind == "besluit"
        else []
    )
    version = (
        Letter.objects.filter(request=request, kind=kind, format=fmt).aggregate(m=Max("version"))[
            "m"
        ]
        or 0
    ) + 1
    letter = Letter.objects.create(
        request=request,
        kind=kind,
        format=fmt,
        version=version,
        letter_date=letter_date,
        file=stored_file_put(data),
        created_by=by if getattr(by, "pk", None) else None,
        problems=problems,
    )
    audit(
        request=request, actor=by, action="letter_rendered", obj=letter, kind=kind, version=version
    )
    return letter


@transaction.atomic
def letter_mark_sent(*, letter: Letter, on: date, by=None, note: str = "") -> Letter:
    """Freeze a letter as sent; the besluit's send date is the bekendmaking."""
    if letter.is_sent:
        raise ValidationError("Deze brief is al als verzonden gemarkeerd.")
    request = letter.request
    if letter.kind == "besluit":
        problems = decision_problems(request)
        if problems:
            raise ValidationError(
                "Het besluit kan niet worden verzonden zolang de controle problemen meldt: "
                + " ".join(p.message for p in problems[:5])
            )
    event_type = SENT_EVENT.get(letter.kind)
    if event_type:
        request_transition(
            request=request,
            type=event_type,
            on=on,
            note=note or f"{letter.get_kind_display()} versie {letter.version} verzonden.",
            by=by,
        )
    letter.sent_on = on
    letter.sent_by = by if getattr(by, "pk", None) else None
    letter.save(update_fields=["sent_on", "sent_by"])
    audit(request=request, actor=by, action="letter_sent", obj=letter, on=on.isoformat())
    if letter.kind == "besluit":  # issue 11 item 3: what the requester receives is frozen now
        from cases.services.publication import release_freeze

        release_freeze(besluit=letter, by=by)
    return letter
