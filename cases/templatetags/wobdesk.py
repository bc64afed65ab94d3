"""Template filters of the staff screens."""

from django import template

register = template.Library()


@register.filter
def person(user, fallback: str = "—") -> str:
    """A user's full name, else the username, else the fallback (safe for None)."""
    if user is None:
        return fallback
    return user.get_full_name() or user.get_username() or fallback
