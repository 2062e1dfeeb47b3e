"""Ground taken, told with a plain "take" (``event_phrases.yaml``, "take the town"), with the
real model. Sentences written for this test.

"The fighters took the town", "rebels took a village near X", "took the capital" are takeovers
of ground, as "took control of the town" and "took over the town" are; "took the train to the
city", "took the title", "took the stage in the capital" and "took the state" in an election
report are none.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from readings import event_actors

pytestmark = pytest.mark.model


def _events(nlp: Language, text: str) -> list[tuple[str, str | None, str]]:
    doc = nlp(text)
    return [(e.type, e.mode, text[e.trigger[0] : e.trigger[1]]) for e in doc._.sitroom_events]


@pytest.mark.parametrize(
    ("text", "taker"),
    [
        ("The M23 fighters took the town of Kiwanja on Monday after a day of clashes.", "m23"),
        ("Jihadists took a village near Mopti overnight, residents said.", "jihadists"),
        ("Government troops took the airport after heavy fighting.", "government troops"),
        ("The rebels have taken the district capital, a local official said.", "rebels"),
    ],
)
def test_taking_the_town_is_a_takeover(nlp: Language, text: str, taker: str) -> None:
    found = _events(nlp, text)
    took = next((t for t in found if t[0] == "FIGHT" and t[1] == "occupy"), None)
    assert took is not None, found
    assert event_actors(nlp, text)[took[2]][0] == taker


@pytest.mark.parametrize(
    "text",
    [
        "The delegates took the train to the city on Monday.",
        "Her team took the title in the capital last year.",
        "The singer took the stage in the capital on Friday.",
        "The opposition candidate took the state by a narrow margin.",
    ],
)
def test_other_takings_are_no_takeover(nlp: Language, text: str) -> None:
    assert not [t for t in _events(nlp, text) if t[1] == "occupy"], _events(nlp, text)
