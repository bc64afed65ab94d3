"""Kamervragen (issue 14): the second case kind in the same core (parsing, clock, import, status)."""

import copy
import json
import re
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from cases import clock
from cases.models import Request
from cases.point_parser import parse_points, parse_questions
from cases.services.importing import ImportError_, case_import

FIXTURES = Path(__file__).parent / "fixtures"
SEED = next(Path("/work/shared/seeds").glob("003_*.txt"), None)
TODAY = date(2026, 11, 1)


def seed003() -> dict:
    return json.loads((FIXTURES / "seed003_kamervragen.json").read_text(encoding="utf-8"))


def status_of(reference: str) -> dict:
    out = StringIO()
    call_command("case_status", reference, "--json", stdout=out)
    return json.loads(out.getvalue())


# --- parsing ---------------------------------------------------------------------------------


@pytest.mark.skipif(SEED is None, reason="seed 003 not available")
def test_seed003_questions_parse_from_its_text():
    text = SEED.read_text(encoding="utf-8")
    points = parse_points(text)
    assert [p.number for p in points] == list(range(1, 11))
    assert all(p.marker == f"Vraag {p.number}" for p in points)
    assert points[0].text.startswith("Bent u bekend met het NRC-artikel")
    # the question stops at its answer, and the colofon repeated on the page is no part of it
    assert points[0].text.endswith("zou voorspellen'?")
    assert "Ja." not in points[7].text and "30 maart" not in points[3].text
    assert "Onze referentie" not in " ".join(p.text for p in points)
    assert points[3].text.endswith("te verbeteren?")  # Vraag 4 across the page furniture
    assert points[9].text == (
        "Bent u bereid maatregelen te nemen om het gebruik van dergelijke systemen te beperken of "
        "te verbieden? Zo nee, waarom niet?"
    )


def test_questions_span_paragraphs_and_keep_written_numbers():
    text = "Vraag 3\n\nEerste alinea van de vraag.\n\nTweede alinea?\n\nAntwoord op vraag 3\n\nJa.\n\nVraag 5\nKlopt dat?"
    points = parse_questions(text)
    assert [(p.number, p.text) for p in points] == [
        (3, "Eerste alinea van de vraag. Tweede alinea?"),
        (5, "Klopt dat?"),
    ]


def test_numbered_woo_points_unchanged_by_vraag_rule():
    text = "Ik verzoek om:\n1. alle notulen;\n2. de vraag 2 uit het rapport.\n"
    assert [p.text for p in parse_points(text)] == ["alle notulen;", "de vraag 2 uit het rapport."]


# --- the clock: table-driven ------------------------------------------------------------------


def E(type_, on):
    return clock.ClockEvent(type=type_, on=on, key=type_ + on.isoformat())


CLOCK_CASES = [
    # (name, submitted, events, due_on, days_late, valid uitstel)
    ("three weeks", date(2026, 2, 26), [], date(2026, 3, 19), None, None),
    (
        "timely uitstel on the last day: six weeks",
        date(2026, 2, 26),
        [E("uitstel_sent", date(2026, 3, 19))],
        date(2026, 4, 9),
        None,
        True,
    ),
    (
        "late uitstel: no extension",
        date(2026, 2, 26),
        [E("uitstel_sent", date(2026, 3, 20))],
        date(2026, 3, 19),
        None,
        False,
    ),
    (
        "answered late without uitstel",
        date(2026, 2, 26),
        [E("answers_sent", date(2026, 3, 30))],
        date(2026, 3, 19),
        11,
        None,
    ),
    (
        "answered in time after uitstel (seed 003)",
        date(2026, 2, 26),
        [E("uitstel_sent", date(2026, 3, 18)), E("answers_sent", date(2026, 3, 30))],
        date(2026, 4, 9),
        0,
        True,
    ),
    # Atw art. 1 (by analogy): 6 April 2026 + 3 weeks = Koningsdag, Monday 27 April -> 28 April.
    ("Koningsdag at the end moves the date", date(2026, 4, 6), [], date(2026, 4, 28), None, None),
    # Submitted on a Saturday: the last day is a Saturday -> Monday.
    ("weekend at the end", date(2026, 3, 7), [], date(2026, 3, 30), None, None),
    (
        "six weeks ending on Koningsdag",
        date(2026, 3, 16),
        [E("uitstel_sent", date(2026, 4, 1))],
        date(2026, 4, 28),
        None,
        True,
    ),
    (
        "a Woo verdaging event does not extend a Kamervragen term",
        date(2026, 2, 26),
        [E("adjourned", date(2026, 3, 10))],
        date(2026, 3, 19),
        None,
        None,
    ),
]


