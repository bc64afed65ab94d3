"""The deadline engine: domain.md worked examples, adjournment, suspension and Awb terms (pure)."""

from dataclasses import replace
from datetime import date

import pytest

from cases.deadlines import (
    TERM_RULES,
    WOB,
    WOO,
    Suspension,
    TermRule,
    beroep_niet_tijdig_from,
    bezwaar_term_ends,
    days_late,
    decision_due,
    format_date_nl,
    precisering_deadline,
    regime_for,
    release_after_objection_term,
    term_rule,
)


def test_worked_example_a_seed_004_wob():
    d = decision_due(regime=WOB, received_on=date(2021, 12, 20), adjournments=[date(2021, 12, 22)])
    assert d.first_term_ends_on == date(2022, 1, 17)
    assert (d.adjourned_on, d.adjournment_valid) == (date(2021, 12, 22), True)
    assert d.due_on == date(2022, 2, 14)
    assert days_late(due_on=d.due_on, sent_on=date(2022, 2, 21)) == 7
    assert d.steps[:3] == (
        "Ontvangen op maandag 20 december 2021.",
        "Beslistermijn 4 weken (art. 6 lid 1 Wob): 17 januari 2022.",
        "Verdaagd op 22 december 2021, tijdig: + 4 weken (art. 6 lid 2 Wob): 14 februari 2022.",
    )
    assert d.steps[-1] == "Uiterste beslisdatum: maandag 14 februari 2022."
    assert d.warnings == ()
    assert d.explanation == "\n".join(d.steps)


def test_worked_example_a_under_woo_terms():
    # The hypothetical of domain.md: had the Woo terms applied to the whole case, 21 days late.
    woo_earlier = (TERM_RULES[0], replace(TERM_RULES[1], effective_from=date(2021, 1, 1)))
    d = decision_due(
        regime=WOO,
        received_on=date(2021, 12, 20),
        adjournments=[date(2021, 12, 22)],
        rules=woo_earlier,
    )
    assert d.due_on == date(2022, 1, 31)
    assert "+ 2 weken (art. 4.4 lid 2 Woo)" in d.explanation
    assert days_late(due_on=d.due_on, sent_on=date(2022, 2, 21)) == 21


def test_wob_adjournment_kept_when_decided_under_the_woo():
    # Issue 12 item 13: adjourned under the Wob (22 December 2021), decided after 1 May 2022
    # under the Woo: the lawful Wob verdaging (+4 weeks) stays, with a warning; before the fix
    # the case silently switched to +2 weeks (31 January 2022).
    d = decision_due(regime=WOO, received_on=date(2021, 12, 20), adjournments=[date(2021, 12, 22)])
    assert d.due_on == date(2022, 2, 14)
    assert "+ 4 weken (art. 6 lid 2 Wob)" in d.explanation
    assert any("blijft rechtsgeldig" in w and "art. 6 lid 2 Wob" in w for w in d.warnings)


def test_worked_example_b_seed_001_wob():
    d = decision_due(regime=WOB, received_on=date(2021, 1, 13), adjournments=[date(2021, 1, 27)])
    assert (d.first_term_ends_on, d.due_on) == (date(2021, 2, 10), date(2021, 3, 10))
    assert days_late(due_on=d.due_on, sent_on=date(2021, 4, 6)) == 27


def test_check_case_rbmne_2024_686_woo_adjourned():
    d = decision_due(regime=WOO, received_on=date(2023, 4, 19), adjournments=[date(2023, 5, 10)])
    assert d.first_term_ends_on == date(2023, 5, 17)
    assert d.due_on == date(2023, 5, 31)


def test_easter_2026_moves_only_the_final_day_and_says_why():
    d = decision_due(regime=WOO, received_on=date(2026, 3, 6))
    assert d.first_term_ends_on == date(2026, 4, 3)
    assert d.due_on == date(2026, 4, 7)
    assert d.adjournment_valid is None and d.adjourned_on is None
    moved = d.steps[-2]
    assert moved.startswith("Laatste dag valt op Goede Vrijdag (vrijdag 3 april)")
    assert "maandag 6 april is Tweede Paasdag" in moved
    assert "dinsdag 7 april 2026 (art. 1 Algemene termijnenwet)" in moved


def test_royal_decree_day_moves_the_final_day():
    received = date(2026, 4, 17)  # raw last day: Friday 15 May, the day after Hemelvaart
    assert decision_due(regime=WOO, received_on=received).due_on == date(2026, 5, 15)
    d = decision_due(regime=WOO, received_on=received, extra_holidays=[date(2026, 5, 15)])
    assert d.due_on == date(2026, 5, 18)


