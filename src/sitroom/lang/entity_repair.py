"""Repairs of the small model's entity spans that cut a group's name or mistake its kind.

The model tags the adjective of a group's name alone ("*Islamic* State", "*Tamil* Tigers") or
calls a front a person ("the Tigray People's Liberation *Front*" as PERSON). Two general shapes
of English names, with the words of ``roles.yaml``:

* a name followed by a capitalised word that closes group names (``name_heads``: "State",
  "Front", "Movement", "Brigades") is one organisation with it, also when the model tagged
  that word an organisation of its own after a nationality ("*Islamic* *State* group");
* a span of several words that the model calls a person but that ends in such a word ("the
  Ogaden National Liberation Front") is an organisation, and so is one it calls a place that
  ends in the last word of a police force's name (``police_name_heads``: "West Yorkshire
  Police").

* an initialism the model left unlabelled after "the" ("*the ELN* agreed", "fighters of *the
  RSF*", "*the TTP* militants"), as a party of a clause or before a noun of people, is an
  organisation: what English writes "the" and capitals for is a group's short name. Before a
  noun of armed people or of a force (``force_nouns``) it is one without "the" too
  ("Suspected *ELN* rebels", "*RSF* fighters"): such people are that group's;

* a word of doubt opening a sentence that the model took into a group's name ("*Suspected*
  al-Shabaab", ``doubt_words``) is left out of it: capitalised only by its place.

Spans are only widened over words no other entity holds, so a repaired span never overlaps one.

One repair shrinks a span: the model sometimes sweeps a place named just before a time word into
the time ("drones struck *Kyiv overnight*", "clashes in *Goma yesterday*"). Capitalised words
that open a TIME or DATE span and are followed in it by a lower-case word, when they are no month,
weekday or named day (``temporal.yaml``), are left out of the span, unlabelled, for the stages that
read names to judge.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

_GROUP_LABELS = frozenset({"NORP", "ORG", "PERSON", "GPE"})
_TIME_LABELS = frozenset({"TIME", "DATE"})
_PLACE_LABELS = frozenset({"GPE", "LOC"})
_INITIALISM = (2, 6)  # letters of a group's initialism ("the SDF", "the ELN", "the ONLF")
# Where a group stands as a party: subject, object, object of a preposition, a conjunct,
# an owner ("the ELN's leaders"), an apposition.
_PARTY_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "poss", "appos", "dative"})


def _closes_name(tok: Token, name_heads: frozenset[str], taken: set[int]) -> bool:
    return tok.i not in taken and tok.text.istitle() and tok.text.lower() in name_heads


def _closing_entity(span: Span, at: int, name_heads: frozenset[str]) -> bool:
    """``span`` is one word of ``name_heads`` right at ``at``, tagged an organisation alone."""
    return (
        span.start == at
        and len(span) == 1
        and span.label_ == "ORG"
        and _closes_name(span[0], name_heads, set())
    )


def repaired_entities(
    doc: Doc,
    name_heads: frozenset[str],
    people_nouns: frozenset[str] = frozenset(),
    force_nouns: frozenset[str] = frozenset(),
    doubt_words: frozenset[str] = frozenset(),
    force_heads: frozenset[str] = frozenset(),
) -> list[Span]:
    """The document's entity spans with cut group names widened, mislabelled ones relabelled
    and an opening word of doubt left out, and unlabelled initialisms of groups added
    (``people_nouns``: the nouns of people an initialism after "the" may name the group of,
    "the ELN *rebels*"; ``force_nouns``: those it may without "the"; ``force_heads``: the last
    words of a force's name, "Police", that make a span the model called a place a force's
    name); every other span as it was."""
    taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    out: list[Span] = []
    ents = list(doc.ents)
    absorbed: set[int] = set()
    for k, ent in enumerate(ents):
        if k in absorbed:
            continue
        start, end, label = ent.start, ent.end, ent.label_
        if label == "NORP" and k + 1 < len(ents) and _closing_entity(ents[k + 1], end, name_heads):
            # "*Islamic* [NORP] *State* [ORG] group": the closing word tagged on its own
            absorbed.add(k + 1)
            end, label = end + 1, "ORG"
        if label in _GROUP_LABELS and end - start > 1 and _doubt(doc[start], doubt_words):
            start += 1  # "Suspected al-Shabaab": the name is the rest
        if label in _GROUP_LABELS:
            while end < len(doc) and _closes_name(doc[end], name_heads, taken):
                end += 1
            if end > ent.end:
                label = "ORG"
                taken.update(range(ent.end, end))
            last = doc[end - 1]
            if label == "PERSON" and end - start > 1 and _org_word(last, name_heads):
                label = "ORG"  # "the Tigray People's Liberation Front" is no person
            if label in _PLACE_LABELS and end - start > 1 and _org_word(last, force_heads):
                label = "ORG"  # "West Yorkshire Police" is the force, not the county
        same = (start, end, label) == (ent.start, ent.end, ent.label_)
        out.append(ent if same else Span(doc, start, end, label))
    taken = {i for ent in out for i in range(ent.start, ent.end)}
    added = [
        Span(doc, tok.i, tok.i + 1, "ORG")
        for tok in doc
        if tok.i not in taken and _group_initialism(tok, people_nouns, force_nouns)
    ]
    return sorted([*out, *added], key=lambda span: span.start) if added else out


def names_before_times(doc: Doc, calendar_words: frozenset[str]) -> list[Span] | None:
    """The document's entity spans with capitalised words that open a time span before a
    lower-case time word taken out of it ("Kyiv overnight" → "overnight"); ``None`` when no span
    changes. ``calendar_words``: months, weekdays and named days (lower case)."""
    changed = False
    out: list[Span] = []
    for ent in doc.ents:
        start = ent.start
        if ent.label_ in _TIME_LABELS:
            while start < ent.end - 1 and _name_not_time(doc[start], calendar_words):
                start += 1
            if start > ent.start and not doc[start].text.islower():
                start = ent.start  # "Christmas Eve", "Easter Sunday": a name of a day
        if start == ent.start:
            out.append(ent)
            continue
        changed = True
        out.append(Span(doc, start, ent.end, ent.label_))
    return out if changed else None


def _name_not_time(tok: Token, calendar_words: frozenset[str]) -> bool:
    return (
        tok.pos_ == "PROPN"
        and tok.text[:1].isupper()
        and tok.text.isalpha()
        and tok.text.lower() not in calendar_words
    )


def _doubt(tok: Token, words: frozenset[str]) -> bool:
    """A capitalised word of doubt opening a sentence ("Suspected", "Alleged")."""
    opens = tok.is_sent_start is True or tok.i == 0
    return opens and tok.text.istitle() and tok.text.lower() in words


def _group_initialism(
    tok: Token, people_nouns: frozenset[str], force_nouns: frozenset[str] = frozenset()
) -> bool:
    """ "the ELN", "the RSF's fighters": two to six capitals after "the", as a party of its
    clause or the modifier of a noun of people; "ELN rebels": before a noun of armed people
    or of a force, without "the"."""
    text = tok.text
    if not (text.isalpha() and text.isupper() and _INITIALISM[0] <= len(text) <= _INITIALISM[1]):
        return False
    if tok.dep_ == "compound" and tok.head.lemma_.lower() in force_nouns:
        return True
    if tok.i == 0 or tok.doc[tok.i - 1].lower_ != "the":
        return False
    if tok.dep_ == "compound":
        return tok.head.lemma_.lower() in people_nouns
    return tok.dep_ in _PARTY_DEPS


def _org_word(tok: Token, words: Iterable[str]) -> bool:
    return tok.text.istitle() and tok.text.lower() in words


__all__ = ["names_before_times", "repaired_entities"]
