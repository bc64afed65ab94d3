"""Template filters of the staff screens."""

from django import template
from django.utils.translation import gettext_lazy as _lazy

register = template.Library()


@register.filter
def person(user, fallback: str = "—") -> str:
    """A user's full name, else the username, else the fallback (safe for None)."""
    if user is None:
        return fallback
    return user.get_full_name() or user.get_username() or fallback


# Dutch labels for the stable rule ids of cases.consistency (issue 13, item 7): the id stays in
# code and data attributes, the screen shows the label.
PROBLEM_LABELS = {
    "answer_unknown_point": _lazy("antwoord bij onbekend punt"),
    "deels_openbaar_unredacted_file": _lazy("deels openbaar, niet gelakt"),
    "deels_openbaar_without_redactions": _lazy("deels openbaar zonder lakking"),
    "document_processing": _lazy("document wordt verwerkt"),
    "document_unjudged": _lazy("document niet beoordeeld"),
    "duplicate_without_original": _lazy("dubbel zonder origineel"),
    "ground_missing": _lazy("grond ontbreekt"),
    "ground_unknown": _lazy("onbekende grond"),
    "ground_unmotivated": _lazy("grond niet gemotiveerd"),
    "ground_wrong_regime": _lazy("grond van ander regime"),
    "openbaar_with_ground": _lazy("openbaar met grond"),
    "openbaar_with_redacted_file": _lazy("openbaar maar gelakt"),
    "openbaar_with_redactions": _lazy("openbaar met lakkingen"),
    "point_unanswered": _lazy("punt onbeantwoord"),
    "redacted_stale": _lazy("lakking verouderd"),
    "redaction_ground_not_judged": _lazy("lakgrond niet in beoordeling"),
    "redaction_running": _lazy("lakken bezig"),
    "reeds_openbaar_without_location": _lazy("vindplaats ontbreekt"),
    "release_file_missing": _lazy("vrij te geven bestand ontbreekt"),
}


@register.filter
def problem_label(rule: str) -> str:
    """The Dutch label of a consistency rule id; never the raw id on screen."""
    return str(PROBLEM_LABELS.get(rule, _lazy("controlepunt")))


@register.filter
def status_label(status: str) -> str:
    """The Dutch label of a request status code (cases.lifecycle.STATUSES)."""
    from cases.lifecycle import status_label as label

    return label(status)