@pytest.mark.parametrize(
    "name,submitted,events,due,late,valid", CLOCK_CASES, ids=[c[0] for c in CLOCK_CASES]
)
def test_kamervragen_clock(name, submitted, events, due, late, valid):
    result = clock.compute(
        events=events,
        regime=clock.RVO,
        received_on=submitted,
        today=TODAY,
        case_kind=clock.KAMERVRAGEN,
    )
    assert result.due_on == due
    assert result.days_late == late
    assert result.adjournment_valid is valid
    assert result.bezwaar_ends_on is None  # no besluit, no bezwaar
    assert "12.2 RvO TK" in result.explanation
    assert not [a for a in result.actions if a.code == "acknowledge"]
    if valid is False:
        assert any("geen verdere drie weken" in w for w in result.warnings)


def test_woo_clock_unchanged_for_uitstel_event():
    """The Woo rules ignore the Kamervragen steps: same result with or without them."""
    base = dict(regime=clock.WOO, received_on=date(2026, 2, 26), today=TODAY)
    plain = clock.compute(events=[], **base)
    with_kamer = clock.compute(events=[E("uitstel_sent", date(2026, 3, 10))], **base)
    assert plain.due_on == with_kamer.due_on == date(2026, 3, 26)
    assert "Beslistermijn 4 weken (art. 4.4 lid 1 Woo)" in plain.explanation


# --- import + case_status ---------------------------------------------------------------------


def test_import_seed003_and_status(organisation):
    case = case_import(seed003(), today=TODAY)
    assert case.case_kind == "kamervragen" and case.regime == "rvo"
    assert case.requester_name == "El Abassi" and case.kamer_party == "DENK"
    assert case.kamer_reference == "2026Z03786"
    assert case.points.count() == 10 and case.answers.count() == 10
    assert case.status == "beantwoord"
    status = status_of(case.reference)
    assert status["kind"] == "kamervragen"
    assert status["submitted_on"] == "2026-02-26"
    assert status["uitstel_sent_on"] == "2026-03-18" and status["uitstel_timely"] is True
    assert status["due_on"] == "2026-04-09"
    assert status["answers_sent_on"] == "2026-03-30"
    assert status["days_late"] == 0
    assert status["bezwaar_ends_on"] is None
    assert "Uitstelbericht verzonden" in status["explanation"]
    assert "Ingezonden op donderdag 26 februari 2026" in status["explanation"]


@pytest.mark.parametrize(
    "events,due,late,status,warned",
    [
        ([], "2026-03-19", None, "ontvangen", False),
        ([("answers_sent", "2026-03-30")], "2026-03-19", 11, "beantwoord", False),
        ([("uitstel_sent", "2026-03-19")], "2026-04-09", None, "uitstel_gemeld", False),
        (
            [("uitstel_sent", "2026-03-20"), ("answers_sent", "2026-04-02")],
            "2026-03-19",
            14,
            "beantwoord",
            True,
        ),
    ],
)
def test_import_status_timely_and_late_uitstel(organisation, events, due, late, status, warned):
    data = seed003()
    data["events"] = [{"type": t, "on": on} for t, on in events]
    case = case_import(data, today=TODAY)
    summary = status_of(case.reference)
    assert summary["due_on"] == due
    assert summary["days_late"] == late
    assert summary["status"] == status
    late_warning = any("geen verdere drie weken" in w for w in summary["warnings"])
    assert late_warning is warned
    if warned:
        event = case.events.get(type="uitstel_sent")
        assert event.has_legal_effect is False and "geen verdere drie weken" in event.warning


def test_import_atw_day_at_the_end(organisation):
    data = seed003()
    data.update(submitted_on="2026-04-06", events=[])
    case = case_import(data, today=TODAY)
    summary = status_of(case.reference)
    assert summary["due_on"] == "2026-04-28"
    assert "Koningsdag" in summary["explanation"]


