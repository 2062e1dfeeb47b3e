"""A name read only where the article is: one name that says its country beyond doubt is
evidence enough, a reading by a mere spelling variant needs evidence, a county-style province
name reads as its seat there, and a place named for a group ("the X cartel") is no place.
Hand-made mentions and sentences (real country codes: reach is GeoNames' continents)."""

from __future__ import annotations

from typing import Any

from sitroom.geo.candidate import Candidate
from sitroom.geo.name_cues import cued, names_where
from sitroom.geo.resolve import Mention, resolve
from sitroom.model import Span
from unit.geo.geo_helpers import cand

SENTENCE: Span = (0, 200)
# Towns in Portugal and in Ecuador: far from Mali and from Yemen.
PORTUGUESE_TOWN = cand("Soura", "city", "PT", 9_000)
ECUADORIAN_TOWN = cand("Tabla", "city", "EC", 9_000)
MALIAN_REGION = cand("Kolo Region", "admin1", "ML")
YEMEN = cand("Yemen", "country", "YE", 28_000_000)
# Reached only through the transliteration-tolerant key.
TANZANIAN_VARIANT = cand("Masasi", "city", "TZ", 89_000, match="fuzzy")
TANZANIA = cand("Tanzania", "country", "TZ", 60_000_000)


def _m(text: str, start: int, *candidates: Candidate, **context: Any) -> Mention:
    return Mention(
        text=text,
        span=(start, start + len(text)),
        candidates=candidates,
        sentence=SENTENCE,
        **context,
    )


def _countries(mentions: list[Mention]) -> list[str | None]:
    return [p.country for p in resolve(mentions)]


def test_a_province_named_as_such_keeps_a_town_abroad_out() -> None:
    # "raided Soura in the Kolo region": the cued province says Mali on its own
    town = _m("Soura", 0, PORTUGUESE_TOWN)
    region = _m("Kolo region", 20, MALIAN_REGION, cue="admin")
    assert _countries([town, region]) == ["ML"]


def test_a_bare_area_name_alone_is_no_judgement() -> None:
    # one uncued area name may itself be misread: the town abroad still stands
    town = _m("Soura", 0, PORTUGUESE_TOWN)
    region = _m("Kolo", 20, MALIAN_REGION)
    assert sorted(map(str, _countries([town, region]))) == ["ML", "PT"]


def test_a_country_named_as_where_keeps_a_town_abroad_out() -> None:
    # "clashes in Yemen spread to Tabla"
    country = _m("Yemen", 0, YEMEN, within=True)
    town = _m("Tabla", 30, ECUADORIAN_TOWN)
    assert _countries([country, town]) == ["YE"]


def test_a_country_named_as_who_acts_is_no_judgement_alone() -> None:
    # "Yemen said its forces shelled Tabla": the one country may be the actor, not the place
    country = _m("Yemen", 0, YEMEN)
    town = _m("Tabla", 30, ECUADORIAN_TOWN)
    assert sorted(map(str, _countries([country, town]))) == ["EC", "YE"]


def test_a_spelling_variant_with_no_evidence_stays_unlocated() -> None:
    # "Masisi" spells like towns of Tanzania and of Mozambique
    mozambican = cand("Maxixe", "city", "MZ", 120_000, match="fuzzy")
    assert _countries([_m("Masisi", 0, TANZANIAN_VARIANT, mozambican)]) == []


def test_a_large_variant_with_no_evidence_stays_unlocated_too() -> None:
    big = cand("Masasi", "city", "TZ", 400_000, match="fuzzy")
    small = cand("Maxixe", "city", "MZ", 20_000, match="fuzzy")
    assert _countries([_m("Masisi", 0, big, small)]) == []


def test_the_one_country_of_every_variant_needs_no_evidence() -> None:
    other = cand("Misasi", "city", "TZ", 14_000, match="fuzzy")
    assert _countries([_m("Masisi", 0, TANZANIAN_VARIANT, other)]) == ["TZ"]


def test_a_spelling_variant_in_the_named_country_is_read() -> None:
    assert _countries([_m("Tanzania", 0, TANZANIA), _m("Masisi", 20, TANZANIAN_VARIANT)]) == [
        "TZ",
        "TZ",
    ]


def test_a_county_of_a_county_country_is_its_seat_there() -> None:
    kenyan = cand("Lamu", "city", "KE", 25_000)
    american = cand("Lamu", "city", "US", 40_000)
    assert cued([kenyan, american], "county", "Lamu", "county") == [kenyan]
    # a borough is no first-level county: no town of the name stands in
    assert cued([kenyan, american], "county", "Lamu", "borough") == []


def test_a_county_elsewhere_is_still_a_county_area() -> None:
    county = cand("Lamu County", "admin2", "US")
    town = cand("Lamu", "city", "US", 40_000)
    assert cued([county, town], "county", "Lamu", "county") == [county]


def test_within_words_put_the_story_in_a_country(nlp: Any) -> None:
    doc = nlp("Fighting raged across northern Mali and in Chad, but Niger said little.")
    at = {t.text: t.i for t in doc}
    assert all(names_where(doc, at[n], at[n] + 1) for n in ("Mali", "Chad"))
    assert not names_where(doc, at["Niger"], at["Niger"] + 1)


def test_the_owner_of_a_part_of_it_is_where_the_story_is(nlp: Any) -> None:
    doc = nlp("Floods hit Chad's eastern provinces, and Niger's government sent aid.")
    at = {t.text: t.i for t in doc}
    assert names_where(doc, at["Chad"], at["Chad"] + 1)
    assert not names_where(doc, at["Niger"], at["Niger"] + 1)


def _places(nlp: Any, text: str) -> list[tuple[str, str | None]]:
    return [(p.name, p.country) for p in nlp(text)._.sitroom_places]


def test_a_place_naming_a_cartel_is_no_place(nlp: Any) -> None:
    found = _places(nlp, "Soldiers detained three members of the Gulf cartel in Reynosa.")
    assert all("Gulf" not in name for name, _ in found)
    assert ("Reynosa", "MX") in found


def test_a_capitalised_group_name_is_no_place_either(nlp: Any) -> None:
    found = _places(nlp, "Leaders of the Sinaloa Cartel met in Culiacan.")
    assert [country for _, country in found] == ["MX"]
    assert all("Sinaloa" not in name for name, _ in found)


def test_the_same_name_for_a_place_is_still_a_place(nlp: Any) -> None:
    found = _places(nlp, "Gunmen killed four people in Sinaloa on Monday.")
    assert ("Sinaloa", "MX") in found


def test_a_kenyan_county_reads_as_its_seat(nlp: Any) -> None:
    doc = nlp("Attackers burned houses in Lamu county on Friday night.")
    (lamu,) = [p for p in doc._.sitroom_places if p.name == "Lamu"]
    assert (lamu.country, lamu.precision) == ("KE", 3)


def test_a_seat_standing_in_for_a_province_must_lie_in_the_named_country() -> None:
    # "a hideout in the Bara province of Burkina Faso": Bara, Senegal is no stand-in
    country = _m("Burkina Faso", 0, cand("Burkina Faso", "country", "BF", 20_000_000))
    seat = _m("Bara province", 30, cand("Bara", "city", "SN", 5_000), cue="admin")
    assert _countries([country, seat]) == ["BF"]


def test_a_seat_standing_in_for_a_province_with_no_evidence_is_read() -> None:
    seat = _m("Bara province", 0, cand("Bara", "city", "SN", 5_000), cue="admin")
    assert _countries([seat]) == ["SN"]
