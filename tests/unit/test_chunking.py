"""Cutting long documents into sentence-bounded pieces (no model needed)."""

from __future__ import annotations

import itertools
import random

import pytest

from sitroom.errors import ConfigError, InputError
from sitroom.ingest.text import make_document
from sitroom.service.chunking import ChunkLimits, check_length, chunk_bounds


def _words(seed: int, count: int) -> str:
    rng = random.Random(seed)
    out = []
    for i in range(count):
        out.append(rng.choice(["Rebels", "shelled", "the", "town", "of", "Kidal", "again"]))
        if i % 11 == 10:
            out.append(rng.choice([".", ".\n", ".\n\n", "?"]))
    return " ".join(out)


@pytest.mark.parametrize("seed", range(5))
def test_pieces_cover_the_text_and_end_at_boundaries(seed: int) -> None:
    text = _words(seed, 6000)
    bounds = chunk_bounds(text, 2000)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(bounds))
    assert all(0 < end - start <= 2000 for start, end in bounds)
    for _, end in bounds[:-1]:
        # Never inside a word: a piece ends after white space, the next starts with a word.
        assert text[end - 1].isspace() and not text[end].isspace()


def test_a_blank_line_is_the_preferred_cut() -> None:
    text = "A sentence. " * 100 + "\n\n" + "Another one here. " * 100
    (first, _), (second, _) = chunk_bounds(text, 2000)
    assert first == 0 and text[second - 2 : second] == "\n\n"


def test_text_without_spaces_is_cut_anyway() -> None:
    bounds = chunk_bounds("x" * 5000, 2000)
    assert bounds == [(0, 2000), (2000, 4000), (4000, 5000)]


def test_short_text_is_one_piece() -> None:
    assert chunk_bounds("Short.", 2000) == [(0, 6)]


def test_a_document_over_the_limit_is_refused() -> None:
    document = make_document("Go.\n" * 300)
    check_length(document, 1200)
    with pytest.raises(InputError) as info:
        check_length(document, 1199)
    assert info.value.code == "S214" and "1,200 characters" in info.value.message


def test_limits_are_checked() -> None:
    with pytest.raises(ConfigError):
        ChunkLimits(chunk_chars=10)
    with pytest.raises(ConfigError):
        ChunkLimits(max_chars=0)
