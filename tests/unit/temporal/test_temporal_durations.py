"""Finding durations on hand-built ``Doc`` objects (no statistical model).

Each sentence is parsed flat: every word hangs off the sentence's verb, which is all the context
rules read (the word before, the word after, the verb's tense, a hedge's dependency).
"""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.tokens import Doc

import sitroom.nlp.extensions  # noqa: F401  (registers doc._.sitroom_*)
from handmade import Row
from handmade import parsed as _parsed
from sitroom.model import Duration, DurationUnit
from sitroom.temporal.durations import duration_value, find_durations
from sitroom.temporal.extract import find_times
from sitroom.temporal.lexicon import count_value
from sitroom.temporal.normalize import normalize

MON = dt.date(2021, 9, 6)

# Word classes for the flat parse; anything not listed is a noun.
_POS = {
    "the": ("DET", "DT"),
    "a": ("DET", "DT"),
    "an": ("DET", "DT"),
    "these": ("DET", "DT"),
    "some": ("DET", "DT"),
    "his": ("PRON", "PRP$"),
    "they": ("PRON", "PRP"),
    "it": ("PRON", "PRP"),
    "will": ("AUX", "MD"),
    "has": ("AUX", "VBZ"),
    "have": ("AUX", "VBP"),
    "of": ("ADP", "IN"),
    "for": ("ADP", "IN"),
    "in": ("ADP", "IN"),
    "over": ("ADP", "IN"),
    "after": ("ADP", "IN"),
    "within": ("ADP", "IN"),
    "before": ("ADP", "IN"),
    "than": ("ADP", "IN"),
    "more": ("ADJ", "JJR"),
    "less": ("ADJ", "JJR"),
    "several": ("ADJ", "JJ"),
    "few": ("ADJ", "JJ"),
    "past": ("ADJ", "JJ"),
    "last": ("ADJ", "JJ"),
    "next": ("ADJ", "JJ"),
    "coming": ("ADJ", "JJ"),
    "recent": ("ADJ", "JJ"),
    "nearly": ("ADV", "RB"),
    "about": ("ADV", "RB"),
    "least": ("ADJ", "JJS"),
    "at": ("ADP", "IN"),
    "up": ("ADP", "IN"),
    "to": ("PART", "TO"),
    "ago": ("ADV", "RB"),
    "later": ("ADV", "RB"),
    "once": ("ADV", "RB"),
    "-": ("PUNCT", "HYPH"),
    ".": ("PUNCT", "."),
    ",": ("PUNCT", ","),
    "$": ("SYM", "$"),
}


def _doc(text: str, verb: str, *, deps: dict[str, str] | None = None, ents: str = "") -> Doc:
    """A flat parse of the space-separated ``text``: ``verb`` (its tag after a slash, as in
    "fought/VBD") is the root and every other word its child; ``deps`` overrides the dependency
    of a word; ``ents`` is "start:end:LABEL" in token indices."""
    words = text.split()
    verb_word, verb_tag = verb.split("/")
    root = words.index(verb_word)
    rows: list[Row] = []
    for i, word in enumerate(words):
        low = word.lower()
        if i == root:
            rows.append((word, low, "VERB", verb_tag, root, "ROOT"))
            continue
        pos, tag = _POS.get(low, ("NUM", "CD") if low.isdigit() else ("NOUN", "NN"))
        if low in ("two", "three", "seven", "ten", "24"):
            pos, tag = "NUM", "CD"
        dep = (deps or {}).get(low, "aux" if pos == "AUX" else "dep")
        rows.append((word, low, pos, tag, root, dep))
    iob = ["O"] * len(words)
    if ents:
        start, end, label = ents.split(":")
        for k in range(int(start), int(end)):
            iob[k] = ("B-" if k == int(start) else "I-") + label
    return _parsed(rows, iob)


def _found(doc: Doc, anchor: dt.date | None = MON) -> dict[str, Duration]:
    found = find_durations(doc, anchor, find_times(doc, anchor))
    for d in found:
        assert doc.text[d.span[0] : d.span[1]] == d.text
    return {d.text: d for d in found}


def _summary(d: Duration) -> tuple[str, float | None, str, str]:
    return d.value, d.amount, d.unit, d.qualifier


