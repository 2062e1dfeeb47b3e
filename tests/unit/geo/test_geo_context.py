"""Document context in resolution, name propagation and metonyms, on hand-built inputs."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

import sitroom.nlp.extensions  # noqa: F401  (registers doc._.sitroom_places)
from sitroom.geo.candidate import Candidate
from sitroom.geo.gazetteer import Gazetteer
from sitroom.geo.metonyms import metonym_spans
from sitroom.geo.propagate import propagate
from sitroom.geo.resolve import Mention, resolve
from sitroom.geo.toponyms import find_mentions
from sitroom.model import Place
from sitroom.nlp.components.places import PlacesComponent
from unit.geo.geo_helpers import _VOCAB, cand, tagged


def _m(text: str, start: int, *candidates: Candidate, **context: Any) -> Mention:
    return Mention(text, (start, start + len(text)), candidates, (0, 1000), **context)


def test_the_area_after_a_comma_is_the_one_containing_the_town() -> None:
    town = cand("Athens", country="XA", population=20_000, admin1="Gee")
    capital = cand("Athens", country="XB", population=600_000, feature="capital")
    state = cand("Gee", "admin1", "XA", admin1="Gee", feature="state", uid="s")
    country = cand("Gee", "country", "XC", 4_000_000, uid="c")
    places = resolve(
        [_m("Athens", 0, town, capital, qualifier=(state, country)), _m("Gee", 8, state, country)]
    )
    assert [(p.name, p.country) for p in places] == [("Athens", "XA"), ("Gee", "XA")]


def test_a_qualified_reading_carries_to_bare_mentions() -> None:
    small = cand("Paris", country="XA", population=10_000, admin1="Tee")
    big = cand("Paris", country="XB", population=2_000_000, feature="capital")
    tee = cand("Tee", "admin1", "XA", admin1="Tee", feature="state", uid="t")
    places = resolve(
        [
            _m("Paris", 0, small, big, qualifier=(tee,)),
            _m("Tee", 7, tee),
            _m("Paris", 100, small, big),
        ]
    )
    assert places[0].country == "XA" and places[0].mentions == [(0, 5), (100, 105)]


def test_second_pass_prefers_readings_near_the_other_places() -> None:
    near_town = Candidate(
        "t:near",
        "Alexa",
        "city",
        "XA",
        "Lou",
        31.3,
        -92.4,
        None,
        48_000,
        "populated place",
        "geonames",
    )
    far_city = Candidate(
        "t:far",
        "Alexa",
        "city",
        "XB",
        None,
        31.2,
        29.9,
        None,
        400_000,
        "populated place",
        "geonames",
    )
    neighbour = Candidate(
        "t:pine",
        "Pineton",
        "city",
        "XA",
        "Lou",
        31.32,
        -92.43,
        None,
        14_000,
        "populated place",
        "geonames",
    )
    places = resolve([_m("Alexa", 0, near_town, far_city), _m("Pineton", 20, neighbour)])
    assert places[0].country == "XA"
    # Without the neighbour the larger city abroad wins.
    assert resolve([_m("Alexa", 0, near_town, far_city)])[0].country == "XB"


def test_a_strict_member_still_votes_for_its_names_place() -> None:
    town = cand("Gainsby", country="XA", population=30_000, uid="town")
    abroad = cand("Gainsby", country="XB", population=200_000, uid="abroad")
    other = cand("Xanadu", "country", "XA", 5_000_000)
    mentions = [
        _m("Xanadu", 0, other),
        _m("Gainsby", 10, town, abroad),
        _m("Gainsby", 30, town, abroad, strict=True),
    ]
    (_, gainsby) = resolve(mentions)
    assert gainsby.mentions == [(10, 17), (30, 37)]


def test_sports_clubs_named_after_towns_are_not_places(gazetteer: Gazetteer) -> None:
    doc = tagged("Napoli beat Cagliari 2-0 .", {"Napoli": "ORG", "Cagliari": "ORG"})
    assert resolve(find_mentions(doc, gazetteer)) == ()
    doc = tagged("Fans in Napoli cheered .", {"Napoli": "ORG"})
    assert [m.text for m in find_mentions(doc, gazetteer)] == ["Napoli"]
    doc = tagged("Lombardy beat Cagliari .", {"Lombardy": "ORG", "Cagliari": "ORG"})
    assert [p.name for p in resolve(find_mentions(doc, gazetteer))] == ["Lombardy"]


def test_an_org_named_like_a_town_stays_an_organisation(gazetteer: Gazetteer) -> None:
    doc = tagged(
        "Heavy snow hit Vermont . Brattleboro closed its schools .",
        {"Vermont": "GPE", "Brattleboro": "ORG"},
    )
    assert [p.name for p in resolve(find_mentions(doc, gazetteer))] == ["Vermont"]


def test_a_building_is_not_a_town_met_through_an_alternate_name(gazetteer: Gazetteer) -> None:
    doc = tagged("The White House said so .", {"White House": "FAC"})
    assert find_mentions(doc, gazetteer) == []


def test_resolved_names_spread_to_their_other_occurrences(gazetteer: Gazetteer) -> None:
    doc = tagged(
        "Fire hit Gainesville . Gainesville police and Gainesville Jones came . "
        "The Gainesville Herald wrote . Gainesville Road closed .",
        {"Gainesville Jones": "PERSON", "Gainesville Herald": "ORG", "Gainesville": "GPE"},
    )
    doc.ents = [e for e in doc.ents if e.start not in {4, 16}]  # the model missed these
    PlacesComponent(gazetteer=gazetteer)(doc)
    (place,) = doc._.sitroom_places
    texts = [doc.text[s:e] for s, e in place.mentions]
    # Not inside the PERSON or the ORG; "Gainesville Road" is a name of its own.
    assert texts == ["Gainesville", "Gainesville", "Gainesville"]
    assert place.mentions[1][0] == doc.text.index("Gainesville police")


def test_a_long_site_name_spreads_in_full() -> None:
    # Five words: the site named again, which the model called a person's name.
    name = "Mary K. Walsh Detention Centre"
    doc = tagged(f"Inmates rioted at the {name} . Guards at {name} fired shots .", {name: "FAC"})
    doc.ents = [e for e in doc.ents if e.start < 8]
    first = doc.text.index(name)
    place = Place(
        id="p1", name=name, kind="facility", precision=1, mentions=[(first, first + len(name))]
    )
    (spread,) = propagate(doc, (place,))
    assert [doc.text[s:e] for s, e in spread.mentions] == [name, name]


def test_propagation_leaves_names_owned_by_two_places_alone() -> None:
    doc = tagged("Paris and Paris and Paris .", {"Paris": "GPE"})
    doc.ents = []
    places = (
        Place(id="p1", name="Paris", kind="city", precision=1, mentions=[(0, 5)]),
        Place(id="p2", name="Paris", kind="city", precision=1, mentions=[(10, 15)]),
    )
    assert propagate(doc, places) == places


def _parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    lemmas = [{"fell": "fall", "condemned": "condemn"}.get(w, w.lower()) for w in words]
    return Doc(_VOCAB, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


def test_metonyms_are_places_acting_as_agents() -> None:
    doc = _parsed(
        ["Washington", "condemned", "the", "strike", "in", "Kabul", "and", "Kabul", "fell", "."],
        [1, 1, 3, 1, 3, 4, 1, 8, 1, 1],
        ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "cc", "nsubj", "conj", "punct"],
        ["PROPN", "VERB", "DET", "NOUN", "ADP", "PROPN", "CCONJ", "PROPN", "VERB", "PUNCT"],
    )
    spans = [(t.idx, t.idx + len(t)) for t in doc if t.text in {"Washington", "Kabul"}]
    doc._.sitroom_places = (
        Place(id="p1", name="Washington", kind="city", precision=1, mentions=[spans[0]]),
        Place(id="p2", name="Kabul", kind="city", precision=1, mentions=spans[1:]),
    )
    assert metonym_spans(doc) == {spans[0]}  # "Kabul fell": undergoes, does not act
    passive = _parsed(
        ["It", "was", "condemned", "by", "Moscow", "."],
        [2, 2, 2, 2, 3, 2],
        ["nsubjpass", "auxpass", "ROOT", "agent", "pobj", "punct"],
        ["PRON", "AUX", "VERB", "ADP", "PROPN", "PUNCT"],
    )
    moscow = passive[4]
    passive._.sitroom_places = (
        Place(
            id="p1",
            name="Moscow",
            kind="city",
            precision=1,
            mentions=[(moscow.idx, moscow.idx + 6)],
        ),
    )
    assert metonym_spans(passive) == {(moscow.idx, moscow.idx + 6)}
    assert metonym_spans(tagged("Kabul .", {"Kabul": "GPE"})) == set()
