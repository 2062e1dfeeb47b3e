"""Background flagged, news kept: short reports that mix earlier happenings with the news.

    PYTHONPATH=src:bench .venv/bin/python bench/background.py [--errors dev]

The gold file (``bench/gold/background/reports.yaml``, schema in its header) holds short
wire-style reports in which a happening before the article's period is told as context (dated,
"in 2014, the group seized Mosul"; undated, "the previous raid", "had kidnapped villagers years
earlier", "once held the town"; a running state, "since 2015"; what an anniversary
commemorates) next to the news, some of it worded like context ("police said he had organised
the burning on Tuesday", "the latest attack", "a day after gunmen killed …"). Each report is
read with sitroom's full pipeline, dated its ``published`` day. A gold mention is *found* when a
predicted event's trigger overlaps its trigger.

- **bg flagged**: share of the found background mentions whose overlapping events are all
  flagged ``background`` (what the default lists keep out);
- **news wrongly flagged**: share of the found news mentions with an overlapping event flagged
  ``background`` (news hidden from the default lists).

The test reports were written first and are read for their numbers alone; ``--errors`` lists
the dev mentions sitroom gets wrong (``--errors test`` exists to be left alone).
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
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

GOLD_FILE = Path(__file__).resolve().parent / "gold" / "background" / "reports.yaml"


@dataclass(frozen=True)
class Mention:
    trigger: str
    nth: int
    background: bool
    kind: str


@dataclass(frozen=True)
class Report:
    id: int
    split: str
    published: dt.date
    text: str
    mentions: tuple[Mention, ...]


def parse_report(data: dict[str, Any]) -> Report:
    published = data["published"]
    if not isinstance(published, dt.date):
        published = dt.date.fromisoformat(str(published))
    return Report(
        id=int(data["id"]),
        split=str(data["split"]),
        published=published,
        text=" ".join(str(data["text"]).split()),
        mentions=tuple(
            Mention(
                trigger=str(m["trigger"]),
                nth=int(m.get("nth", 0)),
                background=bool(m["background"]),
                kind=str(m.get("kind", "")),
            )
            for m in data["mentions"]
        ),
    )


def load_reports(path: Path = GOLD_FILE) -> list[Report]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [parse_report(d) for d in data["reports"]]


def span(report: Report, mention: Mention) -> tuple[int, int] | None:
    """Where the mention's trigger stands in the report: its ``nth`` whole-word occurrence."""
    found = list(re.finditer(rf"\b{re.escape(mention.trigger)}\b", report.text))
    if mention.nth >= len(found):
        return None
    return found[mention.nth].span()


def problems(reports: list[Report]) -> list[str]:
    """Where the gold file breaks its schema."""
    out = []
    for n, report in enumerate(reports):
        if report.id != n:
            out.append(f"id {report.id} at position {n}")
        if report.split not in ("dev", "test"):
            out.append(f"{report.id}: split {report.split}")
        out.extend(
            f"{report.id}: trigger {m.trigger!r} (nth {m.nth}) not in the text"
            for m in report.mentions
            if span(report, m) is None
        )
    return out


def overlapping(report: Report, mention: Mention, events: list[Event]) -> list[Event]:
    where = span(report, mention)
    if where is None:
        return []
    start, end = where
    return [e for e in events if e.trigger[0] < end and start < e.trigger[1]]


@dataclass(frozen=True)
class HalfScore:
    background: int = 0
    background_found: int = 0
    background_flagged: int = 0
    news: int = 0
    news_found: int = 0
    news_flagged: int = 0

    def add(self, mention: Mention, events: list[Event]) -> HalfScore:
        found = bool(events)
        flagged = [e.background for e in events]
        if mention.background:
            return HalfScore(
                self.background + 1,
                self.background_found + found,
                self.background_flagged + (found and all(flagged)),
                self.news,
                self.news_found,
                self.news_flagged,
            )
        return HalfScore(
            self.background,
            self.background_found,
            self.background_flagged,
            self.news + 1,
            self.news_found + found,
            self.news_flagged + any(flagged),
        )


def wrong(mention: Mention, events: list[Event]) -> bool:
    """A found mention sitroom flags wrongly (background shown, or news hidden)."""
    if not events:
        return False
    if mention.background:
        return not all(e.background for e in events)
    return any(e.background for e in events)


def score(reports: list[Report], extractions: list[Extraction], half: str) -> HalfScore:
    out = HalfScore()
    for report, extraction in zip(reports, extractions, strict=True):
        if half in ("all", report.split):
            for mention in report.mentions:
                out = out.add(mention, overlapping(report, mention, list(extraction.events)))
    return out


def print_table(scores: dict[str, HalfScore]) -> None:
    head = ("half", "bg", "found", "bg flagged", "news", "found", "wrong bg")
    print("{:<5} {:>4} {:>6} {:>13} {:>5} {:>6} {:>13}".format(*head))
    for half, s in scores.items():
        flagged = f"{s.background_flagged}/{s.background_found}"
        flagged += f" {pct(s.background_flagged, s.background_found)}"
        wrong_bg = f"{s.news_flagged}/{s.news_found} {pct(s.news_flagged, s.news_found)}"
        print(
            f"{half:<5} {s.background:>4} {s.background_found:>6} {flagged:>13} "
            f"{s.news:>5} {s.news_found:>6} {wrong_bg:>13}"
        )
    print(
        "bg flagged: found background mentions whose events are all flagged background; "
        "wrong bg: found news mentions with an event flagged background."
    )


def error_lines(report: Report, extraction: Extraction) -> list[str]:
    lines = []
    events = list(extraction.events)
    for mention in report.mentions:
        matched = overlapping(report, mention, events)
        if not matched:
            lines.append(f"{report.id:>3} not found {mention.trigger!r} ({mention.kind})")
        elif wrong(mention, matched):
            what = "shown as news" if mention.background else "flagged background"
            lines.append(f"{report.id:>3} {what}: {mention.trigger!r} ({mention.kind})")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--errors", choices=("dev", "test"), default=None, help="list errors")
    args = parser.parse_args()
    reports = load_reports()
    if broken := problems(reports):
        for line in broken:
            print(f"gold file: {line}")
        return 1
    extractor = Extractor(nlp=sitroom.load())
    started = time.perf_counter()
    documents = (make_document(r.text, published=r.published) for r in reports)
    extractions = list(extractor.extract_many(documents))
    seconds = time.perf_counter() - started
    mentions = sum(len(r.mentions) for r in reports)
    print(f"Background and news: {len(reports)} reports, {mentions} mentions, {seconds:.1f}s")
    print_table({half: score(reports, extractions, half) for half in ("dev", "test", "all")})
    if args.errors:
        for report, extraction in zip(reports, extractions, strict=True):
            if report.split == args.errors and (lines := error_lines(report, extraction)):
                print(f"--- {report.id}: {report.text}")
                print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
