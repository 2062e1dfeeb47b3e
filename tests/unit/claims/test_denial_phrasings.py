"""Denials as reports phrase them: a report called a fabrication or a smear, a video called
fake, a story called a lie, ties denied ("had no links to"); and what stays no denial: a
refusal of entry, a dismissal from a post, a feeling negated ("was not surprised"), a question.
Real model, sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from builders import ledger

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text",
    [
        "A police spokesman called the accusations fabricated.",
        "The minister described the report as a fabrication.",
        "The government branded the report a smear.",
        "The army labelled the claims fake.",
        "The ministry said the video was fake.",
        "The embassy said the story was a lie.",
        "The company said it had no link to the armed group.",
        "The group said it had no ties with the militia.",
        "The rebels said they played no part in the attack.",
    ],
)
def test_a_denial_is_read_as_one(nlp: Language, text: str) -> None:
    claims, _, _ = ledger(nlp, text)
    assert "deny" in [c.stance for c in claims]


@pytest.mark.parametrize(
    "text",
    [
        "The border guards denied entry to the journalists.",
        "The ministry dismissed the governor from his post.",
        "The minister said she was not surprised by the attack.",
        "The army said it was not worried about the rebels.",
        "Did the army deny the report?",
        "The ministry described the attack as brutal.",
    ],
)
def test_no_denial_where_nothing_is_denied(nlp: Language, text: str) -> None:
    claims, _, _ = ledger(nlp, text)
    assert "deny" not in [c.stance for c in claims]
