"""Tests for the exception-ground catalogue: completeness, notations, regimes, wording."""

import re

import pytest

from cases.grounds import (
    AANVULLEND,
    ABSOLUUT,
    BELEIDSOPVATTINGEN,
    GROUNDS,
    RELATIEF,
    TIJDELIJK,
    WOB,
    WOO,
    Ground,
    UnknownGround,
    WrongRegime,
    bsn_ground,
    ground_label_in_box,
    grounds_for,
    is_absolute,
    normalise_code,
    parse_ground,
    parse_grounds,
    personal_data_ground,
    wob_to_woo,
)

# --- catalogue completeness --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("prefix", "letters", "kind", "regime"),
    [
        ("5.1.1", "abcde", ABSOLUUT, WOO),
        ("5.1.2", "abcdefghi", RELATIEF, WOO),
        ("10.1.", "abcd", ABSOLUUT, WOB),
        ("10.2.", "abcdefg", RELATIEF, WOB),
        ("10.7.", "ab", RELATIEF, WOB),
    ],
)
def test_every_letter_of_each_lid_is_present(prefix, letters, kind, regime):
    for letter in letters:
        ground = GROUNDS[prefix + letter]
        assert ground.kind == kind
        assert ground.regime == regime
        assert ground.letter == letter
    # and no letter beyond the last one
    following = chr(ord(letters[-1]) + 1)
    assert prefix + following not in GROUNDS


@pytest.mark.parametrize(
    ("code", "regime", "kind"),
    [
        ("5.1.4", WOO, TIJDELIJK),
        ("5.1.5", WOO, RELATIEF),
        ("5.1.6", WOO, RELATIEF),
        # Woo art. 5.2 / Wob art. 11: their own regime, not absolute (issue 12, item 3).
        ("5.2", WOO, BELEIDSOPVATTINGEN),
        ("5.3", WOO, AANVULLEND),
        ("5.4", WOO, TIJDELIJK),
        ("5.4a", WOO, ABSOLUUT),
        ("11.1", WOB, BELEIDSOPVATTINGEN),
    ],
)
def test_grounds_without_letter(code, regime, kind):
    ground = GROUNDS[code]
    assert (ground.regime, ground.kind, ground.letter) == (regime, kind, None)


def test_catalogue_size_and_no_strays():
    woo = [g.code for g in grounds_for(WOO)]
    wob = [g.code for g in grounds_for(WOB)]
    assert len(woo) == 5 + 9 + 3 + 4  # lid 1, lid 2, 5.1.4-6, 5.2/5.3/5.4/5.4a
    assert len(wob) == 4 + 7 + 2 + 1
    assert set(woo) | set(wob) == set(GROUNDS)


def test_grounds_for_is_in_statute_order():
    assert [g.code for g in grounds_for(WOO)] == [
        "5.1.1a", "5.1.1b", "5.1.1c", "5.1.1d", "5.1.1e",
        "5.1.2a", "5.1.2b", "5.1.2c", "5.1.2d", "5.1.2e", "5.1.2f", "5.1.2g", "5.1.2h", "5.1.2i",
        "5.1.4", "5.1.5", "5.1.6", "5.2", "5.3", "5.4", "5.4a",
    ]  # fmt: skip
    assert [g.code for g in grounds_for(WOB)] == [
        "10.1.a", "10.1.b", "10.1.c", "10.1.d",
        "10.2.a", "10.2.b", "10.2.c", "10.2.d", "10.2.e", "10.2.f", "10.2.g",
        "10.7.a", "10.7.b", "11.1",
    ]  # fmt: skip


def test_grounds_for_unknown_regime_is_refused():
    with pytest.raises(ValueError, match="Onbekend regime"):
        grounds_for("awb")


@pytest.mark.parametrize("ground", list(GROUNDS.values()), ids=list(GROUNDS))
def test_structure_matches_the_code(ground: Ground):
    assert normalise_code(ground.code) == ground.code
    # the full words cite the same article/lid/letter: parsing them gives the code back
    assert normalise_code(ground.words) == ground.code
    if ground.letter:
        assert ground.words.endswith(f"aanhef en onder {ground.letter}, van {_law(ground)}")
    assert ground.label and ground.label == ground.label.strip()


def _law(ground: Ground) -> str:
    return "de Woo" if ground.regime == WOO else "de Wob"


# --- words ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("5.1.2e", "artikel 5.1, tweede lid, aanhef en onder e, van de Woo"),
        ("10.2.e", "artikel 10, tweede lid, aanhef en onder e, van de Wob"),
        ("5.1.1e", "artikel 5.1, eerste lid, aanhef en onder e, van de Woo"),
        ("10.7.b", "artikel 10, zevende lid, aanhef en onder b, van de Wob"),
        ("5.1.4", "artikel 5.1, vierde lid, van de Woo"),
        ("5.1.5", "artikel 5.1, vijfde lid, van de Woo"),
        ("11.1", "artikel 11, eerste lid, van de Wob"),
        ("5.2", "artikel 5.2 van de Woo"),
        ("5.4a", "artikel 5.4a van de Woo"),
    ],
)
def test_words(code, words):
    assert GROUNDS[code].words == words


