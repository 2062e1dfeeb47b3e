"""What the demo promises: its first two sample articles (two invented outlets, one day apart)
report one happening, the fight for the army garrison at Mellit, and the store merges their
mentions into one corpus event with two independent sources, contested (the rebels claim the
garrison, the army denies it). Run through the real ``sitroom demo`` command."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from sitroom.cli.main import cli
from sitroom.store import EventQuery, Store

pytestmark = pytest.mark.model


def test_the_demo_merges_the_mellit_fight_across_its_two_outlets(tmp_path: Path) -> None:
    db = str(tmp_path / "demo.db")
    result = CliRunner().invoke(cli, ["demo", "--db", db])
    assert result.exit_code == 0, result.output
    with Store(db) as store:
        fights = [r for r in store.corpus_events(EventQuery(type="FIGHT")) if r.place == "Mellit"]
    assert len(fights) == 1, [(r.id, r.articles, r.publishers) for r in fights]
    (fight,) = fights
    assert (fight.articles, fight.sources) == (2, 2)
    assert fight.publishers == ["Nile Dispatch", "Sahel Wire"]
    assert fight.contested
