"""The ``sitroom_times`` pipeline component: resolved times on ``doc._.sitroom_times``.

Set ``doc._.sitroom_published`` before the pipeline runs; relative expressions ("last Friday")
need it and are left out when it is ``None``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from sitroom.nlp import extensions as _extensions  # noqa: F401  (registers doc._.sitroom_*)
from sitroom.temporal.extract import find_times, times_in


def _anchor(doc: Doc) -> dt.date | None:
    published = doc._.sitroom_published
    if isinstance(published, dt.datetime):  # a timestamp still anchors on its calendar day
        return published.date()
    return published if isinstance(published, dt.date) else None


def annotate_times(doc: Doc) -> Doc:
    doc._.sitroom_times = find_times(doc, _anchor(doc))
    return doc


@Language.factory(
    "sitroom_times",
    assigns=["doc._.sitroom_times"],
    requires=["doc.ents"],
)
def make_times(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """Factory for ``nlp.add_pipe("sitroom_times")``; the component has no settings."""
    return annotate_times


__all__ = ["annotate_times", "make_times", "times_in"]
