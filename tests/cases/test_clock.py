"""The case clock (cases/clock.py): issue 12 items 8-14 and timeline corrections, each from the
statute, pure where possible and through the services where the product records the step."""

from __future__ import annotations

import importlib
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.exceptions import ValidationError
from django.urls import reverse

from cases import calendar_nl, clock, lifecycle
from cases.clock import ClockEvent, ClockSettings, compute
from cases.models import AuditRecord, Event, Holiday, Request
from cases.models.timeline import EventImmutable
from cases.selectors import request_clock, request_status_summary
from cases.services.requests import event_void, request_refresh, request_transition

TODAY = date(2026, 11, 22)


def ev(type, on, until=None, key=None, **kw):
    return ClockEvent(type=type, on=on, until=until, key=key or f"{type}@{on}", **kw)


def run(events, *, regime="woo", received_on=date(2025, 3, 3), today=TODAY, **kw):
    return compute(
        events=[ev("received", received_on), *events],
        regime=regime,
        received_on=received_on,
        today=today,
        **kw,
    )


def step(case, type, on, **kw):
    if type == "decision_sent":  # recorded as for a case decided outside wobdesk (an import)
        kw.setdefault("actor_label", "import")
    return request_transition(request=case, type=type, on=on, today_=TODAY, **kw)


# --- Item 8: suspension after the term; verdaging within a suspended first term ---------------


def test_item8_suspension_recorded_after_the_term_adds_nothing(make_case):
    case = make_case(received_on=date(2026, 2, 2))  # T1 Monday 2 March 2026
    event = step(
        case, "suspension", date(2026, 3, 5), until=date(2026, 3, 12), suspension_reason="awb_4_15"
    )
    case.refresh_from_db()
    assert event.pk and not event.has_legal_effect
    assert "verstreken termijn" in event.warning
    assert case.due_on == date(2026, 3, 2)
    assert request_status_summary(case)["suspended_days"] == 0


def test_item8_verdagingsbrief_allowed_within_a_first_term_extended_by_a_suspension(make_case):
    from cases.services.letters import letter_render

    case = make_case(received_on=date(2026, 2, 2))  # T1 2 March 2026
    step(case, "zienswijze_asked", date(2026, 2, 16), until=date(2026, 3, 1))
    step(case, "zienswijze_received", date(2026, 2, 27))  # 17..27 February: 11 days -> 13 March
    case.refresh_from_db()
    result = request_clock(case, today=TODAY)
    assert result.adjournment_limit == date(2026, 3, 13)
    letter = letter_render(
        request=case,
        kind="verdagingsbrief",
        letter_date=date(2026, 3, 10),
        options={"adjournment_reasons": ["omvang"]},
    )
    assert letter.pk  # before the fix: "De eerste beslistermijn is op 2 maart 2026 verstreken"
    event = step(case, "adjourned", date(2026, 3, 10), note="omvang")
    case.refresh_from_db()
    assert event.has_legal_effect and event.warning == ""
    assert case.due_on == date(2026, 3, 27)  # 13 March + 2 weeks
    assert case.status == "verdaagd"


# --- Item 9: the zienswijze suspension follows from the events --------------------------------


def test_item9_zienswijze_suspends_from_the_day_after_telling_through_the_view():
    r = run(
        [ev("zienswijze_asked", date(2025, 3, 10)), ev("zienswijze_received", date(2025, 3, 19))]
    )
    [p] = r.suspensions
    assert (p.first_day, p.last_day, p.source) == (
        date(2025, 3, 11),
        date(2025, 3, 19),
        "zienswijze",
    )
    assert r.suspended_days == 9  # "tot en met" the day the view arrives
    assert r.due_on == date(2025, 4, 9)
    assert "art. 4.4 lid 3 Woo" in r.explanation


def test_item9_a_separate_notice_dates_the_telling():
    r = run(
        [
            ev("zienswijze_asked", date(2025, 3, 10)),
            ev("zienswijze_notice", date(2025, 3, 12)),
            ev("zienswijze_received", date(2025, 3, 19)),
        ]
    )
    assert r.suspensions[0].first_day == date(2025, 3, 13)
    assert r.suspended_days == 7


def test_item9_term_ran_out_before_the_view_came():
    r = run(
        [
            ev("zienswijze_asked", date(2025, 3, 10), until=date(2025, 3, 17)),
            ev("zienswijze_received", date(2025, 3, 24)),
        ]
    )
    assert r.suspensions[0].last_day == date(2025, 3, 17)
    assert r.suspended_days == 7


