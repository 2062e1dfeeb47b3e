"""One happening is coded once.

A sentence often names one happening with two triggers, and a later sentence names it again.
Mentions are folded when

- one is the *content* of the other: the nearest trigger above a mention is an act of a
  content type (promise, demand, threat) that takes it as its complement ("pledged to keep
  *assistance* flowing", "called for the *release* of"): the act is the happening, what it
  promises is no second one, so the content mention is dropped. A finite clause with a subject
  of its own and no modal states a fact and is no content;
- they are *the same happening* in one sentence: of one type (or of types one happening may be
  coded as, such as ASSAULT and FIGHT), one an argument of the other or the object of its
  preposition ("*killed* in *fighting*", "*protesters* marched", "*convene* a *conference*",
  "the *operation* and the *takeover*"), or the same word again ("the fighting ... fighting")
  with modalities of one group;
- a later sentence names it again: a definite or possessive noun of the same word ("*the
  meeting* ended"), of another word of a type that restates the earlier one ("gunmen bombed
  ... *the attack*", "*his arrest*"), a passive of the same verb without its doer ("police shot
  a man ... the man *was shot* twice"), or a noun naming the people who act ("police fired at
  *the protesters*") after an event of that type. A restatement is of the same standing (news
  or background) and done to the same party; reported with another modality or by another
  source it stays a mention of its own and takes the arguments it lacks from the first report.

Nothing the mentions say may disagree: no two different doers, places, dates or (for material
acts) modes. The predicate the other mentions hang on, or the first report, stands for the
happening and takes the others' arguments where it has none, and the most precise date. A link
through a word of order in time ("arrested *after* the protests") joins two happenings, never
one. The words and types are in ``event_folding.yaml``; how a group becomes one event is
``events/merging.py``.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Collection, Mapping, Sequence
from collections.abc import Set as AbstractSet
from typing import NamedTuple

from spacy.tokens import Doc, Token

from sitroom.events.happening_groups import HappeningGroups
from sitroom.events.mentions import (
    circumstance,
    definite,
    happening_subject,
    known_patient,
    names_again,
    names_other_side,
    outcome,
    predicate,
)
from sitroom.events.merging import inherited, merge_mentions
from sitroom.events.nesting import containers_of
from sitroom.lang.vocabulary.event_phrases import FoldingVocabulary
from sitroom.model import Event

# The links by which an act takes its content: objects and clausal complements, and the
# prepositions of the vocabulary ("a call for ...", "the promise of ...").
_COMPLEMENT_DEPS = frozenset({"dobj", "xcomp", "ccomp", "acl", "attr", "oprd", "nsubjpass"})
_CLIMB = 6  # heads looked at above a trigger for the nearest trigger
_FINITE = frozenset({"VBD", "VBZ", "VBP"})  # Penn tags of verbs in the past or present tense


def _nearest_trigger_above(
    token: Token, triggers: dict[int, int], words: FoldingVocabulary
) -> tuple[int, list[Token]] | None:
    """The event index of the nearest trigger above ``token`` and the tokens on the way up
    (``token`` first, the trigger's child last); None past a word of order in time or the
    sentence's root."""
    tok = token
    path: list[Token] = []
    for _ in range(_CLIMB):
        if tok.head.i == tok.i:
            return None
        path.append(tok)
        child, tok = tok, tok.head
        if child.lemma_.lower() in words.sequence_words:
            return None
        if any(c.dep_ == "mark" and c.lower_ in words.sequence_words for c in child.children):
            return None  # "... after they attacked"
        if tok.i in triggers:
            return triggers[tok.i], path
    return None


def _close(path: list[Token], words: FoldingVocabulary) -> bool:
    """Two triggers close enough to name one happening: one an argument of the other
    ("protesters marched", "convene a conference"), the object of its preposition ("killed
    in fighting"), or people counted or gathered by its argument ("thousands of protesters
    marched"); further apart they may be two ("marched ... in the eleventh week of
    protests")."""
    if len(path) == 1 or (len(path) == 2 and path[1].dep_ == "prep"):
        return True
    return (
        len(path) == 3
        and path[1].dep_ == "prep"
        and path[1].lower_ == "of"
        and path[2].lemma_.lower() in words.quantity_heads
    )


def _takes_content(path: list[Token], words: FoldingVocabulary) -> bool:
    """Whether the way down from an act to a mention goes through the act's complement, not a
    circumstance: an object or clause, a content preposition ("a call for ..."), or a gerund
    clause after a preposition ("committed to delivering aid")."""
    if any(_stated_fact(tok) for tok in path):
        return False
    child = path[-1]
    if child.dep_ == "prep":
        gerund = len(path) >= 2 and path[-2].dep_ == "pcomp"
        return gerund or child.lower_ in words.content_prepositions
    return child.dep_ in _COMPLEMENT_DEPS


def _stated_fact(token: Token) -> bool:
    """A finite verb with a subject of its own and no modal: "promises ... - the President
    addressed thousands of protesters" states what happened, it is no content of the promise
    ("pledged that access will be guaranteed" is)."""
    return (
        token.tag_ in _FINITE
        and any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children)
        and not any(c.tag_ == "MD" for c in token.children)
    )


