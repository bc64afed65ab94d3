"""Algemene termijnenwet holidays, working days and the roll-forward explanation (pure)."""

from datetime import date

import pytest

from cases.calendar_nl import (
    add_working_days,
    atw_holidays,
    easter_sunday,
    format_date_nl,
    is_working_day,
    roll_forward,
    working_days_between,
)


@pytest.mark.parametrize(
    ("year", "easter"),
    [
        (2000, date(2000, 4, 23)),
        (2008, date(2008, 3, 23)),
        (2016, date(2016, 3, 27)),
        (2021, date(2021, 4, 4)),
        (2024, date(2024, 3, 31)),
        (2025, date(2025, 4, 20)),
        (2026, date(2026, 4, 5)),
        (2038, date(2038, 4, 25)),  # latest possible date
        (2285, date(2285, 3, 22)),  # earliest possible date
    ],
)
def test_easter_sunday(year, easter):
    assert easter_sunday(year) == easter


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (date(2026, 1, 1), "Nieuwjaarsdag"),
        (date(2024, 3, 29), "Goede Vrijdag"),
        (date(2026, 4, 3), "Goede Vrijdag"),
        (date(2026, 4, 6), "Tweede Paasdag"),
        (date(2025, 4, 26), "Koningsdag"),  # 27 April 2025 is a Sunday
        (date(2014, 4, 26), "Koningsdag"),  # the first one, also moved from a Sunday
        (date(2026, 4, 27), "Koningsdag"),
        (date(2013, 4, 30), "Koninginnedag"),
        (date(2006, 4, 29), "Koninginnedag"),  # 30 April 2006 is a Sunday
        (date(2023, 5, 5), "Bevrijdingsdag"),  # every year for the Atw, not only lustrum years
        (date(2025, 5, 29), "Hemelvaartsdag"),
        (date(2026, 5, 25), "Tweede Pinksterdag"),
        (date(2026, 12, 25), "Eerste Kerstdag"),
        (date(2026, 12, 26), "Tweede Kerstdag"),
    ],
)
def test_atw_holidays_on_known_dates(day, name):
    assert atw_holidays(day.year)[day] == name


def test_a_year_has_the_nine_atw_holidays_and_nothing_else():
    assert list(atw_holidays(2026)) == [
        date(2026, 1, 1),
        date(2026, 4, 3),
        date(2026, 4, 6),
        date(2026, 4, 27),
        date(2026, 5, 5),
        date(2026, 5, 14),
        date(2026, 5, 25),
        date(2026, 12, 25),
        date(2026, 12, 26),
    ]


def test_kings_day_is_not_the_27th_when_that_is_a_sunday():
    assert date(2025, 4, 27) not in atw_holidays(2025)
    assert date(2006, 4, 30) not in atw_holidays(2006)


def test_coinciding_holidays_keep_both_names():
    assert atw_holidays(2016)[date(2016, 5, 5)] == "Bevrijdingsdag en Hemelvaartsdag"


def test_royal_decree_days_are_passed_in():
    friday_after_ascension = date(2026, 5, 15)
    assert is_working_day(friday_after_ascension)
    assert not is_working_day(friday_after_ascension, extra=[friday_after_ascension])
    assert (
        "koninklijk besluit"
        in atw_holidays(2026, extra=[friday_after_ascension])[friday_after_ascension]
    )
    named = {friday_after_ascension: "brugdag na Hemelvaart"}
    assert atw_holidays(2026, extra=named)[friday_after_ascension] == "brugdag na Hemelvaart"
    assert friday_after_ascension not in atw_holidays(2025, extra=named)  # other year


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2026, 4, 2), True),  # Maundy Thursday is an ordinary day
        (date(2026, 4, 3), False),  # Goede Vrijdag
        (date(2026, 4, 4), False),  # Saturday
        (date(2026, 4, 5), False),  # Sunday
        (date(2026, 4, 7), True),
        (date(2025, 12, 24), True),
    ],
)
def test_is_working_day(day, working):
    assert is_working_day(day) is working


@pytest.mark.parametrize(
    ("day", "moved_to", "words"),
    [
        (date(2026, 4, 8), date(2026, 4, 8), None),
        (date(2026, 2, 28), date(2026, 3, 2), ["zaterdag 28 februari"]),
        (date(2026, 3, 1), date(2026, 3, 2), ["zondag 1 maart"]),
        (
            date(2026, 4, 3),
            date(2026, 4, 7),
            ["Goede Vrijdag (vrijdag 3 april)", "maandag 6 april is Tweede Paasdag"],
        ),
        (date(2026, 4, 5), date(2026, 4, 7), ["zondag 5 april", "Tweede Paasdag"]),
        (date(2025, 4, 26), date(2025, 4, 28), ["zaterdag 26 april (Koningsdag)"]),
        (
            date(2025, 12, 25),
            date(2025, 12, 29),
            ["Eerste Kerstdag", "vrijdag 26 december is Tweede Kerstdag"],
        ),
    ],
)
def test_roll_forward_moves_and_says_why(day, moved_to, words):
    moved, why = roll_forward(day)
    assert moved == moved_to
    if words is None:
        assert why is None
    else:
        assert why.startswith("valt op ")
        for word in words:
            assert word in why


def test_roll_forward_over_a_royal_decree_day():
    ascension, bridge = date(2026, 5, 14), date(2026, 5, 15)
    assert roll_forward(ascension) == (bridge, roll_forward(ascension)[1])
    moved, why = roll_forward(ascension, extra=[bridge])
    assert moved == date(2026, 5, 18)
    assert "Hemelvaartsdag" in why and "koninklijk besluit" in why


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (date(2026, 4, 2), 0, date(2026, 4, 2)),
        (date(2026, 4, 2), 1, date(2026, 4, 7)),  # over Goede Vrijdag, weekend, Tweede Paasdag
        (date(2026, 4, 7), -1, date(2026, 4, 2)),
        (date(2026, 11, 23), 5, date(2026, 11, 30)),
        (date(2025, 12, 24), 3, date(2025, 12, 31)),  # Christmas on Thursday and Friday
    ],
)
def test_add_working_days(start, n, expected):
    assert add_working_days(start, n) == expected


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (date(2026, 4, 2), date(2026, 4, 2), 0),
        (date(2026, 4, 2), date(2026, 4, 7), 1),
        (date(2026, 4, 7), date(2026, 4, 2), -1),
        (date(2026, 4, 2), date(2026, 4, 6), 0),  # nothing but non-working days in between
        (date(2026, 11, 23), date(2026, 11, 30), 5),
        (date(2025, 12, 24), date(2025, 12, 29), 1),
    ],
)
def test_working_days_between(start, end, expected):
    assert working_days_between(start, end) == expected


def test_working_days_helpers_agree_and_honour_extra_days():
    start = date(2026, 5, 11)
    for n in range(0, 15):
        assert working_days_between(start, add_working_days(start, n)) == n
    bridge = date(2026, 5, 15)
    assert working_days_between(date(2026, 5, 13), date(2026, 5, 18)) == 2
    assert working_days_between(date(2026, 5, 13), date(2026, 5, 18), extra=[bridge]) == 1


@pytest.mark.parametrize(
    ("day", "weekday", "text"),
    [
        (date(2021, 5, 10), False, "10 mei 2021"),
        (date(2021, 12, 20), True, "maandag 20 december 2021"),
        (date(2026, 3, 1), True, "zondag 1 maart 2026"),
    ],
)
def test_format_date_nl(day, weekday, text):
    assert format_date_nl(day, weekday=weekday) == text
