"""Repairs of the small model's part-of-speech tags where its own parse contradicts them.

The tagger and the parser of ``en_core_web_sm`` decide apart, and the tagger often gets a
common noun wrong where nothing but its form guides it:

* a noun that has an adjective's form: "launched a ground *offensive* against rebels" comes out
  ``ADJ`` while the parser makes the word the verb's object with "a" as its determiner. A word
  that heads a noun phrase in the parse (one of ``grammar.yaml``'s ``nominal_deps``, with a
  determiner or possessive of its own) is a noun; "the wounded were evacuated" is one too;
* a capitalised plural common noun opening a sentence: "*Airstrikes* pounded the city" comes
  out a proper noun, yet the NER finds no name there. A sentence's first word tagged a plural
  proper noun, outside every entity and followed by a word in lower case, is a common noun (a
  singular one is left: "Kyiv accused Moscow", a name the NER missed);
* a gerund opening a sentence taken for an auxiliary: "*Shelling* continued in Kharkiv". A
  sentence's first word tagged an auxiliary's "-ing" form that is no auxiliary verb is a noun.

A repaired word is lemmatised again (``lemmatize``: the pipeline's own lemmatizer, given the new
tag), so "Airstrikes" reads as "airstrike".
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from spacy.tokens import Doc, Token

from sitroom.lang.vocabulary.grammar import grammar

_HEAD_MARKS = frozenset({"det", "poss"})  # a determiner or a possessive opens a noun phrase
# Only a plural: a singular proper noun the NER missed is most often a name all the same (a
# capital opening "Kyiv accused Moscow ..."), a plural one rarely ("Airstrikes pounded ...").
_PROPER_TO_COMMON = {"NNPS": "NNS"}

Lemmatize = Callable[[Token], str]


def _noun(tok: Token, tag: str, lemmatize: Lemmatize | None) -> None:
    tok.pos_ = "NOUN"
    tok.tag_ = tag
    if lemmatize is not None:
        tok.lemma_ = lemmatize(tok)


def _opens_sentence(tok: Token) -> bool:
    return tok.is_sent_start is True or tok.i == 0


def repair_tags(doc: Doc, nominal_deps: Collection[str], lemmatize: Lemmatize | None = None) -> Doc:
    """``doc`` with the common nouns the tagger missed tagged as nouns (see the module)."""
    for tok in doc:
        if tok.pos_ == "ADJ" and tok.dep_ in nominal_deps:
            if any(c.dep_ in _HEAD_MARKS and c.i < tok.i for c in tok.children):
                _noun(tok, "NN", None)  # "offensive" is its own lemma as a noun
        elif not _opens_sentence(tok) or tok.i + 1 >= len(doc):
            continue
        elif (
            tok.tag_ in _PROPER_TO_COMMON
            and not tok.ent_type_
            and tok.text.istitle()
            and doc[tok.i + 1].text.islower()
        ):
            _noun(tok, _PROPER_TO_COMMON[tok.tag_], lemmatize)
        elif (
            tok.pos_ == "AUX"
            and tok.tag_ == "VBG"
            and tok.lemma_.lower() not in grammar().auxiliary_verbs
            and tok.text.istitle()
        ):
            _noun(tok, "NN", lemmatize)
    return doc


__all__ = ["Lemmatize", "repair_tags"]
