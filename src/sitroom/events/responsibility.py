"""Claims of responsibility: "X claimed responsibility for the attack" makes X its actor1.

Three constructions of a claim, with the words of ``responsibility.yaml``:

- a claiming verb with a responsibility noun: "X claimed / took / accepted responsibility (for
  the bombing)";
- a deed verb in a clause its speaker reports about itself: "X said it carried out the raid";
- an author preposition: "X said it was behind the blast".

And one of attribution by a third party: "Y attributed the bombing to X", "another attack
ascribed to X", "blamed the blast on X", "blamed X for the attack". X becomes actor1 as well,
but the event keeps its modality and source: Y says so, not X. "Police blamed X", naming no
deed, lays the story's attack at X's door only when that attack names no doer. An attribution
in apposition to an attack of its own sentence ("a car bomb killed five, another attack
ascribed to X") is that attack's.

The attack referred to is the nearest preceding event of a claimed type (the claim names it
again, "claimed responsibility for all three attacks", or names none, "X took responsibility"),
unless the claim names an attack at another place (a region and a town in it are one place);
then, or with none before, the attack the claim names ("claimed responsibility for a bombing in
Kabul"). That event gets X as actor1,
the modality ``claimed`` (X says so) and X as its source; a repeated mention in the claim's
sentence is folded into it. A claim of several attacks ("claimed responsibility for all three
attacks", "for the bombings") also goes to the earlier attacks of the same paragraph that no
one is named as doing. A negated claim ("no group has claimed responsibility", "X did not
claim ...") names nobody.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from sitroom.lang.docindex import DocIndex
from sitroom.lang.reference import entity_for
from sitroom.lang.syntax import agent, subject
from sitroom.lang.vocabulary.event_phrases import ResponsibilityVocabulary
from sitroom.lang.vocabulary.events import TriggersVocabulary
from sitroom.lang.vocabulary.grammar import grammar
from sitroom.model import Event

_INDEFINITE = grammar().indefinite_determiners


@dataclass(frozen=True)
class Claim:
    """Who claims, the word of the claim, and the phrase naming the deed (if any);
    ``attributed`` when a third party lays the deed at the claimer's door."""

    claimer: str
    cue: Token
    deed: Token | None
    attributed: bool = False
    direct: bool = False  # "X claimed the attack": a claim only if the deed is a reported attack


def _negated(verb: Token) -> bool:
    """ "did not claim", "no group has claimed": the claim names no one."""
    doer = agent(verb).token
    return any(c.dep_ == "neg" for c in verb.children) or (
        doer is not None and any(c.dep_ == "det" and c.lower_ == "no" for c in doer.children)
    )


def _self_reported(verb: Token, speaker: Token, triggers: TriggersVocabulary) -> bool:
    """The clause of ``verb`` is reported by a self-report verb whose subject is ``speaker``'s
    referent: "X said *it* carried out": the pronoun stands for X; "X said *its fighters*
    planted the bomb": the speaker's own men."""
    head = verb.head
    own = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in speaker.children)
    return (
        verb.dep_ == "ccomp"
        and head.lemma_.lower() in triggers.self_report_verbs
        and (speaker.pos_ == "PRON" or own or speaker.i == getattr(subject(head), "i", None))
    )


