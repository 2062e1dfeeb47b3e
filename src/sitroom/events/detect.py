"""Event mentions from the dependency parse: trigger, actors, place, date, fatalities, modality.

The stage is pure: it receives the document's entities, places and times as token-indexed maps,
so it can be tested on hand-built ``Doc`` objects without a statistical model.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from spacy.tokens import Doc, Token

from sitroom.events.acled import AcledRefiner
from sitroom.events.arguments import ArgumentFinder, document_crowd, other_patient, same_doer
from sitroom.events.background import is_background, refer_back
from sitroom.events.lexicon import EventVocabulary, Trigger
from sitroom.events.modality import classify
from sitroom.events.phrases import PhraseMatcher
from sitroom.events.recode import recode
from sitroom.events.sides import complete_sides, doer_of_victim, one_sided
from sitroom.lang.docindex import DocIndex
from sitroom.lang.period import article_period
from sitroom.lang.places import anaphor_kinds, is_common_place_noun, specificity
from sitroom.lang.reference import entity_for
from sitroom.lang.sentences import sentence_of
from sitroom.lang.syntax import governors, np_tokens, subject
from sitroom.lang.token_times import times_starting_in
from sitroom.lang.vocabulary.amounts import number_words
from sitroom.lang.vocabulary.events import EventType
from sitroom.lang.vocabulary.grammar import grammar
from sitroom.lang.vocabulary.places import toponym_words
from sitroom.model import AcledType, Event, EventDate, InferredField, PlaceBasis

# The prepositions that may chain from one object to a place ("a rally in the city of X"): the
# place prepositions of grammar.yaml and "of", less "from", which names where people or weapons
# came from.
_LOCATIVE_PREPS = grammar().place_prepositions - {"from"}
_CHAIN_PREPS = _LOCATIVE_PREPS | {"of"}
_NESTING = 2
# Words whose "of" names a place that an event is near ("north of X", "outskirts of X").
_NEAR_HEADS = toponym_words().near_words | toponym_words().compass_words
# Event nouns whose "of" names the place acted on ("the capture of X", "the siege of X").
_PLACE_OBJECT_NOUNS = toponym_words().place_object_nouns
_CROWD_TYPES = {"PROTEST"}  # done by the article's crowd when the sentence names nobody
_ARMED = {"government", "armed_group"}
# Nouns that refer back to a place ("the province"), with the kinds they refer to.
_PLACE_NOUNS = anaphor_kinds()
_FOLD_DEPS = {"advcl", "conj", "xcomp"}
_NUMBER_WORDS = {**number_words(), "dozen": 12}


# "died in the bombing", "perished during the shelling": the event the dead died in.
_DIED_IN = frozenset({"in", "during"})


def _count(token: Token) -> int | None:
    text = token.text.replace(",", "")
    if text.isdigit():
        return int(text)
    return _NUMBER_WORDS.get(token.lower_)


def _salience(tok: Token) -> float:
    """The main clause's event is the one a sentence reports; adjuncts mention others."""
    head = tok.head
    if tok.dep_ == "ROOT":
        return 0.1
    if tok.dep_ in {"ccomp", "xcomp"} and head.dep_ == "ROOT":
        return 0.08
    if tok.dep_ == "dobj" and head.dep_ == "ROOT":
        return 0.03  # "signed an agreement", "launched an offensive"
    if tok.dep_ in {"pobj", "relcl", "acl", "advcl", "amod", "npadvmod"} or head.dep_ == "pobj":
        return -0.12
    return 0.0


def _in_locative(tok: Token) -> bool:
    """The token names where something is: "in X", "at the X district", "in the city of X",
    "near X", "outside the town of X" (not "from X": where people or weapons came from)."""
    for _ in range(4):
        head = tok.head
        if head.i == tok.i:
            return False
        if head.dep_ == "prep":
            if head.lower_ in _LOCATIVE_PREPS:
                return True
            if head.lower_ != "of":
                return False
            tok = head.head
            if tok.lower_ in _NEAR_HEADS:
                return True  # "20 km north of X", "on the outskirts of X": near X
            if tok.pos_ == "NOUN" and tok.lemma_.lower() in _PLACE_OBJECT_NOUNS:
                return True  # "the siege of the city of X": where the siege is
        elif tok.dep_ in {"compound", "amod", "appos", "nmod", "conj", "pobj"}:
            tok = head
        else:
            return False
    return False


