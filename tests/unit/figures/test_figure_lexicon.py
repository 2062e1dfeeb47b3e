"""The figure word lists: shipped defaults, user extensions, and bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitroom.errors import ConfigError
from sitroom.figures.lexicon import default_lexicon, load_lexicon, parse_lexicon


def test_default_lists_cover_the_common_cases() -> None:
    lex = default_lexicon()
    assert {"people", "civilian", "refugee", "soldier", "child", "toll"} <= lex.person_nouns
    assert {"kill", "wound", "arrest"} <= lex.casualty_words
    assert {"day", "year"} <= lex.time_nouns


def test_extra_file_adds_words(tmp_path: Path) -> None:
    extra = tmp_path / "more_nouns.yaml"
    extra.write_text("person_nouns: [Herder, shepherd]\ncasualty_words: [maim]\n", "utf-8")
    lex = load_lexicon([extra])
    assert {"herder", "shepherd", "people"} <= lex.person_nouns
    assert "maim" in lex.casualty_words
    assert "herder" not in default_lexicon().person_nouns


@pytest.mark.parametrize(
    "data",
    [["a", "list"], {"person_noun": ["typo"]}, {"time_nouns": "day"}, {"time_nouns": [3]}],
)
def test_bad_lexicons_are_config_errors(data: object) -> None:
    with pytest.raises(ConfigError) as info:
        parse_lexicon(data, "test.yaml")
    assert info.value.code == "S150"


def test_unreadable_file_is_a_config_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("person_nouns: [unclosed\n", "utf-8")
    with pytest.raises(ConfigError):
        load_lexicon([broken])
    with pytest.raises(ConfigError):
        load_lexicon([tmp_path / "missing.yaml"])


def test_empty_file_adds_nothing(tmp_path: Path) -> None:
    empty = tmp_path / "empty.yaml"
    empty.write_text("", "utf-8")
    assert load_lexicon([empty]) == default_lexicon()
