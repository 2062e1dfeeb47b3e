"""The ``sitroom_times`` pipeline component: resolved times on ``doc._.sitroom_times`` and
durations ("for three days", "the past 24 hours") on ``doc._.sitroom_durations``.

Set ``doc._.sitroom_published`` before the pipeline runs; relative expressions ("last Friday")
need it and are left out when it is ``None``, and durations anchored on it ("the past three
weeks") then keep no start or end. One component finds both because the times decide which
counts of days are durations ("three days ago" is a time).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

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


@Language.factory(
    "sitroom_times",
    assigns=["doc._.sitroom_times", "doc._.sitroom_durations"],
    requires=["doc.ents"],
)
def make_times(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """Factory for ``nlp.add_pipe("sitroom_times")``; the component has no settings."""
    return annotate_times


__all__ = ["annotate_times", "make_times", "times_in"]