def _named_first(head: Token) -> list[Token]:
    """The tokens of a noun phrase, the head first, then what its "of" names, then modifiers,
    then its owner: in "the Red Sea port town of Mokha" the town named is more specific than the
    sea that describes it, and in "Spain's Catalonia region" the region than the country that
    has it."""
    tokens = np_tokens(head)
    named = {t.i for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree}
    owner = {t.i for c in head.children if c.dep_ == "poss" for t in c.subtree}
    rest = tokens[1:]
    return [
        head,
        *(t for t in rest if t.i in named),
        *(t for t in rest if t.i not in named and t.i not in owner),
        *(t for t in rest if t.i in owner),
    ]


def _most_specific(tok: Token, index: DocIndex) -> str | None:
    """The place a noun phrase names for a place found among its modifiers: the finest kind
    of place it names ("the Red Sea port town of Mokha" is in Mokha, "the X district of Mosul"
    in X), of equals the first in :func:`_named_first` order."""
    head = tok
    while head.dep_ in {"compound", "amod", "nmod"} and head.head.i != head.i:
        head = head.head
    named = [p for t in _named_first(head) if (p := index.location_at(t.i)) is not None]
    return _finest(named, index) if named else None


def _finest(places: list[str], index: DocIndex) -> str:
    """The place of the finest kind among those one noun phrase names, of equals the first."""
    return min(places, key=lambda p: specificity(index.place_kind.get(p, "")))


def _place_under(
    prep: Token,
    index: DocIndex,
    depth: int,
    *,
    direct: bool = True,
    event_noun: Callable[[Token], bool] = lambda _: False,
) -> str | None:
    """A place in the object of ``prep`` (when ``direct``), or down a chain of locative
    prepositions inside it, at most ``depth`` deep. A country naming who did an event ("in a
    *U.S.* airstrike": ``event_noun`` tells event nouns) is no place of it."""
    for pobj in (c for c in prep.children if c.dep_ == "pobj"):
        if direct:
            named = [
                place
                for tok in _named_first(pobj)
                if (place := index.location_at(tok.i)) is not None
                and not _doer_country(tok, place, index, event_noun)
            ]
            if named:
                return _finest(named, index)
        if depth > 0:
            for child in pobj.children:
                if child.dep_ == "prep" and child.lower_ in _CHAIN_PREPS:
                    found = _place_under(child, index, depth - 1, event_noun=event_noun)
                    if found is not None:
                        return found
    return None


def _doer_country(
    tok: Token, place: str, index: DocIndex, event_noun: Callable[[Token], bool]
) -> bool:
    """ "a U.S. airstrike", "near a US convoy": a country before an event noun says who did it,
    and before a noun that names no kind of place whose it is, not where ("the Iraq border"
    is a place)."""
    head = tok.head
    return (
        tok.dep_ == "compound"
        and index.place_kind.get(place) == "country"
        and head.pos_ == "NOUN"
        and (event_noun(head) or not is_common_place_noun(head.lemma_.lower()))
    )


def _phrase_verb(tok: Token) -> Token | None:
    """The verb a place's prepositional phrase hangs on, through the nouns of further
    prepositional phrases ("said at a news conference in X" → said), or None when the phrase
    hangs on a noun in another role ("protesters in X said")."""
    for _ in range(6):
        while tok.dep_ in {"compound", "amod", "appos", "nmod", "conj"} and tok.head.i != tok.i:
            tok = tok.head
        if tok.dep_ != "pobj" or tok.head.dep_ != "prep":
            return None
        head = tok.head.head
        if head.pos_ in {"VERB", "AUX"}:
            return head
        tok = head
    return None


