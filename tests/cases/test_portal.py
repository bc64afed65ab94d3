"""The requester portal: submit, follow by token, act; and everything that must stay invisible."""

from __future__ import annotations

from datetime import date

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from cases.models import Request
from cases.services.documents import document_create, document_judge, stored_file_put
from cases.services.letters import letter_render
from cases.services.portal import portal_link_issue, portal_link_revoke, request_for_token
from cases.services.requests import request_transition


@pytest.fixture(autouse=True)
def _clear_rate_limits(db):  # the shared cache is a database table in tests
    cache.clear()
    yield
    cache.clear()


FORM = {
    "name": "Ahmed El Amrani",
    "email": "ahmed@example.org",
    "subject": "de kap van bomen in het Wilhelminapark",
    "request_text": "Ik vraag om:\n1. het bomenadvies;\n2. de kapvergunning;\n3. de e-mails met de aannemer.",
    "preferred_format": "digitaal",
}


def submit(client, **overrides):
    data = dict(FORM, **overrides)
    return client.post(reverse("portal:request_form"), data)


def token_from_session_page(client, response):
    page = client.get(response["Location"]).content.decode()
    marker = "/woo/status/"
    start = page.index(marker) + len(marker)
    return page[start : page.index("/", start)], page


def test_submit_registers_and_mails_acknowledgement(client, organisation):
    response = submit(client)
    assert response.status_code == 302
    case = Request.objects.get()
    token, page = token_from_session_page(client, response)
    assert case.reference in page
    assert case.channel == "webformulier" and case.points.count() == 3
    assert case.events.get().type == "received"
    assert len(token) >= 43  # 32 random bytes, urlsafe base64
    assert case.portal_token_hash and token not in case.portal_token_hash
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ahmed@example.org"]
    assert case.reference in message.subject
    assert f"/woo/status/{token}/" in message.body
    assert "4 weken" in message.body or "vier weken" in message.body


