"""The foundation's acceptance checks on the real wire report in ../shared/corpus.

The article is read from ../shared (never copied into the repository); CI has it beside the clone.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sitroom.ingest.text import make_document
from sitroom.model import Extraction
from sitroom.service import Extractor

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def ex(corpus_article: Path, nlp) -> Extraction:  # type: ignore[no-untyped-def]
    doc = make_document(corpus_article.read_text(encoding="utf-8"), published=dt.date(2021, 9, 6))
    return Extractor(nlp=nlp).extract(doc)


def _entity(ex: Extraction, name: str):  # type: ignore[no-untyped-def]
    found = [e for e in ex.entities if e.name == name]
    assert found, f"{name} not among {[e.name for e in ex.entities]}"
    return found[0]


def test_key_actors_with_sensible_labels(ex: Extraction) -> None:
    assert _entity(ex, "Taliban").label == "ORG"
    assert _entity(ex, "National Resistance Front of Afghanistan").label == "ORG"
    massoud = _entity(ex, "Ahmad Massoud")
    assert massoud.label == "PERSON"
    assert {"Ahmed Massoud", "Ahmad Masoud"} <= set(massoud.aliases)
    for name in ("Zabihullah Mujahid", "Martin Griffiths", "Antony Blinken"):
        assert _entity(ex, name).label == "PERSON"
    assert all(e.name != "Panjshir" for e in ex.entities if e.label == "ORG")
    assert all("Blinken" not in e.name for e in ex.entities if e.label == "GPE")


def test_places_in_the_right_country(ex: Extraction) -> None:
    wanted = {"Panjshir": "AF", "Kabul": "AF", "Doha": "QA", "Geneva": "CH", "Ramstein": "DE"}
    for name, country in wanted.items():
        hits = [p for p in ex.places if name.lower() in p.name.lower()]
        assert hits, f"{name} not among {[p.name for p in ex.places]}"
        assert hits[0].country == country and hits[0].lat is not None


def test_dates_resolve_on_the_publication_date(ex: Extraction) -> None:
    by_text = {t.text: t for t in ex.times}
    assert by_text["August 31"].start == dt.date(2021, 8, 31)
    assert by_text["September 13"].start == dt.date(2021, 9, 13)


def test_quote_attributed_to_the_spokesman(ex: Extraction) -> None:
    mujahid = _entity(ex, "Zabihullah Mujahid")
    quotes = [q for q in ex.quotes if q.text.startswith("Panjshir, which was")]
    assert quotes and quotes[0].speaker == mujahid.id


def test_figures(ex: Extraction) -> None:
    million = [f for f in ex.figures if f.value == 18_000_000]
    assert million and million[0].what == "people" and million[0].qualifier == "exact"
    evacuated = [f for f in ex.figures if f.value == 120_000]
    assert evacuated and evacuated[0].qualifier == "more_than"
    assert evacuated[0].what and "Americans" in evacuated[0].what


def test_core_events(ex: Extraction) -> None:
    text = ex.document.text
    places = {p.id: p.name for p in ex.places}
    names = {e.id: e.name for e in ex.entities}
    fights = [
        e for e in ex.events if e.type == "FIGHT" and "Panjshir" in places.get(e.place or "", "")
    ]
    assert fights, "no fighting event located in Panjshir"
    meetings = [
        e
        for e in ex.events
        if e.type == "CONSULT" and places.get(e.place or "") == "Kabul"
        and "United Nations" in (names.get(e.actor1 or ""), names.get(e.actor2 or ""))
    ]  # fmt: skip
    assert meetings, "no UN meeting in Kabul"
    withdrawals = [
        e
        for e in ex.events
        if e.type == "RETREAT" and "withdraw" in text[e.trigger[0] : e.trigger[1]]
    ]
    assert withdrawals, "no withdrawal event"


def test_denial_contradicts_the_capture_claim(ex: Extraction) -> None:
    claims = {c.id: c for c in ex.claims}
    assert ex.contradictions
    pair_texts = [
        (claims[a].text, claims[b].text) for a, b in (k.claims for k in ex.contradictions)
    ]
    assert any("captured" in a and "claim" in b for a, b in pair_texts), pair_texts
