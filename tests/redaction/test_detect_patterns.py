"""Pattern detectors with valid and invalid inputs (pure)."""

import pytest

from redaction.detect import DetectionConfig, detect_text
from redaction.detect.patterns import elfproef, iban_valid


def found(text, category=None, **config):
    return [
        (s.text, s.category)
        for s in detect_text(text, DetectionConfig(**config))
        if category in (None, s.category)
    ]


@pytest.mark.parametrize("bsn", ["111222333", "123456782", "1112.22.333", "111 222 333"])
def test_valid_bsn_found_with_woo_ground(bsn):
    suggestions = [
        s
        for s in detect_text(f"Het BSN is {bsn}.", DetectionConfig(regime="woo"))
        if s.category == "bsn"
    ]
    assert [s.text for s in suggestions] == [bsn]
    assert suggestions[0].ground == "5.1.1e"
    assert "11-proef" in suggestions[0].reason


def test_bsn_ground_under_wob():
    [s] = [
        s
        for s in detect_text("BSN 111222333", DetectionConfig(regime="wob"))
        if s.category == "bsn"
    ]
    assert s.ground == "10.2.e"


@pytest.mark.parametrize("number", ["123456789", "987654321", "111222334", "000000000"])
def test_nine_digits_failing_the_11_test_never_suggested(number):
    assert found(f"BSN: {number}", "bsn") == []


def test_eight_digit_bsn_only_with_context():
    assert elfproef("11222333") is elfproef("011222333")
    assert found("zaaknummer 12345678") == [] or all(
        c != "bsn" for _, c in found("zaaknummer 12345678")
    )


@pytest.mark.parametrize(
    ("iban", "valid"),
    [
        ("NL91ABNA0417164300", True),
        ("NL91 ABNA 0417 1643 00", True),
        ("NL20INGB0001234567", True),
        ("NL91ABNA0417164301", False),
        ("NL02ABNA012345678", False),
        ("DE89370400440532013000", True),
    ],
)
def test_iban_mod97(iban, valid):
    assert iban_valid(iban) is valid
    assert (found(f"Rekening {iban} van de stichting", "iban") != []) is valid


@pytest.mark.parametrize(
    "phone",
    [
        "06-12345678",
        "06 1234 5678",
        "0612345678",
        "+31 6 12345678",
        "+31 (0)6 1234 5678",
        "0031 6 12345678",
        "020 - 123 45 67",
        "(010) 1234567",
        "010-4129876",
        "+31 (0)20 123 4567",
        "088-1234567",
    ],
)
def test_phone_formats(phone):
    assert found(f"Bel {phone} voor meer informatie.", "phone") == [(phone, "phone")]


@pytest.mark.parametrize(
    "general", ["14 020", "14020", "0800-1234", "0900-8844", "0800 0432", "112"]
)
def test_general_numbers_stay_readable(general):
    assert found(f"Bel {general} voor meer informatie.", "phone") == []


def test_organisation_main_number_configurable():
    assert found("Bel 088-9645051.", "phone") == [("088-9645051", "phone")]
    assert found("Bel 088-9645051.", "phone", public_numbers=("088-9645051",)) == []


@pytest.mark.parametrize(
    "plate",
    [
        "XX-99-99".replace("X", "K"),
        "12-KT-45",
        "45-TGK-7",
        "8-KTF-24",
        "GF-472-K",
        "K-123-TF",
        "VZ-123-X",
    ],
)
def test_licence_plates(plate):
    assert found(f"Kenteken {plate} stond er.", "licence_plate") == [(plate, "licence_plate")]


def test_not_a_plate():
    assert found("Op 12-03-24 besloten", "licence_plate") == []


def test_emails_personal_vs_functional():
    text = "Mail p.dekker@gemeente.nl of info@gemeente.nl of woo@rijk.nl of secretariaat@x.nl"
    assert found(text, "email") == [("p.dekker@gemeente.nl", "email")]


def test_addresses_postcodes_and_postbus():
    text = "Woont aan de Burgemeester de Withstraat 12b, 3511 AB Utrecht. Post naar Postbus 16375, 2500 BJ Den Haag."
    cats = found(text)
    assert ("Burgemeester de Withstraat 12b", "address") in cats
    assert ("3511 AB Utrecht", "postcode") in cats
    assert all("2500 BJ" not in t for t, _ in cats)


def test_birth_date_only_by_context():
    assert found("geboren op 12-03-1985", "date_of_birth") == [("12-03-1985", "date_of_birth")]
    assert found("Geboortedatum: 1 januari 1960", "date_of_birth") == [
        ("1 januari 1960", "date_of_birth")
    ]
    assert found("vergadering op 12-03-1985", "date_of_birth") == []


def test_profiles_and_handles():
    cats = found("Zie linkedin.com/in/jan-jansen-123 en op Twitter: @jjansen_nl")
    assert ("linkedin.com/in/jan-jansen-123", "url") in cats
    assert ("@jjansen_nl", "url") in cats


def test_technical_identifiers_with_configured_ground():
    text = r"Server srv-app-01 (10.0.12.5), host db1.politie.intern, share \\fs01\afdeling\woo en H:\Woo\2024, ticket INC0012345."
    suggestions = detect_text(text, DetectionConfig(regime="wob", technical_ground="10.2.g"))
    got = {(s.text, s.category, s.ground) for s in suggestions}
    assert ("srv-app-01", "hostname", "10.2.g") in got
    assert ("10.0.12.5", "ip_address", "10.2.g") in got
    assert ("db1.politie.intern", "hostname", "10.2.g") in got
    assert (r"\\fs01\afdeling\woo", "share_path", "10.2.g") in got
    assert ("INC0012345", "system_code", "10.2.g") in got
    woo = detect_text("IP 10.0.12.5", DetectionConfig(regime="woo"))
    assert woo[0].ground == "5.1.2i"


