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
# PLOVER types of an act on people or property, never a taking of ground ("burned the police
# station"): holding the place does not deny it, whoever did it.
_RAID_TYPES = frozenset({"ASSAULT"})


@cache
def _taking_words() -> frozenset[str]:
    """Lemmas of the triggers of taking ground (mode ``occupy`` in event_triggers.yaml)."""
    words = load_vocabulary(TriggersVocabulary)
    return frozenset(t.lemma.split()[0] for t in words.triggers if t.mode == OCCUPY)


def harm_against_holding(said: Proposition, denied: Proposition) -> bool:
    """Whether ``denied`` is a holding claim ("Wau remains under our control": Wau not
    ``TAKEN``) and ``said`` tells what was done to people there ("killed 30 soldiers in the
    assault"), fighting that no side is said to have won and no word of taking names
    ("residents reported gunfire"), or a raid by anyone ("its fighters burned the police
    station"): holding a place denies its capture, not the dead and hurt of the fighting, nor
    the fighting and raids."""
    holding = denied.kind == "statement" and denied.predicate == TAKEN
    harm = said.killed is not None or any(c.measure in HARM_MEASURES for c in said.counts)
    word = (said.predicate or "").split()[:1]
    untaking = bool(word) and word[0].casefold() not in _taking_words()
    # fighting no side is said to have won, or a raid on people or property by anyone
    fighting = untaking and (not said.actors or said.event_type in _RAID_TYPES)
    return holding and (harm or fighting)


__all__ = ["HARM_MEASURES", "TAKEN", "harm_against_holding"]
