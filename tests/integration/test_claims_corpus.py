"""Who says what in the corpus wire report (read from ../shared at run time, never copied)."""

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


def test_every_direct_quote_has_its_speaker(ex: Extraction) -> None:
    names = {e.id: e.name for e in ex.entities}
    direct = [q for q in ex.quotes if q.kind == "direct"]
    assert all(q.speaker_span is not None for q in direct)
    assert [names.get(q.speaker or "") for q in direct] == [
        "Zabihullah Mujahid",
        "Ahmad Massoud",
        None,  # a source that is no actor: its mention only, and no entity made up for it
        "Suhail Shaheen",
        "United Nations",
        "Antonio Guterres",
    ]
    assert direct[-1].cue == "urge"


def test_partial_quotes_keep_the_speaker_of_their_report(ex: Extraction) -> None:
    names = {e.id: e.name for e in ex.entities}
    called = [q for q in ex.quotes if q.kind == "partial" and q.cue == "call"]
    assert [names.get(q.speaker or "") for q in called] == ["Antonio Guterres"]
    partial_speakers = {names.get(q.speaker or "") for q in ex.quotes if q.kind == "partial"}
    assert "Ahmad Massoud" in partial_speakers and None not in partial_speakers


def test_reported_speech_is_quoted_indirectly_and_claimed(ex: Extraction) -> None:
    indirect = [q for q in ex.quotes if q.kind == "indirect"]
    assert len(indirect) >= 10
    claim_spans = {c.span for c in ex.claims}
    assert sum(q.span in claim_spans for q in indirect) >= 10
    assert any(q.cue == "according to" for q in indirect)
    hedged = [c for c in ex.claims if c.hedges]
    assert hedged and all(len(c.hedges) == 1 for c in hedged)
