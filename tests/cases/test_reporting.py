"""Timeliness figures against hand-computed fixtures (pure)."""

from datetime import date

import pytest

from cases.reporting import CaseFacts, decision_outcome, figures_as_rows, timeliness


def fact(
    ref,
    received,
    due,
    sent=None,
    withdrawn=None,
    adjourned=False,
    suspended=0,
    judgements=(),
    grounds=(),
    pages=0,
):
    return CaseFacts(
        ref,
        received,
        due,
        sent,
        withdrawn,
        adjourned,
        suspended,
        tuple(judgements),
        tuple(grounds),
        pages,
    )


FACTS = [
    # on time, adjourned, suspended 10 days: 50 days, 40 without suspension
    fact(
        "A",
        date(2025, 1, 6),
        date(2025, 2, 27),
        date(2025, 2, 25),
        adjourned=True,
        suspended=10,
        judgements=["openbaar", "deels_openbaar"],
        grounds=["5.1.2e", "5.1.2e", "5.1.2i"],
        pages=30,
    ),
    # late: 60 days
    fact(
        "B",
        date(2025, 2, 3),
        date(2025, 3, 3),
        date(2025, 4, 4),
        judgements=["niet_openbaar"],
        grounds=["5.1.2f"],
        pages=12,
    ),
    # decided in Q2, no documents, 20 days, on time
    fact("C", date(2025, 4, 1), date(2025, 4, 29), date(2025, 4, 21)),
    # withdrawn in Q1
    fact("D", date(2025, 3, 1), date(2025, 3, 31), withdrawn=date(2025, 3, 10)),
    # open, received in 2026
    fact("E", date(2026, 1, 5), date(2026, 2, 2)),
]


def test_per_year_figures():
    y2025, y2026 = timeliness(FACTS, by="year")
    assert (y2025.period, y2025.received, y2025.decided, y2025.withdrawn) == ("2025", 4, 3, 1)
    assert y2025.on_time == 2 and y2025.on_time_share == pytest.approx(2 / 3)
    assert y2025.days == [50, 60, 20]
    assert y2025.mean_days == pytest.approx(130 / 3)
    assert y2025.median_days == 50
    assert y2025.days_without_suspension == [40, 60, 20]
    assert y2025.median_days_without_suspension == 40
    assert y2025.adjourned_share == pytest.approx(1 / 3)
    assert y2025.outcomes == {
        "gedeeltelijke_openbaarmaking": 1,
        "geen_openbaarmaking": 1,
        "geen_documenten": 1,
    }
    assert y2025.grounds == {"5.1.2e": 2, "5.1.2i": 1, "5.1.2f": 1}
    assert y2025.pages == 42
    assert (y2026.received, y2026.decided, y2026.on_time_share) == (1, 0, None)


def test_per_quarter_uses_the_date_of_each_fact():
    q = {p.period: p for p in timeliness(FACTS, by="quarter")}
    assert q["2025-K1"].received == 3 and q["2025-K1"].decided == 1 and q["2025-K1"].withdrawn == 1
    assert q["2025-K2"].received == 1 and q["2025-K2"].decided == 2
    assert q["2025-K2"].on_time == 1


@pytest.mark.parametrize(
    ("judgements", "outcome"),
    [
        ([], "geen_documenten"),
        (["dubbel"], "geen_documenten"),
        (["openbaar"], "openbaarmaking"),
        (["openbaar", "reeds_openbaar"], "openbaarmaking"),
        (["reeds_openbaar"], "reeds_openbaar"),
        (["niet_openbaar"], "geen_openbaarmaking"),
        (["openbaar", "niet_openbaar"], "gedeeltelijke_openbaarmaking"),
        (["deels_openbaar"], "gedeeltelijke_openbaarmaking"),
    ],
)
def test_decision_outcome(judgements, outcome):
    assert decision_outcome(judgements) == outcome


def test_export_rows_carry_the_figures():
    header, rows = figures_as_rows(timeliness(FACTS))
    row = dict(zip(header, rows[0]))
    assert row["periode"] == "2025"
    assert row["aandeel tijdig (%)"] == 66.7  # a percentage, as on the screen
    assert row["mediaan dagen"] == 50
    assert row["grond 5.1.2e"] == 2
    assert row["uitkomst: geen documenten"] == 1
