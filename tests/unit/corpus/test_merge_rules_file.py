"""merge.yaml through the one vocabulary loader: one key, no silent defaults, user overrides."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sitroom.corpus import default_rules, load_rules
from sitroom.errors import VocabularyError
from sitroom.lang.vocabulary import load_vocabulary
from sitroom.lang.vocabulary.merge_rules import MergeRulesVocabulary
from sitroom.resources import data_path

_RULES = (
    "merge_rules:\n"
    "  compatible_types: [[FIGHT, ASSAULT]]\n"
    "  symmetric_types: [CONSULT]\n"
    "  modality_groups: [[asserted, claimed], [negated]]\n"
    "  date_slack_days: 2\n"
    "  undated_window_days: 5\n"
)


def test_the_packaged_rules() -> None:
    rules = default_rules()
    assert rules.types_compatible("FIGHT", "ASSAULT") and rules.types_compatible("AID", "AID")
    assert not rules.types_compatible("FIGHT", "CONSULT")
    assert rules.modalities_compatible("claimed", "denied")
    assert not rules.modalities_compatible("asserted", "negated")
    assert rules.date_slack == dt.timedelta(days=1) and rules.near_km == 25


def test_a_missing_parameter_is_an_error_not_a_default(tmp_path: Path) -> None:
    (tmp_path / "merge.yaml").write_text(_RULES, encoding="utf-8")  # no near_km
    with pytest.raises(VocabularyError, match=r"merge_rules\.near_km"):
        load_vocabulary(MergeRulesVocabulary, root=tmp_path)


def test_an_unknown_modality_names_its_line(tmp_path: Path) -> None:
    text = _RULES.replace("[negated]", "[negatd]") + "  near_km: 10\n"
    (tmp_path / "merge.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(VocabularyError, match="line 4"):
        load_vocabulary(MergeRulesVocabulary, root=tmp_path)


def test_a_user_file_of_any_name_changes_a_parameter(tmp_path: Path) -> None:
    assert data_path("merge.yaml").is_file()
    user = tmp_path / "my-rules.yaml"
    user.write_text(
        "merge_rules:\n"
        "  compatible_types: [[FIGHT, ASSAULT, COERCE]]\n"
        "  symmetric_types: [CONSULT]\n"
        "  modality_groups: [[asserted]]\n"
        "  date_slack_days: 0\n"
        "  undated_window_days: 3\n"
        "  near_km: 5\n",
        encoding="utf-8",
    )
    rules = load_rules([user])
    assert rules.types_compatible("COERCE", "FIGHT") and rules.near_km == 5
    assert not rules.modalities_compatible("claimed", "claimed")
