"""The fast structures of event folding decide as the plain ones they replace: groups joined by
a union-find that keeps what a join compares, and antecedents looked up by type and word, each
checked against a direct scan of all events on made-up events."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence

from sitroom.events.folding import _Antecedents, _overlap
from sitroom.events.happening_groups import _MATERIAL, HappeningGroups
from sitroom.events.nesting import containers_of, nested
from sitroom.lang.vocabulary.event_phrases import FoldingVocabulary
from sitroom.lang.vocabulary.loader import load_vocabulary
from sitroom.model import Event, EventDate, Place

TYPES = ("ASSAULT", "FIGHT", "PROTEST", "COERCE")
QUADS = ("material_conflict", "verbal_conflict")
MODALITIES = ("asserted", "claimed", "planned", "negated")
WORDS = ("attack", "clash", "march", "arrest")


def made_up(rng: random.Random, n: int) -> list[Event]:
    events = []
    for i in range(n):
        day = rng.choice((None, 1, 2, 3))
        date = EventDate() if day is None else EventDate(
            start=dt.date(2024, 5, day), end=dt.date(2024, 5, day + rng.choice((0, 1)))
        )  # fmt: skip
        sentence = rng.randrange(n // 3 + 1)
        events.append(
            Event(
                id=f"v{i}",
                type=rng.choice(TYPES),
                cameo="18",
                quad=rng.choice(QUADS),
                actor1=rng.choice((None, None, "army", "rebels")),
                place=rng.choice((None, None, "north", "south")),
                mode=rng.choice((None, None, "air", "ground")),
                modality=rng.choice(MODALITIES),
                date=date,
                trigger=(i, i + 1),
                sentence=(sentence, sentence + 1),
                confidence=0.5,
            )
        )
    return sorted(events, key=lambda e: e.sentence)


class ScanningGroups:
    """The plain version: a join looks at every event of the two happenings it finds by a pass
    over all events."""

    def __init__(self, events: Sequence[Event], words: FoldingVocabulary) -> None:
        self.events = events
        self.parent = list(range(len(events)))
        self.governed: set[int] = set()
        self.kinds = [frozenset({e.type}) for e in events]
        self.realis = {m: group[0] for group in words.modality_groups for m in group}
        for group in words.same_happening_types:
            self.kinds = [k | group if k <= group else k for k in self.kinds]

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            i = self.parent[i]
        return i

    def members(self, i: int) -> list[int]:
        return [j for j in range(len(self.events)) if self.find(j) == self.find(i)]

    def join(self, a: int, b: int, *, strict: bool = True, actors: bool = True) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if self.events[b].type not in self.kinds[a]:
            return False
        together = [self.events[i] for i in self.members(a) + self.members(b)]
        fields = ["actor1", "place"] if actors else ["place"]
        if any(e.quad in _MATERIAL for e in together):
            fields.append("mode")
        for field in fields:
            if len({getattr(e, field) for e in together} - {None}) > 1:
                return False
        if strict and len({self.realis.get(e.modality, e.modality) for e in together}) > 1:
            return False
        self.parent[rb] = ra
        self.governed.add(b)
        return True


def test_joins_decide_as_a_scan_of_all_members_does() -> None:
    words = load_vocabulary(FoldingVocabulary)
    rng = random.Random(19)
    for _ in range(40):
        events = made_up(rng, 30)
        fast, plain = HappeningGroups(events, words), ScanningGroups(events, words)
        marked = set(rng.sample(range(30), 12))
        fast.mark(marked)
        for _ in range(80):
            a, b = rng.randrange(30), rng.randrange(30)
            strict, actors = rng.random() < 0.5, rng.random() < 0.7
            assert fast.join(a, b, strict=strict, actors=actors) == plain.join(
                a, b, strict=strict, actors=actors
            )
            i = rng.randrange(30)
            assert sorted(fast.members(i)) == plain.members(i)
            assert fast.alone(i) == (plain.members(i) == [i])
            assert fast.all_marked(i) == marked.issuperset(plain.members(i))
        assert fast.governed == plain.governed
        assert [fast.find(i) for i in range(30)] == [plain.find(i) for i in range(30)]


def scanned_antecedent(
    events: Sequence[Event],
    lemmas: Sequence[str | None],
    n: int,
    *,
    same_word: bool,
    kinds: Sequence[str],
    first: bool,
) -> int | None:
    """The plain version: every earlier event, nearest (or first) first."""
    types = {events[n].type, *kinds}
    for m in range(n) if first else range(n - 1, -1, -1):
        if (
            lemmas[m] is not None
            and events[m].sentence != events[n].sentence
            and (not same_word or lemmas[m] == lemmas[n])
            and events[m].type in types
            and _overlap(events[m], events[n])
        ):
            return m
    return None


def test_antecedents_are_those_a_scan_of_all_earlier_events_finds() -> None:
    rng = random.Random(1)
    for _ in range(30):
        events = made_up(rng, 40)
        lemmas = [rng.choice((None, *WORDS)) for _ in events]
        index = _Antecedents(events, lemmas)
        for n, lemma in enumerate(lemmas):
            if lemma is None:
                continue
            for same_word in (True, False):
                for first in (True, False):
                    kinds = rng.sample(TYPES, rng.randrange(3))
                    found = index.find(n, same_word=same_word, kinds=kinds, first=first)
                    assert found == scanned_antecedent(
                        events, lemmas, n, same_word=same_word, kinds=kinds, first=first
                    )


def test_places_nest_in_their_country_and_first_level_area_only() -> None:
    places = [
        Place(id="p1", name="Nigeria", kind="country", country="NG", precision=3),
        Place(id="p2", name="Borno", kind="admin1", country="NG", admin1="02", precision=3),
        Place(id="p3", name="Maiduguri", kind="city", country="NG", admin1="02", precision=1),
        Place(id="p4", name="Kano", kind="city", country="NG", admin1="17", precision=1),
        Place(id="p5", name="Niamey", kind="city", country="NE", admin1="08", precision=1),
    ]
    held = containers_of(places)
    assert held["p3"] == {"p1", "p2", "p3"}
    assert held["p2"] == {"p1", "p2"}
    assert held["p1"] == {"p1"}
    assert nested({"p1", "p2", "p3"}, held)
    assert nested({"p1", "p4"}, held)
    assert not nested({"p3", "p4"}, held)  # two towns of one country
    assert not nested({"p2", "p4"}, held)  # a town of another area
    assert not nested({"p1", "p5"}, held)
    assert nested({"p5"}, held) and nested(set(), {})