def test_item9_no_manual_suspension_needed_through_the_service(make_case):
    case = make_case(received_on=date(2026, 2, 2))
    step(case, "zienswijze_asked", date(2026, 2, 9))
    step(case, "zienswijze_received", date(2026, 2, 16))  # 10..16 February: 7 days
    case.refresh_from_db()
    assert case.due_on == date(2026, 3, 9)  # before the fix: 2 March (nothing suspended)
    assert case.status == "zienswijze_afgerond"


def test_item9_manual_zienswijze_suspension_overlapping_counts_once():
    r = run(
        [
            ev("zienswijze_asked", date(2025, 3, 10)),
            ev("suspension", date(2025, 3, 11), until=date(2025, 3, 19), reason="zienswijze"),
            ev("zienswijze_received", date(2025, 3, 19)),
        ]
    )
    assert r.suspended_days == 9


# --- Item 10: precisering (Awb 4:15 lid 1 sub a) ------------------------------------------------


def test_item10_precisering_suspends_until_not_through_the_completion_day():
    r = run(
        [ev("precisering_asked", date(2021, 3, 3)), ev("precisering_received", date(2021, 3, 10))],
        regime="wob",
        received_on=date(2021, 3, 1),
    )
    [p] = r.suspensions
    assert (p.first_day, p.last_day) == (date(2021, 3, 4), date(2021, 3, 9))
    assert r.suspended_days == 6  # before the fix: 7 (the completion day counted too)


def test_item10_unanswered_precisering_until_the_reply_term_ran_out():
    r = run(
        [
            ev("precisering_asked", date(2021, 3, 3), until=date(2021, 3, 17)),
            ev("decision_sent", date(2021, 5, 3)),
        ],
        regime="wob",
        received_on=date(2021, 3, 1),
    )
    assert r.suspensions[0].last_day == date(2021, 3, 17)
    assert r.suspended_days == 14


def test_item10_unanswered_without_reply_term_does_not_suspend_and_warns():
    r = run(
        [ev("precisering_asked", date(2021, 3, 3)), ev("decision_sent", date(2021, 5, 3))],
        regime="wob",
        received_on=date(2021, 3, 1),
    )
    assert r.suspended_days == 0
    assert any("geen antwoordtermijn" in w.lower() for w in r.warnings)


def test_item10_late_precisering_under_the_woo_is_warned():
    late = run([ev("precisering_asked", date(2025, 3, 18), key="p")])  # received 3 March + 15
    assert any("art. 4.1 lid 5 Woo" in n for n in late.notes_for("p"))
    timely = run([ev("precisering_asked", date(2025, 3, 17), key="p")])
    assert timely.notes_for("p") == []


def test_item10_woo_precisering_suspends_only_by_organisation_setting():
    events = [
        ev("precisering_asked", date(2025, 3, 4)),
        ev("precisering_received", date(2025, 3, 9)),
    ]
    assert run(events).suspended_days == 0
    on = run(events, settings=ClockSettings(precisering_suspends_woo=True))
    assert on.suspended_days == 4  # 5..8 March


# --- Item 11: Royal Decree days are data, used for every term ---------------------------------


def test_item11_holiday_from_beheer_moves_the_due_date_and_setting_changes_refresh(make_case):
    Holiday.objects.update_or_create(
        date=date(2026, 5, 15),
        defaults={"name": "vrijdag na Hemelvaartsdag", "source": "test", "active": True},
    )
    case = make_case(received_on=date(2026, 4, 17))  # raw last day Friday 15 May 2026
    case.refresh_from_db()
    assert case.due_on == date(2026, 5, 18)  # before the fix: 15 May (extra_holidays never passed)
    assert "vrijdag na Hemelvaartsdag" in request_clock(case, today=TODAY).explanation
    h = Holiday.objects.get(date=date(2026, 5, 15))
    h.active = False
    h.save()  # the signal refreshes open cases
    case.refresh_from_db()
    assert case.due_on == date(2026, 5, 15)


def test_item11_holidays_apply_to_the_bezwaar_term():
    sent = date(2026, 4, 3)  # + 42 days = Friday 15 May 2026
    events = [ev("decision_sent", sent)]
    plain = run(events, received_on=date(2026, 3, 20))
    assert plain.bezwaar_ends_on == date(2026, 5, 15)
    decreed = run(
        events,
        received_on=date(2026, 3, 20),
        settings=ClockSettings(holidays={date(2026, 5, 15): "vrijdag na Hemelvaartsdag"}),
    )
    assert decreed.bezwaar_ends_on == date(2026, 5, 18)


