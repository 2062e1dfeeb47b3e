"""What a claim that a place is still held denies: its capture, not what was done to people
there. Kept free of spaCy, since the store's cross-article matching (``corpus.claims``) asks it
too; the claims that a place is held are read in ``claims/places.py``."""

from __future__ import annotations

from sitroom.model import Proposition

TAKEN = "taken"  # the predicate of the capture a holding claim denies ("Wau taken")
# The measures of ``count_measures`` (data/reporting.yaml) that count the dead and the hurt.
HARM_MEASURES = frozenset({"killed", "injured"})


def harm_against_holding(said: Proposition, denied: Proposition) -> bool:
    """Whether ``denied`` is a holding claim ("Wau remains under our control": Wau not
    ``TAKEN``) and ``said`` tells what was done to people there ("killed 30 soldiers in the
    assault"): holding a place denies its capture, not the dead and hurt of the fighting."""
    holding = denied.kind == "statement" and denied.predicate == TAKEN
    harm = said.killed is not None or any(c.measure in HARM_MEASURES for c in said.counts)
    return holding and harm


__all__ = ["HARM_MEASURES", "TAKEN", "harm_against_holding"]
