"""Who did an unclaimed attack, with the real model: one who denies it is no doer of it, and a
third party's "blamed X" with no deed named lays the story's attack at X's door, only when
the attack names no doer of its own. The reports are made up for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

pytestmark = pytest.mark.model


def _doers(nlp: Language, text: str) -> dict[str, str | None]:
    doc = nlp(text)
    names = {e.id: e.name for e in doc._.sitroom_entities}
    return {
        text[e.trigger[0] : e.trigger[1]]: names.get(e.actor1 or "") for e in doc._.sitroom_events
    }


def test_a_group_that_denies_the_attack_is_not_its_doer(nlp: Language) -> None:
    text = (
        "Rockets hit a border post near Kessa on Sunday, wounding three guards. "
        "Hezbollah denied any role in the attack."
    )
    doers = _doers(nlp, text)
    assert doers["hit"] is None, doers


def test_blaming_a_group_names_the_doer_of_an_unclaimed_attack(nlp: Language) -> None:
    text = (
        "A bomb exploded outside a courthouse in Varna Heights on Monday, wounding four guards. "
        "Prosecutors blamed the Liberation Brigades."
    )
    doers = _doers(nlp, text)
    assert doers["exploded"] == "Liberation Brigades", doers


def test_blame_does_not_replace_a_named_doer(nlp: Language) -> None:
    text = (
        "Gunmen of the Red Hand stormed a checkpoint near Varna Heights on Monday. "
        "The governor blamed the Liberation Brigades."
    )
    doers = _doers(nlp, text)
    assert doers["stormed"] != "Liberation Brigades", doers


def test_a_group_claims_its_own_attack_not_the_blow_it_took(nlp: Language) -> None:
    text = (
        "Fighters of the Red Hand attacked a police station in Varna Heights on Monday, "
        "killing two officers. Soldiers ended the assault at night and killed all four "
        "attackers. The group claimed the attack in a statement."
    )
    doc = nlp(text)
    names = {e.id: e.name for e in doc._.sitroom_entities}
    killed = next(e for e in doc._.sitroom_events if text[e.trigger[0] :].startswith("killed all"))
    assert names.get(killed.actor1 or "") == "Soldiers", names.get(killed.actor1 or "")