def test_readable_references_are_never_suggested():
    text = (
        "Op grond van artikel 5.1, tweede lid, aanhef en onder e, van de Woo en art. 10 lid 2 sub e Wob; "
        "gronden 5.1.2e; 5.1.2i; 10.2.g. Kenmerk 2021-0003446, zaak Z/21/123456, ECLI:NL:RVS:2022:1234. "
        "Versie 1.2.3.4 van de software."
    )
    assert detect_text(text, DetectionConfig()) == []


@pytest.mark.parametrize("tail", [",", ".", ";", ")", " "])
def test_bsn_followed_by_punctuation(tail):
    assert found(f"BSN 111222333{tail} telefoon", "bsn") == [("111222333", "bsn")]


def test_bsn_like_decimal_not_suggested():
    assert found("bedrag 111222333,50 euro", "bsn") == []


def test_street_names_from_the_street_list():
    got = found("Hij woont op Lange Voorhout 9 en werkt op Rokin 112-3.", "address")
    assert got == [("Lange Voorhout 9", "address"), ("Rokin 112-3", "address")]
    assert found("Zie punt 3, Groep 7, kamer 12 en Hoofdstuk 4.", "address") == []
    assert found("Het Museumplein 6", "address") == [("Museumplein 6", "address")]


def test_letterhead_block_with_postbus_stays_readable():
    letterhead = (
        "Ministerie van JenV\nTurfmarkt 147\n2511 DP Den Haag\nPostbus 20301\n2500 EH Den Haag\n\n"
    )
    private = "Mevrouw A. Jansen\nLindelaan 88\n9712 GH Groningen\n"
    got = found(letterhead + private)
    assert ("Lindelaan 88", "address") in got and ("9712 GH Groningen", "postcode") in got
    assert all("Turfmarkt" not in t and "2511" not in t for t, _ in got)


def test_organisation_account_and_iban_digits_are_not_phones():
    text = (
        "aanbetaling op rekening NL69 INGB 0123 4567 89 van de gemeente; privé NL20INGB0001234567"
    )
    assert found(text) == [("NL20INGB0001234567", "iban")]


def test_kenmerk_split_over_lines_is_not_a_phone():
    assert found("Ons kenmerk\n2021-0088197\n8724\n", "phone") == []


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ("Bericht op X van @stadhavenbewoner: weer niets.", "@stadhavenbewoner"),
        ("Instagram: @ruben.vo_.", "@ruben.vo_"),
        ("zijn account @kees_1980 is openbaar", "@kees_1980"),
        ("mail kees@example.nl over @vergadering", None),
    ],
)
def test_handles_in_context(text, handle):
    got = [t for t, c in found(text, "url") if t.startswith("@")]
    assert got == ([handle] if handle else [])


def test_account_names_in_logs_are_technical():
    text = "2024-02-01 gebruiker a.vandenbroek  ip 10.12.0.88; user: jdevries01; de gebruiker heeft"
    got = detect_text(text, DetectionConfig(regime="wob"))
    assert [(s.text, s.category, s.ground) for s in got] == [
        ("a.vandenbroek", "system_code", "10.2.g"),
        ("10.12.0.88", "ip_address", "10.2.g"),
        ("jdevries01", "system_code", "10.2.g"),
    ]


@pytest.mark.parametrize(
    ("block", "street"),
    [
        ("Weverij 7 bis\n3341 KD Ridderkerk", "Weverij 7 bis"),
        ("Lindeboom 44 - II\n1017 RT Amsterdam", "Lindeboom 44 - II"),
        ("Achter de Hoven 23 A\n9101 NB Dokkum", "Achter de Hoven 23 A"),
        # two-column letterhead: the right column follows the street after a wide gap
        ("Weverij 7            Kenmerk 2025-004812\n3341 KD Ridderkerk", "Weverij 7"),
    ],
)
def test_address_block_street_with_house_number_addition(block, street):
    assert (street, "address") in found(block, "address")


@pytest.mark.parametrize(
    ("line", "postcode"),
    [
        ("1017 RT  ZUIDERHAMME\n", "1017 RT  ZUIDERHAMME"),
        ("1017 RT ZUIDERHAMME       Datum 3 mei 2025\n", "1017 RT ZUIDERHAMME"),
    ],
)
def test_capitalised_town_after_postcode_is_part_of_it(line, postcode):
    assert (postcode, "postcode") in found("Weverij 7\n" + line, "postcode")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Werkplek: WPL-BGZ-0932", "WPL-BGZ-0932"),
        ("Asset tag: NB-204871", "NB-204871"),
        ("onder ticketnummer TCK-558120 gemeld", "TCK-558120"),
        ("CI-nummer     CI00048213", "CI00048213"),
        ("Het serviceaccount svc_zaakexport exporteerde", "svc_zaakexport"),
        ("Accountnaam   adm-pkooistra\nIngangsdatum  1 april 2025", "adm-pkooistra"),
    ],
)
def test_labelled_system_codes_and_service_accounts(text, code):
    assert (code, "system_code") in found(text, "system_code")


def test_case_numbers_beside_system_codes_stay_readable():
    text = "Zaaknummer: Z-2025-00417\nTicket: Z-2025-00418\nIngangsdatum  1 april 2025\n"
    assert found(text + "Accountnaam   adm-pkooistra\n", "system_code") == [
        ("adm-pkooistra", "system_code")
    ]


def test_system_code_label_with_words_before_the_colon():
    assert ("TCK-771204", "system_code") in found("Ticket bij de leverancier: TCK-771204\n")
