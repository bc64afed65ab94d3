"""Template filters for letter wording: Dutch dates and labels (registered as builtins)."""

from __future__ import annotations

from datetime import date

from django.template import Library

from cases.deadlines import format_date_nl

register = Library()


@register.filter
def nl_date(value: date | None, arg: str = "") -> str:
    """{{ received_on|nl_date }} -> '10 mei 2021'; {{ d|nl_date:"dag" }} -> 'maandag 10 mei 2021'."""
    if not value:
        return ""
    return format_date_nl(value, weekday=(arg == "dag"))


@register.filter
def join_nl(values) -> str:
    """['a', 'b', 'c'] -> 'a, b en c'."""
    items = [str(v) for v in values]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]


@register.filter
def lines(value: str) -> list[str]:
    return [line for line in (value or "").splitlines()]