def _restatable(a: Event, b: Event, outcome: bool = False) -> bool:
    """Whether a later mention may restate an earlier one told in other words: both news or
    both background, and not done to two different parties ("the guard was stabbed ... the
    senator was shot in 1968" are two), unless the later one only counts who was hurt."""
    # A second party filled in from the article's sides ("inferred") was never said.
    said = [None if "actor2" in e.inferred else e.actor2 for e in (a, b)]
    parties = outcome or None in said or said[0] == said[1]
    return a.background == b.background and parties


def _same_report(a: Event, b: Event, words: FoldingVocabulary) -> bool:
    """Whether a later mention reports the happening of an earlier one alike: modalities of
    one group, and no source of its own besides the earlier one's ("gunmen attacked ... the
    attack, police said": the police's report is another, which may differ from the first;
    "X claimed the takeover ... Iran denounced the operation" refers to what was claimed)."""
    realis = {m: group[0] for group in words.modality_groups for m in group}
    if realis.get(a.modality, a.modality) != realis.get(b.modality, b.modality):
        return False
    return b.attributed_to in (None, a.attributed_to)


# How long before the day it was told (or the week before publication) a happening whose
# day is stated may be one told with no day of its own.
_TOLD_WITHIN = dt.timedelta(days=7)


def _overlap(a: Event, b: Event, stated: AbstractSet[str] = frozenset()) -> bool:
    """Whether two events' dates may be one: both undated ends count as open. When only one
    of the two states its day in its own clause (``stated``), the other's date is the day it
    was told ("..., the ministry said on Wednesday") or the week before publication, which the
    happening may precede by up to a week (``_TOLD_WITHIN``), as news does."""
    if None in (a.date.start, a.date.end, b.date.start, b.date.end):
        return True
    assert a.date.start and a.date.end and b.date.start and b.date.end
    if (a.id in stated) != (b.id in stated):
        said, told = (a, b) if a.id in stated else (b, a)
        assert said.date.start and told.date.end
        assert said.date.end and told.date.start
        return said.date.start <= told.date.end and told.date.start - _TOLD_WITHIN <= said.date.end
    return a.date.start <= b.date.end and b.date.start <= a.date.end


