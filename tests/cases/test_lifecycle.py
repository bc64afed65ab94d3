"""The transition table: allowed and refused moves, pure."""

import pytest

from cases import lifecycle
from cases.lifecycle import TransitionRefused, next_status


@pytest.mark.parametrize(
    ("current", "event", "expected"),
    [
        ("ontvangen", "acknowledged", "ontvangst_bevestigd"),
        ("ontvangst_bevestigd", "adjourned", "verdaagd"),
        ("verdaagd", "assessment_started", "beoordeling"),
        ("beoordeling", "zienswijze_asked", "zienswijze_derden"),
        ("zienswijze_derden", "zienswijze_received", "zienswijze_afgerond"),
        ("beoordeling", "decision_drafted", "besluit_concept"),
        ("besluit_concept", "sent_for_signature", "ter_ondertekening"),
        ("ter_ondertekening", "decision_sent", "verzonden"),
        ("verzonden", "documents_provided", "openbaar_gemaakt"),
        ("openbaar_gemaakt", "published", "gepubliceerd"),
        ("gepubliceerd", "bezwaar_received", "bezwaar"),
        ("ontvangen", "precisering_asked", "precisering_gevraagd"),
        ("precisering_gevraagd", "precisering_received", "gepreciseerd"),
        ("precisering_gevraagd", "not_handled", "buiten_behandeling"),
        ("in_behandeling", "withdrawn", "ingetrokken"),
        ("ingetrokken", "closed", "gesloten"),
        ("beoordeling", "suspension", "beoordeling"),  # recorded, no status change
        ("verdaagd", "ingebrekestelling_received", "verdaagd"),
        ("gesloten", "contact", "gesloten"),
        # Awb 6:2/6:12: beroep niet tijdig before the decision; Awb 6:20: still decided after it
        ("verdaagd", "beroep_received", "beroep_niet_tijdig"),
        ("beroep_niet_tijdig", "decision_sent", "verzonden"),
        ("beroep_niet_tijdig", "decision_drafted", "besluit_concept"),
        ("beslissing_op_bezwaar", "beroep_received", "beroep"),
        ("zienswijze_derden", "zienswijze_notice", "zienswijze_derden"),
    ],
)
def test_allowed_moves(current, event, expected):
    assert next_status(current, event) == expected


@pytest.mark.parametrize(
    ("current", "event"),
    [
        ("ingetrokken", "decision_sent"),
        ("gesloten", "decision_sent"),
        ("verzonden", "decision_sent"),
        ("verzonden", "adjourned"),
        ("ontvangen", "documents_provided"),
        ("ontvangen", "bezwaar_received"),
        ("gesloten", "withdrawn"),
        ("ontvangen", "received"),
        ("buiten_behandeling", "acknowledged"),
        ("precisering_gevraagd", "decision_sent"),
    ],
)
def test_refused_moves_say_why_in_dutch(current, event):
    with pytest.raises(TransitionRefused) as exc:
        next_status(current, event)
    assert "kan niet" in str(exc.value) or "één keer" in str(exc.value)


def test_unknown_event_refused():
    with pytest.raises(TransitionRefused, match="Onbekende stap"):
        next_status("ontvangen", "teleported")


def test_every_target_is_a_status_and_every_source_too():
    for event in lifecycle.EVENT_TYPES.values():
        assert event.target is None or event.target in lifecycle.STATUSES
        for source in event.allowed_from:
            assert source in lifecycle.STATUSES, (event.code, source)


def test_allowed_event_types_lists_only_possible_steps():
    allowed = lifecycle.allowed_event_types("ingetrokken")
    assert "decision_sent" not in allowed
    assert "closed" in allowed
    assert "received" not in lifecycle.allowed_event_types("ontvangen")


def test_beroep_niet_tijdig_is_an_open_status_with_the_duty_to_decide():
    assert "beroep_niet_tijdig" in lifecycle.OPEN_STATUSES
    assert "decision_sent" in lifecycle.allowed_event_types("beroep_niet_tijdig")


def test_reply_terms_are_accepted_for_precisering_and_zienswijze():
    accepting = {c for c, e in lifecycle.EVENT_TYPES.items() if e.accepts_until}
    assert accepting == {"precisering_asked", "zienswijze_asked"}
