"""The scoring of bench/non_events.py on hand-made items and hand-built predictions."""

from __future__ import annotations

from non_events import HalfScore, false_events, found, load_items, parse_item, problems
from sitroom.model import Document, Event, EventDate, Extraction

TEXT = "A crane toppled onto a market in Lome, killing three traders."


def item(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {"id": 0, "split": "dev", "event": False, "text": TEXT}
    data.update(changes)
    return data


def event(type_: str, quad: str, modality: str = "asserted", background: bool = False) -> Event:
    start = TEXT.index("killing")
    return Event(
        id="v1",
        type=type_,
        cameo="18",
        quad=quad,
        date=EventDate(start=None, end=None),
        modality=modality,
        background=background,
        trigger=(start, start + len("killing")),
        sentence=(0, len(TEXT)),
        confidence=0.7,
    )


def extraction(events: list[Event]) -> Extraction:
    return Extraction(document=Document(id="x", text=TEXT), events=events)


def test_a_shown_material_event_on_a_non_event_is_false() -> None:
    non_event = parse_item(item())
    assert false_events(non_event, extraction([event("ASSAULT", "material_conflict")]))
    flagged = [
        event("ASSAULT", "material_conflict", modality="negated"),
        event("ASSAULT", "material_conflict", background=True),
        event("DISAPPROVE", "verbal_conflict"),  # words said are events of their own
    ]
    assert not false_events(non_event, extraction(flagged))
    allowed = parse_item(item(allowed=["ASSAULT"]))
    assert not false_events(allowed, extraction([event("ASSAULT", "material_conflict")]))


def test_a_true_look_alike_is_found_by_a_shown_event_of_an_acceptable_type() -> None:
    true = parse_item(item(event=True, types=["ASSAULT", "FIGHT"]))
    assert found(true, extraction([event("ASSAULT", "material_conflict", modality="claimed")]))
    assert not found(true, extraction([event("ASSAULT", "material_conflict", "hypothetical")]))
    assert not found(true, extraction([event("COERCE", "material_conflict")]))
    assert not false_events(true, extraction([event("COERCE", "material_conflict")]))


def test_the_half_score_counts_sentences_and_events() -> None:
    non_event = parse_item(item())
    true = parse_item(item(id=1, event=True, types=["ASSAULT"]))
    shown = extraction([event("ASSAULT", "material_conflict")])
    score = HalfScore().add(non_event, shown).add(true, shown)
    assert score == HalfScore(
        non_events=1, with_false_event=1, false_events=1, true_events=1, found=1
    )


def test_the_gold_file_keeps_its_schema_and_both_halves_have_forty_items() -> None:
    items = load_items()
    assert problems(items) == []
    for half in ("dev", "test"):
        assert sum(i.split == half for i in items) >= 40
    assert problems([parse_item(item(id=3))]) == ["id 3 at position 0"]
    assert problems([parse_item(item(event=True))]) == ["0: a true event without acceptable types"]