class _Antecedents:
    """The events with a trigger token of each type, and of each type and trigger word, in
    document order: the antecedent of a mention is looked for among those of its types, not
    among all the events before it."""

    def __init__(
        self,
        events: Sequence[Event],
        lemmas: Sequence[str | None],
        stated: AbstractSet[str] = frozenset(),
        mode_kinds: Mapping[str, str] | None = None,
    ) -> None:
        self.events = events
        self.lemmas = lemmas
        self.stated = stated  # the events whose own clause dates them
        # each event's way of doing, as the kind it is one of (a suicide bombing: a bombing)
        kinds = mode_kinds or {}
        self.modes = [None if e.mode is None else kinds.get(e.mode, e.mode) for e in events]
        self.of_type: dict[str, list[int]] = {}
        self.of_word: dict[tuple[str, str], list[int]] = {}
        for n, lemma in enumerate(lemmas):
            if lemma is not None:
                self.of_type.setdefault(events[n].type, []).append(n)
                self.of_word.setdefault((events[n].type, lemma), []).append(n)

    def find(
        self,
        n: int,
        *,
        same_word: bool,
        kinds: Collection[str] = (),
        first: bool = False,
        mode: str | None = None,
    ) -> int | None:
        """The nearest (``first``: the first) earlier event of another sentence with the same
        type (or one of ``kinds``; with ``same_word`` the same trigger word; with ``mode`` one
        done that way) and a date that may be the same: the first report of what "the
        meeting", "the attack" or "protesters" refer to."""
        lemma = self.lemmas[n]
        assert lemma is not None
        found: int | None = None
        for kind in {self.events[n].type, *kinds}:
            pool = self.of_word.get((kind, lemma), []) if same_word else self.of_type.get(kind, [])
            if mode is not None:
                pool = [m for m in pool if self.modes[m] == mode]
            m = self._scan(pool, n, first)
            if m is not None and (found is None or (m < found if first else m > found)):
                found = m
        return found

    def _scan(self, pool: list[int], n: int, first: bool) -> int | None:
        end = bisect_left(pool, n)
        order = range(end) if first else range(end - 1, -1, -1)
        mention = self.events[n]
        for k in order:
            other = self.events[pool[k]]
            if other.sentence != mention.sentence and _overlap(other, mention, self.stated):
                return pool[k]
        return None


def _lemma(token: Token | None) -> str | None:
    return None if token is None else token.lemma_.lower()


def _happening_stands(
    verb: int,
    happening: int,
    events: Sequence[Event],
    tokens: Sequence[Token | None],
    crowds: Collection[int],
) -> bool:
    """Whether the happening a verb tells the outcome of stands for both, rather than the verb:
    when it names another type ("the shelling killed four", "airstrikes hit a school, killing
    20": a shelling, an airstrike, with their dead). Not people who act ("protesters
    marched") nor a kind of doer ("a *suicide* bomber blew himself up": the act stands, the
    kind tells its mode)."""
    token = tokens[happening]
    kind = token is not None and token.dep_ == "compound"
    other_type = events[happening].type != events[verb].type
    return other_type and happening not in crowds and not kind


def _hurt_in(
    verb: int, happening: int, events: Sequence[Event], tokens: Sequence[Token | None]
) -> bool:
    """Whether people a passive verb tells were hurt in a happening of another type ("were
    killed in clashes", "were wounded in an airstrike")."""
    token, hurt = tokens[happening], tokens[verb]
    if token is None or hurt is None or events[happening].type == events[verb].type:
        return False
    return token in _suffered_in(hurt)


