"""Issue 13 item 11: /rapportage/ shows percentages consistently (table, charts, CSV), labels are
not cut, the table fits the screen, late cases are listed with their delay, Wob and Woo grounds
are charted separately; item 14: the page says what it is for and what to do when empty."""

from __future__ import annotations

import re
from datetime import date

from django.urls import reverse

from cases import reporting
from cases.views.overview import _bar_chart
from tests.cases.test_overview import two_decided  # noqa: F401  (fixture)
from tests.cases.test_reporting import FACTS, fact


def test_shares_are_percentages_everywhere():
    header, rows = reporting.figures_as_rows(reporting.timeliness(FACTS))
    row = dict(zip(header, rows[0]))
    assert row["aandeel tijdig (%)"] == 66.7
    assert reporting.percent_label(66.7) == "66,7%" and reporting.percent_label(100.0) == "100%"
    assert reporting.dutch_number(12.5) == "12,5" and reporting.dutch_number(3) == "3"


def test_late_cases_with_their_delay():
    facts = [
        fact("OPTIJD", date(2026, 1, 5), date(2026, 2, 2), date(2026, 2, 2)),
        fact("LAAT", date(2026, 1, 5), date(2026, 2, 2), date(2026, 2, 12)),
        fact("OPEN", date(2026, 1, 5), date(2026, 2, 2)),
        fact("INGETROKKEN", date(2026, 1, 5), date(2026, 2, 2), withdrawn=date(2026, 1, 9)),
    ]
    late = reporting.late_cases(facts, today=date(2026, 3, 4))
    assert [(c.reference, c.days_late) for c in late] == [("OPEN", 30), ("LAAT", 10)]
    assert late[0].decision_sent_on is None


def test_wob_and_woo_grounds_are_split():
    facts = [
        fact("A", date(2021, 1, 4), date(2021, 2, 1), date(2021, 2, 1), grounds=["10.2.e"] * 2),
        fact("B", date(2025, 1, 6), date(2025, 2, 3), date(2025, 2, 3), grounds=["5.1.2e"]),
    ]
    split = reporting.grounds_by_regime(reporting.timeliness(facts))
    assert split["wob"] == {"10.2.e": 2} and split["woo"] == {"5.1.2e": 1}


def test_chart_label_is_not_cut():
    svg = _bar_chart([("deels openbaar", 3), ("geen documenten", 1)])
    label_w = float(re.search(r'<rect x="([\d.]+)"', svg).group(1))
    # 13px system font: ~7.5px per character; the old fixed 90px cut "deels openbaa"
    assert label_w >= len("geen documenten") * 7.5
    assert ">deels openbaar<" in svg


def test_report_screen_percentages_late_list_and_split_grounds(
    client,
    coordinator,
    two_decided,  # noqa: F811
):
    from cases.services.documents import document_create

    a, b = two_decided
    document_create(request=a, title="Advies", judgement="deels_openbaar", grounds=["5.1.2e"])
    client.force_login(coordinator)
    html = client.get(reverse("cases:report")).content.decode()
    assert 'data-testid="purpose"' in html
    table = html[html.index('data-testid="report-table"') :]
    assert "50%" in table  # one of two on time
    assert not re.search(r">\s*0[.,]5\s*<|>\s*1[.,]0\s*<", table)  # no fraction shown as a share
    # transposed: periods are the columns, so the table does not grow wider with every ground
    head = table[: table.index("</thead>")]
    assert head.count("<th ") == 2  # "Cijfer" + the one period 2026
    assert "style=" not in html
    late = html[html.index('data-testid="late-table"') :]
    assert b.reference in late and a.reference not in late
    assert re.search(r'class="num">8</td>', late)  # 12 Feb due, 20 Feb sent
    woo = html[html.index('data-testid="grounds-woo"') : html.index('data-testid="grounds-wob"')]
    wob = html[html.index('data-testid="grounds-wob"') :]
    assert "5.1.2e" in woo and "5.1.2e" not in wob[: wob.index("</section>")]
    csv_text = client.get(reverse("cases:report") + "?export=csv").content.decode("utf-8-sig")
    header, row = csv_text.splitlines()[:2]
    values = dict(zip(header.split(";"), row.split(";")))
    assert values["aandeel tijdig (%)"] == "50"
    assert "." not in values["gemiddeld dagen"]  # Dutch decimal comma


def test_empty_report_says_what_to_do(client, coordinator):
    client.force_login(coordinator)
    html = client.get(reverse("cases:report")).content.decode()
    assert 'data-testid="empty"' in html and "Registreer een verzoek" in html