@pytest.mark.parametrize(
    ("adjourned_on", "valid", "due_on"),
    [
        (date(2025, 3, 10), True, date(2025, 4, 14)),
        (date(2025, 3, 31), True, date(2025, 4, 14)),  # exactly on T1
        (date(2025, 4, 1), False, date(2025, 3, 31)),  # T1 + 1
    ],
)
def test_adjournment_must_be_sent_by_the_first_term(adjourned_on, valid, due_on):
    d = decision_due(regime=WOO, received_on=date(2025, 3, 3), adjournments=[adjourned_on])
    assert d.first_term_ends_on == date(2025, 3, 31)
    assert d.adjournment_valid is valid
    assert d.adjourned_on == adjourned_on
    assert d.due_on == due_on
    assert bool(d.warnings) is not valid
    if not valid:
        assert "verlengt de termijn niet" in d.warnings[0]
        assert "te laat" in d.explanation


def test_adjournment_after_a_weekend_first_term_is_late_with_a_note():
    # Received on a Saturday: raw T1 is Saturday 29 March; the letter of Monday 31 March is late
    # on the safe reading, and the adviser is told the point is unsettled.
    d = decision_due(regime=WOO, received_on=date(2025, 3, 1), adjournments=[date(2025, 3, 31)])
    assert d.adjournment_valid is False
    assert d.due_on == date(2025, 3, 31)
    assert len(d.warnings) == 2 and "niet beslist" in d.warnings[1]


def test_second_adjournment_warns_and_does_not_extend():
    d = decision_due(
        regime=WOB,
        received_on=date(2025, 3, 3),
        adjournments=[date(2025, 3, 20), date(2025, 3, 10)],  # order of input does not matter
    )
    assert d.adjourned_on == date(2025, 3, 10)
    assert d.adjournment_valid is True
    assert d.due_on == date(2025, 4, 28)  # 31 March + 4 weeks, once
    assert len(d.warnings) == 1
    assert "eenmaal" in d.warnings[0] and "20 maart 2025" in d.warnings[0]


def test_overlapping_suspensions_are_counted_once():
    s1 = Suspension(date(2025, 3, 10), date(2025, 3, 19), "zienswijze derde (art. 4:8 Awb)")
    s2 = Suspension(date(2025, 3, 15), date(2025, 3, 24), "art. 4:15 Awb")
    inside = Suspension(date(2025, 3, 11), date(2025, 3, 12), "overig")
    d = decision_due(regime=WOO, received_on=date(2025, 3, 3), suspensions=[s2, inside, s1])
    assert d.suspended_days == 15
    assert d.due_on == date(2025, 4, 15)
    assert (
        "10 dagen opgeschort (zienswijze derde, art. 4:8 Awb, art. 4.4 lid 3 Woo" in d.explanation
    )
    assert "waarvan 5 dagen al eerder opgeschort" in d.explanation
    assert "geheel binnen een eerdere opschorting" in d.explanation


def test_adjournment_and_zienswijze_together():
    d = decision_due(
        regime=WOB,
        received_on=date(2021, 12, 20),
        adjournments=[date(2021, 12, 22)],
        suspensions=[Suspension(date(2022, 1, 10), date(2022, 1, 23), "zienswijze derde")],
    )
    assert d.suspended_days == 14
    assert d.due_on == date(2022, 2, 28)
    assert "14 dagen opgeschort (zienswijze derde, art. 6 lid 3 Wob;" in d.explanation


def test_suspension_pushing_the_end_onto_a_weekend_is_rolled_forward():
    d = decision_due(
        regime=WOO,
        received_on=date(2025, 3, 3),
        suspensions=[Suspension(date(2025, 3, 10), date(2025, 3, 14))],
    )
    assert d.suspended_days == 5  # 31 March + 5 = Saturday 5 April
    assert d.due_on == date(2025, 4, 7)
    assert "art. 4:15 Awb" in d.explanation
    assert "valt op zaterdag 5 april; verschoven naar maandag 7 april 2025" in d.explanation


def test_suspension_starting_after_the_term_has_no_effect():
    # Issue 12 item 8: only a running term can be suspended. Before the fix the 4 days were added.
    d = decision_due(
        regime=WOO,
        received_on=date(2025, 3, 3),
        suspensions=[Suspension(date(2025, 4, 7), date(2025, 4, 10), "zienswijze derde")],
    )
    assert d.suspended_days == 0
    assert d.due_on == date(2025, 3, 31)
    assert any("verstreken termijn" in w and "telt niet mee" in w for w in d.warnings)
    [period] = d.suspensions
    assert (period.effective, period.counted_days) == (False, 0)
    assert "geen extra dagen" in d.explanation