@pytest.mark.parametrize(
    "mutate,message",
    [
        (lambda d: d.pop("submitted_on"), "submitted_on"),
        (lambda d: d.update(questions=[]), "questions"),
        (lambda d: d.update(events=[{"type": "adjourned", "on": "2026-03-01"}]), "events[0].type"),
        (lambda d: d["answers"].append({"questions": [11], "text": "x"}), "Vraag 11 bestaat niet"),
        (lambda d: d["answers"].append({"questions": ["2"], "text": "x"}), "answers[10].questions"),
        (lambda d: d.update(member=""), "member"),
    ],
)
def test_invalid_kamervragen_import_names_field_and_creates_nothing(organisation, mutate, message):
    data = copy.deepcopy(seed003())
    mutate(data)
    with pytest.raises(ImportError_) as exc:
        case_import(data, today=TODAY)
    assert message in str(exc.value)
    assert not Request.objects.exists()


def test_woo_step_refused_on_kamervragen_case(organisation):
    from django.core.exceptions import ValidationError

    from cases.services.requests import request_transition

    data = seed003()
    data["events"] = []
    case = case_import(data, today=TODAY)
    with pytest.raises(ValidationError) as exc:
        request_transition(request=case, type="adjourned", on=date(2026, 3, 5), today_=TODAY)
    assert "geen stap bij Kamervragen" in str(exc.value)


# --- letters ----------------------------------------------------------------------------------


def _docx_paragraphs(data: bytes) -> list:
    import io

    import docx

    return docx.Document(io.BytesIO(data)).paragraphs


def _all_text(data: bytes) -> str:
    import io

    import docx

    d = docx.Document(io.BytesIO(data))
    cells = [c.text for t in d.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in d.paragraphs] + cells)


def _render(case, kind, **options):
    from cases.services.letters import letter_render

    letter = letter_render(
        request=case, kind=kind, letter_date=date(2026, 3, 30), options=options or None
    )
    return letter, letter.file.read()


def _shared_answer_case(organisation):
    """Seed 003 with questions 2 and 3 answered together ("Antwoord op vraag 2 en 3")."""
    data = seed003()
    answers = data["answers"]
    joined = {"questions": [2, 3], "text": answers[1]["text"] + "\n\n" + answers[2]["text"]}
    data["answers"] = [answers[0], joined] + answers[3:]
    data["events"] = [{"type": "uitstel_sent", "on": "2026-03-18"}]
    return case_import(data, today=TODAY)


def test_aanbiedingsbrief_with_bijlage_reads_like_seed003(organisation):
    case = _shared_answer_case(organisation)
    letter, data = _render(case, "aanbiedingsbrief", signatory="D.M. van Weel")
    text = _all_text(data)
    assert (
        "In antwoord op uw brief van 26 februari 2026 deel ik u mee dat de vragen van het lid "
        "El Abassi (DENK) over het artikel 'Politie stapte in stilte af van algoritme dat kans op "
        "misdaad in buurten zou voorspellen' worden beantwoord zoals aangegeven in de bijlage van "
        "deze brief." in text
    )
    assert "Aan de Voorzitter van de Tweede Kamer" in text
    for label, value in [("Onze referentie", case.reference), ("Uw referentie", "2026Z03786")]:
        assert label in text and value in text
    assert "Datum" in text and "30 maart 2026" in text
    assert "Betreft" in text and "Antwoorden Kamervragen over het artikel" in text
    assert "De Minister van Justitie en Veiligheid," in text and "D.M. van Weel" in text
    # no besluit: no bezwaar clause, no inventory, no "Ad N"
    lowered = text.lower()
    for absent in ("bezwaar", "inventaris", "besluit", r"\bad \d", r"\bwoo\b", r"\bwob\b"):
        assert not re.search(absent, lowered), absent
    paragraphs = _docx_paragraphs(data)
    heading = next(p for p in paragraphs if p.text.startswith("Vragen van het lid"))
    assert heading.text == (
        "Vragen van het lid El Abassi (DENK) aan de minister van Justitie en Veiligheid over het "
        "artikel 'Politie stapte in stilte af van algoritme dat kans op misdaad in buurten zou "
        "voorspellen' (ingezonden 26 februari 2026, 2026Z03786)"
    )
    labels = [
        p.text
        for p in paragraphs
        if p.text.startswith("Vraag ") or p.text.startswith("Antwoord op vraag")
    ]
    expected = ["Vraag 1", "Antwoord op vraag 1", "Vraag 2", "Vraag 3", "Antwoord op vraag 2 en 3"]
    for n in range(4, 11):
        expected += [f"Vraag {n}", f"Antwoord op vraag {n}"]
    assert labels == expected
    # "Vraag N" and the question in bold, the answer label bold, the answer text not
    by_text = {p.text: p for p in paragraphs}
    assert all(r.bold for r in by_text["Vraag 4"].runs)
    q4 = paragraphs[[p.text for p in paragraphs].index("Vraag 4") + 1]
    assert q4.text.startswith("Klopt het dat bij het criminaliteitsanticipatiesysteem")
    assert all(r.bold for r in q4.runs)
    assert all(r.bold for r in by_text["Antwoord op vraag 2 en 3"].runs)
    answer = paragraphs[[p.text for p in paragraphs].index("Antwoord op vraag 1") + 1]
    assert answer.text == "Ja." and not any(r.bold for r in answer.runs)
    # cross-references kept as written; the footnote as a superscript number and listed
    assert "In de laatste alinea van mijn antwoord op vraag 10 geef ik meer uitleg" in text
    assert "In mijn antwoord op vraag 4 omschrijf ik uitgebreider" in text
    cas = next(p for p in paragraphs if "omgevingsvariabelen" in p.text)
    sup = [r for r in cas.runs if r.font.superscript]
    assert [r.text for r in sup] == ["1"]
    assert "omgevingsvariabelen1 van het CBS" in cas.text
    note = next(p for p in paragraphs if p.text.startswith("1 Voorbeelden hiervan zijn"))
    assert note.runs[0].font.superscript
    assert letter.problems == []


