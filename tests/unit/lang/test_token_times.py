"""Searches that replace scans over the whole document: times by a range of tokens, and the
last place of a kind before a token. They must give what the scans gave, in the same order."""

from __future__ import annotations

import datetime as dt
import random

from builders import time_span
from sitroom.lang.docindex import DocIndex
from sitroom.lang.token_times import TimesByToken, TokenTime, times_starting_in

TEXT = "On Monday and on 3 May, and again in June, the council met."


def _times() -> list[TokenTime]:
    monday = time_span(TEXT, "Monday", dt.date(2023, 5, 1))
    may = time_span(TEXT, "3 May", dt.date(2023, 5, 3))
    june = time_span(TEXT, "June", dt.date(2023, 6, 1), dt.date(2023, 6, 30), "month")
    # Not in token order on purpose: callers see the order they gave.
    return [(9, 10, june), (1, 2, monday), (4, 6, may), (4, 5, monday)]


def test_a_range_gives_the_times_starting_in_it_in_the_order_given() -> None:
    times = _times()
    indexed = TimesByToken(times)
    assert list(indexed) == times and len(indexed) == 4 and indexed[0] == times[0]
    assert indexed.starting_in(0, 5) == [times[1], times[2], times[3]]
    assert indexed.starting_in(4, 5) == [times[2], times[3]]
    assert indexed.starting_in(5, 9) == []
    assert indexed.starting_in(9, 100) == [times[0]]
    assert indexed.starting_in(7, 3) == []


def test_the_search_agrees_with_a_scan_on_any_range() -> None:
    rng = random.Random(7)
    day = time_span(TEXT, "Monday", dt.date(2023, 5, 1))
    times = [(rng.randrange(200), 0, day) for _ in range(300)]
    indexed = TimesByToken(times)
    for _ in range(500):
        lo, hi = sorted((rng.randrange(210), rng.randrange(210)))
        scanned = [item for item in times if lo <= item[0] < hi]
        assert indexed.starting_in(lo, hi) == scanned
        assert times_starting_in(indexed, lo, hi) == times_starting_in(times, lo, hi) == scanned


def _index(place_at: dict[int, str], kinds: dict[str, str], metonyms: set[int]) -> DocIndex:
    return DocIndex(
        entity_at={},
        entity_label={},
        entity_name={},
        entity_type={},
        place_at=place_at,
        place_kind=kinds,
        times=[],
        published=None,
        metonym_at=frozenset(metonyms),
    )


def test_the_last_place_of_a_kind_before_a_token() -> None:
    kinds = {"p1": "admin1", "p2": "city", "p3": "admin1", "p4": "country"}
    # p3 at token 30 acts as an agent there ("Eastmark said"): no location.
    index = _index({3: "p1", 4: "p1", 12: "p2", 20: "p3", 30: "p3", 41: "p4"}, kinds, {30})
    assert index.last_location_before(25, {"admin1"}) == "p3"
    assert index.last_location_before(20, {"admin1"}) == "p1"
    assert index.last_location_before(35, {"admin1"}) == "p3"  # token 20, not the agent
    assert index.last_location_before(25, {"admin1", "city"}) == "p3"
    assert index.last_location_before(15, {"admin1", "city"}) == "p2"
    assert index.last_location_before(3, {"admin1"}) is None
    assert index.last_location_before(50, {"region"}) is None


def test_the_search_for_a_place_agrees_with_a_walk_back() -> None:
    rng = random.Random(11)
    kinds = {f"p{n}": rng.choice(("city", "admin1", "country")) for n in range(20)}
    place_at = {i: f"p{rng.randrange(20)}" for i in rng.sample(range(400), 120)}
    index = _index(place_at, kinds, set(rng.sample(sorted(place_at), 10)))

    def walk_back(i: int, wanted: set[str]) -> str | None:
        for j in range(i - 1, -1, -1):
            found = index.location_at(j)
            if found is not None and index.place_kind.get(found) in wanted:
                return found
        return None

    for i in range(0, 410, 3):
        for wanted in ({"city"}, {"admin1", "country"}, {"district"}):
            assert index.last_location_before(i, wanted) == walk_back(i, wanted)


def test_the_index_equals_the_list_it_holds() -> None:
    times = _times()
    assert TimesByToken(times) == times
    assert TimesByToken(times) == TimesByToken(times)
    assert TimesByToken(times) != times[:2]
