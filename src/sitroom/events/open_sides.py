"""What an event leaves open for the article's other side, and the crowd its protests are by.

Read once per mention by the detector: an event that names what it was done to, and that is no
actor or ground ("plotted to execute an employee"), is not completed with the article's other
side; protests no sentence gives a doer are the article's crowd's.
"""

from __future__ import annotations

from spacy.tokens import Token

from sitroom.lang.docindex import DocIndex
from sitroom.lang.syntax import np_tokens


def other_patient(trig: Token, index: DocIndex, territory: frozenset[str]) -> bool:
    """The trigger names what it was done to, and that is neither an actor nor ground that a
    side holds: "plotted to execute an employee", "the invasion of its neighbour". Such an
    event is not completed with the article's other side; "the takeover of the last
    stronghold" and "Panjshir is captured" are."""
    if trig.pos_ == "VERB":
        patients = [c for c in trig.children if c.dep_ in {"dobj", "nsubjpass"}]
    else:
        patients = [
            g for c in trig.children if c.dep_ == "prep" and c.lower_ in {"of", "on", "against"}
            for g in c.children if g.dep_ == "pobj"
        ]  # fmt: skip
    for head in patients:
        tokens = np_tokens(head)
        named = any(t.i in index.entity_at or t.i in index.place_at for t in tokens)
        if not named and head.lemma_.lower() not in territory and head.pos_ != "PRON":
            return True
    return False


def document_crowd(index: DocIndex) -> str | None:
    """The crowd an article's protests are by: its most mentioned actor of the protesters
    category ("the protests" of an article about protesters are theirs)."""
    counts: dict[str, int] = {}
    for entity in index.entity_at.values():
        if index.entity_type.get(entity) == "protesters":
            counts[entity] = counts.get(entity, 0) + 1
    return max(counts, key=lambda e: (counts[e], e)) if counts else None


__all__ = ["document_crowd", "other_patient"]