def test_antwoorden_alone_and_unanswered_question_refused(organisation):
    from django.core.exceptions import ValidationError

    case = _shared_answer_case(organisation)
    _letter, data = _render(case, "antwoorden")
    labels = [p.text for p in _docx_paragraphs(data) if p.text.startswith("Antwoord op vraag")]
    assert labels[1] == "Antwoord op vraag 2 en 3" and len(labels) == 9
    assert "Aan de Voorzitter" not in _all_text(data)
    case.answers.filter(points__number=7).delete()
    with pytest.raises(ValidationError, match="Vraag 7 heeft nog geen antwoord"):
        _render(case, "antwoorden")


def test_cross_reference_to_unknown_question_is_a_problem(organisation):
    data = seed003()
    data["answers"][0]["text"] = "Zie mijn antwoord op vraag 12."
    case = case_import(data, today=TODAY)
    letter, _ = _render(case, "antwoorden")
    assert any("vraag 12" in p["message"] for p in letter.problems)


def test_uitstelbericht_needs_reasons_and_names_the_new_date(organisation):
    from django.core.exceptions import ValidationError

    data = seed003()
    data["events"] = []
    case = case_import(data, today=TODAY)
    from cases.services.letters import letter_render

    with pytest.raises(ValidationError, match="reden van het uitstel"):
        letter_render(request=case, kind="uitstelbericht", letter_date=date(2026, 3, 17))
    letter = letter_render(
        request=case,
        kind="uitstelbericht",
        letter_date=date(2026, 3, 17),
        options={
            "adjournment_sentence": "Voor de beantwoording is afstemming met de politie nodig."
        },
    )
    text = _all_text(letter.file.read())
    assert "niet binnen de termijn van drie weken kunnen worden beantwoord" in text
    assert "(ingezonden 26 februari 2026, 2026Z03786)" in text
    assert "Voor de beantwoording is afstemming met de politie nodig." in text
    assert "uiterlijk op 9 april 2026" in text
    assert "bezwaar" not in text.lower()
    assert letter.problems == []
    # late (after 19 March): no further three weeks, said in the problems, no date promised
    late = letter_render(
        request=case,
        kind="uitstelbericht",
        letter_date=date(2026, 3, 20),
        options={"adjournment_sentence": "Afstemming."},
    )
    assert any(p["rule"] == "kamer_uitstel_late" for p in late.problems)
    assert "uiterlijk op" not in _all_text(late.file.read())


