"""The one-sentence conflict-report probe: its gold file and how a sentence is scored.

Kept apart from ``bench/sentences.py`` so the scoring can be tested on hand-made gold and
predictions without the spaCy model. The gold file's schema is in its header
(``bench/gold/sentences/conflict_ledes.yaml``).

Each sentence is one document. Of sitroom's events for it, the one that stands for the
sentence's main event is chosen: among the events of an acceptable type if there are any (else
among all), the one with most of actor1, actor2 and place right; ties go to the more confident.

- **found**: the chosen event's type is one of the acceptable ones;
- **actor1 / actor2 / place**: the chosen event's slot is right; with no event at all every
  slot is wrong; a null gold slot is right only when the event leaves it empty (inventing an
  actor or a place is an error);
- **all three**: found, and actor1, actor2 and place all right.

Actors and places are judged as ``bench/_probe_scores.py`` says (mention overlap or head
word; a place's name or mention). All scores are shares of the sentences of a half.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from _probe_scores import actor_right, alternatives, find, head_word, place_right
from sitroom.model import Event, Extraction

GOLD_FILE = Path(__file__).resolve().parent / "gold" / "sentences" / "conflict_ledes.yaml"

SLOTS = ("actor1", "actor2", "place")


@dataclass(frozen=True)
class GoldSentence:
    id: int
    split: str
    text: str
    types: tuple[str, ...]
    actor1: tuple[str, ...]  # alternatives; () when the sentence names no one
    actor2: tuple[str, ...]
    place: tuple[str, ...]


def parse_sentence(data: dict[str, Any]) -> GoldSentence:
    sentence = GoldSentence(
        id=int(data["id"]),
        split=str(data["split"]),
        text=str(data["text"]),
        types=tuple(str(t) for t in data["types"]),
        actor1=alternatives(data.get("actor1")),
        actor2=alternatives(data.get("actor2")),
        place=alternatives(data.get("place")),
    )
    return sentence


def problems(sentences: Sequence[GoldSentence]) -> list[str]:
    """Where the gold file breaks its schema (ids, the split rule, texts not in the sentence)."""
    found = []
    for n, s in enumerate(sentences):
        if s.id != n:
            found.append(f"id {s.id} at position {n}")
        if s.split != ("dev" if s.id % 2 == 0 else "test"):
            found.append(f"{s.id}: split {s.split}, but even ids are dev and odd ones test")
        if not s.types:
            found.append(f"{s.id}: no acceptable type")
        for text in (*s.actor1, *s.actor2, *s.place[:1]):
            if find(s.text, text) is None:
                found.append(f"{s.id}: {text!r} is not in the sentence")
    return found


def load_sentences(path: Path = GOLD_FILE) -> list[GoldSentence]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [parse_sentence(d) for d in data["sentences"]]


@dataclass(frozen=True)
class Chosen:
    """The event standing for the sentence, with its slots scored."""

    event: Event | None
    found: bool
    actor1: bool
    actor2: bool
    place: bool
    actor1_name: str | None = None
    actor2_name: str | None = None
    place_name: str | None = None

    @property
    def all_three(self) -> bool:
        return self.found and self.actor1 and self.actor2 and self.place


def score_sentence(gold: GoldSentence, extraction: Extraction) -> Chosen:
    entities = {e.id: e for e in extraction.entities}
    places = {p.id: p for p in extraction.places}
    text = extraction.document.text

    def judged(event: Event) -> Chosen:
        a1 = entities.get(event.actor1) if event.actor1 else None
        a2 = entities.get(event.actor2) if event.actor2 else None
        place = places.get(event.place) if event.place else None
        return Chosen(
            event,
            event.type in gold.types,
            actor_right(a1, gold.actor1, text),
            actor_right(a2, gold.actor2, text),
            place_right(place, gold.place, text),
            a1.name if a1 else None,
            a2.name if a2 else None,
            place.name if place else None,
        )

    candidates = [judged(e) for e in extraction.events]
    if not candidates:
        return Chosen(None, False, False, False, False)
    pool = [c for c in candidates if c.found] or candidates
    return max(
        pool,
        key=lambda c: (c.actor1 + c.actor2 + c.place, c.event.confidence if c.event else 0.0),
    )


@dataclass(frozen=True)
class HalfScore:
    sentences: int = 0
    found: int = 0
    actor1: int = 0
    actor2: int = 0
    place: int = 0
    all_three: int = 0

    def add(self, chosen: Chosen) -> HalfScore:
        return HalfScore(
            self.sentences + 1,
            self.found + chosen.found,
            self.actor1 + chosen.actor1,
            self.actor2 + chosen.actor2,
            self.place + chosen.place,
            self.all_three + chosen.all_three,
        )


__all__ = [
    "GOLD_FILE",
    "Chosen",
    "GoldSentence",
    "HalfScore",
    "actor_right",
    "head_word",
    "load_sentences",
    "parse_sentence",
    "place_right",
    "problems",
    "score_sentence",
]
