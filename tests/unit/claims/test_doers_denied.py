"""A denial of who did a happening disputes only the accounts that name its doer: "14 people
were killed" does not say the militia did it. Real model, sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from builders import ledger

pytestmark = pytest.mark.model


def test_a_denied_part_does_not_meet_a_toll(nlp: Language) -> None:
    text = (
        "Gunmen attacked a camp near Bunia on Wednesday. Camp officials said 14 people were "
        "killed. The Eastern Front denied any involvement."
    )
    claims, contradictions, _ = ledger(nlp, text)
    denial = claims[-1]
    assert denial.stance == "deny" and denial.proposition is not None
    assert denial.proposition.responsibility
    assert all(denial.id not in k.claims for k in contradictions)


def test_a_denied_part_meets_the_account_that_names_the_doer(nlp: Language) -> None:
    text = (
        "Police said the Eastern Front attacked a camp near Bunia on Wednesday. "
        "The Eastern Front denied any involvement in the attack."
    )
    [said, denial], [contradiction], _ = ledger(nlp, text)
    assert contradiction.claims == (said.id, denial.id)
