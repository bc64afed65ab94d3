"""Tests for the consistency check that guards finalising a besluit: one test per rule."""

from dataclasses import replace

import pytest

from cases.consistency import (
    AnswerRef,
    DocumentRef,
    PointRef,
    Problem,
    check_decision,
    document_sort_key,
)
from cases.grounds import WOB, WOO

MOTIVATED = {"5.1.2e": "Persoonsgegevens ...", "5.1.2i": "Goed functioneren ...", "5.2": "Intern"}


def _clean() -> dict:
    """A Woo besluit that may be finalised: the baseline every rule test breaks once."""
    return {
        "regime": WOO,
        "points": [PointRef(1), PointRef(2), PointRef(3)],
        "answers": [AnswerRef((1,)), AnswerRef((2, 3))],
        "documents": [
            DocumentRef("1", "openbaar", ()),
            DocumentRef("2", "deels_openbaar", ("5.1.2e", "5.1.2i")),
            DocumentRef("3", "niet_openbaar", ("5.2",)),
            DocumentRef("4", "reeds_openbaar", (), location="https://open.overheid.nl/doc/4"),
            DocumentRef("5", "dubbel", (), duplicate_of="2"),
        ],
        "motivations": dict(MOTIVATED),
    }


def _check(**changes) -> list[Problem]:
    return check_decision(**{**_clean(), **changes})


def _rules(problems: list[Problem]) -> list[str]:
    return [p.rule for p in problems]


def _with_document(index: int, **changes) -> list[DocumentRef]:
    documents = _clean()["documents"]
    documents[index] = replace(documents[index], **changes)
    return documents


def test_clean_decision_has_no_problems():
    assert _check() == []


def test_clean_wob_decision_has_no_problems():
    problems = check_decision(
        regime=WOB,
        points=[PointRef(1)],
        answers=[AnswerRef((1,))],
        documents=[
            DocumentRef("1", "deels_openbaar", ("10.2.e", "10.2.g")),  # 10.2.g may combine
            DocumentRef("2", "niet_openbaar", ("11.1",)),
        ],
        motivations={"10.2.e": "x", "10.2.g": "y", "11.1": "z"},
    )
    assert problems == []


def test_point_unanswered():
    problems = _check(answers=[AnswerRef((1,))])
    assert problems == [
        Problem("point_unanswered", "Punt 2 heeft nog geen antwoord.", "point:2"),
        Problem("point_unanswered", "Punt 3 heeft nog geen antwoord.", "point:3"),
    ]


def test_answer_unknown_point():
    problems = _check(answers=[AnswerRef((1,)), AnswerRef((2, 3, 7))])
    assert _rules(problems) == ["answer_unknown_point"]
    assert problems[0].target == "point:7"
    assert "punt 7" in problems[0].message


def test_document_unjudged():
    problems = _check(documents=_with_document(0, judgement=None))
    assert problems == [
        Problem("document_unjudged", "Document 1 is nog niet beoordeeld.", "document:1")
    ]


def test_document_with_unknown_judgement_counts_as_unjudged():
    problems = _check(documents=_with_document(0, judgement="misschien"))
    assert _rules(problems) == ["document_unjudged"]
    assert "misschien" in problems[0].message


@pytest.mark.parametrize(("index", "judgement"), [(1, "deels openbaar"), (2, "niet openbaar")])
def test_ground_missing(index, judgement):
    problems = _check(documents=_with_document(index, grounds=()))
    number = str(index + 1)
    assert problems == [
        Problem(
            "ground_missing",
            f"Document {number} is {judgement}, maar er is geen grond opgegeven.",
            f"document:{number}",
        )
    ]


def test_ground_missing_when_only_5_3_is_given():
    # Woo art. 5.3 adds motivation for old information; it refuses nothing by itself.
    problems = _check(
        documents=_with_document(2, grounds=("5.3",)),
        motivations={**MOTIVATED, "5.3": "Ouder dan vijf jaar."},
    )
    assert _rules(problems) == ["ground_missing"]
    assert "5.3" in problems[0].message


def test_openbaar_with_ground():
    problems = _check(documents=_with_document(0, grounds=("5.1.2e",)))
    assert _rules(problems) == ["openbaar_with_ground"]
    assert problems[0].target == "document:1"


def test_combined_5_1_5():
    problems = _check(
        documents=_with_document(1, grounds=("5.1.5", "5.1.2e")),
        motivations={**MOTIVATED, "5.1.5": "Onevenredige benadeling."},
    )
    assert _rules(problems) == ["combined_5_1_5"]
    assert problems[0].target == "document:2"
    assert "5.1.2e" in problems[0].message


def test_5_1_5_alone_or_beside_5_2_is_allowed():
    # only another ground of art. 5.1 is excluded; 5.2 is a different article
    problems = _check(
        documents=_with_document(1, grounds=("5.1.5", "5.2")),
        motivations={**MOTIVATED, "5.1.5": "Onevenredige benadeling."},
    )
    assert problems == []


