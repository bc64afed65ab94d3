"""Coordinator overview, workload, report figures from the database, publication package, access."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from xml.etree import ElementTree as ET

import pytest
from django.urls import reverse

from cases.overview import actions_needed, case_facts, overview_rows
from cases.reporting import timeliness
from cases.selectors import request_deadline
from cases.services.requests import request_transition
from tests.approval_helpers import approve

TODAY = date(2026, 11, 22)


def step(case, type, on, **kw):
    return request_transition(request=case, type=type, on=on, today_=TODAY, **kw)


@pytest.fixture
def two_decided(make_case):
    # Adjourned Woo case: received Mon 2 Feb 2026, T1 2 March, +14 -> 16 March; sent 13 March: on time.
    a = make_case(received_on=date(2026, 2, 2), subject="verdaagd")
    step(a, "acknowledged", date(2026, 2, 3))
    step(a, "adjourned", date(2026, 2, 20), note="omvang")
    step(a, "decision_sent", date(2026, 3, 13), actor_label="import")
    # Suspended case: received 5 Jan 2026, T1 2 Feb + 10 days suspension = 12 Feb; sent 20 Feb: 8 days late.
    b = make_case(received_on=date(2026, 1, 5), subject="opgeschort")
    step(
        b, "suspension", date(2026, 1, 20), until=date(2026, 1, 29), suspension_reason="zienswijze"
    )
    step(b, "decision_sent", date(2026, 2, 20), actor_label="import")
    return a, b


def test_report_figures_hand_computed(two_decided):
    a, b = two_decided
    assert request_deadline(a).due_on == date(2026, 3, 16)
    assert request_deadline(b).due_on == date(2026, 2, 12)
    [year] = timeliness(case_facts(), by="year")
    assert (year.received, year.decided, year.on_time) == (2, 2, 1)
    assert sorted(year.days) == [39, 46]  # b: 5 Jan -> 20 Feb = 46; a: 2 Feb -> 13 Mar = 39
    assert sorted(year.days_without_suspension) == [36, 39]
    assert year.median_days == 42.5
    assert year.adjourned_share == 0.5
    q = {p.period: p for p in timeliness(case_facts(), by="quarter")}
    assert q["2026-K1"].decided == 2


def test_actions_needed(make_case):
    case = make_case(received_on=date(2026, 11, 2))
    d = request_deadline(case)
    actions = actions_needed(case, d, TODAY)
    assert any("ontvangstbevestiging" in a for a in actions)
    # first term ends 30 Nov 2026 (Monday): within 5 working days of 24 Nov -> verdaging reminder
    actions = actions_needed(case, d, date(2026, 11, 24))
    assert any("Verdagen of beslissen" in a for a in actions)
    assert any("Te laat" in a for a in actions_needed(case, d, date(2026, 12, 2)))
    step(case, "ingebrekestelling_received", date(2026, 11, 20))
    case.refresh_from_db()
    actions = actions_needed(case, request_deadline(case), TODAY)
    assert any("beroep mogelijk vanaf 4 december 2026" in a for a in actions)


def test_overview_screen_and_csv(client, coordinator, make_case):
    make_case(received_on=date(2026, 10, 1), subject="te late zaak")
    client.force_login(coordinator)
    html = client.get(reverse("cases:overview")).content.decode()
    assert "te late zaak" in html and "te laat" in html
    csv_text = client.get(reverse("cases:overview") + "?export=csv").content.decode("utf-8-sig")
    assert csv_text.splitlines()[0].startswith("kenmerk;onderwerp;status")
    assert "te late zaak" in csv_text


def test_report_screen_and_exports(client, coordinator, two_decided):
    client.force_login(coordinator)
    html = client.get(reverse("cases:report")).content.decode()
    assert "<svg" in html and "Tijdig besloten" in html
    csv_text = client.get(reverse("cases:report") + "?export=csv").content.decode("utf-8-sig")
    header, row = csv_text.splitlines()[:2]
    values = dict(zip(header.split(";"), row.split(";")))
    assert values["besloten"] == "2" and values["aandeel tijdig (%)"] == "50"
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(client.get(reverse("cases:report") + "?export=xlsx").content))
    ws = wb.active
    assert ws["A1"].value == "periode" and ws["C2"].value == 2


@pytest.mark.parametrize("url", ["cases:overview", "cases:report"])
def test_adviser_cannot_see_coordinator_pages(client, adviser, url):
    client.force_login(adviser)
    assert client.get(reverse(url)).status_code == 403


def test_assign_from_overview_grants_and_revokes(
    client, coordinator, adviser, other_adviser, make_case
):
    case = make_case()
    client.force_login(coordinator)
    client.post(
        reverse("cases:request_assign", args=[case.pk]),
        {"adviser": other_adviser.pk, "next": "/overzicht/"},
    )
    assert not adviser.has_perm("cases.view_request", case)
    from django.contrib.auth.models import User

    fresh = User.objects.get(pk=other_adviser.pk)
    assert fresh.has_perm("cases.view_request", case)


def test_overview_rows_sorted_by_due_date(make_case):
    later = make_case(received_on=date(2026, 11, 10))
    sooner = make_case(received_on=date(2026, 11, 1))
    refs = [r.request.reference for r in overview_rows(TODAY)]
    assert refs.index(sooner.reference) < refs.index(later.reference)


def test_publication_package(client, coordinator, make_case, organisation):
    from cases.services.documents import document_create, stored_file_put
    from cases.services.letters import letter_mark_sent, letter_render
    from cases.services.points import answer_write

    organisation.tooi_uri = "https://identifier.overheid.nl/tooi/id/gemeente/gm9999"
    organisation.publication_url = "https://www.teststad.example/woo"
    organisation.save()
    case = make_case(received_on=date(2026, 10, 1))
    answer_write(request=case, point_numbers=[1, 2, 3], text="Zie de documenten.")
    doc = document_create(
        request=case,
        title="Ontwerp",
        judgement="deels_openbaar",
        grounds=["5.1.2e"],
        date=date(2026, 1, 5),
    )
    client.force_login(coordinator)
    # Not before the decision is sent.
    response = client.get(reverse("cases:publication", args=[case.pk]), follow=True)
    assert "pas als het besluit is verzonden" in response.content.decode()
    besluit = approve(letter_render(request=case, kind="besluit", letter_date=date(2026, 10, 20)))
    letter_mark_sent(letter=besluit, on=date(2026, 10, 20))
    response = client.get(reverse("cases:publication", args=[case.pk]), follow=True)
    assert "lakstraat" in response.content.decode()  # the document has no verified redacted PDF yet
    # A file set by hand is never released; through the lakstraat it is.
    doc.redacted = stored_file_put(b"%PDF-1.7 gelakt")
    doc.save()
    response = client.get(reverse("cases:publication", args=[case.pk]), follow=True)
    assert "lakstraat" in response.content.decode()
    from redaction.models import Redaction
    from redaction.services import document_analyse, document_apply
    from tests.redaction import pdf_factory

    doc.original = doc.pdf = stored_file_put(pdf_factory.text_pdf())
    doc.redacted = None
    doc.processing = "klaar"
    doc.save()
    document_analyse(document_id=doc.pk)
    Redaction.objects.filter(document=doc).update(decision="accepted")
    document_apply(document_id=doc.pk)
    response = client.get(reverse("cases:publication", args=[case.pk]))
    assert response["Content-Type"] == "application/zip"
    zf = zipfile.ZipFile(io.BytesIO(response.content))
    names = set(zf.namelist())
    assert "metadata.xml" in names
    assert f"{case.reference}-document-1.pdf" in names
    assert f"{case.reference}-inventarislijst.xlsx" in names
    assert any(n.startswith(f"{case.reference}-besluit.") for n in names)
    root = ET.fromstring(zf.read("metadata.xml"))
    ns = {
        "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
        "d": "https://standaarden.overheid.nl/diwoo/metadata/",
    }
    locs = [u.findtext("s:loc", namespaces=ns) for u in root.findall("s:url", ns)]
    assert all(
        loc.startswith(f"https://www.teststad.example/woo/{case.reference}/") for loc in locs
    )
    assert len(locs) == 3


def test_publication_withdrawal_records_reason(client, adviser, make_case):
    from cases.models import AuditRecord
    from cases.services.documents import document_create

    case = make_case()
    doc = document_create(request=case, title="Nota", judgement="openbaar")
    client.force_login(adviser)
    client.post(reverse("cases:publication_withdraw", args=[case.pk, doc.pk]), {"reason": ""})
    doc.refresh_from_db()
    assert doc.publication_withdrawn_on is None
    client.post(
        reverse("cases:publication_withdraw", args=[case.pk, doc.pk]),
        {"reason": "Bevat toch een naam"},
    )
    doc.refresh_from_db()
    assert (
        doc.publication_withdrawn_reason == "Bevat toch een naam" and doc.publication_withdrawn_on
    )
    assert AuditRecord.objects.filter(action="publication_withdrawn", request=case).exists()
