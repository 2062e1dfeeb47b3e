"""No event where nothing happened: non-events and true look-alikes, one sentence each.

    PYTHONPATH=src:bench .venv/bin/python bench/non_events.py [--errors dev]

The gold file (``bench/gold/non_events/lookalikes.yaml``, schema in its header) holds sentences
that use the words of conflict where no conflict happening is news (a crash that killed, a
striker's shot, a battle with cancer, a takeover of a firm, a report released, no one
arrested, a threatened invasion, a wreck sunk in a war) and, mixed in, true events worded the
same way (gunmen fired shots at a bus, soldiers withdrew from a town). Each sentence is read on
its own with sitroom's full pipeline, dated ``PUBLISHED`` (a day of news, so that a year told
in the sentence can be read as before it). An event is *shown* when its modality is asserted or
claimed and it is not flagged background: what the default lists would present as news.

- **false-event rate**: share of the non-event sentences with a shown *material* event (PLOVER
  quad material conflict or material cooperation: an attack, a fight, an arrest, a withdrawal, a
  release, aid) of a type the item does not allow. Flagging an event negated, hypothetical or
  background is right; words said (a warning, a threat, criticism) are events of their own and
  not counted;
- **found rate**: share of the true look-alikes with a shown event of an acceptable type;
- **false events**: the number of such shown events on the non-event sentences.

The test items were written first and are read for their numbers alone; ``--errors`` lists the
dev items sitroom gets wrong (``--errors test`` exists to be left alone).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

import sitroom
from _scores import pct
from sitroom.ingest.text import make_document
from sitroom.model import Event, Extraction
from sitroom.service import Extractor

GOLD_FILE = Path(__file__).resolve().parent / "gold" / "non_events" / "lookalikes.yaml"
SHOWN_MODALITIES = frozenset({"asserted", "claimed"})
MATERIAL_QUADS = frozenset({"material_conflict", "material_cooperation"})
PUBLISHED = dt.date(2024, 6, 3)


@dataclass(frozen=True)
class Item:
    id: int
    split: str
    text: str
    event: bool
    kind: str
    types: tuple[str, ...]  # acceptable types of a true event
    allowed: tuple[str, ...]  # types that are no false event on a non-event


def parse_item(data: dict[str, Any]) -> Item:
    return Item(
        id=int(data["id"]),
        split=str(data["split"]),
        text=str(data["text"]),
        event=bool(data["event"]),
        kind=str(data.get("kind", "")),
        types=tuple(str(t) for t in data.get("types", ())),
        allowed=tuple(str(t) for t in data.get("allowed", ())),
    )


def load_items(path: Path = GOLD_FILE) -> list[Item]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [parse_item(d) for d in data["items"]]


def problems(items: list[Item]) -> list[str]:
    """Where the gold file breaks its schema."""
    found = []
    for n, item in enumerate(items):
        if item.id != n:
            found.append(f"id {item.id} at position {n}")
        if item.split not in ("dev", "test"):
            found.append(f"{item.id}: split {item.split}")
        if item.event and not item.types:
            found.append(f"{item.id}: a true event without acceptable types")
        if not item.event and item.types:
            found.append(f"{item.id}: a non-event with types (use allowed)")
    return found


def shown(event: Event) -> bool:
    return event.modality in SHOWN_MODALITIES and not event.background


def false_events(item: Item, extraction: Extraction) -> list[Event]:
    """The shown material events of a non-event sentence that it does not allow."""
    if item.event:
        return []
    return [
        e
        for e in extraction.events
        if shown(e) and e.quad in MATERIAL_QUADS and e.type not in item.allowed
    ]


def found(item: Item, extraction: Extraction) -> bool:
    return item.event and any(shown(e) and e.type in item.types for e in extraction.events)


@dataclass(frozen=True)
class HalfScore:
    non_events: int = 0
    with_false_event: int = 0
    false_events: int = 0
    true_events: int = 0
    found: int = 0

    def add(self, item: Item, extraction: Extraction) -> HalfScore:
        wrong = len(false_events(item, extraction))
        return HalfScore(
            self.non_events + (not item.event),
            self.with_false_event + (wrong > 0),
            self.false_events + wrong,
            self.true_events + item.event,
            self.found + found(item, extraction),
        )


def describe(event: Event, text: str) -> str:
    trigger = text[event.trigger[0] : event.trigger[1]]
    flags = "" if event.modality == "asserted" else f" ({event.modality})"
    flags += " [background]" if event.background else ""
    return f"{event.type} '{trigger}'{flags}"


def error_line(item: Item, extraction: Extraction) -> str | None:
    text = extraction.document.text
    events = ", ".join(describe(e, text) for e in extraction.events) or "no event"
    if item.event and not found(item, extraction):
        types = "/".join(item.types)
        return f"{item.id:>3} missed {types} ({item.kind}): {item.text}\n      got {events}"
    if wrong := false_events(item, extraction):
        listed = ", ".join(describe(e, text) for e in wrong)
        return f"{item.id:>3} false event ({item.kind}): {item.text}\n      got {listed}"
    return None


def print_table(scores: dict[str, HalfScore]) -> None:
    print(
        f"{'half':<5} {'non-ev':>6} {'false-ev rate':>14} {'false ev':>9} {'true':>5} {'found':>7}"
    )
    for half, s in scores.items():
        print(
            f"{half:<5} {s.non_events:>6} {pct(s.with_false_event, s.non_events):>14} "
            f"{s.false_events:>9} {s.true_events:>5} {pct(s.found, s.true_events)}"
        )
    print(
        "false-ev rate: non-event sentences with a shown material event (asserted or claimed, "
        "not background) of a type not allowed; false ev: the number of such events; found: true "
        "look-alikes with a shown event of an acceptable type."
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--errors", choices=("dev", "test"), default=None, help="list errors")
    args = parser.parse_args()
    items = load_items()
    if broken := problems(items):
        for line in broken:
            print(f"gold file: {line}")
        return 1
    extractor = Extractor(nlp=sitroom.load())
    started = time.perf_counter()
    documents = (make_document(i.text, published=PUBLISHED) for i in items)
    extractions = list(extractor.extract_many(documents))
    seconds = time.perf_counter() - started
    print(f"Non-events and look-alikes: {len(items)} sentences, {seconds:.1f}s")
    scores = {}
    for half in ("dev", "test", "all"):
        score = HalfScore()
        for item, extraction in zip(items, extractions, strict=True):
            if half in ("all", item.split):
                score = score.add(item, extraction)
        scores[half] = score
    print_table(scores)
    if args.errors:
        for item, extraction in zip(items, extractions, strict=True):
            if item.split == args.errors and (line := error_line(item, extraction)):
                print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