def test_form_with_missing_fields_keeps_input_and_says_what_is_wrong(client, organisation):
    response = client.post(reverse("portal:request_form"), {"name": "Piet", "email": "geen-adres"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Voer een geldig e-mailadres in" in html
    assert "Dit veld is verplicht" in html
    assert 'value="Piet"' in html
    assert Request.objects.count() == 0
    assert "Content-Security-Policy" in response.headers


def test_status_page_shows_milestones_and_deadline(client, organisation):
    token, _ = token_from_session_page(client, submit(client))
    case = Request.objects.get()
    html = client.get(reverse("portal:status", args=[token])).content.decode()
    assert case.reference in html
    assert "Verzoek ontvangen" in html
    assert "Uiterste beslisdatum" in html
    assert (
        "script-src 'self'"
        in client.get(reverse("portal:status", args=[token])).headers["Content-Security-Policy"]
    )


@pytest.mark.parametrize(
    "mangle",
    [
        lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"),
        lambda t: t[:20],
        lambda t: "x" * 43,
        lambda t: t + "x",
    ],
)
def test_wrong_or_mangled_token_is_a_plain_404(client, organisation, mangle):
    token, _ = token_from_session_page(client, submit(client))
    response = client.get(reverse("portal:status", args=[mangle(token)]))
    assert response.status_code == 404
    assert "Request" not in response.content.decode()


def test_revoked_and_reissued_links(client, organisation):
    token, _ = token_from_session_page(client, submit(client))
    case = Request.objects.get()
    portal_link_revoke(request=case)
    revoked = client.get(reverse("portal:status", args=[token]))
    missing = client.get(reverse("portal:status", args=["does-not-exist-" + "x" * 30]))
    assert revoked.status_code == missing.status_code == 404
    assert revoked.content == missing.content  # no way to tell revoked from non-existent
    new = portal_link_issue(request=case)
    assert client.get(reverse("portal:status", args=[new])).status_code == 200
    assert request_for_token(token) is None


def test_another_case_token_never_shows_this_case(client, organisation):
    t1, _ = token_from_session_page(client, submit(client))
    t2, _ = token_from_session_page(
        client,
        submit(client, name="Els de Vries", email="els@example.org", subject="parkeervergunningen"),
    )
    html = client.get(reverse("portal:status", args=[t2])).content.decode()
    first = Request.objects.get(requester_name="Ahmed El Amrani")
    assert "parkeervergunningen" in html
    assert first.reference not in html and "Wilhelminapark" not in html


def test_drafts_originals_and_notes_stay_invisible(client, organisation, adviser):
    token, _ = token_from_session_page(client, submit(client))
    case = Request.objects.get()
    request_transition(
        request=case, type="note", on=date.today(), note="INTERNE NOTITIE: lastige verzoeker"
    )
    draft = letter_render(request=case, kind="ontvangstbevestiging", letter_date=date.today())
    doc = document_create(request=case, title="Bomenadvies", judgement="openbaar")
    doc.original = stored_file_put(b"%PDF-1.4 ORIGINEEL ONGELAKT")
    doc.save()
    html = client.get(reverse("portal:status", args=[token])).content.decode()
    assert "INTERNE NOTITIE" not in html
    assert "Bomenadvies" not in html
    assert client.get(reverse("portal:letter", args=[token, draft.pk])).status_code == 404
    assert client.get(reverse("portal:document", args=[token, doc.pk])).status_code == 404
    # Even after the besluit, an unredacted original is never offered.
    request_transition(request=case, type="decision_sent", on=date.today(), actor_label="import")
    assert client.get(reverse("portal:document", args=[token, doc.pk])).status_code == 404
    # A sent letter is downloadable.
    draft.sent_on = date.today()
    draft.save()
    assert client.get(reverse("portal:letter", args=[token, draft.pk])).status_code == 200


def test_released_document_after_besluit(client, organisation):
    token, _ = token_from_session_page(client, submit(client))
    case = Request.objects.get()
    # Through the lakstraat, as the product does: a file set by hand is never released.
    from redaction.services import Upload, document_apply, documents_upload, redaction_decide
    from tests.redaction import pdf_factory

    [doc] = documents_upload(
        request=case, files=[Upload("kapvergunning.pdf", pdf_factory.text_pdf())]
    )
    for r in doc.redactions.all():
        redaction_decide(redaction=r, decision="accepted")
    document_judge(document=doc, judgement="deels_openbaar", grounds=["5.1.2e"])
    doc = document_apply(document_id=doc.pk)
    assert (
        client.get(reverse("portal:document", args=[token, doc.pk])).status_code == 404
    )  # not before
    request_transition(request=case, type="decision_sent", on=date.today(), actor_label="import")
    response = client.get(reverse("portal:document", args=[token, doc.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == doc.redacted.read()


def test_reply_and_withdraw_land_on_timeline_and_notify(client, organisation, adviser):
    token, _ = token_from_session_page(client, submit(client))
    case = Request.objects.get()
    case.adviser = adviser
    case.save()
    request_transition(
        request=case, type="precisering_asked", on=date.today(), note="Welke periode?"
    )
    mail.outbox.clear()
    client.post(reverse("portal:reply", args=[token]), {"text": "De periode 2024-2025."})
    case.refresh_from_db()
    assert case.status == "gepreciseerd"
    assert case.events.filter(type="precisering_received", note__contains="2024-2025").exists()
    assert any(adviser.email in m.to for m in mail.outbox)
    client.post(
        reverse("portal:withdraw", args=[token]), {"confirm": "ja", "reason": "Niet meer nodig"}
    )
    case.refresh_from_db()
    assert case.status == "ingetrokken"


def test_reply_upload_type_and_size_checked(client, organisation):
    from django.core.files.uploadedfile import SimpleUploadedFile

    token, _ = token_from_session_page(client, submit(client))
    bad = SimpleUploadedFile("virus.exe", b"MZ...", content_type="application/octet-stream")
    response = client.post(
        reverse("portal:reply", args=[token]), {"text": "zie bijlage", "files": bad}, follow=True
    )
    assert "niet geaccepteerd" in response.content.decode()
    assert not Request.objects.get().events.filter(type="contact").exists()


def test_status_change_mails(client, organisation):
    token, _ = token_from_session_page(client, submit(client))
    case = Request.objects.get()
    mail.outbox.clear()
    request_transition(request=case, type="adjourned", on=date.today(), note="Veel documenten.")
    assert len(mail.outbox) == 1 and "verdaagd" in mail.outbox[0].subject
    assert "Veel documenten." in mail.outbox[0].body
    request_transition(request=case, type="decision_sent", on=date.today(), actor_label="import")
    assert "Besluit" in mail.outbox[-1].subject


def test_rate_limit_on_form(client, organisation):
    for _ in range(5):
        submit(client)
    assert submit(client).status_code == 429
    assert Request.objects.count() == 5


def test_csrf_enforced_on_portal_forms(organisation):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert strict.post(reverse("portal:request_form"), FORM).status_code == 403
    assert Request.objects.count() == 0
