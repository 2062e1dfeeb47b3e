"""Two pronouns of different genders among the arguments of one verb are two people: "she
told him" is not said by who "him" is. Real model, sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from builders import ledger

pytestmark = pytest.mark.model


def test_she_who_told_him_is_not_him(nlp: Language) -> None:
    text = "Prosecutors said Karel Novak stabbed Jana Dvorakova after she told him she was leaving."
    claims, _, names = ledger(nlp, text)
    leaving = next(c for c in claims if c.text == "she was leaving")
    assert names.get(leaving.claimant or "") == "Jana Dvorakova"


def test_he_of_a_named_man_still_resolves(nlp: Language) -> None:
    text = 'Mr. Tomas Berg, the mayor, said the bridge was closed. "It will reopen soon," he said.'
    claims, _, names = ledger(nlp, text)
    assert names.get(claims[-1].claimant or "") == "Tomas Berg"