# --- normalisation ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("5.1.2e", "5.1.2e"),
        ("5.1.2.e", "5.1.2e"),
        ("5.1.2 e", "5.1.2e"),
        ("5.1.2 sub e", "5.1.2e"),
        ("5.1.2(e)", "5.1.2e"),
        ("  5.1.2E ", "5.1.2e"),
        ("Woo 5.1.2e", "5.1.2e"),
        ("artikel 5.1, tweede lid, aanhef en onder e", "5.1.2e"),
        ("artikel 5.1, tweede lid, aanhef en onder e, van de Woo", "5.1.2e"),
        ("art. 5.1 lid 2 sub i", "5.1.2i"),
        ("artikel 5.1, eerste lid, onder e, van de Wet open overheid", "5.1.1e"),
        ("5.1.1.d", "5.1.1d"),
        ("10.2.e", "10.2.e"),
        ("10.2e", "10.2.e"),
        ("10.2 e", "10.2.e"),
        ("art. 10 lid 2 sub e", "10.2.e"),
        ("artikel 10, tweede lid, aanhef en onder e, van de Wob", "10.2.e"),
        ("Artikel 10, tweede lid onder g Wob", "10.2.g"),  # seed 001's inventory wording
        ("artikel 10, 2e lid, sub e", "10.2.e"),
        ("10 lid 7 sub b", "10.7.b"),
        ("10.1.d", "10.1.d"),
        ("11", "11.1"),
        ("11.2", "11.1"),  # anonymised disclosure: a discretion within art. 11
        ("artikel 11, eerste lid, van de Wob", "11.1"),
        ("5.1.4", "5.1.4"),
        ("artikel 5.1, vierde lid", "5.1.4"),
        ("5.1 lid 5", "5.1.5"),
        ("5.2", "5.2"),
        ("5.2.1", "5.2"),
        ("5.2 lid 2", "5.2"),
        ("art. 5.3", "5.3"),
        ("5.4a", "5.4a"),
    ],
)
def test_normalise_code(raw, code):
    assert normalise_code(raw) == code


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("5.1.2j", "kent de onderdelen a tot en met i"),
        ("5.1.2", "kent de onderdelen a tot en met i"),
        ("5.1.1f", "kent de onderdelen a tot en met e"),
        ("10.2.h", "kent de onderdelen a tot en met g"),
        ("10.2", "kent de onderdelen a tot en met g"),
        ("10.3.a", "geen bekende uitzonderingsgrond"),
        ("5.1.3", "geen bekende uitzonderingsgrond"),
        ("5.5", "geen bekende uitzonderingsgrond"),
        ("5.2.5", "geen bekende uitzonderingsgrond"),
        ("12", "geen bekende uitzonderingsgrond"),
        ("dubbel", "geen bekende uitzonderingsgrond"),
        ("5.1.2e 5.1.2i", "geen bekende uitzonderingsgrond"),
        ("artikel 10, tweede lid, onder e, van de Woo", "is een grond uit de Wob"),
        ("5.1.2e Woo Wob", "zowel de Wob als de Woo"),
    ],
)
def test_normalise_code_refuses(raw, message):
    with pytest.raises(UnknownGround, match=message) as exc:
        normalise_code(raw)
    assert isinstance(exc.value, ValueError)
    assert raw in str(exc.value)  # the message names the input


@pytest.mark.parametrize("raw", ["", "   ", None])
def test_normalise_code_refuses_empty(raw):
    with pytest.raises(UnknownGround, match="geen uitzonderingsgrond opgegeven"):
        normalise_code(raw)


# --- regime -----------------------------------------------------------------------------------


def test_parse_ground_refuses_the_other_regime():
    with pytest.raises(WrongRegime) as exc:
        parse_ground("10.2.e", regime=WOO)
    assert str(exc.value) == "Grond 10.2.e hoort bij de Wob; dit verzoek valt onder de Woo."
    with pytest.raises(UnknownGround) as exc:
        parse_ground("artikel 5.1, tweede lid, aanhef en onder e", regime=WOB)
    assert str(exc.value) == "Grond 5.1.2e hoort bij de Woo; dit verzoek valt onder de Wob."


def test_parse_ground_returns_the_catalogue_entry():
    assert parse_ground("5.1.2 sub i", regime=WOO) is GROUNDS["5.1.2i"]
    assert parse_ground("10.2e", regime=WOB) is GROUNDS["10.2.e"]


