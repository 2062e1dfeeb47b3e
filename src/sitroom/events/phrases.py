"""Multiword and light-verb triggers: the dependency patterns of ``event_phrases.yaml``.

A match gives the event's trigger (a coding of its own, or the single-word trigger of one of its
tokens) and the arguments its words name: "the town fell to the rebels" is a takeover by the
rebels of the town, which the subject-is-the-doer rule of single verbs would get backwards. The
detector asks for the matches once per document and lets a match's declared roles replace what
its own rules find for them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy
from spacy.attrs import HEAD, LEMMA, LOWER, SENT_START
from spacy.matcher import DependencyMatcher, Matcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from sitroom.events.arguments import fought_with
from sitroom.events.lexicon import Trigger, TriggerLexicon, pos_class
from sitroom.events.modality import ModalityResult
from sitroom.events.where import doer_country
from sitroom.lang.docindex import DocIndex
from sitroom.lang.reference import entity_for, owner_entity, shared_modifiers, sworn_to
from sitroom.lang.syntax import agent, np_tokens, subject
from sitroom.lang.vocabulary.amounts import number_words
from sitroom.lang.vocabulary.event_phrases import PhrasesVocabulary, PhraseTrigger, Role
from sitroom.lang.vocabulary.events import EventTypesVocabulary


@dataclass(frozen=True)
class PhraseMatch:
    """One phrase found: its trigger, the arguments its roles name, and the tokens it covers."""

    name: str
    trigger: Trigger
    declared: frozenset[str]  # the roles the phrase declares, found or not
    actor1: str | None = None
    actor2: str | None = None
    place: str | None = None
    fatalities: int | None = None
    consumed: frozenset[int] = field(default_factory=frozenset)
    arguments: frozenset[int] = field(default_factory=frozenset)  # the role nodes' tokens

    def reports_itself(self, cue: Token | None) -> bool:
        """Whether a reporting cue found for the trigger is a word of the phrase ("the blast
        claimed the lives of ...": no one claims anything)."""
        return cue is not None and cue.i in self.consumed

    def unreported(self, found: ModalityResult) -> ModalityResult:
        """The modality without the phrase's own word as a reporting cue."""
        modality = "asserted" if found.modality in {"claimed", "denied"} else found.modality
        return ModalityResult(modality, None, None)

    def actors(self, actor1: str | None, actor2: str | None) -> tuple[str | None, str | None]:
        """The event's two actors: the phrase's where it declares the role, else the given."""
        first = self.actor1 if "actor1" in self.declared else actor1
        second = self.actor2 if self.declared & {"target", "partner"} else actor2
        if second is None and self.place is None and "partner" not in self.declared:
            # "opened fire on a wedding party, killing 12 guests": a target that names no one
            # and no place leaves the victims the single-word rules found
            second = actor2
        if "target" in self.declared and "actor1" not in self.declared and first == second:
            # "the UN base came under fire": the subject the verb gave is the target, no doer
            return None, second
        return first, (None if second == first else second)


def _role_token(role: Role, nodes: Mapping[str, Token]) -> Token | None:
    token = nodes[role.node]
    if role.via == "agent":
        return agent(token).token
    if role.via == "subject":
        return subject(token)
    return token


def _named(token: Token, index: DocIndex) -> str | None:
    """The actor a phrase's role names: the first of coordinated modifiers of one noun
    ("Russian and Syrian forces launched an offensive on X": the Russians, with the Syrians),
    else the entity of the noun phrase."""
    shared = shared_modifiers(token, index)
    if shared:
        return shared[0]
    if (leader := sworn_to(token, index)) is not None:
        return leader  # "fighters loyal to X took control of Y": X's
    # "their fighters took control of X": whom the possessive stands for
    found = entity_for(token, index)
    return owner_entity(token, index) if found is None and token.pos_ == "NOUN" else found


def _count(token: Token) -> int | None:
    """A number the token or its numeral modifier says: "12", "twelve people"."""
    for tok in (token, *(c for c in token.children if c.dep_ == "nummod")):
        text = tok.text.replace(",", "")
        if text.isdigit():
            return int(text)
        if (value := number_words().get(tok.lower_)) is not None:
            return value
    return None


def _place_named(token: Token, index: DocIndex) -> str | None:
    """The place a noun phrase names, its head first ("the town of Tawila" is Tawila)."""
    for tok in sorted(np_tokens(token), key=lambda t: (t.i != token.i, abs(t.i - token.i))):
        place = index.location_at(tok.i)
        # "a U.S. base in Syria": the country that keeps the site is whose it is, not where
        if place is not None and not doer_country(tok, place, index, lambda _: False):
            return place
    return None


@dataclass(frozen=True)
class _Compiled:
    """The patterns compiled against one spaCy vocabulary (see ``PhraseMatcher._matches``)."""

    vocab: Vocab
    entries: tuple[DependencyMatcher, ...]  # one matcher per entry
    words: Matcher  # the key node of every entry, one pattern per distinct node
    groups: dict[str, tuple[int, ...]]  # a ``words`` key: the entries whose key node it is
    whole: DependencyMatcher  # all entries, for a doc whose sentences are not single trees
    # The LEMMA and LOWER values some key node requires (``_values``), when every key node
    # requires one: only the tokens holding one of them need ``words``; else None.
    prefilter: tuple[numpy.ndarray, numpy.ndarray] | None


def _values(attrs: Mapping[str, object], name: str) -> list[str] | None:
    """The words one of which attribute ``name`` must be, by ``attrs`` (a token pattern):
    its value or its IN list; None when it is not tested so (absent, NOT_IN, REGEX ...)."""
    value = attrs.get(name)
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict) and set(value) == {"IN"} and isinstance(value["IN"], list):
        return [str(v) for v in value["IN"]]
    return None


