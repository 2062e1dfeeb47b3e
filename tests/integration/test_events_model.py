"""Event triggers in context, with the real model: words around a trigger that say it is no
violence ("an earthquake struck", "rescue operations") keep it from being coded."""

from __future__ import annotations

import pytest
from spacy.language import Language

pytestmark = pytest.mark.model


def _events(nlp: Language, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    return [(e.type, text[e.trigger[0] : e.trigger[1]]) for e in doc._.sitroom_events]


def test_disasters_are_no_attacks(nlp: Language) -> None:
    assert _events(nlp, "An earthquake struck Sumatra on Monday, killing dozens.") == []
    assert _events(nlp, "Floods killed 40 people in Assam.") == []
    assert _events(nlp, "Rescue operations continued in Aceh.") == []


def test_violence_is_still_coded(nlp: Language) -> None:
    assert ("ASSAULT", "killed") in _events(nlp, "Gunmen killed six civilians in Bunia.")
    assert ("FIGHT", "struck") in _events(nlp, "Government jets struck rebel positions.")
    assert ("FIGHT", "operation") in _events(
        nlp, "The army launched an operation against rebels in Kidal."
    )
