"""Registering a request, recording its steps, refusals and warnings: through the services."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from cases.models import AuditRecord, Event, Organisation
from cases.selectors import request_status_summary
from cases.services.requests import request_register, request_transition

TODAY = date(2026, 11, 22)


def step(case, type, on, **kw):
    return request_transition(request=case, type=type, on=on, today_=TODAY, **kw)


def test_register_gives_kenmerk_points_event_and_deadline(make_case):
    case = make_case()
    assert case.reference == "2026-0000001"
    assert case.regime == "woo"
    assert [p.number for p in case.points.all()] == [1, 2, 3]
    assert case.events.get().type == "received"
    # Received Fri 6 March 2026 -> raw term Fri 3 April (Goede Vrijdag) -> Mon 6 April (2e Paasdag) -> Tue 7 April
    assert case.due_on == date(2026, 4, 7)
    assert case.status == "ontvangen"
    assert AuditRecord.objects.filter(request=case, action="request_registered").exists()


def test_kenmerk_sequence_per_organisation_per_year(make_case, organisation):
    first = make_case()
    second = make_case()
    older = make_case(received_on=date(2025, 12, 30))
    other_org = Organisation.objects.create(slug="andere", name="Andere gemeente")
    elsewhere = make_case(organisation=other_org)
    assert (first.reference, second.reference) == ("2026-0000001", "2026-0000002")
    assert older.reference == "2025-0000001"
    assert elsewhere.reference == "2026-0000001"


def test_regime_derived_from_dates_and_overridable(make_case):
    # Received under the Wob and decided before 1 May 2022: Wob.
    old = make_case(received_on=date(2021, 12, 20))
    assert old.regime == "woo"  # still open today: the Woo applies to the decision
    step(old, "adjourned", date(2021, 12, 22), note="omvang")
    step(old, "decision_sent", date(2022, 2, 21), actor_label="import")
    old.refresh_from_db()
    assert old.regime == "wob"
    summary = request_status_summary(old)
    assert summary["due_on"] == "2022-02-14"
    assert summary["days_late"] == 7
    forced = make_case(received_on=date(2022, 4, 20), regime="wob")
    assert forced.regime == "wob" and forced.regime_overridden


def test_register_refuses_future_date(make_case):
    with pytest.raises(ValidationError) as exc:
        make_case(received_on=date(2026, 12, 1))
    assert "toekomst" in str(exc.value)


def test_lifecycle_through_the_service(make_case):
    case = make_case()
    step(case, "acknowledged", date(2026, 3, 9))
    step(case, "adjourned", date(2026, 3, 20), note="Omvangrijk verzoek.")
    case.refresh_from_db()
    assert case.status == "verdaagd"
    assert case.due_on == date(2026, 4, 17)  # 3 April + 14 days (art. 4.4 lid 2 Woo), a Friday
    step(
        case,
        "suspension",
        date(2026, 4, 1),
        until=date(2026, 4, 10),
        suspension_reason="zienswijze",
    )
    case.refresh_from_db()
    # + 10 suspended days = Mon 27 April, Koningsdag (Atw) -> Tue 28 April
    assert case.due_on == date(2026, 4, 28)
    step(case, "decision_sent", date(2026, 4, 24), actor_label="import")
    case.refresh_from_db()
    assert case.status == "verzonden"
    assert case.decision_sent_on == date(2026, 4, 24)
    summary = request_status_summary(case)
    assert summary["days_late"] == 0
    assert summary["suspended_days"] == 10
    assert summary["adjournment_valid"] is True


@pytest.mark.parametrize(
    ("on", "message"),
    [(date(2026, 3, 5), "vóór de ontvangst"), (date(2026, 11, 23), "toekomst")],
)
def test_impossible_dates_refused_and_nothing_changes(make_case, on, message):
    case = make_case()
    with pytest.raises(ValidationError) as exc:
        step(case, "acknowledged", on)
    assert message in str(exc.value)
    case.refresh_from_db()
    assert case.status == "ontvangen"
    assert case.events.count() == 1


def test_decision_on_withdrawn_request_refused(make_case):
    case = make_case()
    step(case, "withdrawn", date(2026, 3, 10))
    with pytest.raises(ValidationError) as exc:
        step(case, "decision_sent", date(2026, 3, 12), actor_label="import")
    assert "Besluit verzonden" in str(exc.value) and "Ingetrokken" in str(exc.value)
    case.refresh_from_db()
    assert case.status == "ingetrokken"
    assert not case.events.filter(type="decision_sent").exists()


def test_late_adjournment_recorded_with_warning_and_no_extension(make_case):
    case = make_case()
    before = case.due_on
    event = step(case, "adjourned", date(2026, 4, 6), note="te laat")  # first term ended 3 April
    case.refresh_from_db()
    assert event.pk and not event.has_legal_effect
    assert "geen rechtsgevolg" in event.warning
    assert case.due_on == before == date(2026, 4, 7)
    assert case.status == "ontvangen"
    assert request_status_summary(case)["adjournment_valid"] is False


def test_second_adjournment_recorded_with_warning(make_case):
    case = make_case()
    step(case, "adjourned", date(2026, 3, 10), note="omvang")
    case.refresh_from_db()
    due = case.due_on
    event = step(case, "adjourned", date(2026, 3, 20), note="nog eens")
    case.refresh_from_db()
    assert "al eerder verdaagd" in event.warning
    assert case.due_on == due
    assert Event.objects.filter(request=case, type="adjourned").count() == 2


def test_suspension_needs_valid_range(make_case):
    case = make_case()
    with pytest.raises(ValidationError, match="laatste dag"):
        step(case, "suspension", date(2026, 3, 10))
    with pytest.raises(ValidationError, match="vóór de eerste dag"):
        step(case, "suspension", date(2026, 3, 10), until=date(2026, 3, 9))


def test_step_dated_before_previous_step_refused(make_case):
    case = make_case()
    step(case, "acknowledged", date(2026, 3, 12))
    with pytest.raises(ValidationError, match="laatste stap"):
        step(case, "started", date(2026, 3, 10))


def test_premature_ingebrekestelling_warns(make_case):
    case = make_case()
    event = step(case, "ingebrekestelling_received", date(2026, 3, 20))
    assert "voorbarig" in event.warning


def test_register_with_explicit_points(organisation):
    case = request_register(
        organisation=organisation,
        received_on=date(2026, 1, 5),
        requester_name="X",
        subject="s",
        request_text="tekst zonder nummers",
        points=[(1, "eerste"), (2, "tweede")],
        on=TODAY,
    )
    assert list(case.points.values_list("text", flat=True)) == ["eerste", "tweede"]


def test_precisering_suspends_under_wob_and_by_setting_under_woo(make_case, organisation):
    wob = make_case(received_on=date(2021, 3, 1), regime="wob")  # T1 29 March 2021
    step(wob, "precisering_asked", date(2021, 3, 3))
    # Awb 4:15 lid 1 sub a: "tot" the day it is completed: 4..9 March = 6 days suspended
    step(wob, "precisering_received", date(2021, 3, 10))
    wob.refresh_from_db()
    assert wob.due_on == date(2021, 4, 6)  # 29 March + 6 = Sunday 4 April, 5 April Paasdag -> 6
    woo = make_case(received_on=date(2026, 2, 2))  # T1 2 March 2026
    step(woo, "precisering_asked", date(2026, 2, 4))
    step(woo, "precisering_received", date(2026, 2, 9))
    woo.refresh_from_db()
    assert woo.due_on == date(2026, 3, 2)  # not suspended by default under the Woo
    organisation.precisering_suspends_woo = True
    organisation.save()
    from cases.services.requests import request_refresh

    woo.refresh_from_db()
    request_refresh(request=woo)
    assert woo.due_on == date(2026, 3, 6)  # 5..8 February = 4 days: 2 March + 4 = Friday 6 March
    assert "precisering" in request_status_summary(woo)["explanation"]
