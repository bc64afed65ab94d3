"""Kamervragen workflow (issue 14): questions assigned to contributors, draft answers approved by
the adviser, the whole set approved by a second person (four eyes) before it is sent. Every step
leaves an audit record; sending is marking the aanbiedingsbrief as sent (cases.services.letters)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from cases.models import Answer, Request
from cases.services.requests import audit


def _kamer(request: Request) -> None:
    if not request.is_kamervragen:
        raise ValidationError("Dit kan alleen bij Kamervragen.")


@transaction.atomic
def question_assign(*, request: Request, number: int, contributor: str, by=None):
    """Ask a department or person to draft the answer to question `number`."""
    _kamer(request)
    point = request.points.filter(number=number).first()
    if point is None:
        raise ValidationError({"number": f"Vraag {number} bestaat niet in deze set."})
    contributor = " ".join(str(contributor or "").split())
    if len(contributor) > 200:
        raise ValidationError({"contributor": "Gebruik ten hoogste 200 tekens."})
    before = point.contributor
    point.contributor = contributor
    point.save(update_fields=["contributor"])
    audit(
        request=request,
        actor=by,
        action="question_assigned",
        obj=point,
        number=number,
        contributor=[before, contributor],
    )
    return point


@transaction.atomic
def answer_approve(*, answer: Answer, by) -> Answer:
    """The adviser approves a draft answer. A new text clears the approval
    (cases.services.points.answer_write), and with it the approval of the whole set."""
    request = answer.request
    _kamer(request)
    if not getattr(by, "pk", None):
        raise ValidationError("Goedkeuren kan alleen een medewerker met een account.")
    answer.approved_by = by
    answer.approved_at = timezone.now()
    answer.save(update_fields=["approved_by", "approved_at"])
    audit(request=request, actor=by, action="answer_approved", obj=answer, label=answer.kamer_label)
    return answer


def set_problems(request: Request) -> list[str]:
    """Why the set cannot be approved or sent yet (Dutch), in question order."""
    numbers = sorted(request.points.values_list("number", flat=True))
    answered: dict[int, Answer] = {}
    for a in request.answers.prefetch_related("points").select_related("approved_by"):
        for n in a.point_numbers:
            answered.setdefault(n, a)
    problems = []
    missing = [n for n in numbers if n not in answered]
    if missing:
        problems.append("Nog geen antwoord op vraag " + ", ".join(map(str, missing)) + ".")
    unapproved = sorted(
        {a.kamer_label for a in answered.values() if a.approved_by_id is None},
        key=lambda label: answered_key(label),
    )
    if unapproved:
        problems.append("Nog niet goedgekeurd door de jurist: " + "; ".join(unapproved) + ".")
    return problems


def answered_key(label: str) -> int:
    digits = "".join(ch if ch.isdigit() else " " for ch in label).split()
    return int(digits[0]) if digits else 0


@transaction.atomic
def kamer_set_approve(*, request: Request, by) -> Request:
    """Four eyes: a second person approves the whole set; not someone who approved its answers."""
    _kamer(request)
    if not getattr(by, "pk", None):
        raise ValidationError("Goedkeuren kan alleen een medewerker met een account.")
    problems = set_problems(request)
    if problems:
        raise ValidationError(" ".join(problems))
    approvers = set(request.answers.values_list("approved_by_id", flat=True))
    if by.pk in approvers:
        raise ValidationError(
            "Vier ogen: de set wordt goedgekeurd door een ander dan wie de antwoorden goedkeurde."
        )
    request.kamer_set_approved_by = by
    request.kamer_set_approved_at = timezone.now()
    request.save(update_fields=["kamer_set_approved_by", "kamer_set_approved_at", "updated_at"])
    audit(request=request, actor=by, action="kamer_set_approved", obj=request)
    return request


def kamer_set_clear(request: Request, *, by=None, reason: str = "") -> None:
    """An answer changed after the set was approved: the approval lapses."""
    if request.kamer_set_approved_by_id is None:
        return
    request.kamer_set_approved_by = None
    request.kamer_set_approved_at = None
    request.save(update_fields=["kamer_set_approved_by", "kamer_set_approved_at", "updated_at"])
    audit(
        request=request, actor=by, action="kamer_set_approval_cleared", obj=request, reason=reason
    )


def send_problems(request: Request) -> list[str]:
    """What must be done before the answers go to the Kamer."""
    problems = set_problems(request)
    if not problems and request.kamer_set_approved_by_id is None:
        problems.append("De antwoordenset is nog niet goedgekeurd (vier ogen).")
    return problems
