"""Document context between names (focus, coherence, local readings) on hand-built mentions.

XA/XB are ISO 3166 user-assigned (fictional) codes; the names are made up.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from sitroom.geo.candidate import Candidate
from sitroom.geo.coherence import Anchor, coherence
from sitroom.geo.resolve import Mention, resolve
from unit.geo.geo_helpers import cand


def _m(text: str, start: int, *candidates: Candidate, **context: Any) -> Mention:
    sentence = context.pop("sentence", (0, 1000))
    return Mention(text, (start, start + len(text)), candidates, sentence, **context)


def _at(candidate: Candidate, lat: float, lon: float) -> Candidate:
    return dataclasses.replace(candidate, lat=lat, lon=lon)


def test_a_names_own_votes_do_not_make_the_focus() -> None:
    # Three mentions of "Pareen" vote for XB (its big reading), two of "Dallow" for XA: for
    # "Pareen" the focus is what the other names say.
    big = _at(cand("Pareen", country="XB", population=700_000), 10.0, 10.0)
    small = _at(cand("Pareen", country="XA", population=60_000), 40.0, 40.0)
    dallow = _at(cand("Dallow", country="XA", population=1_300_000), 40.5, 40.5)
    mentions = [
        _m("Pareen", 0, big, small),
        _m("Dallow", 10, dallow),
        _m("Pareen", 20, big, small),
        _m("Dallow", 30, dallow),
        _m("Pareen", 40, big, small),
    ]
    pareen = next(p for p in resolve(mentions) if p.name == "Pareen")
    assert pareen.country == "XA"


def test_a_country_name_does_not_vouch_for_itself_in_its_sentence() -> None:
    # "Jorvik" is a country (XB) and a town of the document's country XA: its own sentence is
    # no evidence for the country reading.
    country = cand("Jorvik", "country", "XB", 300_000, uid="country")
    town = _at(cand("Jorvik", country="XA", population=30_000, admin1="Vee"), 1.0, 1.0)
    state = cand("Vee", "admin1", "XA", admin1="Vee", feature="state", uid="vee")
    mentions = [
        _m("Vee", 0, state, sentence=(0, 9)),
        _m("Jorvik", 20, country, town, sentence=(10, 40)),
    ]
    assert [p.country for p in resolve(mentions)] == ["XA", "XA"]


def test_repeated_cued_mentions_are_one_place_and_do_not_vouch_for_each_other() -> None:
    # Two counties of the same name; the document's state is that of the smaller one.
    big = cand("Putt County", "admin2", "XA", 44_000, uid="t", admin1="Tee", feature="county")
    small = cand("Putt County", "admin2", "XA", 27_000, uid="v", admin1="Vee", feature="county")
    big, small = _at(big, 5.0, 5.0), _at(small, 9.0, 9.0)
    state = cand("Vee", "admin1", "XA", admin1="Vee", feature="state", uid="vee")
    mentions = [
        _m("Putt County", 0, big, small, cue="county"),
        _m("Vee", 20, state),
        _m("Putt County", 30, big, small, cue="county"),
        _m("Putt County", 60, big, small, cue="county"),
    ]
    county = resolve(mentions)[0]
    assert (county.admin1, len(county.mentions)) == ("Vee", 3)


def test_between_equal_counties_the_more_populous_wins() -> None:
    big = cand("Orran County", "admin2", "XA", 3_000_000, uid="c", admin1="Cee", feature="county")
    small = cand("Orran County", "admin2", "XA", 40_000, uid="v", admin1="Vee", feature="county")
    (place,) = resolve([_m("Orran County", 0, small, big, cue="county")])
    assert place.admin1 == "Cee"


def test_a_county_is_a_point_for_nearby_towns() -> None:
    county = _at(
        cand("Laurel County", "admin2", "XA", admin1="Kay", feature="county", uid="c"), 37.1, -84.1
    )
    near = _at(
        cand("Lonford", country="XA", population=8_000, uid="n", admin1="Kay2"), 37.13, -84.1
    )
    far = _at(cand("Lonford", country="XA", population=12_000, uid="f", admin1="Oh"), 40.0, -83.0)
    places = resolve([_m("Laurel County", 0, county, cue="county"), _m("Lonford", 30, near, far)])
    assert places[-1].admin1 == "Kay2"


def test_a_place_does_not_vouch_for_itself_under_another_name() -> None:
    city = cand("Kandar", country="XA", population=400_000)
    province = cand("Kandar", "admin1", "XA", source="curated", admin1="Kandar")
    bare, cued = resolve(
        [_m("Kandar", 0, city, province), _m("Kandar", 50, city, province, cue="admin")]
    )
    assert (bare.kind, cued.kind) == ("city", "admin1")
    itself = Anchor(("cued",), province.uid, "XA", "Kandar", 1.0, 2.0, point=False)
    assert coherence(province, ("text", "kandar"), [itself]) == 0


def test_a_strict_mention_may_be_a_small_town_among_the_documents_places() -> None:
    abroad = _at(cand("Florin", country="XB", population=400_000), 43.8, 11.2)
    local = _at(cand("Florin", country="XA", population=38_000, admin1="Sea"), 34.2, -79.8)
    state = cand("Sea", "admin1", "XA", admin1="Sea", feature="state", uid="sea")
    capital = _at(cand("Colby", country="XA", population=140_000, admin1="Sea"), 34.0, -81.0)
    mentions = [
        _m("Sea", 0, state),
        _m("Colby", 10, capital),
        _m("Florin", 30, abroad, local, strict=True),
    ]
    assert resolve(mentions)[-1].country == "XA"
    # Alone, a name the NER did not call a place only ever reads as a well-known one.
    (alone,) = resolve([_m("Florin", 30, abroad, local, strict=True)])
    assert alone.country == "XB"