def _approve_all(case):
    from cases.services.kamer import answer_approve, kamer_set_approve
    from tests.conftest import _user

    jurist = _user("jurist-kamer", "adviseur")
    for answer in case.answers.all():
        answer_approve(answer=answer, by=jurist)
    kamer_set_approve(request=case, by=_user("coord-kamer", "coordinator"))


def test_sending_the_letters_records_the_steps(organisation):
    from cases.services.letters import letter_mark_sent, letter_render

    data = seed003()
    data["events"] = []
    case = case_import(data, today=TODAY)
    uitstel = letter_render(
        request=case,
        kind="uitstelbericht",
        letter_date=date(2026, 3, 17),
        options={"adjournment_sentence": "Afstemming."},
    )
    letter_mark_sent(letter=uitstel, on=date(2026, 3, 17))
    case.refresh_from_db()
    assert case.status == "uitstel_gemeld" and case.due_on == date(2026, 4, 9)
    _approve_all(case)
    brief = letter_render(request=case, kind="aanbiedingsbrief", letter_date=date(2026, 3, 30))
    letter_mark_sent(letter=brief, on=date(2026, 3, 30))
    case.refresh_from_db()
    assert case.status == "beantwoord" and case.decision_sent_on == date(2026, 3, 30)
    assert case.events.filter(type="answers_sent").count() == 1


def test_woo_letters_refused_for_kamervragen_and_back(organisation):
    from django.core.exceptions import ValidationError

    from cases.services.letters import letter_render

    case = case_import(seed003(), today=TODAY)
    with pytest.raises(ValidationError, match="Bij Kamervragen horen"):
        letter_render(request=case, kind="besluit", letter_date=date(2026, 3, 30))
    woo = case_import(
        {
            "received_on": "2026-02-02",
            "requester": {"name": "A. de Vries"},
            "subject": "notulen",
            "request_text": "1. de notulen",
        },
        today=TODAY,
    )
    with pytest.raises(ValidationError, match="hoort bij Kamervragen"):
        letter_render(request=woo, kind="antwoorden", letter_date=date(2026, 3, 30))


def test_import_case_and_render_letter_commands_as_pdf(organisation, tmp_path):
    """The command-line path end to end: import_case, render_letter antwoorden --pdf."""
    import shutil

    import pymupdf

    from tests.conftest import require

    source = tmp_path / "kamer.json"
    data = seed003()
    data["events"] = [{"type": "uitstel_sent", "on": "2026-03-18"}]
    source.write_text(json.dumps(data), encoding="utf-8")
    out = StringIO()
    call_command("import_case", str(source), stdout=out)
    reference = out.getvalue().strip().splitlines()[-1]
    assert Request.objects.get(reference=reference).is_kamervragen
    target = tmp_path / "brief.docx"
    args = ["render_letter", reference, "aanbiedingsbrief", "--out", str(target)]
    call_command(*args, "--date", "2026-03-30", "--ondertekenaar", "D.M. van Weel", stdout=out)
    assert "D.M. van Weel" in _all_text(target.read_bytes())
    require(shutil.which("soffice") is not None, "LibreOffice (soffice) is not installed")
    call_command(*args, "--date", "2026-03-30", "--pdf", stdout=out)
    with pymupdf.open(target.with_suffix(".pdf")) as pdf:
        text = " ".join(" ".join(p.get_text().split()) for p in pdf)
    positions = [text.index(f"Antwoord op vraag {n}") for n in range(1, 11)]
    assert positions == sorted(positions)
    assert text.index("Vraag 10") < text.index("Antwoord op vraag 10")
    assert "Uw referentie" in text and "2026Z03786" in text and "bezwaar" not in text.lower()


# --- screens ----------------------------------------------------------------------------------


