"""How far the story's place reaches: an event told over a longer time than the story's is no
part of the story's scene.

**Rule.** An event whose sentence names no place is placed where the story is (the sentences
before it, the report's one scene, the article's focus: :mod:`sitroom.events.detect`). Not when
its own clause dates it at a coarser precision than the story's day or week: a month, a year, a
span ("*Last month*, bandits kidnapped 80 villagers", "dozens of attacks *this year*"; the
precisions outside ``story_time_precisions`` of toponyms.yaml). Such a sentence tells another
happening or sums up many, in places the story does not say; the event stays unplaced unless
its own sentence places it. A happening running *since* a time up to now ("protesters who have
filled the streets since early June"; ``since_words`` of periods.yaml) is the story's own and
stays where the story is. Nor is an event said to happen in many places ("demonstrators
marched through *several cities*": a place phrase in the plural of a cue word for a town or an
area, place_cues.yaml) at the story's one town (a country's story holds many).
"""

from __future__ import annotations

from spacy.tokens import Token

from sitroom.lang.docindex import DocIndex
from sitroom.lang.period import clause_time, governing_verb
from sitroom.lang.places import cue_of
from sitroom.lang.vocabulary.grammar import grammar
from sitroom.lang.vocabulary.periods import period_words
from sitroom.lang.vocabulary.places import toponym_words

_STORY_PRECISIONS = toponym_words().story_time_precisions
_PLACE_PREPS = grammar().place_prepositions
_COARSE = toponym_words().coarse_place_kinds  # a country holds many towns, a town none
# Classes of cue word a plural of which names many places ("several cities", "villages").
_MANY = frozenset({"settlement", "admin", "district"})


def beyond_story(trig: Token, place: str | None, index: DocIndex) -> bool:
    """Whether the event at ``trig`` is dated at a coarser time than the story's and not as
    running since it, or said to happen in many places while the story's ``place`` is one town
    (see the module's rule), so that the story's place does not carry to it."""
    if place is None:
        return False
    if index.place_kind.get(place) not in _COARSE and _in_many_places(trig):
        return True
    return told_beyond(trig, index)


def told_beyond(tok: Token, index: DocIndex) -> bool:
    """Whether the clause of ``tok`` is dated at a coarser time than the story's and not as
    running since it ("*Last year*, a bomber killed 80 people at a mosque in X"): another
    happening, or many, beside the story's."""
    dated = clause_time(tok, index.times)
    if dated is None or dated.since or dated.time.precision in _STORY_PRECISIONS:
        return False
    # "who have filled the streets since early June": running up to now, the story's own
    since = period_words().since_words
    return not any(
        c.dep_ in {"prep", "mark"} and c.lower_ in since for c in governing_verb(tok).children
    )


def _in_many_places(trig: Token) -> bool:
    """ "marched through *several cities*", "clashes in *towns* across the north": a place
    phrase of the event in the plural of a noun for a kind of place."""
    verb = governing_verb(trig)
    for prep in (c for a in {trig, verb} for c in a.children if c.dep_ == "prep"):
        if prep.lower_ not in _PLACE_PREPS:
            continue
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            if obj.tag_ == "NNS" and cue_of(obj.lemma_.lower()) in _MANY:
                return True
    return False


__all__ = ["beyond_story", "told_beyond"]
