"""Custom ``Doc`` attributes set by sitroom's components, registered once on import.

Set ``doc._.sitroom_published`` (a ``datetime.date``) before running the pipeline so that relative
dates are anchored on the publication date; leave it ``None`` when the date is unknown.
"""

from __future__ import annotations

from spacy.tokens import Doc

EXTENSIONS = (
    "sitroom_published",
    "sitroom_entities",
    "sitroom_places",
    # (span, place id): a place named by a common noun ("the Afghan capital"), no toponym.
    "sitroom_place_references",
    "sitroom_times",
    "sitroom_durations",
    "sitroom_figures",
    "sitroom_events",
    # (trigger start, event id): where a restatement folded into an event stood ("the attack"
    # two sentences on), so that a claim around it is still about that event.
    "sitroom_event_mentions",
    "sitroom_quotes",
    "sitroom_claims",
    "sitroom_contradictions",
)


def register_extensions() -> None:
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            default = None if name == "sitroom_published" else ()
            Doc.set_extension(name, default=default)


register_extensions()
