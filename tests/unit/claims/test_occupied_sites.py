"""A side said to be using or occupying a site ("gunmen were using the clinic") is said to be
there, so that another side's "there were no gunmen in the clinic" denies it; what is used
("used tear gas") or another site is no presence denied. Real model, sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from builders import ledger

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text",
    [
        "The police said gunmen had been using the clinic in Kapoeta as a base. "
        "The rebels said there were no gunmen in the clinic.",
        "The army said militants occupied the school. "
        "A rebel commander said no militants were inside the school.",
    ],
)
def test_a_site_in_use_meets_the_denial_of_a_presence_there(nlp: Language, text: str) -> None:
    claims, contradictions, _ = ledger(nlp, text)
    assert claims[0].proposition is not None
    assert claims[0].proposition.predicate == claims[1].proposition.predicate  # type: ignore[union-attr]
    assert [k.claims for k in contradictions] == [(claims[0].id, claims[1].id)], text


@pytest.mark.parametrize(
    "text",
    [
        "The police said gunmen had been using the clinic. "
        "The rebels said there were no gunmen in the school.",
        "The police said officers used tear gas on the crowd. "
        "The protesters said there were no officers at the clinic.",
    ],
)
def test_another_site_or_a_thing_used_is_no_presence_denied(nlp: Language, text: str) -> None:
    _, contradictions, _ = ledger(nlp, text)
    assert contradictions == [], text
