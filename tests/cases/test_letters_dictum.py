"""Issue 12, item 2: the dictum follows from the outcomes of the points and the documents.

Table-driven over the combinations (openbaar, deels, niet, reeds openbaar with vindplaats,
niet aanwezig / niet berustend, doorgezonden, toelichting); seeds 000 and 002 (everything reeds
openbaar or niet berustend) must not say "af te wijzen, omdat geen documenten zijn aangetroffen".
"""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from cases.letters import render_letter
from cases.letters.context import AnswerInfo, DocumentInfo, GroundUse
from cases.letters.dictum import decision_type, dictum_parts
from cases.letters.markup import parse
from cases.letters.render import render_wording, template_context
from tests.cases.letter_fixtures import section, seed000_context

NO_DOCUMENTS_FOUND = "af te wijzen, omdat geen documenten zijn aangetroffen"
SENTENCE = {
    "openbaar": "de documenten die als openbaar zijn aangemerkt, openbaar te maken",
    "deels_openbaar": "de documenten die als deels openbaar zijn aangemerkt, gedeeltelijk openbaar",
    "niet_openbaar": "de documenten die als niet openbaar zijn aangemerkt, niet openbaar te maken",
    "reeds_openbaar": "te volstaan met de verwijzing naar de vindplaats",
    "niet_aanwezig": "uw verzoek af te wijzen voor zover het ziet op documenten die niet onder mij "
    "berusten",
    "doorgezonden": "dat deel heb ik doorgezonden aan het bestuursorgaan dat daarover beslist",
    "toelichting": "te volstaan met de toelichting die ik hierboven heb gegeven",
}
GROUND = GroundUse(
    code="5.1.2e",
    words="artikel 5.1, tweede lid, aanhef en onder e, van de Woo",
    label="eerbiediging van de persoonlijke levenssfeer",
    motivation="Namen van medewerkers.",
    kind="relatief",
)
DOCS = {
    "openbaar": DocumentInfo("1", "Nota", date(2021, 1, 1), "openbaar"),
    "deels_openbaar": DocumentInfo("2", "Memo", date(2021, 1, 2), "deels_openbaar", ("5.1.2e",)),
    "niet_openbaar": DocumentInfo("3", "Advies", date(2021, 1, 3), "niet_openbaar", ("5.1.2e",)),
}
OUTCOMES = ("reeds_openbaar", "niet_aanwezig", "doorgezonden", "toelichting")


def besluit(outcomes: tuple[str, ...], judgements: tuple[str, ...]) -> str:
    answers = tuple(
        AnswerInfo(
            (i + 1,),
            f"Antwoord op punt {i + 1}.",
            outcome=o,
            location="https://www.politie.nl/wob/cas" if o == "reeds_openbaar" else "",
        )
        for i, o in enumerate(outcomes)
    )
    if judgements:
        answers += (AnswerInfo((len(outcomes) + 1,), "Zie de inventarislijst.", "documenten"),)
    documents = tuple(DOCS[j] for j in judgements)
    refused = [d.number for d in documents if d.grounds]
    ctx = seed000_context(
        regime="woo",
        answers=answers,
        documents=documents,
        grounds_used=(GroundUse(**{**GROUND.__dict__, "documents": tuple(refused)}),)
        if refused
        else (),
    )
    # The wording only (the .docx round trip is covered by the seed tests below): 76 besluiten.
    blocks = parse(render_wording("besluit", template_context(ctx)))
    out, inside = [], False
    for b in blocks:
        if b.kind == "heading":
            if inside:
                break
            inside = b.text == "Besluit"
        elif inside and b.text:
            out.append(b.text)
    return "\n".join(out)


COMBINATIONS = [
    (outcomes, judgements)
    for n in range(0, 3)
    for outcomes in itertools.combinations(OUTCOMES, n)
    for m in range(0, 3)
    for judgements in itertools.combinations(tuple(DOCS), m)
    if outcomes or judgements
]


