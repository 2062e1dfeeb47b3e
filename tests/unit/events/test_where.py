"""Where an event happened: the constructions of English that name its place (issue #15)."""

from __future__ import annotations

from handmade import doc_of, index
from sitroom.events.detect import EventDetector
from sitroom.events.lexicon import EventVocabulary
from sitroom.model import Event

DETECTOR = EventDetector(EventVocabulary.load())


Placed = list[tuple[str | None, str | None]]


def _placed(table: str, places: dict[int, str], trigger: str) -> Placed:
    doc = doc_of(table)
    events = DETECTOR.detect(doc, index(doc, {}, {}, places=places))
    found: list[Event] = [e for e in events if doc.text[slice(*e.trigger)] == trigger]
    return [(e.place, e.place_basis) for e in found]


MARCHED_TO = """
Farmers farmer NOUN NNS 1 nsubj
marched march VERB VBD 1 ROOT
to to ADP IN 1 prep
the the DET DT 5 det
Nakuru Nakuru PROPN NNP 5 compound
offices office NOUN NNS 2 pobj
of of ADP IN 5 prep
the the DET DT 8 det
ministry ministry NOUN NN 6 pobj
. . PUNCT . 1 punct
"""

WITHDREW_TO = """
Troops troop NOUN NNS 1 nsubj
withdrew withdraw VERB VBD 1 ROOT
to to ADP IN 1 prep
Nakuru Nakuru PROPN NNP 2 pobj
. . PUNCT . 1 punct
"""


def test_where_a_march_goes_is_where_it_is() -> None:
    # "Farmers marched to the Nakuru offices of the ministry": the march is in Nakuru.
    assert _placed(MARCHED_TO, {4: "nakuru"}, "marched") == [("nakuru", "argument")]


def test_where_a_withdrawal_goes_is_not_where_it_is() -> None:
    # "Troops withdrew to Nakuru": they left somewhere else, which the sentence does not name.
    assert _placed(WITHDREW_TO, {3: "nakuru"}, "withdrew") == [(None, None)]
