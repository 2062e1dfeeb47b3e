"""A reporting participle the parser hung on the content of a reporting verb ("said there was no
shelling, explaining that ...") is a claim of its own, by the same speaker: the first content
ends before it. Real model, sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from builders import ledger

pytestmark = pytest.mark.model


def test_an_explanation_after_a_denial_is_another_claim_of_the_same_speaker(
    nlp: Language,
) -> None:
    text = (
        "Colonel Abel Dut said there was no shelling, explaining that the army had left the town."
    )
    claims, _, names = ledger(nlp, text)
    denial, explained = claims
    assert (denial.text, denial.stance) == ("there was no shelling", "deny")
    assert (explained.text, explained.stance) == ("that the army had left the town", "assert")
    assert names[denial.claimant or ""] == names[explained.claimant or ""] == "Abel Dut"


def test_a_participle_that_reports_nothing_stays_in_the_content(nlp: Language) -> None:
    text = "Colonel Abel Dut said the convoy left the town, heading north to the border."
    [claim], _, _ = ledger(nlp, text)
    assert claim.text.endswith("heading north to the border")
