"""Place mentions used as actors: "*Washington* said", "*Moscow* denied the report", "a strike
condemned by *Kyiv*"; and those that only say where an actor is based: "the *London*-based
monitor".

Such a mention stays a place in ``doc._.sitroom_places`` (it names a government by its seat, and
the country or city is still what the text is about), but it does not say where something
happened, so the events stage should not take it as an event's location. ``metonym_spans(doc)``
gives the character spans of those mentions, computed from the dependency parse on demand:

* the nominal subject of a verb, unless the verb says what a place is or undergoes rather than
  what it does ("Kabul *is* calm", "Kherson *fell*", "Gaza *faces* shortages");
* the agent of a passive verb ("condemned *by* Washington");
* the object of a verb that addresses or judges a government ("accused *Beijing* of hacking",
  "urged *Moscow* to withdraw": ``addressee_verbs``);
* the first half of a compound adjective of seat ("*Doha*-based", "*Paris*-headquartered"; the
  ``seat_words`` of ``data/toponyms.yaml``): the organisation's seat, not the event's place.

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
SEAT_WORDS = toponym_words().seat_words
# Verbs whose object is a government addressed or judged ("accused Beijing").
ADDRESSEE_VERBS = toponym_words().addressee_verbs


def _is_actor(token: Any) -> bool:
    head = token.head
    if token.dep_ in SUBJECT_DEPS:
        return bool(head.pos_ == "VERB" and head.lemma_.lower() not in NON_AGENTIVE)
    if token.dep_ == "dobj":
        return bool(head.pos_ == "VERB" and head.lemma_.lower() in ADDRESSEE_VERBS)
    return bool(token.dep_ == "pobj" and head.dep_ == "agent")


def _seat_of(span: Any) -> bool:
    """ "London-based": the tokenizer splits the hyphen off, so the mention is followed by "-"
    and a word of seat."""
    doc, end = span.doc, span.end
    return bool(
        end + 1 < len(doc)
        and doc[end].text == "-"
        and not doc[end].whitespace_
        and doc[end + 1].lower_ in SEAT_WORDS
    )


def metonym_spans(doc: Doc) -> set[Span]:
    """Character spans of the mentions in ``doc._.sitroom_places`` that act as agents or only
    name an actor's seat."""
    if not doc.has_annotation("DEP"):
        return set()
    found: set[Span] = set()
    for place in doc._.sitroom_places:
        for start, end in place.mentions:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None and len(span) and (_is_actor(span.root) or _seat_of(span)):
                found.add((start, end))
    return found


__all__ = ["NON_AGENTIVE", "SEAT_WORDS", "metonym_spans"]