def test_verdaging_after_d28_but_within_a_suspended_first_term_is_timely():
    # Issue 12 item 8: received 3 March 2025, T1 31 March; a suspension 10..19 March (10 days)
    # moves T1 to 10 April; a verdaging of 7 April is timely: 10 April + 2 weeks = 24 April.
    # Before the fix the verdaging was judged against 31 March and refused.
    d = decision_due(
        regime=WOO,
        received_on=date(2025, 3, 3),
        adjournments=[date(2025, 4, 7)],
        suspensions=[Suspension(date(2025, 3, 10), date(2025, 3, 19), "zienswijze derde")],
    )
    assert d.adjournment_valid is True
    assert d.adjournment_limit == date(2025, 4, 10)
    assert d.due_on == date(2025, 4, 24)
    assert d.warnings == ()
    assert "de eerste termijn, verlengd door de opschorting" in d.explanation


def test_reversed_suspension_range_is_refused():
    with pytest.raises(ValueError, match="laatste dag ligt vóór de eerste dag"):
        decision_due(
            regime=WOO,
            received_on=date(2025, 3, 3),
            suspensions=[Suspension(date(2025, 3, 10), date(2025, 3, 9))],
        )


def test_unknown_regime_is_refused():
    with pytest.raises(ValueError, match="Onbekend regime"):
        decision_due(regime="awb", received_on=date(2025, 3, 3))


def test_terms_are_configuration_by_effective_date():
    amended = TermRule(WOO, date(2027, 1, 1), decision_weeks=6, adjournment_weeks=4, law="Woo")
    rules = (*TERM_RULES, amended)
    assert term_rule(WOO, date(2026, 12, 31), rules).decision_weeks == 4
    assert term_rule(WOO, date(2027, 1, 1), rules) is amended
    d = decision_due(regime=WOO, received_on=date(2027, 1, 4), rules=rules)
    assert d.first_term_ends_on == date(2027, 2, 15)
    # A request received before the Woo but decided under it gets the first Woo terms.
    assert term_rule(WOO, date(2021, 12, 20)).adjournment_weeks == 2
    assert term_rule(WOB, date(2021, 12, 20)).adjournment_weeks == 4


@pytest.mark.parametrize(
    ("received_on", "decided_on", "regime"),
    [
        (date(2021, 12, 20), date(2022, 2, 21), WOB),
        (date(2022, 4, 20), date(2022, 5, 10), WOO),  # pending on 1 May 2022
        (date(2022, 4, 30), None, WOB),
        (date(2022, 5, 1), None, WOO),
        (date(2022, 4, 20), date(2022, 4, 30), WOB),
    ],
)
def test_regime_for_is_the_law_on_the_decision_date(received_on, decided_on, regime):
    assert regime_for(received_on, decided_on) == regime


@pytest.mark.parametrize(
    ("sent_on", "late"),
    [(date(2022, 2, 10), 0), (date(2022, 2, 14), 0), (date(2022, 2, 15), 1)],
)
def test_days_late(sent_on, late):
    assert days_late(due_on=date(2022, 2, 14), sent_on=sent_on) == late


@pytest.mark.parametrize(
    ("bekendmaking_on", "last_day", "moved"),
    [
        (date(2022, 2, 21), date(2022, 4, 4), False),
        (date(2025, 11, 15), date(2025, 12, 29), True),  # + 42 = Saturday 27 December
        (date(2026, 2, 20), date(2026, 4, 7), True),  # + 42 = Goede Vrijdag
    ],
)
def test_bezwaar_term_six_weeks_after_bekendmaking(bekendmaking_on, last_day, moved):
    end, text = bezwaar_term_ends(bekendmaking_on=bekendmaking_on)
    assert end == last_day
    assert "art. 6:7 Awb" in text and "art. 6:8 lid 1 Awb" in text
    assert ("Algemene termijnenwet" in text) is moved


def test_beroep_niet_tijdig_two_weeks_after_receipt():
    first, text = beroep_niet_tijdig_from(ingebrekestelling_received_on=date(2026, 3, 2))
    assert first == date(2026, 3, 16)
    assert "art. 6:12 lid 2 Awb" in text and "maandag 16 maart 2026" in text


def test_precisering_and_release_terms():
    assert precisering_deadline(received_on=date(2026, 3, 2)) == date(2026, 3, 16)
    assert release_after_objection_term(bekendmaking_on=date(2026, 3, 2)) == date(2026, 3, 16)


def test_format_date_nl_is_exported_here():
    assert format_date_nl(date(2021, 5, 10)) == "10 mei 2021"
    assert format_date_nl(date(2021, 12, 20), weekday=True) == "maandag 20 december 2021"
