"""Issue 12, item 3: each ground worded per the statute in the besluit (pure rendering)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from cases import grounds
from cases.letters import LetterError, render_letter
from cases.letters.context import DocumentInfo, GroundUse
from cases.letters.render import older_than_five_years
from tests.cases.letter_fixtures import section, seed000_context


def use(code: str, documents: tuple[str, ...], **extra) -> GroundUse:
    g = grounds.GROUNDS[code]
    return GroundUse(
        code=code,
        words=g.words,
        label=g.label,
        motivation=g.motivation,
        kind=g.kind,
        documents=documents,
        **extra,
    )


def besluit(regime: str, docs: list[tuple[str, str, date]], letter_date=date(2026, 4, 1), **extra):
    documents = tuple(
        DocumentInfo(str(i + 1), f"Document {i + 1}", d, "deels_openbaar", (code,))
        for i, (code, _, d) in enumerate(docs)
    )
    codes = sorted({code for code, _, _ in docs}, key=list(grounds.GROUNDS).index)
    ctx = seed000_context(
        regime=regime,
        letter_date=letter_date,
        documents=documents,
        grounds_used=tuple(
            use(c, tuple(d.number for d in documents if c in d.grounds), **extra.get(c, {}))
            for c in codes
        ),
    )
    data = render_letter(ctx)
    return section(data, "Overwegingen"), section(data, "Besluit")


def test_wob_relative_ground_speaks_of_verstrekken_woo_of_openbaar_maken():
    wob, _ = besluit("wob", [("10.2.e", "", date(2021, 1, 1))], letter_date=date(2021, 7, 1))
    assert (
        "Op grond van artikel 10, tweede lid, aanhef en onder e, van de Wob blijft het verstrekken "
        "van informatie achterwege voor zover het belang daarvan niet opweegt" in wob
    )
    assert "blijft openbaarmaking achterwege" not in wob
    woo, _ = besluit("woo", [("5.1.2e", "", date(2025, 1, 1))])
    assert "van de Woo blijft het openbaar maken van informatie achterwege" in woo


@pytest.mark.parametrize(
    ("regime", "code", "statute"),
    [
        (
            "woo",
            "5.2",
            "Op grond van artikel 5.2, eerste lid, van de Woo wordt in geval van een "
            "verzoek om informatie uit documenten die zijn opgesteld ten behoeve van intern beraad, "
            "geen informatie verstrekt over daarin opgenomen persoonlijke beleidsopvattingen.",
        ),
        (
            "wob",
            "11.1",
            "Op grond van artikel 11, eerste lid, van de Wob wordt in geval van een "
            "verzoek om informatie uit documenten, opgesteld ten behoeve van intern beraad, geen "
            "informatie verstrekt over daarin opgenomen persoonlijke beleidsopvattingen.",
        ),
    ],
)
def test_beleidsopvattingen_have_their_own_regime_not_absolute(regime, code, statute):
    on = date(2021, 7, 1) if regime == "wob" else date(2026, 4, 1)
    text, _ = besluit(regime, [(code, "", on.replace(year=on.year - 1))], letter_date=on)
    assert statute in text
    assert "niet tot personen herleidbare vorm" in text
    assert "absolute uitzonderingsgrond" not in text
    assert "zonder dat een belangenafweging plaatsvindt" not in text
    if regime == "woo":
        assert "formele bestuurlijke besluitvorming" in text and "(derde lid)" in text


def test_5_1_4_prints_its_date_and_refuses_without_one():
    text, _ = besluit(
        "woo", [("5.1.4", "", date(2026, 2, 1))], **{"5.1.4": {"disclose_on": date(2026, 5, 12)}}
    )
    assert "tijdelijk achterwege blijven" in text
    assert "Ik maak deze informatie op 12 mei 2026 alsnog openbaar." in text
    assert "In dit besluit staat de datum" not in text
    with pytest.raises(LetterError, match="vierde lid"):
        besluit("woo", [("5.1.4", "", date(2026, 2, 1))])


@pytest.mark.parametrize(
    ("code", "doc_date", "triggered"),
    [
        ("5.1.2e", date(2021, 3, 31), True),  # older than five years on 1 April 2026
        ("5.1.2e", date(2021, 4, 1), False),  # exactly five years: not older
        ("5.2", date(2019, 1, 1), True),
        ("5.1.1e", date(2019, 1, 1), False),  # absolute ground: art. 5.3 does not apply
        ("5.1.2i", None, False),  # no date known
    ],
)
def test_5_3_triggered_for_old_documents_on_relative_grounds(code, doc_date, triggered):
    text, dictum = besluit("woo", [(code, "", doc_date)])
    assert ("Op grond van artikel 5.3 van de Woo" in text) == triggered
    basis = dictum.split("Dit besluit is gebaseerd op")[1]
    assert ("5.3" in basis) == triggered
    assert ("5.2" in basis) == (code == "5.2")


def test_5_3_never_under_the_wob():
    text, dictum = besluit("wob", [("10.2.e", "", date(2010, 1, 1))], letter_date=date(2021, 7, 1))
    assert "5.3" not in text and "5.3" not in dictum


def test_older_than_five_years_on_29_february():
    assert older_than_five_years(date(2019, 2, 27), date(2024, 2, 29))
    assert not older_than_five_years(date(2019, 2, 28), date(2024, 2, 29))


def test_legal_basis_cites_no_11_or_5_2_when_not_applied():
    _, wob = besluit("wob", [("10.2.e", "", date(2021, 1, 1))], letter_date=date(2021, 7, 1))
    assert "de artikelen 1, 2, 3, 5, 6, 7 en 10 van de Wob" in wob  # 7: documents provided
    _, woo = besluit("woo", [("5.1.2e", "", date(2025, 1, 1))])
    assert "de artikelen 4.1, 4.4 en 5.1 van de Woo" in woo
    ctx = replace(seed000_context(regime="woo"), documents=(), grounds_used=(), answers=())
    assert "de artikelen 4.1 en 4.4 van de Woo" in section(render_letter(ctx), "Besluit")
