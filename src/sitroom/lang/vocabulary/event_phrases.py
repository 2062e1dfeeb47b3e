"""Schemas of the events stage's phrase-level vocabularies: ``event_phrases.yaml`` (multiword
and light-verb triggers as dependency patterns), ``event_folding.yaml`` (when two mentions in
one sentence are one happening) and ``responsibility.yaml`` (who claims an attack)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, model_validator

from sitroom.lang.vocabulary.base import Entry, Vocabulary
from sitroom.lang.vocabulary.words import WordSet
from sitroom.model import Modality, PloverType

# The token attributes a pattern node may test, as spaCy's Matcher spells them.
TokenAttribute = Literal["LEMMA", "LOWER", "POS", "TAG", "DEP", "ENT_TYPE", "LIKE_NUM"]
# spaCy's DependencyMatcher operators: ">" child, ">>" descendant, "." immediately before ...
RelationOperator = Literal[">", "<", ">>", "<<", ".", ".*", ";", ";*", "$+", "$-", "$++", "$--"]
RoleName = Literal["actor1", "target", "partner", "victims"]


class PatternNode(Entry):
    """One token of a pattern: its name, the node it hangs from, and what it must be."""

    id: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
    head: str | None = None  # None only for the first node, the anchor
    rel: RelationOperator = ">"
    attrs: dict[TokenAttribute, Any]


class Role(Entry):
    """Which token plays a role: the node itself, or the agent or subject of the node."""

    node: str
    via: Literal["self", "agent", "subject"] = "self"


class PhraseTrigger(Entry):
    """One entry of ``phrase_triggers``; see the header of ``event_phrases.yaml``."""

    name: str
    pattern: tuple[PatternNode, ...] = Field(min_length=1)
    trigger: str
    type: PloverType | None = None  # None: the single-word trigger of the trigger node
    mode: str | None = None
    cameo: Annotated[str, BeforeValidator(str)] | None = None
    acled: tuple[str, str] | None = None
    weight: float = 0.7
    roles: dict[RoleName, Role] = Field(default_factory=dict)
    requires: frozenset[RoleName] = frozenset()

    @model_validator(mode="after")
    def _nodes_are_declared(self) -> PhraseTrigger:
        ids: list[str] = []
        for i, node in enumerate(self.pattern):
            if (node.head is None) != (i == 0):
                raise ValueError(f"node {node.id!r}: only the first node has no head")
            if node.head is not None and node.head not in ids:
                raise ValueError(f"node {node.id!r} hangs from {node.head!r}, not declared before")
            if node.id in ids:
                raise ValueError(f"node {node.id!r} is declared twice")
            ids.append(node.id)
        named = [self.trigger, *(role.node for role in self.roles.values())]
        missing = [n for n in named if n not in ids]
        if missing:
            raise ValueError(f"{self.name}: no pattern node {missing[0]!r}")
        if not self.requires <= set(self.roles):
            raise ValueError(f"{self.name}: requires a role it does not declare")
        return self


class PhrasesVocabulary(Vocabulary):
    """``event_phrases.yaml``: triggers of more than one word, with the roles of their words."""

    FILE = "event_phrases.yaml"
    phrase_triggers: tuple[PhraseTrigger, ...]


class FoldingVocabulary(Vocabulary):
    """``event_folding.yaml``: when two event mentions in one sentence are one happening."""

    FILE = "event_folding.yaml"
    content_types: frozenset[PloverType]
    same_happening_types: tuple[frozenset[PloverType], ...]
    content_prepositions: WordSet
    sequence_words: WordSet
    definite_determiners: WordSet
    modality_groups: tuple[tuple[Modality, ...], ...]
    restated_types: dict[PloverType, frozenset[PloverType]]
    predicate_deps: WordSet
    outcome_verbs: WordSet = frozenset()
    counterpart_prepositions: WordSet = frozenset()
    mode_kinds: dict[str, str] = Field(default_factory=dict)
    answering_modes: WordSet = frozenset()
    circumstance_marks: WordSet = frozenset()
    suffering_verbs: WordSet = frozenset()
    disowning_modalities: frozenset[Modality] = frozenset()
    quantity_heads: WordSet = frozenset()
    course_prepositions: WordSet = frozenset()
    course_types: frozenset[PloverType] = frozenset()

    @property
    def course_rule(self) -> tuple[frozenset[str], frozenset[PloverType]]:
        """What ``events.clause_doers.course_doers`` reads: its prepositions and types."""
        return self.course_prepositions, self.course_types


class ResponsibilityVocabulary(Vocabulary):
    """``responsibility.yaml``: the words of a claim of responsibility for an attack."""

    FILE = "responsibility.yaml"
    responsibility_nouns: WordSet
    claiming_verbs: WordSet
    deed_owning_verbs: WordSet = frozenset()
    deed_verbs: WordSet
    author_prepositions: WordSet
    attributing_verbs: WordSet
    attribution_prepositions: WordSet
    deed_prepositions: WordSet
    bare_attributing_verbs: WordSet = frozenset()
    claimed_types: frozenset[PloverType]
    later_doer_nouns: WordSet = frozenset()  # "... was stabbed ... arrested a *suspect*"


__all__ = [
    "FoldingVocabulary",
    "PatternNode",
    "PhraseTrigger",
    "PhrasesVocabulary",
    "ResponsibilityVocabulary",
    "Role",
]
