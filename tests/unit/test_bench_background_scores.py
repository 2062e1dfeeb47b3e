"""The scoring of bench/background.py on a hand-made report and hand-built predictions."""

from __future__ import annotations

from background import HalfScore, load_reports, overlapping, parse_report, problems, span, wrong
from sitroom.model import Event, EventDate

TEXT = "Gunmen raided a depot on Monday. The previous raid killed two guards."


def report(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "id": 0,
        "split": "dev",
        "published": "2024-05-22",
        "text": TEXT,
        "mentions": [
            {"trigger": "raided", "background": False},
            {"trigger": "raid", "background": True},
        ],
    }
    data.update(changes)
    return data


def event(word: str, background: bool) -> Event:
    start = TEXT.index(word)
    return Event(
        id="v1",
        type="ASSAULT",
        cameo="18",
        quad="material_conflict",
        date=EventDate(start=None, end=None),
        background=background,
        trigger=(start, start + len(word)),
        sentence=(0, len(TEXT)),
        confidence=0.7,
    )


def test_a_trigger_is_found_as_a_whole_word() -> None:
    parsed = parse_report(report())
    news, past = parsed.mentions
    assert span(parsed, news) == (TEXT.index("raided"), TEXT.index("raided") + 6)
    assert span(parsed, past) == (TEXT.index("raid "), TEXT.index("raid ") + 4)


def test_flags_are_scored_per_mention() -> None:
    parsed = parse_report(report())
    news, past = parsed.mentions
    events = [event("raided", False), event("raid ", True)]
    score = HalfScore()
    for mention in parsed.mentions:
        score = score.add(mention, overlapping(parsed, mention, events))
    assert (score.background_found, score.background_flagged) == (1, 1)
    assert (score.news_found, score.news_flagged) == (1, 0)
    assert wrong(news, [event("raided", True)])
    assert wrong(past, [event("raid ", True), event("raid ", False)])
    assert not wrong(past, [])


def test_a_missing_trigger_breaks_the_schema() -> None:
    bad = parse_report(report(mentions=[{"trigger": "stormed", "background": False}]))
    assert problems([bad])


def test_the_gold_file_keeps_its_schema() -> None:
    reports = load_reports()
    assert not problems(reports)
    for half in ("test", "dev"):
        mentions = [m for r in reports if r.split == half for m in r.mentions]
        assert len(mentions) >= 30