# -- values -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "unit", "value"),
    [
        (3, "day", "P3D"),
        (2, "week", "P2W"),
        (6, "month", "P6M"),
        (1, "decade", "P10Y"),
        (2, "century", "P200Y"),
        (24, "hour", "PT24H"),
        (1.5, "year", "P1.5Y"),
        (None, "day", "PXD"),
        (None, "year", "PXY"),
        (None, "decade", "PXDE"),
        (None, "hour", "PTXH"),
    ],
)
def test_timeml_values(amount: float | None, unit: DurationUnit, value: str) -> None:
    assert duration_value(amount, unit) == value


def test_larger_count_words_reach_the_normaliser_too() -> None:
    assert count_value("twenty-five") == 25
    assert count_value("fifteen") == 15
    found = normalize("twenty years ago", MON)
    assert found is not None and found.start == dt.date(2001, 1, 1)


# -- lengths ------------------------------------------------------------------------------------


def test_counted_lengths() -> None:
    found = _found(_doc("Militias shelled the camp for three days .", "shelled/VBD"))
    assert _summary(found["three days"]) == ("P3D", 3, "day", "exact")
    assert (found["three days"].start, found["three days"].end) == (None, None)
    found = _found(_doc("Three weeks of fighting have ruined the town .", "ruined/VBN"))
    assert _summary(found["Three weeks"]) == ("P3W", 3, "week", "exact")


def test_hyphenated_modifiers_are_lengths() -> None:
    found = _found(_doc("The sides agreed a two - week ceasefire .", "agreed/VBD"))
    assert _summary(found["two - week"]) == ("P2W", 2, "week", "exact")
    found = _found(_doc("The judge handed him a 10 - year sentence .", "handed/VBD"))
    assert found["10 - year"].value == "P10Y"


def test_vague_amounts_are_x() -> None:
    found = _found(_doc("Several days of talks ended .", "ended/VBD"))
    assert _summary(found["Several days"]) == ("PXD", None, "day", "exact")
    found = _found(_doc("Decades of war have emptied the valley .", "emptied/VBN"))
    assert _summary(found["Decades"]) == ("PXDE", None, "decade", "exact")
    found = _found(_doc("The herders waited for years .", "waited/VBD"))
    assert found["years"].value == "PXY"
    found = _found(_doc("The convoy waited a few hours .", "waited/VBD"))
    assert found["a few hours"].value == "PTXH"
    found = _found(_doc("The town was cut off for some months .", "cut/VBN"))
    assert _summary(found["some months"]) == ("PXM", None, "month", "exact")


@pytest.mark.parametrize(
    ("text", "expression", "qualifier", "amount", "unit"),
    [
        ("The siege lasted more than a decade .", "more than a decade", "more_than", 1, "decade"),
        ("The siege lasted nearly seven years .", "nearly seven years", "about", 7, "year"),
        ("The siege lasted about 24 hours .", "about 24 hours", "about", 24, "hour"),
        ("The siege lasted at least two weeks .", "at least two weeks", "at_least", 2, "week"),
        ("The siege lasted up to ten days .", "up to ten days", "up_to", 10, "day"),
        ("The siege lasted less than a week .", "less than a week", "less_than", 1, "week"),
    ],
)
def test_qualifiers(text: str, expression: str, qualifier: str, amount: float, unit: str) -> None:
    found = _found(_doc(text, "lasted/VBD"))
    assert (found[expression].qualifier, found[expression].amount) == (qualifier, amount)
    assert found[expression].unit == unit


def test_over_as_a_hedge_and_as_a_preposition() -> None:
    hedge = _doc("They fought for over a decade .", "fought/VBD", deps={"over": "quantmod"})
    assert _summary(_found(hedge)["over a decade"]) == ("P10Y", 1, "decade", "more_than")
    across = _doc("Fighting raged over two days .", "raged/VBD", deps={"over": "prep"})
    assert _summary(_found(across)["two days"]) == ("P2D", 2, "day", "exact")


def test_within_is_an_upper_bound() -> None:
    found = _found(_doc("Troops must leave within two weeks .", "leave/VB"))
    assert _summary(found["two weeks"]) == ("P2W", 2, "week", "up_to")


