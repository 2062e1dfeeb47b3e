"""The ``sitroom_times`` pipeline component: resolved times on ``doc._.sitroom_times`` and
durations ("for three days", "the past 24 hours") on ``doc._.sitroom_durations``.

Set ``doc._.sitroom_published`` before the pipeline runs; relative expressions ("last Friday")
need it and are left out when it is ``None``, and durations anchored on it ("the past three
weeks") then keep no start or end. One component finds both because the times decide which
counts of days are durations ("three days ago" is a time).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from sitroom.lang.vocabulary import check_user_files
from sitroom.nlp import extensions as _extensions  # noqa: F401  (registers doc._.sitroom_*)
from sitroom.temporal.durations import find_durations
from sitroom.temporal.extract import find_times, times_in


def _anchor(doc: Doc) -> dt.date | None:
    published = doc._.sitroom_published
    if isinstance(published, dt.datetime):  # a timestamp still anchors on its calendar day
        return published.date()
    return published if isinstance(published, dt.date) else None


def annotate_times(doc: Doc) -> Doc:
    anchor, text = _anchor(doc), doc.text  # spaCy builds doc.text on every access
    times = find_times(doc, anchor, text=text)
    doc._.sitroom_times = times
    doc._.sitroom_durations = find_durations(doc, anchor, times, text=text)
    return doc


class TimesComponent:
    """Times and durations. Their words (month names, number words, qualifier cues) are closed
    classes compiled once per process, so the user's vocabulary files are only checked here."""

    def __init__(self, vocabulary: tuple[Path, ...] = ()) -> None:
        self._vocabulary = vocabulary
        self._ready = False

    def initialize(self, get_examples: object = None, *, nlp: object = None) -> None:
        check_user_files(self._vocabulary)
        self._ready = True

    def __call__(self, doc: Doc) -> Doc:
        if not self._ready:  # a pipeline built by hand, without initialize()
            self.initialize()
        return annotate_times(doc)


@Language.factory(
    "sitroom_times",
    assigns=["doc._.sitroom_times", "doc._.sitroom_durations"],
    requires=["doc.ents"],
    default_config={"vocabulary": []},
)
def make_times(nlp: Language, name: str, vocabulary: list[str]) -> TimesComponent:
    """Factory for ``nlp.add_pipe("sitroom_times")``; ``vocabulary`` as for every component."""
    return TimesComponent(tuple(Path(p) for p in vocabulary))


__all__ = ["TimesComponent", "annotate_times", "make_times", "times_in"]
