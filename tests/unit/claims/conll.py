"""Hand-built parses written as one token per line, for the claims tests.

Each line is ``word lemma POS TAG head dep`` (head is a token index); ``handmade.parsed`` builds
the ``Doc``. Entities and places are given by token index, as in ``handmade.index``.
"""

from __future__ import annotations

from spacy.tokens import Doc

from handmade import doc_of, index
from sitroom.claims.ledger import ClaimsLedger, LedgerResult
from sitroom.lang.docindex import DocIndex
from sitroom.lang.vocabulary import load_vocabulary
from sitroom.lang.vocabulary.reporting import ReportingVocabulary

LEDGER = ClaimsLedger(load_vocabulary(ReportingVocabulary))


def run(
    doc: Doc,
    entities: dict[int, str],
    labels: dict[str, str],
    places: dict[int, str] | None = None,
) -> tuple[LedgerResult, DocIndex]:
    idx = index(doc, entities, labels, places)
    return LEDGER.run(doc, idx, [], []), idx


def said(doc: Doc, span: tuple[int, int] | None) -> str | None:
    """The words of a span, as the tests compare them."""
    return doc.text[span[0] : span[1]] if span is not None else None


__all__ = ["doc_of", "run", "said"]
