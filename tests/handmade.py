"""Build parsed ``Doc`` objects by hand, so stage logic is tested without a statistical model."""

from __future__ import annotations

import datetime as dt

import spacy
from spacy.tokens import Doc

from sitroom.lang.docindex import DocIndex

_VOCAB = spacy.blank("en").vocab  # lexical attributes (lower_, like_num) need the language


Row = tuple[str, str, str, str, int, str]


def parsed(rows: list[Row], ents: list[str] | None = None) -> Doc:
    """rows: (word, lemma, pos, tag, head index, dep); ents: BILUO-free IOB strings like "B-ORG"."""
    words = [r[0] for r in rows]
    return Doc(
        _VOCAB,
        words=words,
        lemmas=[r[1] for r in rows],
        pos=[r[2] for r in rows],
        tags=[r[3] for r in rows],
        heads=[r[4] for r in rows],
        deps=[r[5] for r in rows],
        ents=ents,
    )


def index(
    doc: Doc,
    entities: dict[int, str],
    labels: dict[str, str],
    places: dict[int, str] | None = None,
    published: dt.date | None = dt.date(2025, 3, 4),
) -> DocIndex:
    return DocIndex(
        entity_at=entities,
        entity_label=labels,
        entity_name={k: k for k in labels},
        entity_type={},
        place_at=places or {},
        place_kind={},
        times=[],
        published=published,
    )


def doc_of(table: str) -> Doc:
    """A parse written one token per line: ``word lemma POS TAG head dep``."""
    rows: list[Row] = []
    for line in table.strip().splitlines():
        word, lemma, pos, tag, head, dep = line.split()
        rows.append((word, lemma, pos, tag, int(head), dep))
    return parsed(rows)
