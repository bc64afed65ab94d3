"""Template filters for letter wording: Dutch dates, Dutch lists and safe free text."""

from __future__ import annotations

from datetime import date

from django.template import Library

from cases.letters import markup, wording

register = Library()


@register.filter
def nl_date(value: date | None, arg: str = "") -> str:
    """{{ d|nl_date }} -> '10 mei 2021'; {{ d|nl_date:"dag" }} -> 'maandag 10 mei 2021'."""
    if not value:
        return ""
    return wording.format_date(value, weekday=(arg == "dag"))


@register.filter
def join_nl(values) -> str:
    """{{ g.documents|join_nl }} -> '1, 4 en 7'."""
    return wording.join_nl(values or ())


@register.filter
def oneline(value) -> str:
    """Free text folded onto one line (for a quoted point or a colofon value)."""
    return " ".join(markup.clean(str(value or "")).split())


@register.filter
def plain(value) -> str:
    """Free text kept as paragraphs, but never read as markup (a motivation starting with '#')."""
    return markup.escape(str(value or "").strip())


@register.filter
def lines(value) -> list[str]:
    """A multi-line value (an address) as its non-empty lines."""
    return [line.strip() for line in str(value or "").splitlines() if line.strip()]


@register.filter
def no_period(value) -> str:
    """'De omvang van het verzoek.' -> 'de omvang van het verzoek' (inside a sentence)."""
    text = " ".join(str(value or "").split()).rstrip(" .")
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        text = text[0].lower() + text[1:]
    return text
