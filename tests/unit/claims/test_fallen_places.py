"""A place that "has fallen" or "was taken" was captured: a claim or a denial of it told so is
about a capture at that place, and meets the reports of the capture there. Real model,
sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from builders import ledger

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text",
    [
        "The army said its soldiers captured the town of Wau on Monday. The rebels denied that "
        "Wau had fallen.",
        "Officials said the rebels seized the airport in Bentiu on Friday. A rebel commander "
        "denied that the airport in Bentiu was taken.",
    ],
)
def test_a_denial_that_a_place_fell_meets_its_capture(nlp: Language, text: str) -> None:
    claims, contradictions, _ = ledger(nlp, text)
    captured, denied = claims[0], claims[-1]
    assert denied.stance == "deny"
    assert denied.proposition is not None and denied.proposition.family == "violence"
    assert [c.claims for c in contradictions] == [(captured.id, denied.id)]


@pytest.mark.parametrize(
    "text",
    [
        "The mayor said Rumbek had fallen behind on its payments.",
        "The council said the town of Yei took a decision to close its schools.",
    ],
)
def test_a_place_that_falls_behind_or_takes_a_decision_is_not_captured(
    nlp: Language, text: str
) -> None:
    [claim], _, _ = ledger(nlp, text)
    assert claim.proposition is not None and claim.proposition.family is None
