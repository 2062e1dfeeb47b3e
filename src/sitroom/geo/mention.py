"""One toponym occurrence as the finder saw it: its text, its gazetteer candidates, and the
context resolution may use (``sitroom.geo.resolve``)."""

from __future__ import annotations

import dataclasses

from sitroom.geo.candidate import Candidate
from sitroom.lang.places import Cue
from sitroom.model import Span


@dataclasses.dataclass(frozen=True, slots=True)
class Mention:
    """One toponym occurrence, with everything resolution may use about its context."""

    text: str
    span: Span
    candidates: tuple[Candidate, ...]
    sentence: Span = (0, 0)
    cue: Cue | None = None
    near: bool = False  # "near X", "outside X", "north of X"
    qualifier: tuple[Candidate, ...] = ()  # candidates of Y in "X, Y"
    strict: bool = False  # not labelled as a place by the NER: demand a well-known place
    locative: bool = False  # strict, but "captured X": a town of some size will do
    introduced: bool = False  # strict, but "in X" or "captured X": a town in focus will do
    # introduced only by a word that often names no place ("the opposite *of* X"): a town in
    # focus will do, but not in a document that points nowhere
    weakly: bool = False
    qualifies: tuple[Candidate, ...] = ()  # candidates of X when this is the Y of "X, Y"
    small: bool = False  # called a village, a hamlet or a camp: no namesake city abroad
    # Told as where things are ("in Yemen", "across northern Mali", "on Yemen's coast"), not
    # as who acts ("Russia said its jets struck X"): ``sitroom.geo.name_cues.names_where``.
    within: bool = False
    # The countries whose people its sentence names ("the *Malian* army"): where a small town
    # introduced by a word of place may lie (``sitroom.geo.resolve``).
    demonyms: frozenset[str] = frozenset()
    # The country whose people's adjective describes the name's own place ("the *Syrian*
    # border town of X", "a *Syrian* town, X"): where it lies, as a qualifier says.
    people: frozenset[str] = frozenset()


__all__ = ["Mention"]
