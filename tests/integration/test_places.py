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
