"""``sitroom report`` on the real wire report in ../shared/corpus, ingested by the real pipeline.

The article is read from ../shared at run time, never copied; assertions are on the report's
structure and the claims' stances, not on the article's sentences.
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest
from click.testing import CliRunner

from sitroom.cli.main import cli
from sitroom.report import Report, build_report
from sitroom.store import Store

pytestmark = pytest.mark.model

FOOTNOTE = re.compile(r"\[\^(\d+)\](?!:)")


@pytest.fixture(scope="module")
def db(corpus_article: Path, tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> Path:
    path = tmp_path_factory.mktemp("report") / "corpus.db"
    result = CliRunner().invoke(
        cli, ["ingest", str(corpus_article), "--db", str(path), "--published", "2021-09-06"]
    )
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="module")
def report(db: Path) -> Report:
    with Store(db) as store:
        return build_report(store, country="AF")


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, ["report", *args])
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_every_development_cites_the_article(report: Report) -> None:
    assert len(report.sources) == 1 and report.developments
    assert all(d.sources == (1,) for d in report.developments)
    assert {d.country for d in report.developments} == {"AF"}
    assert any(d.place == "Panjshir" for d in report.developments)


def test_panjshir_capture_claim_and_its_denial_are_contested(report: Report) -> None:
    disputes = [c for c in report.contests if any("Panjshir" in side.text for side in c.denying)]
    assert disputes, report.contests
    contest = disputes[0]
    assert {side.stance for side in contest.asserting} == {"assert"}
    assert {side.stance for side in contest.denying} == {"deny"}
    assert "National Resistance Front of Afghanistan" in {s.claimant for s in contest.denying}
    assert {s.claimant for s in contest.asserting} & {"Taliban", "Zabihullah Mujahid"}
    assert all(side.source == 1 for side in (*contest.asserting, *contest.denying))


def test_markdown_report(db: Path) -> None:
    md = run("--db", str(db), "--country", "AF")
    assert md.startswith("# Afghanistan: situation report, 6 September 2021\n")
    lines = md.splitlines()
    start = lines.index("## Developments by area")
    end = lines.index("## Contested claims")
    developments = [line for line in lines[start + 1 : end] if line.startswith("- ")]
    assert developments
    assert all(set(FOOTNOTE.findall(line)) == {"1"} for line in developments)
    assert "### Panjshir" in lines[start:end]
    messages = lines[lines.index("## Key messages") + 1 : lines.index("## Figures")]
    assert 3 <= len([line for line in messages if line.startswith("- ")]) <= 5
    contested = "\n".join(lines[end : lines.index("## Quotes")])
    assert (
        "- Asserted by **" in contested and "- Denied by **National Resistance Front" in contested
    )
    sources = lines[lines.index("## Sources") + 2 :]
    assert sources[0].startswith("[^1]: ") and "Licence:" in sources[0]


def test_html_report(db: Path, report: Report, tmp_path: Path) -> None:
    out = tmp_path / "af.html"
    run("--db", str(db), "--country", "AF", "--format", "html", "--out", str(out))
    tree = lxml.html.parse(str(out))
    items = tree.xpath("//ul[@class='developments']/li")
    assert items and all(
        set(li.xpath("./sup[@class='cite']/a/@href")) == {"#source-1"} for li in items
    )
    stances = tree.xpath("//div[@class='dispute']//li/@data-stance")
    assert "assert" in stances and "deny" in stances
    points = tree.xpath("//figure[@class='map']//*[local-name()='circle'][@class='event']")
    assert len(points) == sum(d.located for d in report.developments)
    assert not tree.xpath("//script")
