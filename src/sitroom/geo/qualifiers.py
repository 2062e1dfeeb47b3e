"""Names that qualify the name before them: "X, Y" ("Paris, Tenn.", "Mellit, North Darfur")
and "X in Y" ("Kani in northern Ivory Coast"). Y's countries and areas qualify X, and X's
candidates tell which Y must contain it. Moved out of :mod:`sitroom.geo.toponyms`, which finds
the mentions this links."""

from __future__ import annotations

import dataclasses

from sitroom.geo.admin1 import load_abbreviations
from sitroom.geo.resolve import Mention, qualified_by
from sitroom.lang.vocabulary.places import toponym_words

COMPASS = toponym_words().compass_words
# Kinds of place that may qualify a name before them.
QUALIFIER_KINDS = frozenset({"country", "admin1", "region"})


def _within(gap: str) -> bool:
    """ "X in Y", "X in eastern Y", "X in the north of Y": the words between two names that
    say the first lies in the second."""
    words = gap.lower().split()
    if len(words) < 1 or words[0] != "in":
        return False
    return all(w in COMPASS or w in {"the", "of"} for w in words[1:])


def link_qualifiers(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "X, Y" and "X in Y": Y's countries and areas qualify X; X's candidates are what Y must
    contain."""
    linked = list(mentions)
    for i in range(len(linked) - 1):
        x, y = linked[i], linked[i + 1]
        gap = text[x.span[1] : y.span[0]].strip()
        if gap != "," and not _within(gap):
            continue
        areas = tuple(c for c in y.candidates if c.kind in QUALIFIER_KINDS)
        if not areas:
            continue
        if x.strict and gap == ",":
            # "HURRICANE, W.Va.": a name the NER missed is a place when the area after it has a
            # town of that name; only those towns remain.
            inside = tuple(c for c in x.candidates if qualified_by(c, areas))
            if inside:
                x = dataclasses.replace(x, candidates=inside, strict=False)
        if (
            gap == ","
            and not x.strict
            and y.text in load_abbreviations()
            and not any(qualified_by(c, areas) for c in x.candidates)
        ):
            # "Bountiful, BC": a state's or province's abbreviation after the comma picks the
            # reading; a namesake in another country (Utah's) is none, and with no reading in
            # the area's country the town stands at its area, as a report of it does. Only an
            # abbreviation: a full name after a comma may be the next of a list ("Tehran,
            # Washington and Moscow"; "Syria, Iraq").
            held = {a.country for a in areas}
            inside = tuple(c for c in x.candidates if c.country in held)
            x = dataclasses.replace(x, candidates=inside or areas)
        linked[i] = dataclasses.replace(x, qualifier=areas)
        linked[i + 1] = dataclasses.replace(y, qualifies=x.candidates)
    return linked


__all__ = ["link_qualifiers"]