@pytest.mark.parametrize(
    ("raw", "regime", "codes"),
    [
        ("10.2.e; 10.2.g", WOB, ["10.2.e", "10.2.g"]),
        ("10.2.g, 10.2.e", WOB, ["10.2.g", "10.2.e"]),
        ("10.2.e 10.2.g", WOB, ["10.2.e", "10.2.g"]),
        ("5.1.2e;5.1.2i;5.1.2e", WOO, ["5.1.2e", "5.1.2i"]),
        ("5.1.2 e, 5.1.2 i", WOO, ["5.1.2e", "5.1.2i"]),
        ("5.1.2e\n5.1.1e", WOO, ["5.1.2e", "5.1.1e"]),
        (
            "artikel 5.1, tweede lid, aanhef en onder h, van de Woo, 5.2",
            WOO,
            ["5.1.2h", "5.2"],
        ),
        (["5.1.2.e", "5.1.2 sub e", "5.1.5"], WOO, ["5.1.2e", "5.1.5"]),
        (("10.2.e", " "), WOB, ["10.2.e"]),
        ("", WOO, []),
        (" ; ", WOO, []),
        ([], WOB, []),
    ],
)
def test_parse_grounds(raw, regime, codes):
    assert [g.code for g in parse_grounds(raw, regime=regime)] == codes


@pytest.mark.parametrize(
    ("raw", "regime", "error", "named"),
    [
        ("5.1.2e; 10.2.e", WOO, WrongRegime, "10.2.e"),
        ("5.1.2e, 5.1.2x", WOO, UnknownGround, "5.1.2x"),
        ("5.1.2e foo", WOO, UnknownGround, "foo"),
        (["10.2.e", "11.3"], WOB, UnknownGround, "11.3"),
    ],
)
def test_parse_grounds_refuses(raw, regime, error, named):
    with pytest.raises(error, match=re.escape(named)):
        parse_grounds(raw, regime=regime)


# --- mapping and helpers ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("wob", "woo"),
    [
        ("10.1.a", ("5.1.1a",)),
        ("10.1.b", ("5.1.1b",)),
        ("10.1.c", ("5.1.1c",)),
        ("10.1.d", ("5.1.1d", "5.1.1e")),
        ("10.2.a", ("5.1.2a",)),
        ("10.2.b", ("5.1.2b",)),
        ("10.2.c", ("5.1.2c",)),
        ("10.2.d", ("5.1.2d",)),
        ("10.2.e", ("5.1.2e",)),
        ("10.2.f", ("5.1.4",)),
        ("10.2.g", ("5.1.5",)),
        ("10.7.a", ("5.1.2g",)),
        ("10.7.b", ("5.1.2h",)),
        ("11.1", ("5.2",)),
    ],
)
def test_wob_to_woo_mapping(wob, woo):
    assert wob_to_woo(wob) == woo
    assert GROUNDS[wob].woo_equivalent == woo[0]
    assert all(GROUNDS[code].regime == WOO for code in woo)


def test_every_wob_ground_maps_and_woo_grounds_do_not():
    assert all(g.woo_equivalent for g in grounds_for(WOB))
    assert all(g.woo_equivalent is None for g in grounds_for(WOO))
    assert wob_to_woo("5.1.2e") == ()


@pytest.mark.parametrize(
    ("regime", "personal", "bsn"),
    [(WOB, "10.2.e", "10.2.e"), (WOO, "5.1.2e", "5.1.1e")],
)
def test_personal_data_and_bsn_grounds(regime, personal, bsn):
    assert personal_data_ground(regime) == personal
    assert bsn_ground(regime) == bsn
    assert GROUNDS[personal].regime == GROUNDS[bsn].regime == regime


def test_helpers_refuse_unknown_regime():
    for helper in (personal_data_ground, bsn_ground):
        with pytest.raises(ValueError):
            helper("WOO")


@pytest.mark.parametrize(
    ("raw", "label"),
    [("5.1.2 sub e", "5.1.2e"), ("10.2e", "10.2.e"), ("5.2.1", "5.2"), ("11", "11.1")],
)
def test_ground_label_in_box_is_the_code(raw, label):
    assert ground_label_in_box(raw) == label


@pytest.mark.parametrize(
    ("code", "absolute"),
    [
        ("5.1.1e", True),
        ("5.1.1d", True),
        ("10.1.c", True),
        ("5.2", False),  # its own regime (Woo art. 5.2), not absolute
        ("5.1.2e", False),
        ("10.2.e", False),
        ("5.1.4", False),
        ("5.1.5", False),
        ("5.3", False),
    ],
)
def test_is_absolute(code, absolute):
    assert is_absolute(code) is absolute


def test_is_absolute_refuses_unknown_codes():
    with pytest.raises(UnknownGround):
        is_absolute("5.1.2z")


