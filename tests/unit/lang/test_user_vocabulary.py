"""A user's vocabulary file, of any name, reaches every component through ``sitroom.load``."""

from __future__ import annotations

from pathlib import Path

import pytest

import sitroom
from sitroom.config import load_settings
from sitroom.errors import VocabularyError

pytestmark = pytest.mark.model

TEXT = "Fighters of the FHF launched a sortie against the army near Kadugli on Monday."
USER_FILE = """# a user's vocabulary: one file, keys of two vocabularies
actors:
  - {name: Free Hills Front, aliases: [FHF], type: armed_group, country: SD}
triggers:
  - {lemma: sortie, pos: noun, type: FIGHT, cameo: "19", acled: [Battles, Armed clash]}
"""


def _load(data_dir: Path, *files: Path):  # type: ignore[no-untyped-def]
    return sitroom.load(settings=load_settings(data_dir=data_dir, extra_lexicons=files))


def test_a_user_file_of_any_name_extends_actors_and_triggers(
    nlp, data_dir: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    before = nlp(TEXT)
    assert "Free Hills Front" not in {e.name for e in before._.sitroom_entities}
    assert not [e for e in before._.sitroom_events if e.type == "FIGHT"]

    mine = tmp_path / "my words.yml"
    mine.write_text(USER_FILE, encoding="utf-8")
    doc = _load(data_dir, mine)(TEXT)
    front = next(e for e in doc._.sitroom_entities if e.name == "Free Hills Front")
    assert front.actor_type == "armed_group"
    (sortie,) = [e for e in doc._.sitroom_events if e.type == "FIGHT"]
    assert TEXT[sortie.trigger[0] : sortie.trigger[1]] == "sortie"
    assert sortie.actor1 == front.id


@pytest.mark.parametrize(
    ("text", "line", "key", "message"),
    [
        ("# typo\ntriggers:\n  - {lemma: sortie, pos: noun, type: FIGTH}\n", 3, ".type", "FIGHT"),
        ("actors: []\n\nsortie_words: [sortie]\n", 3, "sortie_words", "unknown key"),
        ("months: {brumaire: 11}\n", 1, "months", "user files cannot change"),
    ],
)
def test_a_bad_user_file_fails_at_load_naming_file_key_and_line(
    data_dir: Path, tmp_path: Path, text: str, line: int, key: str, message: str
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(VocabularyError, match=message) as info:
        _load(data_dir, bad)
    error = info.value
    assert (error.code, error.file, error.line) == ("S110", str(bad), line)
    assert error.key is not None and error.key.endswith(key)
    assert f"{bad}, line {line}" in str(error)
