"""Four-eyes approval of the besluit (issue 13, item 4).

The adviser submits a besluit for approval; a second person (a coordinator, or a member of the
designated approvers' group "fiatteur") approves it or returns it with remarks. Only an approved
besluit can be sent (checked in cases.services.letters.letter_mark_sent). Every step is audited.
The approval state lives on the letter, so a new version of the besluit starts unapproved.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cases.models import Letter
from cases.permissions import is_coordinator
from cases.services.requests import audit

APPROVER_GROUP = "fiatteur"
APPROVAL_KINDS = ("besluit",)


def needs_approval(letter: Letter) -> bool:
    return letter.kind in APPROVAL_KINDS


def is_approver(user) -> bool:
    """A coordinator or a designated approver (group "fiatteur")."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    return is_coordinator(user) or user.groups.filter(name=APPROVER_GROUP).exists()


def approval_refusal(letter: Letter, user) -> str:
    """Why `user` may not approve or return `letter` now; "" when they may."""
    if letter.approval_status != "submitted":
        return _("Dit besluit ligt niet ter goedkeuring.")
    if not is_approver(user):
        return _("Alleen een coördinator of een aangewezen fiatteur kan een besluit goedkeuren.")
    if user.pk in {letter.approval_submitted_by_id, letter.created_by_id}:
        # Four eyes: the approver is a second person, not the author or whoever submitted it.
        return _("Een besluit wordt goedgekeurd door een tweede persoon, niet door de opsteller.")
    return ""


def _locked(letter: Letter) -> Letter:
    return Letter.objects.select_for_update().get(pk=letter.pk)


@transaction.atomic
def approval_submit(*, letter: Letter, by) -> Letter:
    letter = _locked(letter)
    if not needs_approval(letter):
        raise ValidationError(_("Alleen een besluit wordt ter goedkeuring aangeboden."))
    if letter.is_sent:
        raise ValidationError(_("Dit besluit is al verzonden."))
    if letter.request.letters.filter(kind=letter.kind, version__gt=letter.version).exists():
        raise ValidationError(
            _("Er is een nieuwere versie van het besluit; bied de laatste versie aan.")
        )
    if letter.approval_status in ("submitted", "approved"):
        raise ValidationError(_("Dit besluit ligt al ter goedkeuring of is al goedgekeurd."))
    letter.approval_status = "submitted"
    letter.approval_submitted_by = by if getattr(by, "pk", None) else None
    letter.approval_submitted_at = timezone.now()
    letter.approval_by = None
    letter.approval_at = None
    letter.approval_remarks = ""
    letter.save()
    audit(
        request=letter.request,
        actor=by,
        action="besluit_submitted_for_approval",
        obj=letter,
        version=letter.version,
    )
    return letter


@transaction.atomic
def approval_decide(*, letter: Letter, by, approve: bool, remarks: str = "") -> Letter:
    """Approve the besluit, or return it to the adviser with remarks (remarks required)."""
    letter = _locked(letter)
    why = approval_refusal(letter, by)
    if why:
        raise ValidationError(why)
    remarks = (remarks or "").strip()
    if not approve and not remarks:
        raise ValidationError(_("Schrijf bij het terugsturen op wat er moet veranderen."))
    letter.approval_status = "approved" if approve else "returned"
    letter.approval_by = by
    letter.approval_at = timezone.now()
    letter.approval_remarks = remarks
    letter.save()
    audit(
        request=letter.request,
        actor=by,
        action="besluit_approved" if approve else "besluit_returned",
        obj=letter,
        version=letter.version,
        remarks=remarks,
    )
    return letter


def approval_send_problem(letter: Letter) -> str:
    """Why this letter cannot be sent for lack of approval; "" when it may be sent."""
    if needs_approval(letter) and letter.approval_status != "approved":
        return _(
            "Het besluit kan pas worden verzonden als een tweede persoon het heeft goedgekeurd "
            "(vier ogen): bied het ter goedkeuring aan."
        )
    return ""