def find_claims(
    doc: Doc, index: DocIndex, words: ResponsibilityVocabulary, triggers: TriggersVocabulary
) -> list[Claim]:
    """The claims of responsibility in ``doc``, in text order."""
    found: list[Claim] = []
    for tok in doc:
        lemma = tok.lemma_.lower()
        if lemma in words.responsibility_nouns and tok.dep_ == "dobj":
            verb = tok.head
            if verb.lemma_.lower() not in words.claiming_verbs or _negated(verb):
                continue
            claimer = _claimer(verb, agent(verb).token, index)
            # "responsibility for the attack"; "in a statement", "on Telegram" name no deed
            deed = next(
                (
                    g
                    for c in tok.children
                    if c.dep_ == "prep" and c.lower_ in words.deed_prepositions
                    for g in c.children
                    if g.dep_ == "pobj"
                ),
                None,
            )
            if claimer is not None:
                found.append(Claim(claimer, tok, deed))
        elif lemma in words.deed_owning_verbs and tok.pos_ == "VERB" and not _negated(tok):
            # "X claimed the bombing"; passive, "the bombing was claimed by X"
            deed = next((c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}), None)
            claimer = _claimer(tok, agent(tok).token, index)
            if (
                deed is not None
                and claimer is not None
                and deed.lemma_.lower() not in (words.responsibility_nouns)
            ):
                found.append(Claim(claimer, tok, deed, direct=True))
        elif lemma in words.deed_verbs and tok.pos_ == "VERB":
            doer = agent(tok).token
            if doer is None or _negated(tok) or not _self_reported(tok, doer, triggers):
                continue
            claimer = entity_for(doer, index)
            if claimer is None and (speaker := subject(tok.head)) is not None:
                claimer = entity_for(speaker, index)  # "X said its fighters planted": X
            deed = next((c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}), None)
            if claimer is not None:
                found.append(Claim(claimer, tok, deed))
        elif lemma in words.author_prepositions and tok.dep_ == "prep":
            verb = tok.head
            doer = subject(verb)
            if doer is None or _negated(verb) or not _self_reported(verb, doer, triggers):
                continue
            claimer = entity_for(doer, index)
            deed = next((c for c in tok.children if c.dep_ == "pobj"), None)
            if claimer is not None:
                found.append(Claim(claimer, tok, deed))
        elif lemma in words.attributing_verbs and tok.pos_ == "VERB" and not _negated(tok):
            claim = _attribution(tok, index, words)
            if claim is not None:
                found.append(claim)
    return found


def _claimer(verb: Token, doer: Token | None, index: DocIndex) -> str | None:
    """Who claims: the doer, or the name beside a group noun ("the militant group al-Shabaab
    claimed", which the parser may read as two subjects, or "the group, al-Shabaab, claimed")."""
    if doer is None:
        return None
    found = entity_for(doer, index)
    if index.entity_label.get(found or "") not in {None, "PERSON"}:
        return found  # a name, not "a group" or "gunmen"
    beside = [
        *(c for c in verb.children if c.dep_ == "nsubj" and c.i != doer.i),
        *(c for c in doer.children if c.dep_ == "appos"),
    ]
    named = next((e for c in beside if (e := entity_for(c, index)) is not None), None)
    return named or found


def _attribution(verb: Token, index: DocIndex, words: ResponsibilityVocabulary) -> Claim | None:
    """ "attributed the bombing to X", "an attack ascribed to X" (the deed is the noun the
    participle modifies), "was blamed on X", "blamed X for the attack"."""
    preps = {c.lower_: c for c in verb.children if c.dep_ == "prep"}
    objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        objects.append(verb.head)
    author = deed = None
    for word in words.attribution_prepositions:
        if word in preps:
            author = next((g for g in preps[word].children if g.dep_ == "pobj"), None)
            deed = objects[0] if objects else None
            break
    if author is None and objects:
        # "blamed the attack on the army": the parser may hang the author's phrase on the deed
        # noun; there it is read as the deed's target unless it names an actor
        for prep in (c for c in objects[0].children if c.dep_ == "prep"):
            if prep.lower_ in words.attribution_prepositions and author is None:
                named = next((g for g in prep.children if g.dep_ == "pobj"), None)
                if entity_for(named, index) is not None:
                    author, deed = named, objects[0]
    for word in words.deed_prepositions:
        if author is None and word in preps and objects:
            author = objects[0]  # "blamed X for the attack"
            deed = next((g for g in preps[word].children if g.dep_ == "pobj"), None)
    bare = author is None and verb.lemma_.lower() in words.bare_attributing_verbs
    if bare and objects and verb.dep_ != "acl":
        author = objects[0]  # "police blamed the X front": the deed is the story's attack
    claimer = entity_for(author, index)
    if claimer is None or (deed is None and not bare):
        return None
    return Claim(claimer, verb, deed, attributed=True)


def _named(
    events: Sequence[Event], deed: Token | None, mentions: Mapping[int, str] | None = None
) -> int | None:
    """The event whose trigger is in the phrase naming the deed, or into which a mention
    there was folded ("... an ambush near Gao. *The attack* was claimed by X")."""
    if deed is None:
        return None
    starts = {t.idx for t in deed.subtree}
    found = next((n for n, e in enumerate(events) if e.trigger[0] in starts), None)
    if found is not None or not mentions:
        return found
    folded = {mentions[start] for start in starts if start in mentions}
    return next((n for n, e in enumerate(events) if e.id in folded), None)


