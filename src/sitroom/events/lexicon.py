"""The trigger lexicon, built from the vocabularies of ``data/event_triggers.yaml`` and
``data/event_types.yaml`` (schemas in ``sitroom.lang.vocabulary.events``)."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from spacy.tokens import Token

from sitroom.errors import VocabularyError
from sitroom.lang.syntax import np_tokens, reporting_subject, subject
from sitroom.lang.vocabulary import load_vocabulary
from sitroom.lang.vocabulary.actors import RolesVocabulary
from sitroom.lang.vocabulary.event_phrases import (
    FoldingVocabulary,
    PhrasesVocabulary,
    ResponsibilityVocabulary,
)
from sitroom.lang.vocabulary.events import (
    AcledCuesVocabulary,
    EventTypesVocabulary,
    SidesVocabulary,
    TriggersVocabulary,
)
from sitroom.lang.vocabulary.grammar import grammar
from sitroom.lang.vocabulary.reporting import ReportingVocabulary
from sitroom.model import PloverType, Quad

PosClass = Literal["verb", "noun"]
# How a verb attaches the state it leaves its object in ("left six *dead*").
STATE_DEPS = frozenset({"oprd", "acomp", "xcomp", "ccomp"})
# A noun in one of these relations has its head verb for context ("*took* hostages").
_GOVERNED_DEPS = frozenset({"dobj", "nsubjpass", "oprd"})
# Clauses a trigger verb may hold that tell acts of their own ("killed two guards *when they
# stormed* a bank", "attacked the town *and burned* houses").
_CLAUSE_DEPS = frozenset({"advcl", "conj", "xcomp", "ccomp", "relcl"})


@dataclass(frozen=True)
class Trigger:
    lemma: str
    particle: str | None
    pos: PosClass
    type: PloverType
    mode: str | None
    cameo: str
    quad: Quad
    acled: tuple[str, str] | None
    needs: frozenset[str]
    weight: float
    unless: frozenset[str] = frozenset()


def pos_class(token: Token) -> PosClass | None:
    if token.pos_ in {"VERB"}:
        return "verb"
    if token.pos_ in {"NOUN", "PROPN"} and token.tag_ not in {"NNP", "NNPS"}:
        return "noun"
    return None


class TriggerLexicon:
    def __init__(
        self, triggers: Iterable[Trigger], direction_particles: Collection[str] = ()
    ) -> None:
        # Adverbs of direction the parser may take for a preposition ("pulled *out* of").
        self._particles = frozenset(direction_particles)
        self._by_key: dict[tuple[str, PosClass], list[Trigger]] = {}
        for trig in triggers:
            key = (trig.lemma, trig.pos)
            # A later entry for the same word, particle and context words replaces the earlier.
            same = (trig.particle, trig.needs)
            kept = [t for t in self._by_key.get(key, []) if (t.particle, t.needs) != same]
            self._by_key[key] = [*kept, trig]

    def __len__(self) -> int:
        return sum(len(v) for v in self._by_key.values())

    def may_be(self, token: Token, quad: str) -> bool:
        """Whether some sense of the word is a trigger of ``quad``, whatever its context
        ("fired on a patrol": the word may be fighting, the sense ``match`` finds or not)."""
        cls = pos_class(token)
        options = self._by_key.get((token.lemma_.lower(), cls), []) if cls else []
        return any(t.quad == quad for t in options)

    def _options(self, token: Token) -> list[Trigger]:
        cls = pos_class(token)
        if cls is None:
            return []
        return self._by_key.get((token.lemma_.lower(), cls)) or self._by_key.get(
            (token.text.lower(), cls), []
        )

    def may_be_type(self, token: Token, kind: PloverType) -> bool:
        """Whether some sense of the word is a trigger of type ``kind``, whatever its context."""
        return any(t.type == kind for t in self._options(token))

    def ruled_out(self, token: Token) -> bool:
        """Whether the word may be a trigger but its context says it is none of them, by a
        word of some sense's ``unless`` ("a *boiler* exploded", "a *gas* cylinder exploded")."""
        options = self._options(token)
        if not options or self.match(token) is not None:
            return False
        context = self._context(token)
        return any(t.unless & context for t in options)

    def _context(self, token: Token) -> set[str]:
        """The words an ``unless`` is looked for among (see ``match``)."""
        children, acts = self._children(token, pos_class(token))
        return children - acts | _clause_words(token)

    def _children(self, token: Token, cls: PosClass | None) -> tuple[set[str], set[str]]:
        """The words a trigger's ``needs`` are looked for among, and the verbs of the clauses
        hung on it (its acts, no context of its own)."""
        children = {c.lemma_.lower() for c in token.children} | {
            g.lemma_.lower() for c in token.children for g in c.children
        }
        # "weapons seized by police", "a statement released by the ministry": the noun a
        # participle modifies is what it acts on.
        if token.dep_ == "acl" and token.tag_ == "VBN":
            children.add(token.head.lemma_.lower())
        # "striking miners", "fleeing villagers": a participle before a noun says what the
        # noun's people do, so the noun is its context.
        if token.dep_ == "amod" and token.tag_ in {"VBG", "VBN"}:
            children.add(token.head.lemma_.lower())
        # "took 30 hostages", "released the hostages": the verb that governs a noun's phrase.
        if cls == "noun" and token.dep_ in _GOVERNED_DEPS:
            children.add(token.head.lemma_.lower())
        # "arrest warrants", "attack helicopters": the noun a noun modifies says what it is.
        if token.dep_ == "compound" and cls == "noun":
            children.add(token.head.lemma_.lower())
        # "found a large amount of ammunition", "seized 100kg of explosives": what a measure
        # or a group holds is what was found.
        children |= {
            o.lemma_.lower()
            for c in token.children
            if c.dep_ in {"dobj", "nsubjpass"}
            for p in c.children
            if p.dep_ == "prep" and p.lower_ == "of"
            for o in p.children
            if o.dep_ == "pobj"
        }
        # A clause hung on the trigger tells another act, not what kind of thing the trigger
        # is: "killed two guards when they *stormed* a bank" is no storm of the weather.
        acts = {
            c.lemma_.lower() for c in token.children if c.pos_ == "VERB" and c.dep_ in _CLAUSE_DEPS
        }
        return children, acts

    def match(self, token: Token) -> Trigger | None:
        options = self._options(token)
        if not options:
            return None
        # A particle the parser took for a preposition of its own ("pulled *out* of the town",
        # "backed *away* from"): an adverb of direction heading another preposition.
        particles = {
            c.text.lower()
            for c in token.children
            if c.dep_ == "prt"
            or (
                c.dep_ in {"prep", "advmod"}
                and c.lower_ in self._particles
                and any(g.dep_ == "prep" for g in c.children)
            )
        }
        children, acts = self._children(token, pos_class(token))
        # Most specific first: a particle verb, then an entry whose context words are present.
        for trig in sorted(options, key=lambda t: (t.particle is None, not t.needs)):
            if trig.particle is not None and trig.particle not in particles:
                continue
            if trig.needs and not trig.needs & children:
                continue
            if trig.unless and trig.unless & (children - acts | _clause_words(token)):
                continue
            return trig
        return None


