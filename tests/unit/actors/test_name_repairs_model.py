"""The actors stage with the real model on names the small model cuts or mistakes: a group's
name closed by "State" or "Front", a titled name that is also a town's. Made-up sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

pytestmark = pytest.mark.model


def actor_names(nlp: Language, text: str) -> dict[str, str]:
    doc = nlp(text)
    return {e.name: e.label for e in doc._.sitroom_entities}


def test_a_group_named_state_is_one_organisation(nlp: Language) -> None:
    names = actor_names(nlp, "Islamic State militants attacked a checkpoint near Raqqa.")
    assert names.get("Islamic State") == "ORG"
    assert "Islamic" not in names


def test_a_titled_name_is_a_person_even_where_a_town_bears_it(nlp: Language) -> None:
    names = actor_names(nlp, "President Bush has threatened further action against Russia.")
    assert names.get("Bush") == "PERSON"


@pytest.mark.parametrize(
    ("text", "group"),
    [
        (
            "Members of the Wazalendo militia attacked a village held by the rival Nyatura gang.",
            "Nyatura",
        ),
        ("The 400 Mawozo gang kidnapped 17 missionaries outside the capital.", "Mawozo"),
        ("Gunmen of the Kinnari cartel ambushed a police patrol in the state.", "Kinnari"),
    ],
)
def test_a_name_the_model_mistook_before_a_noun_of_an_armed_group_is_that_group(
    nlp: Language, text: str, group: str
) -> None:
    # whatever the model tagged it (a place it cannot find, a person), the gang is its name
    names = actor_names(nlp, text)
    assert names.get(group) == "ORG", names


def test_a_known_place_or_person_before_other_nouns_keeps_its_kind(nlp: Language) -> None:
    names = actor_names(nlp, "Police in Kampala arrested Robert Kyagulanyi's driver on Monday.")
    assert names.get("Robert Kyagulanyi") == "PERSON", names
