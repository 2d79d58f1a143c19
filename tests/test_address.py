"""Postal addresses and postcodes: what must be found (the whole address block as one span),
and the numbers in health posts that must be left alone (doses, years, lab values, counts)."""
from __future__ import annotations

import pytest

from deid.recognizers.address_block import scan_block
from deid.recognizers.city import CityRecognizer
from deid.recognizers.street_address import StreetAddressRecognizer
from deid.recognizers.zip_code import ZipCodeRecognizer
from tests.test_recognizers import found

STREET = StreetAddressRecognizer()
ZIP = ZipCodeRecognizer()
CITY = CityRecognizer()


@pytest.mark.parametrize(
    "text,expected",
    [
        # the block after a street: unit, town, country and postcode lines, one span
        ("Send it to 14 Elm Road\nSuite 210\nFairview\nUnited Kingdom 40211? Thanks", ["14 Elm Road\nSuite 210\nFairview\nUnited Kingdom 40211"]),
        ("I live at 88 Harbour Lane, Apt. 3, Dunmore, nan 40117 since May", ["88 Harbour Lane, Apt. 3, Dunmore, nan 40117"]),
        ("ship to 77 Calle Mayor 12\nVillaverde\n, nan\n 28021 please", ["77 Calle Mayor 12\nVillaverde\n, nan\n 28021"]),
        ("> 402 Birchwood Crescent\n> Unit 7\n> Ashby, ON K2P 1L4\n>\n> see you", ["402 Birchwood Crescent\n> Unit 7\n> Ashby, ON K2P 1L4"]),
        ("Her place: 56 Orchard Rd\nLakeside\nNew Zealand. Please call first", ["56 Orchard Rd\nLakeside\nNew Zealand"]),
        ("i live at 123 maple st, springfield il 62704 and love it", ["123 maple st, springfield il 62704"]),
        # street-name-then-number without a street word: kept only with a block after it
        ("3120 Mirandola 44\nSorrento, NA 80067", ["3120 Mirandola 44\nSorrento, NA 80067"]),
        ("Talvikki 41 Norrbacka\n Suite 12\n Kallio\n Finland 00530", ["Talvikki 41 Norrbacka\n Suite 12\n Kallio\n Finland 00530"]),
        ("Address:  9 Vinkelvej 3\nSuite 8\nHolt 7400", ["9 Vinkelvej 3\nSuite 8\nHolt 7400"]),
        ("Apt 5 1200 Lakeview Blvd, Denton", ["Apt 5 1200 Lakeview Blvd, Denton"]),
        ("meet me at Elm and 14 Main St", ["Elm and 14 Main St"]),
        ("the clinic on Birchwood Avenue is great", ["Birchwood Avenue"]),
        ("USS Ranger\nFPO AP 96601", ["USS Ranger\nFPO AP 96601"]),
        ("Atatürk Caddesi 25, Kadıköy 34710", ["Atatürk Caddesi 25, Kadıköy 34710"]),
        ("I live at 12 Main St\nMy doctor is nearby", ["12 Main St"]),
        ("I live at 12 Main St 10 minutes from the clinic", ["12 Main St"]),
        ("I live at 12 Main St none of it matters", ["12 Main St"]),
        ("I live at 12 Main St\nChapter 11\nBoston 2019", ["12 Main St"]),
        # numbers in health posts
        ("I took 2 Advil 200\nThen slept", []),
        ("BEEN ON CRESTOR 10 MG 3 MONTHS NOW, DOC MOVED ME TO 20 MG", []),
        ("my A1C was 7.2 in 2019\nBoston was cold", []),
        ("they moved me to room 101 on the third floor", []),
        ("PHQ 9 score 14\nGAD 7 score 12", []),
        ("in 2019 I had 3 surgeries", []),
        ("Stage 4 Melanoma 2019\nDiagnosed at 45", []),
        ("I weighed 250 pounds 2 years ago", []),
        ("Took Vitamin D 5000 IU\nFelt better", []),
        ("we walked down Memory Lane", []),
        ("My meds:\n10 Metformin 500\nLisinopril 10\nAtorvastatin 20", []),
        ("Labs today 3 Hemoglobin 12\nWBC 5400\nPlatelets 250", []),
        ("Week 2 Ozempic 0.5\nWeight 210\nA1C 6.1", []),
        ("Cycle 3 Taxol 80\nCarboplatin AUC 5\nNeulasta 6", []),
        ("Unit 4\nBoston 2019\nwas fun", []),
        ("my score was 12 \n14 Main St is the lab", ["14 Main St"]),
    ],
)
def test_street_address(text, expected):
    assert found(STREET, text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("moved to Utrecht 3512 JK last year", ["3512 JK"]),
        ("we are in Coimbra 3000-214 for now", ["3000-214"]),
        ("she is from Lund 223 50, Sweden", ["223 50"]),
        ("I'm in Toronto M5V 2T6.", ["M5V 2T6"]),
        ("a clinic near Castelnuovo di Porto 00060", ["00060"]),
        ("in Boston 2019 was rough", []),
        ("in Denver 10000 steps a day", []),
        ("on Vitamin D 5000 IU", []),
        ("they put me in Room 1021", []),
        ("in March 2020 I started", []),
        ("in Humira 4000 trial", []),
        ("my A1C was 6.8 in 2021", []),
        ("I walked 12000 steps", []),
    ],
)
def test_postcode(text, expected):
    assert found(ZIP, text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("a clinic near Castelnuovo di Porto 00060", ["Castelnuovo di Porto"]),
        ("moved to Kleinzell 3512 JK last year", ["Kleinzell"]),
        ("in Denver 10000 steps a day", ["Denver"]),  # a gazetteer city after a cue, as before
        ("in Wellbutrin 3000 trial", []),
        ("in Room 1021", []),
    ],
)
def test_place_before_postcode(text, expected):
    assert found(CITY, text) == expected


