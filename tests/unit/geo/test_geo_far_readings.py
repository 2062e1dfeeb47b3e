"""Readings far from the article's evidence, common nouns for places, and "X-based" seats: the
real gazetteer, and the real model where a sentence is parsed."""

from __future__ import annotations

from typing import Any

import sitroom.nlp.extensions  # noqa: F401  (registers doc._.sitroom_places)
from sitroom.geo.far_readings import (
    elsewhere_on_its_continent,
    far,
    stray,
    well_known,
    within_reach,
)
from sitroom.geo.gazetteer import Gazetteer
from sitroom.geo.metonyms import metonym_spans
from sitroom.ingest.text import make_document
from sitroom.service import Extractor


def _places(nlp: Any, text: str) -> list[tuple[str, str | None]]:
    return [(p.name, p.country) for p in nlp(text)._.sitroom_places]


def test_reach_is_the_same_continent_or_a_neighbour() -> None:
    assert within_reach("HR", {"SI"})  # neighbours
    assert within_reach("HR", {"FR"})  # one continent
    assert within_reach("TR", {"SY", "IQ"})
    assert not within_reach("HR", {"MM", "TH"})
    assert not within_reach("SN", {"YE"})
    assert within_reach("XA", {"MM"})  # unknown to GeoNames: nothing known against it


def test_a_small_town_on_another_continent_is_far(gazetteer: Gazetteer) -> None:
    croatian = next(c for c in gazetteer.lookup("Velika") if c.country == "HR")
    assert not well_known(croatian)
    assert far(croatian, {"MM"})
    assert not far(croatian, {"MM", "RS"})  # Serbia borders Croatia
    assert not far(croatian, set())  # no evidence, no judgement
    capital = next(c for c in gazetteer.lookup("Paris") if c.country == "FR")
    assert well_known(capital) and not far(capital, {"US"})
    # read by a name that is not its own, a well-known city abroad is as far as a village
    assert far(capital, {"US"}, alias=True)


def test_a_small_namesake_next_door_is_a_stray(gazetteer: Gazetteer) -> None:
    tiny = next(c for c in gazetteer.lookup("Zmajevac") if c.country == "HR")
    big = next(c for c in gazetteer.lookup("Zagreb") if c.country == "HR")
    assert tiny.population < 1000 and stray(tiny, "RS", set())
    assert not stray(big, "RS", set())
    assert not stray(tiny, "HR", set())
    assert not stray(tiny, "RS", {"HR"})


def test_a_place_called_a_village_is_no_namesake_city_abroad(gazetteer: Gazetteer) -> None:
    big = next(c for c in gazetteer.lookup("Zagreb") if c.country == "HR")
    assert not stray(big, "RS", set())
    assert stray(big, "RS", set(), small=True)  # "the village of Zagreb" in a Serbian report
    assert not stray(big, "HR", set(), small=True)
    assert not stray(big, None, set(), small=True)  # no evidence, no judgement


def test_the_village_of_a_myanmar_report_is_not_a_japanese_city(nlp: Any) -> None:
    text = "Troops shelled Sagaing and Mandalay, then burned the village of Kani, residents said."
    places = _places(nlp, text)
    assert not any(country == "JP" for _, country in places)
    assert {("Sagaing", "MM"), ("Mandalay", "MM")} <= set(places)
    # Called a city, the same name may still be the Japanese one (no rule against a city).
    assert ("Kani", "JP") in _places(nlp, "Police in Nagoya and Gifu said a man was shot in Kani.")


def test_a_name_before_a_hospital_is_no_namesake_town_abroad(nlp: Any) -> None:
    # "Al-Thawra" is an alternate name of a Syrian town; here it names a hospital in Yemen.
    text = (
        "Houthi shells hit homes in Taiz on Saturday. Most of the wounded were children, said a "
        "doctor at the Al-Thawra hospital."
    )
    places = _places(nlp, text)
    assert not any(country == "SY" for _, country in places)
    assert ("Taiz", "YE") in places
    # A town of the article's own country before a hospital stays the town.
    text = "Gunmen attacked Kabul and Herat on Monday. The wounded went to the Kandahar hospital."
    assert ("Kandahār", "AF") in _places(nlp, text)


def test_a_township_of_a_myanmar_report_is_not_placed_in_croatia(nlp: Any) -> None:
    text = "Fighting spread from Sagaing and Mandalay to Velika township, residents in Yangon said."
    places = _places(nlp, text)
    assert ("Velika", "HR") not in places
    assert {("Sagaing", "MM"), ("Mandalay", "MM"), ("Yangon", "MM")} <= set(places)


