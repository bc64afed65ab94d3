"""The redaction command-line interfaces on real files."""

import json
import re
from io import StringIO

import pymupdf
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.redaction import pdf_factory

LINES = [
    "Behandeld door: mevrouw Dzjemilja Abdoellaeva",
    "BSN 111222333, telefoon 06-12345678.",
    "Zie artikel 5.1, tweede lid, onder e.",
]


@pytest.fixture
def files(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "memo.pdf").write_bytes(pdf_factory.text_pdf(LINES))
    (folder / "verslag.pdf").write_bytes(pdf_factory.text_pdf(["ABDOELLAEVA was afwezig."]))
    return folder


def test_suggest_redactions_json(db, files):
    out = StringIO()
    call_command("suggest_redactions", str(files), "--regime", "woo", "--json", stdout=out)
    data = json.loads(out.getvalue())
    memo = data[str(files / "memo.pdf")]
    got = {(s["text"], s["category"], s["ground"]) for s in memo}
    assert ("111222333", "bsn", "5.1.1e") in got and ("06-12345678", "phone", "5.1.2e") in got
    assert all(s["boxes"] and s["detector"] and s["reason"] and s["page"] == 1 for s in memo)
    assert [s["text"] for s in data[str(files / "verslag.pdf")]] == ["ABDOELLAEVA"]  # across files


def test_redact_writes_verified_files(db, files, tmp_path):
    out_dir = tmp_path / "out"
    out = StringIO()
    call_command("redact", str(files), "--out", str(out_dir), "--regime", "wob", stdout=out)
    assert "gecontroleerd" in out.getvalue()
    with pymupdf.open(out_dir / "memo.pdf") as doc:
        text = doc[0].get_text()
    assert "111222333" not in text and "Abdoellaeva" not in text and "06-12345678" not in text
    assert "10.2.e" in text and "artikel 5.1" in text


def test_redact_unknown_path(db, tmp_path):
    with pytest.raises(CommandError, match="niet gevonden"):
        call_command(
            "redact", str(tmp_path / "nope.pdf"), "--out", str(tmp_path), "--regime", "woo"
        )


def test_evaluate_detection_prints_figures(db):
    out = StringIO()
    call_command("evaluate_detection", "tests/redaction/corpus", stdout=out)
    assert "totaal" in out.getvalue()
    assert re.search(r"\d+ documenten", out.getvalue())


def test_redact_folder_one_bad_file_never_stops_the_others(db, tmp_path):
    folder = tmp_path / "map"
    folder.mkdir()
    (folder / "a_kapot.pdf").write_bytes(b"%PDF-1.7\n1 0 obj <</Type/Catalog>> garbage")
    (folder / "b_versleuteld.pdf").write_bytes(pdf_factory.encrypted_pdf())
    (folder / "c_memo.pdf").write_bytes(pdf_factory.text_pdf(LINES))
    (folder / "d_klein.pdf").write_bytes(pdf_factory.tiny_text("06-12345678"))
    out_dir = tmp_path / "out"
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match="2 bestand"):
        call_command(
            "redact", str(folder), "--out", str(out_dir), "--regime", "woo", stdout=out, stderr=err
        )
    refused = [line for line in err.getvalue().splitlines() if line.startswith("GEWEIGERD")]
    assert len(refused) == 2
    assert "a_kapot.pdf" in refused[0] and "beschadigd" in refused[0]
    assert "b_versleuteld.pdf" in refused[1] and "wachtwoord" in refused[1]
    assert "Traceback" not in err.getvalue() + out.getvalue()
    assert (out_dir / "c_memo.pdf").exists() and (out_dir / "d_klein.pdf").exists()
    assert "te klein" in out.getvalue()  # the 3 pt phone number got no label: said so
    with pymupdf.open(out_dir / "d_klein.pdf") as doc:
        assert "06-12345678" not in doc[0].get_text()


def test_redact_on_an_unmigrated_database_says_so_without_traceback(tmp_path):
    """Found by the blind evaluator: `redact` on a fresh database printed a traceback."""
    import os
    import subprocess
    import sys

    env = {
        **os.environ,
        "WOBDESK_DEV": "1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    pdf = tmp_path / "a.pdf"
    import pymupdf

    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "Jan Jansen")
    doc.save(pdf)
    proc = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "redact",
            str(pdf),
            "--out",
            str(tmp_path),
            "--regime",
            "woo",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr and "migrate" in proc.stderr
