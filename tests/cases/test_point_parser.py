"""The request-point parser on every marker style and on the seeds' requests; "Ad N" labels."""

from pathlib import Path

import pytest

from cases.point_parser import (
    ParsedPoint,
    answer_label,
    answer_sort_key,
    parse_points,
    renumber,
    split_point,
)

REQUESTS = Path(__file__).parent / "fixtures" / "requests"


def texts(text: str) -> list[str]:
    return [p.text for p in parse_points(text)]


def seed(name: str) -> list[ParsedPoint]:
    return parse_points((REQUESTS / f"{name}.txt").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("text", "markers"),
    [
        ("1. eerste\n2. tweede\n3. derde", ["1.", "2.", "3."]),
        ("1) eerste\n2) tweede\n3) derde", ["1)", "2)", "3)"]),
        ("(1) eerste\n(2) tweede\n(3) derde", ["(1)", "(2)", "(3)"]),
        ("a. eerste\nb. tweede\nc. derde", ["a.", "b.", "c."]),
        ("a) eerste\nb) tweede\nc) derde", ["a)", "b)", "c)"]),
        ("(a) eerste\n(b) tweede\n(c) derde", ["(a)", "(b)", "(c)"]),
        ("A. eerste\nB. tweede\nC. derde", ["A.", "B.", "C."]),
        ("- eerste\n- tweede\n- derde", ["-", "-", "-"]),
        ("• eerste\n• tweede\n• derde", ["•", "•", "•"]),
        ("* eerste\n* tweede\n* derde", ["*", "*", "*"]),
        ("– eerste\n– tweede\n– derde", ["–", "–", "–"]),
        ("   1. eerste\n\t2. tweede\n 3.   derde  ", ["1.", "2.", "3."]),
        ("1. eerste\r\n2. tweede\r\n3. derde", ["1.", "2.", "3."]),
    ],
)
def test_marker_styles(text, markers):
    points = parse_points(text)
    assert [p.text for p in points] == ["eerste", "tweede", "derde"]
    assert [p.marker for p in points] == markers
    assert [p.number for p in points] == [1, 2, 3]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # continuation lines join with single spaces
        (
            "1. alle notulen van\nde   stuurgroep;\n2. de adviezen.",
            ["alle notulen van de stuurgroep;", "de adviezen."],
        ),
        # a blank line inside a point does not end it (lower case continues)
        (
            "1. alle notulen van\n\nde stuurgroep;\n2. de adviezen.",
            ["alle notulen van de stuurgroep;", "de adviezen."],
        ),
        # a capital after a blank line continues a point that did not end its sentence
        (
            "1. alle stukken van de\n\nGemeenteraad;\n2. de adviezen.",
            ["alle stukken van de Gemeenteraad;", "de adviezen."],
        ),
        # a sentence after a finished point, followed by another marker, still belongs to it
        (
            "1. de nota.\n\nDit betreft 2020.\n2. de adviezen.",
            ["de nota. Dit betreft 2020.", "de adviezen."],
        ),
        # several blank lines and trailing spaces
        ("1. de nota  \n\n\n   over 2020;  \n2. x", ["de nota over 2020;", "x"]),
    ],
)
def test_continuation_lines(text, expected):
    assert texts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Geachte heer,\nIk verzoek alle documenten die laten zien:\n1. de nota;\n2. de bijlagen.",
            ["de nota;", "de bijlagen."],
        ),
        ("Ik verzoek om:\n\n- de nota;\n- de bijlagen.", ["de nota;", "de bijlagen."]),
        # an initial at a line start in the intro does not open a lettered list
        ("J. de Vries verzoekt om:\n1. de nota;\n2. de bijlagen.", ["de nota;", "de bijlagen."]),
    ],
)
def test_intro_is_not_a_point(text, expected):
    assert texts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # separated by a blank line, capital, after ';' or '.'
        (
            "1. de nota;\n2. de bijlagen.\n\nGraag ontvang ik de stukken digitaal.",
            ["de nota;", "de bijlagen."],
        ),
        (
            "1. de nota;\n2. de bijlagen;\n\nDe termijn is vanaf 2015.\nMet vriendelijke groet,",
            ["de nota;", "de bijlagen;"],
        ),
        ('1. de nota;\n2. de bijlagen."\n\nHoogachtend,\nJ. Jansen', ["de nota;", 'de bijlagen."']),
        # a typical closing phrase needs no blank line
        (
            "1. de nota;\n2. de bijlagen.\nGraag ontvang ik de stukken digitaal.",
            ["de nota;", "de bijlagen."],
        ),
        # not a closing: the last point had not ended its sentence
        (
            "1. de nota;\n2. de bijlagen van de\n\nGemeenteraad.",
            ["de nota;", "de bijlagen van de Gemeenteraad."],
        ),
        # not a closing: lower case after the blank line
        (
            "1. de nota;\n2. de bijlagen.\n\nen de notulen.",
            ["de nota;", "de bijlagen. en de notulen."],
        ),
        # not a closing: no blank line and no closing phrase
        (
            "1. de nota;\n2. de bijlagen.\nDit betreft 2020.",
            ["de nota;", "de bijlagen. Dit betreft 2020."],
        ),
    ],
)
def test_closing_sentence_after_the_list(text, expected):
    assert texts(text) == expected


