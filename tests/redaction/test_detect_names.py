"""Name detection on the hard cases, consistency across a case, what stays readable, boxes."""

import pytest

from redaction.detect import DetectionConfig, detect_case, detect_text, lexicon, spans_to_boxes
from redaction.types import PageText


def names(text, **config):
    return [s.text for s in detect_text(text, DetectionConfig(**config)) if s.category == "person"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Vandaag sprak ik met de heer Okonkwo over de planning.", "Okonkwo"),
        ("Geachte mevrouw Abdoellaeva,", "Abdoellaeva"),
        ("Het advies van mr. drs. Wubbo Ockels-Terpstra is helder.", "Wubbo Ockels-Terpstra"),
        ("Volgens dhr. Kütükçü klopt het niet.", "Kütükçü"),
        ("Behandeld door: Przemysław Wójcikowski\nDatum: vandaag", "Przemysław Wójcikowski"),
        ("Van: Vries, J.P. de <jp@x.nl>\nOnderwerp: x", "Vries, J.P. de"),
        ("From: Jansen, Piet <p.jansen@x.nl>\nSubject: x", "Jansen, Piet"),
        ("Aan: Anna van der Berg-Ouali; Kees Dekker\nOnderwerp: x", "Anna van der Berg-Ouali"),
        (
            "Met vriendelijke groet,\n\nRadjinder Ramdinsingh\nProjectleider",
            "Radjinder Ramdinsingh",
        ),
        (
            "Aanwezig: Sevda Karaca, H. Oosterhuis-Nap (RWS), Willem van 't Hek\n",
            "H. Oosterhuis-Nap",
        ),
        ("Het rapport van J.P. de Vries en Ph. ten Hove ligt er.", "J.P. de Vries"),
        ("Het rapport van J.P. de Vries en Ph. ten Hove ligt er.", "Ph. ten Hove"),
        ("Naam: ANOUK VAN DER LINDEN-BOSMA\n", "ANOUK VAN DER LINDEN-BOSMA"),
        ("[09:14] Ayodele Mensah: zijn de stukken binnen?", "Ayodele Mensah"),
        ("Femke Zijlstra belde gisteren over de vergunning.", "Femke Zijlstra"),
    ],
)
def test_hard_cases(text, name):
    assert name in names(text)


def test_corpus_contains_names_in_no_list():
    unlisted = [
        "Okonkwo",
        "Abdoellaeva",
        "Ramdinsingh",
        "Kütükçü",
        "Wójcikowski",
        "Ouaali",
        "Hylkema",
        "Grünewald",
        "Dzjemilja",
        "Mohand",
        "Ayodele",
    ]
    for n in unlisted:
        assert n.lower() not in lexicon.surnames() and n.lower() not in lexicon.first_names(), n


def test_public_offices_stay_readable():
    text = "Minister Hoekstra, staatssecretaris Van Huffelen, burgemeester Halsema en wethouder Bakker spraken met mevrouw Karaca."
    assert names(text) == ["Karaca"]


def test_configured_public_officials_stay_readable_also_surname_only():
    text = "Met vriendelijke groet,\n\nE.M. de Vries\nDirecteur\n\nMevrouw De Vries tekende; de heer Jansen stelde het op."
    assert names(text, public_officials=("E.M. de Vries",)) == ["Jansen"]


def test_always_and_never_redact():
    config = DetectionConfig(always_redact=("Stichting Wakker Dier",), never_redact=("Karaca",))
    got = [
        (s.text, s.category)
        for s in detect_text("Stichting Wakker Dier en mevrouw Karaca.", config)
    ]
    assert got == [("Stichting Wakker Dier", "custom")]


def test_lower_case_and_all_caps_found_by_consistency():
    text = "Naam: Pieter-Bas Huizinga\n\nONDERTEKEND: PIETER-BAS HUIZINGA\n\npieter-bas huizinga schreef dit."
    got = names(text)
    assert got.count("Pieter-Bas Huizinga") == 1
    assert "PIETER-BAS HUIZINGA" in got and "pieter-bas huizinga" in got


def test_consistency_across_documents_and_line_breaks():
    a = [PageText(0, "Behandeld door: Tjitske Sijbesma\nDatum: 1 mei", ())]
    b = [
        PageText(0, "Zoals SIJBESMA al zei: Tjitske\nSijbesma regelt het.", ()),
        PageText(1, "Bel sijbesma even.", ()),
    ]
    result = detect_case({"a": a, "b": b}, DetectionConfig())
    texts_b = [(s.page, s.text) for s in result["b"] if s.category == "person"]
    assert (0, "SIJBESMA") in texts_b
    assert (0, "Tjitske\nSijbesma") in texts_b
    assert (1, "sijbesma") in texts_b
    lower = next(s for s in result["b"] if s.text == "sijbesma")
    assert lower.detector == "names.case_consistency"
    assert lower.reason == "Naam eerder in dit dossier gevonden"


def test_surname_from_email_local_part():
    result = detect_case(
        {
            "a": [PageText(0, "Mail naar p.dekker@stadhaven.nl", ())],
            "b": [PageText(0, "Dekker is het eens.", ())],
        },
        DetectionConfig(),
    )
    assert [s.text for s in result["b"]] == ["Dekker"]


def test_suggestion_fields_and_no_overlaps():
    [s, *_] = detect_text("Geachte heer Okonkwo, bel 06-12345678.", DetectionConfig(regime="wob"))
    assert (s.category, s.ground, s.detector_version) == ("person", "10.2.e", "1.0")
    assert s.reason and "\n" not in s.reason
    got = detect_text(
        "Mail jan.jansen@x.nl of bel 06-12345678, mevrouw Jansen-Kaya.", DetectionConfig()
    )
    spans = sorted((s.start, s.end) for s in got)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


def test_boxes_merged_per_line():
    text = "Jan de\nVries"
    boxes = (
        (10, 100, 15, 110),
        (15, 100, 20, 110),
        (20, 100, 25, 110),
        None,
        (30, 100, 35, 110),
        (35, 100, 40, 110),
        None,
        (10, 120, 15, 130),
        (15, 120, 20, 130),
        (20, 120, 25, 130),
        (25, 120, 30, 130),
        (30, 120, 35, 130),
    )
    page = PageText(0, text, boxes)
    assert spans_to_boxes(page, 0, len(text)) == ((10, 100, 40, 110), (10, 120, 35, 130))
