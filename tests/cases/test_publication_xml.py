"""DiWoo metadata: validation of required fields and the XML parsed back field by field (pure)."""

from datetime import date
from xml.etree import ElementTree as ET

from cases.publication import DIWOO_NS, SITEMAP_NS, Item, Publication, build_sitemap, validate

NS = {"s": SITEMAP_NS, "d": DIWOO_NS}


def pub(**kw):
    items = (
        Item(
            "besluit",
            "https://ex.nl/woo/2026-1/besluit.pdf",
            "Besluit op Woo-verzoek over X",
            "besluit",
            date(2026, 5, 1),
            (("ontvangst", date(2026, 3, 6)), ("vaststelling", date(2026, 4, 7))),
            identifiers=("2026-0000001",),
            parts=("document-1",),
        ),
        Item(
            "document-1",
            "https://ex.nl/woo/2026-1/doc1.pdf",
            "Nota",
            "document",
            date(2025, 1, 2),
            (("vaststelling", date(2026, 4, 7)),),
            part_of="besluit",
        ),
    )
    defaults = dict(
        publisher_uri="https://identifier.overheid.nl/tooi/id/gemeente/gm0344",
        publisher_name="Gemeente Utrecht",
        items=items,
        lastmod=date(2026, 4, 8),
    )
    defaults.update(kw)
    return Publication(**defaults)


def test_valid_publication_round_trips():
    p = pub()
    assert validate(p) == []
    root = ET.fromstring(build_sitemap(p))
    urls = root.findall("s:url", NS)
    assert [u.findtext("s:loc", namespaces=NS) for u in urls] == [i.url for i in p.items]
    besluit = urls[0].find("d:Document/d:DiWoo", NS)
    assert besluit.find("d:publisher", NS).get("resource") == p.publisher_uri
    assert besluit.findtext("d:publisher", namespaces=NS) == "Gemeente Utrecht"
    assert (
        besluit.findtext("d:titelcollectie/d:officieleTitel", namespaces=NS)
        == "Besluit op Woo-verzoek over X"
    )
    cat = besluit.find("d:classificatiecollectie/d:informatiecategorieen/d:informatiecategorie", NS)
    assert cat.get("resource").endswith("c_3baef532")
    actions = besluit.findall("d:documenthandelingen/d:documenthandeling", NS)
    assert [a.find("d:soortHandeling", NS).get("resource")[-10:] for a in actions] == [
        "c_dfcee535",
        "c_641ecd76",
    ]
    assert actions[1].findtext("d:atTime", namespaces=NS) == "2026-04-07T00:00:00"
    assert (
        besluit.find("d:hasParts/d:hasPart", NS).get("resource")
        == "https://ex.nl/woo/2026-1/doc1.pdf"
    )
    assert besluit.findtext("d:identifiers/d:identifier", namespaces=NS) == "2026-0000001"
    doc = urls[1].find("d:Document/d:DiWoo", NS)
    assert doc.find("d:isPartOf", NS).get("resource") == "https://ex.nl/woo/2026-1/besluit.pdf"
    assert urls[0].findtext("s:lastmod", namespaces=NS) == "2026-04-08"


def test_missing_required_fields_are_reported():
    assert any("TOOI" in m for m in validate(pub(publisher_uri="")))
    assert any("naam" in m for m in validate(pub(publisher_name=" ")))
    bad = Item("x", "ftp://nope", "", "document", None, ())
    problems = validate(pub(items=(bad,)))
    assert any("titel" in m for m in problems)
    assert any("vindplaats" in m for m in problems)
    assert any("documenthandeling" in m for m in problems)
    orphan = Item(
        "d",
        "https://ex.nl/d.pdf",
        "D",
        "document",
        None,
        (("vaststelling", date(2026, 1, 1)),),
        part_of="besluit",
    )
    assert any("hoort bij" in m for m in validate(pub(items=(orphan,))))
