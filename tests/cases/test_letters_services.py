"""Issue 12 letters items through the services, the tabs and the commands (database)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from cases.letters_pdf import libreoffice_binary
from cases.models import AuditRecord, Request
from cases.services.documents import document_create
from cases.services.letters import (
    letter_mark_sent,
    letter_pdf_for_requester,
    letter_render,
    motivation_write,
    third_party_write,
)
from cases.services.points import answer_write
from cases.services.requests import request_transition
from tests.approval_helpers import approve
from tests.cases.letter_fixtures import body, open_docx, section

pytestmark = pytest.mark.django_db
RECEIVED = date(2026, 3, 6)  # Fri; T1 raw 3 April (Goede Vrijdag) -> Tue 7 April 2026


@pytest.fixture
def logged_in(client, adviser):
    client.force_login(adviser)
    return client


def colofon(data: bytes) -> str:
    return open_docx(data).tables[0].rows[0].cells[1].text


def answer_all(case, outcome="toelichting", location=""):
    for p in case.points.all():
        answer_write(
            request=case,
            point_numbers=[p.number],
            text=f"Antwoord {p.number}.",
            outcome=outcome,
            location=location,
        )


# --- item 2: answers carry an outcome -----------------------------------------------------------


def test_import_case_accepts_answer_outcome_and_location(organisation, tmp_path):
    data = {
        "regime": "woo",
        "received_on": "2026-03-06",
        "requester": {"name": "L. de Wit", "salutation": "mevrouw"},
        "subject": "het Crime Anticipation System",
        "request_text": "1. de datadictionary;\n2. de lijst van datalekken.",
        "answers": [
            {
                "points": [1],
                "text": "Reeds openbaar.",
                "outcome": "reeds_openbaar",
                "location": "https://www.politie.nl/wob/cas",
            },
            {"points": [2], "text": "Er zijn geen datalekken geweest.", "outcome": "niet_aanwezig"},
        ],
    }
    path = tmp_path / "case.json"
    path.write_text(json.dumps(data))
    out = StringIO()
    call_command("import_case", str(path), stdout=out)
    case = Request.objects.get(reference=out.getvalue().strip().splitlines()[-1])
    assert [(a.outcome, a.location) for a in case.answers.order_by("id")] == [
        ("reeds_openbaar", "https://www.politie.nl/wob/cas"),
        ("niet_aanwezig", ""),
    ]
    text = section(letter_render(request=case, kind="besluit").file.read(), "Besluit")
    assert "omdat geen documenten zijn aangetroffen" not in text
    assert "te volstaan met de verwijzing naar de vindplaats" in text
    assert "documenten die niet onder mij berusten, omdat zij niet zijn opgemaakt" in text


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ({"outcome": "weg"}, "Onbekende uitkomst 'weg'"),
        ({"outcome": "reeds_openbaar"}, "vindplaats"),
        ({"outcome": 3}, "verwacht tekst"),
    ],
)
def test_import_case_refuses_bad_outcomes(organisation, tmp_path, answer, message):
    data = {
        "received_on": "2026-03-06",
        "requester": {"name": "L. de Wit"},
        "subject": "x",
        "request_text": "1. a;\n2. b.",
        "answers": [{"points": [1], "text": "t", **answer}],
    }
    path = tmp_path / "case.json"
    path.write_text(json.dumps(data))
    with pytest.raises(CommandError, match=message):
        call_command("import_case", str(path), stdout=StringIO())
    assert not Request.objects.exists()


def test_antwoorden_tab_sets_outcome_and_vindplaats(logged_in, make_case):
    case = make_case()
    response = logged_in.post(
        reverse("cases:answer_create", args=[case.pk]),
        {
            "points": ["1"],
            "text": "Zie de website.",
            "outcome": "reeds_openbaar",
            "location": "https://www.teststad.nl/woo/ontwerp",
        },
    )
    assert response.status_code == 302
    answer = case.answers.get()
    assert (answer.outcome, answer.location) == (
        "reeds_openbaar",
        "https://www.teststad.nl/woo/ontwerp",
    )
    page = logged_in.get(reverse("cases:request_detail", args=[case.pk]) + "?tab=antwoorden")
    html = page.content.decode()
    assert 'name="outcome"' in html and 'value="reeds_openbaar" selected' in html
    # Without vindplaats, reeds openbaar is refused with a Dutch message and nothing changes.
    logged_in.post(
        reverse("cases:answer_edit", args=[case.pk, answer.pk]),
        {"points": ["1"], "text": "Zie de website.", "outcome": "reeds_openbaar", "location": ""},
        follow=True,
    )
    answer.refresh_from_db()
    assert answer.location == "https://www.teststad.nl/woo/ontwerp"
    assert AuditRecord.objects.filter(action="answer_written").latest("id").data["outcome"] == (
        "reeds_openbaar"
    )


# --- item 5: verdaging reason, acknowledgement before the verdaging, closing line --------------


def test_verdaging_reason_is_a_legal_reason_never_the_raw_note(make_case):
    case = make_case()
    request_transition(
        request=case,
        type="adjourned",
        on=date(2026, 3, 20),
        note="verdaagd wegens omvang en complexiteit (17 punten)",
    )
    with pytest.raises(ValidationError, match="Kies de reden van de verdaging"):
        letter_render(request=case, kind="verdagingsbrief", letter_date=date(2026, 3, 20))
    letter = letter_render(
        request=case,
        kind="verdagingsbrief",
        letter_date=date(2026, 3, 20),
        options={
            "adjournment_reasons": ["gecompliceerdheid", "omvang"],
            "adjournment_sentence": "Er zijn ruim 400 e-mails gevonden.",
        },
    )
    text = body(letter.file.read())
    assert "17 punten" not in text and "complexiteit" not in text
    assert (
        "De reden daarvoor is dat de omvang en de gecompliceerdheid van de informatie waarom u "
        "vraagt een verlenging van de termijn rechtvaardigen. Er zijn ruim 400 e-mails gevonden."
    ) in text
    assert "vragen over dit besluit" not in text
    assert "Vragen? Bel 14 020" in text  # the organisation's own line, no besluit in it
    besluit = body(letter_render(request=case, kind="besluit").file.read())
    assert "17 punten" not in besluit


def test_acknowledgement_dated_before_the_verdaging_does_not_announce_it(make_case, organisation):
    organisation.contact_line = "Heeft u vragen over dit besluit? Bel 14 020."
    organisation.save()
    case = make_case()
    request_transition(request=case, type="adjourned", on=date(2026, 3, 20), note="omvang")
    before = body(
        letter_render(
            request=case, kind="ontvangstbevestiging", letter_date=date(2026, 3, 9)
        ).file.read()
    )
    assert "Ik verdaag" not in before
    assert "dus uiterlijk op 7 april 2026" in before  # the first term, not the adjourned date
    assert "vragen over dit besluit" not in before
    assert "Heeft u vragen over de behandeling van uw verzoek? Bel 14 020." in before


def test_acknowledgement_with_verdaging_records_both_steps(make_case):
    case = make_case()
    letter = letter_render(
        request=case,
        kind="ontvangstbevestiging",
        letter_date=date(2026, 3, 9),
        options={"adjourn": True, "adjournment_reasons": ["omvang"]},
    )
    text = body(letter.file.read())
    assert "Ik verdaag de beslissing met twee weken" in text
    # Raw T1 3 April + 14 days = Fri 17 April (the Atw applies only at the end, domain.md §1).
    assert "U ontvangt uiterlijk op 17 april 2026 een besluit" in text
    letter_mark_sent(letter=letter, on=date(2026, 3, 9))
    assert list(case.events.values_list("type", flat=True)) == [
        "received",
        "acknowledged",
        "adjourned",
    ]


# --- item 6: the missing letter kinds ---------------------------------------------------------


def test_precisering_letter_with_reply_term_and_event(make_case):
    case = make_case()
    with pytest.raises(ValidationError, match="onduidelijk"):
        letter_render(request=case, kind="precisering", letter_date=date(2026, 3, 10))
    letter = letter_render(
        request=case,
        kind="precisering",
        letter_date=date(2026, 3, 10),
        options={"question": "Welke periode bedoelt u met 'de e-mails'?"},
    )
    text = body(letter.file.read())
    assert "Welke periode bedoelt u met 'de e-mails'?" in text
    assert "uiterlijk op 24 maart 2026 te preciseren" in text  # default: two weeks
    assert "artikel 4.1, vijfde lid, van de Woo" in text and "artikel 4:5" in text
    letter_mark_sent(letter=letter, on=date(2026, 3, 10))
    assert case.events.filter(type="precisering_asked", on=date(2026, 3, 10)).exists()
    with pytest.raises(ValidationError, match="al als verzonden"):
        letter_mark_sent(letter=letter, on=date(2026, 3, 11))


def test_doorzending_to_requester_and_organ(make_case):
    case = make_case()
    options = {
        "organ_name": "Provincie Utrecht",
        "organ_address": "Postbus 80300\n3508 TH Utrecht",
        "points": [3],
    }
    to_requester = letter_render(
        request=case, kind="doorzendbrief", options=options, letter_date=date(2026, 3, 10)
    )
    to_organ = letter_render(
        request=case, kind="doorzending_orgaan", options=options, letter_date=date(2026, 3, 10)
    )
    requester_text = body(to_requester.file.read())
    assert (
        "Punt 3 van uw verzoek heeft betrekking op informatie die berust bij Provincie Utrecht"
        in requester_text
    )
    assert "artikel 4.2, eerste lid, van de Woo en artikel 2:3" in requester_text
    organ_data = to_organ.file.read()
    assert "Provincie Utrecht" in open_docx(organ_data).tables[0].rows[0].cells[0].text
    assert "Mevrouw Anna de Wit" in body(organ_data) or "Anna de Wit" in body(organ_data)
    letter_mark_sent(letter=to_requester, on=date(2026, 3, 10))
    letter_mark_sent(letter=to_organ, on=date(2026, 3, 10))
    assert case.events.filter(type="forwarded_partly").count() == 1
    with pytest.raises(ValidationError, match="bestuursorgaan"):
        letter_render(request=case, kind="doorzendbrief", letter_date=date(2026, 3, 10))


def zienswijze_case(make_case):
    case = make_case()
    doc = document_create(
        request=case,
        title="Offerte aannemer",
        date=date(2025, 12, 1),
        judgement="deels_openbaar",
        grounds=["5.1.2f"],
    )
    document_create(request=case, title="Ontwerp", date=date(2025, 11, 1), judgement="openbaar")
    party = third_party_write(
        request=case,
        name="Bouwbedrijf De Vries & Zn B.V.",
        contact_person="mr. P. de Vries",
        address="Industrieweg 3\n3400 AA IJsselstein",
        document_numbers=[doc.number],
    )
    return case, doc, party


def test_zienswijze_letters_suspension_and_its_end(make_case):
    case, doc, party = zienswijze_case(make_case)
    ask = letter_render(
        request=case, kind="zienswijzeverzoek", third_party=party, letter_date=date(2026, 3, 16)
    )
    data = ask.file.read()
    assert (
        open_docx(data).tables[0].rows[0].cells[0].text.startswith("Bouwbedrijf De Vries & Zn B.V.")
    )
    text = body(data)
    assert f"document {doc.number}: Offerte aannemer" in text
    assert "uiterlijk op 30 maart 2026" in text and "artikel 4:8" in text
    notice = letter_render(
        request=case,
        kind="opschorting",
        letter_date=date(2026, 3, 16),
        options={"reply_due_on": "2026-03-30"},
    )
    notice_text = body(notice.file.read())
    assert "artikel 4.4, derde lid, van de Woo" in notice_text
    assert "uiterlijk op 30 maart 2026" in notice_text
    letter_mark_sent(letter=ask, on=date(2026, 3, 16))
    letter_mark_sent(letter=notice, on=date(2026, 3, 16))
    assert case.events.filter(type="zienswijze_asked").exists()
    with pytest.raises(ValidationError, match="nog niet geëindigd"):
        letter_render(request=case, kind="einde_opschorting", letter_date=date(2026, 3, 20))
    request_transition(request=case, type="zienswijze_received", on=date(2026, 3, 27))
    end = letter_render(request=case, kind="einde_opschorting", letter_date=date(2026, 3, 27))
    end_text = body(end.file.read())
    case.refresh_from_db()
    from cases.letters.wording import format_date

    assert f"Ik beslis uiterlijk op {format_date(case.due_on)} op uw verzoek." in end_text
    assert "artikel 4.4, vierde lid, van de Woo" in end_text
    letter_mark_sent(letter=end, on=date(2026, 3, 27))
    assert end.sent_on is not None


# --- item 4 and 7, issue 11 item 6: the besluit after a zienswijze, as PDF, one path -----------


def ready_besluit(case):
    answer_all(case, outcome="documenten")
    motivation_write(request=case, code="5.1.2f", text="Prijsopbouw van de aannemer.")


def test_besluit_after_zienswijze_names_the_third_party_and_the_two_weeks(make_case):
    case, doc, party = zienswijze_case(make_case)
    ready_besluit(case)
    data = letter_render(request=case, kind="besluit", letter_date=date(2026, 4, 1)).file.read()
    assert "Bouwbedrijf De Vries & Zn B.V." in colofon(data).split("In afschrift aan")[1]
    text = section(data, "Wijze van openbaarmaking")
    assert (
        f"(document {doc.number}), verstrek ik daarom niet eerder dan twee weken na de dag waarop "
        "dit besluit bekend is gemaakt (artikel 4.4, vijfde lid, van de Woo)"
    ) in text
    assert (
        "gelijktijdig bekend aan de derde-belanghebbende (artikel 4.4, zesde lid, van de Woo)"
        in text
    )
    with pytest.raises(ValidationError, match="markeer eerst het besluit"):
        letter_render(request=case, kind="kennisgeving_derde", third_party=party)


def test_timeline_refuses_besluit_verzonden_without_a_sent_besluit(logged_in, make_case):
    case = make_case()
    response = logged_in.post(
        reverse("cases:event_create", args=[case.pk]), {"type": "decision_sent", "on": "2026-03-20"}
    )
    html = response.content.decode()
    assert "tabblad Brieven als verzonden" in html
    case.refresh_from_db()
    assert case.status == "ontvangen" and case.decision_sent_on is None
    with pytest.raises(ValidationError, match="tabblad Brieven"):
        request_transition(request=case, type="decision_sent", on=date(2026, 3, 20))


def test_besluit_sent_only_through_the_letter_with_checks_then_pdf_and_kennisgeving(make_case):
    if libreoffice_binary() is None:
        pytest.skip("LibreOffice is not installed")
    case, doc, party = zienswijze_case(make_case)
    besluit = letter_render(request=case, kind="besluit", letter_date=date(2026, 4, 1))
    with pytest.raises(ValidationError, match="controle problemen"):
        letter_mark_sent(letter=besluit, on=date(2026, 4, 1))  # points unanswered
    assert not case.events.filter(type="decision_sent").exists()
    ready_besluit(case)
    besluit = approve(letter_render(request=case, kind="besluit", letter_date=date(2026, 4, 1)))
    with pytest.raises(Exception, match="nog niet verzonden"):
        letter_pdf_for_requester(besluit)
    letter_mark_sent(letter=besluit, on=date(2026, 4, 1))
    case.refresh_from_db()
    assert case.decision_sent_on == date(2026, 4, 1) and case.status == "verzonden"
    pdf = letter_pdf_for_requester(besluit)
    assert pdf.startswith(b"%PDF")
    besluit.refresh_from_db()
    assert besluit.pdf_file.read() == pdf and besluit.file.read()[:2] == b"PK"  # staff keep .docx
    import io

    from pypdf import PdfReader

    pdf_text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Bouwbedrijf De Vries" in pdf_text
    kennis = letter_render(
        request=case, kind="kennisgeving_derde", third_party=party, letter_date=date(2026, 4, 1)
    )
    text = body(kennis.file.read())
    assert "Op 1 april 2026 heb ik op het verzoek besloten" in text
    assert "niet eerder dan op 15 april 2026" in text  # bekendmaking + 14 (art. 4.4 lid 5)
    letter_mark_sent(letter=kennis, on=date(2026, 4, 1))
    with pytest.raises(Exception, match="niet aan de verzoeker"):
        letter_pdf_for_requester(kennis)


def test_besluit_not_sent_without_libreoffice(make_case, monkeypatch):
    import cases.letters_pdf as letters_pdf

    monkeypatch.setattr(letters_pdf.shutil, "which", lambda name: None)
    case = make_case()
    answer_all(case)
    besluit = approve(letter_render(request=case, kind="besluit", letter_date=date(2026, 4, 1)))
    with pytest.raises(ValidationError, match="LibreOffice is niet geïnstalleerd"):
        letter_mark_sent(letter=besluit, on=date(2026, 4, 1))
    case.refresh_from_db()
    assert case.decision_sent_on is None


# --- item 3: 5.1.4 date and 5.3 from the case ----------------------------------------------------


def test_5_1_4_prints_the_date_and_5_3_triggers_for_old_documents(make_case):
    case = make_case()
    old = document_create(
        request=case,
        title="Nota 2019",
        date=date(2019, 5, 1),
        judgement="deels_openbaar",
        grounds=["5.1.2e"],
    )
    document_create(
        request=case,
        title="Rapport",
        date=date(2026, 2, 1),
        judgement="niet_openbaar",
        grounds=["5.1.4"],
    )
    answer_all(case, outcome="documenten")
    motivation_write(request=case, code="5.1.2e", text="Namen.")
    with pytest.raises(ValidationError, match="vierde lid"):
        letter_render(request=case, kind="besluit", letter_date=date(2026, 4, 1))
    motivation_write(
        request=case, code="5.1.4", text="Eerst de raad.", disclose_on=date(2026, 5, 12)
    )
    data = letter_render(request=case, kind="besluit", letter_date=date(2026, 4, 1)).file.read()
    text = section(data, "Overwegingen")
    assert "Ik maak deze informatie op 12 mei 2026 alsnog openbaar." in text
    assert "In dit besluit staat de datum" not in text
    assert "ouder dan vijf jaar. Op grond van artikel 5.3 van de Woo" in text
    assert f"Dit geldt voor document {old.number}." in text
    assert "de artikelen 4.1, 4.4, 5.1 en 5.3 van de Woo" in section(data, "Besluit")
    # The 5.3 motivation is offered for editing on the Brieven tab and the adviser's text is used.
    from cases.services.letters import motivations_for

    assert "5.3" in motivations_for(case)
    motivation_write(request=case, code="5.3", text="Ook na zeven jaar zijn de namen privé.")
    data = letter_render(request=case, kind="besluit", letter_date=date(2026, 4, 1)).file.read()
    assert "Ook na zeven jaar zijn de namen privé." in section(data, "Overwegingen")


def test_render_letter_command_for_every_new_kind(make_case, tmp_path):
    case, doc, party = zienswijze_case(make_case)
    request_transition(request=case, type="zienswijze_asked", on=date(2026, 3, 16))
    request_transition(request=case, type="zienswijze_received", on=date(2026, 3, 27))
    runs = [
        ("verdagingsbrief", "--reden", "omvang", "--date", "2026-03-27"),
        ("precisering", "--vraag", "Welke periode?", "--date", "2026-03-27"),
        ("doorzendbrief", "--orgaan", "Provincie Utrecht", "--punten", "3", "--date", "2026-03-27"),
        ("doorzending_orgaan", "--orgaan", "Provincie Utrecht", "--date", "2026-03-27"),
        ("zienswijzeverzoek", "--derde", party.name, "--date", "2026-03-27"),
        ("opschorting", "--date", "2026-03-27"),
        ("einde_opschorting", "--date", "2026-03-27"),
    ]
    for kind, *args in runs:
        out = tmp_path / f"{kind}.docx"
        call_command(
            "render_letter", case.reference, kind, "--out", str(out), *args, stdout=StringIO()
        )
        assert out.read_bytes()[:2] == b"PK", kind
    with pytest.raises(CommandError, match="Onbekende derde"):
        call_command(
            "render_letter",
            case.reference,
            "zienswijzeverzoek",
            "--out",
            str(tmp_path / "x.docx"),
            "--derde",
            "Niemand",
            stdout=StringIO(),
        )
    with pytest.raises(CommandError, match="markeer eerst het besluit"):
        call_command(
            "render_letter",
            case.reference,
            "kennisgeving_derde",
            "--out",
            str(tmp_path / "y.docx"),
            "--derde",
            party.name,
            stdout=StringIO(),
        )


def test_brieven_tab_third_party_and_letter_with_options(logged_in, make_case):
    case = make_case()
    doc = document_create(request=case, title="Offerte", judgement="openbaar")
    response = logged_in.post(
        reverse("cases:third_party_create", args=[case.pk]),
        {"name": "Aannemer & Co", "address": "Weg 1\n1000 AA Stad", "documents": doc.number},
    )
    assert response.status_code == 302
    party = case.third_parties.get()
    assert list(party.documents.values_list("number", flat=True)) == [doc.number]
    logged_in.post(
        reverse("cases:letter_generate", args=[case.pk]),
        {
            "kind": "zienswijzeverzoek",
            "format": "docx",
            "letter_date": "2026-03-16",
            "third_party": party.pk,
        },
    )
    letter = case.letters.get(kind="zienswijzeverzoek")
    assert letter.third_party == party and letter.options["reply_due_on"] == "2026-03-30"
    logged_in.post(reverse("cases:letter_sent", args=[case.pk, letter.pk]), {"on": "2026-03-16"})
    letter.refresh_from_db()
    assert letter.sent_on == date(2026, 3, 16)
    assert case.events.filter(type="zienswijze_asked").exists()
    page = logged_in.get(
        reverse("cases:request_detail", args=[case.pk]) + "?tab=brieven"
    ).content.decode()
    assert "Aannemer &amp; Co" in page and "Derde-belanghebbenden" in page
    # A third party with letters cannot be deleted.
    logged_in.post(
        reverse("cases:third_party_edit", args=[case.pk, party.pk]), {"action": "delete"}
    )
    assert case.third_parties.exists()
    # Verdaging reasons chosen on the tab end up in the letter.
    logged_in.post(
        reverse("cases:letter_generate", args=[case.pk]),
        {
            "kind": "verdagingsbrief",
            "format": "docx",
            "letter_date": "2026-03-20",
            "adjournment_reasons": ["omvang"],
        },
    )
    verdaging = case.letters.get(kind="verdagingsbrief")
    assert verdaging.options["adjournment_reasons"] == ["omvang"]
    assert "de omvang van de informatie waarom u vraagt" in body(verdaging.file.read())
    assert date.today() - timedelta(days=1) < date.today()


def test_requester_letters_never_include_letters_to_third_parties_or_organs(make_case):
    from cases.services.letters import requester_letters

    case, doc, party = zienswijze_case(make_case)
    ask = letter_render(
        request=case, kind="zienswijzeverzoek", third_party=party, letter_date=date(2026, 3, 16)
    )
    notice = letter_render(request=case, kind="opschorting", letter_date=date(2026, 3, 16))
    organ = letter_render(
        request=case,
        kind="doorzending_orgaan",
        letter_date=date(2026, 3, 16),
        options={"organ_name": "Provincie Utrecht", "points": [3]},
    )
    for letter in (ask, notice, organ):
        letter_mark_sent(letter=letter, on=date(2026, 3, 16))
    assert list(requester_letters(case)) == [notice]