@pytest.mark.parametrize(
    ("text", "markers", "expected"),
    [
        (
            "1. alle stukken over:\na. de planning;\nb. de kosten;\n2. de adviezen.",
            ["1.", "2."],
            ["alle stukken over: a. de planning; b. de kosten;", "de adviezen."],
        ),
        (
            "1) alle stukken over:\n   a) de planning;\n   b) de kosten;\n2) de adviezen.",
            ["1)", "2)"],
            ["alle stukken over: a) de planning; b) de kosten;", "de adviezen."],
        ),
        (
            "- alle stukken over:\n  1. de planning;\n  2. de kosten;\n- de adviezen.",
            ["-", "-"],
            ["alle stukken over: 1. de planning; 2. de kosten;", "de adviezen."],
        ),
        (
            "1. de nota;\n2. alle stukken over:\n- de planning;\n- de kosten.",
            ["1.", "2."],
            ["de nota;", "alle stukken over: - de planning; - de kosten."],
        ),
    ],
)
def test_sub_lists_stay_inside_their_parent(text, markers, expected):
    points = parse_points(text)
    assert [p.marker for p in points] == markers
    assert [p.text for p in points] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # k-th paragraph after a run of bare markers -> k-th marker
        (
            "Ik verzoek:\n\n1.\n\n2.\n\nde nota\nover 2020;\n\nde bijlagen;\n\n3. de adviezen.",
            [("1.", "de nota over 2020;"), ("2.", "de bijlagen;"), ("3.", "de adviezen.")],
        ),
        # paragraphs beyond the bare markers are points whose numbers OCR lost
        (
            "1.\n\n2.\n\nde nota;\n\nde bijlagen;\n\nde notulen;\n\n4. de adviezen.",
            [
                ("1.", "de nota;"),
                ("2.", "de bijlagen;"),
                ("", "de notulen;"),
                ("4.", "de adviezen."),
            ],
        ),
        # a bare marker directly followed by its text on the next line
        ("1.\nde nota;\n2.\nde bijlagen.", [("1.", "de nota;"), ("2.", "de bijlagen.")]),
        # a closing phrase after the paragraphs is not a point
        (
            "1.\n\n2.\n\nde nota;\n\nde bijlagen.\n\nGraag ontvang ik alles digitaal.",
            [("1.", "de nota;"), ("2.", "de bijlagen.")],
        ),
    ],
)
def test_bare_markers_take_the_following_paragraphs(text, expected):
    assert [(p.marker, p.text) for p in parse_points(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ik wil graag alle documenten over het stationsplein.\n\nVanaf  2019.",
            [
                ParsedPoint(
                    1, "", "Ik wil graag alle documenten over het stationsplein. Vanaf 2019."
                )
            ],
        ),
        ("A. Jansen vraagt om de nota.", [ParsedPoint(1, "", "A. Jansen vraagt om de nota.")]),
        (
            "Ik vraag om -5 graden metingen.",
            [ParsedPoint(1, "", "Ik vraag om -5 graden metingen.")],
        ),
        ("", []),
        ("   \n \n", []),
    ],
)
def test_without_markers_the_whole_text_is_one_point(text, expected):
    assert parse_points(text) == expected


def test_renumbered_sequentially_keeping_markers():
    points = parse_points("3. drie\n7. zeven\n8.\n9. negen")
    assert [(p.number, p.marker, p.text) for p in points] == [
        (1, "3.", "drie"),
        (2, "7.", "zeven"),
        (3, "9.", "negen"),
    ]


@pytest.mark.parametrize(
    ("name", "count", "first", "last"),
    [
        (
            "000",
            17,
            "Alle gegevensvelden die worden verzameld en / of een datadictionary voor het Crime Anticipation System;",
            "Alle risicoanalyses, impact assessments en privacy impact assessments die zijn gemaakt"
            " overdoor hetde Nationale Politie gebruik van de Crime Anticipation System software.”.",
        ),
        (
            "001",
            5,
            "De datasets die gebruikt worden voor het CAS, sinds 2013. Het betreft hierbij zowel de"
            " datasets uit de pilots, als datasets die in de jaren hierop zijn gebruikt.",
            "Een overzicht van het aantal keer dat 'vuile data' in de datasets is herzien. Hiermee bedoel"
            " ik bijvoorbeeld — maar niet alleen — informatie over een verdachte die is vrijgesproken"
            " van een bepaald feit. Ofwel: onjuiste en/ of onrechtmatige data uit het strafproces.",
        ),
        (
            "002",
            17,
            "Alle velden met gegevens die worden verzameld en/of een gegevenswoordenboek voor het Sensing Project;",
            "Alle risicobeoordelingen, effectbeoordelingen en privacy-effectbeoordelingen die zijn"
            " opgesteld over het gebruik van de software van het Sensing Projectdoor de politie Roermond;",
        ),
        (
            "004",
            3,
            "*De interne beleidslijn waar hier naar verwezen wordt, of alle documenten waarin dit interne"
            " beleid beschreven staat. Alle documenten waarin een dergelijke juridisch/ethische toets"
            " wordt gedaan.*",
            "*Alle documenten over verzoeken waarin gezichtsherkenningstechnologie voorgedragen worden"
            " voor dergelijke toetsingen, adviezen of beoordelingen. En de uitvoering daarvan.*",
        ),
    ],
)
def test_seed_requests(name, count, first, last):
    points = seed(name)
    assert len(points) == count
    assert [p.number for p in points] == list(range(1, count + 1))
    assert points[0].text == first
    assert points[-1].text == last
    assert all("  " not in p.text and "\n" not in p.text for p in points)