def _earlier(
    events: Sequence[Event],
    before: int,
    types: frozenset[str],
    place: str | None,
    mentions: Mapping[int, str],
    claimer: str | None = None,
    containers: Mapping[str, AbstractSet[str]] | None = None,
    actor_types: Mapping[str, str | None] | None = None,
) -> int | None:
    """The event of a claimed type last mentioned in a sentence before character ``before``,
    if its place agrees with the claim's: the attack claimed, when the claim names one again
    ("claimed responsibility for all three attacks") or none. A mention folded into an event
    ("the attacks" after "twin bombings struck") is that event's. An attack on the claimer is
    passed over: no one claims the blow they took ("troops killed all five attackers. The
    group claimed the attack": the attack before), and so is one on the doers of an attack told
    before it ("soldiers later killed five of the attackers"); so is a background attack ("in
    2021, jihadists killed 130 people in the same village"), and one a state's forces did when
    the claimer is no state ("security forces killed all five attackers ... al-Shabaab claimed
    responsibility")."""
    at = {e.id: n for n, e in enumerate(events)}
    positions = [(e.trigger[0], n) for n, e in enumerate(events)]
    positions += [(start, at[i]) for start, i in mentions.items() if i in at]
    # The doers of the attacks told before each one: an attack on them is the blow they took
    # ("gunmen killed 12 ... soldiers later killed five of the attackers"), not one claimed.
    doers: set[str] = set()
    struck_back: set[int] = set()
    for _, n in sorted((e.trigger[0], n) for n, e in enumerate(events)):
        if events[n].actor2 in doers:
            struck_back.add(n)
        if events[n].type in types and (doer := events[n].actor1) is not None:
            doers.add(doer)
    found = max(
        (
            (s, n)
            for s, n in positions
            if s < before
            and events[n].type in types
            and not events[n].background  # a claim is of the news, not of a past attack
            and n not in struck_back
            and not _state_act(events[n], claimer, actor_types or {})
            and (claimer is None or events[n].actor2 != claimer)
        ),
        default=None,
    )
    if found is None:
        return None
    e = events[found[1]]
    if None in (place, e.place) or place == e.place:
        return found[1]
    holding = containers or {}
    held = place in holding.get(e.place or "", ()) or e.place in holding.get(place or "", ())
    return found[1] if held else None


def _state_act(event: Event, claimer: str | None, actor_types: Mapping[str, str | None]) -> bool:
    """The attack was done by a state's forces and the claimer is no state: not its claim."""
    doer_type = actor_types.get(event.actor1 or "")
    return doer_type == "government" and actor_types.get(claimer or "") != "government"


def _clause_start(cue: Token) -> int:
    """Where the clause of a claim begins: its sentence, or the conjunct it is in, so that an
    attack told before it in the same sentence is one it may refer to ("a bomb hit a bus, and
    a rebel group said it had carried out the attack")."""
    tok = cue
    while not _clause_link(tok) and tok.dep_ != "ROOT" and tok.head.i != tok.i:
        tok = tok.head
    if not _clause_link(tok):
        return cue.sent.start_char
    return min(t.idx for t in tok.subtree)


def _new_thing(deed: Token | None) -> bool:
    """A deed named with an indefinite article that is no event of the text: something else
    than an attack told before ("blamed them for a border conflict")."""
    return deed is not None and any(
        c.dep_ == "det" and c.lower_ in _INDEFINITE for c in deed.children
    )


def _clause_link(tok: Token) -> bool:
    """A verb coordinated with another: a clause of its own ("..., and X claimed ...")."""
    return tok.dep_ == "conj" and tok.pos_ in {"VERB", "AUX"}


def _same_sentence(events: Sequence[Event], claim: Claim, types: frozenset[str]) -> int | None:
    """The attack of the claim's own sentence that an attribution is in apposition to: "a car
    bomb killed five, another attack ascribed to X"."""
    if not claim.attributed or claim.deed is None or claim.cue.dep_ != "acl":
        return None  # only "an attack ascribed to X" stands beside an attack
    sentence = claim.cue.sent
    deed_start = claim.deed.idx
    found = None
    for n, e in enumerate(events):
        if e.type in types and sentence.start_char <= e.trigger[0] < deed_start:
            found = n
    return found


