"""The day a happening is told to have happened, over its tellings, with the real model.

A lede often has no day of its own but the day of its reporting clause ("rebels seized the town,
the army said *on Wednesday*"); a later telling gives the day in its own clause ("the fighters
took the town *on Monday*"). The day the telling states in its own clause is the happening's,
whether the tellings were folded into one event or stay events that tell one happening. A
telling's own day never gives way to a reporting day, and two tellings that state two days keep
them. The reports are made up for these tests."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from sitroom.ingest.text import make_document
from sitroom.model import Event
from sitroom.service import Extractor

pytestmark = pytest.mark.model

PUBLISHED = dt.date(2025, 6, 12)  # a Thursday
MONDAY = dt.date(2025, 6, 9)
TUESDAY = dt.date(2025, 6, 10)
WEDNESDAY = dt.date(2025, 6, 11)


def _events(nlp: Language, text: str) -> list[tuple[str, Event]]:
    found = Extractor(nlp=nlp).extract(make_document(text, published=PUBLISHED))
    return [(text[e.trigger[0] : e.trigger[1]], e) for e in found.events]


def _days(nlp: Language, text: str, words: set[str]) -> set[dt.date | None]:
    return {e.date.start for word, e in _events(nlp, text) if word in words}


def test_a_telling_with_its_own_day_dates_a_lede_dated_by_its_reporting_clause(
    nlp: Language,
) -> None:
    text = (
        "Gunmen attacked a police post in the town of Karvel, killing four officers, "
        "the interior ministry said on Wednesday.\n\n"
        "The attack on the post began late on Monday, and the gunmen fled into the hills, "
        "the ministry said."
    )
    assert _days(nlp, text, {"attacked", "attack"}) == {MONDAY}, _events(nlp, text)


def test_an_undated_recap_takes_the_day_the_lede_states(nlp: Language) -> None:
    text = (
        "Militants stormed a military camp in the district of Orvan on Monday, killing "
        "nine soldiers, officials said.\n\n"
        "The assault on the camp was the deadliest this year, a local official said on "
        "Wednesday."
    )
    days = _days(nlp, text, {"stormed", "assault"})
    assert days == {MONDAY}, _events(nlp, text)


def test_two_days_stated_stay_two(nlp: Language) -> None:
    text = (
        "Rebels shelled the village of Tassa on Monday, residents said.\n\n"
        "Rebels shelled the village of Tassa again on Tuesday, killing a farmer."
    )
    days = _days(nlp, text, {"shelled"})
    assert days == {MONDAY, TUESDAY}, _events(nlp, text)


def test_a_reporting_day_alone_still_dates_the_lede(nlp: Language) -> None:
    text = "Gunmen kidnapped 12 traders on the road to Malvo, police said on Wednesday."
    assert _days(nlp, text, {"kidnapped"}) == {WEDNESDAY}, _events(nlp, text)


def test_a_happening_named_again_inside_another_takes_the_day_first_stated(
    nlp: Language,
) -> None:
    text = (
        "Police arrested the opposition leader Tomas Varga at his home in Belgrade on Sunday, "
        "his party said.\n\n"
        "He faces charges over an attack on a court, police said.\n\n"
        "On Tuesday, party activists blocked roads in the city of Novi Sad to protest against "
        "the detention of Varga, police said."
    )
    sunday = dt.date(2025, 6, 8)
    events = _events(nlp, text)
    assert _days(nlp, text, {"arrested"}) == {sunday}, events
    assert _days(nlp, text, {"blocked"}) == {TUESDAY}, events
    # the detention protested on Tuesday is Sunday's arrest, told again
    assert _days(nlp, text, {"detention"}) <= {sunday}, events
    assert {"arrested", "detention"} & {word for word, _ in events}, events
