"""Shared view helpers: the permission chokepoint for reaching a case, and error display."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from cases import permissions
from cases.models import Request


def get_case(user, pk: int, *, edit: bool = False) -> Request:
    """The only way a view reaches a case: 404 when the user may not see it (no enumeration)."""
    request = Request.objects.select_related("organisation", "adviser").filter(pk=pk).first()
    if request is None or not permissions.can_view(user, request):
        raise Http404("Dit verzoek bestaat niet of u heeft er geen toegang toe.")
    if edit and not permissions.can_edit(user, request):
        raise PermissionDenied("U mag dit verzoek niet wijzigen.")
    return request


def add_validation_errors(form, exc: ValidationError) -> None:
    """Show a service's ValidationError on the form field it names (or at the top)."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            target = field if field in form.fields else None
            for message in errors:
                form.add_error(target, message)
    else:
        for message in exc.messages:
            form.add_error(None, message)
