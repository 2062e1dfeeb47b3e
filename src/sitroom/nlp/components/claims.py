"""``sitroom_claims``: quotes with speakers, claims with stance, and contradictions."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from sitroom.claims.ledger import ClaimsLedger
from sitroom.lang.vocabulary import load_vocabulary
from sitroom.lang.vocabulary.event_phrases import ResponsibilityVocabulary
from sitroom.lang.vocabulary.events import TriggersVocabulary
from sitroom.lang.vocabulary.reporting import ReportingVocabulary
from sitroom.nlp import extensions as _extensions
from sitroom.nlp.spans import doc_index

_extensions.register_extensions()


class ClaimsComponent:
    def __init__(self, vocabulary: tuple[Path, ...] = ()) -> None:
        self._vocabulary = vocabulary  # the user's vocabulary files; read by initialize()
        self._ledger: ClaimsLedger | None = None

    def initialize(self, get_examples: object = None, *, nlp: object = None) -> None:
        """Load the reporting cues, with the user's files merged in."""
        self._ledger = ClaimsLedger(
            load_vocabulary(ReportingVocabulary, self._vocabulary),
            load_vocabulary(TriggersVocabulary, self._vocabulary),
            load_vocabulary(ResponsibilityVocabulary, self._vocabulary),
        )

    def __call__(self, doc: Doc) -> Doc:
        if self._ledger is None:  # a pipeline built by hand, without initialize()
            self.initialize()
        assert self._ledger is not None
        result = self._ledger.run(
            doc,
            doc_index(doc),
            doc._.sitroom_entities,
            doc._.sitroom_events,
            doc._.sitroom_places,
            doc._.sitroom_event_mentions,
        )
        doc._.sitroom_quotes = result.quotes
        doc._.sitroom_claims = result.claims
        doc._.sitroom_contradictions = result.contradictions
        return doc


@Language.factory(
    "sitroom_claims",
    assigns=["doc._.sitroom_quotes", "doc._.sitroom_claims", "doc._.sitroom_contradictions"],
    requires=[
        "token.dep",
        "doc._.sitroom_entities",
        "doc._.sitroom_places",
        "doc._.sitroom_events",
    ],
    default_config={"vocabulary": []},
)
def make_claims(nlp: Language, name: str, vocabulary: list[str]) -> ClaimsComponent:
    """``vocabulary``: the user's vocabulary files (any name; keys route to vocabularies)."""
    return ClaimsComponent(tuple(Path(p) for p in vocabulary))