def _gerund_noun(tok: Token) -> bool:
    """A gerund standing as a noun, without an object ("*fighting* between the army and the
    rebels broke out"): its arguments are a noun's."""
    return (
        tok.tag_ == "VBG"
        and tok.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"}
        and not any(c.dep_ in {"dobj", "nsubj", "aux"} for c in tok.children)
    )


class EventDetector:
    def __init__(self, vocabulary: EventVocabulary) -> None:
        self.vocabulary = vocabulary
        self.lexicon = vocabulary.lexicon()
        self.words = vocabulary.triggers  # the word lists after the triggers
        self.cues = vocabulary.reporting
        self.acled = AcledRefiner(vocabulary.acled_cues)
        self.phrases = PhraseMatcher(vocabulary.phrases, vocabulary.types, self.lexicon)
        self.sides = vocabulary.sides.sides
        self.same_victim = vocabulary.sides.same_victim_types
        self.one_sided = vocabulary.sides.one_sided
        # Ground held or fought over: its owner is no second party (the place nouns count too).
        self._territory = self.words.territory_nouns | frozenset(_PLACE_NOUNS)
        self.arguments = ArgumentFinder(self.words, frozenset(_PLACE_NOUNS))
        # Where someone spoke is not where what they reported happened.
        self._speaking = (
            self.cues.assert_verbs
            | self.cues.deny_verbs
            | self.cues.speech
            | toponym_words().speaking_verbs
        )

    # -- grounding --------------------------------------------------------------------------------
    def _place(
        self, trig: Token, index: DocIndex, kind: str, quad: str, modality: str
    ) -> tuple[str | None, PlaceBasis | None]:
        """Where the event happened, and how that was found."""
        attached = self._attached_place(trig, index, kind)
        if attached is not None:
            return attached, "argument"
        sent = sentence_of(trig)
        for tok in sent:
            if (
                (place := index.location_at(tok.i)) is not None
                and (_in_locative(tok) or self._names_event_place(tok, place, index))
                and not self._spoken_at(tok, trig)
                and not _doer_country(tok, place, index, self._event_noun)
            ):
                return _most_specific(tok, index) or place, "sentence"
        # A violent event whose sentence names no place happened where the article is about;
        # a statement or a plan is not placed that way, nor is anything in a sentence that
        # names some other place. The focus place itself named outside a locative ("Hong Kong
        # protesters gathered") is no other place.
        focus = index.focus_place
        if (
            focus is not None
            and quad == "material_conflict"
            and modality in {"asserted", "claimed", "denied"}
            and all(
                index.location_at(tok.i) in {None, focus} or self._spoken_at(tok, trig)
                for tok in sent
            )
        ):
            return focus, "document"
        return None, None

    def _event_noun(self, token: Token) -> bool:
        return token.pos_ == "NOUN" and self.lexicon.match(token) is not None

    def _names_event_place(self, tok: Token, place: str, index: DocIndex) -> bool:
        """ "since the Mosul operation", "in the Manbij campaign": a town or area modifying an
        event noun says where it is. A country there mostly says who acts ("a U.S. airstrike"),
        and so does a place before a subject, which may be the people who act ("Mosul
        protesters marched"): both are left out."""
        head = tok
        while head.dep_ == "compound" and head.head.i != head.i:
            head = head.head
        return (
            head.i != tok.i
            and head.dep_ not in {"nsubj", "nsubjpass", "csubj"}
            and index.place_kind.get(place) != "country"
            and self._event_noun(head)
        )

    def _spoken_at(self, tok: Token, trig: Token) -> bool:
        """Whether the place at ``tok`` is where someone other than the event's trigger spoke
        ("the envoy said in Geneva that ...", "speaking in Geneva, ...")."""
        verb = _phrase_verb(tok)
        return verb is not None and verb.i != trig.i and verb.lemma_.lower() in self._speaking

    def _attached_place(self, trig: Token, index: DocIndex, kind: str) -> str | None:
        anchors = [trig]
        if trig.head.i != trig.i and trig.dep_ in {"dobj", "pobj", "xcomp", "nsubjpass"}:
            anchors.append(trig.head)
        for child in trig.children:
            if child.dep_ not in {"dobj", "nsubjpass"}:
                continue
            # "fled Kadugli", "captured the town of Tawila", "Kadugli was shelled"
            for tok in _named_first(child):
                if (place := index.location_at(tok.i)) and tok.i not in index.entity_at:
                    return place
        if trig.pos_ == "NOUN" and trig.lemma_.lower() in _PLACE_OBJECT_NOUNS:
            # "the capture of Kidal", "the siege of X": the place acted on
            for of in (c for c in trig.children if c.dep_ == "prep" and c.lower_ == "of"):
                if (found := _place_under(of, index, 0)) is not None:
                    return found
        for anchor in anchors:
            for child in anchor.children:
                if child.dep_ in {"advmod", "npadvmod"} and child.lower_ in _NEAR_HEADS:
                    # "clashes erupted 20 km north of X"
                    for of in (c for c in child.children if c.dep_ == "prep" and c.lower_ == "of"):
                        if (found := _place_under(of, index, 0)) is not None:
                            return found
                if child.dep_ != "prep":
                    continue
                if child.lower_ == "from" and kind in self.words.origin_types:
                    continue  # "rockets fired from Gaza": where they came from
                if child.lower_ in grammar().place_prepositions:
                    found = _place_under(child, index, _NESTING, event_noun=self._event_noun)
                elif child.lower_ in grammar().carrier_prepositions:
                    # "killed during an offensive in X", "bombed by aircraft inside X"
                    found = _place_under(
                        child, index, _NESTING, direct=False, event_noun=self._event_noun
                    )
                else:
                    continue
                if found is not None:
                    return found
        return self._anaphoric_place(trig, index)

    def _anaphoric_place(self, trig: Token, index: DocIndex) -> str | None:
        """ "Bombing the province", "fighting in the valley": the last place of that kind named."""
        for tok in trig.subtree:
            kinds = _PLACE_NOUNS.get(tok.lemma_.lower())
            if kinds is None or not any(c.lower_ == "the" for c in tok.children):
                continue
            if tok.dep_ not in {"dobj", "pobj"} or tok.i in index.place_at:
                continue
            if (found := index.last_location_before(tok.i, kinds)) is not None:
                return found
        return None

    def _date(self, trig: Token, modality: str, index: DocIndex) -> EventDate:
        sent = sentence_of(trig)
        in_sentence = times_starting_in(index.times, sent.start, sent.end)
        subtree = {t.i for t in trig.subtree} | {t.i for t in trig.head.subtree}
        attached = [t for s, _e, t in in_sentence if s in subtree]
        chosen = attached[0] if attached else (in_sentence[0][2] if len(in_sentence) == 1 else None)
        if chosen is not None:
            return EventDate(start=chosen.start, end=chosen.end, precision=chosen.precision)
        if index.published is None or modality in {"planned", "conditional", "hypothetical"}:
            return EventDate()
        # Undated past events are reported within the week before publication.
        return EventDate(
            start=index.published - dt.timedelta(days=6), end=index.published, precision="week"
        )

    def _fatalities(self, trig: Token, index: DocIndex) -> int | None:
        """Deaths: "killing six civilians", "two … were killed", "we lost two fighters", and
        named people killed ("X and Y were killed" counts two)."""
        kills = [trig] if trig.lemma_ in self.words.death_verbs else []
        # "..., killing six", "and killed six"; on an event noun "the bombing that killed six"
        kills += [
            c
            for c in trig.children
            if c.lemma_ in self.words.death_verbs
            and c.dep_ in {"advcl", "conj", "relcl", "acl"}
            and (c.dep_ in {"relcl", "acl"} or same_doer(c, trig))
        ]
        died = trig.head.head if trig.dep_ == "pobj" and trig.head.lower_ in _DIED_IN else None
        if died is not None and died.lemma_ in self.words.dying_verbs:
            kills.append(died)  # "12 people died in the bombing": its dead are the subject
        for verb in kills:
            counted = {"dobj", "nsubjpass"} | ({"nsubj"} if verb is died else set())
            for child in verb.children:
                if child.dep_ not in counted:
                    continue
                for tok in [child, *child.children]:
                    if tok.dep_ in {"nummod", *counted} and (n := _count(tok)):
                        return n
                people = [child, *(c for c in child.children if c.dep_ == "conj")]
                named = {
                    index.entity_at[t.i]
                    for t in people
                    if t.i in index.entity_at
                    and index.entity_label.get(index.entity_at[t.i]) == "PERSON"
                    # a named person; "a man and two women" are counted by their numbers
                    and index.entity_type.get(index.entity_at[t.i]) in {None, "person"}
                }
                if named:
                    return len(named)
        return None

    def _folded(self, tok: Token, trigger: Trigger) -> bool:
        """Mentions that belong to another event rather than being one.

        "attacked the base, killing four" is one attack with four dead; "talks are expected to
        resume" is the talks, not a second event.
        """
        head = tok.head
        if tok.i < head.i and (
            (trigger.pos == "verb" and tok.dep_ == "amod" and tok.tag_ == "VBN")
            or (tok.dep_ == "compound" and head.pos_ == "PROPN")
        ):
            # "captured fighters", "a seized truck": the state an act left, told elsewhere if at
            # all; "student protester Joshua Wong": a title.
            return True
        if self._licensed(tok):
            return True
        if (
            trigger.pos == "verb"
            and tok.lemma_ in self.words.casualty_verbs
            and tok.dep_ in _FOLD_DEPS
            and same_doer(tok, head)
        ):
            parent = self.lexicon.match(head)
            if parent is not None and parent.quad == "material_conflict":
                return True
        if tok.lemma_ in self.words.aspectual_verbs and trigger.pos == "verb":
            # "talks are expected to resume": the subject climbs from "resume" to "talks"
            subj = subject(tok, climb={"xcomp", "conj"}, levels=4)
            related = [c for c in tok.children if c.dep_ in {"dobj", "xcomp"}]
            return any(self.lexicon.match(t) is not None for t in [*related, subj] if t)
        return False

    def _licensed(self, tok: Token) -> bool:
        """An act a law would permit or forbid ("a bill that would allow China to extradite
        people"): the content of the law, no happening."""
        for verb in governors(tok, through={"ccomp", "xcomp", "conj"}, limit=3):
            if verb.lemma_.lower() not in self.words.licensing_verbs:
                continue
            law = subject(verb)
            if law is not None and law.tag_ in {"WDT", "WP"} and verb.dep_ == "relcl":
                law = verb.head  # "a bill that would allow ...": the bill
            return law is not None and law.lemma_.lower() in self.words.legal_instruments
        return False

    # -- detection --------------------------------------------------------------------------------
    def detect(self, doc: Doc, index: DocIndex) -> list[Event]:
        events: list[Event] = []
        open_ids: set[str] = set()  # events that leave room for the article's other side
        at: dict[int, int] = {}  # trigger token → its event's position
        crowd = document_crowd(index)
        period = article_period(doc, index.times, index.published)
        phrases = self.phrases.find(doc, index)  # multiword triggers, with their roles
        in_phrase = {i for match in phrases.values() for i in match.consumed}
        for tok in doc:
            phrase = phrases.get(tok.i)
            if phrase is None and tok.i in in_phrase:
                continue  # "opened fire": "fire" is part of the phrase, no event of its own
            trigger = phrase.trigger if phrase is not None else self.lexicon.match(tok)
            if trigger is None or self._folded(tok, trigger):
                continue
            if trigger.pos == "verb" and not _gerund_noun(tok):
                actor1, actor2 = self.arguments.verbal(tok, index, trigger)
                if actor2 is None and trigger.type in self.words.mutual_types:
                    actor2 = self.arguments.partner(tok, index, actor1)
                if trigger.mode == "casualties":
                    actor1, actor2 = None, actor1  # "we lost two fighters": the losing side
            else:
                actor1, actor2 = self.arguments.nominal(tok, trigger, index)
            if phrase is not None:
                actor1, actor2 = phrase.actors(actor1, actor2)
            sent = sentence_of(tok)
            party_types = (
                index.entity_type.get(actor1) if actor1 else None,
                index.entity_type.get(actor2) if actor2 else None,
            )
            acled = self.acled.refine(
                trigger.acled,
                sent.text,
                *party_types,
                plover=trigger.type,
                at=tok.idx - sent.start_char,
            )
            mod = classify(tok, self.cues, self.words)
            if phrase is not None and phrase.reports_itself(mod.cue):
                mod = phrase.unreported(mod)  # "the blast claimed the lives of": no report
            recoded = recode(tok, trigger, mod.modality, self.vocabulary)
            kind, mode = (recoded.type, recoded.mode) if recoded else (trigger.type, trigger.mode)
            info = recoded.info if recoded else EventType(quad=trigger.quad, cameo=trigger.cameo)
            sided = None if recoded else one_sided(kind, mode, *party_types, self.one_sided)
            if sided is not None:  # "protesters stormed the building": a protest, no battle
                kind, mode = sided.becomes, sided.mode or mode
                info = self.vocabulary.types.event_types[sided.becomes]
                if sided.acled is not None and acled and set(acled) & sided.acled_replaces:
                    acled = sided.acled
            attributed = entity_for(mod.reporter, index) if mod.reporter is not None else None
            place, place_basis = self._place(tok, index, kind, info.quad, mod.modality)
            if phrase is not None and phrase.place is not None:
                place, place_basis = phrase.place, "argument"
            confidence = (
                trigger.weight
                + 0.1 * (actor1 is not None)
                + 0.05 * (place_basis in {"argument", "sentence"})
                + _salience(tok)
            )
            inferred: list[InferredField] = []
            if actor1 is None and kind in _CROWD_TYPES and crowd is not None:
                actor1, inferred = crowd, ["actor1"]  # "weeks of protests": the crowd's
            co_actors = self.arguments.co_actors(tok, index, actor1, actor2)
            if not other_patient(tok, index, self._territory):
                open_ids.add(f"v{len(events) + 1}")
            at[tok.i] = len(events)
            events.append(
                Event(
                    id=f"v{len(events) + 1}",
                    type=kind,
                    mode=mode,
                    cameo=info.cameo,
                    acled=AcledType(event_type=acled[0], sub_event_type=acled[1])
                    if acled
                    else None,
                    quad=info.quad,
                    actor1=actor1,
                    actor2=actor2,
                    place=place,
                    place_basis=place_basis,
                    date=self._date(tok, mod.modality, index),
                    modality=mod.modality,
                    attributed_to=attributed,
                    fatalities=(phrase and phrase.fatalities) or self._fatalities(tok, index),
                    co_actors1=co_actors[0],
                    co_actors2=co_actors[1],
                    inferred=inferred,
                    background=is_background(tok, index, period, self.cues),
                    trigger=(tok.idx, tok.idx + len(tok)),
                    sentence=(sent.start_char, sent.end_char),
                    confidence=round(min(max(confidence, 0.05), 0.95), 2),
                )
            )
        events = self.acled.told_nearby_events(events, [s.start_char for s in doc.sents])
        events = _done_to_doers(doc, events, at)
        events = refer_back(events, doc, index)
        events = doer_of_victim(events, self.same_victim, self.sides.date_slack)
        return complete_sides(events, index.entity_type, self.sides, open_ids)


def _done_to_doers(doc: Doc, events: list[Event], at: dict[int, int]) -> list[Event]:
    """An act on an event is done to that event's doers: "police dispersed the protest",
    "chose to suppress protests" (the protesters are the second party)."""
    out = list(events)
    for i, position in at.items():
        event = out[position]
        if event.actor2 is not None:
            continue
        objects = [c for c in doc[i].children if c.dep_ in {"dobj", "nsubjpass"} and c.i in at]
        for inner in (events[at[c.i]] for c in objects):
            if inner.actor1 is None or inner.actor1 == event.actor1:
                continue
            inferred = [*event.inferred, "actor2"] if "actor1" in inner.inferred else event.inferred
            out[position] = event.model_copy(update={"actor2": inner.actor1, "inferred": inferred})
            break
    return out


__all__ = ["EventDetector"]
