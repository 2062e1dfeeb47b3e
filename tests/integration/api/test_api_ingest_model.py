"""POST /api/documents with the real English model: extract, store, recognise a repeat."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from sitroom.service import Extractor

pytestmark = pytest.mark.model

ARTICLE = Path(__file__).parents[2] / "fixtures" / "kadugli-clashes.txt"


def test_post_extracts_stores_and_recognises_repeats(
    client_for: Callable[..., httpx.Client], nlp: Any
) -> None:
    built: list[Extractor] = []

    def factory() -> Extractor:
        built.append(Extractor(nlp=nlp))
        return built[-1]

    client = client_for(api_token="w", extractor_factory=factory)
    auth = {"Authorization": "Bearer w"}
    body = {
        "text": ARTICLE.read_text(encoding="utf-8"),
        "title": "Clashes in Kadugli",
        "publisher": "Test Wire",
        "published": "2025-03-04",
    }
    listed_before = client.get("/api/documents", params={"limit": 500})  # a page now cached
    created = client.post("/api/documents", json=body, headers=auth)
    assert created.status_code == 201, created.text
    result = created.json()
    assert result["status"] == "processed"
    assert result["counts"]["events"] > 0 and result["counts"]["places"] > 0
    document_id = result["document_id"]
    # The poster sees its document in the next list, the cached page notwithstanding.
    listed = client.get("/api/documents", params={"limit": 500})
    assert document_id not in {item["id"] for item in listed_before.json()["items"]}
    assert document_id in {item["id"] for item in listed.json()["items"]}

    again = client.post("/api/documents", json=body, headers=auth)
    assert again.status_code == 200
    assert again.json()["status"] == "duplicate"
    assert again.json()["document_id"] == document_id
    assert len(built) == 1  # the model is loaded once and shared

    detail = client.get(f"/api/documents/{document_id}").json()
    document = detail["extraction"]["document"]
    assert (document["title"], document["publisher"]) == ("Clashes in Kadugli", "Test Wire")
    assert document["published"] == "2025-03-04"
    assert any(h["kind"] == "trigger" for h in detail["highlights"])
    kadugli = client.get("/api/events", params={"q": "Kadugli", "limit": 500}).json()["items"]
    assert any(item["document_id"] == document_id for item in kadugli)