def test_ground_unmotivated():
    problems = _check(motivations={"5.1.2e": "Persoonsgegevens", "5.1.2i": "   ", "9.9": "x"})
    assert problems == [
        Problem(
            "ground_unmotivated",
            "Grond 5.1.2i (goed functioneren van de Staat, andere publiekrechtelijke lichamen of "
            "bestuursorganen) wordt toegepast, maar er is geen motivering voor opgenomen.",
            "ground:5.1.2i",
        ),
        Problem(
            "ground_unmotivated",
            "Grond 5.2 (persoonlijke beleidsopvattingen in intern beraad) wordt toegepast, maar er "
            "is geen motivering voor opgenomen.",
            "ground:5.2",
        ),
    ]


def test_motivation_keys_in_another_notation_still_count():
    problems = _check(motivations={"5.1.2 sub e": "a", "5.1.2.i": "b", "5.2.1": "c"})
    assert problems == []


def test_ground_wrong_regime():
    problems = _check(documents=_with_document(1, grounds=("5.1.2e", "10.2.e")))
    assert problems == [
        Problem(
            "ground_wrong_regime",
            "Document 2: Grond 10.2.e hoort bij de Wob; dit verzoek valt onder de Woo.",
            "document:2",
        )
    ]


def test_ground_unknown():
    problems = _check(documents=_with_document(1, grounds=("5.1.2e", "5.1.2q")))
    assert _rules(problems) == ["ground_unknown"]
    assert "'5.1.2q'" in problems[0].message
    assert problems[0].target == "document:2"


def test_grounds_in_other_notations_are_accepted_and_deduplicated():
    problems = _check(documents=_with_document(1, grounds=("5.1.2 sub e", "5.1.2e", "5.1.2.i")))
    assert problems == []


def test_reeds_openbaar_without_location():
    problems = _check(documents=_with_document(3, location="  "))
    assert problems == [
        Problem(
            "reeds_openbaar_without_location",
            "Document 4 is reeds openbaar, maar de vindplaats ontbreekt.",
            "document:4",
        )
    ]


@pytest.mark.parametrize(
    ("duplicate_of", "fragment"),
    [
        (None, "het origineel is niet aangegeven"),
        ("", "het origineel is niet aangegeven"),
        ("99", "document 99, maar dat document staat niet in de lijst"),
        ("5", "verwijst naar zichzelf"),
    ],
)
def test_duplicate_without_original(duplicate_of, fragment):
    problems = _check(documents=_with_document(4, duplicate_of=duplicate_of))
    assert _rules(problems) == ["duplicate_without_original"]
    assert fragment in problems[0].message
    assert problems[0].target == "document:5"


def test_order_is_points_then_documents_by_number_then_grounds():
    problems = check_decision(
        regime=WOO,
        points=[PointRef(3), PointRef(1)],
        answers=[AnswerRef((4,))],
        documents=[
            DocumentRef("10", None, ()),
            DocumentRef("2", "niet_openbaar", ()),
            DocumentRef("1.10", "openbaar", ("5.1.2e",)),
            DocumentRef("1.2", "deels_openbaar", ("5.2", "5.1.1e")),
        ],
        motivations={},
    )
    assert [(p.rule, p.target) for p in problems] == [
        ("point_unanswered", "point:1"),
        ("point_unanswered", "point:3"),
        ("answer_unknown_point", "point:4"),
        ("openbaar_with_ground", "document:1.10"),  # "1.2" has no problem of its own
        ("ground_missing", "document:2"),
        ("document_unjudged", "document:10"),
        ("ground_unmotivated", "ground:5.1.1e"),  # statute order, not order of use
        ("ground_unmotivated", "ground:5.1.2e"),
        ("ground_unmotivated", "ground:5.2"),
    ]


@pytest.mark.parametrize(
    ("numbers", "ordered"),
    [
        (["10", "2", "1"], ["1", "2", "10"]),
        (["1.10", "1.2", "1.1"], ["1.1", "1.2", "1.10"]),
        (["A12", "A3", "B1"], ["A3", "A12", "B1"]),
        (["2a", "2", "10"], ["2", "2a", "10"]),
    ],
)
def test_document_sort_key_is_natural(numbers, ordered):
    assert sorted(numbers, key=document_sort_key) == ordered


def test_check_is_deterministic_regardless_of_input_order():
    base = _clean()
    shuffled = {**base, "documents": list(reversed(base["documents"]))}
    broken = [replace(d, judgement=None) for d in shuffled["documents"]]
    unjudged = [replace(d, judgement=None) for d in base["documents"]]
    first = check_decision(**{**base, "documents": unjudged})
    second = check_decision(**{**shuffled, "documents": broken})
    assert first == second
    assert [p.target for p in first] == [f"document:{n}" for n in "12345"]
