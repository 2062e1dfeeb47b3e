"""Claims about events that their own words do not code, in multi-outlet stories stored in a
real store (SQLite and PostgreSQL): a toll told a sentence after the happening, a bare denial of
involvement, "he said" after a spokesman's report, a capture and a denied shooting. Stories
written here; real model, real pipeline, real stores."""

from __future__ import annotations

from pathlib import Path

import pytest

from builders import extract_reports
from sitroom.model import Extraction
from sitroom.service import Extractor
from sitroom.store import Store
from unit.store.backends import BACKENDS, PostgresServer, make_backend

pytestmark = pytest.mark.model

ARTICLES = (
    (
        "Kivu Monitor",
        "2024-06-12",
        "BUNIA, June 12 (Kivu Monitor) - Soldiers arrested militia commander Didier Tsonga "
        "near Mongbwalu on Tuesday, army spokesman Anselme Mbuli said. The militia's "
        "spokesman, Jean-Claude Dhedda, said Tsonga was free. He said the militia had captured "
        "an army position near Largu. Police commissioner Bertine Asani said officers fired "
        'only into the air. "Our agents did not target anyone," she said.',
    ),
    (
        "Great Lakes Wire",
        "2024-06-13",
        "BUNIA, June 13 (Great Lakes Wire) - Gunmen attacked a displacement camp near Bunia "
        "on Wednesday. Camp officials said 14 people were killed. The militia of Didier Tsonga "
        "denied any involvement.",
    ),
    (
        "Congo Post",
        "2024-06-14",
        "KINSHASA, June 14 (Congo Post) - Army spokesman Anselme Mbuli said the militia of "
        "Didier Tsonga carried out Wednesday's attack on the camp near Bunia. He said three "
        "people were killed in the camp.",
    ),
)


@pytest.fixture(scope="module")
def extracted(nlp) -> list[Extraction]:  # type: ignore[no-untyped-def]
    return extract_reports(Extractor(nlp=nlp), ARTICLES, "links")


@pytest.mark.parametrize("backend_name", BACKENDS)
def test_event_claims_are_linked_and_paired_in_the_store(
    backend_name: str,
    extracted: list[Extraction],
    request: pytest.FixtureRequest,
    tmp_path: Path,
) -> None:
    def server() -> PostgresServer:
        found: PostgresServer = request.getfixturevalue("pg_server")
        return found

    with make_backend(backend_name, tmp_path, server) as backend, Store(backend.url) as store:
        store.migrate()
        for extraction in extracted:
            store.add(extraction)
        store.link_cross_contradictions([x.document.id for x in extracted])
        stored = [store.get_extraction(x.document.id) for x in extracted]
        across = store.cross_contradictions()
    first, second, third = (s for s in stored if s is not None)

    def claim(x: Extraction, words: str):  # type: ignore[no-untyped-def]
        return next(c for c in x.claims if words in c.text)

    names = {e.id: e.name for e in first.entities}
    # "He said" after the militia's spokesman is the spokesman, not Tsonga whom he named.
    captured = claim(first, "had captured an army position")
    assert names.get(captured.claimant or "") == "Jean-Claude Dhedda"
    # A capture and a denied shooting are two happenings: no contradiction between them.
    target = claim(first, "did not target anyone")
    assert all({captured.id, target.id} != set(k.claims) for k in first.contradictions)
    # A toll told after the attack is the attack's, at its place.
    toll = claim(second, "14 people were killed")
    attack = next(e for e in second.events if e.id == toll.event)
    assert attack.place is not None and toll.proposition is not None
    assert toll.proposition.killed == 14 and toll.proposition.place is not None
    # The militia's bare denial is about that attack, with the militia as its doer...
    # (the toll's own mention restates the attack in the officials' report; either stands for it)
    denial = claim(second, "any involvement")
    denied = next(e for e in second.events if e.id == denial.event)
    assert denial.stance == "deny" and (denied.type, denied.place) == (attack.type, attack.place)
    assert denial.proposition is not None and denial.proposition.responsibility
    # ... and a toll that names no doer does not say the militia did it.
    assert all(denial.id not in k.claims for k in second.contradictions)
    pairs = {(row.assert_text, row.deny_text) for row in across}
    assert all(d != "any involvement" for _, d in pairs), pairs
    # Across outlets the two tolls of the attack are rivals.
    assert ("three people were killed in the camp", "14 people were killed") in pairs, pairs
    assert third.claims
