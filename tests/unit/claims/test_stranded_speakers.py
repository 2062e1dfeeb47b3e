"""A speaker after the clause he reports, set off by commas, that the parser hangs on a noun of
the clause as its appositive ("..., a county official, Mary Atieno, said"): the named person
speaks, the clause before the appositives is what is said, and "he said" goes on with him.
Real model, sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from builders import ledger

pytestmark = pytest.mark.model


def _said(nlp: Language, text: str) -> list[tuple[str | None, str]]:
    claims, _, names = ledger(nlp, text)
    return [(names.get(c.claimant) if c.claimant else None, c.text) for c in claims]


def test_a_named_appositive_before_a_stranded_said_is_the_speaker(nlp: Language) -> None:
    text = (
        "Two traders were robbed near the market in Kitale, a county official, Mary Atieno, "
        "said on Friday."
    )
    assert _said(nlp, text) == [
        ("Mary Atieno", "Two traders were robbed near the market in Kitale")
    ]


def test_he_goes_on_with_the_stranded_speaker_not_the_doer_of_the_clause(nlp: Language) -> None:
    text = (
        "Six cattle keepers were shot by raiders near Kakuma, a police chief, Daniel Loreng, "
        "said on Friday. He said the raiders had crossed the river."
    )
    assert [who for who, _ in _said(nlp, text)] == ["Daniel Loreng", "Daniel Loreng"]


def test_an_appositive_that_names_no_speaker_makes_no_claim(nlp: Language) -> None:
    text = "The bridge at Garissa, a main crossing, was closed on Friday."
    assert _said(nlp, text) == []
