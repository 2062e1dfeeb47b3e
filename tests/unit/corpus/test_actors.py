"""Which entities are one actor across articles: keys, grouping and the actor's record."""

from __future__ import annotations

import itertools

from sitroom.corpus import EntityRef, actor_id, aggregate_actor, entity_keys, group_entities


def test_keys_skip_bare_surnames_of_people() -> None:
    assert entity_keys("Ahmad Massoud", "PERSON", ["Massoud"]) == {"person:ahmad massoud"}
    assert entity_keys("The UN", "ORG", ["UN"]) == {"group:un"}


def test_generic_actors_are_one_per_country_and_none_without() -> None:
    assert entity_keys("the army", "ORG", [], "sd") == {"group:army@SD"}
    assert entity_keys("Army", "ORG", []) == set()


def test_entities_sharing_a_key_are_one_actor_whatever_the_order() -> None:
    keys = {
        ("d1", "e1"): {"group:national resistance front", "group:nrf"},
        ("d2", "e1"): {"group:nrf"},
        ("d3", "e2"): {"group:taliban"},
    }
    expected = [[("d1", "e1"), ("d2", "e1")], [("d3", "e2")]]
    for order in itertools.permutations(keys.items()):
        assert group_entities(dict(order)) == expected


def test_an_actor_takes_its_most_used_name_and_keeps_the_others() -> None:
    entities = {
        ("d1", "e1"): EntityRef(
            "National Resistance Front", "ORG", "armed_group", "AF", ("NRF",), 3
        ),
        ("d2", "e1"): EntityRef("NRF", "ORG", None, "AF", (), 1),
        ("d3", "e4"): EntityRef("National Resistance Front", "ORG", "armed_group", None, (), 2),
    }
    members = sorted(entities)
    record = aggregate_actor(members, entities)
    assert record.id == actor_id(members) and record.id.startswith("ac")
    assert (record.name, record.actor_type, record.country) == (
        "National Resistance Front",
        "armed_group",
        "AF",
    )
    assert record.aliases == ("NRF",)
    assert (record.documents, record.mentions) == (3, 6)