def test_list_and_detail_show_the_kind(client, coordinator, organisation):
    from django.urls import reverse

    data = seed003()
    data["events"] = []
    case = case_import(data, today=TODAY)
    client.force_login(coordinator)
    listing = client.get(reverse("cases:request_list") + "?open=0").content.decode()
    assert "Kamervragen</span>" in listing and case.reference in listing
    html = client.get(reverse("cases:request_detail", args=[case.pk])).content.decode()
    assert 'data-testid="case-kind"' in html
    assert "El Abassi (DENK)" in html and "2026Z03786" in html
    assert "Uiterste antwoorddatum" in html and "Uiterste beslisdatum" not in html
    assert "?tab=documenten" not in html and "Vragen (10)" in html
    timeline = client.get(reverse("cases:request_detail", args=[case.pk]) + "?tab=tijdlijn")
    body = timeline.content.decode()
    assert 'value="uitstel_sent"' in body and 'value="adjourned"' not in body
    docs = client.get(reverse("cases:request_detail", args=[case.pk]) + "?tab=documenten")
    assert 'data-testid="no-documents-tab"' in docs.content.decode()
    letters = client.get(reverse("cases:request_detail", args=[case.pk]) + "?tab=brieven")
    body = letters.content.decode()
    assert 'value="aanbiedingsbrief"' in body and 'value="besluit"' not in body
    answers = client.get(reverse("cases:request_detail", args=[case.pk]) + "?tab=antwoorden")
    assert "Antwoord op vraag 1<" in answers.content.decode()


def test_woo_detail_unchanged(client, coordinator, make_case):
    from django.urls import reverse

    case = make_case(received_on=date(2026, 10, 1), subject="gewoon verzoek")
    client.force_login(coordinator)
    html = client.get(reverse("cases:request_detail", args=[case.pk])).content.decode()
    assert "Uiterste beslisdatum" in html and "?tab=documenten" in html
    assert 'data-testid="case-kind"' not in html
    letters = client.get(reverse("cases:request_detail", args=[case.pk]) + "?tab=brieven")
    body = letters.content.decode()
    assert 'value="besluit"' in body and 'value="aanbiedingsbrief"' not in body


def test_kamer_late_list(client, coordinator, adviser, organisation, monkeypatch):
    from django.urls import reverse
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: date(2026, 4, 15))
    open_late = seed003()
    open_late.update(events=[], kamer_reference="2026Z00001", subject="open en te laat")
    case_import(open_late, today=date(2026, 4, 15))  # due 19 March: 27 days late
    answered_late = seed003()
    answered_late.update(
        kamer_reference="2026Z00002",
        subject="laat beantwoord",
        submitted_on="2026-03-16",
        events=[{"type": "answers_sent", "on": "2026-04-10"}],  # due 7 April (3 weeks + Atw)
    )
    case_import(answered_late, today=date(2026, 4, 15))
    on_time = seed003()
    on_time.update(
        kamer_reference="2026Z00003", subject="nog binnen termijn", submitted_on="2026-04-01"
    )
    on_time["events"] = []
    case_import(on_time, today=date(2026, 4, 15))
    client.force_login(coordinator)
    html = client.get(reverse("cases:kamer_overview")).content.decode()
    assert "open en te laat" in html and "laat beantwoord" in html
    assert "nog binnen termijn" not in html
    assert 'data-testid="days-late">27<' in html
    assert 'data-testid="days-late">3<' in html
    client.force_login(adviser)
    assert client.get(reverse("cases:kamer_overview")).status_code == 403


# --- workflow: contributors, approval per answer, four eyes on the set ------------------------


