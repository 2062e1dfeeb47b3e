"""Parsing quantity expressions without spaCy: value, hedge, unit."""

from __future__ import annotations

import pytest

from sitroom.figures import Quantity, parse_number, parse_quantity
from sitroom.figures.numbers import qualifier_cue

CASES = [
    # digits, separators, magnitudes
    ("18 million", 18_000_000, "exact", None),
    ("120,000", 120_000, "exact", None),
    ("1.5 billion", 1_500_000_000, "exact", None),
    ("2.3bn", 2_300_000_000, "exact", None),
    ("7", 7, "exact", None),
    # words
    ("two", 2, "exact", None),
    ("forty-five", 45, "exact", None),
    ("one hundred and twenty", 120, "exact", None),
    ("three hundred fifty thousand", 350_000, "exact", None),
    ("two dozen", 24, "exact", None),
    ("a dozen", 12, "exact", None),
    ("a million", 1_000_000, "exact", None),
    ("two million", 2_000_000, "exact", None),
    # vague plurals are lower bounds
    ("dozens", 12, "at_least", None),
    ("hundreds", 100, "at_least", None),
    ("thousands", 1_000, "at_least", None),
    ("tens of thousands", 10_000, "at_least", None),
    ("hundreds of thousands", 100_000, "at_least", None),
    ("millions", 1_000_000, "at_least", None),
    ("several hundred", 300, "at_least", None),
    ("a few thousand", 2_000, "at_least", None),
    # hedges before and after
    ("more than 120,000", 120_000, "more_than", None),
    ("over 500", 500, "more_than", None),
    ("just over 500", 500, "more_than", None),
    ("about 100", 100, "about", None),
    ("around 60", 60, "about", None),
    ("some 3,500", 3_500, "about", None),
    ("nearly 900", 900, "about", None),
    ("almost 70", 70, "about", None),
    ("roughly 2 million", 2_000_000, "about", None),
    ("an estimated 3.5 million", 3_500_000, "about", None),
    ("at least 12", 12, "at_least", None),
    ("no fewer than 8", 8, "at_least", None),
    ("up to 1,500", 1_500, "up_to", None),
    ("as many as 300", 300, "up_to", None),
    ("less than 10", 10, "less_than", None),
    ("fewer than 20", 20, "less_than", None),
    ("under 5,000", 5_000, "less_than", None),
    ("200 or more", 200, "at_least", None),
    ("more than thousands", 1_000, "more_than", None),  # an explicit hedge wins
    # ranges give their lower end
    ("10-15", 10, "at_least", None),
    ("between 10 and 15", 10, "at_least", None),
    ("30 to 40", 30, "at_least", None),
    # fractions of a magnitude, a count before the fraction included; rounded to whole people
    ("three-quarters of a million", 750_000, "exact", None),
    ("roughly two thirds of a million", 666_667, "about", None),
    ("a third of a million", 333_333, "exact", None),
    # percent
    ("40 percent", 40, "exact", "percent"),
    ("40%", 40, "exact", "percent"),
    ("7.5 per cent", 7.5, "exact", "percent"),
    ("nearly 40 percent", 40, "about", "percent"),
    ("two percentage points", 2, "exact", "percent"),
    # money
    ("$1.5 billion", 1_500_000_000, "exact", "USD"),
    ("US$2m", 2_000_000, "exact", "USD"),
    ("€300,000", 300_000, "exact", "EUR"),
    ("£40 million", 40_000_000, "exact", "GBP"),
    ("5 million euros", 5_000_000, "exact", "EUR"),
    ("2 billion dollars", 2_000_000_000, "exact", "USD"),
    ("more than $2 million", 2_000_000, "more_than", "USD"),
    ("10,000 afghanis", 10_000, "exact", "AFN"),
]


@pytest.mark.parametrize(("text", "value", "qualifier", "unit"), CASES)
def test_parse_quantity(text: str, value: float, qualifier: str, unit: str | None) -> None:
    assert parse_quantity(text) == Quantity(value=value, qualifier=qualifier, unit=unit)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "half",
        "a third",
        "two thirds",
        "three quarters of the town",
        "nearly half",
        "a",
        "and",
        "",
        "Resolution",
        "first",
        "10 20",
        "twenty apples",
    ],
)
def test_not_quantities(text: str) -> None:
    assert parse_quantity(text) is None


def test_parse_number_reports_vagueness() -> None:
    assert parse_number("18 million") == (18_000_000, False)
    assert parse_number("dozens") == (12, True)
    assert parse_number("of") is None


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        ("officials said more than", "more_than"),
        ("killing at least", "at_least"),
        ("an estimated", "about"),
        ("displacing", None),
        ("the report said", None),
    ],
)
def test_qualifier_cue(before: str, expected: str | None) -> None:
    assert qualifier_cue(before) == expected
