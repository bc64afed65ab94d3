"""Adviser screens, issue 13: timeline form order and mail notice (5), Dutch labels (7)."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.urls import reverse

from cases.services.letters import letter_render
from cases.services.requests import request_transition

pytestmark = pytest.mark.django_db


def tab(client, case, name):
    url = reverse("cases:request_detail", args=[case.pk]) + f"?tab={name}"
    return client.get(url).content.decode()


def step_options(html: str) -> list[str]:
    select = html.split('id="id_type"')[1].split("</select>")[0]
    return re.findall(r'<option value="([a-z_]+)"', select)


def test_timeline_offers_likely_next_step_first(client, adviser, make_case):
    case = make_case()
    client.force_login(adviser)
    html = tab(client, case, "tijdlijn")
    options = step_options(html)
    assert options[0] == "acknowledged", options
    assert re.search(r'<option value="acknowledged"[^>]*selected', html)
    # Corrective steps come after the ordinary path.
    assert options.index("forwarded_partly") > options.index("started")
    request_transition(request=case, type="acknowledged", on=date(2026, 3, 9))
    options = step_options(tab(client, case, "tijdlijn"))
    assert options[0] == "started" and "acknowledged" not in options


def test_verdaging_says_which_mail_goes_out_before_it_is_recorded(client, adviser, make_case):
    case = make_case()
    client.force_login(adviser)
    html = tab(client, case, "tijdlijn")
    notice = html.split('data-testid="mail-notice-adjourned"')[1].split("</p>")[0]
    assert "anna@example.org" in notice
    assert f"Uw Woo-verzoek {case.reference} is verdaagd" in notice


def test_deadline_box_does_not_claim_a_letter_before_one_exists(client, adviser, make_case):
    case = make_case()
    request_transition(request=case, type="adjourned", on=date(2026, 3, 20), note="omvang")
    assert not case.letters.exists()
    client.force_login(adviser)
    html = tab(client, case, "verzoek")
    assert "bij brief van" not in html
    assert "Verdaagd op 20 maart 2026" in html


def test_no_internal_codes_or_bracket_plurals_on_screen(client, adviser, make_case):
    case = make_case()
    request_transition(request=case, type="acknowledged", on=date(2026, 3, 9))
    letter_render(request=case, kind="besluit", letter_date=date(2026, 3, 10))
    client.force_login(adviser)
    letters = tab(client, case, "brieven")
    assert ">point_unanswered<" not in letters
    assert "punt onbeantwoord" in letters
    assert "controlepunt(en)" not in letters and "controlepunten" in letters
    timeline = tab(client, case, "tijdlijn")
    assert "status: ontvangst_bevestigd" not in timeline
    assert "nieuwe status: Ontvangst bevestigd" in timeline


def test_bulk_judgement_message_uses_proper_plural(client, adviser, make_case):
    from cases.services.documents import document_create

    case = make_case()
    doc = document_create(request=case, title="Ontwerp", date=date(2026, 1, 5))
    client.force_login(adviser)
    response = client.post(
        reverse("cases:documents_judge", args=[case.pk]),
        {"selected": [doc.number], "judgement": "openbaar"},
        follow=True,
    )
    html = response.content.decode()
    assert "document(en)" not in html
    assert "Beoordeling vastgelegd voor 1 document." in html


def test_staff_open_the_requesters_reply_attachments(client, adviser, other_adviser, make_case):
    from cases.services.portal import requester_reply

    case = make_case()
    requester_reply(
        request=case,
        text="Hierbij de gevraagde brief.",
        files=[("brief, gemeente.pdf", b"%PDF-1.4 reply"), ("foto.jpg", b"\xff\xd8jpeg")],
    )
    client.force_login(adviser)
    html = tab(client, case, "tijdlijn")
    block = html.split('data-testid="reply-attachments"')[1].split("</div>")[0]
    assert "brief, gemeente.pdf" in block and "foto.jpg" in block
    event = case.events.get(type="contact")
    url = reverse("cases:reply_attachment", args=[case.pk, event.pk, 1])
    assert url in block
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"\xff\xd8jpeg"
    assert (
        "attachment" in response["Content-Disposition"]
        and "foto.jpg" in response["Content-Disposition"]
    )
    assert (
        client.get(reverse("cases:reply_attachment", args=[case.pk, event.pk, 5])).status_code
        == 404
    )
    # Another adviser without access to the case cannot fetch it.
    client.force_login(other_adviser)
    assert client.get(url).status_code == 404
