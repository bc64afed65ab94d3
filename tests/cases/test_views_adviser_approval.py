"""Four-eyes approval of the besluit on the Brieven tab (issue 13, item 4)."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from cases.letters_pdf import libreoffice_binary
from cases.models import AuditRecord
from cases.services.letters import letter_render
from cases.services.points import answer_write


@pytest.fixture
def besluit(make_case, adviser):
    case = make_case(received_on=date(2026, 10, 1))
    answer_write(request=case, point_numbers=[1, 2, 3], text="Er zijn geen documenten.")
    return letter_render(request=case, kind="besluit", letter_date=date(2026, 10, 20), by=adviser)


def post(client, letter, **data):
    url = reverse("cases:letter_approval", args=[letter.request_id, letter.pk])
    return client.post(url, data, follow=True)


def send(client, letter):
    url = reverse("cases:letter_sent", args=[letter.request_id, letter.pk])
    return client.post(url, {"on": "2026-10-20"}, follow=True)


def test_unapproved_besluit_cannot_be_sent_and_the_screen_says_why(client, adviser, besluit):
    client.force_login(adviser)
    html = send(client, besluit).content.decode()
    assert "tweede persoon het heeft goedgekeurd" in html
    besluit.refresh_from_db()
    assert besluit.sent_on is None
    tab = client.get(reverse("cases:request_detail", args=[besluit.request_id]) + "?tab=brieven")
    page = tab.content.decode()
    assert "Ter goedkeuring aanbieden" in page
    assert "Markeer als verzonden" not in page.split("Versies")[1].split("Besluit (docx)")[1][:3000]


def test_author_cannot_approve_own_besluit(client, adviser, besluit, coordinator):
    client.force_login(adviser)
    post(client, besluit, action="submit")
    besluit.refresh_from_db()
    assert besluit.approval_status == "submitted" and besluit.approval_submitted_by == adviser
    html = post(client, besluit, action="approve").content.decode()
    assert "Alleen een coördinator of een aangewezen fiatteur" in html
    besluit.refresh_from_db()
    assert besluit.approval_status == "submitted"


def test_coordinator_cannot_approve_what_they_submitted(client, besluit, coordinator):
    client.force_login(coordinator)
    post(client, besluit, action="submit")
    html = post(client, besluit, action="approve").content.decode()
    assert "tweede persoon" in html
    besluit.refresh_from_db()
    assert besluit.approval_status == "submitted"


def test_return_needs_remarks_then_shows_them_to_the_adviser(client, adviser, besluit, coordinator):
    client.force_login(adviser)
    post(client, besluit, action="submit")
    client.force_login(coordinator)
    tab = client.get(reverse("cases:request_detail", args=[besluit.request_id]) + "?tab=brieven")
    assert "Terugsturen met opmerkingen" in tab.content.decode()
    html = post(client, besluit, action="return", remarks="  ").content.decode()
    assert "Schrijf bij het terugsturen" in html
    post(client, besluit, action="return", remarks="Motivering van punt 2 aanscherpen.")
    besluit.refresh_from_db()
    assert besluit.approval_status == "returned" and besluit.approval_by == coordinator
    client.force_login(adviser)
    tab = client.get(reverse("cases:request_detail", args=[besluit.request_id]) + "?tab=brieven")
    page = tab.content.decode()
    assert "teruggestuurd" in page and "Motivering van punt 2 aanscherpen." in page
    actions = list(
        AuditRecord.objects.filter(request_id=besluit.request_id, action__startswith="besluit_")
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions == ["besluit_submitted_for_approval", "besluit_returned"]


def test_approved_besluit_is_sent_and_audited(client, adviser, besluit, coordinator):
    if libreoffice_binary() is None:
        pytest.skip("LibreOffice is not installed")
    client.force_login(adviser)
    post(client, besluit, action="submit")
    client.force_login(coordinator)
    post(client, besluit, action="approve")
    besluit.refresh_from_db()
    assert besluit.approval_status == "approved"
    client.force_login(adviser)
    html = send(client, besluit).content.decode()
    assert "gemarkeerd als verzonden" in html, html
    besluit.refresh_from_db()
    assert besluit.sent_on == date(2026, 10, 20)
    assert AuditRecord.objects.filter(
        request_id=besluit.request_id, action="besluit_approved", actor=coordinator
    ).exists()


def test_other_letters_need_no_approval(client, adviser, make_case):
    case = make_case()
    letter = letter_render(request=case, kind="ontvangstbevestiging", letter_date=date(2026, 3, 9))
    client.force_login(adviser)
    html = post(client, letter, action="submit").content.decode()
    assert "Alleen een besluit" in html
    send(client, letter)
    letter.refresh_from_db()
    assert letter.sent_on is not None


def test_designated_fiatteur_may_approve(client, adviser, besluit):
    from django.contrib.auth.models import Group, User

    from cases.permissions import grant_case

    fiatteur = User.objects.create_user(username="fiat1", password="x")
    fiatteur.groups.add(Group.objects.get_or_create(name="fiatteur")[0])
    grant_case(fiatteur, besluit.request)
    client.force_login(adviser)
    post(client, besluit, action="submit")
    client.force_login(fiatteur)
    post(client, besluit, action="approve", remarks="Akkoord.")
    besluit.refresh_from_db()
    assert besluit.approval_status == "approved" and besluit.approval_remarks == "Akkoord."
