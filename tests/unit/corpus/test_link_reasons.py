"""Link reasons are records; their text (stored, shown by the CLI, the API and reports) is
rendered from the record and reads exactly as it always has."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sitroom.corpus import DateLink, LinkReason, PlaceLink, PlaceRef, default_rules, same_happening
from sitroom.corpus.links import place_relation
from unit.corpus.test_merge_rules import COUNTRY, FAR_TOWN, NEAR_TOWN, PROVINCE, TOWN, mention

MAY_3 = (dt.date(2025, 5, 3), dt.date(2025, 5, 3))


def test_a_link_reason_is_a_record_of_its_parts() -> None:
    reason = same_happening(mention("a"), mention("b", type="ASSAULT"))
    assert reason == LinkReason(
        types=("FIGHT", "ASSAULT"),
        same_article=False,
        place=PlaceLink("same_entry", "same", "Tawila", geonames_id=101),
        dates=DateLink("overlap", MAY_3, MAY_3),
        actor="free hills front",
    )
    assert reason.render() == (
        "type FIGHT~ASSAULT; same place Tawila (GeoNames 101); "
        "dates overlap (2025-05-03..2025-05-03 / 2025-05-03..2025-05-03); actor free hills front"
    )


def test_every_place_relation_renders_as_before() -> None:
    rules = default_rules()
    unnamed = dataclasses.replace(NEAR_TOWN, geonames_id=None, name="tawila ")
    texts = {
        "same name": place_relation(dataclasses.replace(TOWN, geonames_id=None), unnamed, rules),
        "within": place_relation(PROVINCE, TOWN, rules),
        "near": place_relation(TOWN, NEAR_TOWN, rules),
        "in country": place_relation(TOWN, COUNTRY, rules),
    }
    assert {k: v.render() if v else None for k, v in texts.items()} == {
        "same name": "same place Tawila",
        "within": "Tawila lies in North Darfur",
        "near": "Tawila and Tawila camp are 8 km apart",
        "in country": "Tawila lies in Sudan",
    }
    assert place_relation(TOWN, FAR_TOWN, rules) is None
    assert PlaceLink("unknown", "missing").render() == "place known on at most one side"


def test_same_article_and_undated_links_render_as_before() -> None:
    first = mention("a", place=None, actor1_keys=frozenset(), date_start=None, date_end=None)
    again = dataclasses.replace(first, event_id="v2")
    reason = same_happening(first, again)
    assert reason is not None and reason.same_article and reason.dates.match == "publication"
    assert reason.render() == (
        "type FIGHT; same article; place known on at most one side; "
        "dates compatible with publication"
    )
    unpublished = dataclasses.replace(first, published=None)
    other = dataclasses.replace(unpublished, event_id="v2")
    unknown = same_happening(unpublished, other)
    assert unknown is not None and unknown.dates == DateLink("unknown")
    assert unknown.render().endswith("; date unknown")


def test_the_near_distance_uses_the_one_haversine() -> None:
    a = PlaceRef("A", "city", "SD", None, 0.0, 0.0, 1, None)
    b = dataclasses.replace(a, name="B", lon=0.2)  # 22.24 km on the IUGG mean radius
    link = place_relation(a, b, default_rules())
    assert link is not None and link.km is not None
    assert round(link.km, 2) == 22.24
    assert link.render() == "A and B are 22 km apart"