def test_a_length_before_an_event_is_still_a_length() -> None:
    found = _found(_doc("Talks ran for two days before the vote .", "ran/VBD"))
    assert found["two days"].value == "P2D"
    found = _found(_doc("The truce collapsed after three weeks of fighting .", "collapsed/VBD"))
    assert found["three weeks"].value == "P3W"


def test_the_worst_in_a_decade() -> None:
    found = _found(_doc("It was the worst harvest in a decade .", "was/VBD"))
    assert found["a decade"].value == "P10Y"


# -- windows on the publication date ----------------------------------------------------------


def test_anchored_windows_get_start_and_end() -> None:
    doc = _doc("Over the past 24 hours , 12 people died .", "died/VBD")
    window = _found(doc)["the past 24 hours"]
    assert (window.value, window.start, window.end) == ("PT24H", dt.date(2021, 9, 5), MON)
    doc = _doc("Prices doubled in the last two years .", "doubled/VBD")
    window = _found(doc)["the last two years"]
    assert (window.value, window.start, window.end) == ("P2Y", dt.date(2019, 9, 6), MON)
    doc = _doc("Troops will withdraw over the next three months .", "withdraw/VB")
    window = _found(doc)["the next three months"]
    assert (window.start, window.end) == (MON, dt.date(2021, 12, 6))


def test_vague_windows_keep_only_the_anchored_end() -> None:
    doc = _doc("Attacks have increased in recent weeks .", "increased/VBN")
    window = _found(doc)["recent weeks"]
    assert (window.value, window.amount, window.start, window.end) == ("PXW", None, None, MON)
    doc = _doc("The army will withdraw in the coming months .", "withdraw/VB")
    window = _found(doc)["the coming months"]
    assert (window.value, window.start, window.end) == ("PXM", MON, None)


def test_windows_without_a_publication_date_stay_open() -> None:
    doc = _doc("Over the past 24 hours , 12 people died .", "died/VBD")
    window = _found(doc, anchor=None)["the past 24 hours"]
    assert (window.value, window.start, window.end) == ("PT24H", None, None)


def test_a_window_is_both_a_time_and_a_duration() -> None:
    doc = _doc("Prices doubled in the past two years .", "doubled/VBD", ents="3:7:DATE")
    times = find_times(doc, MON)
    assert [t.text for t in times] == ["the past two years"]
    assert [d.text for d in find_durations(doc, MON, times)] == ["the past two years"]


def test_bare_window_words() -> None:
    found = _found(_doc("Prices rose over the past week .", "rose/VBD"))
    assert found["the past week"].value == "P1W"
    found = _found(_doc("Demand will double over the next decade .", "double/VB"))
    assert (found["the next decade"].value, found["the next decade"].start) == ("P10Y", MON)


# -- times, not durations -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("The army left three days ago .", "left/VBD"),
        ("Two weeks later , rebels returned .", "returned/VBD"),
        ("The attack came a week after the army withdrew .", "came/VBD"),
        ("Troops must leave within a week after the vote .", "leave/VB"),
        ("After two weeks , rebels returned .", "returned/VBD"),
        ("Talks began last week .", "began/VBD"),
        ("Talks continue this week .", "continue/VBP"),
        ("The envoy will return in two weeks .", "return/VB"),
        ("The next day , rebels returned .", "returned/VBD"),
        ("The council meets once a week .", "meets/VBZ"),
        ("The field pumps 500 barrels a day .", "pumps/VBZ"),
        ("These days , few people travel .", "travel/VBP"),
        ("His son , a 22 - year - old , fled .", "fled/VBD"),
        ("Rains fell in the first three months of 2021 .", "fell/VBD"),
    ],
)
def test_times_frequencies_and_ages_are_not_durations(text: str, verb: str) -> None:
    assert _found(_doc(text, verb)) == {}


def test_the_counted_part_of_a_time_is_not_a_duration() -> None:
    doc = _doc("The army left three days ago .", "left/VBD", ents="3:6:DATE")
    assert [t.text for t in find_times(doc, MON)] == ["three days ago"]
    assert find_durations(doc, MON, find_times(doc, MON)) == ()


def test_names_are_not_durations() -> None:
    doc = _doc("Veterans of the Six - Day War met .", "met/VBD", ents="2:6:EVENT")
    assert _found(doc) == {}