# --- motivation paragraphs ----------------------------------------------------------------------

COMMON = [
    "10.2.e", "5.1.2e", "10.2.g", "5.1.5", "10.2.d", "5.1.2d", "10.2.b", "5.1.2b", "10.1.c",
    "5.1.1c", "10.1.d", "5.1.1d", "5.1.1e", "11.1", "5.2", "10.2.a", "5.1.2a", "5.1.2i",
    "5.1.2h", "10.2.c", "5.1.2c", "10.2.f", "5.1.4",
]  # fmt: skip


def _sentences(text: str) -> int:
    return len(re.findall(r"[.!?](?:\s|$)", text))


@pytest.mark.parametrize("code", COMMON)
def test_common_grounds_have_substantive_motivation(code):
    assert 3 <= _sentences(GROUNDS[code].motivation) <= 6


@pytest.mark.parametrize("ground", list(GROUNDS.values()), ids=list(GROUNDS))
def test_every_motivation_is_plain_dutch_text(ground: Ground):
    text = ground.motivation
    assert _sentences(text) >= 2
    assert "{" not in text and "}" not in text  # no placeholders: the adviser edits plain text
    assert text == " ".join(text.split())  # no stray line breaks from the source
    assert " de " in text or " het " in text
    other_law = "de Woo" if ground.regime == WOB else "de Wob"
    assert other_law not in text  # a Wob paragraph never cites the Woo, and the reverse


@pytest.mark.parametrize(
    "ground",
    [g for g in GROUNDS.values() if g.kind in (RELATIEF, TIJDELIJK) and g.code != "5.4"],
    ids=lambda g: g.code,
)
def test_relative_motivation_names_the_weighing(ground: Ground):
    # Woo art. 5.1 lid 3: the weighing against openbaarheid must be motivated explicitly.
    assert "belang van openbaarheid" in ground.motivation
    assert "afgewogen" in ground.motivation


def test_5_3_is_citable_but_not_a_ground_by_itself():
    ground = GROUNDS["5.3"]
    assert ground.kind == AANVULLEND
    assert "ouder dan vijf jaar" in ground.motivation
    assert parse_ground("5.3", regime=WOO) is ground


# --- motivation prose in templates (issue 12, "Also") ------------------------------------------


def test_standard_motivations_come_from_the_interest_templates_unchanged():
    """The prose moved from grounds.py to templates/cases/letters/grounds/<interest>.txt; the
    rendered text per ground is what the code produced before (5.1.4 lost only its sentence
    "In dit besluit staat de datum", the besluit now prints the date itself)."""
    import json
    from pathlib import Path

    expected = json.loads(
        (Path(__file__).parent / "fixtures" / "ground_motivations.json").read_text()
    )
    assert {code: g.motivation for code, g in GROUNDS.items()} == expected
    assert "In dit besluit staat de datum" not in GROUNDS["5.1.4"].motivation


def test_one_template_per_interest_shared_by_wob_and_woo():
    from cases.grounds import GROUND_TEMPLATES, INTEREST_OF

    assert set(INTEREST_OF) == set(GROUNDS)
    files = {p.stem for p in GROUND_TEMPLATES.glob("*.txt")}
    assert files == set(INTEREST_OF.values())
    assert INTEREST_OF["10.2.e"] == INTEREST_OF["5.1.2e"] == "persoonlijke_levenssfeer"
    # The shared template really varies with the regime: Wob "verstrekking", Woo "openbaarmaking".
    assert "Verstrekking onder de Wob is verstrekking aan iedereen" in GROUNDS["10.2.e"].motivation
    assert "Openbaarmaking onder de Woo is openbaarmaking voor iedereen" in (
        GROUNDS["5.1.2e"].motivation
    )


def test_no_motivation_prose_left_in_grounds_py():
    from pathlib import Path

    import cases.grounds as module

    source = Path(module.__file__).read_text()
    assert "Ik heb het belang van openbaarheid afgewogen" not in source
    assert len(source.splitlines()) < 520


def test_a_jurist_edit_of_a_template_shows_in_the_motivation(tmp_path, monkeypatch):
    import cases.grounds as module

    (tmp_path / "persoonlijke_levenssfeer.txt").write_text(
        "{# opmerking #}Aangepast door de jurist: {{ disclosure }} onder de {{ law }}."
    )
    monkeypatch.setattr(module, "GROUND_TEMPLATES", tmp_path)
    assert module.standard_motivation("10.2.e", "wob") == (
        "Aangepast door de jurist: verstrekking onder de Wob."
    )
    assert module.standard_motivation("5.1.2e", "woo") == (
        "Aangepast door de jurist: openbaarmaking onder de Woo."
    )


def test_beleidsopvattingen_are_not_absolute():
    assert not is_absolute("5.2") and not is_absolute("11.1")
    assert is_absolute("5.1.1e")