@pytest.mark.parametrize(("outcomes", "judgements"), COMBINATIONS)
def test_dictum_has_exactly_the_parts_of_the_outcomes_and_judgements(outcomes, judgements):
    text = besluit(outcomes, judgements)
    expected = set(outcomes) | set(judgements)
    for kind, sentence in SENTENCE.items():
        assert (sentence in text) == (kind in expected), (kind, text)
    assert NO_DOCUMENTS_FOUND not in text
    # The legal-basis sentence cites art. 4.2 exactly when something was forwarded.
    assert ("4.2" in text.split("Dit besluit is gebaseerd op")[1]) == ("doorgezonden" in outcomes)
    # Each refusal part names the article of its own documents' grounds only.
    if "niet_openbaar" in judgements:
        assert "niet openbaar te maken op grond van artikel 5.1 van de Woo" in text
    # The dictum ends with a full stop.
    bullets = [line for line in text.splitlines() if line.endswith((";", "."))]
    assert bullets and text.split("\nDit besluit")[0].rstrip().endswith(".")


@pytest.mark.parametrize(
    ("outcomes", "points_text"),
    [
        # Seed 000: points 1-5, 16, 17 reeds openbaar; 10, 12, 13 not made; the rest explained.
        (
            {
                1: "reeds_openbaar",
                2: "reeds_openbaar",
                10: "niet_aanwezig",
                12: "niet_aanwezig",
                6: "toelichting",
            },
            ("(punt 1 en 2)", "(punt 10 en 12)", "voor punt 6 te volstaan"),
        ),
        # Seed 002: everything reeds openbaar or niet berustend.
        (
            {1: "reeds_openbaar", 2: "niet_aanwezig", 3: "niet_aanwezig", 5: "reeds_openbaar"},
            ("(punt 1 en 5)", "(punt 2 en 3)"),
        ),
    ],
)
def test_seed_000_and_002_read_like_the_seeds(outcomes, points_text):
    answers = tuple(
        AnswerInfo(
            (n,),
            f"Antwoord {n}.",
            outcome=o,
            location="https://www.politie.nl/wob/korpsstaf/2021-cas.html"
            if o == "reeds_openbaar"
            else "",
        )
        for n, o in outcomes.items()
    )
    ctx = seed000_context(answers=answers, documents=(), grounds_used=())
    data = render_letter(ctx)
    text = section(data, "Besluit")
    assert NO_DOCUMENTS_FOUND not in text
    assert "de Wob is op reeds openbare informatie niet van toepassing" in text
    assert "documenten die niet onder mij berusten" in text
    for fragment in points_text:
        assert fragment in text
    found = section(data, "Aangetroffen documenten")
    assert "geen documenten aangetroffen" not in found
    assert "is de informatie waarom u vraagt reeds openbaar" in found
    assert "berusten de gevraagde documenten niet onder mij" in found
    # Nothing to weigh: no Overwegingen about exception grounds (as in seeds 000 and 002).
    from tests.cases.letter_fixtures import headings

    assert "Overwegingen" not in headings(data)
    # The vindplaats of a reeds-openbaar answer is printed under its "Ad" heading.
    answers_text = section(data, "Beantwoording per punt")
    assert "Vindplaats: https://www.politie.nl/wob/korpsstaf/2021-cas.html" in answers_text


def test_nothing_found_at_all_is_still_an_afwijzing():
    ctx = seed000_context(
        answers=(AnswerInfo((1,), "Niets gevonden."),), documents=(), grounds_used=()
    )
    assert NO_DOCUMENTS_FOUND in section(render_letter(ctx), "Besluit")


def test_decision_type_per_combination():
    def parts(outcomes=(), judgements=()):
        answers = [AnswerInfo((i + 1,), "x", outcome=o) for i, o in enumerate(outcomes)]
        return dictum_parts(answers, [DOCS[j] for j in judgements])

    assert decision_type(parts(judgements=("openbaar",))) == "openbaarmaking"
    assert decision_type(parts(judgements=("openbaar", "deels_openbaar"))) == (
        "gedeeltelijke openbaarmaking"
    )
    assert decision_type(parts(judgements=("niet_openbaar",))) == "geen openbaarmaking"
    assert decision_type(parts(("reeds_openbaar", "niet_aanwezig"))) == "reeds openbaar"
    assert decision_type(parts()) == "geen documenten aangetroffen"
    assert [p.kind for p in parts()] == ["geen_documenten"]
    locations = dictum_parts(
        [
            AnswerInfo((1,), "x", "reeds_openbaar", "https://a"),
            AnswerInfo((2,), "y", "reeds_openbaar", "https://a"),
        ],
        [],
    )[0].locations
    assert locations == ("https://a",)
