"""Two claims of one family of happening are about one proposition only when something ties
them: a doer, a place, the word of the happening, or a toll. A capture claimed by one party and
a targeting denied by another are two happenings. Real model, sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from builders import ledger

pytestmark = pytest.mark.model


def test_a_capture_and_a_denied_shooting_are_two_happenings(nlp: Language) -> None:
    text = (
        "The militia's spokesman said the group had overrun a border post near Kamara. "
        "A police commander said his officers did not shoot anyone."
    )
    claims, contradictions, _ = ledger(nlp, text)
    assert [c.stance for c in claims] == ["assert", "deny"]
    assert contradictions == []


def test_a_bombing_and_its_denial_are_one_happening(nlp: Language) -> None:
    text = (
        "A camp official said warplanes bombed the refugee camp on Thursday. "
        "The air force denied the bombing."
    )
    [bombed, denied], [contradiction], _ = ledger(nlp, text)
    assert contradiction.claims == (bombed.id, denied.id)


def test_a_toll_denied_meets_the_happening_of_its_family(nlp: Language) -> None:
    text = "A nurse said soldiers raided the village on Monday. The army said nobody was killed."
    [raided, none], [contradiction], _ = ledger(nlp, text)
    assert none.stance == "deny" and contradiction.claims == (raided.id, none.id)
