"""A speaker that is no known actor, named again by "the" and his noun alone, is the speaker
named before in full: he does not contradict himself. Real model, sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from builders import ledger

pytestmark = pytest.mark.model


def test_the_governor_is_the_governor_of_the_state_named_before(nlp: Language) -> None:
    text = (
        "The governor of Upper Nile state said Sudan was responsible for the air strike on "
        "Maban. A rebel commander was not captured in the raid, the governor said."
    )
    claims, contradictions, _ = ledger(nlp, text)
    assert [c.stance for c in claims] == ["assert", "deny"]
    assert contradictions == []


def test_another_speaker_of_the_same_noun_with_words_of_his_own_is_another(
    nlp: Language,
) -> None:
    text = (
        "The governor of Upper Nile state said warplanes struck the camp at Maban. "
        "The governor of Blue Nile state denied that warplanes struck the camp at Maban."
    )
    claims, contradictions, _ = ledger(nlp, text)
    assert [c.stance for c in claims] == ["assert", "deny"]
    assert [k.claims for k in contradictions] == [(claims[0].id, claims[1].id)]