def test_item11_seeded_days_are_bridge_days_of_the_atw_with_a_source():
    migration = importlib.import_module("cases.migrations.0007_clock_holidays_voiding")
    assert len(migration.SEED) >= 15
    for iso, name, source, _active in migration.SEED:
        day = date.fromisoformat(iso)
        before, after = day - timedelta(days=1), day + timedelta(days=1)
        statutory = calendar_nl.atw_holidays(day.year) | calendar_nl.atw_holidays(after.year)
        bridge = (day.weekday() == 4 and before in statutory) or (
            day.weekday() == 0 and after in statutory
        )
        assert bridge, iso
        assert source.strip()
        if "Hemelvaart" in name:
            assert statutory[before] == "Hemelvaartsdag"
    fridays_after_ascension = [
        iso for iso, name, _s, active in migration.SEED if "Hemelvaart" in name and active
    ]
    assert "2026-05-15" in fridays_after_ascension


def test_item11_holiday_is_maintained_in_beheer(client, django_user_model):
    from django.contrib import admin

    assert Holiday in admin.site._registry
    superuser = django_user_model.objects.create_superuser("beheer1", "b@x.nl", "pw-123-abc")
    client.force_login(superuser)
    response = client.get(reverse("admin:cases_holiday_changelist"))
    assert response.status_code == 200


# --- Item 12: a decision after a beroep niet tijdig ----------------------------------------------


def test_item12_decision_after_beroep_niet_tijdig_is_recordable(make_case):
    case = make_case(received_on=date(2026, 2, 2))  # due 2 March 2026
    step(case, "ingebrekestelling_received", date(2026, 3, 10))
    early = step(case, "beroep_received", date(2026, 3, 20))  # allowed from 24 March
    assert "eerder dan twee weken" in early.warning and "art. 6:12 lid 2 Awb" in early.warning
    case.refresh_from_db()
    assert case.status == "beroep_niet_tijdig"
    sent = step(case, "decision_sent", date(2026, 4, 1))  # before the fix: refused
    case.refresh_from_db()
    assert sent.pk and case.status == "verzonden"
    result = request_clock(case, today=TODAY)
    assert result.days_late == 30
    assert "art. 6:20 lid 1 en 3 Awb" in result.explanation


def test_item12_beroep_after_two_weeks_is_not_warned():
    r = run(
        [
            ev("ingebrekestelling_received", date(2025, 4, 10)),
            ev("beroep_received", date(2025, 4, 24), key="b"),
        ]
    )
    assert r.notes_for("b") == []
    assert r.beroep_niet_tijdig_from == date(2025, 4, 24)


# --- Item 13: Wob adjournment kept when decided under the Woo ----------------------------------


def test_item13_wob_case_adjourned_under_wob_decided_after_1_may_2022(make_case):
    case = make_case(received_on=date(2021, 12, 20), on=date(2021, 12, 20))
    assert case.regime == "wob"
    step(case, "adjourned", date(2021, 12, 22), note="omvang")
    step(case, "decision_sent", date(2022, 5, 10))
    case.refresh_from_db()
    assert case.regime == "woo"
    assert case.due_on == date(2022, 2, 14)  # before the fix: 31 January 2022 (Woo +2 weeks)
    summary = request_status_summary(case)
    assert summary["days_late"] == 85
    assert any("blijft rechtsgeldig" in w for w in summary["warnings"])


# --- Item 14: bezwaar after the bezwaar term ----------------------------------------------------


def test_item14_late_bezwaar_is_warned(make_case):
    case = make_case(received_on=date(2026, 2, 2))
    step(case, "decision_sent", date(2026, 2, 27))  # bezwaar term to 10 April 2026
    case.refresh_from_db()
    assert request_clock(case, today=TODAY).bezwaar_ends_on == date(2026, 4, 10)
    late = step(case, "bezwaar_received", date(2026, 4, 13))
    assert "na het einde van de bezwaartermijn" in late.warning
    assert "art. 6:11 Awb" in late.warning


def test_item14_timely_bezwaar_is_not_warned(make_case):
    case = make_case(received_on=date(2026, 2, 2))
    step(case, "decision_sent", date(2026, 2, 27))
    timely = step(case, "bezwaar_received", date(2026, 4, 10))
    assert timely.warning == ""


# --- Timeline corrections ------------------------------------------------------------------------


