"""Coordinator overview (issue 13 item 10, issue 15): bounded queries, unassigned cases, the
"niet toegewezen" workload row, and "Actie nodig" for a requester reaction and a case due soon."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from cases.models import Request
from cases.overview import overview_rows, workload
from cases.services.requests import request_transition

MAX_OVERVIEW_QUERIES = 20


def _make_many(make_case, n, **kw):
    today = timezone.localdate()
    for i in range(n):
        received = date.fromordinal(today.toordinal() - 40 + i % 35)
        make_case(received_on=received, subject=f"zaak {i}", **kw)


@pytest.mark.parametrize("n", [3, 30])
def test_overview_query_count_does_not_grow_with_cases(
    n, client, coordinator, make_case, other_adviser, django_assert_max_num_queries
):
    _make_many(make_case, n)
    _make_many(make_case, 2, adviser=None)
    client.force_login(coordinator)
    client.get(reverse("cases:overview"))  # warm the session and permission caches alike
    with django_assert_max_num_queries(MAX_OVERVIEW_QUERIES):
        response = client.get(reverse("cases:overview"))
    assert response.status_code == 200
    assert response.content.decode().count('data-testid="overview-row"') == n + 2
    with django_assert_max_num_queries(MAX_OVERVIEW_QUERIES):
        response = client.get(reverse("cases:overview") + "?actie=1")
    assert response.status_code == 200


def test_overview_pages_large_lists(client, coordinator, make_case, monkeypatch):
    from cases import overview

    monkeypatch.setattr(overview, "PAGE_SIZE", 4)
    _make_many(make_case, 6)
    client.force_login(coordinator)
    html = client.get(reverse("cases:overview")).content.decode()
    assert html.count('data-testid="overview-row"') == 4
    assert "Pagina 1 van 2 (6 verzoeken)" in html
    html = client.get(reverse("cases:overview") + "?pagina=2").content.decode()
    assert html.count('data-testid="overview-row"') == 2


def test_unassigned_case_has_no_adviser_preselected(client, coordinator, make_case, adviser):
    case = make_case(adviser=None, subject="nog van niemand")
    assigned = make_case(subject="van de jurist")
    client.force_login(coordinator)
    html = client.get(reverse("cases:overview")).content.decode()
    select = re.search(rf'<select id="as-{case.pk}".*?</select>', html, re.S).group(0)
    selected = re.findall(r'<option value="([^"]*)"[^>]*\bselected\b', select)
    assert selected == [""], select  # only the "niet toegewezen" placeholder
    other = re.search(rf'<select id="as-{assigned.pk}".*?</select>', html, re.S).group(0)
    assert re.findall(r'<option value="([^"]*)"[^>]*\bselected\b', other) == [str(adviser.pk)]


def test_workload_has_an_unassigned_row(client, coordinator, make_case, adviser):
    make_case(adviser=None, received_on=date(2026, 1, 5))  # long overdue
    make_case(adviser=None)
    make_case()
    rows = workload(date(2026, 11, 22))
    [unassigned] = [w for w in rows if w["user"] is None]
    assert unassigned["open_cases"] == 2 and unassigned["overdue"] == 2
    [mine] = [w for w in rows if w["user"] == adviser]
    assert mine["open_cases"] == 1
    client.force_login(coordinator)
    html = client.get(reverse("cases:overview")).content.decode()
    assert "niet toegewezen</a></td><td>2</td>" in html
    html = client.get(reverse("cases:overview") + "?adviser=geen").content.decode()
    assert html.count('data-testid="overview-row"') == 2


def test_action_needed_for_unread_requester_reaction(make_case, adviser):
    from cases.services.portal import requester_reply

    today = timezone.localdate()
    case = make_case(received_on=today, on=today)
    request_transition(request=case, type="acknowledged", on=today, by=adviser)
    [row] = [r for r in overview_rows(today) if r.request.pk == case.pk]
    assert not any("Reactie van verzoeker" in a for a in row.actions)
    case.refresh_from_db()
    requester_reply(request=case, text="Ik bedoel alleen de e-mails van 2025.")
    [row] = [r for r in overview_rows(today, only_action=True) if r.request.pk == case.pk]
    assert any("Reactie van verzoeker" in a for a in row.actions)
    # Staff record the next step: the reaction is handled.
    case.refresh_from_db()
    request_transition(request=case, type="contact", on=today, by=adviser, note="gebeld")
    [row] = [r for r in overview_rows(today) if r.request.pk == case.pk]
    assert not any("Reactie van verzoeker" in a for a in row.actions)


def test_action_needed_for_case_due_within_warning_window(make_case, adviser):
    # Received 26 Oct 2026, adjourned: due 9 Dec 2026 (Wed). On 3 Dec: 4 working days left.
    case = make_case(received_on=date(2026, 10, 26))
    on = date(2026, 10, 27)
    request_transition(request=case, type="acknowledged", on=on, today_=on)
    request_transition(
        request=case,
        type="adjourned",
        on=date(2026, 11, 20),
        today_=date(2026, 11, 20),
        note="omvang",
    )
    case.refresh_from_db()
    today = date(2026, 12, 3)
    assert case.due_on is not None and 0 <= (case.due_on - today).days <= 7
    [row] = [r for r in overview_rows(today, only_action=True) if r.request.pk == case.pk]
    assert any("beslissen" in a for a in row.actions), row.actions
    assert row.light.colour == "oranje"
    far = date(2026, 11, 21)
    assert not [r for r in overview_rows(far, only_action=True) if r.request.pk == case.pk]


def test_counts_and_lights_read_the_cached_due_date(client, coordinator, make_case):
    late = make_case(received_on=date(2026, 1, 5), subject="te laat")
    ok = make_case(received_on=timezone.localdate(), on=timezone.localdate(), subject="net binnen")
    assert Request.objects.get(pk=late.pk).due_on < timezone.localdate()
    client.force_login(coordinator)
    html = client.get(reverse("cases:overview")).content.decode()
    assert "1 te laat" in html and "1 op tijd" in html
    html = client.get(reverse("cases:overview") + "?licht=rood").content.decode()
    assert "te laat" in html and ok.subject not in html


def test_bench_overview_prints_figures_and_leaves_nothing(db):
    import io

    from django.core.management import call_command

    out = io.StringIO()
    call_command("bench_overview", cases=12, runs=2, stdout=out)
    text = out.getvalue()
    assert re.search(r"12 open cases on \w+, 2 runs: median \d+ ms, p95 \d+ ms, \d+ queries", text)
    assert "(page of 12 rows)" in text
    assert not Request.objects.filter(reference__startswith="BENCH-").exists()
