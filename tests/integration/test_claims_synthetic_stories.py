"""The written dev stories of ``bench/gold/claims-synthetic`` and single-article reports of
``bench/gold/claims-synthetic-reports`` (docs/annotation-claims.md, section 8) through the real
pipeline into real SQLite and PostgreSQL stores: every contradiction a careful analyst records in
them is found, within one report and across outlets, and no other (a spokesman agreeing with his
own side, two outlets giving the same toll, a denial of something else; in the reports, two
officials of one side, a toll that rose, an early and a later account, a rejected demand,
agreement phrased with "not", a question or a threat). Scored as ``bench/claims.py
--synthetic`` scores them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from _claims_gold import REPORTS_DIR, SYNTHETIC_DIR, load_gold
from _claims_scores import score_stored
from sitroom.ingest.text import make_document
from sitroom.model import Extraction
from sitroom.service import Extractor
from sitroom.store import Store
from unit.store.backends import BACKENDS, PostgresServer, make_backend

pytestmark = pytest.mark.model

# The dev files only: the test half (sessions 17 and 19) is scored by bench/claims.py
# --synthetic and its errors are never looked at, so no test here may list them.
STORIES = {c.id: c for c in load_gold(SYNTHETIC_DIR) if c.split == "dev"}
REPORTS = {c.id: c for c in load_gold(REPORTS_DIR) if c.split == "dev"}
# Stories and reports whose disputes sitroom does not yet record as the gold does (strict: one
# that starts passing must leave this list).
OPEN: dict[str, str] = {
    "report-banjska": "'backed by Belgrade' is read as support, not as a doer of the attack",
    "report-beledweyne": "'planted by a clan militia' names no happening: no rival doer",
    "report-bunagana": "'its forces had not entered' meets no claim of their presence",
    "report-gajiram": "'and that no one was killed' is not cut from the clause before it",
    "report-jermuk": "'foreign ministry spokesman' is put on Armenia's side: no dispute",
    "report-mainok": "'the fire started when militants detonated explosives' names no rival doer",
    "report-merawi": "'Fano militia leaders' is no claimant; 'not in the town' tells no happening",
    "report-scarborough": "'accused China of blocking' states no proposition of its own",
    "report-sotk": "'no evidence that the shells came from' meets no origin claim",
    "synthetic-kismayo": "'artillery had hit homes' names no happening 'had not fired' denies",
    "synthetic-malakal": "'no civilians had been targeted' is tied to no happening told before",
    "synthetic-mocimboa": "'its fighters held' the town is read as the holder's denial of a"
    " capture; 'is in government hands' is read as no holding",
    "synthetic-nairobi": "'no officer had fired live ammunition' is a statement that meets no"
    " shooting, and 'fired live rounds at protesters' is repression, not violence",
    "synthetic-tanker": "the strike is put in Yemen by one report, the Gulf of Aden by the other",
    "synthetic-gharyan": "'Libya's Tripoli-based government' and 'the Libyan National Army' are"
    " both keyed as Libya's side (lang.sides), so 'struck only a drone control room' meets none",
    "synthetic-walikale": "the rival tolls ('only two of the group's fighters', 'at least 60"
    " rebels') name no place in common: Walikale is no known place",
}


@pytest.fixture(scope="module")
def extracted(nlp) -> dict[str, list[Extraction]]:  # type: ignore[no-untyped-def]
    extractor = Extractor(nlp=nlp)
    return {
        cid: [
            extractor.extract(
                make_document(d.text or "", source=d.id, publisher=d.publisher, published=d.date)
            )
            for d in cluster.documents
        ]
        for cid, cluster in {**STORIES, **REPORTS}.items()
    }


def test_the_stories_are_dev_material_of_the_right_shape() -> None:
    assert len(STORIES) >= 12
    for cluster in STORIES.values():
        assert (cluster.source, cluster.split) == ("synthetic", "dev"), cluster.id
        assert 2 <= len(cluster.documents) <= 3, cluster.id
        assert all(d.text for d in cluster.documents), cluster.id
    # some stories hold disputes, some hold none at all
    assert any(not c.disputes for c in STORIES.values())


def test_the_reports_are_dev_material_of_the_right_shape() -> None:
    assert len(REPORTS) >= 15
    for cluster in REPORTS.values():
        assert (cluster.source, cluster.split) == ("synthetic", "dev"), cluster.id
        assert len(cluster.documents) == 1, cluster.id
        assert all(d.text for d in cluster.documents), cluster.id
    # most reports hold a true dispute, some hold none at all
    assert any(not c.disputes for c in REPORTS.values())
    assert sum(bool(c.disputes) for c in REPORTS.values()) >= 10


@pytest.mark.parametrize(
    "story",
    [
        pytest.param(s, marks=pytest.mark.xfail(strict=True, reason=OPEN[s])) if s in OPEN else s
        for s in sorted({**STORIES, **REPORTS})
    ],
)
@pytest.mark.parametrize("backend_name", BACKENDS)
def test_the_contradictions_of_a_story_are_those_an_analyst_records(
    story: str,
    backend_name: str,
    extracted: dict[str, list[Extraction]],
    request: pytest.FixtureRequest,
    tmp_path: Path,
) -> None:
    def server() -> PostgresServer:
        found: PostgresServer = request.getfixturevalue("pg_server")
        return found

    cluster = STORIES.get(story) or REPORTS[story]
    with make_backend(backend_name, tmp_path, server) as backend, Store(backend.url) as store:
        store.migrate()
        score = score_stored(cluster, extracted[story], store)
    misses = [m for m in score.misses if "contradiction" in m]
    for kind in ("within", "across"):
        gold, found, predicted, right = score.contradictions.get(kind, (0, 0, 0, 0))
        assert (found, right) == (gold, predicted), (kind, misses)
