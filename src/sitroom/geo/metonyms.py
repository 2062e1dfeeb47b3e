"""Place mentions used as actors: "*Washington* said", "*Moscow* denied the report", "a strike
condemned by *Kyiv*".

Such a mention stays a place in ``doc._.sitroom_places`` (it names a government by its seat, and
the country or city is still what the text is about), but it does not say where something
happened, so the events stage should not take it as an event's location. ``metonym_spans(doc)``
gives the character spans of those mentions, computed from the dependency parse on demand:

* the nominal subject of a verb, unless the verb says what a place is or undergoes rather than
  what it does ("Kabul *is* calm", "Kherson *fell*", "Gaza *faces* shortages");
* the agent of a passive verb ("condemned *by* Washington").

A mention in a sentence without a parse (no ``DEP`` annotation) is never a metonym.
"""

from __future__ import annotations

from typing import Any

from sitroom.lang.vocabulary.places import toponym_words
from sitroom.model import Span

Doc = Any  # spaCy ships no type information

SUBJECT_DEPS = frozenset({"nsubj"})
# Verbs whose subject is a place as a place: being, position, change of state, experience.
NON_AGENTIVE = toponym_words().non_agentive_verbs  # data/toponyms.yaml


def _is_actor(token: Any) -> bool:
    head = token.head
    if token.dep_ in SUBJECT_DEPS:
        return bool(head.pos_ == "VERB" and head.lemma_.lower() not in NON_AGENTIVE)
    return bool(token.dep_ == "pobj" and head.dep_ == "agent")


def metonym_spans(doc: Doc) -> set[Span]:
    """Character spans of the mentions in ``doc._.sitroom_places`` that act as agents."""
    if not doc.has_annotation("DEP"):
        return set()
    found: set[Span] = set()
    for place in doc._.sitroom_places:
        for start, end in place.mentions:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None and len(span) and _is_actor(span.root):
                found.add((start, end))
    return found


__all__ = ["NON_AGENTIVE", "metonym_spans"]