def _prefilter(
    vocab: Vocab, nodes: Sequence[Mapping[str, object]]
) -> tuple[numpy.ndarray, numpy.ndarray] | None:
    """The hashes of the lemmas and of the lower-case words the key nodes require, or None
    when some key node requires neither (any token may match it)."""
    lemmas: set[int] = set()
    lowers: set[int] = set()
    for node in nodes:
        lemma, lower = _values(node, "LEMMA"), _values(node, "LOWER")
        if lemma is not None:
            lemmas.update(vocab.strings.add(v) for v in lemma)
        elif lower is not None:
            lowers.update(vocab.strings.add(v) for v in lower)
        else:
            return None
    return numpy.array(sorted(lemmas), dtype="uint64"), numpy.array(sorted(lowers), dtype="uint64")


def _key_node(pattern: Sequence[dict[str, object]]) -> dict[str, object]:
    """The node least tokens match, as a guess: one testing the lemma, else the word, else the
    anchor. Only speed depends on the guess: every node of a match is in the match's sentence."""

    def rank(node: dict[str, object]) -> int:
        attrs = node["RIGHT_ATTRS"]
        assert isinstance(attrs, dict)
        return 0 if "LEMMA" in attrs else 1 if "LOWER" in attrs else 2

    attrs = min(pattern, key=rank)["RIGHT_ATTRS"]
    assert isinstance(attrs, dict)
    return attrs


def _single_trees(doc: Doc) -> list[tuple[int, int]] | None:
    """``(start, end)`` of each sentence, if each is one parse tree and holds whole entities,
    so that matching a sentence copied out as a Doc finds what matching the doc finds there;
    else None."""
    if not len(doc):
        return []
    array = doc.to_array([HEAD, SENT_START]).astype("int64")
    starts = array[:, 1] == 1
    starts[0] = True
    sentence = numpy.cumsum(starts) - 1
    heads = numpy.arange(len(doc)) + array[:, 0]
    roots = numpy.bincount(sentence, weights=array[:, 0] == 0)
    if (sentence[heads] != sentence).any() or (roots != 1).any():
        return None
    if any(sentence[ent.start] != sentence[ent.end - 1] for ent in doc.ents):
        return None
    bounds = [int(i) for i in numpy.flatnonzero(starts)]
    return list(zip(bounds, [*bounds[1:], len(doc)], strict=True))