def kills(verb: Token, words: TriggersVocabulary, *, violent: bool = False) -> bool:
    """The verb tells deaths: a verb of killing ("killing six"), or one that leaves its object
    dead ("leaving nine people dead"); with ``violent`` (the verb's act is an attack), also one
    done to death ("shot dead two men", "stabbed to death"; "sentenced to death" is no attack).
    """
    lemma = verb.lemma_.lower()
    if lemma in words.death_verbs:
        return True
    states = words.death_states
    left = any(c.dep_ in STATE_DEPS and c.lemma_.lower() in states for c in verb.children)
    if left and (lemma in words.leaving_verbs or violent):
        return True
    if lemma in words.leaving_verbs and any(
        c.dep_ == "dobj"
        and c.lemma_.lower() in states
        and any(g.dep_ == "nummod" for g in c.children)
        for c in verb.children
    ):
        return True  # "left at least 31 dead": the parser may take the dead for the object
    if not violent:
        return False
    following = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
    if following is not None and following.lower_ in states:
        return True  # "shot dead two demonstrators" (the parser may hang "dead" on the men)
    ends = (g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj")
    return any(g.lemma_.lower() in states for g in ends)  # "stabbed to death"


def one_each(people: Sequence[Token]) -> int | None:
    """How many dead coordinated nouns count when each names one person: "*a man* was killed",
    "police shot dead *the gunman*", "*a soldier and a policeman* died" (singular nouns of
    ``roles.yaml`` ``unnamed_people`` with a ``grammar.yaml`` ``single_determiners`` word), "shot
    *him* dead" (a person pronoun); ``None`` when any is no such word ("two women": their number
    counts, not this; "a family" names several)."""
    roles = load_vocabulary(RolesVocabulary)
    single = grammar().single_determiners
    for tok in people:
        if tok.pos_ == "PRON" and tok.lower_ in grammar().person_pronouns:
            continue  # "officers shot *him* dead", "*she* was killed": one person
        head = tok.head if tok.dep_ == "compound" else tok
        lemma = head.lemma_.lower()
        if head.tag_ != "NN" or lemma not in roles.unnamed_people:
            return None
        if lemma in roles.collective_people:
            return None  # "a family": several people, how many its "of" says
        if not any(c.dep_ == "det" and c.lower_ in single for c in head.children):
            return None
    return len(people) or None


def _clause_words(token: Token) -> set[str]:
    """Lemmas around a noun in its clause: the words of its head's other arguments ("rescue
    teams continued the operation"), and with a possessive pronoun the words of whom it names
    ("relief organisations said they would continue their operations")."""
    head = token.head
    if head.i == token.i:
        return set()
    if token.dep_ == "pobj" and head.dep_ == "prep" and head.head.i != head.i:
        head = head.head  # "went on strike": the clause is the verb's, not the preposition's
    words = {c.lemma_.lower() for c in head.children} | {
        g.lemma_.lower() for c in head.children if c.i != token.i for g in c.children
    }
    if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children):
        owner = _acting_subject(head)
        if owner is not None and owner.i != token.i:
            words |= {t.lemma_.lower() for t in np_tokens(owner)}
    return words


