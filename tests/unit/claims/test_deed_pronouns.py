"""A verb of doing whose object is a pronoun ("did not do it", "did not carry it out") names
the happening told before: the claim is about that happening, so its denial meets the report
of it. Real model, sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from builders import ledger

pytestmark = pytest.mark.model


def test_did_not_do_it_denies_the_raid_told_before(nlp: Language) -> None:
    text = (
        "Soldiers raided the Tambo camp on Friday, residents said. "
        "The army said its soldiers did not do it."
    )
    [raided, denied], [contradiction], _ = ledger(nlp, text)
    assert denied.stance == "deny" and denied.event == raided.event
    assert denied.proposition is not None and denied.proposition.kind == "event"
    assert contradiction.claims == (raided.id, denied.id)


def test_did_not_carry_it_out_denies_a_claimed_bombing(nlp: Language) -> None:
    text = (
        "The Iron Front claimed responsibility for the bombing of the Velo bridge. "
        "Its rival, the Dawn Brigade, said the Iron Front did not carry it out."
    )
    [claimed, denied], [contradiction], _ = ledger(nlp, text)
    assert denied.event == claimed.event
    assert contradiction.claims == (claimed.id, denied.id)


def test_a_pronoun_object_of_another_verb_names_no_happening(nlp: Language) -> None:
    text = "Rebels shelled Mora on Monday. The mayor said the town would rebuild it."
    claims, _, _ = ledger(nlp, text)
    assert claims[-1].proposition is not None and claims[-1].proposition.kind == "statement"


def test_an_intention_to_do_it_names_no_happening_told_before(nlp: Language) -> None:
    text = (
        "Rebels shelled Mora on Monday, residents said. "
        "The rebel commander said his men will do it again."
    )
    claims, contradictions, _ = ledger(nlp, text)
    assert claims[-1].event is None
    assert contradictions == []


def test_carrying_it_somewhere_is_no_deed(nlp: Language) -> None:
    text = (
        "Rebels shelled Mora on Monday, residents said. "
        "A nurse said a boy carried it to the clinic."
    )
    claims, _, _ = ledger(nlp, text)
    assert claims[-1].event is None
