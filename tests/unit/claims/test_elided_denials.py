"""A negated auxiliary left alone ("said it had not", "said they did not") denies the clause it
stands for: a reporter's question or another side's claim. Real model, sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from builders import ledger

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "predicate"),
    [
        # the answer to a question the reporter put
        (
            "Georgia's interior ministry said Russian helicopters fired rockets at a village "
            "near Gori. Asked by reporters whether Russian helicopters had fired on the village, "
            "Kremlin spokesman Ivan Sorokin said they had not.",
            "fire",
        ),
        # the answer to the other side's claim
        (
            "Police said the Red Hand militia had burned a bus in Larne. The Red Hand said it had "
            "not.",
            "burn bus",
        ),
        # "did not" stands for a verb with no auxiliary ("looted")
        (
            "Villagers said the soldiers looted the market in Koro. The army said they did not.",
            "loot market",
        ),
    ],
)
def test_a_bare_negated_auxiliary_denies_the_clause_it_stands_for(
    nlp: Language, text: str, predicate: str
) -> None:
    claims, found, _ = ledger(nlp, text)
    accusation, answer = claims[0], claims[-1]
    assert answer.stance == "deny" and answer.proposition is not None
    assert answer.proposition.predicate == predicate
    assert [k.claims for k in found] == [(accusation.id, answer.id)]


def test_another_persons_bare_negation_denies_nothing_said_of_her(nlp: Language) -> None:
    claims, found, _ = ledger(nlp, "He said he had seen the convoy. She said she had not.")
    assert [c.stance for c in claims] == ["assert", "assert"]
    assert found == []
