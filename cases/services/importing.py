"""Import a case from JSON (docs/import_case.md): all or nothing, errors name the field."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from cases.lifecycle import EVENT_TYPES
from cases.models import Organisation, Request
from cases.models.document import JUDGEMENTS
from cases.services.documents import document_create
from cases.services.points import answer_write
from cases.services.requests import request_register, request_transition


class ImportError_(ValueError):
    """Invalid import data; the message names the field."""


def _date(value, field: str, *, not_after: date | None = None, what: str = "") -> date:
    if not isinstance(value, str):
        raise ImportError_(f"{field}: verwacht een datum als JJJJ-MM-DD.")
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        raise ImportError_(f"{field}: '{value[:40]}' is geen geldige datum (JJJJ-MM-DD).")
    if parsed.year < 1900:
        raise ImportError_(f"{field}: {value} is geen mogelijke datum (vóór 1900).")
    if not_after is not None and parsed > not_after:
        raise ImportError_(
            f"{field}: {value} ligt in de toekomst; {what} kan niet na vandaag "
            f"({not_after.isoformat()}) liggen."
        )
    return parsed


def _str(data: dict, key: str, field: str, *, required: bool = False) -> str:
    value = data.get(key, "")
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ImportError_(f"{field}: verwacht tekst.")
    if required and not value.strip():
        raise ImportError_(f"{field}: is verplicht.")
    return value


def _messages(exc: ValidationError) -> str:
    if hasattr(exc, "message_dict"):
        return "; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())
    return " ".join(exc.messages)


def case_import(data: dict, *, by=None, today: date | None = None) -> Request:
    """Create a case with its points, events, answers and documents, or nothing at all."""
    if not isinstance(data, dict):
        raise ImportError_("Het bestand moet één JSON-object bevatten.")
    try:
        with transaction.atomic():
            return _import(data, by=by, today=today)
    except ValidationError as exc:
        raise ImportError_(_messages(exc))


KAMER_EVENTS = ("started", "uitstel_sent", "answers_sent", "withdrawn", "closed", "note", "contact")


def _organisation(data: dict) -> Organisation:
    slug = data.get("organisation")
    if slug:
        organisation = Organisation.objects.filter(slug=slug).first()
        if organisation is None:
            raise ImportError_(f"organisation: onbekende organisatie '{slug}'.")
        return organisation
    organisation = Organisation.objects.order_by("pk").first()
    if organisation is None:
        raise ImportError_("organisation: er is nog geen organisatie ingericht.")
    return organisation


def _import_kamervragen(data: dict, *, by, today: date | None) -> Request:
    """A set of Kamervragen (issue 14; docs/import_case.md): the member, the minister addressed,
    the Kamer's reference, the date ingezonden, the questions, optional answers and events."""
    today_ = today or timezone.localdate()
    if "submitted_on" not in data:
        raise ImportError_("submitted_on: is verplicht (de datum ingezonden).")
    submitted_on = _date(
        data["submitted_on"], "submitted_on", not_after=today_, what="de datum ingezonden"
    )
    member = _str(data, "member", "member", required=True)
    subject = _str(data, "subject", "subject", required=True)
    questions = data.get("questions")
    if not isinstance(questions, list) or not questions:
        raise ImportError_("questions: verwacht een niet-lege lijst van {number, text}.")
    points = []
    for i, q in enumerate(questions):
        if not isinstance(q, dict) or not isinstance(q.get("number"), int) or q["number"] < 1:
            raise ImportError_(f"questions[{i}].number: verwacht een positief geheel getal.")
        points.append((q["number"], _str(q, "text", f"questions[{i}].text", required=True)))
    if len({n for n, _ in points}) != len(points):
        raise ImportError_("questions: elk vraagnummer mag maar één keer voorkomen.")
    contributing = data.get("contributing_departments") or []
    if isinstance(contributing, str):
        contributing = [contributing]
    if not isinstance(contributing, list) or not all(isinstance(c, str) for c in contributing):
        raise ImportError_("contributing_departments: verwacht een lijst namen.")
    events = data.get("events") or []
    if not isinstance(events, list):
        raise ImportError_("events: verwacht een lijst.")
    parsed_events = []
    for i, e in enumerate(events):
        if not isinstance(e, dict):
            raise ImportError_(f"events[{i}]: verwacht een object.")
        etype = e.get("type")
        if etype not in KAMER_EVENTS:
            raise ImportError_(
                f"events[{i}].type: onbekende stap '{etype}' bij Kamervragen; kies uit "
                f"{', '.join(KAMER_EVENTS)}."
            )
        on = _date(e.get("on"), f"events[{i}].on")
        parsed_events.append((on, i, etype, _str(e, "note", f"events[{i}].note")))
    request_text = _str(data, "text", "text") or "\n\n".join(
        f"Vraag {n}\n\n{t}" for n, t in sorted(points)
    )
    request = request_register(
        organisation=_organisation(data),
        received_on=submitted_on,
        requester_name=member,
        subject=subject,
        request_text=request_text,
        channel="post",
        regime="rvo",
        points=points,
        by=by,
        actor_label="import",
        on=today,
        case_kind="kamervragen",
        kamer={
            "kamer_party": _str(data, "party", "party"),
            "kamer_addressee": _str(data, "addressee", "addressee"),
            "kamer_reference": _str(data, "kamer_reference", "kamer_reference"),
            "coordinating_department": _str(
                data, "coordinating_department", "coordinating_department"
            ),
            "contributing_departments": "\n".join(c.strip() for c in contributing if c.strip()),
        },
    )
    for on, i, etype, note in sorted(parsed_events, key=lambda t: (t[0], t[1])):
        try:
            request_transition(
                request=request,
                type=etype,
                on=on,
                note=note,
                by=by,
                actor_label="import",
                today_=today,
            )
        except ValidationError as exc:
            raise ImportError_(f"events[{i}] ({etype} op {on}): {_messages(exc)}")
        request.refresh_from_db()
    for i, a in enumerate(data.get("answers") or []):
        if (
            not isinstance(a, dict)
            or not isinstance(a.get("questions"), list)
            or not all(isinstance(n, int) and not isinstance(n, bool) for n in a["questions"])
        ):
            raise ImportError_(f"answers[{i}].questions: verwacht een lijst vraagnummers.")
        try:
            answer_write(
                request=request,
                point_numbers=a["questions"],
                text=_str(a, "text", f"answers[{i}].text", required=True),
                by=by,
            )
        except ValidationError as exc:
            raise ImportError_(f"answers[{i}]: {_messages(exc).replace('Punt', 'Vraag')}")
    request.refresh_from_db()
    return request