def test_workflow_assign_approve_four_eyes_and_send(organisation, adviser, coordinator):
    from django.core.exceptions import ValidationError

    from cases.models import AuditRecord
    from cases.services.kamer import (
        answer_approve,
        kamer_set_approve,
        question_assign,
        send_problems,
    )
    from cases.services.letters import letter_mark_sent, letter_render
    from cases.services.points import answer_write

    data = seed003()
    data["events"] = []
    case = case_import(data, today=TODAY)
    point = question_assign(
        request=case, number=4, contributor="Politie, AI-governance", by=adviser
    )
    assert point.contributor == "Politie, AI-governance"
    with pytest.raises(ValidationError, match="Vraag 11 bestaat niet"):
        question_assign(request=case, number=11, contributor="x", by=adviser)

    brief = letter_render(request=case, kind="aanbiedingsbrief", letter_date=date(2026, 3, 17))
    with pytest.raises(ValidationError, match="Nog niet goedgekeurd door de jurist"):
        letter_mark_sent(letter=brief, on=date(2026, 3, 17))
    with pytest.raises(ValidationError, match="Nog niet goedgekeurd"):
        kamer_set_approve(request=case, by=coordinator)

    for answer in case.answers.all():
        answer_approve(answer=answer, by=adviser)
    # four eyes: the adviser who approved the answers cannot approve the set
    with pytest.raises(ValidationError, match="Vier ogen"):
        kamer_set_approve(request=case, by=adviser)
    assert send_problems(case) == ["De antwoordenset is nog niet goedgekeurd (vier ogen)."]
    kamer_set_approve(request=case, by=coordinator)
    case.refresh_from_db()
    assert case.kamer_set_approved_by == coordinator and send_problems(case) == []

    # a changed answer loses its approval and the set's; an older letter cannot be sent
    answer8 = case.answers.get(points__number=8)
    answer_write(
        request=case, point_numbers=[8], text="Ja, dat deel ik.", answer=answer8, by=adviser
    )
    answer8.refresh_from_db()
    case.refresh_from_db()
    assert answer8.approved_by is None and case.kamer_set_approved_by is None
    answer_approve(answer=answer8, by=adviser)
    kamer_set_approve(request=case, by=coordinator)
    with pytest.raises(ValidationError, match="maak de brief opnieuw"):
        letter_mark_sent(letter=brief, on=date(2026, 3, 17))
    new = letter_render(request=case, kind="aanbiedingsbrief", letter_date=date(2026, 3, 17))
    with pytest.raises(ValidationError, match="nieuwere versie"):
        letter_mark_sent(letter=brief, on=date(2026, 3, 17))
    assert "Ja, dat deel ik." in _all_text(new.file.read())
    letter_mark_sent(letter=new, on=date(2026, 3, 17), by=coordinator)
    case.refresh_from_db()
    assert case.status == "beantwoord" and case.decision_sent_on == date(2026, 3, 17)
    actions = set(AuditRecord.objects.filter(request=case).values_list("action", flat=True))
    assert {
        "question_assigned",
        "answer_approved",
        "kamer_set_approved",
        "kamer_set_approval_cleared",
        "letter_sent",
    } <= actions


def test_workflow_refused_on_a_woo_case(make_case, adviser):
    from django.core.exceptions import ValidationError

    from cases.services.kamer import question_assign

    case = make_case(received_on=date(2026, 10, 1))
    with pytest.raises(ValidationError, match="alleen bij Kamervragen"):
        question_assign(request=case, number=1, contributor="x", by=adviser)


def test_workflow_screens(client, adviser, coordinator, organisation):
    from django.urls import reverse

    from cases.permissions import grant_case

    data = seed003()
    data["events"] = []
    case = case_import(data, today=TODAY)
    grant_case(adviser, case)
    client.force_login(adviser)
    url = reverse("cases:request_detail", args=[case.pk]) + "?tab=antwoorden"
    html = client.get(url).content.decode()
    assert 'data-testid="kamer-workflow"' in html and html.count("Goedkeuren</button>") == 10
    response = client.post(
        reverse("cases:question_assign", args=[case.pk, 3]), {"contributor": "DG Politie"}
    )
    assert response.status_code == 302
    assert case.points.get(number=3).contributor == "DG Politie"
    for answer in case.answers.all():
        client.post(reverse("cases:answer_approve", args=[case.pk, answer.pk]))
    assert not case.answers.filter(approved_by__isnull=True).exists()
    client.post(reverse("cases:kamer_set_approve", args=[case.pk]))  # refused: four eyes
    case.refresh_from_db()
    assert case.kamer_set_approved_by is None
    client.force_login(coordinator)
    client.post(reverse("cases:kamer_set_approve", args=[case.pk]))
    case.refresh_from_db()
    assert case.kamer_set_approved_by == coordinator
    assert 'data-testid="set-approved"' in client.get(url).content.decode()
    # bad input: an unknown question is a Dutch message, not a 500
    response = client.post(
        reverse("cases:question_assign", args=[case.pk, 99]), {"contributor": "x"}
    )
    assert response.status_code == 302


def test_request_update_keeps_the_kamer_regime(organisation):
    from django.core.exceptions import ValidationError

    from cases.services.requests import request_update

    case = case_import(seed003(), today=TODAY)
    with pytest.raises(ValidationError, match="Reglement van Orde"):
        request_update(request=case, regime="woo")
    request_update(request=case, kamer_reference="2026Z03787")
    case.refresh_from_db()
    assert case.kamer_reference == "2026Z03787" and case.regime == "rvo"
