"""Disputes across outlets about who did a happening: one outlet reports the deed and its doer,
another clears him with a clause that names no happening of its own ("could not have been
involved", "did not do it", "denied that he was involved"), and the store pairs them
(``Store.link_cross_contradictions``) on SQLite and PostgreSQL. Stories written here; real model,
real pipeline, real stores."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from builders import extract_reports
from sitroom.model import Extraction
from sitroom.service import Extractor
from sitroom.store import Store
from unit.store.backends import BACKENDS, PostgresServer, make_backend, postgres_server

pytestmark = pytest.mark.model

# Each story: two articles (outlet, date, text), and the pairs the store must find, each as
# (words of the asserting claim, words of the denying or rival claim).
Article = tuple[str, str, str]
STORIES: dict[str, tuple[tuple[Article, Article], set[tuple[str, str]]]] = {
    # a shooting charged; the defence says he could not have been involved
    "could-not-have": (
        (
            (
                "Valley Courier",
                "2023-05-02",
                "RIDGEWAY, May 2 - Prosecutors said on Tuesday that Mark Dalton shot a "
                "shopkeeper in Ridgeway last month.",
            ),
            (
                "Ridgeway Star",
                "2023-05-03",
                "RIDGEWAY, May 3 - Mark Dalton is on trial for the shooting of a shopkeeper in "
                "Ridgeway. His lawyer, Helen Cross, told jurors on Wednesday that Dalton could "
                "not have been involved.",
            ),
        ),
        {("shot a shopkeeper", "could not have been involved")},
    ),
    # a raid reported by residents; the army denies it, and denies the burning by a pronoun
    "did-not-do-it": (
        (
            (
                "Sahel Wire",
                "2022-09-10",
                "GAO, Sept 10 - Soldiers raided the town of Douentza on Friday and burned "
                "dozens of huts, residents said.",
            ),
            (
                "Bamako Herald",
                "2022-09-11",
                "GAO, Sept 11 - The army said on Saturday that its soldiers had not raided "
                "Douentza. Villagers told reporters that the soldiers had burned their huts, but a "
                "military spokesman said they had not done it.",
            ),
        ),
        # the burning is told as part of the raid, one happening: both denials meet its report
        {("raided the town of Douentza", "had not raided"), ("raided the town", "had not done it")},
    ),
    # rival tolls, one of them a tally the police put at a figure
    "toll-put": (
        (
            (
                "Lake Chad Wire",
                "2024-06-03",
                "MAIDUGURI, June 3 - Gunmen attacked a market in Maiduguri on Monday and at "
                "least 12 people were killed, witnesses said.",
            ),
            (
                "Abuja Daily",
                "2024-06-04",
                "ABUJA, June 4 - Gunmen attacked a market in Maiduguri on Monday. Police put the "
                "death toll at 4.",
            ),
        ),
        {("at least 12 people were killed", "the death toll at 4")},
    ),
    # no dispute: the lawyer clears his client of nothing the other outlet reports
    "other-man": (
        (
            (
                "Valley Courier",
                "2023-05-02",
                "RIDGEWAY, May 2 - Prosecutors said on Tuesday that Mark Dalton shot a "
                "shopkeeper in Ridgeway last month.",
            ),
            (
                "Lakeside News",
                "2023-05-03",
                "LAKESIDE, May 3 - A lawyer for Peter Ames said on Wednesday that Ames was not "
                "involved in the theft of a boat from the Lakeside marina.",
            ),
        ),
        set(),
    ),
}


@pytest.fixture(scope="module")
def pg_server() -> Iterator[PostgresServer]:
    server = postgres_server()
    yield server
    server.close()


@pytest.fixture(scope="module")
def extracted(nlp) -> dict[str, list[Extraction]]:  # type: ignore[no-untyped-def]
    extractor = Extractor(nlp=nlp)
    return {
        name: extract_reports(extractor, articles, name) for name, (articles, _) in STORIES.items()
    }


@pytest.mark.parametrize("story", sorted(STORIES))
@pytest.mark.parametrize("backend_name", BACKENDS)
def test_outlets_disputing_one_happening_are_paired(
    story: str,
    backend_name: str,
    extracted: dict[str, list[Extraction]],
    request: pytest.FixtureRequest,
    tmp_path: Path,
) -> None:
    def server() -> PostgresServer:
        found: PostgresServer = request.getfixturevalue("pg_server")
        return found

    extractions = extracted[story]
    with make_backend(backend_name, tmp_path, server) as backend, Store(backend.url) as store:
        store.migrate()
        for extraction in extractions:  # one at a time, as articles arrive
            store.add(extraction)
        store.link_cross_contradictions([x.document.id for x in extractions])
        found = store.cross_contradictions()
    # Rival figures are two assertions, stored in the order of their documents' ids.
    pairs = {(row.assert_text, row.deny_text, "gives another" in row.reason) for row in found}
    wanted = STORIES[story][1]

    def one(said: str, denied: str, a: str, b: str, rival: bool) -> bool:
        return (said in a and denied in b) or (rival and said in b and denied in a)

    for said, denied in wanted:
        assert any(one(said, denied, *pair) for pair in pairs), (story, pairs)
    # every pair found is one of those wanted
    assert all(any(one(s, d, *pair) for s, d in wanted) for pair in pairs), (story, pairs)