def test_block_stops_at_prose():
    text = "12 Main St\nThanks everyone\nSpringfield 62704"
    assert scan_block(text, len("12 Main St")).end == len("12 Main St")


def test_whole_block_is_one_placeholder(deidentifier):
    text = "Please send it to 14 Elm Road\nSuite 210\nFairview\nUnited Kingdom 40211. My insulin pump arrived."
    result = deidentifier.deidentify(text)
    assert result.text.count("<STREET_ADDRESS>") == 1
    for word in ("Elm", "210", "Fairview", "Kingdom", "40211"):
        assert word not in result.text
    assert "insulin pump" in result.text


@pytest.mark.parametrize(
    "text,expected",
    [
        # lower-case lines of a block count when a line with a postcode follows them
        ("12 r da madeira 1 suite 6\nfaro\n, fa\nportugal 8000-123", ["12 r da madeira 1 suite 6\nfaro\n, fa\nportugal 8000-123"]),
        ("88 Harbour Lane, Apt. 3\nst ives\nCornwall TR26 1AB", ["88 Harbour Lane, Apt. 3\nst ives\nCornwall TR26 1AB"]),
        # ... and not otherwise
        ("I live at 12 Main St\nok\nthanks all", ["12 Main St"]),
        ("12 Main St, Apt 4\nso tired today\nHbA1c 7.2", ["12 Main St, Apt 4"]),
        # a Greek place written with the math sign for Delta ("∆", normalised to the letter)
        ("119 Nino Point\n Apt. 658\n AΓIOΣ ΔOMETIOΣ\n Cyprus (Greek) 25572", ["119 Nino Point\n Apt. 658\n AΓIOΣ ΔOMETIOΣ\n Cyprus (Greek) 25572"]),
    ],
)
def test_block_lines(text, expected):
    assert found(STREET, text) == expected


def test_greek_address_block_is_redacted_whole(deidentifier):
    text = "It's at 119 Nino Point\n Apt. 658\n ΑΓΙΟΣ ∆ΟΜΕΤΙΟΣ\n Cyprus (Greek) 25572\nSee you there"
    result = deidentifier.deidentify(text)
    assert result.text.count("<STREET_ADDRESS>") == 1
    for word in ("Nino", "ΑΓΙΟΣ", "∆ΟΜΕΤΙΟΣ", "25572"):
        assert word not in result.text
    assert "See you there" in result.text
