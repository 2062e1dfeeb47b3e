"""'N people died in the bombing' counts the dead of the bombing: a claim about it with that
toll, so that two sides' counts of one happening are rival tolls. Real model, sentences
written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from builders import ledger

pytestmark = pytest.mark.model


def test_rival_counts_of_the_dead_of_one_happening(nlp: Language) -> None:
    text = (
        "The ministry said 12 people died in the bombing. "
        "Witnesses said at least 30 people died in the bombing."
    )
    [low, high], [contradiction], _ = ledger(nlp, text)
    assert low.proposition is not None and high.proposition is not None
    assert (low.proposition.kind, low.proposition.killed) == ("event", 12)
    assert high.proposition.killed == 30
    assert contradiction.claims == (low.id, high.id)
