"""``/api/contradictions`` over a real server and store: what is disputed, each side's name,
outlet and day, where, and the country and date filters (SQLite, and PostgreSQL when set)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from builders import claim, entity, event, one_day, place, spans
from integration.api.corpus import live
from sitroom.api import create_app
from sitroom.config import Settings
from sitroom.model import Contradiction, Document, Extraction, Proposition
from sitroom.store import Store
from unit.store.backends import BACKENDS, PostgresServer, make_backend


def _ridge() -> Extraction:
    """A claim about an event with a place: the country comes from the event's place."""
    text = (
        "The Ridge Militia said it captured Redhill on Monday. "
        "The Army rejected the claim that Redhill had fallen."
    )
    proposition = Proposition(
        kind="event", family="violence", place="Redhill", text="Ridge Militia captured Redhill"
    )
    return Extraction(
        document=Document(
            id="ridge",
            title="Redhill contested",
            publisher="Hill Times",
            published=dt.date(2025, 5, 2),
            language="en",
            text=text,
        ),
        entities=[
            entity("e1", "Ridge Militia", "armed_group", mentions=spans(text, "Ridge Militia")),
            entity("e2", "Army", "government", mentions=spans(text, "Army")),
        ],
        places=[place("p1", "Redhill", "XA", lat=1.0, lon=2.0, mentions=spans(text, "Redhill"))],
        events=[
            event(text, "v1", "ASSAULT", "captured", place="p1", date=one_day(dt.date(2025, 5, 1)))
        ],
        claims=[
            claim(
                text,
                "c1",
                "assert",
                "it captured Redhill",
                claimant="e1",
                side="e1",
                event="v1",
                proposition=proposition,
            ),
            claim(
                text,
                "c2",
                "deny",
                "Redhill had fallen",
                claimant="e2",
                side="e2",
                event="v1",
                proposition=proposition,
            ),
        ],
        contradictions=[
            Contradiction(
                claims=("c1", "c2"),
                reason="Army denies the capture",
                proposition=proposition.text,
                sides=("Ridge Militia", "Army"),
            )
        ],
    )


def _harbour() -> Extraction:
    """Claims about no event: the country comes from the place the proposition names, the day
    from publication, the sides from the contradiction."""
    text = "Officials said the navy blockaded Saltport. Traders denied any blockade of Saltport."
    proposition = Proposition(
        kind="statement",
        subject="navy",
        predicate="blockade saltport",
        place="Saltport",
        text="The navy blockaded Saltport",
    )
    return Extraction(
        document=Document(
            id="harbour",
            title="Saltport blockade",
            publisher="Coast Daily",
            published=dt.date(2025, 6, 10),
            language="en",
            text=text,
        ),
        places=[place("p1", "Saltport", "XB", mentions=spans(text, "Saltport"))],
        claims=[
            claim(
                text,
                "c1",
                "assert",
                "the navy blockaded Saltport",
                claimant="officials",
                proposition=proposition,
            ),
            claim(
                text,
                "c2",
                "deny",
                "any blockade of Saltport",
                claimant="traders",
                proposition=proposition,
            ),
        ],
        contradictions=[
            Contradiction(
                claims=("c1", "c2"),
                reason="traders deny the blockade",
                proposition=proposition.text,
                sides=("Port officials", "Traders"),
            )
        ],
    )


@pytest.fixture(scope="module", params=BACKENDS)
def client(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[httpx.Client]:
    def pg() -> PostgresServer:
        found: PostgresServer = request.getfixturevalue("api_pg_server")
        return found

    folder: Path = tmp_path_factory.mktemp("disputes")
    with make_backend(request.param, folder, pg) as backend, Store(backend.url) as store:
        store.migrate()
        assert all(store.add_many([_ridge(), _harbour()]))
        with live(create_app(Settings(db=backend.url), store=store)) as client:
            yield client


def _items(client: httpx.Client, **params: Any) -> list[dict[str, Any]]:
    response = client.get("/api/contradictions", params=params)
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


def test_a_pair_says_what_is_disputed_by_whom_where_and_when(client: httpx.Client) -> None:
    by_doc = {i["a"]["document_id"]: i for i in _items(client)}
    assert set(by_doc) == {"ridge", "harbour"}
    ridge = by_doc["ridge"]
    assert ridge["proposition"] == "Ridge Militia captured Redhill"
    assert (ridge["a"]["side"], ridge["b"]["side"]) == ("Ridge Militia", "Army")
    assert (ridge["a"]["publisher"], ridge["a"]["published"]) == ("Hill Times", "2025-05-02")
    assert (ridge["place"], ridge["country"], ridge["date"]) == ("Redhill", "XA", "2025-05-01")
    harbour = by_doc["harbour"]
    assert (harbour["a"]["side"], harbour["b"]["side"]) == ("Port officials", "Traders")
    assert (harbour["place"], harbour["country"], harbour["date"]) == (
        "Saltport",
        "XB",
        "2025-06-10",
    )


def test_country_and_date_filters(client: httpx.Client) -> None:
    def docs(**params: Any) -> set[str]:
        return {i["a"]["document_id"] for i in _items(client, **params)}

    assert docs(country="XB") == {"harbour"}
    assert docs(country="xa") == {"ridge"}
    assert docs(country="XA,XB") == docs(country=["XA", "XB"]) == {"ridge", "harbour"}
    assert docs(country="KE") == set()
    assert docs(date_from="2025-06-01") == {"harbour"}
    assert docs(date_to="2025-05-31") == {"ridge"}
    assert docs(date_from="2025-05-01", date_to="2025-05-01", country="XA") == {"ridge"}


@pytest.mark.parametrize(
    "params", [{"country": "X" * 201}, {"date_from": "not-a-day"}, {"scope": "world"}]
)
def test_bad_filters_are_refused(client: httpx.Client, params: dict[str, str]) -> None:
    assert client.get("/api/contradictions", params=params).status_code == 422
