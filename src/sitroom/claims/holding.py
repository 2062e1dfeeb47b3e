"""What a claim that a place is still held denies: its capture, not what was done to people
there nor fighting no one won. Kept free of spaCy, since the store's cross-article matching
(``corpus.claims``) asks it too; the claims that a place is held are read in
``claims/places.py``."""

from __future__ import annotations

from functools import cache

from sitroom.lang.vocabulary import load_vocabulary
from sitroom.lang.vocabulary.events import TriggersVocabulary
from sitroom.model import Proposition

OCCUPY = "occupy"  # the PLOVER mode of taking ground
TAKEN = "taken"  # the predicate of the capture a holding claim denies ("Wau taken")
# The measures of ``count_measures`` (data/reporting.yaml) that count the dead and the hurt.
HARM_MEASURES = frozenset({"killed", "injured"})


@cache
def _taking_words() -> frozenset[str]:
    """Lemmas of the triggers of taking ground (mode ``occupy`` in event_triggers.yaml)."""
    words = load_vocabulary(TriggersVocabulary)
    return frozenset(t.lemma.split()[0] for t in words.triggers if t.mode == OCCUPY)


def harm_against_holding(said: Proposition, denied: Proposition) -> bool:
    """Whether ``denied`` is a holding claim ("Wau remains under our control": Wau not
    ``TAKEN``) and ``said`` tells what was done to people there ("killed 30 soldiers in the
    assault") or fighting that no side is said to have won and no word of taking names
    ("residents reported gunfire"): holding a place denies its capture, not the dead and hurt
    of the fighting, nor the fighting."""
    holding = denied.kind == "statement" and denied.predicate == TAKEN
    harm = said.killed is not None or any(c.measure in HARM_MEASURES for c in said.counts)
    word = (said.predicate or "").split()[:1]
    fighting = not said.actors and bool(word) and word[0].casefold() not in _taking_words()
    return holding and (harm or fighting)


__all__ = ["HARM_MEASURES", "TAKEN", "harm_against_holding"]
