"""Repairs of the small model's entity spans that cut a group's name or mistake its kind.

The model tags the adjective of a group's name alone ("*Islamic* State", "*Tamil* Tigers") or
calls a front a person ("the Tigray People's Liberation *Front*" as PERSON). Two general shapes
of English names, with the words of ``roles.yaml``:

* a name followed by a capitalised word that closes group names (``name_heads``: "State",
  "Front", "Movement", "Brigades") is one organisation with it;
* a span of several words that the model calls a person but that ends in such a word ("the
  Ogaden National Liberation Front") is an organisation.

Spans are only widened over words no other entity holds, so a repaired span never overlaps one.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

_GROUP_LABELS = frozenset({"NORP", "ORG", "PERSON", "GPE"})


def _closes_name(tok: Token, name_heads: frozenset[str], taken: set[int]) -> bool:
    return tok.i not in taken and tok.text.istitle() and tok.text.lower() in name_heads


def repaired_entities(doc: Doc, name_heads: frozenset[str]) -> list[Span]:
    """The document's entity spans with cut group names widened and mislabelled ones
    relabelled; every other span as it was."""
    taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    out: list[Span] = []
    for ent in doc.ents:
        end, label = ent.end, ent.label_
        if label in _GROUP_LABELS:
            while end < len(doc) and _closes_name(doc[end], name_heads, taken):
                end += 1
            if end > ent.end:
                label = "ORG"
                taken.update(range(ent.end, end))
            last = doc[end - 1]
            if label == "PERSON" and end - ent.start > 1 and _org_word(last, name_heads):
                label = "ORG"  # "the Tigray People's Liberation Front" is no person
        same = (end, label) == (ent.end, ent.label_)
        out.append(ent if same else Span(doc, ent.start, end, label))
    return out


def _org_word(tok: Token, words: Iterable[str]) -> bool:
    return tok.text.istitle() and tok.text.lower() in words


__all__ = ["repaired_entities"]