def test_second_verdaging_by_accident_is_voided_and_stays_visible(make_case, adviser):
    case = make_case()
    first = step(case, "adjourned", date(2026, 3, 10), note="omvang")
    second = step(case, "adjourned", date(2026, 3, 12), note="per ongeluk")
    assert not second.has_legal_effect
    event_void(event=second, reason="dubbel ingevoerd", by=adviser)
    second.refresh_from_db()
    assert second.voided_at and second.void_reason == "dubbel ingevoerd"
    assert second.voided_by == adviser
    record = AuditRecord.objects.get(action="event_voided")
    assert record.data["reason"] == "dubbel ingevoerd" and record.object_id == str(second.pk)
    result = request_clock(case, today=TODAY)
    assert result.warnings == ()  # the clock ignores the voided step
    # Voiding the first (real) verdaging brings the first term back.
    event_void(event=first, reason="verdaging nooit verzonden", by=adviser)
    case.refresh_from_db()
    assert case.status == "ontvangen"
    assert case.due_on == date(2026, 4, 7)
    assert Event.objects.filter(request=case, type="adjourned").count() == 2


def test_void_needs_a_reason_and_rights(make_case, other_adviser):
    case = make_case()
    event = step(case, "acknowledged", date(2026, 3, 9))
    with pytest.raises(ValidationError, match="reden"):
        event_void(event=event, reason="  ", by=None)
    with pytest.raises(ValidationError, match="behandelend jurist of een coördinator"):
        event_void(event=event, reason="fout", by=other_adviser)
    received = case.events.get(type="received")
    with pytest.raises(ValidationError, match="ontvangst"):
        event_void(event=received, reason="fout", by=None)


def test_events_are_never_edited_or_deleted(make_case):
    case = make_case()
    event = case.events.get(type="received")
    event.note = "gewijzigd"
    with pytest.raises(EventImmutable):
        event.save()
    with pytest.raises(EventImmutable):
        event.delete()
    with pytest.raises(EventImmutable):
        Event.objects.filter(pk=event.pk).update(on=date(2026, 1, 1))
    with pytest.raises(EventImmutable):
        Event.objects.filter(pk=event.pk).delete()
    event.refresh_from_db()
    assert event.note != "gewijzigd"


def test_void_through_the_timeline_screen(client, adviser, coordinator, make_case):
    case = make_case()
    step(case, "adjourned", date(2026, 3, 10), note="omvang")
    second = step(case, "adjourned", date(2026, 3, 12), note="per ongeluk")
    client.force_login(coordinator)
    url = reverse("cases:event_void", args=[case.pk, second.pk])
    response = client.post(url, {"reason": ""})
    assert response.status_code == 302
    second.refresh_from_db()
    assert second.voided_at is None  # no reason: nothing changed
    response = client.post(url, {"reason": "tweede verdaging per vergissing"})
    assert response.status_code == 302
    page = client.get(reverse("cases:request_detail", args=[case.pk]) + "?tab=tijdlijn")
    html = page.content.decode()
    assert 'data-testid="voided"' in html and "tweede verdaging per vergissing" in html


# --- One result: list, light, overview, reminders, refresh ---------------------------------------


def test_list_shows_date_and_light_from_the_same_clock(client, adviser, make_case):
    case = make_case(received_on=date(2026, 11, 2))
    Request.objects.filter(pk=case.pk).update(due_on=date(2020, 1, 1))  # a stale cache
    client.force_login(adviser)
    html = client.get(reverse("cases:request_list")).content.decode()
    result = request_clock(case)
    row = next(r for r in re.findall(r"<tr>.*?</tr>", html, re.S) if case.reference in r)
    assert result.light.label in row
    assert f"{result.due_on.day} " in row and "2020" not in row


def test_first_term_reminder_and_overview_action_share_one_threshold():
    # First term ends Monday 31 March 2025; Monday 24 March is 5 working days before: both the
    # overview action and the reminder trigger fire (before: reminders used 3 calendar days).
    r = run([ev("acknowledged", date(2025, 3, 4))], today=date(2025, 3, 24))
    assert r.reminder("first_term") is not None
    assert any(a.code == "first_term" for a in r.actions)
    assert r.light.colour == clock.LIGHT_AMBER
    earlier = run([ev("acknowledged", date(2025, 3, 4))], today=date(2025, 3, 21))
    assert earlier.reminder("first_term") is None and earlier.light.colour == clock.LIGHT_GREEN


def test_nightly_refresh_is_scheduled_and_refreshes(make_case):
    from cases.tasks import refresh_open_deadlines_task

    tasks = {v["task"] for v in django_settings.CELERY_BEAT_SCHEDULE.values()}
    assert "cases.tasks.refresh_open_deadlines_task" in tasks
    case = make_case()
    Request.objects.filter(pk=case.pk).update(due_on=date(2020, 1, 1))
    assert refresh_open_deadlines_task() >= 1
    case.refresh_from_db()
    assert case.due_on == date(2026, 4, 7)


