"""Issue 13 item 13 (portal and report part): every interface string on the portal pages goes
through gettext and is collected in locale/nl (makemessages). A pseudo-locale built from the
committed django.po wraps every translation in ⟦…⟧; rendered with it, the portal pages carry no
interface text outside the brackets (only the requester's and the organisation's own data)."""

from __future__ import annotations

import html as htmllib
import re
import subprocess
from pathlib import Path

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse

from tests.cases.test_portal import submit, token_from_session_page

PO = Path(__file__).resolve().parents[2] / "locale" / "nl" / "LC_MESSAGES" / "django.po"
MONTHS_AND_DAYS = (
    "januari februari maart april mei juni juli augustus september oktober november december "
    "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag"
).split()


def _entries(text: str):
    """(msgid, has_plural) from a .po file; continuation lines joined."""
    entry, key, plural = {}, None, False
    for line in text.splitlines() + [""]:
        if not line.strip():
            if "msgid" in entry:
                yield entry["msgid"], plural, entry.get("flags", "")
            entry, key, plural = {}, None, False
            continue
        if line.startswith("#,"):
            entry["flags"] = line
        elif line.startswith("msgid_plural"):
            plural = True
            key = None
        elif line.startswith("msgid "):
            key = "msgid"
            entry[key] = line[6:]
        elif line.startswith("msgstr"):
            key = None
        elif line.startswith('"') and key:
            entry[key] += line
    return


def _unquote(po_string: str) -> str:
    parts = re.findall(r'"((?:[^"\\]|\\.)*)"', po_string)
    return "".join(parts)


@pytest.fixture
def pseudo_locale(tmp_path):
    assert PO.exists(), "run manage.py makemessages -l nl"
    out = ['msgid ""', 'msgstr ""', '"Content-Type: text/plain; charset=UTF-8\\n"', ""]
    for raw, plural, flags in _entries(PO.read_text(encoding="utf-8")):
        msgid = _unquote(raw)
        if not msgid or plural:
            continue
        esc = msgid.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
        esc = esc.replace("\\\\n", "\\n")
        if flags:
            out.append(flags)
        out += [f'msgid "{esc}"', f'msgstr "⟦{esc}⟧"', ""]
    target = tmp_path / "nl" / "LC_MESSAGES"
    target.mkdir(parents=True)
    (target / "django.po").write_text("\n".join(out), encoding="utf-8")
    subprocess.run(
        ["msgfmt", "-o", str(target / "django.mo"), str(target / "django.po")], check=True
    )
    with override_settings(LOCALE_PATHS=[tmp_path]):
        yield


def _unwrapped(page: str, data: list[str]) -> list[str]:
    body = page[page.index("<main") :]
    body = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", body, flags=re.S)
    # the clock's own explanation of the date (cases/clock.py) is marked where it is written
    body = re.sub(r'<ol class="explanation">.*?</ol>', " ", body, flags=re.S)
    body = re.sub(r"<option[^>]*>", " ", body)  # option labels are checked as text below
    text = htmllib.unescape(re.sub(r"<[^>]+>", " ", body))
    text = re.sub(r"⟦.*?⟧", " ", text, flags=re.S)
    for value in sorted(data, key=len, reverse=True):
        if value:
            text = text.replace(value, " ")
    words = re.findall(r"[A-Za-zÀ-ÿ]{3,}", text)
    return [w for w in words if w.lower() not in MONTHS_AND_DAYS]


def _org_data(org) -> list[str]:
    return [
        org.name,
        org.department,
        org.email,
        org.phone,
        org.contact_line,
        org.bezwaar_addressee,
        *org.postal_address.splitlines(),
        *org.bezwaar_address.splitlines(),
        "CSV",
        "Excel",
    ]


def test_portal_pages_have_no_unmarked_interface_text(client, organisation, pseudo_locale):
    cache.clear()
    token, _ = token_from_session_page(client, submit(client))
    from cases.models import Request

    case = Request.objects.get()
    data = _org_data(organisation) + [
        case.reference,
        case.subject,
        case.request_text,
        case.requester_name,
        case.requester_email,
        case.preferred_format,
        token,
    ]
    for name in ("portal:request_form", "portal:privacy"):
        page = client.get(reverse(name)).content.decode()
        assert "⟦" in page
        assert _unwrapped(page, data) == [], name
    page = client.get(reverse("portal:status", args=[token])).content.decode()
    leftover = _unwrapped(page, data)
    assert leftover == [], leftover
    # after a reaction and the besluit: Verloop, bezwaar information, empty states
    from datetime import date

    from cases.selectors import request_deadline
    from cases.services.requests import request_transition

    client.post(reverse("portal:reply", args=[token]), {"text": "Alleen 2025 graag."})
    request_transition(request=case, type="decision_sent", on=date.today(), actor_label="import")
    clock_text = request_deadline(Request.objects.get()).bezwaar_text  # the clock's wording
    page = client.get(reverse("portal:status", args=[token])).content.decode()
    assert 'data-testid="bezwaar"' in page
    leftover = _unwrapped(page, data + ["Alleen 2025 graag.", clock_text])
    assert leftover == [], leftover
    cache.clear()