def test_seed_000_ocr_layout():
    points = seed("000")
    assert [p.marker for p in points[:9]] == ["1.", "2.", "", "", "", "", "", "", ""]
    assert [p.marker for p in points[9:]] == [f"{n}." for n in range(10, 18)]
    assert points[1].text.startswith("Een lijst van de gevallen waarin gegevens of analyses uit")
    assert points[1].text.endswith("en de datum waarop contact is gelegd;")
    assert points[4].text.startswith("Vijf voorbeelden")
    # "10." then a blank line, then its continuation
    assert points[9].text == (
        "Beschrijvingen van het aantal, het type en de datum van datalekken die zich hebben"
        " voorgedaan met betrekking tot het Crime Anticipation System;"
    )
    # " 11." with a leading space
    assert points[10].text.startswith("Alle procedures, beleidslijnen")
    assert points[10].text.endswith("antidiscriminatiebeleid of eerlijkheidsbeleid;")
    assert points[15].text.endswith("gegevens zouden worden verwijderd of verwijderd?")


def test_seed_002_continuations_and_closing_sentence():
    points = seed("002")
    assert [p.marker for p in points] == [f"{n}." for n in range(1, 18)]
    # every line of this OCR text is followed by a blank line
    assert points[1].text.endswith("en de datum waarop contact werd gemaakt;")
    assert points[13].text.endswith("bij Politie Roermond;")
    assert "De termijn voor deze records" not in points[-1].text


def test_seed_001_and_004_bullets():
    assert [p.marker for p in seed("001")] == ["-"] * 5
    assert [p.marker for p in seed("004")] == ["-"] * 3
    assert seed("001")[1].text.startswith("In het bijzonder wilt u de exacte indicatoren")


@pytest.mark.parametrize(
    ("numbers", "label"),
    [
        ([6], "Ad 6"),
        ([9, 8], "Ad 8 en 9"),
        ([14, 6, 8, 7, 12], "Ad 6, 7, 8, 12 en 14"),
        ([5, 10], "Ad 5 en 10"),
        ([3, 3], "Ad 3"),
        ((n for n in (2, 1, 3)), "Ad 1, 2 en 3"),
        ({4, 11}, "Ad 4 en 11"),
    ],
)
def test_answer_labels(numbers, label):
    assert answer_label(numbers) == label


@pytest.mark.parametrize("numbers", [[], (), [0], [-1, 2]])
def test_label_needs_real_points(numbers):
    with pytest.raises(ValueError):
        answer_label(numbers)


@pytest.mark.parametrize(
    ("numbers", "key"),
    [([9, 8], (8, 9)), ([12, 6], (6, 12)), ([3, 3], (3,)), ([7], (7,)), ([], ())],
)
def test_answer_sort_key(numbers, key):
    assert answer_sort_key(numbers) == key


def test_answers_ordered_by_lowest_point_then_the_rest():
    answers = [[8, 9], [12, 6], [7], [1, 17], [6, 8], [6]]
    assert sorted(answers, key=answer_sort_key) == [[1, 17], [6], [6, 8], [12, 6], [7], [8, 9]]


@pytest.mark.parametrize(
    ("text", "at", "halves"),
    [
        ("de nota en de bijlagen", 8, ("de nota", "en de bijlagen")),
        ("de nota en de bijlagen", 7, ("de nota", "en de bijlagen")),
        ("ab", 1, ("a", "b")),
    ],
)
def test_split_point(text, at, halves):
    assert split_point(text, at) == halves


@pytest.mark.parametrize(
    ("text", "at"),
    [("de nota", 0), ("de nota", 7), ("de nota", 99), ("de nota", -2), ("de nota ", 7), ("  x", 2)],
)
def test_split_point_needs_text_on_both_sides(text, at):
    with pytest.raises(ValueError):
        split_point(text, at)


@pytest.mark.parametrize(
    ("numbers", "expected"),
    [([4, 9, 2], [1, 2, 3]), ([1, 2], [1, 2]), ([], []), ([5], [1])],
)
def test_renumber(numbers, expected):
    assert renumber(numbers) == expected
