"""Four eyes for tests that send a besluit: submit it and have a second person approve it."""

from __future__ import annotations

from django.contrib.auth.models import Group, User

from cases.permissions import ensure_roles
from cases.services.approval import approval_decide, approval_submit


def approve(letter):
    """Submit and approve `letter` (a besluit) the way the product does: two different people."""
    ensure_roles()
    approver, created = User.objects.get_or_create(username="fiat-test-coordinator")
    if created:
        approver.groups.add(Group.objects.get(name="coordinator"))
    submitted = approval_submit(letter=letter, by=letter.created_by)
    return approval_decide(letter=submitted, by=approver, approve=True)
