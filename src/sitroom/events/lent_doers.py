"""The last doers an act takes from others of the document: the police that report an arrest
told without its doer, the act an operation was done in ("detained during raids"), and the
one doer of its kind (``events.sides.doer_of_kind``), in that order, so that a doer the first
two make sure of may lend itself further."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence

from spacy.tokens import Doc

from sitroom.events.clause_doers import course_doers
from sitroom.events.lexicon import EventVocabulary
from sitroom.events.reported_arrests import reporting_police
from sitroom.events.sides import doer_of_kind
from sitroom.lang.docindex import DocIndex
from sitroom.model import Event


def lend_doers(
    doc: Doc,
    events: Sequence[Event],
    at: Mapping[int, int],
    index: DocIndex,
    vocabulary: EventVocabulary,
    slack: dt.timedelta,
    own_side: Collection[str],
) -> list[Event]:
    """``events`` with the doers of the arrests the police report, of the operations acts
    were done in, and of each kind's lone doer filled in."""
    sides, folding = vocabulary.sides, vocabulary.folding
    reported = reporting_police(list(events), doc, index, sides.reported_arrest_lemmas)
    reported = course_doers(doc, reported, at, *folding.course_rule)
    sure = {new.id for old, new in zip(events, reported, strict=True) if new != old}
    return doer_of_kind(reported, sides.same_doer_kinds, slack, own_side, sure, index.entity_type)


__all__ = ["lend_doers"]
