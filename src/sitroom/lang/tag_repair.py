"""Repairs of the small model's part-of-speech tags where its own parse contradicts them.

The tagger and the parser of ``en_core_web_sm`` decide apart, and the tagger often calls a noun
that has an adjective's form an adjective: "launched a ground *offensive* against rebels" comes
out ``ADJ`` while the parser makes the word the verb's object with "a" as its determiner. Every
stage then reads it as no noun, and the offensive is no event. A word that heads a noun phrase
in the parse (one of ``grammar.yaml``'s ``nominal_deps``, with a determiner or possessive of its
own) is a noun; "the wounded were evacuated" is one too, and rightly so.
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Doc

_HEAD_MARKS = frozenset({"det", "poss"})  # a determiner or a possessive opens a noun phrase


def repair_tags(doc: Doc, nominal_deps: Collection[str]) -> Doc:
    """``doc`` with adjectives that head a noun phrase in its parse tagged as nouns."""
    for tok in doc:
        if tok.pos_ != "ADJ" or tok.dep_ not in nominal_deps:
            continue
        if any(c.dep_ in _HEAD_MARKS and c.i < tok.i for c in tok.children):
            tok.pos_ = "NOUN"
            tok.tag_ = "NN"
    return doc


__all__ = ["repair_tags"]