def _plural_deeds(
    events: Sequence[Event],
    claim: Claim,
    target: int,
    doc: Doc,
    types: frozenset[str],
    unnamed: frozenset[str] = frozenset(),
) -> list[int]:
    """A claim of several attacks ("all three attacks", "the bombings"): the earlier attacks
    of the claim's paragraph that name no doer besides the one claimed; an ``unnamed``
    attacker ("a suicide bomber killed three") is no other doer: the claim says whose he was."""
    if claim.deed is None or claim.deed.tag_ not in {"NNS", "NNPS"}:
        return []
    start = doc.text.rfind("\n", 0, claim.cue.sent.start_char) + 1
    return [
        n
        for n, e in enumerate(events)
        if n != target
        and e.type in types
        and start <= e.trigger[0] < events[target].trigger[0]
        and (e.actor1 is None or e.actor1 in unnamed)
    ]


def assign_responsibility(
    events: Sequence[Event],
    doc: Doc,
    index: DocIndex,
    words: ResponsibilityVocabulary,
    triggers: TriggersVocabulary,
    mentions: Mapping[int, str] | None = None,
    containers: Mapping[str, AbstractSet[str]] | None = None,
) -> list[Event]:
    """``events`` with each claimed attack given its claimer as actor1 and source;
    ``mentions``: where mentions folded into an event stood (``folding.fold_mentions``);
    ``containers``: each place id -> the places that hold it (``events.nesting``), so that an
    attack the claim names in a region is the one told before in a town of it."""
    out = list(events)
    types = words.claimed_types
    # Attackers told by a common noun only ("a suicide bomber", "an armed group"): people the
    # actors stage found unnamed, of the armed group category.
    unnamed = frozenset(
        e
        for e, label in index.entity_label.items()
        if label == "PERSON" and index.entity_type.get(e) == "armed_group"
    )
    for claim in find_claims(doc, index, words, triggers):
        sentence_start = _clause_start(claim.cue)
        # A deed owned outright ("the attack was claimed by X") may be a mention folded into
        # the attack told before; other claims name a deed of their own sentence or none.
        named = _named(out, claim.deed, mentions if claim.direct else None)
        if claim.direct and named is None:
            continue  # "claimed victory": no attack
        if named is not None and out[named].type not in types:
            continue  # "claimed responsibility for the arrest": no attack
        place = out[named].place if named is not None else None
        target = _same_sentence(out, claim, types)
        if target is None and named is None and _new_thing(claim.deed):
            continue  # "whom authorities blame for a border conflict": no attack told before
        if target is None and named is not None and _new_thing(claim.deed):
            target = named  # "said it had launched an operation": a new deed, not one before
        if target is None:
            target = _earlier(
                out,
                sentence_start,
                types,
                place,
                mentions or {},
                claim.claimer,
                containers or {},
                index.entity_type,
            )
        target = named if target is None else target
        if target is None:
            continue
        if claim.attributed and claim.deed is None and out[target].actor1 is not None:
            continue  # "blamed X" with the attack's doer already named: no attribution
        also: list[int] = []
        if named is not None and named != target:
            if out[target].type == out[named].type or out[target].sentence != out[named].sentence:
                del out[named]  # "the attack" again: the one reported before
                if named < target:
                    target -= 1
            else:
                also = [named]  # "a blast hit a bus, and X said it carried out the attack"
        for n in [target, *also, *_plural_deeds(out, claim, target, doc, types, unnamed)]:
            out[n] = _claimed(out[n], claim)
    return out


def _claimed(event: Event, claim: Claim) -> Event:
    """``event`` done by the claimer; claimed by them unless a third party attributed it."""
    update: dict[str, object] = {
        "actor1": claim.claimer,
        "actor2": None if event.actor2 == claim.claimer else event.actor2,
    }
    if not claim.attributed:
        update |= {"modality": "claimed", "attributed_to": claim.claimer}
    return event.model_copy(update=update)


__all__ = ["Claim", "assign_responsibility", "find_claims"]
