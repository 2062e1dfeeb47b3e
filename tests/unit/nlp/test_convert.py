"""link_figures and DisjointSpans: the searches that keep long documents linear give the
answers of a plain scan, on records written here."""

from __future__ import annotations

import random

from sitroom.model import Event, EventDate, Figure
from sitroom.nlp.convert import link_figures
from sitroom.temporal.extract import DisjointSpans


def event(n: int, trigger: int, sentence: tuple[int, int]) -> Event:
    return Event(
        id=f"e{n}", type="ASSAULT", cameo="18", quad="material_conflict",
        date=EventDate(), trigger=(trigger, trigger + 5), sentence=sentence, confidence=0.5,
    )  # fmt: skip


def figure(at: int, linked: str | None = None) -> Figure:
    return Figure(value=3, unit="people", span=(at, at + 1), event=linked)


def test_a_figure_goes_to_the_nearest_trigger_of_its_sentence_the_first_on_a_tie() -> None:
    events = [
        event(0, 120, (100, 200)),
        event(1, 10, (0, 60)),
        event(2, 180, (100, 200)),
        event(3, 140, (100, 200)),  # as near to 160 as e2 is, and listed later than it
        event(4, 30, (0, 60)),
    ]
    figures = [figure(160), figure(40), figure(70), figure(150, linked="e1"), figure(500)]
    assert [f.event for f in link_figures(figures, events)] == ["e2", "e4", None, "e1", None]
    assert link_figures(figures, []) == figures


def test_disjoint_spans_answer_as_a_scan_does() -> None:
    rng = random.Random(7)
    spans = DisjointSpans()
    kept: list[tuple[int, int]] = []
    for _ in range(400):
        start = rng.randrange(0, 2_000)
        end = start + rng.randrange(1, 30)
        scanned = any(s < end and start < e for s, e in kept)
        assert spans.overlaps(start, end) == scanned
        if not scanned:
            spans.add(start, end)
            kept.append((start, end))
    assert len(kept) > 20
