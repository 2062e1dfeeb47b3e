"""A June report on a text written here, read by the real pipeline: the two deaths of the
period make the killed total, the running toll "since late 2023" does not."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitroom.cli.main import cli
from sitroom.report import build_report, render_markdown
from sitroom.store import Store

pytestmark = pytest.mark.model

TEXT = (
    "Two aid workers were killed on Tuesday when gunmen opened fire on their convoy near "
    "Dilling in South Kordofan. Three others were wounded in the attack. The Northern Hills "
    "Front, which officials blamed for the ambush, has been accused of killing more than 200 "
    "civilians in the state since late 2023. About 4,000 people have fled the town this week, "
    "according to the United Nations.\n"
)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> Path:
    folder = tmp_path_factory.mktemp("period")
    article = folder / "dilling.txt"
    article.write_text(TEXT, encoding="utf-8")
    path = folder / "period.db"
    result = CliRunner().invoke(
        cli, ["ingest", str(article), "--db", str(path), "--published", "2024-06-12"]
    )
    assert result.exit_code == 0, result.output
    return path


def test_no_headline_total_includes_the_running_toll(db: Path) -> None:
    with Store(db) as store:
        report = build_report(store, date_from=dt.date(2024, 6, 1), date_to=dt.date(2024, 6, 30))
    assert report.fatalities is not None and report.fatalities.total == 2
    assert all(f.value != 200 for f in report.figures)
    (toll,) = [f for f in report.context_figures if f.value == 200]
    assert toll.period == "cumulative" and "late 2023" in (toll.why or "")
    killed = [f.value for f in report.figures if f.category == "killed"]
    assert killed == [2]
    assert any(f.category == "displaced" and f.value == 4000 for f in report.figures)
    md = render_markdown(report)
    box = md[md.index("## Figures") : md.index("## Developments by area")]
    headline = box.split("Context, not counted above")[0]
    assert "200" not in headline and "more than 200 civilians" in box
