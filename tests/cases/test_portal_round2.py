"""Portal round two (issue 13 items 8, 9, 14): CSP-clean responsive pages, privacy statement,
copy of the request, contact details, own reactions, bezwaar information, links that reach
the requester (besluit mail, staff-registered cases, "versturen")."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from cases.models import Request
from cases.selectors import request_deadline
from cases.services.portal import portal_link_current, request_for_token
from cases.services.requests import request_transition
from tests.cases.test_portal import submit, token_from_session_page


@pytest.fixture(autouse=True)
def _clear_rate_limits(db):
    cache.clear()
    yield
    cache.clear()


def _link_in(body: str) -> str:
    match = re.search(r"/woo/status/([A-Za-z0-9_-]{40,})/", body)
    assert match, body
    return match.group(1)


def _pages(client):
    token, _ = token_from_session_page(client, submit(client))
    return token, {
        "form": client.get(reverse("portal:request_form")),
        "privacy": client.get(reverse("portal:privacy")),
        "status": client.get(reverse("portal:status", args=[token])),
    }


def test_portal_pages_have_no_inline_style_and_use_the_portal_stylesheet(client, organisation):
    _, pages = _pages(client)
    for name, response in pages.items():
        html = response.content.decode()
        assert response.status_code == 200, name
        assert "style-src 'self'" in response["Content-Security-Policy"]
        # the CSP forbids inline styles: none may be relied on
        assert "style=" not in html and "<style" not in html, name
        assert "cases/portal.css" in html, name


def test_every_portal_page_links_the_privacy_statement_and_shows_desk_contact(client, organisation):
    _, pages = _pages(client)
    for name, response in pages.items():
        html = response.content.decode()
        assert reverse("portal:privacy") in html, name
        assert "woo@teststad.example" in html and "14 020" in html, name
        assert "Postbus 100" in html, name
    privacy = pages["privacy"].content.decode()
    assert "Privacyverklaring" in privacy and "Autoriteit Persoonsgegevens" in privacy
    assert "Gemeente Teststad" in privacy


def test_each_portal_page_says_what_it_is_for(client, organisation):
    _, pages = _pages(client)
    for name in ("form", "status", "privacy"):
        assert 'data-testid="purpose"' in pages[name].content.decode(), name
    status = pages["status"].content.decode()
    # empty states say what happens next
    assert "Nog geen brieven. Zodra wij u een brief sturen" in status


def test_confirmation_mail_carries_a_copy_of_the_request(client, organisation):
    submit(client, period="2024 tot en met 2025")
    body = mail.outbox[0].body
    assert "Kopie van uw verzoek" in body
    assert "2. de kapvergunning" in body and "3. de e-mails met de aannemer" in body
    assert "Periode: 2024 tot en met 2025" in body
    assert "woo@teststad.example" in body  # how to reach the desk
    assert "/woo/privacy/" in body


def test_status_page_shows_copy_of_request_and_own_reactions(client, organisation):
    token, _ = token_from_session_page(client, submit(client))
    client.post(reverse("portal:reply", args=[token]), {"text": "Ik bedoel alleen de kap in 2025."})
    html = client.get(reverse("portal:status", args=[token])).content.decode()
    assert 'data-testid="copy"' in html
    assert "2. de kapvergunning" in html
    timeline = html[html.index('data-testid="timeline"') :]
    assert "Uw reactie" in timeline and "Ik bedoel alleen de kap in 2025." in timeline
    # no prefix meant for staff leaks into the requester's view
    assert "Reactie van verzoeker via het portaal" not in html


def test_voided_reaction_is_not_shown(client, organisation, adviser):
    from cases.services.requests import event_void

    token, _ = token_from_session_page(client, submit(client))
    client.post(reverse("portal:reply", args=[token]), {"text": "Per abuis gestuurd"})
    event = Request.objects.get().events.get(type="contact")
    event_void(event=event, reason="dubbel", actor_label="test")
    html = client.get(reverse("portal:status", args=[token])).content.decode()
    assert "Per abuis gestuurd" not in html


def test_bezwaar_information_with_end_date_after_the_besluit(client, organisation):
    token, _ = token_from_session_page(client, submit(client))
    case = Request.objects.get()
    html = client.get(reverse("portal:status", args=[token])).content.decode()
    assert 'data-testid="bezwaar"' not in html  # not before the besluit
    request_transition(request=case, type="decision_sent", on=date.today(), actor_label="import")
    deadline = request_deadline(Request.objects.get())
    assert deadline.bezwaar_ends_on
    html = client.get(reverse("portal:status", args=[token])).content.decode()
    section = html[html.index('data-testid="bezwaar"') :]
    from django.utils.formats import date_format

    assert date_format(deadline.bezwaar_ends_on, "l j F Y") in section
    assert "het college van burgemeester en wethouders" in section


def test_besluit_mail_contains_the_working_status_link(client, organisation):
    token, _ = token_from_session_page(client, submit(client))
    case = Request.objects.get()
    mail.outbox.clear()
    request_transition(request=case, type="decision_sent", on=date.today(), actor_label="import")
    [message] = mail.outbox
    assert "via uw persoonlijke statuslink" in message.body
    link = _link_in(message.body)
    assert link == token  # the same link the requester already has: it keeps working
    assert client.get(reverse("portal:status", args=[token])).status_code == 200
    assert "bezwaar" in message.body


def test_current_link_recovered_only_while_active(organisation, make_case):
    from cases.services.portal import portal_link_issue, portal_link_revoke

    case = make_case()
    token = portal_link_issue(request=case)
    assert token not in str(list(case.audit.values_list("data", flat=True)))  # sealed, not plain
    assert portal_link_current(case) == token
    portal_link_revoke(request=case)
    assert portal_link_current(case) is None


def test_staff_registered_case_gets_a_link_by_mail(client, organisation, adviser):
    client.force_login(adviser)
    response = client.post(
        reverse("cases:request_register"),
        {
            "received_on": date.today().isoformat(),
            "channel": "email",
            "requester_name": "Joost Visser",
            "requester_email": "joost@example.org",
            "subject": "de parkeervergunningen",
            "request_text": "1. het beleid;\n2. de adviezen.",
        },
    )
    assert response.status_code == 302
    case = Request.objects.get()
    [message] = [m for m in mail.outbox if m.to == ["joost@example.org"]]
    token = _link_in(message.body)
    assert request_for_token(token) == case
    assert case.audit.filter(action="portal_link_sent").exists()


def test_staff_can_send_a_new_link(client, organisation, adviser, make_case):
    from cases.services.portal import portal_link_issue

    case = make_case()
    old = portal_link_issue(request=case)
    client.force_login(adviser)
    mail.outbox.clear()
    response = client.post(reverse("cases:portal_link", args=[case.pk]), {"action": "send"})
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == ["anna@example.org"]
    new = _link_in(message.body)
    assert new != old and request_for_token(new) == case and request_for_token(old) is None


def test_send_without_email_says_what_to_do(client, organisation, adviser, make_case):
    case = make_case(requester_email="")
    client.force_login(adviser)
    response = client.post(
        reverse("cases:portal_link", args=[case.pk]), {"action": "send"}, follow=True
    )
    assert "geen e-mailadres" in response.content.decode()
    assert not mail.outbox


def test_besluit_mail_of_a_case_without_link_carries_a_new_one(client, organisation, make_case):
    case = make_case()
    assert not case.portal_token_hash
    mail.outbox.clear()
    request_transition(request=case, type="decision_sent", on=date.today(), actor_label="import")
    [message] = mail.outbox
    assert request_for_token(_link_in(message.body)) == case
