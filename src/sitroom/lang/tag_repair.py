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
  singular one is left: "Kyiv accused Moscow", a name the NER missed). The tagger also calls
  such a plural a *singular* proper noun, most often after a dateline ("TRIPOLI - *Fighters*
  loyal to ..."): one whose form is the plural of a common noun the lemmatizer's own noun
  index knows (``plural``: "fighters" is "fighter"'s; "Kyiv", "Texas" are no noun's) is one too;
* a gerund opening a sentence taken for an auxiliary: "*Shelling* continued in Kharkiv". A
  sentence's first word tagged an auxiliary's "-ing" form that is no auxiliary verb is a noun.

* a name right after a verb taken for an adverb: "Russian forces captured *Bakhmut*" comes out
  ``ADV``/``advmod``. A word of a name the NER found (a place, a group, a person) hanging on the
  verb just before it as an adverb, where the verb has no object, is that verb's object.

* an irregular past form taken for the present: "troops *retook* Kidal" comes out ``VBP`` with
  the lemma "retook". A verb form the lemmatizer's own exception table gives another lemma
  ("retook": "retake") is no base form: it is past (a participle after an auxiliary), with
  that lemma.

* a people's word taken for a name: after a dateline the tagger reads "DHAKA - *Bangladeshi*
  police" as a proper noun that is a compound of "police", so no stage sees whose police they
  are. A demonym (``demonym``: the countries' demonyms of ``places.yaml``) tagged a singular
  proper noun, outside every entity, hung as a compound on the common noun right after it, is
  that noun's adjective (``amod``), as the tagger reads it without a dateline.

A repaired word is lemmatised again (``lemmatize``: the pipeline's own lemmatizer, given the new
tag), so "Airstrikes" reads as "airstrike".
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from spacy.tokens import Doc, MorphAnalysis, Token

from sitroom.lang.vocabulary.grammar import grammar

_HEAD_MARKS = frozenset({"det", "poss"})  # a determiner or a possessive opens a noun phrase
# Only a plural: a singular proper noun the NER missed is most often a name all the same (a
# capital opening "Kyiv accused Moscow ..."), a plural one rarely ("Airstrikes pounded ...").
_PROPER_TO_COMMON = {"NNPS": "NNS"}

_ADVERB_DEPS = frozenset({"advmod", "npadvmod"})
# Entity types of names that can be a verb's object (not dates, times or amounts).
_NAME_TYPES = frozenset({"GPE", "LOC", "FAC", "ORG", "PERSON", "NORP"})

_BASE_TAGS = frozenset({"VB", "VBP"})  # a verb's base and present forms

Lemmatize = Callable[[Token], str]
Irregular = Callable[[str], str | None]
Plural = Callable[[str], bool]
Demonym = Callable[[str], bool]


def _noun(tok: Token, tag: str, lemmatize: Lemmatize | None) -> None:
    tok.pos_ = "NOUN"
    tok.tag_ = tag
    if lemmatize is not None:
        tok.lemma_ = lemmatize(tok)


def _opens_sentence(tok: Token) -> bool:
    return tok.is_sent_start is True or tok.i == 0


def _name_taken_for_adverb(tok: Token) -> bool:
    """ "captured *Bakhmut*" parsed as an adverb: a one-word name right after a verb without an
    object."""
    verb = tok.head
    return (
        tok.dep_ in _ADVERB_DEPS
        and tok.ent_type_ in _NAME_TYPES
        and verb.pos_ == "VERB"
        and verb.i == tok.i - 1
        and not any(c.dep_ == "dobj" for c in verb.children)
    )


def _demonym_taken_for_name(tok: Token, demonym: Demonym) -> bool:
    """ "DHAKA - *Bangladeshi* police": a people's word tagged a name the NER did not find, hung
    as a compound on the common noun right after it."""
    head = tok.head
    return (
        tok.tag_ == "NNP"
        and tok.dep_ == "compound"
        and not tok.ent_type_
        and head.i == tok.i + 1
        and head.pos_ == "NOUN"
        and demonym(tok.text.casefold())
    )


def repair_tags(
    doc: Doc,
    nominal_deps: Collection[str],
    lemmatize: Lemmatize | None = None,
    irregular: Irregular | None = None,
    plural: Plural | None = None,
    *,
    demonym: Demonym | None = None,
) -> Doc:
    """``doc`` with the common nouns the tagger missed tagged as nouns, the names it took for
    adverbs made objects and irregular past forms it took for the present made past (see the
    module; ``irregular``: the lemma the lemmatizer's exceptions give a verb form, if any;
    ``plural``: whether a lower-case form is the plural of a known common noun; ``demonym``:
    whether a case-folded word is a people's word)."""
    for tok in doc:
        if irregular is not None and tok.pos_ == "VERB" and tok.tag_ in _BASE_TAGS:
            form = tok.text.lower()
            lemma = irregular(form)
            if lemma is not None and lemma != form:
                after_aux = any(c.dep_ in {"aux", "auxpass"} for c in tok.children)
                tok.tag_ = "VBN" if after_aux else "VBD"
                finite = "Part" if after_aux else "Fin"
                tok.morph = MorphAnalysis(doc.vocab, {"Tense": "Past", "VerbForm": finite})
                tok.lemma_ = lemma
        if _name_taken_for_adverb(tok):
            tok.pos_, tok.tag_, tok.dep_ = "PROPN", "NNP", "dobj"
        elif demonym is not None and _demonym_taken_for_name(tok, demonym):
            tok.pos_, tok.tag_, tok.dep_ = "ADJ", "JJ", "amod"
        elif tok.pos_ == "ADJ" and tok.dep_ in nominal_deps:
            if any(c.dep_ in _HEAD_MARKS and c.i < tok.i for c in tok.children):
                _noun(tok, "NN", None)  # "offensive" is its own lemma as a noun
        elif not _opens_sentence(tok) or tok.i + 1 >= len(doc):
            continue
        elif (
            (
                tok.tag_ in _PROPER_TO_COMMON
                or (tok.tag_ == "NNP" and plural is not None and plural(tok.text.lower()))
            )
            and not tok.ent_type_
            and tok.text.istitle()
            and doc[tok.i + 1].text.islower()
        ):
            _noun(tok, "NNS", lemmatize)
        elif (
            tok.pos_ == "AUX"
            and tok.tag_ == "VBG"
            and tok.lemma_.lower() not in grammar().auxiliary_verbs
            and tok.text.istitle()
        ):
            _noun(tok, "NN", lemmatize)
    return doc


__all__ = ["Demonym", "Irregular", "Lemmatize", "Plural", "repair_tags"]
