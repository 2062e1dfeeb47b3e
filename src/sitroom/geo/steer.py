"""A bare place name follows the reading its qualified or cued mention got: "Paris, Tenn." …
"Paris"; "Sagaing region" … "much of Sagaing". Read by ``geo/resolve.py`` while it chooses."""

from __future__ import annotations

import dataclasses

from sitroom.geo._names import fold_key
from sitroom.geo.candidate import Candidate
from sitroom.geo.mention import Mention
from sitroom.lang.places import cue_of

# The readings a name called a town has.
_TOWN_KINDS = frozenset({"city", "locality"})


@dataclasses.dataclass(frozen=True, slots=True)
class Steer:
    start: int
    reading: Candidate
    anywhere: bool  # a qualified name steers all its bare mentions; a named area later ones


def note_steer(steers: dict[str, Steer], mention: Mention, reading: Candidate) -> None:
    """A bare name follows the reading its qualified mention got ("Paris, Tenn." … "Paris"),
    and, when it comes later, that of the area or the town first named with its cue ("Sagaing
    region … much of Sagaing", "the town of X … X", a dateline's town; in "Kandahar … Kandahar
    province" the bare name may be the city)."""
    if mention.qualifier and mention.cue is None:
        key, steer = fold_key(mention.text), Steer(mention.span[0], reading, anywhere=True)
    elif mention.cue == "admin" and reading.kind in {"admin1", "admin2"}:
        key, steer = without_cue_word(mention.text), Steer(mention.span[0], reading, False)
    elif mention.cue == "settlement" and reading.kind in _TOWN_KINDS:
        # "MARIB, Yemen -" (a dateline), "the town of X": the town again later, not the
        # province of its name ("a front line south of Marib")
        key, steer = without_cue_word(mention.text), Steer(mention.span[0], reading, False)
    else:
        return
    known = steers.get(key)
    if known is None or (not known.anywhere and (steer.anywhere or steer.start < known.start)):
        steers[key] = steer


def without_cue_word(text: str) -> str:
    """The folded name of "Sagaing region", "Kandahar province": the cue word taken off."""
    words = fold_key(text).split()
    return " ".join(words[:-1]) if len(words) > 1 and cue_of(words[-1]) else " ".join(words)


__all__ = ["Steer", "note_steer", "without_cue_word"]
