"""The side of a claim across articles: spelling variants and a country's body named by the
country or its demonym are one side. Names written here."""

from __future__ import annotations

from sitroom.corpus.claims import SidedClaim, contradicts, side_name
from sitroom.lang.sides import side_key
from sitroom.model import Proposition


def test_spelling_variants_and_demonyms_of_an_armed_force_are_one_side() -> None:
    assert side_key("Chilean Defence Forces") == side_key("Chile Defense Forces")
    assert side_key("the Kenyan army") == side_key("Kenya Armed Forces") == side_key("Kenyan")
    assert side_key("Ukrainian military") == side_key("Ukraine")


def test_a_country_named_by_its_own_name_is_its_side() -> None:
    # a name no demonym extends ("Somali" is no stem of "Somalia" past its own length)
    assert side_key("Somalia") == side_key("Somali army") == "country:SO"
    assert side_key("Mozambique defence ministry") == side_key("Mozambican army")
    # a person who shares a country's name keeps his own
    assert side_key("Michael Jordan") == "michael jordan"


def test_other_names_stay_apart() -> None:
    assert side_key("Chilean Defence Forces") != side_key("Peruvian army")
    # a named group is no country's body, whatever words its name shares with one
    assert side_key("Rapid Support Forces") == "rapid support forces"
    assert side_key("Ministry of Defence") == "ministry of defense"


def test_one_side_under_two_spellings_contradicts_nobody() -> None:
    said = Proposition(kind="statement", subject="troops", predicate="cross river", text="x")
    a = SidedClaim("d1", "c1", "assert", "Kenyan army", said)
    b = SidedClaim("d2", "c1", "deny", "Kenya Defence Forces", said)
    c = SidedClaim("d3", "c1", "deny", "Ugandan army", said)
    assert not contradicts(a, b)
    assert contradicts(a, c)


def test_a_body_noun_alone_takes_the_country_of_the_claimants_words() -> None:
    assert side_name("Army", "Sudanese army spokesman Sawarmi Saad") == "Sudanese Army"
    assert side_key(side_name("Army", "Sudanese army spokesman Sawarmi Saad") or "") == (
        side_key("Sudan")
    )
    # no country in the words, a place that is none, or a side that is no body noun alone
    assert side_name("Army", "an army spokesman") == "Army"
    assert side_name("Police", "Tulsa police spokesman Jim Clark") == "Police"
    assert side_name("Taliban", "Afghan Taliban") == "Taliban"
    assert side_name(None, "Sudanese army spokesman") is None
