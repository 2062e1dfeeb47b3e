"""A claim about a happening restated in a later sentence ("the bombing", folded into the first
report of it) is linked to that happening: the events stage leaves where each folded mention stood
in ``doc._.sitroom_event_mentions``, and the ledger reads it."""

from __future__ import annotations

import pytest
from spacy.language import Language

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "restatement"),
    [
        (
            "Militants bombed a police station in Peshawar on Sunday. Officials said the "
            "bombing had been carried out by a rival faction.",
            "bombing",
        ),
        (
            "Rebels attacked an army base near Mosul on Monday. The attack, the army said, "
            "lasted for three hours.",
            "attack",
        ),
    ],
)
def test_a_claim_around_a_folded_restatement_is_about_the_first_report(
    nlp: Language, text: str, restatement: str
) -> None:
    doc = nlp(text)
    start = text.rindex(restatement)
    (event,) = doc._.sitroom_events
    assert doc._.sitroom_event_mentions == ((start, event.id),)
    (claim,) = [c for c in doc._.sitroom_claims if c.span[0] <= start < c.span[1]]
    assert claim.event == event.id


def test_no_fold_leaves_no_mentions(nlp: Language) -> None:
    doc = nlp("Rebels attacked an army base near Mosul on Monday.")
    assert doc._.sitroom_event_mentions == ()
