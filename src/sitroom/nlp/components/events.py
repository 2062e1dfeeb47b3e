"""``sitroom_events``: PLOVER-coded event mentions with actors, place, date and modality."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from sitroom.claims.cues import load_cues
from sitroom.events.detect import EventDetector
from sitroom.events.lexicon import load_lexicon
from sitroom.nlp import extensions as _extensions
from sitroom.nlp.spans import doc_index

_extensions.register_extensions()


class EventsComponent:
    def __init__(self, extra_lexicons: tuple[Path, ...] = ()) -> None:
        self._extra = extra_lexicons
        self._detector: EventDetector | None = None

    def __call__(self, doc: Doc) -> Doc:
        if self._detector is None:
            self._detector = EventDetector(load_lexicon(self._extra), load_cues())
        doc._.sitroom_events = tuple(self._detector.detect(doc, doc_index(doc)))
        return doc


@Language.factory(
    "sitroom_events",
    assigns=["doc._.sitroom_events"],
    requires=["token.dep", "token.lemma", "doc._.sitroom_entities"],
    default_config={"extra_lexicons": []},
)
def make_events(nlp: Language, name: str, extra_lexicons: list[str]) -> EventsComponent:
    return EventsComponent(tuple(Path(p) for p in extra_lexicons))
