"""Corpus rules: which event mentions are one happening, and which entities are one actor.

Pure functions over small frozen records, no database: ``sitroom.store`` loads the records,
calls these rules and writes what they decide. The same rules serve the situation report
(through the store's corpus events), so there is one definition of "the same happening".

* ``links``: ``same_happening`` and the tests it runs; its answer is a ``LinkReason`` record
  (``reasons``), rendered to text only where people read it.
* ``groups``: connected groups of links, and their stable ids.
* ``happenings``: what a corpus event (a group of mentions) says, with its counts.
* ``actors``: the actor registry's keys and grouping.
* ``rules``: the parameters, from ``data/merge.yaml``.
* ``tolls``: which counts a headline total may add (current figures of news events only).
"""

from __future__ import annotations

from sitroom.corpus.actors import (
    ActorRecord,
    EntityKey,
    EntityRef,
    actor_id,
    aggregate_actor,
    entity_keys,
    fold_name,
    group_entities,
)
from sitroom.corpus.groups import components, group_id
from sitroom.corpus.happenings import (
    MODALITY_RANK,
    CorpusEventRecord,
    DocumentInfo,
    aggregate,
    corpus_id,
)
from sitroom.corpus.links import (
    actors_meet,
    both_roles_meet,
    could_meet,
    dates_meet,
    place_relation,
    same_happening,
)
from sitroom.corpus.mentions import Mention, MentionKey, PlaceRef, actor_keys, fold, window
from sitroom.corpus.reasons import DateLink, LinkReason, PlaceLink
from sitroom.corpus.rules import MergeRules, default_rules, load_rules
from sitroom.corpus.tolls import (
    HeadlineTotal,
    counted_fatalities,
    counts_in_total,
    headline_total,
)

__all__ = [
    "MODALITY_RANK",
    "ActorRecord",
    "CorpusEventRecord",
    "DateLink",
    "DocumentInfo",
    "EntityKey",
    "EntityRef",
    "HeadlineTotal",
    "LinkReason",
    "Mention",
    "MentionKey",
    "MergeRules",
    "PlaceLink",
    "PlaceRef",
    "actor_id",
    "actor_keys",
    "actors_meet",
    "aggregate",
    "aggregate_actor",
    "both_roles_meet",
    "components",
    "corpus_id",
    "could_meet",
    "counted_fatalities",
    "counts_in_total",
    "dates_meet",
    "default_rules",
    "entity_keys",
    "fold",
    "fold_name",
    "group_entities",
    "group_id",
    "headline_total",
    "load_rules",
    "place_relation",
    "same_happening",
    "window",
]
