"""``sitroom_events``: PLOVER-coded event mentions with actors, place, date and modality."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from sitroom.events.background import inherit_dates
from sitroom.events.consistency import consistent_arguments
from sitroom.events.dating import stated_dates
from sitroom.events.detect import EventDetector
from sitroom.events.folding import fold_happenings, numbered
from sitroom.events.later_doers import name_later_doers
from sitroom.events.lexicon import EventVocabulary
from sitroom.events.nesting import containers_of
from sitroom.events.quoted_doers import rebind_quoted_victims
from sitroom.events.responsibility import assign_responsibility
from sitroom.events.telling_dates import consistent_dates
from sitroom.nlp import extensions as _extensions
from sitroom.nlp.spans import doc_index

_extensions.register_extensions()


class EventsComponent:
    def __init__(self, vocabulary: tuple[Path, ...] = ()) -> None:
        self._vocabulary = vocabulary  # the user's vocabulary files; read by initialize()
        self._detector: EventDetector | None = None

    def initialize(self, get_examples: object = None, *, nlp: object = None) -> None:
        """Load triggers, event types, ACLED cues, side rules and reporting cues."""
        self._detector = EventDetector(EventVocabulary.load(self._vocabulary))

    def __call__(self, doc: Doc) -> Doc:
        if self._detector is None:  # a pipeline built by hand, without initialize()
            self.initialize()
        assert self._detector is not None
        index = doc_index(doc)
        events = self._detector.detect(doc, index)
        vocabulary = self._detector.vocabulary
        events, mentions, near = fold_happenings(
            events,
            doc,
            vocabulary.folding,
            frozenset(index.entity_at),
            stated_dates(events, doc, index),
        )
        containers = containers_of(doc._.sitroom_places)
        events = assign_responsibility(
            events,
            doc,
            index,
            vocabulary.responsibility,
            vocabulary.triggers,
            mentions,
            containers,
        )
        words = vocabulary.responsibility
        events = name_later_doers(events, doc, index, words.claimed_types, words.later_doer_nouns)
        events = rebind_quoted_victims(events, doc, words.claimed_types)
        events = inherit_dates(events, doc, index, mentions)
        # The tellings of one happening agree once every doer is known (claims, later doers).
        events = consistent_arguments(events, near, doc, containers)
        events = consistent_dates(events, near, doc, index, mentions, containers)
        final = numbered(events)
        renamed = {old.id: new.id for old, new in zip(events, final, strict=True)}
        doc._.sitroom_events = tuple(final)
        doc._.sitroom_event_mentions = tuple(
            sorted((start, renamed[id_]) for start, id_ in mentions.items() if id_ in renamed)
        )
        return doc


@Language.factory(
    "sitroom_events",
    assigns=["doc._.sitroom_events", "doc._.sitroom_event_mentions"],
    requires=["token.dep", "token.lemma", "doc._.sitroom_entities"],
    default_config={"vocabulary": []},
)
def make_events(nlp: Language, name: str, vocabulary: list[str]) -> EventsComponent:
    """``vocabulary``: the user's vocabulary files (any name; keys route to vocabularies)."""
    return EventsComponent(tuple(Path(p) for p in vocabulary))
