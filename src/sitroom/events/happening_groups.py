"""The happenings a document's event mentions form, as the folding joins them.

A union-find whose roots keep what a join compares: two mentions are joined unless what they say
disagrees (two doers, two places neither of which holds the other, two modes of a material act,
or, when strict, two kinds of report). A join refused only for the doer or the place is kept
(``near``): the two may be one happening one mention of which got that argument wrong, which
``events/consistency.py`` decides once every argument is known. Read by ``events/folding.py``.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from collections.abc import Set as AbstractSet
from typing import TypeVar

from sitroom.events.nesting import nested
from sitroom.lang.vocabulary.event_phrases import FoldingVocabulary
from sitroom.model import Event

_MATERIAL = frozenset({"material_conflict", "material_cooperation"})
_T = TypeVar("_T")
_COMPARED = ("actor1", "place", "mode")  # the fields two mentions of one happening share


class HappeningGroups:
    """Events joined into happenings; a join is refused when the two sides disagree.

    A union-find whose roots keep their members and what a join compares (each field's values,
    the modalities, whether an act is material), the smaller side merged into the larger: a
    join costs the size of the smaller side, not a pass over the whole document."""

    def __init__(
        self,
        events: Sequence[Event],
        words: FoldingVocabulary,
        containers: Mapping[str, AbstractSet[str]] | None = None,
        crowds: Collection[int] = frozenset(),
    ) -> None:
        self.events = events
        # Place id -> the places that hold it: two mentions at places one of which holds the
        # other ("in Nigeria" ... "near Maiduguri") agree on where.
        self.containers = containers or {}
        self.parent = list(range(len(events)))
        # Mentions joined under another: the argument of a predicate, a word said again.
        self.governed: set[int] = set()
        self.kinds = [frozenset({e.type}) for e in events]
        # Modalities one happening may be reported with, each group by its first member.
        self.realis = {m: group[0] for group in words.modality_groups for m in group}
        for group in words.same_happening_types:
            self.kinds = [k | group if k <= group else k for k in self.kinds]
        # Per root (stale on other indices): its members, the values a join compares, and
        # how many members are not marked (see :meth:`mark`).
        self.own = [[i] for i in range(len(events))]
        # A people noun's mode is its type's default, not how anything was done ("protesters
        # blocked roads" is a blockade): it never stands against another mention's.
        # A place only the article's focus gave ("document") was never said of this mention:
        # it does not stand against the place another mention states ("a car bomb in Maidan
        # Shahr ... it was targeted with a Humvee", the second placed by the article at Kabul).
        self.values: list[dict[str, set[object]]] = [
            {f: {_compared(e, f, words.mode_kinds)} - {None} for f in _COMPARED} for e in events
        ]
        for n in crowds:
            self.values[n]["mode"] = set()
        # The doer of an act that answers another ("our troops repelled the assault") is the
        # answered act's other party: it never stands against the answered act's doer.
        for n, event in enumerate(events):
            if event.mode in words.answering_modes:
                self.values[n]["actor1"] = set()
        self.reports = [{self.realis.get(e.modality, e.modality)} for e in events]
        self.material = [e.quad in _MATERIAL for e in events]
        self.unmarked = [1] * len(events)
        self.marked: set[int] = set()
        # Joins refused only because the sides name two doers or two places, in the order tried.
        self.near: list[tuple[int, int]] = []

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def alone(self, i: int) -> bool:
        """Whether event ``i`` is not yet joined with any other."""
        return len(self.own[self.find(i)]) == 1

    def members(self, i: int) -> list[int]:
        """The events of ``i``'s happening (in no particular order; the list is the group's
        own, to be copied before a join)."""
        return self.own[self.find(i)]

    def mark(self, indices: Collection[int]) -> None:
        """Mark events, so that :meth:`all_marked` answers for a whole group at once."""
        for i in set(indices) - self.marked:
            self.marked.add(i)
            self.unmarked[self.find(i)] -= 1

    def all_marked(self, i: int) -> bool:
        """Whether every event of ``i``'s happening is marked."""
        return self.unmarked[self.find(i)] == 0

    def join(self, a: int, b: int, *, strict: bool = True, actors: bool = True) -> bool:
        """Join the happenings of events ``a`` and ``b`` unless they disagree; ``strict``
        also wants their modalities to agree (mentions not linked by the parse); without
        ``actors`` their doers may differ (a people noun names them its own way)."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if self.events[b].type not in self.kinds[a]:
            return False
        # The mode of a material act is how it was done (from the air, by occupying ground):
        # two modes are two acts. A verbal act's modes (to host, to meet) are facets of one.
        fields = ["actor1", "place"] if actors else ["place"]
        if self.material[ra] or self.material[rb]:
            fields.append("mode")
        apart = [
            f
            for f in fields
            if (
                not nested(self.values[ra][f] | self.values[rb][f], self.containers)
                if f == "place"
                else _disagree(self.values[ra][f], self.values[rb][f])
            )
        ]
        reported_apart = strict and _disagree(self.reports[ra], self.reports[rb])
        if apart and "mode" not in apart and not reported_apart:
            self.near.append((a, b))
        if apart:
            return False
        if reported_apart:
            return False  # "ended the fighting ... ready to stop fighting if ...": two
        self.parent[rb] = ra
        for f in _COMPARED:
            self.values[ra][f] = _union(self.values[ra][f], self.values[rb][f])
        self.reports[ra] = _union(self.reports[ra], self.reports[rb])
        self.material[ra] = self.material[ra] or self.material[rb]
        small, large = sorted((self.own[ra], self.own[rb]), key=len)
        large.extend(small)
        self.own[ra], self.own[rb] = large, []
        self.unmarked[ra] += self.unmarked[rb]
        self.governed.add(b)
        return True


def _compared(event: Event, field: str, mode_kinds: Mapping[str, str]) -> object:
    """The value of ``field`` a join compares: none for a place the text did not give; for a
    mode that names a kind of another, that other ("suicide_bombing": a bombing)."""
    if field == "place" and event.place_basis == "document":
        return None
    if field == "mode" and event.mode is not None:
        return mode_kinds.get(event.mode, event.mode)
    return getattr(event, field)


def _disagree(one: AbstractSet[object], other: AbstractSet[object]) -> bool:
    """Whether two groups' values of a field, together, are more than one; without building
    the union (a group that holds two already disagrees with any other)."""
    return len(one) > 1 or len(other) > 1 or bool(one and other and one != other)


def _union(one: set[_T], other: set[_T]) -> set[_T]:
    """The union of two sets owned by two groups being joined, made in the larger."""
    small, large = sorted((one, other), key=len)
    large |= small
    return large


__all__ = ["HappeningGroups"]
