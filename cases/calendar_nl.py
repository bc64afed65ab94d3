"""Algemene termijnenwet (Atw) holidays, working days and Dutch date words: pure date arithmetic."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from functools import lru_cache

MONTHS_NL = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
WEEKDAYS_NL = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")

# Name given to a day added by Royal Decree when the caller passes plain dates (Atw art. 3 lid 3).
ROYAL_DECREE_DAY = "bij koninklijk besluit met een feestdag gelijkgestelde dag"

# From 2014 the King's birthday (27 April) is celebrated; before that the Queen's (30 April).
KONINGSDAG_FROM_YEAR = 2014


def format_date_nl(d: date, weekday: bool = False) -> str:
    """'10 mei 2021', or with weekday=True 'maandag 20 december 2021' (no locale needed)."""
    text = f"{d.day} {MONTHS_NL[d.month - 1]} {d.year}"
    return f"{WEEKDAYS_NL[d.weekday()]} {text}" if weekday else text


def _day_month(d: date) -> str:
    return f"{WEEKDAYS_NL[d.weekday()]} {d.day} {MONTHS_NL[d.month - 1]}"


def easter_sunday(year: int) -> date:
    """Easter Sunday in the Gregorian calendar (anonymous algorithm: Meeus/Jones/Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_offset = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_offset) // 451
    month, day = divmod(h + weekday_offset - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _kings_day(year: int) -> tuple[date, str]:
    # Atw art. 3 lid 1: "de dag waarop de verjaardag van de Koning wordt gevierd"; when the
    # birthday falls on a Sunday it is celebrated on the Saturday before.
    if year >= KONINGSDAG_FROM_YEAR:
        day, name = date(year, 4, 27), "Koningsdag"
    else:
        day, name = date(year, 4, 30), "Koninginnedag"
    if day.weekday() == 6:
        day -= timedelta(days=1)
    return day, name


@lru_cache(maxsize=512)
def _statutory(year: int) -> tuple[tuple[date, str], ...]:
    """The holidays the Atw itself names for a year, sorted; coinciding days share one entry."""
    easter = easter_sunday(year)
    listed = [
        # Atw art. 3 lid 1: de algemeen erkende feestdagen.
        (date(year, 1, 1), "Nieuwjaarsdag"),
        (easter + timedelta(days=1), "Tweede Paasdag"),
        _kings_day(year),
        (date(year, 5, 5), "Bevrijdingsdag"),  # Atw art. 3 lid 1: "de vijfde mei", every year
        (easter + timedelta(days=39), "Hemelvaartsdag"),
        (easter + timedelta(days=50), "Tweede Pinksterdag"),
        (date(year, 12, 25), "Eerste Kerstdag"),
        (date(year, 12, 26), "Tweede Kerstdag"),
        # Atw art. 3 lid 2: Goede Vrijdag is gelijkgesteld met een algemeen erkende feestdag.
        (easter - timedelta(days=2), "Goede Vrijdag"),
    ]
    merged: dict[date, str] = {}
    for day, name in listed:  # e.g. 5 May 2016 was both Bevrijdingsdag and Hemelvaartsdag
        merged[day] = f"{merged[day]} en {name}" if day in merged else name
    return tuple(sorted(merged.items()))


def _extra_days(extra: Iterable[date] | Mapping[date, str]) -> dict[date, str]:
    """Royal Decree days as {date: name}; a mapping keeps its own names."""
    if isinstance(extra, Mapping):
        return {d: (name or ROYAL_DECREE_DAY) for d, name in extra.items()}
    return dict.fromkeys(extra, ROYAL_DECREE_DAY)


def _holiday_name(d: date, extra: Mapping[date, str]) -> str | None:
    for day, name in _statutory(d.year):
        if day == d:
            return name
    return extra.get(d)


def atw_holidays(year: int, extra: Iterable[date] | Mapping[date, str] = ()) -> dict[date, str]:
    """The Atw holidays of a year (art. 3 lid 1 and 2) plus days added by Royal Decree (lid 3)."""
    result = dict(_statutory(year))
    for day, name in _extra_days(extra).items():
        if day.year == year:
            result.setdefault(day, name)
    return dict(sorted(result.items()))


def _is_working_day(d: date, extra: Mapping[date, str]) -> bool:
    # Atw art. 1 lid 1: not a Saturday, Sunday or algemeen erkende feestdag.
    return d.weekday() < 5 and _holiday_name(d, extra) is None


def is_working_day(d: date, extra: Iterable[date] | Mapping[date, str] = ()) -> bool:
    """False on a Saturday, Sunday, Atw holiday or Royal Decree day (Atw art. 1 lid 1, art. 3)."""
    return _is_working_day(d, _extra_days(extra))


def roll_forward(
    d: date, extra: Iterable[date] | Mapping[date, str] = ()
) -> tuple[date, str | None]:
    """The first working day on or after d, and why the day moved (None when it did not).

    Atw art. 1 lid 1: a statutory term that ends on a Saturday, Sunday or algemeen erkende
    feestdag is extended to the next day that is none of these.
    """
    extra_days = _extra_days(extra)
    if _is_working_day(d, extra_days):
        return d, None
    name = _holiday_name(d, extra_days)
    if name is None:
        reason = f"valt op {_day_month(d)}"
    elif d.weekday() < 5:
        reason = f"valt op {name} ({_day_month(d)})"
    else:
        reason = f"valt op {_day_month(d)} ({name})"
    # Weekend days after the first are self-evident; holidays on weekdays are named.
    also: list[str] = []
    current = d + timedelta(days=1)
    while not _is_working_day(current, extra_days):
        if current.weekday() < 5:
            also.append(f"{_day_month(current)} is {_holiday_name(current, extra_days)}")
        current += timedelta(days=1)
    if also:
        reason += " en " + _join_nl(also)
    return current, reason


def _join_nl(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " en " + parts[-1]


def add_working_days(d: date, n: int, extra: Iterable[date] | Mapping[date, str] = ()) -> date:
    """The date n working days after d (before d when n < 0); d itself is never counted."""
    extra_days = _extra_days(extra)
    step = timedelta(days=1 if n >= 0 else -1)
    remaining = abs(n)
    current = d
    while remaining:
        current += step
        if _is_working_day(current, extra_days):
            remaining -= 1
    return current


def working_days_between(
    start: date, end: date, extra: Iterable[date] | Mapping[date, str] = ()
) -> int:
    """Working days after start up to and including end; negative (mirrored) when end < start."""
    if end < start:
        return -working_days_between(end, start, extra)
    extra_days = _extra_days(extra)
    count = 0
    current = start + timedelta(days=1)
    while current <= end:
        if _is_working_day(current, extra_days):
            count += 1
        current += timedelta(days=1)
    return count
