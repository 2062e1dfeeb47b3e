"""One doer named in two words: a weapon or force of a country's people ("a Russian missile")
and the country's own body denying it ("Russia's defence ministry denied firing"), while
people named as the doers themselves ("armed Serbs attacked") are not their state. Real model,
sentences written for these tests (session 17)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from builders import contradiction_pairs

pytestmark = pytest.mark.model


def test_a_countrys_body_denying_its_peoples_weapon_contradicts(nlp: Language) -> None:
    text = (
        "Regional officials said a Russian missile hit a grain terminal in Izmail on Tuesday. "
        "Russia's defence ministry denied firing at civilian targets in Izmail."
    )
    pairs = contradiction_pairs(nlp, text)
    assert len(pairs) == 1 and "missile" in pairs[0][0] and "firing" in pairs[0][1]


def test_people_who_did_it_are_not_their_state(nlp: Language) -> None:
    text = (
        "Police said armed Serbs attacked a checkpoint near the village of Jarinje on Friday. "
        "Serbia's foreign ministry denied that Serbia had organised the attack."
    )
    assert contradiction_pairs(nlp, text) == []
