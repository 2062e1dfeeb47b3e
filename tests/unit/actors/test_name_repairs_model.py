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
