"""The places stage in the full pipeline, on short wire-style sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from sitroom.model import Place

pytestmark = pytest.mark.model


def _places(nlp: Any, text: str) -> dict[str, Place]:
    return {place.name: place for place in nlp(text)._.sitroom_places}


def test_province_tagged_as_org_becomes_a_place(nlp: Any) -> None:
    places = _places(
        nlp,
        "Resistance commanders said on Sunday that their fighters still held the high ground "
        "in Panjshir, while Taliban units pushed toward the provincial capital.",
    )
    panjshir = places["Panjshir"]
    assert (panjshir.kind, panjshir.country, panjshir.precision) == ("admin1", "AF", 3)
    assert panjshir.lat == pytest.approx(35.4, abs=0.5)
    assert panjshir.lon == pytest.approx(69.7, abs=0.5)
    assert "Taliban" not in places


def test_air_base_and_its_country(nlp: Any) -> None:
    places = _places(
        nlp,
        "The defence ministers will gather at Ramstein air base in Germany on Thursday to "
        "coordinate arms deliveries.",
    )
    base = places["Ramstein Air Base"]
    assert (base.kind, base.country, base.precision) == ("facility", "DE", 1)
    assert base.lat == pytest.approx(49.44, abs=0.05)
    assert places["Germany"].kind == "country"


def test_geneva_is_in_switzerland(nlp: Any) -> None:
    places = _places(
        nlp, "Donor governments are due to meet in Geneva next month to pledge money for relief."
    )
    geneva = places["Geneva"]
    assert (geneva.country, geneva.kind, geneva.precision) == ("CH", "city", 1)
    assert geneva.lat == pytest.approx(46.2, abs=0.1)


def test_people_and_organisations_are_not_places(nlp: Any) -> None:
    text = (
        "Secretary of State Antony Blinken arrived on Monday. Blinken told reporters the talks "
        "in Doha had been useful. A Reuters correspondent saw Taliban checkpoints on the road "
        "from Kabul to Jalalabad."
    )
    places = _places(nlp, text)
    assert {"Blinken", "Reuters", "Taliban"}.isdisjoint(places)
    assert places["Doha"].country == "QA"
    assert {places["Kabul"].country, places["Jalālābād"].country} == {"AF"}


def test_transliterated_names_and_regions(nlp: Any) -> None:
    places = _places(
        nlp, "Fighting was reported near Kharkov and in the Zaporizhzhia region, officials said."
    )
    assert (places["Kharkiv"].country, places["Kharkiv"].precision) == ("UA", 2)  # "near"
    region = places["Zaporizhzhia Oblast"]
    assert (region.kind, region.country, region.precision) == ("admin1", "UA", 3)


def test_clubs_named_after_cities_stay_organisations(nlp: Any) -> None:
    doc = nlp("Napoli beat Cagliari 2-0 on Sunday to stay top of Serie A.")
    assert "Cagliari" in {e.text for e in doc.ents if e.label_ == "ORG"}
    texts = {doc.text[s:e] for place in doc._.sitroom_places for s, e in place.mentions}
    assert "Cagliari" not in texts  # an ORG named like a city, with no locative cue


def test_state_abbreviation_and_later_mentions(nlp: Any) -> None:
    text = (
        "A fire destroyed a warehouse in Paris, Tenn., on Monday. Paris firefighters said the "
        "blaze started in the loading bay."
    )
    places = _places(nlp, text)
    paris = places["Paris"]
    assert (paris.country, paris.admin1) == ("US", "Tennessee")
    assert len(paris.mentions) == 2
    assert places["Tennessee"].kind == "admin1"


def test_metonyms_stay_places_but_are_listed(nlp: Any) -> None:
    from sitroom.geo.metonyms import metonym_spans

    doc = nlp("Washington condemned the strike in Kabul on Tuesday.")
    spans = {doc.text[s:e] for s, e in metonym_spans(doc)}
    assert spans == {"Washington"}
    assert {p.name for p in doc._.sitroom_places} >= {"Washington", "Kabul"}
