"""Algemene termijnenwet holidays and working days (pure)."""

from datetime import date

import pytest

from cases.calendar_nl import (
    add_working_days,
    atw_holidays,
    easter_sunday,
    is_working_day,
    roll_forward,
    working_days_between,
)


@pytest.mark.parametrize(
    ("year", "easter"),
    [
        (2021, date(2021, 4, 4)),
        (2024, date(2024, 3, 31)),
        (2025, date(2025, 4, 20)),
        (2026, date(2026, 4, 5)),
    ],
)
def test_easter(year, easter):
    assert easter_sunday(year) == easter


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (date(2024, 3, 29), "Goede Vrijdag"),
        (date(2025, 5, 29), "Hemelvaartsdag"),
        (date(2026, 5, 25), "Tweede Pinksterdag"),
        (date(2025, 4, 26), "Koningsdag"),  # 27 April 2025 is a Sunday
        (date(2026, 4, 27), "Koningsdag"),
        (date(2013, 4, 30), "Koninginnedag"),
        (date(2023, 5, 5), "Bevrijdingsdag"),  # every year for the Atw
        (date(2026, 1, 1), "Nieuwjaarsdag"),
        (date(2026, 12, 26), "Tweede Kerstdag"),
    ],
)
def test_holidays(day, name):
    assert atw_holidays(day.year)[day] == name
    assert not is_working_day(day)


def test_kings_day_not_on_the_27th_when_it_is_a_sunday():
    assert date(2025, 4, 27) not in atw_holidays(2025)


def test_extra_days_by_royal_decree():
    extra = date(2026, 6, 12)
    assert is_working_day(extra)
    assert not is_working_day(extra, extra=[extra])
    assert extra in atw_holidays(2026, extra=[extra])


def test_roll_forward_reason():
    assert roll_forward(date(2026, 4, 8)) == (date(2026, 4, 8), None)
    moved, why = roll_forward(date(2026, 4, 3))
    assert moved == date(2026, 4, 7) and "Goede Vrijdag" in why and "zondag" in why


def test_working_days():
    assert add_working_days(date(2026, 4, 2), 1) == date(2026, 4, 7)  # over Easter
    assert add_working_days(date(2026, 4, 7), -1) == date(2026, 4, 2)
    assert working_days_between(date(2026, 4, 2), date(2026, 4, 7)) == 1
    assert working_days_between(date(2026, 4, 7), date(2026, 4, 2)) == -1
    assert working_days_between(date(2026, 11, 23), date(2026, 11, 30)) == 5
