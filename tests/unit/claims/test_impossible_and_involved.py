"""A negated modal of possibility with a perfect infinitive or "possibly" says that something
is not so ("could not have been involved", "can not possibly be true"), where "could not reach
the town" is an inability; "was not involved", "denied that he was involved" clear the person of
the accusation told before. Real model, sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from builders import ledger

pytestmark = pytest.mark.model

SHOT = "Prosecutors said Mark Dalton shot a shopkeeper in Ridgeway on Friday. "


def test_a_negated_possibility_with_a_perfect_is_a_denial(nlp: Language) -> None:
    text = (
        "The council said the dam caused the flooding. "
        "The operator said the flooding can't possibly have been caused by the dam."
    )
    [caused, denied], [contradiction], _ = ledger(nlp, text)
    assert (caused.stance, denied.stance) == ("assert", "deny")
    assert contradiction.claims == (caused.id, denied.id)


def test_possibly_makes_a_negated_possibility_a_denial(nlp: Language) -> None:
    text = (
        "A farmer said the well was poisoned. The mayor said the well can not possibly be poisoned."
    )
    [_, denied], _, _ = ledger(nlp, text)
    assert denied.stance == "deny"


def test_a_negated_ability_is_no_denial(nlp: Language) -> None:
    [claim], _, _ = ledger(nlp, "The mayor said the convoy could not reach the town.")
    assert claim.stance == "assert"


@pytest.mark.parametrize(
    "clearing",
    [
        "His lawyer said Dalton could not have been involved.",
        "His lawyer said Dalton was not involved.",
        "His lawyer denied that Dalton was involved.",
    ],
)
def test_a_part_denied_clears_the_accused(nlp: Language, clearing: str) -> None:
    claims, [contradiction], _ = ledger(nlp, SHOT + clearing)
    shot, cleared = claims
    assert cleared.stance == "deny"
    assert contradiction.claims == (shot.id, cleared.id)


def test_a_clearing_answers_the_deed_told_before_it(nlp: Language) -> None:
    text = (
        SHOT + "His lawyer said Dalton could not have been involved. "
        "The prosecutor said Dalton led a protest in Ridgeway a week later."
    )
    claims, [contradiction], _ = ledger(nlp, text)
    assert contradiction.claims == (claims[0].id, claims[1].id)
