"""The figure word lists: shipped defaults, user extensions, and bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitroom.errors import VocabularyError
from sitroom.lang.vocabulary import load_vocabulary
from sitroom.lang.vocabulary.figures import FigureNouns


def test_default_lists_cover_the_common_cases() -> None:
    lex = load_vocabulary(FigureNouns)
    assert {"people", "civilian", "refugee", "soldier", "child", "toll"} <= lex.person_nouns
    assert {"kill", "wound", "arrest"} <= lex.casualty_words
    assert {"day", "year"} <= lex.time_nouns


def test_extra_file_adds_words(tmp_path: Path) -> None:
    extra = tmp_path / "more_nouns.yaml"
    extra.write_text("person_nouns: [Herder, shepherd]\ncasualty_words: [maim]\n", "utf-8")
    lex = load_vocabulary(FigureNouns, [extra])
    assert {"herder", "shepherd", "people"} <= lex.person_nouns
    assert "maim" in lex.casualty_words
    assert "herder" not in load_vocabulary(FigureNouns).person_nouns


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- a\n- list\n", "expected a mapping"),
        ("person_noun: [typo]\n", "unknown key 'person_noun'"),
        ("time_nouns: day\n", "time_nouns"),
        ("time_nouns: [3]\n", "expected a word"),
        ("time_nouns: [no]\n", "YAML boolean"),
    ],
)
def test_bad_lexicons_are_vocabulary_errors(tmp_path: Path, text: str, message: str) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(text, "utf-8")
    with pytest.raises(VocabularyError, match=message) as info:
        load_vocabulary(FigureNouns, [bad])
    assert info.value.code == "S110"
    assert info.value.file == str(bad)


def test_unreadable_file_is_a_vocabulary_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("person_nouns: [unclosed\n", "utf-8")
    with pytest.raises(VocabularyError):
        load_vocabulary(FigureNouns, [broken])
    with pytest.raises(VocabularyError):
        load_vocabulary(FigureNouns, [tmp_path / "missing.yaml"])


def test_empty_file_adds_nothing(tmp_path: Path) -> None:
    empty = tmp_path / "empty.yaml"
    empty.write_text("", "utf-8")
    assert load_vocabulary(FigureNouns, [empty]) == load_vocabulary(FigureNouns)
