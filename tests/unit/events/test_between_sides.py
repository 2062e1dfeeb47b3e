"""The two sides of "between", with the real model, on sentences written for these tests: also
where the parser hangs the "and" inside a modifier of the last noun ("between the army and M23
rebels" read as [the army and M23] rebels), and where "between" hangs on the verb that says the
fighting went on ("clashes erupted ... between A and B")."""

from __future__ import annotations

import pytest
from spacy.language import Language

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "Clashes erupted in Bunia on Friday between the army and CODECO militiamen.",
            {"army", "codeco"},
        ),
        (
            "Heavy fighting between government and rebel forces continued in Bentiu.",
            {"government", "rebel forces"},
        ),
    ],
)
def test_both_sides_of_between_are_the_fights_parties(
    nlp: Language, text: str, sides: set[str]
) -> None:
    doc = nlp(text)
    names = {e.id: e.name.lower() for e in doc._.sitroom_entities}
    fight = next(e for e in doc._.sitroom_events if e.type == "FIGHT")
    assert {names.get(fight.actor1 or ""), names.get(fight.actor2 or "")} == sides
