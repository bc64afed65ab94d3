"""Services for the request's numbered points and the answers that cover them."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction

from cases.models import Answer, Point, Request
from cases.models.point import OUTCOME_CODES
from cases.point_parser import parse_points, split_point
from cases.services.requests import audit


def _renumber(request: Request) -> None:
    """Number the points 1..n in their current order (two passes dodge the unique constraint)."""
    points = list(request.points.order_by("number", "id"))
    offset = 100000
    for p in points:
        p.number += offset
    Point.objects.bulk_update(points, ["number"])
    for i, p in enumerate(points, start=1):
        p.number = i
    Point.objects.bulk_update(points, ["number"])


@transaction.atomic
def points_parse(*, request: Request, by=None, text: str | None = None) -> list[Point]:
    """Re-run the parser on the request text; replaces the points (answers lose their links)."""
    parsed = parse_points(text if text is not None else request.request_text)
    if not parsed:
        raise ValidationError({"request_text": "De tekst van het verzoek is leeg."})
    request.points.all().delete()
    Point.objects.bulk_create(
        [Point(request=request, number=p.number, marker=p.marker, text=p.text) for p in parsed]
    )
    audit(request=request, actor=by, action="points_parsed", count=len(parsed))
    return list(request.points.all())


@transaction.atomic
def point_add(*, request: Request, text: str, after: int | None = None, by=None) -> Point:
    text = text.strip()
    if not text:
        raise ValidationError({"text": "Een punt heeft tekst nodig."})
    points = list(request.points.order_by("number"))
    position = len(points) if after is None else max(0, min(after, len(points)))
    offset = 100000
    for p in points:
        p.number += offset
    Point.objects.bulk_update(points, ["number"])
    for i, p in enumerate(points, start=1):
        p.number = i if i <= position else i + 1
    Point.objects.bulk_update(points, ["number"])
    point = Point.objects.create(request=request, number=position + 1, marker="", text=text)
    audit(request=request, actor=by, action="point_added", obj=point, number=point.number)
    return point


@transaction.atomic
def point_update(*, point: Point, text: str, by=None) -> Point:
    text = text.strip()
    if not text:
        raise ValidationError({"text": "Een punt heeft tekst nodig."})
    old = point.text
    point.text = text
    point.save(update_fields=["text"])
    audit(request=point.request, actor=by, action="point_updated", obj=point, old=old, new=text)
    return point


@transaction.atomic
def point_split(*, point: Point, at: int, by=None) -> tuple[Point, Point]:
    try:
        first, second = split_point(point.text, at)
    except ValueError as exc:
        raise ValidationError({"at": str(exc)})
    request = point.request
    point_update(point=point, text=first, by=by)
    new = point_add(request=request, text=second, after=point.number, by=by)
    # answers covering the split point cover both halves
    for answer in point.answers.all():
        answer.points.add(new)
    point.refresh_from_db()
    return point, new


@transaction.atomic
def point_delete(*, point: Point, by=None) -> None:
    request = point.request
    number = point.number
    point.delete()
    _renumber(request)
    audit(request=request, actor=by, action="point_deleted", number=number)


@transaction.atomic
def point_move(*, point: Point, to: int, by=None) -> None:
    """Move a point to position ``to`` (1-based) and renumber."""
    request = point.request
    points = [p for p in request.points.order_by("number") if p.pk != point.pk]
    to = max(1, min(to, len(points) + 1))
    points.insert(to - 1, point)
    offset = 100000
    for p in points:
        p.number += offset
    Point.objects.bulk_update(points, ["number"])
    for i, p in enumerate(points, start=1):
        p.number = i
    Point.objects.bulk_update(points, ["number"])
    audit(request=request, actor=by, action="point_moved", obj=point, to=to)


@transaction.atomic
def answer_write(
    *,
    request: Request,
    point_numbers: Iterable[int],
    text: str,
    answer: Answer | None = None,
    by=None,
    outcome: str | None = None,
    location: str | None = None,
) -> Answer:
    """Create or edit an answer covering one or more points ("Ad 8 en 9").

    `outcome` says what the answer means for the besluit's dictum (documenten, reeds_openbaar with
    its `location` (vindplaats), niet_aanwezig, doorgezonden, toelichting); None keeps the
    answer's current outcome and location."""
    if outcome is not None and outcome not in ("", *OUTCOME_CODES):
        raise ValidationError(
            {"outcome": f"Onbekende uitkomst '{outcome}'; kies uit: {', '.join(OUTCOME_CODES)}."}
        )
    current_outcome = answer.outcome if answer is not None else ""
    new_outcome = current_outcome if outcome is None else outcome
    new_location = (
        (answer.location if answer is not None else "") if location is None else location.strip()
    )
    if new_outcome != "reeds_openbaar":
        new_location = "" if location is None else new_location
    if new_outcome == "reeds_openbaar" and not new_location:
        raise ValidationError(
            {"location": "Vul de vindplaats in van de informatie die reeds openbaar is."}
        )
    numbers = sorted(set(int(n) for n in point_numbers))
    if not numbers:
        raise ValidationError({"points": "Kies minstens één punt waarop dit antwoord ingaat."})
    if not text.strip():
        raise ValidationError({"text": "Het antwoord is leeg."})
    points = list(request.points.filter(number__in=numbers))
    missing = sorted(set(numbers) - {p.number for p in points})
    if missing:
        raise ValidationError(
            {"points": f"Punt {', '.join(str(n) for n in missing)} bestaat niet in dit verzoek."}
        )
    if answer is None:
        answer = Answer.objects.create(
            request=request, text=text.strip(), outcome=new_outcome, location=new_location
        )
        changed = True
    else:
        if answer.request_id != request.pk:
            raise ValidationError("Dit antwoord hoort bij een ander verzoek.")
        changed = answer.text != text.strip() or sorted(answer.point_numbers) != numbers
        answer.text = text.strip()
        answer.outcome = new_outcome
        answer.location = new_location
        if changed:  # Kamervragen (issue 14): a changed answer needs a new approval
            answer.approved_by, answer.approved_at = None, None
        answer.save(
            update_fields=[
                "text",
                "outcome",
                "location",
                "approved_by",
                "approved_at",
                "updated_at",
            ]
        )
    answer.points.set(points)
    if changed and request.is_kamervragen:
        from cases.services.kamer import kamer_set_clear

        kamer_set_clear(request, by=by, reason="antwoord gewijzigd")
    audit(
        request=request,
        actor=by,
        action="answer_written",
        obj=answer,
        points=numbers,
        outcome=new_outcome,
        location=new_location,
    )
    return answer


@transaction.atomic
def answer_delete(*, answer: Answer, by=None) -> None:
    request = answer.request
    audit(request=request, actor=by, action="answer_deleted", obj=answer, label=answer.label)
    answer.delete()