def test_organisation_setting_change_refreshes_open_cases(make_case, organisation):
    case = make_case(received_on=date(2026, 2, 2))
    step(case, "precisering_asked", date(2026, 2, 4))
    step(case, "precisering_received", date(2026, 2, 9))
    case.refresh_from_db()
    assert case.due_on == date(2026, 3, 2)
    organisation.precisering_suspends_woo = True
    organisation.save()  # no explicit request_refresh: the clock is refreshed on save
    case.refresh_from_db()
    assert case.due_on == date(2026, 3, 6)
    request_refresh(request=case)
    assert case.due_on == date(2026, 3, 6)


def test_requester_notice_events_listed_once():
    from cases.services.portal import NOTIFY_EVENTS

    assert set(NOTIFY_EVENTS) == set(lifecycle.REQUESTER_NOTICE_EVENTS)


def test_no_deadline_threshold_outside_the_clock():
    """Done-when check of issue 12: no term arithmetic or threshold outside cases/clock.py and the
    calendar, in the code the clock serves."""
    root = Path(__file__).resolve().parents[2] / "cases"
    pattern = re.compile(
        r"timedelta\(|weeks=|working_days_between|add_working_days|first_term_ends_on\s*[-+<>]"
    )
    allowed = {"clock.py", "calendar_nl.py", "data.py", "bench_letters.py"}
    offenders = []
    for path in root.rglob("*.py"):
        if path.name in allowed or "migrations" in path.parts:
            continue
        for n, line in enumerate(path.read_text().splitlines(), 1):
            if pattern.search(line):
                offenders.append(f"{path.relative_to(root)}:{n}: {line.strip()}")
    assert offenders == []


def test_detail_shows_the_clock_actions_and_bezwaar_term(client, adviser, make_case):
    case = make_case(received_on=date(2026, 2, 2))
    step(case, "decision_sent", date(2026, 2, 27))
    client.force_login(adviser)
    html = client.get(reverse("cases:request_detail", args=[case.pk])).content.decode()
    assert 'data-testid="bezwaar-term"' in html and "10 april 2026" in html


def test_reminder_digest_uses_the_clock_threshold(make_case, mailoutbox):
    from cases.services.reminders import reminders_send

    case = make_case(received_on=date(2026, 10, 26))  # first term ends Monday 23 November 2026
    step(case, "acknowledged", date(2026, 10, 27))
    # Monday 16 November: 5 working days (7 calendar days) before; before the fix the digest
    # only listed first terms ending within 3 calendar days.
    sent = reminders_send(on=date(2026, 11, 16))
    assert sent["adviser_digest"] == 1
    body = mailoutbox[0].body
    assert case.reference in body and "eerste termijn eindigt maandag 23 november 2026" in body
    assert "binnen 5 werkdagen" in body


def test_workload_overdue_count_from_the_refreshed_cache(make_case, adviser):
    # Issue 15: the workload and the overview read the cached due date (kept equal to the clock's
    # by request_refresh on every step, holiday or setting change, and nightly) in SQL; a stale
    # cache is corrected by the nightly refresh, and workload and lights then agree again.
    from cases.overview import workload
    from cases.services.requests import deadlines_refresh_open

    case = make_case(received_on=date(2026, 10, 1))  # due 29 October 2026: overdue today
    [row] = [w for w in workload() if w["user"] == adviser]
    assert row["overdue"] == 1 and row["open_cases"] == 1
    Request.objects.filter(pk=case.pk).update(due_on=date(2099, 1, 1))  # a stale cache
    deadlines_refresh_open()
    [row] = [w for w in workload() if w["user"] == adviser]
    assert row["overdue"] == 1 and row["open_cases"] == 1


def test_verdaging_refusal_reads_the_extended_first_term():
    # T1 31 March 2025 + 10 suspended days (10..19 March) = 10 April.
    r = run([ev("suspension", date(2025, 3, 10), until=date(2025, 3, 19), reason="awb_4_15")])
    assert clock.verdaging_refusal(r, date(2025, 4, 10)) is None
    assert "10 april 2025" in clock.verdaging_refusal(r, date(2025, 4, 11))
    adjourned = run(
        [
            ev("suspension", date(2025, 3, 10), until=date(2025, 3, 19)),
            ev("adjourned", date(2025, 4, 1)),
        ]
    )
    assert "al eerder verdaagd" in clock.verdaging_refusal(adjourned, date(2025, 4, 2))
