"""The stable command-line interfaces: import_case and case_status."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from cases.models import Request

FIXTURES = Path(__file__).parent / "fixtures"


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_import_seed004_and_status_json(organisation):
    out = run("import_case", str(FIXTURES / "seed004_case.json"))
    reference = out.strip().splitlines()[-1]
    assert reference == "2021-0000001"
    status = json.loads(run("case_status", reference, "--json"))
    assert status["regime"] == "wob"
    assert status["status"] == "verzonden"
    assert status["received_on"] == "2021-12-20"
    assert status["first_term_ends_on"] == "2022-01-17"
    assert status["adjourned_on"] == "2021-12-22"
    assert status["adjournment_valid"] is True
    assert status["suspended_days"] == 0
    assert status["due_on"] == "2022-02-14"
    assert status["decision_sent_on"] == "2022-02-21"
    assert status["days_late"] == 7
    assert "Wob" in status["explanation"]
    case = Request.objects.get(reference=reference)
    assert case.points.count() == 3
    assert [a.label for a in sorted(case.answers.all(), key=lambda a: a.sort_key)] == [
        "Ad 1",
        "Ad 2 en 3",
    ]
    doc = case.documents.get()
    assert doc.grounds == ["10.2.e"] and doc.judgement == "deels_openbaar"


def test_seed001_worked_example(organisation, tmp_path):
    data = {
        "received_on": "2021-01-13",
        "requester": {"name": "X", "salutation": ""},
        "subject": "CAS datasets",
        "request_text": "- de datasets\n- de indicatoren",
        "events": [
            {"type": "adjourned", "on": "2021-01-27", "note": "omvang"},
            {"type": "contact", "on": "2021-03-17", "note": "telefoongesprek"},
            {"type": "decision_sent", "on": "2021-04-06"},
        ],
    }
    path = tmp_path / "case.json"
    path.write_text(json.dumps(data))
    reference = run("import_case", str(path)).strip().splitlines()[-1]
    status = json.loads(run("case_status", reference, "--json"))
    assert (status["regime"], status["due_on"], status["days_late"]) == ("wob", "2021-03-10", 27)


@pytest.mark.parametrize(
    ("mutate", "field"),
    [
        (lambda d: d.pop("received_on"), "received_on"),
        (lambda d: d.update(received_on="2021-02-30"), "received_on"),
        (lambda d: d["requester"].pop("name"), "requester.name"),
        (lambda d: d.update(regime="avg"), "regime"),
        (lambda d: d["events"].append({"type": "teleport", "on": "2022-01-01"}), "events[3].type"),
        (lambda d: d["events"].append({"type": "closed", "on": "2021-01-01"}), "events[3]"),
        (lambda d: d["documents"][0].update(grounds=["5.1.2e"]), "documents[0]"),
        (lambda d: d["documents"][0].update(judgement="geheim"), "documents[0].judgement"),
        (lambda d: d["answers"].append({"points": [9], "text": "x"}), "answers[2]"),
    ],
)
def test_invalid_import_names_field_and_creates_nothing(organisation, tmp_path, mutate, field):
    data = json.loads((FIXTURES / "seed004_case.json").read_text())
    mutate(data)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data))
    with pytest.raises(CommandError) as exc:
        run("import_case", str(path))
    assert field in str(exc.value)
    assert Request.objects.count() == 0


def test_import_rejects_broken_json(organisation, tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("{not json")
    with pytest.raises(CommandError, match="Geen geldige JSON"):
        run("import_case", str(path))


def test_case_status_unknown_reference(db):
    with pytest.raises(CommandError, match="Onbekend kenmerk"):
        run("case_status", "2099-0000001", "--json")


def test_render_letter_docx_and_pdf(organisation, tmp_path):
    import shutil

    import pymupdf
    from docx import Document as DocxDocument

    from tests.conftest import require

    reference = run("import_case", str(FIXTURES / "seed004_case.json")).strip().splitlines()[-1]
    out = tmp_path / "besluit.docx"
    run("render_letter", reference, "besluit", "--out", str(out), "--date", "2026-02-02")
    body = "\n".join(p.text for p in DocxDocument(out).paragraphs)
    assert (
        "Op 20 december 2021 heb ik uw verzoek op grond van de Wet openbaarheid van bestuur (Wob)"
        in body
    )
    with pytest.raises(CommandError, match="Onbekende brief"):
        run("render_letter", reference, "beschikking", "--out", str(out))
    with pytest.raises(CommandError, match="Onbekend formaat"):
        run("render_letter", reference, "inventarislijst", "--out", str(out), "--format", "pdf")
    with pytest.raises(CommandError, match="Onbekend kenmerk"):
        run("render_letter", "1999-0000001", "besluit", "--out", str(out))
    require(shutil.which("soffice") is not None, "LibreOffice (soffice) is not installed")
    run("render_letter", reference, "besluit", "--out", str(out), "--pdf", "--date", "2026-02-02")
    with pymupdf.open(out.with_suffix(".pdf")) as pdf:
        text = "".join(p.get_text() for p in pdf)
    assert "Rechtsbescherming" in text and reference in text
