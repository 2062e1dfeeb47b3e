"""``sitroom_claims``: quotes with speakers, claims with stance, and contradictions."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from sitroom.claims.cues import load_cues
from sitroom.claims.ledger import ClaimsLedger
from sitroom.nlp import extensions as _extensions
from sitroom.nlp.spans import doc_index

_extensions.register_extensions()


class ClaimsComponent:
    def __init__(self) -> None:
        self._ledger: ClaimsLedger | None = None

    def __call__(self, doc: Doc) -> Doc:
        if self._ledger is None:
            self._ledger = ClaimsLedger(load_cues())
        result = self._ledger.run(doc, doc_index(doc), doc._.sitroom_entities, doc._.sitroom_events)
        doc._.sitroom_quotes = result.quotes
        doc._.sitroom_claims = result.claims
        doc._.sitroom_contradictions = result.contradictions
        return doc


@Language.factory(
    "sitroom_claims",
    assigns=["doc._.sitroom_quotes", "doc._.sitroom_claims", "doc._.sitroom_contradictions"],
    requires=["token.dep", "doc._.sitroom_entities", "doc._.sitroom_events"],
)
def make_claims(nlp: Language, name: str) -> ClaimsComponent:
    return ClaimsComponent()
