"""Long documents with the real model: parsed in pieces, their results point into the whole
text and match a parse in one piece; spaCy never sees more than one piece at a time; a document
over the limit is one coded error in its batch, never a traceback."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from spacy.language import Language

from sitroom.config import Settings
from sitroom.ingest import Item, Meta
from sitroom.ingest.text import make_document
from sitroom.model import Extraction
from sitroom.service import Extractor, ingest_items
from sitroom.store import Store

pytestmark = pytest.mark.model

PARAGRAPHS = [
    "Rebels attacked an army base near Kadugli on Monday, killing four soldiers, a military "
    "spokesman said. The army said it had repelled the attack.",
    "Police arrested 12 protesters in Khartoum on Tuesday after a march against rising bread "
    "prices, witnesses told reporters.",
    "Government jets struck rebel positions in the Nuba Mountains on Wednesday, residents said. "
    "At least 30 families fled to nearby villages.",
    "The United Nations said on Thursday that 2,000 people had been displaced by the fighting "
    "since the start of the month.",
]


def _text(chars: int) -> str:
    out: list[str] = []
    i = 0
    while sum(len(p) + 2 for p in out) < chars:
        out.append(PARAGRAPHS[i % len(PARAGRAPHS)])
        i += 1
    return "\n\n".join(out)


def _extractor(nlp: Language, **settings: int) -> Extractor:
    return Extractor(Settings(**settings), nlp=nlp)  # type: ignore[arg-type]


def _key(ex: Extraction) -> tuple[object, ...]:
    return (
        sorted((e.type, e.trigger) for e in ex.events),
        sorted(f.span for f in ex.figures),
        sorted(t.span for t in ex.times),
        # Names, not mention counts: the model's tagging of a word next to a cut may differ
        # (its context window reaches across the blank line), as it may with any context.
        sorted(e.name for e in ex.entities),
    )


def test_pieces_give_the_same_results_as_one_parse(nlp: Language) -> None:
    text = _text(12_000)
    document = make_document(text, published=dt.date(2025, 3, 4))
    whole = _extractor(nlp, chunk_chars=50_000).extract(document)
    pieces = _extractor(nlp, chunk_chars=2_000).extract(document)
    assert len(pieces.events) > 20
    assert _key(pieces) == _key(whole)
    for event in pieces.events:
        start, end = event.trigger
        assert text[start:end].strip() and event.sentence[0] <= start < event.sentence[1]
    # Entities are merged over the whole text, not per piece. Unnamed people ("2,000 people",
    # "reporters") are someone new at each indefinite mention, so only names are unique.
    names = [e.name for e in pieces.entities if e.label != "PERSON" or e.actor_type == "person"]
    assert len(names) == len(set(names))


def test_spacy_never_sees_more_than_one_piece(nlp: Language) -> None:
    # spaCy refuses (E088) a text over nlp.max_length: before chunking, any document over it
    # failed with that traceback.
    text = _text(12_000)
    saved = nlp.max_length
    nlp.max_length = 5_000
    try:
        found = _extractor(nlp, chunk_chars=2_000).extract(make_document(text))
    finally:
        nlp.max_length = saved
    assert found.document.text == text and found.events


def test_a_document_over_the_limit_is_one_error_in_its_batch(nlp: Language, tmp_path: Path) -> None:
    extractor = _extractor(nlp, chunk_chars=2_000, max_document_chars=5_000)
    short = make_document(PARAGRAPHS[0])
    long = make_document(_text(6_000))
    items = [
        Item(source="long.txt", document=long, meta=Meta()),
        Item(source="short.txt", document=short, meta=Meta()),
    ]
    with Store(f"sqlite:///{tmp_path / 'x.db'}") as store:
        report = ingest_items(items, store, extractor)
    assert report.processed == 1
    ((source, _code, reason),) = report.errors
    assert source == "long.txt" and "[S214]" in reason and "max_document_chars" in reason