def _import(data: dict, *, by, today: date | None) -> Request:
    kind = data.get("kind")
    if kind not in (None, "", "woo", "wob", "informatieverzoek", "kamervragen"):
        raise ImportError_("kind: kies 'kamervragen' of laat het weg (Woo/Wob-verzoek).")
    if kind == "kamervragen":
        return _import_kamervragen(data, by=by, today=today)
    regime = data.get("regime")
    if regime not in (None, "", "wob", "woo"):
        raise ImportError_("regime: kies 'wob' of 'woo'.")
    if "received_on" not in data:
        raise ImportError_("received_on: is verplicht.")
    today_ = today or timezone.localdate()
    received_on = _date(
        data["received_on"], "received_on", not_after=today_, what="de ontvangstdatum"
    )
    requester = data.get("requester")
    if not isinstance(requester, dict):
        raise ImportError_("requester: verwacht een object met ten minste 'name'.")
    name = _str(requester, "name", "requester.name", required=True)
    salutation = _str(requester, "salutation", "requester.salutation")
    if salutation not in ("heer", "mevrouw", ""):
        raise ImportError_("requester.salutation: kies 'heer', 'mevrouw' of ''.")
    subject = _str(data, "subject", "subject", required=True)
    request_text = _str(data, "request_text", "request_text", required=True)

    slug = data.get("organisation")
    if slug:
        organisation = Organisation.objects.filter(slug=slug).first()
        if organisation is None:
            raise ImportError_(f"organisation: onbekende organisatie '{slug}'.")
    else:
        organisation = Organisation.objects.order_by("pk").first()
        if organisation is None:
            raise ImportError_("organisation: er is nog geen organisatie ingericht.")

    points = None
    if data.get("points") is not None:
        if not isinstance(data["points"], list) or not data["points"]:
            raise ImportError_("points: verwacht een niet-lege lijst van {number, text}.")
        points = []
        for i, p in enumerate(data["points"]):
            if not isinstance(p, dict) or not isinstance(p.get("number"), int) or p["number"] < 1:
                raise ImportError_(f"points[{i}].number: verwacht een positief geheel getal.")
            points.append((p["number"], _str(p, "text", f"points[{i}].text", required=True)))

    events = data.get("events") or []
    if not isinstance(events, list):
        raise ImportError_("events: verwacht een lijst.")
    parsed_events = []
    for i, e in enumerate(events):
        if not isinstance(e, dict):
            raise ImportError_(f"events[{i}]: verwacht een object.")
        etype = e.get("type")
        if etype not in EVENT_TYPES or etype == "received":
            raise ImportError_(f"events[{i}].type: onbekende stap '{etype}'.")
        on = _date(e.get("on"), f"events[{i}].on")
        until = _date(e["until"], f"events[{i}].until") if e.get("until") else None
        parsed_events.append((on, i, etype, until, _str(e, "note", f"events[{i}].note"), e))

    request = request_register(
        organisation=organisation,
        received_on=received_on,
        requester_name=name,
        requester_salutation=salutation,
        requester_email=_str(requester, "email", "requester.email"),
        requester_address=_str(requester, "address", "requester.address"),
        requester_organisation=_str(requester, "organisation", "requester.organisation"),
        requester_reference=_str(requester, "reference", "requester.reference"),
        subject=subject,
        request_text=request_text,
        channel=data.get("channel") or "email",
        regime=regime or None,
        points=points,
        by=by,
        actor_label="import",
        on=today,
    )
    for on, i, etype, until, note, raw in sorted(parsed_events, key=lambda t: (t[0], t[1])):
        try:
            request_transition(
                request=request,
                type=etype,
                on=on,
                until=until,
                note=note,
                suspension_reason=raw.get("reason", "zienswijze" if etype == "suspension" else ""),
                by=by,
                actor_label="import",
                today_=today,
            )
        except ValidationError as exc:
            raise ImportError_(f"events[{i}] ({etype} op {on}): {_messages(exc)}")
        request.refresh_from_db()

    for i, a in enumerate(data.get("answers") or []):
        if not isinstance(a, dict) or not isinstance(a.get("points"), list):
            raise ImportError_(f"answers[{i}].points: verwacht een lijst puntnummers.")
        try:
            answer_write(
                request=request,
                point_numbers=a["points"],
                text=_str(a, "text", f"answers[{i}].text", required=True),
                outcome=_str(a, "outcome", f"answers[{i}].outcome"),
                location=_str(a, "location", f"answers[{i}].location"),
                by=by,
            )
        except ValidationError as exc:
            raise ImportError_(f"answers[{i}]: {_messages(exc)}")

    judgements = {code for code, _ in JUDGEMENTS}
    for i, d in enumerate(data.get("documents") or []):
        if not isinstance(d, dict):
            raise ImportError_(f"documents[{i}]: verwacht een object.")
        judgement = d.get("judgement") or ""
        if judgement and judgement not in judgements:
            raise ImportError_(f"documents[{i}].judgement: onbekende beoordeling '{judgement}'.")
        grounds = d.get("grounds") or []
        if not isinstance(grounds, list):
            raise ImportError_(f"documents[{i}].grounds: verwacht een lijst codes.")
        try:
            document_create(
                request=request,
                number=str(d["number"]) if d.get("number") is not None else None,
                title=_str(d, "title", f"documents[{i}].title", required=True),
                date=_date(
                    d["date"], f"documents[{i}].date", not_after=today_, what="een documentdatum"
                )
                if d.get("date")
                else None,
                judgement=judgement,
                grounds=grounds,
                location=_str(d, "location", f"documents[{i}].location"),
                note=_str(d, "note", f"documents[{i}].note"),
                point_numbers=d.get("points") or [],
                by=by,
            )
        except ValidationError as exc:
            raise ImportError_(f"documents[{i}]: {_messages(exc)}")
    request.refresh_from_db()
    return request
