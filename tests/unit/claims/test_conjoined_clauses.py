"""A claim whose content joins clauses, a later one naming a happening, is one claim per
clause, each with its own proposition; the conjoined verb shares the first one's subject, and
an object pronoun never stands for the subject of its own clause. Real model, sentences
written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from builders import ledger

pytestmark = pytest.mark.model


def test_a_call_then_a_shooting_are_two_propositions(nlp: Language) -> None:
    text = (
        "Police say Marek Dvorak called Anna Kovac several times and arranged to meet her "
        "near the station, then shot her in the head. His lawyer said Dvorak did not call Kovac."
    )
    [called, shot, denial], [contradiction], _ = ledger(nlp, text)
    assert called.claimant == shot.claimant and called.stance == shot.stance == "assert"
    assert called.text.startswith("Marek Dvorak called") and shot.text == "shot her in the head"
    assert shot.proposition is not None and shot.proposition.family == "violence"
    # the shooter is the caller, the one shot is Kovac, not the shooter himself
    assert shot.proposition.actors == ["Marek Dvorak"]
    assert shot.proposition.predicate == "shoot Anna Kovac"
    # the denial of the call meets the call, not the shooting
    assert contradiction.claims == (called.id, denial.id)


def test_conjoined_acts_that_are_no_happening_stay_one_claim(nlp: Language) -> None:
    text = "Witnesses said the driver stopped the car and opened the door."
    [claim], _, _ = ledger(nlp, text)
    assert claim.text == "the driver stopped the car and opened the door"


def test_an_object_pronoun_is_not_its_own_clauses_subject(nlp: Language) -> None:
    [claim], _, _ = ledger(nlp, "Tomas Weber said Lena Brandt saw him.")
    assert claim.proposition is not None and claim.proposition.predicate == "see Tomas Weber"


def test_who_a_happening_was_done_to_is_its_target(nlp: Language) -> None:
    [claim], _, _ = ledger(nlp, "Police said Marek Dvorak shot Anna Kovac in the head.")
    assert claim.proposition is not None and claim.proposition.targets == ["Anna Kovac"]
