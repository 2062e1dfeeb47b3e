"""Number words of news counts: fractions of a magnitude, short magnitudes glued to a digit,
and the vague plurals, each with its value and qualifier (data/numbers.yaml)."""

from __future__ import annotations

import pytest

from sitroom.figures import parse_quantity


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("half a million", 500_000, "exact"),
        ("nearly half a million", 500_000, "about"),
        ("more than half a million", 500_000, "more_than"),
        ("a quarter of a million", 250_000, "exact"),
        ("three quarters of a million", 750_000, "exact"),
        ("one and a half million", 1_500_000, "exact"),
        ("half a dozen", 6, "exact"),
        ("2.5m", 2_500_000, "exact"),
        ("nearly 2.5m", 2_500_000, "about"),
        ("tens of thousands", 10_000, "at_least"),
        ("a dozen", 12, "exact"),
        ("dozens", 12, "at_least"),
        ("scores", 20, "at_least"),
        ("hundreds", 100, "at_least"),
    ],
)
def test_number_words(text: str, value: float, qualifier: str) -> None:
    found = parse_quantity(text)
    assert found is not None, text
    assert (found.value, found.qualifier) == (value, qualifier)


@pytest.mark.parametrize("text", ["half", "half of the town", "a quarter", "half a"])
def test_a_fraction_without_a_magnitude_is_no_number(text: str) -> None:
    assert parse_quantity(text) is None