def _key_hits(compiled: _Compiled, doc: Doc) -> list[tuple[int, int, int]]:
    """``(key, start, end)`` of the tokens that a key node matches, as ``compiled.words(doc)``
    gives them (in another order).

    The Matcher tries every pattern at every token, which cost more than matching the
    sentences it selects. A key node requires one of a few lemmas or words, so the tokens
    holding none are dropped at once (one array test) and the Matcher tries each of the few
    left alone; a token matches a one-token pattern alone as it does inside the doc.
    """
    if compiled.prefilter is None:
        return list(compiled.words(doc))
    lemmas, lowers = compiled.prefilter
    array = doc.to_array([LEMMA, LOWER])
    held = numpy.isin(array[:, 0], lemmas) | numpy.isin(array[:, 1], lowers)
    hits: list[tuple[int, int, int]] = []
    for i in numpy.flatnonzero(held).tolist():
        hits.extend((key, i, i + 1) for key, _start, _end in compiled.words(doc[i : i + 1]))
    return hits


class PhraseMatcher:
    """The phrase triggers of a vocabulary, matched on parsed documents."""

    def __init__(
        self, phrases: PhrasesVocabulary, types: EventTypesVocabulary, lexicon: TriggerLexicon
    ) -> None:
        self._entries = phrases.phrase_triggers
        self._types = types
        self._lexicon = lexicon
        self._compiled: dict[int, _Compiled] = {}

    def _matcher(self, vocab: Vocab) -> _Compiled:
        """The matchers for one spaCy vocabulary (the patterns are compiled against its
        strings), built on first use."""
        cached = self._compiled.get(id(vocab))
        if cached is not None and cached.vocab is vocab:
            return cached
        whole = DependencyMatcher(vocab, validate=True)
        words = Matcher(vocab, validate=True)
        groups: dict[str, list[int]] = {}
        entries = []
        nodes: list[dict[str, object]] = []
        for number, entry in enumerate(self._entries):
            pattern = _dependency_pattern(entry)
            whole.add(str(number), [pattern])
            single = DependencyMatcher(vocab, validate=True)
            single.add(str(number), [pattern])
            entries.append(single)
            node = _key_node(pattern)
            key = json.dumps(node, sort_keys=True)
            if key not in groups:
                words.add(key, [[dict(node)]])
                nodes.append(node)
            groups.setdefault(key, []).append(number)
        compiled = _Compiled(
            vocab, tuple(entries), words, {k: tuple(v) for k, v in groups.items()}, whole,
            _prefilter(vocab, nodes),
        )  # fmt: skip
        self._compiled[id(vocab)] = compiled
        return compiled

    def _matches(self, doc: Doc) -> list[tuple[int, list[int]]]:
        """``(entry number, the token of each node)`` of every match, in the order of spaCy's
        DependencyMatcher over the whole doc: entry by entry, sentence by sentence.

        That matcher tests every node of every pattern on every token of the doc, which cost
        more than all the rest of the events stage. A match lies in one parse tree, so only a
        sentence holding a token that an entry's key node matches is matched, copied out as a
        small Doc, against that entry alone; the stable sort by entry restores the order.
        """
        compiled = self._matcher(doc.vocab)
        hits = _key_hits(compiled, doc)
        if not hits:
            return []
        sentences = _single_trees(doc)
        if sentences is None:
            strings = doc.vocab.strings
            return [(int(strings[key]), ids) for key, ids in compiled.whole(doc)]
        starts = [start for start, _end in sentences]
        wanted: dict[int, set[int]] = {}
        for key, start, _end in hits:
            at = int(numpy.searchsorted(starts, start, side="right")) - 1
            wanted.setdefault(at, set()).update(compiled.groups[doc.vocab.strings[key]])
        # The doc's attributes read once, as ``as_doc`` would read them for every sentence (it
        # rewrites its slice of them only for heads or entities across the sentence's ends).
        head = list(Doc._get_array_attrs())
        array = doc.to_array(head)
        found: list[tuple[int, list[int]]] = []
        for at in sorted(wanted):
            start, end = sentences[at]
            # (spaCy's stub for as_doc lacks array_head and array, documented parameters.)
            part = doc[start:end].as_doc(array_head=head, array=array)  # type: ignore[call-arg]
            for number in sorted(wanted[at]):
                for _key, ids in compiled.entries[number](part):
                    found.append((number, [i + start for i in ids]))
        found.sort(key=lambda match: match[0])
        return found

    def find(self, doc: Doc, index: DocIndex) -> dict[int, PhraseMatch]:
        """The phrases of ``doc`` by trigger token; of two on one token, the longer pattern."""
        if not self._entries or not doc.has_annotation("DEP"):
            return {}
        found: dict[int, tuple[tuple[int, int], PhraseMatch]] = {}
        for number, token_ids in self._matches(doc):
            entry = self._entries[number]
            nodes = {node.id: doc[i] for node, i in zip(entry.pattern, token_ids, strict=True)}
            match = self._resolve(entry, nodes, index)
            if match is None:
                continue
            at = nodes[entry.trigger].i
            rank = (len(entry.pattern), -number)  # the longer pattern, then the earlier entry
            if at not in found or rank > found[at][0]:
                found[at] = (rank, match)
        return {i: match for i, (_rank, match) in found.items()}

    def _resolve(
        self, entry: PhraseTrigger, nodes: Mapping[str, Token], index: DocIndex
    ) -> PhraseMatch | None:
        token = nodes[entry.trigger]
        trigger = self._trigger(entry, token)
        if trigger is None:
            return None
        roles = {name: _role_token(role, nodes) for name, role in entry.roles.items()}
        first = roles.get("actor1")
        actor1 = _named(first, index) if first is not None else None
        target = roles.get("target")
        place = _place_named(target, index) if target is not None else None
        actor2 = entity_for(target, index) if target is not None and place is None else None
        partner = roles.get("partner")
        if partner is None and trigger.mode == "occupy":
            # "regained control of the town from the rebels": whom the ground was taken from.
            holders = [token, *(c for c in token.children if c.dep_ in {"dobj", "nsubjpass"})]
            partner = next(
                (g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "from"
                 for g in c.children if g.dep_ == "pobj"),
                None,
            )  # fmt: skip
            # "seized the town after a gun battle with government troops": whom it was fought
            partner = partner or next(iter(fought_with(token, trigger.type, self._noun_type)), None)
        if partner is not None:
            actor2 = entity_for(partner, index) or actor2
        victims = roles.get("victims")
        dead = _count(victims) if victims is not None else None
        resolved = {"actor1": actor1, "target": place or actor2, "partner": actor2, "victims": dead}
        if any(resolved[name] is None for name in entry.requires):
            return None
        arguments = {t.i for t in roles.values() if t is not None}
        consumed = frozenset(t.i for t in nodes.values() if t.i != token.i and t.i not in arguments)
        return PhraseMatch(
            name=entry.name,
            trigger=trigger,
            declared=frozenset(entry.roles),
            actor1=actor1,
            actor2=actor2,
            place=place,
            fatalities=dead,
            consumed=consumed,
            arguments=frozenset(arguments),
        )

    def _noun_type(self, token: Token) -> str | None:
        """The event type of a word as a single-word trigger ("battle", "fighting": FIGHT)."""
        found = self._lexicon.match(token)
        return found.type if found is not None else None

    def _trigger(self, entry: PhraseTrigger, token: Token) -> Trigger | None:
        """The phrase's own coding, or without a type the single-word trigger of its token."""
        if entry.type is None:
            return self._lexicon.match(token)
        info = self._types.event_types.get(entry.type)
        if info is None:
            return None
        return Trigger(
            lemma=entry.name,
            particle=None,
            pos=pos_class(token) or "verb",
            type=entry.type,
            mode=entry.mode,
            cameo=entry.cameo if entry.cameo is not None else info.cameo,
            quad=info.quad,
            acled=entry.acled,
            needs=frozenset(),
            weight=entry.weight,
        )


def _dependency_pattern(entry: PhraseTrigger) -> list[dict[str, object]]:
    """The entry's nodes in spaCy's DependencyMatcher form."""
    out: list[dict[str, object]] = []
    for node in entry.pattern:
        attrs = dict(node.attrs)
        if node.head is None:
            out.append({"RIGHT_ID": node.id, "RIGHT_ATTRS": attrs})
        else:
            out.append(
                {
                    "LEFT_ID": node.head,
                    "REL_OP": node.rel,
                    "RIGHT_ID": node.id,
                    "RIGHT_ATTRS": attrs,
                }
            )
    return out


__all__ = ["PhraseMatch", "PhraseMatcher"]