def _acting_subject(verb: Token) -> Token | None:
    """Who does what ``verb`` says: its subject, climbing infinitive and adverbial clauses, and
    from a pronoun to the subject that reports about itself ("X said they ...")."""
    found = subject(verb, climb={"advcl", "xcomp", "conj"}, levels=3)
    if found is None:
        return None
    reporter = reporting_subject(found) if found.pos_ == "PRON" else None
    return reporter or found


def _triggers(vocabulary: TriggersVocabulary, types: EventTypesVocabulary) -> list[Trigger]:
    out = []
    for item in vocabulary.triggers:
        info = types.event_types.get(item.type)
        if info is None:
            raise VocabularyError(
                f"trigger {item.lemma!r} has type {item.type}, which event_types lacks",
                file=TriggersVocabulary.FILE,
                key="triggers",
            )
        words = item.lemma.split()
        poses: list[PosClass] = ["verb", "noun"] if item.pos == "both" else [item.pos]
        for pos in poses:
            out.append(
                Trigger(
                    lemma=words[0],
                    particle=words[1] if len(words) > 1 else None,
                    pos=pos,
                    type=item.type,
                    mode=item.mode,
                    cameo=item.cameo if item.cameo is not None else info.cameo,
                    quad=info.quad,
                    acled=item.acled,
                    needs=item.needs,
                    unless=item.unless,
                    weight=item.weight,
                )
            )
    return out


@dataclass(frozen=True)
class EventVocabulary:
    """Every vocabulary the events stage reads, loaded together."""

    triggers: TriggersVocabulary
    types: EventTypesVocabulary
    acled_cues: AcledCuesVocabulary
    sides: SidesVocabulary
    reporting: ReportingVocabulary
    phrases: PhrasesVocabulary
    folding: FoldingVocabulary
    responsibility: ResponsibilityVocabulary

    @classmethod
    def load(cls, files: Sequence[Path | str] = ()) -> EventVocabulary:
        """The packaged vocabularies with the user's vocabulary ``files`` merged in."""
        return cls(
            triggers=load_vocabulary(TriggersVocabulary, files),
            types=load_vocabulary(EventTypesVocabulary, files),
            acled_cues=load_vocabulary(AcledCuesVocabulary, files),
            sides=load_vocabulary(SidesVocabulary, files),
            reporting=load_vocabulary(ReportingVocabulary, files),
            phrases=load_vocabulary(PhrasesVocabulary, files),
            folding=load_vocabulary(FoldingVocabulary, files),
            responsibility=load_vocabulary(ResponsibilityVocabulary, files),
        )

    def lexicon(self) -> TriggerLexicon:
        return TriggerLexicon(
            _triggers(self.triggers, self.types), self.triggers.direction_particles
        )


__all__ = [
    "STATE_DEPS",
    "EventVocabulary",
    "Trigger",
    "TriggerLexicon",
    "kills",
    "one_each",
    "pos_class",
]
