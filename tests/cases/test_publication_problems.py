"""Issue 13 item 12: the publication package lists every problem at once; the demo organisation
is complete for publishing."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from cases.models import Organisation
from cases.services.publication import (
    organisation_publication_problems,
    publication_check,
    publication_package,
)
from tests.approval_helpers import approve


def test_every_problem_is_listed_at_once(make_case, organisation):
    from cases.services.documents import document_create
    from cases.services.letters import letter_mark_sent, letter_render
    from cases.services.points import answer_write

    organisation.tooi_uri = ""
    organisation.publication_url = ""
    organisation.save()
    case = make_case(received_on=date(2026, 10, 1))
    answer_write(request=case, point_numbers=[1, 2, 3], text="Zie de documenten.")
    document_create(request=case, title="Ontwerp", judgement="deels_openbaar", grounds=["5.1.2e"])
    besluit = letter_render(request=case, kind="besluit", letter_date=date(2026, 10, 20))
    letter_mark_sent(letter=approve(besluit), on=date(2026, 10, 20))
    case.refresh_from_db()
    with pytest.raises(ValidationError) as exc:
        publication_package(request=case)
    text = " | ".join(exc.value.messages)
    assert "TOOI-URI" in text  # the organisation ...
    assert "publicatie-URL" in text  # ... both settings ...
    assert "lakstraat" in text  # ... and the document, in one answer
    assert text.count("TOOI-URI") == 1 and "geldige vindplaats" not in text  # said once
    _, _, problems = publication_check(case)
    assert len(problems) >= 3


def test_demo_organisation_is_complete_for_publishing(db):
    from cases.demo.data import ORGANISATION

    assert organisation_publication_problems(Organisation(**ORGANISATION)) == []
    assert organisation_publication_problems(Organisation(name="X")) != []
