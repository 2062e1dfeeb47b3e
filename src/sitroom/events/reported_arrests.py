"""Arrests a police force reports without saying who made them: "a 22-year-old man has been
arrested on suspicion of murder, Kent Police said", "two men were detained overnight, police
said".

A police statement in the passive leaves out the arrester because it is the force itself. So an
arrest (``sides.yaml``'s ``reported_arrest_lemmas``) that has no doer and is reported by a
police force or by a spokesman of one (``roles.yaml``'s police words) takes that force as its
doer, before the article's arrests lend their doers to the others (``events.sides.doer_of_kind``,
for which such a doer counts as a stated one: "the suspect was detained nearby" is the force's
arrest too). An arrest of the force's own men ("two officers were arrested, police said") keeps
none.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from spacy.tokens import Doc

from sitroom.lang.docindex import DocIndex
from sitroom.lang.vocabulary.actors import RolesVocabulary
from sitroom.lang.vocabulary.loader import load_vocabulary
from sitroom.model import Event

_ROLES = load_vocabulary(RolesVocabulary)
_POLICE_WORDS = _ROLES.police_name_heads | _ROLES.police_anaphors


def _police(entity: str, index: DocIndex) -> bool:
    words = index.entity_name.get(entity, "").lower().split()
    return bool(words) and words[-1] in _POLICE_WORDS


def _lemma(event: Event, doc: Doc) -> str:
    span = doc.char_span(*event.trigger, alignment_mode="expand")
    return span.root.lemma_.lower() if span is not None else ""


def reporting_police(
    events: Sequence[Event], doc: Doc, index: DocIndex, lemmas: Collection[str]
) -> list[Event]:
    """``events`` with each arrest (a trigger of one of ``lemmas``) that names no doer and is
    reported by a police force (or its spokesman) given that force as actor1."""
    out = list(events)
    for n, event in enumerate(events):
        source = event.attributed_to
        if event.actor1 is not None or event.background or source is None:
            continue
        if _lemma(event, doc) not in lemmas:
            continue
        force = source if _police(source, index) else index.entity_affiliation.get(source)
        if force is None or not _police(force, index) or force == event.actor2:
            continue
        out[n] = event.model_copy(update={"actor1": force, "inferred": [*event.inferred, "actor1"]})
    return out


__all__ = ["reporting_police"]
