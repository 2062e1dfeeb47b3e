"""A source that puts a tally at a figure ("officials put the death toll at 4") makes a claim
of it: the toll of the happening told before, a rival of another source's toll. Real model,
sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from builders import ledger

pytestmark = pytest.mark.model


def test_a_toll_put_at_a_figure_is_a_claim_of_the_happening_told_before(nlp: Language) -> None:
    text = (
        "Gunmen attacked a market in Dornu on Monday. Local officials put the toll at 4. "
        "A hospital director said 15 people died."
    )
    [put, died], [contradiction], _ = ledger(nlp, text)
    assert put.text == "the toll at 4" and put.claimant_text == "Local officials"
    assert put.proposition is not None and put.proposition.killed == 4
    assert put.event is not None and put.event == died.event
    assert contradiction.claims == (put.id, died.id)


def test_a_thing_put_somewhere_is_no_claim(nlp: Language) -> None:
    claims, _, _ = ledger(nlp, "The guard said nothing. He put the box at the door.")
    assert claims == []


def test_a_toll_put_by_nobody_is_no_claim(nlp: Language) -> None:
    claims, _, _ = ledger(nlp, "Gunmen attacked a market in Dornu. The toll was put at 4.")
    assert claims == []


def test_the_number_of_dead_put_at_a_figure_is_a_toll(nlp: Language) -> None:
    text = (
        "Gunmen attacked a market in Dornu on Monday. A hospital director said 15 people died. "
        "The militia put the number of dead at 3."
    )
    [died, put], [contradiction], _ = ledger(nlp, text)
    assert put.proposition is not None and put.proposition.killed == 3
    assert contradiction.claims == (died.id, put.id)