def _suffered_in(token: Token) -> list[Token]:
    """What a passive verb without its doer says people suffered in: "were killed *in the
    assault*", "were wounded *during the shelling*" (the objects of its prepositions)."""
    deps = {c.dep_ for c in token.children}
    if token.pos_ != "VERB" or not deps & {"auxpass", "nsubjpass"} or "agent" in deps:
        return []
    # "were killed and dozens wounded in the assault": the verbs joined share the phrase.
    verbs = [token, *(c for c in token.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    return [
        g
        for v in verbs
        for c in v.children
        if c.dep_ == "prep"
        for g in c.children
        if g.dep_ == "pobj"
    ]


def _restatements(
    events: Sequence[Event],
    tokens: Sequence[Token | None],
    groups: HappeningGroups,
    words: FoldingVocabulary,
    people: Collection[int],
    doers: Mapping[int, int],
    stated: AbstractSet[str] = frozenset(),
) -> dict[int, int]:
    """Join the mentions of a later sentence that name a happening reported before; return
    those reported otherwise, each with the mention it restates (they take its arguments).
    ``doers``: event -> the event that is its (raised) subject ("the attack *killed*");
    ``stated``: the events whose own clause dates them."""
    inherit: dict[int, int] = {}
    restating = {
        n
        for n, token in enumerate(tokens)
        if token is not None
        and (
            definite(token, words)
            or (events[n].type in words.restated_types and names_again(token, words))
        )
    }
    # What a happening already told did restates it too: "the attack *killed* twelve"; so does
    # what befell people in it: "30 civilians *were killed* in the assault".
    restating |= {
        n
        for n, doer in doers.items()
        if events[n].type in words.restated_types and doer in restating
    }
    at = {t.i: n for n, t in enumerate(tokens) if t is not None}
    for n, token in enumerate(tokens):
        if token is None or events[n].type not in words.restated_types:
            continue
        for m in (at.get(g.i) for g in _suffered_in(token)):
            if m is not None and m in restating and groups.join(m, n, strict=False):
                # One with the happening suffered in, and so are the verbs joined to it
                # ("killed and dozens wounded in the assault").
                restating.update(groups.members(n))
                break
    # An act that answers one named again ("repelled *the assault*") is that happening's
    # answer, not a new one: the group looks back for the happening as its object does.
    restating |= {
        n
        for n, event in enumerate(events)
        if event.mode in words.answering_modes
        and any(m in restating for m in groups.members(n) if m != n)
    }
    groups.mark(restating)
    antecedents = _Antecedents(events, [_lemma(t) for t in tokens], stated, words.mode_kinds)
    for n, token in enumerate(tokens):
        if token is None:
            continue
        if token.i in people and token.pos_ == "NOUN":
            # "Protesters" names the people of a protest: the one reported before, if any,
            # whatever they are called there ("students marched ..."), unless it is one with a
            # predicate of its own sentence.
            crowd = antecedents.find(n, same_word=False)
            if crowd is not None and groups.alone(n):
                groups.join(crowd, n, actors=False)
            continue
        # A mention one with a predicate of its own sentence is that predicate's: no chains of
        # happenings across sentences. Mentions that all restate ("the operation and the
        # takeover of the province") restate together.
        if not groups.all_marked(n):
            continue
        own = list(groups.members(n))
        restates = words.restated_types.get(events[n].type, frozenset())
        named_before = (
            definite(token, words) or predicate(token, words) or known_patient(token, words)
        )
        # The same word first ("the airstrike" after "an airstrike"), then, for a noun,
        # another word of a type it restates ("the attack" after "bombed").
        earlier = [antecedents.find(n, same_word=True, kinds=restates)]
        counts_hurt = outcome(token, words)
        if restates and named_before:
            # "No group claimed *the blast*": the first happening told as done that way (the
            # bomb that exploded), else the first report of its kind (the lede's attack).
            told_so = antecedents.modes[n]
            alike = (
                None
                if told_so is None
                else antecedents.find(n, same_word=False, kinds=restates, first=True, mode=told_so)
            )
            earlier.append(
                alike
                if alike is not None
                else antecedents.find(n, same_word=False, kinds=restates, first=True)
            )
        elif restates and counts_hurt:  # "two women were injured": in the attack told last
            earlier.append(antecedents.find(n, same_word=False, kinds=restates))
        # "called for an investigation into the shooting", "did not comment on the strikes":
        # a happening named again as the object of a preposition is what the clause is about;
        # the plan or the negation the parse gave it is the clause's, not the happening's.
        topic = definite(token, words) and token.dep_ == "pobj"
        for m in dict.fromkeys(e for e in earlier if e is not None):
            if restates and not _restatable(events[m], events[n], counts_hurt):
                continue
            # An answer to it stays an act of its own, with the happening's parties.
            answer = any(events[i].mode in words.answering_modes for i in own)
            if restates and not topic and (answer or not _same_report(events[m], events[n], words)):
                inherit[n] = m
                break
            if groups.join(m, n, strict=not topic):
                groups.governed.update(own)  # the first report stands for the happening
                break
    return inherit


def fold(
    events: Sequence[Event],
    doc: Doc,
    words: FoldingVocabulary,
    people: Collection[int] = frozenset(),
) -> list[Event]:
    """``events`` with the mentions of one happening folded into one. ``people``: the tokens of
    actor mentions, where a trigger names the people who act ("protesters")."""
    return fold_mentions(events, doc, words, people)[0]


def fold_mentions(
    events: Sequence[Event],
    doc: Doc,
    words: FoldingVocabulary,
    people: Collection[int] = frozenset(),
) -> tuple[list[Event], dict[int, str]]:
    """:func:`fold`, and where each folded mention stood: its trigger's first character ->
    the id of the event it was folded into (a claim of "the attack" names the happening
    wherever it was last mentioned)."""
    folded = fold_happenings(events, doc, words, people)
    return folded.events, folded.mentions


class Folded(NamedTuple):
    """A document's events folded, where the folded mentions stood (:func:`fold_mentions`),
    and the pairs of events (ids, document order) that may tell one happening: one restates
    the other but is reported otherwise, or they would have been folded but for a doer or a
    place (``events/consistency.py`` makes their arguments agree when one of them is weak)."""

    events: list[Event]
    mentions: dict[int, str]
    near: list[tuple[str, str]]


def fold_happenings(
    events: Sequence[Event],
    doc: Doc,
    words: FoldingVocabulary,
    people: Collection[int] = frozenset(),
    stated: AbstractSet[str] = frozenset(),
) -> Folded:
    """:func:`fold_mentions`, with the events that may tell one happening (:class:`Folded`).
    ``stated``: the events whose own clause dates them (``events/dating.stated_dates``), whose
    day a happening folded from them takes."""
    starts = {t.idx: t for t in doc}
    tokens = [starts.get(e.trigger[0]) for e in events]
    triggers = {t.i: n for n, t in enumerate(tokens) if t is not None}
    containers = containers_of(doc._.sitroom_places)
    crowds = {n for n, t in enumerate(tokens) if t is not None and t.i in people}
    # Each mention's happening subject ("the attack *killed*"), or the deed of a clause telling
    # when its dead were hurt ("were *killed* when a bomber blew himself up"), found once.
    suffered = {
        n: deed
        for n, t in enumerate(tokens)
        if t is not None and (deed := circumstance(t, triggers, words)) is not None
    }
    doers = dict(suffered)
    for n, t in enumerate(tokens):
        if t is not None and (doer := happening_subject(t, triggers)) is not None:
            doers[n] = doer
    groups = HappeningGroups(events, words, containers, crowds)
    sides: set[int] = set()  # fights people were hurt in, named by their other side
    content: dict[int, int] = {}  # a content mention -> the act that takes it
    # The mentions of each word in each sentence, in order: the candidates for a word said again.
    said: dict[tuple[tuple[int, int], str], list[int]] = {}
    for n, token in enumerate(tokens):
        if token is not None:
            said.setdefault((events[n].sentence, token.lemma_.lower()), []).append(n)
    for n, token in enumerate(tokens):
        if token is None:
            continue
        joined = False
        above = _nearest_trigger_above(token, triggers, words)
        if above is not None:
            a, path = above
            if events[a].type in words.content_types and _takes_content(path, words):
                if events[n].type != events[a].type or not groups.join(a, n, strict=False):
                    content[n] = a
                continue
            # One an argument of the other: one happening, whatever modality the parse let
            # each mention have ("will co-host a meeting").
            # Verbs coordinated are two acts when they are of two types ("attacked and
            # captured the town", "arrested and beat them").
            two_acts = path[0].dep_ == "conj" and events[a].type != events[n].type
            told = doers.get(a) == n and _happening_stands(a, n, events, tokens, crowds)
            if _hurt_in(a, n, events, tokens) and names_other_side(token, words):
                sides.add(n)
            first, second = (n, a) if told else (a, n)
            joined = (
                _close(path, words) and not two_acts and groups.join(first, second, strict=False)
            )
        # One with the happening above it, a mention is still one with its own subject: "were
        # killed when a *suicide* bomber *blew* himself up" is one bombing.
        doer = doers.get(n)
        if doer is not None and doer != n:
            stands = _happening_stands(n, doer, events, tokens, crowds)
            first, second = (doer, n) if stands else (n, doer)
            joined = groups.join(first, second, strict=False) or joined
        if joined:
            continue
        for m in said[events[n].sentence, token.lemma_.lower()]:  # the word again in the sentence
            if m >= n or groups.join(m, n):
                break
    inherit = _restatements(events, tokens, groups, words, people, doers, stated)
    for n, deed in suffered.items():
        # The hurt of a deed of another type, not joined to it ("officers were injured when
        # protesters threw stones": a riot's, no assault of its own), take its missing doer.
        if doers.get(n) == deed and groups.find(n) != groups.find(deed):
            inherit.setdefault(n, deed)
    roots: dict[int, list[int]] = {}
    for n in range(len(events)):
        roots.setdefault(groups.find(n), []).append(n)
    # A happening one of whose mentions is an act's content is that content as a whole.
    merged = {
        root: merge_mentions(
            [events[i] for i in members],
            [events[i] for i in members if i not in groups.governed],
            containers,
            words.mode_kinds,
            words.answering_modes,
            words.disowning_modalities,
            stated,
        )
        for root, members in roots.items()
        if not content.keys() & set(members)
    }
    for n in sides:
        # "Al-Shabaab fighters were killed in clashes with Somali troops": the verb stands for
        # the happening, its people hurt one side, the clashes' other side the other.
        root = groups.find(n)
        other = events[n].actor2
        if root in merged and merged[root].actor1 is None and other != merged[root].actor2:
            merged[root] = merged[root].model_copy(update={"actor1": other})
    for n, act in content.items():
        root = groups.find(act)
        if root in merged and merged[root].type == "AGREE" and events[n].type == "THREATEN":
            # "vowed to retake the town": a promise of force is a threat (PLOVER codes the
            # intention by what is intended; the content's recoding says it is conflictual).
            content_event = events[n]
            merged[root] = merged[root].model_copy(
                update={
                    "type": content_event.type,
                    "mode": content_event.mode,
                    "cameo": content_event.cameo,
                    "quad": content_event.quad,
                }
            )
        if root in merged and merged[root].place is None and events[n].place is not None:
            # "vowed to retake the town of Goma": the act concerns where its content would be.
            merged[root] = merged[root].model_copy(
                update={"place": events[n].place, "place_basis": events[n].place_basis}
            )
    for n, earlier in inherit.items():
        root, source = groups.find(n), groups.find(earlier)
        if root in merged and source in merged and root != source:
            merged[root] = inherited(
                merged[root], merged[source], containers, words.answering_modes
            )
    mentions = {
        events[i].trigger[0]: merged[root].id
        for root, members in roots.items()
        if root in merged
        for i in members
        if events[i].id != merged[root].id
    }
    near = [
        (merged[root_a].id, merged[root_b].id)
        for a, b in [*groups.near, *((m, n) for n, m in inherit.items())]
        if (root_a := groups.find(a)) != (root_b := groups.find(b))
        and root_a in merged
        and root_b in merged
    ]
    folded = sorted(merged.values(), key=lambda e: e.trigger)
    return Folded(folded, mentions, list(dict.fromkeys(near)))


def numbered(events: Sequence[Event]) -> list[Event]:
    """The events with their ids in order again ("v1", "v2", ...) after some were folded."""
    return [e.model_copy(update={"id": f"v{n}"}) for n, e in enumerate(events, start=1)]


__all__ = ["Folded", "fold", "fold_happenings", "fold_mentions", "numbered"]
