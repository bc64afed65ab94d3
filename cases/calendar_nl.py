"""Algemene termijnenwet holidays and working days: pure date arithmetic."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from functools import lru_cache

WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")


def easter_sunday(year: int) -> date:
    """Anonymous Gregorian algorithm (Meeus/Jones/Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


@lru_cache(maxsize=256)
def _statutory(year: int) -> tuple[tuple[date, str], ...]:
    easter = easter_sunday(year)
    days = [
        # Atw art. 3 lid 1: algemeen erkende feestdagen
        (date(year, 1, 1), "Nieuwjaarsdag"),
        (easter - timedelta(days=2), "Goede Vrijdag"),  # Atw art. 3 lid 1 (Goede Vrijdag)
        (easter + timedelta(days=1), "Tweede Paasdag"),
        (easter + timedelta(days=39), "Hemelvaartsdag"),
        (easter + timedelta(days=50), "Tweede Pinksterdag"),
        (date(year, 12, 25), "Eerste Kerstdag"),
        (date(year, 12, 26), "Tweede Kerstdag"),
        # Atw art. 3 lid 1: 5 mei (Bevrijdingsdag), for the Atw every year
        (date(year, 5, 5), "Bevrijdingsdag"),
    ]
    # Atw art. 3 lid 1: de dag waarop de verjaardag van de Koning wordt gevierd
    if year >= 2014:
        kingsday = date(year, 4, 27)
        if kingsday.weekday() == 6:  # on a Sunday it is celebrated on Saturday the 26th
            kingsday = date(year, 4, 26)
        days.append((kingsday, "Koningsdag"))
    else:
        queensday = date(year, 4, 30)
        if queensday.weekday() == 6:
            queensday = date(year, 4, 29)
        days.append((queensday, "Koninginnedag"))
    return tuple(sorted(days))


def atw_holidays(year: int, extra: Iterable[date] = ()) -> dict[date, str]:
    """Holidays that move a final day (Atw art. 1 and 3), plus days added by Royal Decree."""
    result = dict(_statutory(year))
    for d in extra:
        if d.year == year:
            result.setdefault(d, "bij Koninklijk Besluit gelijkgestelde dag (art. 3 lid 2 Atw)")
    return result


def _holiday_name(d: date, extra: Iterable[date] = ()) -> str | None:
    return atw_holidays(d.year, extra).get(d)


def is_working_day(d: date, extra: Iterable[date] = ()) -> bool:
    return d.weekday() < 5 and _holiday_name(d, tuple(extra)) is None


def _why_not_working(d: date, extra: Iterable[date]) -> str:
    name = _holiday_name(d, extra)
    if name:
        return f"{WEEKDAYS[d.weekday()]} is {name}"
    return WEEKDAYS[d.weekday()]


def roll_forward(d: date, extra: Iterable[date] = ()) -> tuple[date, str | None]:
    """Atw art. 1 lid 1: a term ending on a Saturday, Sunday or holiday ends on the next working day."""
    extra = tuple(extra)
    if is_working_day(d, extra):
        return d, None
    reasons = []
    current = d
    while not is_working_day(current, extra):
        reasons.append(f"{format_short(current)} ({_why_not_working(current, extra)})")
        current += timedelta(days=1)
    return current, "valt op " + ", ".join(reasons)


def add_working_days(d: date, n: int, extra: Iterable[date] = ()) -> date:
    extra = tuple(extra)
    step = 1 if n >= 0 else -1
    remaining = abs(n)
    current = d
    while remaining:
        current += timedelta(days=step)
        if is_working_day(current, extra):
            remaining -= 1
    return current


def working_days_between(start: date, end: date, extra: Iterable[date] = ()) -> int:
    """Working days after `start` up to and including `end`; negative when end < start."""
    extra = tuple(extra)
    if end == start:
        return 0
    sign = 1
    if end < start:
        start, end, sign = end, start, -1
    count = 0
    current = start
    while current < end:
        current += timedelta(days=1)
        if is_working_day(current, extra):
            count += 1
    return sign * count


MONTHS = (
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


def format_short(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]}"
