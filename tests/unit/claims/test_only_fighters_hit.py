"""A claim that a happening hit only fighters or military targets ("killed only terrorists",
"struck only a drone depot") against another side's account of it naming civilians or a
civilian place hit: a dispute though neither claim is a denial in form. Real model, sentences
written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from builders import contradiction_pairs
from sitroom.claims.exclusive import civilians_hit, only_military, restricted

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("the shelling killed only rebels hiding in the woods", ["rebels"]),
        ("its jets had struck only a fuel depot near the port", ["depot"]),
        ("the artillery hit enemy trenches only", ["trenches"]),
        ("only four soldiers were wounded", []),  # a figure, not what was hit
    ],
)
def test_what_a_restriction_keeps(nlp: Language, text: str, kept: list[str]) -> None:
    assert [w.text for w in restricted(nlp(text)[:])] == kept


def test_civilians_hit_and_fighters_only(nlp: Language) -> None:
    assert civilians_hit(nlp("a rocket struck a school in the town, killing four pupils")[:])
    assert not civilians_hit(nlp("a rocket killed four fighters in the town")[:])
    assert only_military(nlp("the rocket hit only a weapons store")[:])
    # kept to civilians: no claim that no civilian was hit
    assert not only_military(nlp("the building housed only refugees")[:])


@pytest.mark.parametrize(
    "text",
    [
        "Villagers said an army air strike on a market near Kadugli killed nine civilians. "
        "Sudan's army said the strike killed only rebel fighters.",
        "Residents said a drone hit a clinic in Sa'ada on Friday. The coalition said its aircraft "
        "had struck only a rocket launcher hidden nearby.",
    ],
)
def test_only_fighters_hit_disputes_civilians_hit(nlp: Language, text: str) -> None:
    [(account, restriction)] = contradiction_pairs(nlp, text)
    assert "only" in restriction and "only" not in account


@pytest.mark.parametrize(
    "text",
    [
        # one side: the army's own two accounts
        "Sudan's army said an air strike on a market near Kadugli killed nine civilians. The "
        "army's spokesman said a second strike killed only rebel fighters.",
        # no civilians named: sides call one another's fighters by other words
        "The rebels said an army air strike near Kadugli killed nine of their fighters. Sudan's "
        "army said the strike killed only terrorists.",
        # a happening at another place
        "Villagers said an army air strike on a market in Kadugli killed nine civilians. Sudan's "
        "army said its strike in Dilling killed only rebel fighters.",
    ],
)
def test_no_dispute_without_civilians_of_one_happening(nlp: Language, text: str) -> None:
    assert contradiction_pairs(nlp, text) == []
