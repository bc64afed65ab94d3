"""Services for letters: build the context from the case, render a new version, mark as sent."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from cases import clock, consistency
from cases import grounds as grounds_catalogue
from cases.letters import (
    ALL_LETTER_KINDS,
    KAMER_KINDS,
    LetterError,
    render_inventory,
    render_letter,
)
from cases.letters import kamer as kamer_letters
from cases.letters.context import (
    AnswerInfo,
    DocumentInfo,
    EventInfo,
    GroundUse,
    HandlerInfo,
    KamerInfo,
    LetterContext,
    OrganisationInfo,
    PartyInfo,
    PointInfo,
    RequesterInfo,
)
from cases.letters.wording import ADJOURNMENT_REASONS, format_date
from cases.letters_pdf import PdfUnavailable, docx_to_pdf
from cases.models import GroundMotivation, Letter, Request, ThirdParty
from cases.models.letter import THIRD_PARTY_KINDS
from cases.selectors import (
    answers_ordered,
    clock_events,
    clock_settings,
    documents_ordered,
    request_clock,
    request_deadline,
)
from cases.services.approval import approval_send_problem  # four eyes (issue 13, item 4)
from cases.services.documents import delivery_problems, stored_file_put
from cases.services.requests import audit, request_transition, today

# What marking a letter as sent records on the timeline (event types of cases.lifecycle). The
# notices to the requester about a suspension and the kennisgeving to a third party have no event
# type of their own yet: they are recorded as "contact" (with the requester) and "note".
SENT_EVENT = {
    "ontvangstbevestiging": "acknowledged",
    "verdagingsbrief": "adjourned",
    "besluit": "decision_sent",
    "precisering": "precisering_asked",
    "doorzendbrief": "forwarded",  # "forwarded_partly" when only some points are forwarded
    "doorzending_orgaan": "forwarded",
    "zienswijzeverzoek": "zienswijze_asked",
    "opschorting": "contact",
    "einde_opschorting": "contact",
    "kennisgeving_derde": "note",
    # Kamervragen (issue 14): the uitstelbericht, and the aanbiedingsbrief that sends the answers.
    "uitstelbericht": "uitstel_sent",
    "aanbiedingsbrief": "answers_sent",
    "antwoorden": "note",
}
# Default reply terms (Woo art. 4.1 lid 5 / Awb 4:5, Awb 4:8): the case clock's house default.
DEFAULT_REPLY_DAYS = clock.DEFAULT_REPLY_DAYS


def motivations_for(request: Request) -> dict[str, str]:
    """The motivation per ground: the adviser's version, else the catalogue's standard text."""
    own = {m.code: m.text for m in GroundMotivation.objects.filter(request=request)}
    used = sorted({code for d in request.documents.all() for code in d.grounds})
    if request.regime == "woo" and five_year_documents_of(request):
        used.append("5.3")  # Woo art. 5.3 triggered: extra motivation, editable on the tab
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
def motivation_write(
    *, request: Request, code: str, text: str, by=None, disclose_on: date | None = None
) -> GroundMotivation:
    """The adviser's motivation of one ground; for Woo art. 5.1 lid 4 also the date on which the
    information is made public after all (the besluit prints it)."""
    try:
        ground = grounds_catalogue.parse_ground(code, regime=request.regime)
    except ValueError as exc:
        raise ValidationError({"code": str(exc)})
    defaults = {"text": text.strip()}
    if ground.code == "5.1.4":
        if disclose_on is not None and disclose_on <= request.received_on:
            raise ValidationError(
                {
                    "disclose_on": "De datum van openbaarmaking moet na de ontvangst van het verzoek liggen."
                }
            )
        defaults["disclose_on"] = disclose_on
    obj, _ = GroundMotivation.objects.update_or_create(
        request=request, code=ground.code, defaults=defaults
    )
    audit(
        request=request,
        actor=by,
        action="motivation_written",
        obj=obj,
        code=ground.code,
        disclose_on=disclose_on.isoformat() if disclose_on else None,
    )
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


def five_year_documents_of(request: Request, on: date | None = None) -> tuple[str, ...]:
    """Woo art. 5.3 for a case: documents refused on a relative ground or 5.2 that are older than
    five years at `on` (the decision date; default today)."""
    from cases.letters.render import five_year_documents

    ctx = LetterContext(
        kind="besluit",
        regime=request.regime,
        reference=request.reference,
        letter_date=on or today(),
        organisation=OrganisationInfo(name=""),
        requester=RequesterInfo(name=""),
        handler=HandlerInfo(),
        subject="",
        received_on=request.received_on,
        documents=tuple(_document_info(d) for d in documents_ordered(request)),
    )
    return five_year_documents(ctx)


def _document_info(d) -> DocumentInfo:
    return DocumentInfo(
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


def _party(tp: ThirdParty) -> PartyInfo:
    return PartyInfo(
        name=tp.name,
        salutation=tp.salutation,
        contact_person=tp.contact_person,
        address=tp.address,
        email=tp.email,
        documents=tuple(d.number for d in tp.documents.all()),
    )


def _deadline_if(request: Request, event_type: str, on: date):
    """The case clock as it would be if `event_type` were recorded on `on` (a verdaging or
    uitstel announced in the letter being made): computed, nothing is written."""
    return request_clock(
        request, extra_events=[clock.ClockEvent(type=event_type, on=on, key="new")]
    )


def _adjourned_event(request: Request):
    return (
        request.events.filter(type="adjourned", has_legal_effect=True).order_by("on", "id").first()
    )


def _adjournment_choice(request: Request, options: dict) -> tuple[tuple[str, ...], str]:
    """The verdaging reasons: chosen now, else those of the letter that announced it."""
    reasons = tuple(options.get("adjournment_reasons") or ())
    sentence = (options.get("adjournment_sentence") or "").strip()
    if reasons:
        return reasons, sentence
    for letter in request.letters.filter(
        kind__in=("verdagingsbrief", "ontvangstbevestiging")
    ).order_by("-sent_on", "-version"):
        if letter.options.get("adjournment_reasons") and (letter.sent_on or not reasons):
            return tuple(letter.options["adjournment_reasons"]), letter.options.get(
                "adjournment_sentence", ""
            )
    return (), sentence


def _iso(value) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ValidationError(f"Ongeldige datum: {value}.")


def _clean_options(request: Request, kind: str, options: dict | None, letter_date: date) -> dict:
    """Validate and normalise what the adviser chose for this letter (JSON-safe)."""
    options = dict(options or {})
    out: dict = {}
    reasons = [r for r in options.get("adjournment_reasons") or () if r]
    unknown = sorted(set(reasons) - set(ADJOURNMENT_REASONS))
    if unknown:
        raise ValidationError(
            f"Onbekende reden van verdaging: {', '.join(unknown)}; kies omvang of gecompliceerdheid."
        )
    if reasons:
        out["adjournment_reasons"] = [r for r in ADJOURNMENT_REASONS if r in reasons]
    if (options.get("adjournment_sentence") or "").strip():
        out["adjournment_sentence"] = " ".join(str(options["adjournment_sentence"]).split())
    if kind == "ontvangstbevestiging" and options.get("adjourn"):
        out["adjourn"] = True
    if kind in ("precisering", "zienswijzeverzoek", "opschorting"):
        reply = _iso(options.get("reply_due_on"))
        if reply is None and kind != "opschorting":
            reply = clock.default_reply_due(letter_date)
        if reply is not None:
            out["reply_due_on"] = reply.isoformat()
    if kind == "precisering":
        out["question"] = (options.get("question") or "").strip()
    if kind in KAMER_KINDS and (options.get("signatory") or "").strip():
        out["signatory"] = " ".join(str(options["signatory"]).split())
    if kind in ("doorzendbrief", "doorzending_orgaan"):
        out["organ_name"] = " ".join(str(options.get("organ_name") or "").split())
        out["organ_address"] = str(options.get("organ_address") or "").strip()
        points = sorted({int(n) for n in options.get("points") or () if str(n).strip()})
        known = set(request.points.values_list("number", flat=True))
        missing = [n for n in points if n not in known]
        if missing:
            raise ValidationError(
                f"Punt {', '.join(map(str, missing))} bestaat niet in dit verzoek."
            )
        if points and set(points) == known:
            points = []  # every point: the whole request is forwarded
        out["points"] = points
    return out


def letter_context(
    request: Request,
    kind: str,
    letter_date: date,
    *,
    options: dict | None = None,
    third_party: ThirdParty | None = None,
) -> LetterContext:
    options = options or {}
    org = request.organisation
    deadline = request_deadline(request)
    adviser = request.adviser
    profile = getattr(adviser, "staff_profile", None) if adviser else None
    documents = list(documents_ordered(request))
    motivations = motivations_for(request)
    own = {m.code: m for m in GroundMotivation.objects.filter(request=request)}
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
                disclose_on=own[code].disclose_on if code in own else None,
            )
        )
    third_parties = [
        _party(tp) for tp in request.third_parties.prefetch_related("documents").order_by("id")
    ]
    reasons, sentence = _adjournment_choice(request, options)
    adjourned_event = _adjourned_event(request)
    adjourned = False
    adjourned_due_on = deadline.due_on if deadline.adjournment_valid else None
    due_on = deadline.due_on
    if kind == "ontvangstbevestiging":
        # Announce the verdaging only when it is made in this very letter or was made on or before
        # its date: an acknowledgement dated before the verdaging does not know of it.
        if options.get("adjourn") and adjourned_event is None:
            adjourned = True
            adjourned_due_on = _deadline_if(request, "adjourned", letter_date).due_on
        elif adjourned_event is not None and deadline.adjournment_valid:
            adjourned = adjourned_event.on <= letter_date
        if not adjourned:
            reasons, sentence = (), ""
            if adjourned_event is not None and adjourned_event.on > letter_date:
                due_on = _deadline_without_adjournment(request, deadline)
    if kind == "verdagingsbrief" and adjourned_event is None:
        adjourned_due_on = _deadline_if(request, "adjourned", letter_date).due_on
    zienswijze_received = (
        request.events.filter(type="zienswijze_received").order_by("-on", "-id").first()
    )
    sent_besluit = (
        request.letters.filter(kind="besluit", sent_on__isnull=False).order_by("-sent_on").first()
    )
    reply_due_on = _iso(options.get("reply_due_on"))
    if kind == "opschorting" and reply_due_on is None:
        asked = (
            request.letters.filter(kind="zienswijzeverzoek")
            .exclude(options__reply_due_on=None)
            .order_by("-version")
            .first()
        )
        reply_due_on = _iso(asked.options.get("reply_due_on")) if asked else None
    organ = None
    if options.get("organ_name"):
        organ = PartyInfo(name=options["organ_name"], address=options.get("organ_address", ""))
    addressee = _party(third_party) if third_party is not None else None
    if kind == "doorzending_orgaan":
        addressee = organ
    copy_to = (
        tuple(p.name for p in third_parties) if kind in ("besluit", "kennisgeving_derde") else ()
    )
    if kind == "kennisgeving_derde" and addressee is not None:
        copy_to = ()
    kamer_info = None
    if request.is_kamervragen:
        answer_due_on = None
        if kind == "uitstelbericht":
            timely = deadline.adjourned_on is not None and deadline.adjournment_valid
            if not timely:
                after = _deadline_if(request, "uitstel_sent", letter_date)
                if after.adjournment_valid:
                    answer_due_on = after.due_on
            else:
                answer_due_on = deadline.due_on
        kamer_info = KamerInfo(
            member=request.requester_name,
            party=request.kamer_party,
            addressee=request.kamer_addressee,
            kamer_reference=request.kamer_reference,
            submitted_on=request.received_on,
            signatory=options.get("signatory", ""),
            uitstel_reason=options.get("adjournment_sentence", ""),
            answer_due_on=answer_due_on,
        )
    return LetterContext(
        kamer=kamer_info,
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
            AnswerInfo(
                points=tuple(a.point_numbers), text=a.text, outcome=a.outcome, location=a.location
            )
            for a in answers_ordered(request)
        ),
        documents=tuple(_document_info(d) for d in documents),
        events=tuple(
            EventInfo(type=e.type, on=e.on, until=e.until, note=e.note)
            for e in request.events.all()
            if e.has_legal_effect
        ),
        grounds_used=tuple(grounds_used),
        # the first term as extended by a suspension that began while it ran (cases/clock.py)
        first_term_ends_on=deadline.adjournment_limit or deadline.first_term_ends_on,
        due_on=due_on,
        adjourned=adjourned,
        adjournment_reasons=reasons if kind in ("verdagingsbrief", "ontvangstbevestiging") else (),
        adjournment_sentence=sentence
        if kind in ("verdagingsbrief", "ontvangstbevestiging")
        else "",
        adjourned_due_on=adjourned_due_on,
        attachments=("Inventarislijst",) if kind == "besluit" and documents else (),
        copy_to=copy_to,
        publication_url=org.publication_url,
        third_parties=tuple(third_parties),
        addressee=addressee,
        reply_due_on=reply_due_on,
        precisering_question=options.get("question", ""),
        precisering_suspends=request.regime == "wob" or org.precisering_suspends_woo,
        forwarded_points=tuple(options.get("points") or ()),
        forwarded_to=organ,
        decision_sent_on=sent_besluit.sent_on if sent_besluit else None,
        zienswijze_received_on=zienswijze_received.on if zienswijze_received else None,
    )


def _deadline_without_adjournment(request: Request, deadline) -> date:
    """The due date before the verdaging (for an acknowledgement dated before it): the clock
    over the timeline without that step (computed, nothing is written)."""
    adjourned = _adjourned_event(request)
    events = [e for e in clock_events(request.events.all()) if e.key != adjourned.pk]
    return clock.compute(
        events=events,
        regime=request.regime,
        received_on=request.received_on,
        settings=clock_settings(request.organisation),
        today=timezone.localdate(),
        status=request.status,
        case_kind=request.case_kind,
    ).due_on


def _ground_order(code: str) -> tuple:
    ground = grounds_catalogue.GROUNDS.get(code)
    order = list(grounds_catalogue.GROUNDS)
    return (order.index(code) if ground else 10**6, code)


@transaction.atomic
def letter_render(
    *,
    request: Request,
    kind: str,
    fmt: str = "docx",
    letter_date: date | None = None,
    by=None,
    options: dict | None = None,
    third_party: ThirdParty | None = None,
) -> Letter:
    """Render a new version of a letter and store it; earlier versions stay.

    `options` holds what the adviser chooses for the letter (verdaging reasons, reply term, the
    organ a request is forwarded to ...); `third_party` the derde-belanghebbende a
    zienswijzeverzoek or kennisgeving is addressed to."""
    if kind not in ALL_LETTER_KINDS:
        raise ValidationError({"kind": f"Onbekende brief '{kind}'."})
    if request.is_kamervragen != (kind in KAMER_KINDS):
        raise ValidationError(
            {
                "kind": (
                    "Bij Kamervragen horen de aanbiedingsbrief, het uitstelbericht en de antwoorden."
                    if request.is_kamervragen
                    else "Deze brief hoort bij Kamervragen, niet bij een Woo/Wob-verzoek."
                )
            }
        )
    allowed_formats = ("docx", "csv", "xlsx") if kind == "inventarislijst" else ("docx",)
    if fmt not in allowed_formats:
        raise ValidationError(
            {
                "format": f"Formaat '{fmt}' kan niet voor deze brief; kies {', '.join(allowed_formats)}."
            }
        )
    if kind in THIRD_PARTY_KINDS:
        if third_party is None:
            raise ValidationError(
                {"third_party": "Kies de derde-belanghebbende aan wie deze brief is gericht."}
            )
        if third_party.request_id != request.pk:
            raise ValidationError("Deze derde-belanghebbende hoort bij een ander verzoek.")
    else:
        third_party = None
    letter_date = letter_date or today()
    clean = _clean_options(request, kind, options, letter_date)
    ctx = letter_context(request, kind, letter_date, options=clean, third_party=third_party)
    if kind in ("verdagingsbrief", "ontvangstbevestiging") and ctx.adjournment_reasons:
        clean["adjournment_reasons"] = list(ctx.adjournment_reasons)
        if ctx.adjournment_sentence:
            clean["adjournment_sentence"] = ctx.adjournment_sentence
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
    if kind in KAMER_KINDS:
        problems = [
            {"rule": "kamer_cross_reference", "message": m, "target": ""}
            for m in kamer_letters.problems(ctx)
        ]
        if kind == "uitstelbericht" and ctx.kamer.answer_due_on is None:
            problems.append(
                {
                    "rule": "kamer_uitstel_late",
                    "message": "De termijn van drie weken is al verstreken: dit uitstelbericht "
                    "geeft geen verdere drie weken (art. 12.2 RvO TK).",
                    "target": "",
                }
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
        options=clean,
        third_party=third_party,
    )
    audit(
        request=request, actor=by, action="letter_rendered", obj=letter, kind=kind, version=version
    )
    return letter


def _sent_event(letter: Letter) -> str | None:
    event_type = SENT_EVENT.get(letter.kind)
    if letter.kind in ("doorzendbrief", "doorzending_orgaan"):
        partly = bool(letter.options.get("points"))
        event_type = "forwarded_partly" if partly else "forwarded"
        # One forwarding, two letters: the second one sent records no second event.
        if letter.request.events.filter(type=event_type).exists():
            return None
    return event_type


def _sent_note(letter: Letter) -> str:
    label = f"{letter.get_kind_display()} versie {letter.version} verzonden"
    if letter.third_party_id:
        label += f" aan {letter.third_party.name}"
    if letter.options.get("organ_name"):
        label += f" ({letter.options['organ_name']})"
    return label + "."


@transaction.atomic
def letter_mark_sent(*, letter: Letter, on: date, by=None, note: str = "") -> Letter:
    """Freeze a letter as sent and record its event; the besluit's send date is the bekendmaking
    (the only path to it: cases.services.requests.request_transition refuses 'decision_sent'
    from anywhere else). The requester receives the besluit as PDF, made and stored here."""
    given, letter = letter, Letter.objects.select_for_update().get(pk=letter.pk)
    if letter.is_sent:
        raise ValidationError("Deze brief is al als verzonden gemarkeerd.")
    if letter.kind == "inventarislijst":
        raise ValidationError(
            "De inventarislijst wordt verzonden als bijlage bij het besluit, niet los."
        )
    request = letter.request
    if on < letter.letter_date:
        raise ValidationError(
            f"De verzenddatum ligt vóór de briefdatum ({format_date(letter.letter_date)})."
        )
    if letter.kind == "besluit":
        newer = request.letters.filter(kind="besluit", version__gt=letter.version).exists()
        if newer:
            raise ValidationError(
                "Er is een nieuwere versie van het besluit; verzend de laatste versie."
            )
        problems = decision_problems(request)
        if problems:
            raise ValidationError(
                "Het besluit kan niet worden verzonden zolang de controle problemen meldt: "
                + " ".join(p.message for p in problems[:5])
            )
    if approval_send_problem(letter):
        raise ValidationError(approval_send_problem(letter))
    if letter.kind == "aanbiedingsbrief":
        from cases.services.kamer import send_problems

        newer = request.letters.filter(kind="aanbiedingsbrief", version__gt=letter.version)
        if newer.exists():
            raise ValidationError(
                "Er is een nieuwere versie van de aanbiedingsbrief; verzend de laatste versie."
            )
        problems = send_problems(request)
        if problems:
            raise ValidationError(
                "De antwoorden kunnen nog niet naar de Kamer: " + " ".join(problems)
            )
        if request.answers.filter(updated_at__gt=letter.created_at).exists():
            raise ValidationError(
                "Een antwoord is gewijzigd nadat deze aanbiedingsbrief is gemaakt; maak de brief "
                "opnieuw zodat de Kamer de goedgekeurde tekst ontvangt."
            )
    if (
        letter.kind == "kennisgeving_derde"
        and not request.letters.filter(kind="besluit", sent_on__isnull=False).exists()
    ):
        raise ValidationError(
            "Verzend eerst het besluit; de kennisgeving aan de derde gaat gelijktijdig mee "
            "(art. 4.4 lid 6 Woo)."
        )
    if letter.kind == "besluit":
        try:
            pdf = docx_to_pdf(letter.file.read())
        except PdfUnavailable as exc:
            raise ValidationError(
                "Het besluit kan niet worden verzonden: de verzoeker ontvangt het als PDF en die "
                f"kon niet worden gemaakt. {exc}"
            )
        letter.pdf_file = stored_file_put(pdf)
    event_type = _sent_event(letter)
    if event_type:
        request_transition(
            request=request,
            type=event_type,
            on=on,
            note=note or _sent_note(letter),
            by=by,
            via_letter=event_type == "decision_sent",
        )
    if (
        letter.kind == "ontvangstbevestiging"
        and letter.options.get("adjourn")
        and _adjourned_event(request) is None
    ):
        # The verdaging announced in this acknowledgement (seeds 000, 001, 004).
        request_transition(
            request=request,
            type="adjourned",
            on=on,
            note=f"Verdaagd in de ontvangstbevestiging (versie {letter.version}).",
            by=by,
        )
    letter.sent_on = on
    letter.sent_by = by if getattr(by, "pk", None) else None
    letter.save(update_fields=["sent_on", "sent_by", "pdf_file"])
    audit(request=request, actor=by, action="letter_sent", obj=letter, on=on.isoformat())
    if letter.kind == "besluit":  # issue 11 item 3: what the requester receives is frozen now
        from cases.services.publication import release_freeze

        release_freeze(besluit=letter, by=by)
    given.sent_on, given.sent_by, given.pdf_file = letter.sent_on, letter.sent_by, letter.pdf_file
    return given


class LetterNotForRequester(ValueError):
    """A letter the requester does not receive, or one not sent yet; Dutch message."""


def letter_pdf_for_requester(letter: Letter) -> bytes:
    """What the requester receives of a sent letter: always a PDF, never the editable .docx
    (issue 12, item 7). The besluit's PDF is frozen at sending; another sent letter to the
    requester is converted now (LibreOffice). PdfUnavailable (Dutch message) without LibreOffice."""
    if not letter.is_sent:
        raise LetterNotForRequester("Deze brief is nog niet verzonden.")
    if letter.kind in THIRD_PARTY_KINDS or letter.kind == "doorzending_orgaan":
        raise LetterNotForRequester("Deze brief is niet aan de verzoeker gericht.")
    if letter.pdf_file_id:
        return letter.pdf_file.read()
    if letter.format != "docx":
        raise LetterNotForRequester("Deze brief is geen Word-document.")
    return docx_to_pdf(letter.file.read())


# --- derde-belanghebbenden -----------------------------------------------------------------------


@transaction.atomic
def third_party_write(
    *,
    request: Request,
    name: str,
    address: str = "",
    email: str = "",
    salutation: str = "",
    contact_person: str = "",
    document_numbers=(),
    third_party: ThirdParty | None = None,
    by=None,
) -> ThirdParty:
    """Record (or edit) a derde-belanghebbende with the documents that concern them."""
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError({"name": "Vul de naam van de derde-belanghebbende in."})
    if not (address or "").strip() and not (email or "").strip():
        raise ValidationError(
            {"address": "Vul een postadres of e-mailadres in: de derde moet brieven ontvangen."}
        )
    if salutation not in ("", "heer", "mevrouw"):
        raise ValidationError({"salutation": "Kies 'heer', 'mevrouw' of laat de aanhef leeg."})
    numbers = [str(n).strip() for n in document_numbers if str(n).strip()]
    docs = list(request.documents.filter(number__in=numbers))
    missing = sorted(set(numbers) - {d.number for d in docs})
    if missing:
        raise ValidationError(
            {"documents": f"Document {', '.join(missing)} staat niet op de lijst van dit verzoek."}
        )
    if third_party is None:
        third_party = ThirdParty(request=request)
    elif third_party.request_id != request.pk:
        raise ValidationError("Deze derde-belanghebbende hoort bij een ander verzoek.")
    third_party.name = name
    third_party.address = (address or "").strip()
    third_party.email = (email or "").strip()
    third_party.salutation = salutation
    third_party.contact_person = " ".join((contact_person or "").split())
    try:
        third_party.full_clean(exclude=["request"])
    except ValidationError as exc:
        raise ValidationError(exc.message_dict)
    third_party.save()
    third_party.documents.set(docs)
    audit(
        request=request,
        actor=by,
        action="third_party_written",
        obj=third_party,
        name=name,
        documents=sorted(d.number for d in docs),
    )
    return third_party


@transaction.atomic
def third_party_delete(*, third_party: ThirdParty, by=None) -> None:
    if third_party.letters.exists():
        raise ValidationError(
            "Aan deze derde-belanghebbende zijn al brieven gemaakt; verwijderen kan niet meer."
        )
    request = third_party.request
    audit(
        request=request,
        actor=by,
        action="third_party_deleted",
        obj=third_party,
        name=third_party.name,
    )
    third_party.delete()


# Letters the requester never receives: those to a third party or to another organ, and the
# inventarislijst (a bijlage of the besluit).
NOT_FOR_REQUESTER = (*THIRD_PARTY_KINDS, "doorzending_orgaan", "inventarislijst")


def requester_letters(request: Request):
    """The sent letters addressed to the requester (for the portal): never a letter to a
    derde-belanghebbende or to another bestuursorgaan."""
    return request.letters.filter(sent_on__isnull=False).exclude(kind__in=NOT_FOR_REQUESTER)