def test_the_same_name_in_a_croatian_report_is_the_croatian_town(nlp: Any) -> None:
    places = _places(nlp, "Police in Zagreb and Split said a man was shot in Velika.")
    assert ("Velika", "HR") in places


def test_common_nouns_for_places_are_not_towns(nlp: Any) -> None:
    places = _places(nlp, "Fighters advanced across the Valley as the Capital was shelled.")
    assert all(name not in {"Valley", "Capital"} for name, _ in places)
    assert _places(nlp, "Gunmen stormed the Valley hotel on Sunday.") == []
    assert ("Valley", "US") in _places(nlp, "Valley is a small town in Nebraska.")


def test_a_place_in_x_based_is_a_seat_not_the_event_place(nlp: Any) -> None:
    text = (
        "The London-based Syrian Observatory for Human Rights said fighting continued in the "
        "north. Airstrikes killed 12 civilians on Monday, the London-based monitor said."
    )
    doc = nlp(text)
    london = [p for p in doc._.sitroom_places if p.name == "London"]
    assert london and set(map(tuple, london[0].mentions)) <= metonym_spans(doc)
    extraction = Extractor(nlp=nlp).extract(make_document(text))
    assert extraction.events
    placed = {p.id: p.name for p in extraction.places}
    assert all(placed.get(e.place or "") != "London" for e in extraction.events)


def test_a_province_the_gazetteer_lacks_is_its_seat_town_at_province_precision(nlp: Any) -> None:
    for text in (
        "Two teachers were shot dead in Yala province on Monday.",
        "A bomb exploded in Narathiwat province, police said.",
    ):
        places = nlp(text)._.sitroom_places
        assert [(p.country, p.precision) for p in places] == [("TH", 3)], text


def test_the_object_of_a_verb_of_place_may_be_a_town_the_ner_calls_an_org(nlp: Any) -> None:
    assert _places(nlp, "Government troops recaptured Kakata on Tuesday.") == [("Kakata", "LR")]
    assert _places(nlp, "Kakata announced record profits on Tuesday.") == []


def test_a_name_with_another_arabic_article_meets_the_gazetteer_one(gazetteer: Gazetteer) -> None:
    # GeoNames writes the Iraqi town "Ad Dawr"; reports write "Al-Dawr" or "al Dawr".
    for name in ("Al-Dawr", "al Dawr"):
        found = gazetteer.lookup(name)
        assert [(c.name, c.country, c.match) for c in found] == [("Ad Dawr", "IQ", "exact")]


def test_evidence_elsewhere_on_a_continent_points_away_from_a_country() -> None:
    assert elsewhere_on_its_continent("ZA", {"NG"})  # one continent, another country
    assert elsewhere_on_its_continent("TZ", {"CD"})  # even a neighbour
    assert elsewhere_on_its_continent("VE", {"CD"}, {"CD"})  # the document's: elsewhere
    assert not elsewhere_on_its_continent("IQ", {"US"})  # a sentence's far country alone
    assert not elsewhere_on_its_continent("CD", {"CD", "US"})
    assert not elsewhere_on_its_continent("IQ", set())  # no evidence, no judgement


def test_a_spelling_variant_in_another_country_is_no_reading_of_a_village(nlp: Any) -> None:
    # "Kuriga" is near Kariega (South Africa) only by a spelling key; the sentence says Nigeria.
    text = "Gunmen abducted 80 pupils from a school in Kuriga, Kaduna state, on Thursday."
    assert all(country == "NG" for _, country in _places(nlp, text))


def test_spelling_variants_are_no_evidence_for_a_country(nlp: Any) -> None:
    # "Masisi" read as Masasi (Tanzania) only by a spelling key must not make a Mozambican
    # namesake of "Rubaya" look near: the report is about eastern Congo.
    text = (
        "Rebels captured Rubaya in Masisi territory on Tuesday, residents said. "
        "The fighting in North Kivu province has displaced thousands near Goma."
    )
    assert all(country in {"CD", None} for _, country in _places(nlp, text))


def test_a_variant_spelling_abroad_is_no_reading_of_a_town_said_to_lie_in_a_country(
    nlp: Any,
) -> None:
    doc = nlp("M23 rebels captured the town of Rubaya in eastern Congo on Tuesday.")
    assert all(p.country == "CD" for p in doc._.sitroom_places)
