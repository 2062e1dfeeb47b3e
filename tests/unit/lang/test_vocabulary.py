"""The one vocabulary loader: schemas, user files merged by key, errors that name file/key/line."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import Field

from sitroom.errors import VocabularyError
from sitroom.lang.vocabulary import Entry, Vocabulary, check_user_files, load_vocabulary
from sitroom.lang.vocabulary.base import registered


class _Word(Entry):
    lemma: str
    weight: float = 1.0


class _TestLexicon(Vocabulary):
    FILE = "test-lexicon.yaml"
    test_words: list[_Word]
    test_map: dict[str, str] = Field(default_factory=dict)
    test_limit: int = 3


def _packaged(tmp_path: Path, text: str) -> Path:
    root = tmp_path / "data"
    root.mkdir(parents=True)
    (root / "test-lexicon.yaml").write_text(text, encoding="utf-8")
    return root


def _user(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_packaged_file_is_validated_into_the_schema(tmp_path: Path) -> None:
    root = _packaged(tmp_path, "test_words:\n  - {lemma: ambush}\ntest_map: {a: b}\n")
    lexicon = load_vocabulary(_TestLexicon, root=root)
    assert lexicon.test_words == [_Word(lemma="ambush")]
    assert lexicon.test_map == {"a": "b"}
    assert lexicon.test_limit == 3


def test_user_files_are_merged_by_key_whatever_their_name(tmp_path: Path) -> None:
    root = _packaged(tmp_path, "test_words:\n  - {lemma: ambush}\ntest_map: {a: b, c: d}\n")
    first = _user(tmp_path, "mine.yaml", "test_words:\n  - {lemma: raid}\ntest_map: {a: z}\n")
    second = _user(tmp_path, "later.yml", "test_limit: 7\ntest_words:\n  - {lemma: siege}\n")
    lexicon = load_vocabulary(_TestLexicon, [first, second], root=root)
    assert [w.lemma for w in lexicon.test_words] == ["ambush", "raid", "siege"]  # appended
    assert lexicon.test_map == {"a": "z", "c": "d"}  # updated, the user's entry wins
    assert lexicon.test_limit == 7  # replaced


def test_a_bad_entry_names_file_key_and_line(tmp_path: Path) -> None:
    root = _packaged(tmp_path, "test_words:\n  - {lemma: ambush}\n")
    user = _user(
        tmp_path, "mine.yaml", "# mine\ntest_words:\n  - {lemma: raid}\n  - {lemma: [x]}\n"
    )
    with pytest.raises(VocabularyError) as info:
        load_vocabulary(_TestLexicon, [user], root=root)
    err = info.value
    assert (err.file, err.line) == (str(user), 4)
    assert err.key == "test_words.2.lemma"  # index in the merged list
    assert err.code == "S110"
    assert f"{user}, line 4, test_words.2.lemma" in str(err)


def test_an_unknown_key_in_an_entry_is_an_error(tmp_path: Path) -> None:
    root = _packaged(tmp_path, "test_words:\n  - {lemma: ambush, wieght: 2}\n")
    with pytest.raises(VocabularyError, match=r"test-lexicon.yaml, line 2, test_words.0.wieght"):
        load_vocabulary(_TestLexicon, root=root)


def test_an_unknown_top_level_key_is_an_error(tmp_path: Path) -> None:
    root = _packaged(tmp_path, "test_words: []\n")
    user = _user(tmp_path, "mine.yaml", "test_words: []\n\nno_such_vocabulary: [a]\n")
    with pytest.raises(VocabularyError, match=r"line 3, no_such_vocabulary: unknown key"):
        load_vocabulary(_TestLexicon, [user], root=root)
    with pytest.raises(VocabularyError, match="unknown key 'no_such_vocabulary'"):
        check_user_files([user])


def test_broken_yaml_and_missing_files_are_coded_errors(tmp_path: Path) -> None:
    root = _packaged(tmp_path, "test_words: [\n")
    with pytest.raises(VocabularyError) as info:
        load_vocabulary(_TestLexicon, root=root)
    assert info.value.code == "S104"
    with pytest.raises(VocabularyError) as missing:
        load_vocabulary(_TestLexicon, [tmp_path / "nope.yaml"], root=_packaged(tmp_path / "x", ""))
    assert missing.value.code == "S103"


def test_top_level_keys_are_unique_across_registered_files() -> None:
    class _Clash(Vocabulary):
        FILE = "clash.yaml"
        test_limit: int = 0

    try:
        with pytest.raises(VocabularyError, match="declared by"):
            registered()
    finally:
        from sitroom.lang.vocabulary import base

        base._PENDING.remove(_Clash)
