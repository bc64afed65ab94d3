"""Ontvangstbevestiging (with and without the combined verdaging) and the verdagingsbrief."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from cases.letters import LETTER_KINDS, LetterError, render_letter
from cases.letters.wording import adjournment_refusal
from tests.cases.letter_fixtures import body, headings, open_docx, seed000_context


def kind_extras(kind: str) -> dict:
    """What each letter kind needs beyond the seed-000 context."""
    from cases.letters.context import PartyInfo

    party = PartyInfo("Leverancier B.V.", address="Postbus 1\n1000 AA Amsterdam", documents=("1",))
    organ = PartyInfo("Het college van B&W van Teststad", address="Postbus 2\n2000 AA Teststad")
    return {
        "verdagingsbrief": {"adjournment_reasons": ("omvang",)},
        "precisering": {
            "reply_due_on": date(2021, 6, 15),
            "precisering_question": "Welke periode bedoelt u?",
        },
        "doorzendbrief": {"forwarded_to": organ},
        "doorzending_orgaan": {"forwarded_to": organ, "addressee": organ},
        "zienswijzeverzoek": {"addressee": party, "reply_due_on": date(2021, 6, 15)},
        "opschorting": {"third_parties": (party,), "reply_due_on": date(2021, 6, 15)},
        "einde_opschorting": {"zienswijze_received_on": date(2021, 5, 31)},
        "kennisgeving_derde": {"addressee": party, "decision_sent_on": date(2021, 5, 31)},
    }.get(kind, {})


def ack(**overrides):
    base = dict(kind="ontvangstbevestiging", regime="woo", letter_date=date(2021, 5, 12))
    return seed000_context(**{**base, **overrides})


def test_ontvangstbevestiging_without_verdaging():
    data = render_letter(ack())
    text = body(data)
    assert (
        "Op 10 mei 2021 heb ik uw verzoek op grond van de Wet open overheid (Woo) ontvangen."
        in text
    )
    assert "geregistreerd onder kenmerk 2021-0003446" in text
    assert "dus uiterlijk op 5 juli 2021" in text
    assert "eenmaal met twee weken verdagen (artikel 4.4, tweede lid, van de Woo)" in text
    assert "Ik verdaag" not in text
    assert headings(data) == ["Beslistermijn"]
    assert "Ontvangstbevestiging Woo-verzoek" in open_docx(data).tables[0].rows[0].cells[1].text


@pytest.mark.parametrize(
    ("regime", "weeks", "article"),
    [
        ("wob", "vier", "artikel 6, tweede lid, van de Wob"),
        ("woo", "twee", "artikel 4.4, tweede lid, van de Woo"),
    ],
)
def test_ontvangstbevestiging_with_combined_verdaging(regime, weeks, article):
    text = body(
        render_letter(
            ack(
                regime=regime,
                letter_date=date(2021, 5, 18),
                adjourned=True,
                adjournment_reasons=("omvang",),
                adjourned_due_on=date(2021, 7, 5),
            )
        )
    )
    assert (
        f"Ik verdaag de beslissing met {weeks} weken ({article}). De reden daarvoor is dat de "
        "omvang van de informatie waarom u vraagt" in text
    )
    assert "U ontvangt uiterlijk op 5 juli 2021 een besluit op uw verzoek." in text
    assert "dus uiterlijk op" not in text


def test_ontvangstbevestiging_verdaging_needs_the_new_date():
    with pytest.raises(LetterError, match="nieuwe datum"):
        render_letter(ack(adjourned=True, adjourned_due_on=None, adjournment_reasons=("omvang",)))


def test_verdagingsbrief_on_the_last_day_of_the_first_term():
    ctx = seed000_context(
        kind="verdagingsbrief",
        regime="woo",
        letter_date=date(2021, 6, 7),
        adjournment_reasons=("omvang",),
        adjourned_due_on=date(2021, 6, 21),
    )
    data = render_letter(ctx)
    text = body(data)
    assert (
        "binnen vier weken na ontvangst op uw verzoek beslissen, dus uiterlijk op 7 juni 2021"
        in text
    )
    # The legal reason of Woo art. 4.4 lid 2, not a free note (issue 12, item 5).
    assert (
        "te beslissen. De reden daarvoor is dat de omvang van de informatie waarom u vraagt een "
        "verlenging van de termijn rechtvaardigt." in text
    )
    assert (
        "Ik verdaag de beslissing daarom met twee weken (artikel 4.4, tweede lid, van de Woo)."
        in text
    )
    assert "U ontvangt uiterlijk op 21 juni 2021 een besluit op uw verzoek." in text
    assert headings(data) == ["Verdaging van de beslistermijn"]


@pytest.mark.parametrize(
    ("regime", "message"),
    [
        (
            "woo",
            "De eerste beslistermijn is op 7 juni 2021 verstreken; verdagen kan niet meer "
            "(art. 4.4 lid 2 Woo).",
        ),
        (
            "wob",
            "De eerste beslistermijn is op 7 juni 2021 verstreken; verdagen kan niet meer "
            "(art. 6 lid 2 Wob).",
        ),
    ],
)
def test_verdagingsbrief_refused_after_first_term(regime, message):
    ctx = seed000_context(kind="verdagingsbrief", regime=regime, letter_date=date(2021, 6, 8))
    with pytest.raises(LetterError) as excinfo:
        render_letter(ctx)
    assert str(excinfo.value) == message
    assert isinstance(excinfo.value, ValueError)


@pytest.mark.parametrize(
    ("letter_date", "first_term_ends_on", "refused"),
    [
        (date(2022, 1, 17), date(2022, 1, 17), False),
        (date(2022, 1, 18), date(2022, 1, 17), True),
        (date(2022, 1, 1), date(2022, 1, 17), False),
        (date(2022, 3, 1), None, False),
    ],
)
def test_adjournment_refusal_rule(letter_date, first_term_ends_on, refused):
    result = adjournment_refusal(
        regime="woo", letter_date=letter_date, first_term_ends_on=first_term_ends_on
    )
    assert (result is not None) is refused
    if refused:
        assert "17 januari 2022" in result


def test_unknown_kind_and_regime_are_refused():
    with pytest.raises(LetterError, match="Onbekende brief"):
        render_letter(seed000_context(kind="kamerbrief"))
    with pytest.raises(LetterError, match="Onbekend regime"):
        render_letter(seed000_context(regime="awb"))


def test_every_kind_renders():
    for kind in LETTER_KINDS:
        ctx = seed000_context(kind=kind, letter_date=date(2021, 6, 1), **kind_extras(kind))
        data = render_letter(replace(ctx))
        assert data[:2] == b"PK"
        assert open_docx(data).paragraphs
