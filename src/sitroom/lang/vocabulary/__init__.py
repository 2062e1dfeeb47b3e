"""Vocabulary files: one typed schema per data file and one loader for all of them.

Every word list, pattern and mapping sitroom uses lives in ``sitroom/data/*.yaml``. Each file has
a pydantic schema, a subclass of :class:`Vocabulary` that names its file in ``FILE``. The schemas
register themselves here, so the loader knows every top-level key of every file, and those keys
are unique across files. That is what lets a user extend any vocabulary from one file of their
own, whatever it is called::

    # my-lexicon.yaml — keys are routed to the vocabulary that declares them
    actors:
      - {name: Free Hills Front, aliases: [FHF], type: armed_group}
    triggers:
      - {lemma: ambush, type: ASSAULT}

Merge rule for a user file, key by key: a list is *appended* to the packaged list, a mapping is
*updated* (the user's entry wins for a key both have), anything else is *replaced*. Later user
files apply after earlier ones.

A bad entry or an unknown key is a :class:`~sitroom.errors.VocabularyError` that names the file,
the key path and the line (``[S110] roles.yaml, line 12, roles.3: Input should be a valid
string``), never a bare ``KeyError``.
"""

from __future__ import annotations

# Each data file's schema module is imported here, so that the registry knows every key
# (isort puts them first; each imports base and loader itself).
from sitroom.lang.vocabulary import acled_export as _acled_export  # acled_export.yaml
from sitroom.lang.vocabulary import actors as _actors  # actors.yaml, roles.yaml
from sitroom.lang.vocabulary import amounts as _amounts  # qualifiers.yaml, numbers.yaml
from sitroom.lang.vocabulary import descriptions as _descriptions  # descriptions.yaml
from sitroom.lang.vocabulary import event_phrases as _event_phrases  # phrases, folding, claims
from sitroom.lang.vocabulary import events as _events  # triggers, types, ACLED cues, sides
from sitroom.lang.vocabulary import figures as _figures  # figure_nouns.yaml
from sitroom.lang.vocabulary import grammar as _grammar  # grammar.yaml
from sitroom.lang.vocabulary import merge_rules as _merge_rules  # merge.yaml
from sitroom.lang.vocabulary import periods as _periods  # periods.yaml
from sitroom.lang.vocabulary import place_cues as _place_cues  # place_cues.yaml
from sitroom.lang.vocabulary import places as _places  # places.yaml, toponyms.yaml
from sitroom.lang.vocabulary import reporting as _reporting  # reporting.yaml
from sitroom.lang.vocabulary import situation_report as _situation_report  # the report
from sitroom.lang.vocabulary import temporal as _temporal  # temporal.yaml
from sitroom.lang.vocabulary.base import Entry, Vocabulary, registered
from sitroom.lang.vocabulary.loader import check_user_files, load_vocabulary

SCHEMA_MODULES = (
    _acled_export, _actors, _amounts, _descriptions, _event_phrases, _events, _figures, _grammar,
    _merge_rules, _periods, _place_cues, _places, _reporting, _situation_report, _temporal,
)  # fmt: skip

__all__ = [
    "SCHEMA_MODULES",
    "Entry",
    "Vocabulary",
    "check_user_files",
    "load_vocabulary",
    "registered",
]
