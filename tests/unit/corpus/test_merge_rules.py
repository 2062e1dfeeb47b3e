"""The pure rules of cross-article merging: when two mentions are one happening (no database)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools

from sitroom.corpus import (
    DocumentInfo,
    Mention,
    PlaceRef,
    aggregate,
    components,
    corpus_id,
    could_meet,
    default_rules,
    same_happening,
)

TOWN = PlaceRef("Tawila", "city", "SD", "North Darfur", 13.5, 24.2, 1, 101)
NEAR_TOWN = PlaceRef("Tawila camp", "locality", "SD", "North Darfur", 13.55, 24.25, 1, None)
FAR_TOWN = PlaceRef("El Fasher", "city", "SD", "North Darfur", 13.6, 25.35, 1, 103)
PROVINCE = PlaceRef("North Darfur", "admin1", "SD", "North Darfur", 15.0, 25.0, 3, 104)
COUNTRY = PlaceRef("Sudan", "country", "SD", None, 15.0, 30.0, 3, 105)


def mention(doc: str, **changes: object) -> Mention:
    base = Mention(
        document_id=doc,
        event_id="v1",
        type="FIGHT",
        mode=None,
        cameo="19",
        quad="material_conflict",
        acled_event_type=None,
        acled_sub_event_type=None,
        modality="asserted",
        actor1="Free Hills Front",
        actor2=None,
        actor1_keys=frozenset({"free hills front"}),
        actor2_keys=frozenset(),
        place=TOWN,
        date_start=dt.date(2025, 5, 3),
        date_end=dt.date(2025, 5, 3),
        date_precision="day",
        fatalities=None,
        confidence=0.6,
        published=dt.date(2025, 5, 4),
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def why(a: Mention, b: Mention) -> str:
    """The rendered reason of the link, "" when there is none."""
    reason = same_happening(a, b)
    return reason.render() if reason is not None else ""


def linked(a: Mention, b: Mention) -> bool:
    forward, backward = same_happening(a, b), same_happening(b, a)
    assert (forward is None) == (backward is None), "the rule must be symmetric"
    return forward is not None


def test_same_place_type_date_and_actor_link() -> None:
    assert linked(mention("a"), mention("b"))
    assert "same place Tawila (GeoNames 101)" in why(mention("a"), mention("b"))


def test_places_link_when_nested_or_near_but_not_when_apart() -> None:
    assert linked(mention("a"), mention("b", place=PROVINCE))
    assert linked(mention("a"), mention("b", place=NEAR_TOWN))
    assert not linked(mention("a"), mention("b", place=FAR_TOWN))
    # A whole country only with the same two actors.
    army = frozenset({"army of the plains"})
    assert linked(mention("a", actor2_keys=army), mention("b", place=COUNTRY, actor2_keys=army))
    assert not linked(mention("a"), mention("b", place=COUNTRY))


def test_dates_must_meet_within_the_slack() -> None:
    later = dt.date(2025, 5, 5)
    assert not linked(mention("a"), mention("b", date_start=later, date_end=later))
    next_day = dt.date(2025, 5, 4)
    assert linked(mention("a"), mention("b", date_start=next_day, date_end=next_day))
    undated = mention("b", date_start=None, date_end=None, published=dt.date(2025, 5, 9))
    assert linked(mention("a"), undated)
    stale = mention("b", date_start=None, date_end=None, published=dt.date(2025, 6, 9))
    assert not linked(mention("a"), stale)


def test_types_actors_and_modality() -> None:
    assert linked(mention("a"), mention("b", type="ASSAULT"))
    assert not linked(mention("a"), mention("b", type="CONSULT"))
    assert not linked(mention("a"), mention("b", actor1_keys=frozenset({"sand brigade"})))
    assert linked(mention("a"), mention("b", actor1_keys=frozenset({"free hills front forces"})))
    assert not linked(mention("a"), mention("b", actor1_keys=frozenset({"free hillsfront"})))
    assert linked(mention("a"), mention("b", modality="denied"))
    assert not linked(mention("a"), mention("b", modality="negated"))
    # Meetings are symmetric: A met B is B met A.
    un, front = frozenset({"un envoy"}), frozenset({"free hills front"})
    talks = {"type": "CONSULT", "quad": "verbal_cooperation"}
    assert linked(
        mention("a", actor1_keys=un, actor2_keys=front, **talks),
        mention("b", actor1_keys=front, actor2_keys=un, **talks),
    )
    # Without a place on one side, only the same two actors tie them.
    army = frozenset({"army of the plains"})
    assert linked(mention("a", actor2_keys=army), mention("b", place=None, actor2_keys=army))
    assert not linked(mention("a"), mention("b", place=None))


def test_components_and_ids_do_not_depend_on_order() -> None:
    keys = [("a", "1"), ("b", "1"), ("c", "1"), ("d", "1")]
    links = [(("a", "1"), ("c", "1")), (("c", "1"), ("b", "1"))]
    expected = [[("a", "1"), ("b", "1"), ("c", "1")], [("d", "1")]]
    for order in itertools.permutations(keys):
        assert components(order, reversed(links)) == expected
    assert corpus_id([("b", "1"), ("a", "1")]) == corpus_id([("a", "1"), ("c", "9")])


def test_aggregate_is_the_same_whatever_the_order() -> None:
    members = [
        mention("a", modality="claimed", fatalities=6, confidence=0.5),
        mention("b", modality="denied"),
        mention("c", type="ASSAULT", fatalities=9, place=PROVINCE),
    ]
    docs = {
        "a": DocumentInfo("a", dt.date(2025, 5, 4), "Hill Courier"),
        "b": DocumentInfo("b", dt.date(2025, 5, 5), "Plains Post"),
        "c": DocumentInfo("a", dt.date(2025, 5, 4), "Hill Courier", copies=1),
    }
    stances = {("a", "v1"): {"c1": "assert"}, ("b", "v1"): {"c1": "deny"}}
    results = [aggregate(list(p), docs, stances) for p in itertools.permutations(members)]
    record = results[0]
    assert all(r == record for r in results)
    assert (record.type, record.place, record.modality) == ("FIGHT", "Tawila", "asserted")
    assert (record.mentions, record.articles, record.sources) == (3, 4, 2)
    assert (record.fatalities, record.fatalities_max, record.contested) == (6, 9, True)
    # Two independent sources at 0.6 (best of each): 1 - 0.4 * 0.4.
    assert record.confidence == 0.84


def test_a_happening_takes_the_finest_date_its_mentions_give() -> None:
    week = {"date_start": dt.date(2025, 4, 28), "date_end": dt.date(2025, 5, 4)}
    members = [
        mention("a", event_id="v1", date_precision="week", **week),
        mention("a", event_id="v2", date_precision="week", **week),
        mention("b"),  # the day, 2025-05-03
    ]
    docs = {
        "a": DocumentInfo("a", dt.date(2025, 5, 4), "Hill Courier"),
        "b": DocumentInfo("b", dt.date(2025, 5, 4), "Plains Post"),
    }
    record = aggregate(members, docs, {})
    # two mentions put in their article's week do not outvote the one that names the day
    assert (record.date_start, record.date_end, record.date_precision) == (
        dt.date(2025, 5, 3),
        dt.date(2025, 5, 3),
        "day",
    )


def test_undated_mentions_of_two_articles_need_the_same_two_actors() -> None:
    undated = {"date_start": None, "date_end": None, "published": None}
    assert not linked(mention("a", **undated), mention("b", **undated))
    army = frozenset({"army of the plains"})
    assert linked(
        mention("a", actor2_keys=army, **undated), mention("b", actor2_keys=army, **undated)
    )


def test_an_articles_focus_place_is_no_shared_place_for_another_article() -> None:
    assert not linked(mention("a"), mention("b", place_basis="document"))
    # Within its own article it is.
    first = mention("a", place_basis="document")
    second = dataclasses.replace(mention("a"), event_id="v2")
    assert linked(first, second)


def test_within_one_article_repeated_mentions_of_one_kind_link_without_a_place() -> None:
    first = mention("a", place=None, actor1_keys=frozenset())
    again = dataclasses.replace(first, event_id="v2")
    assert "same article" in why(first, again)
    assert not linked(first, dataclasses.replace(again, type="ASSAULT"))


def test_the_cheap_prefilter_never_drops_a_link() -> None:
    later = dt.date(2025, 5, 9)
    variants = [
        mention("a"),
        mention("b", type="ASSAULT"),
        mention("c", type="CONSULT", quad="verbal_cooperation"),
        mention("d", date_start=later, date_end=later),
        mention("e", date_start=None, date_end=None),
        mention("f", date_start=None, date_end=None, published=None),
        mention("g", place=PROVINCE, date_start=None, date_end=None, published=later),
    ]
    rules = default_rules()
    for a, b in itertools.permutations(variants, 2):
        assert could_meet(a, b, rules) == could_meet(b, a, rules)
        if same_happening(a, b, rules) is not None:
            assert could_meet(a, b, rules)
    assert not could_meet(variants[0], variants[2], rules)  # types
    assert not could_meet(variants[0], variants[3], rules)  # dates
