"""Access rules: the only module that calls django-guardian. Children inherit from their request."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, Group
from django.db.models import QuerySet
from guardian.shortcuts import assign_perm, get_objects_for_user, remove_perm

from cases.models import Request

ADVISER_GROUP = "adviseur"
COORDINATOR_GROUP = "coordinator"
CASE_PERMS = ("cases.view_request", "cases.change_request")


def _active(user) -> bool:
    return bool(
        user and not isinstance(user, AnonymousUser) and user.is_authenticated and user.is_active
    )


def is_coordinator(user) -> bool:
    return _active(user) and (user.is_superuser or user.has_perm("cases.view_overview"))


def is_adviser(user) -> bool:
    return _active(user) and user.groups.filter(name=ADVISER_GROUP).exists()


def is_staff_member(user) -> bool:
    return is_coordinator(user) or is_adviser(user)


def requests_visible_to(user) -> QuerySet[Request]:
    """Every case a user may open: all for coordinators, the assigned ones for advisers, none else."""
    if not _active(user):
        return Request.objects.none()
    if is_coordinator(user):
        return Request.objects.all()
    return get_objects_for_user(
        user, "cases.view_request", klass=Request, accept_global_perms=False
    )


def can_view(user, request: Request) -> bool:
    if not _active(user):
        return False
    return is_coordinator(user) or user.has_perm("cases.view_request", request)


def can_edit(user, request: Request) -> bool:
    """Draft the decision: points, answers, documents, redactions, letters, timeline."""
    if not _active(user):
        return False
    return is_coordinator(user) or user.has_perm("cases.change_request", request)


def can_assign(user) -> bool:
    return _active(user) and (user.is_superuser or user.has_perm("cases.assign_request"))


def can_register(user) -> bool:
    return is_staff_member(user)


def can_view_overview(user) -> bool:
    return is_coordinator(user)


def grant_case(user, request: Request) -> None:
    for perm in CASE_PERMS:
        assign_perm(perm, user, request)


def revoke_case(user, request: Request) -> None:
    for perm in CASE_PERMS:
        remove_perm(perm, user, request)


def adviser_group() -> Group:
    return Group.objects.get(name=ADVISER_GROUP)


def coordinator_group() -> Group:
    return Group.objects.get(name=COORDINATOR_GROUP)


COORDINATOR_PERMS = (
    "view_request",
    "change_request",
    "add_request",
    "assign_request",
    "view_overview",
    "view_document",
    "change_document",
    "view_letter",
)
ADVISER_PERMS = ("add_request",)


def ensure_roles() -> None:
    """Create the two roles with their model permissions (idempotent; the data migration does the
    same on a fresh database, this restores them after a test flush)."""
    from django.contrib.auth.models import Permission

    for name, codenames in ((COORDINATOR_GROUP, COORDINATOR_PERMS), (ADVISER_GROUP, ADVISER_PERMS)):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(
            Permission.objects.filter(content_type__app_label="cases", codename__in=codenames)
        )
