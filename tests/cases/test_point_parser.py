"""The request-point parser on every marker style and on the seeds' requests; "Ad N" labels."""

from pathlib import Path

import pytest

from cases.point_parser import answer_label, answer_sort_key, parse_points, renumber, split_point

REQUESTS = Path(__file__).parent / "fixtures" / "requests"


def texts(text):
    return [p.text for p in parse_points(text)]


@pytest.mark.parametrize(
    "text",
    [
        "1. eerste\n2. tweede\n3. derde",
        "1) eerste\n2) tweede\n3) derde",
        "(1) eerste\n(2) tweede\n(3) derde",
        "a. eerste\nb. tweede\nc. derde",
        "a) eerste\nb) tweede\nc) derde",
        "- eerste\n- tweede\n- derde",
        "• eerste\n• tweede\n• derde",
        "* eerste\n* tweede\n* derde",
        "   1. eerste\n   2. tweede\n   3. derde",
    ],
)
def test_marker_styles(text):
    assert texts(text) == ["eerste", "tweede", "derde"]


def test_continuation_lines_and_blank_lines_inside_a_point():
    text = "Ik verzoek om:\n1. alle notulen van\nde stuurgroep;\n\nvanaf 2020;\n2. de adviezen."
    assert texts(text) == ["alle notulen van de stuurgroep; vanaf 2020;", "de adviezen."]


def test_intro_is_not_a_point_and_closing_is_not_glued():
    text = "Geachte heer,\nIk verzoek om:\n1. de nota;\n2. de bijlagen.\n\nGraag ontvang ik de stukken digitaal."
    assert texts(text) == ["de nota;", "de bijlagen."]


def test_lettered_sub_items_stay_inside_their_numbered_point():
    text = "1. alle stukken over:\na. de planning;\nb. de kosten;\n2. de adviezen."
    points = parse_points(text)
    assert [p.marker for p in points] == ["1.", "2."]
    assert points[0].text == "alle stukken over: a. de planning; b. de kosten;"


def test_no_markers_is_one_point():
    [p] = parse_points("Ik wil graag alle documenten over het stationsplein.\nVanaf 2019.")
    assert (p.number, p.marker, p.text) == (
        1,
        "",
        "Ik wil graag alle documenten over het stationsplein. Vanaf 2019.",
    )
    assert parse_points("   \n ") == []


def test_renumbered_sequentially_keeping_markers():
    points = parse_points("3. drie\n7. zeven")
    assert [(p.number, p.marker) for p in points] == [(1, "3."), (2, "7.")]


@pytest.mark.parametrize(("seed", "count"), [("000", 17), ("002", 17), ("001", 5), ("004", 3)])
def test_seed_requests(seed, count):
    points = parse_points((REQUESTS / f"{seed}.txt").read_text(encoding="utf-8"))
    assert len(points) == count
    assert [p.number for p in points] == list(range(1, count + 1))


def test_seed_000_ocr_layout():
    points = parse_points((REQUESTS / "000.txt").read_text(encoding="utf-8"))
    assert points[0].text.startswith("Alle gegevensvelden") and points[0].text.endswith(
        "Crime Anticipation System;"
    )
    assert points[1].text.startswith("Een lijst van de gevallen waarin gegevens of analyses uit")
    assert points[4].text.startswith("Vijf voorbeelden")
    assert points[9].marker == "10." and points[9].text.endswith(
        "voorgedaan met betrekking tot het Crime Anticipation System;"
    )
    assert points[16].text.startswith("Alle risicoanalyses")


def test_seed_002_closing_sentence_not_in_last_point():
    points = parse_points((REQUESTS / "002.txt").read_text(encoding="utf-8"))
    assert points[-1].text.endswith("door de politie Roermond;")
    assert "De termijn voor deze records" not in points[-1].text
    assert points[13].text.endswith("bij Politie Roermond;")  # continuation after a blank line


@pytest.mark.parametrize(
    ("numbers", "label"),
    [
        ([6], "Ad 6"),
        ([9, 8], "Ad 8 en 9"),
        ([14, 6, 8, 7, 12], "Ad 6, 7, 8, 12 en 14"),
        ([5, 10], "Ad 5 en 10"),
        ([3, 3], "Ad 3"),
    ],
)
def test_answer_labels(numbers, label):
    assert answer_label(numbers) == label


def test_label_needs_a_point():
    with pytest.raises(ValueError):
        answer_label([])


def test_answers_ordered_by_lowest_point():
    answers = [[8, 9], [12, 6], [7], [1, 17]]
    assert sorted(answers, key=answer_sort_key) == [[1, 17], [12, 6], [7], [8, 9]]


def test_split_and_renumber():
    assert split_point("de nota en de bijlagen", 8) == ("de nota", "en de bijlagen")
    with pytest.raises(ValueError):
        split_point("de nota", 0)
    with pytest.raises(ValueError):
        split_point("de nota", 99)
    assert renumber([4, 9, 2]) == [1, 2, 3]
