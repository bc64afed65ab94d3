"""Salutations and address lines: Dutch capitalisation of tussenvoegsels, neutral fallback."""

from __future__ import annotations

import pytest

from cases.letters import salutation
from cases.letters.context import RequesterInfo
from cases.letters.wording import addressee_line, surname


@pytest.mark.parametrize(
    ("name", "sal", "expected"),
    [
        ("Jan Jansen", "heer", "Geachte heer Jansen,"),
        ("Anna de Wit", "mevrouw", "Geachte mevrouw De Wit,"),
        ("J. de Wit", "mevrouw", "Geachte mevrouw De Wit,"),
        ("J.P. van der Berg", "heer", "Geachte heer Van der Berg,"),
        ("Ahmed El Amrani", "heer", "Geachte heer El Amrani,"),
        ("Piet ten Hove", "heer", "Geachte heer Ten Hove,"),
        ("Hendrik Jan de Vries", "heer", "Geachte heer De Vries,"),
        ("Maria van den Berg-de Vries", "mevrouw", "Geachte mevrouw Van den Berg-de Vries,"),
        ("anna DE wit", "mevrouw", "Geachte mevrouw De wit,"),
        ("Jan Pieter Jansen", "heer", "Geachte heer Jansen,"),
        ("Fatima Ben Ali", "mevrouw", "Geachte mevrouw Ben Ali,"),
        ("Ana da Silva", "mevrouw", "Geachte mevrouw Da Silva,"),
        ("  Jansen ", "heer", "Geachte heer Jansen,"),
        ("Redactie Nieuwsuur", "", "Geachte heer/mevrouw,"),
        ("", "mevrouw", "Geachte heer/mevrouw,"),
        ("J.P.", "heer", "Geachte heer/mevrouw,"),
        ("Anna de Wit", "anders", "Geachte heer/mevrouw,"),
    ],
)
def test_salutations(name, sal, expected):
    assert salutation(RequesterInfo(name=name, salutation=sal)) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Anna de Wit", "De Wit"),
        ("J.P. van der Berg", "Van der Berg"),
        ("van der Berg", "Van der Berg"),
        ("Ahmed El Amrani", "El Amrani"),
        ("Jan 't Hart", "'t Hart"),
        ("Kees", "Kees"),
    ],
)
def test_surname_heuristic(name, expected):
    assert surname(name) == expected


@pytest.mark.parametrize(
    ("requester", "expected"),
    [
        (RequesterInfo(name="J. de Wit", salutation="mevrouw"), "Mevrouw J. de Wit"),
        (RequesterInfo(name="J.P. van der Berg", salutation="heer"), "De heer J.P. van der Berg"),
        (RequesterInfo(name="Redactie Nieuwsuur"), "Redactie Nieuwsuur"),
        (RequesterInfo(name=""), ""),
    ],
)
def test_address_line_keeps_tussenvoegsels_lower_case_after_initials(requester, expected):
    assert addressee_line(requester) == expected
