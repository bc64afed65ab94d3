"""The deadline engine: worked examples from domain.md, adjournment and suspension rules (pure)."""

from datetime import date

import pytest

from cases.deadlines import (
    Suspension,
    beroep_niet_tijdig_from,
    bezwaar_term_ends,
    days_late,
    decision_due,
    format_date_nl,
    precisering_deadline,
    regime_for,
    release_after_objection_term,
)


def test_worked_example_a_seed_004_wob():
    d = decision_due(
        regime="wob", received_on=date(2021, 12, 20), adjournments=[date(2021, 12, 22)]
    )
    assert d.first_term_ends_on == date(2022, 1, 17)
    assert d.adjournment_valid is True
    assert d.due_on == date(2022, 2, 14)
    assert days_late(due_on=d.due_on, sent_on=date(2022, 2, 21)) == 7
    assert "art. 6 lid 2 Wob" in d.explanation


def test_worked_example_a_under_woo_terms():
    d = decision_due(
        regime="woo", received_on=date(2021, 12, 20), adjournments=[date(2021, 12, 22)]
    )
    assert d.due_on == date(2022, 1, 31)
    assert days_late(due_on=d.due_on, sent_on=date(2022, 2, 21)) == 21


def test_worked_example_b_seed_001():
    d = decision_due(regime="wob", received_on=date(2021, 1, 13), adjournments=[date(2021, 1, 27)])
    assert (d.first_term_ends_on, d.due_on) == (date(2021, 2, 10), date(2021, 3, 10))
    assert days_late(due_on=d.due_on, sent_on=date(2021, 4, 6)) == 27


def test_check_case_rbmne_2024_686():
    d = decision_due(regime="woo", received_on=date(2023, 4, 19), adjournments=[date(2023, 5, 10)])
    assert d.due_on == date(2023, 5, 31)


def test_easter_2026_moves_the_final_day():
    d = decision_due(regime="woo", received_on=date(2026, 3, 6))
    assert d.first_term_ends_on == date(2026, 4, 3)
    assert d.due_on == date(2026, 4, 7)
    assert "Goede Vrijdag" in d.explanation and "Tweede Paasdag" in d.explanation
    assert "art. 1 Algemene termijnenwet" in d.explanation


def test_adjournment_on_the_last_day_is_valid_one_day_later_is_not():
    on_time = decision_due(
        regime="woo", received_on=date(2025, 3, 3), adjournments=[date(2025, 3, 31)]
    )
    late = decision_due(regime="woo", received_on=date(2025, 3, 3), adjournments=[date(2025, 4, 1)])
    assert on_time.adjournment_valid is True and on_time.due_on == date(2025, 4, 14)
    assert late.adjournment_valid is False and late.due_on == date(2025, 3, 31)
    assert late.warnings and "verlengt de termijn niet" in late.warnings[0]


def test_second_adjournment_has_no_effect():
    d = decision_due(
        regime="woo",
        received_on=date(2025, 3, 3),
        adjournments=[date(2025, 3, 10), date(2025, 3, 20)],
    )
    assert d.due_on == date(2025, 4, 14)
    assert d.adjourned_on == date(2025, 3, 10)
    assert any("eenmaal" in w for w in d.warnings)


def test_overlapping_suspensions_counted_once():
    s1 = Suspension(date(2025, 3, 10), date(2025, 3, 19), "zienswijze derde")
    s2 = Suspension(date(2025, 3, 15), date(2025, 3, 24), "art. 4:15 Awb")
    d = decision_due(regime="woo", received_on=date(2025, 3, 3), suspensions=[s1, s2])
    assert d.suspended_days == 15
    assert d.due_on == date(2025, 4, 15)


def test_suspension_pushing_onto_a_weekend_rolls_forward():
    d = decision_due(
        regime="woo",
        received_on=date(2025, 3, 3),
        suspensions=[Suspension(date(2025, 3, 10), date(2025, 3, 14))],
    )
    assert d.suspended_days == 5  # 31 March + 5 = Saturday 5 April -> Monday 7 April
    assert d.due_on == date(2025, 4, 7)
    assert "zaterdag" in d.explanation


def test_invalid_suspension_range():
    with pytest.raises(ValueError, match="vóór de eerste"):
        decision_due(
            regime="woo",
            received_on=date(2025, 3, 3),
            suspensions=[Suspension(date(2025, 3, 10), date(2025, 3, 9))],
        )


def test_bezwaar_term_six_weeks_with_atw():
    end, text = bezwaar_term_ends(bekendmaking_on=date(2022, 2, 21))
    assert end == date(2022, 4, 4)
    assert "6:7" in text
    end, _ = bezwaar_term_ends(bekendmaking_on=date(2025, 11, 15))  # + 42 = Saturday 27 December
    assert end == date(2025, 12, 29)


def test_beroep_niet_tijdig_two_weeks_after_receipt():
    first, text = beroep_niet_tijdig_from(ingebrekestelling_received_on=date(2026, 3, 2))
    assert first == date(2026, 3, 16)
    assert "6:12" in text


def test_other_terms_and_regime():
    assert precisering_deadline(received_on=date(2026, 3, 2)) == date(2026, 3, 16)
    assert release_after_objection_term(bekendmaking_on=date(2026, 3, 2)) == date(2026, 3, 16)
    assert regime_for(date(2021, 12, 20), date(2022, 2, 21)) == "wob"
    assert regime_for(date(2022, 4, 20), date(2022, 5, 10)) == "woo"
    assert regime_for(date(2022, 5, 2)) == "woo"


def test_dutch_dates():
    assert format_date_nl(date(2021, 5, 10)) == "10 mei 2021"
    assert format_date_nl(date(2021, 12, 20), weekday=True) == "maandag 20 december 2021"
