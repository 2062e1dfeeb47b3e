"""The written single-article reports of ``bench/gold/claims-synthetic-reports``
(docs/annotation-claims.md, section 8) through the real pipeline into real SQLite and PostgreSQL
stores: every contradiction a careful analyst records within a report is found, and none of the
pairs that only look alike (two officials of one side, a toll that rose, an early and a later
account, a denial of another place, date or deed, a rejected demand, agreement phrased with
"not", a question or a threat). Scored as ``bench/claims.py --synthetic`` scores them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from _claims_gold import REPORTS_DIR, load_gold
from _claims_scores import score_stored
from sitroom.ingest.text import make_document
from sitroom.model import Extraction
from sitroom.service import Extractor
from sitroom.store import Store
from unit.store.backends import BACKENDS, PostgresServer, make_backend

pytestmark = pytest.mark.model

REPORTS = {c.id: c for c in load_gold(REPORTS_DIR)}
# Reports whose contradictions sitroom does not yet record as the gold does (strict: a report
# that starts passing must leave this list).
OPEN: dict[str, str] = {
    "report-banjska": "'backed by Belgrade' is read as support, not as a doer of the attack",
    "report-beledweyne": "'planted by a clan militia' names no happening: no rival doer",
    "report-mainok": "'the fire started when militants detonated explosives' names no rival doer",
    "report-sake": "the army's report is put at Goma; Rwanda's denial is of all Congo",
    "report-scarborough": "'accused China of blocking' states no proposition of its own",
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
        for cid, cluster in REPORTS.items()
    }


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
    "report",
    [
        pytest.param(s, marks=pytest.mark.xfail(strict=True, reason=OPEN[s])) if s in OPEN else s
        for s in sorted(REPORTS)
    ],
)
@pytest.mark.parametrize("backend_name", BACKENDS)
def test_the_contradictions_of_a_report_are_those_an_analyst_records(
    report: str,
    backend_name: str,
    extracted: dict[str, list[Extraction]],
    request: pytest.FixtureRequest,
    tmp_path: Path,
) -> None:
    def server() -> PostgresServer:
        found: PostgresServer = request.getfixturevalue("pg_server")
        return found

    cluster = REPORTS[report]
    with make_backend(backend_name, tmp_path, server) as backend, Store(backend.url) as store:
        store.migrate()
        score = score_stored(cluster, extracted[report], store)
    misses = [m for m in score.misses if "contradiction" in m]
    gold, found, predicted, right = score.contradictions.get("within", (0, 0, 0, 0))
    assert (found, right) == (gold, predicted), misses
    assert score.contradictions.get("across", (0, 0, 0, 0)) == (0, 0, 0, 0)
