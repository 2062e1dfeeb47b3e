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
stays where the story is.
"""

from __future__ import annotations

from spacy.tokens import Token

from sitroom.lang.docindex import DocIndex
from sitroom.lang.period import clause_time, governing_verb
from sitroom.lang.vocabulary.periods import period_words
from sitroom.lang.vocabulary.places import toponym_words

_STORY_PRECISIONS = toponym_words().story_time_precisions


def beyond_story(trig: Token, index: DocIndex) -> bool:
    """Whether the event at ``trig`` is dated at a coarser time than the story's and not as
    running since it (see the module's rule), so that the story's place does not carry to it."""
    dated = clause_time(trig, index.times)
    if dated is None or dated.since or dated.time.precision in _STORY_PRECISIONS:
        return False
    # "who have filled the streets since early June": running up to now, the story's own
    since = period_words().since_words
    return not any(
        c.dep_ in {"prep", "mark"} and c.lower_ in since for c in governing_verb(trig).children
    )


__all__ = ["beyond_story"]
