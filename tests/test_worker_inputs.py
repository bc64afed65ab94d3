"""Issue 11 item 11: import_case refuses what would crash it or what cannot be true, in Dutch."""

from __future__ import annotations

import json
from datetime import date, timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from cases.models import Request

SEED = Path(__file__).parent / "cases" / "fixtures" / "seed004_case.json"


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_deeply_nested_json_gives_a_dutch_error_not_a_traceback(organisation, tmp_path):
    path = tmp_path / "diep.json"
    path.write_text('{"points": ' + "[" * 200_000 + "]" * 200_000 + "}")
    with pytest.raises(CommandError) as exc:
        run("import_case", str(path))
    assert "te diep genest" in str(exc.value) and "niets aangemaakt" in str(exc.value)
    assert Request.objects.count() == 0


def test_oversized_json_is_refused_before_reading(organisation, tmp_path):
    path = tmp_path / "groot.json"
    with path.open("w") as fh:
        fh.write('{"subject": "')
        fh.write("x" * (21 * 1024 * 1024))
        fh.write('"}')
    with pytest.raises(CommandError, match="hoogstens 20 MB"):
        run("import_case", str(path))


def test_not_utf8_is_a_clear_error(organisation, tmp_path):
    path = tmp_path / "latin1.json"
    path.write_bytes('{"subject": "café"}'.encode("latin-1"))
    with pytest.raises(CommandError, match="geen UTF-8"):
        run("import_case", str(path))


@pytest.mark.parametrize(
    "mutate, field",
    [
        (lambda d: d["documents"][0].update(date="2999-01-01"), "documents[0].date"),
        (lambda d: d.update(received_on="2999-01-01"), "received_on"),
        (lambda d: d["documents"][0].update(date="0001-01-01"), "documents[0].date"),
    ],
)
def test_impossible_dates_refused(organisation, tmp_path, mutate, field):
    data = json.loads(SEED.read_text())
    assert data.get("documents"), "the seed case has documents"
    mutate(data)
    path = tmp_path / "datum.json"
    path.write_text(json.dumps(data))
    with pytest.raises(CommandError) as exc:
        run("import_case", str(path))
    assert field in str(exc.value)
    assert Request.objects.count() == 0


def test_document_date_today_is_accepted(organisation, tmp_path):
    from cases.services.importing import ImportError_, case_import

    data = json.loads(SEED.read_text())
    today = date(2022, 3, 1)
    data["documents"][0]["date"] = (today + timedelta(days=1)).isoformat()
    with pytest.raises(ImportError_, match="toekomst"):
        case_import(data, today=today)
    data["documents"][0]["date"] = today.isoformat()
    request = case_import(data, today=today)
    assert request.documents.filter(date=today).exists()
