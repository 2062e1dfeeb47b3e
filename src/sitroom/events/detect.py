"""Event mentions from the dependency parse: trigger, actors, place, date, fatalities, modality.

The stage is pure: it receives the document's entities, places and times as token-indexed maps,
so it can be tested on hand-built ``Doc`` objects without a statistical model.
"""

from __future__ import annotations

import dataclasses
import functools

from spacy.tokens import Doc, Token

from sitroom.events.acled import AcledRefiner
from sitroom.events.arguments import ArgumentFinder, same_doer
from sitroom.events.back_place import anaphoric_place
from sitroom.events.background import is_background, refer_back
from sitroom.events.clause_doers import done_to_doers, rebind_pronoun_doers
from sitroom.events.dating import event_date
from sitroom.events.deaths import fatalities
from sitroom.events.finer_place import finer_places
from sitroom.events.lent_doers import lend_doers
from sitroom.events.lexicon import EventVocabulary, Trigger
from sitroom.events.mentions import (
    answered_act,
    circumstance,
    names_other_side,
    own_side_subject,
)
from sitroom.events.modality import classify
from sitroom.events.movement import settle_moves
from sitroom.events.nonevents import no_happening
from sitroom.events.open_sides import document_crowd, other_patient
from sitroom.events.phrases import PhraseMatcher
from sitroom.events.place_roles import (
    destination,
    landing_verb,
    not_the_events,
    owner_country,
    seat_of,
)
from sitroom.events.recode import recode
from sitroom.events.sides import complete_sides, doer_of_victim, one_sided
from sitroom.events.story_place import scene_of, story_place
from sitroom.events.story_reach import beyond_story
from sitroom.events.where import (
    LOCATIVE_PREPS,
    NEAR_HEADS,
    NESTING,
    PLACE_OBJECT_NOUNS,
    PLACE_OBJECT_VERBS,
    area_around,
    called_by_kind,
    doer_country,
    earlier_place,
    finer_in,
    governing_preposition,
    ground_of,
    in_locative,
    most_specific,
    named_first,
    phrase_verb,
    place_under,
    unlocated_story,
)
from sitroom.lang.docindex import DocIndex
from sitroom.lang.period import article_period
from sitroom.lang.places import anaphor_kinds, in_party_clause, person_origin
from sitroom.lang.reference import entity_for
from sitroom.lang.sentences import sentence_of
from sitroom.lang.syntax import governors, subject
from sitroom.lang.vocabulary.events import EventType
from sitroom.lang.vocabulary.grammar import grammar
from sitroom.lang.vocabulary.places import toponym_words
from sitroom.model import AcledType, Event, InferredField, PlaceBasis

_CROWD_TYPES = {"PROTEST"}  # done by the article's crowd when the sentence names nobody
_ARMED = {"government", "armed_group"}
# Nouns that refer back to a place ("the province"), with the kinds they refer to.
_PLACE_NOUNS = anaphor_kinds()
_FOLD_DEPS = {"advcl", "conj", "xcomp"}


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
        self,
        trig: Token,
        index: DocIndex,
        kind: str,
        quad: str,
        modality: str,
        story: str | None = None,
    ) -> tuple[str | None, PlaceBasis | None]:
        """Where the event happened, and how that was found. ``story``: where the report is set,
        for an event that names no place: its focus, or for one that is no background its one
        scene (events/story_place.py) in the focus or without one."""
        sent = sentence_of(trig)
        attached = self._attached_place(trig, index, kind)
        if attached is not None:
            return finer_in(attached, sent, index), "argument"
        said = [
            most_specific(tok, index) or place
            for tok in sent
            if (place := index.location_at(tok.i)) is not None
            and (in_locative(tok) or self._names_event_place(tok, place, index))
            and not self._gone_to(tok, kind)
            and not self._spoken_at(tok, trig)
            and not doer_country(tok, place, index, self._event_noun)
            and not in_party_clause(tok, trig)  # "troops which have bases in Turkey"
            and not person_origin(tok)  # "a man from Leeds": his home, not the scene
            and not not_the_events(tok, trig, index, self.words)  # "hours after ... in X"
        ]
        if said:  # the first place said, or one it holds ("forces in Iran ... in Zahedan")
            return finer_in(index.innermost(said[0], said), sent, index), "sentence"
        # A violent event whose sentence names no place happened where the article is about;
        # a statement is not placed that way, nor is anything in a sentence that
        # names some other place. The focus place itself named outside a locative ("Hong Kong
        # protesters gathered"), or an area below a country it lies in ("protesting against the
        # extradition of people from Hong Kong", the focus a park there), is no other place; a
        # sentence naming the whole country may speak of all of it ("the offensive that ousted
        # the government, Afghanistan was …"). Before the article's focus, the place the
        # sentences just before it gave the story (``earlier_place``). A plan is placed so too
        # ("the opposition plans to hold a rally": where the story is).
        material = quad == "material_conflict" or kind in self.words.leaving_types  # "fled"
        if not material or modality not in {"asserted", "claimed", "denied", "planned"}:
            return None, None
        earlier = earlier_place(
            trig,
            index,
            skip=lambda tok: self._spoken_at(tok, trig) or seat_of(tok, None, self.words),
            event_noun=self._event_noun,
        )
        if beyond_story(trig, earlier or story, index):  # "Last month, bandits kidnapped 80"
            return None, None
        if unlocated_story(trig, index, self._event_noun):
            # "attacked the town of X", X unknown to the gazetteer: not the focus city, but the
            # smallest area around the story's place (events/where.py area_around), if any
            area = area_around(earlier or story, index)
            return (area, "document") if area is not None else (None, None)
        # the sentence names a place as a person's home ("a Leeds man"): not the scene, even as
        # the story's place
        homes = {index.location_at(tok.i) for tok in sent if person_origin(tok)}
        for focus in (earlier, story):
            if (
                focus is not None
                and focus not in homes
                and all(
                    (place := index.location_at(tok.i)) in {None, focus}
                    or (index.contains(place, focus) and index.place_kind.get(place) != "country")
                    or self._spoken_at(tok, trig)
                    or self._gone_to(tok, kind)  # "fled into Uganda": not where they fled from
                    or doer_country(tok, place, index, self._event_noun)  # "U.S. troops"
                    or person_origin(tok)
                    or not_the_events(tok, trig, index, self.words)
                    or owner_country(tok, index)  # "Chile's interior ministry said"
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

    def _spoken(self, tok: Token) -> bool:
        """Whether the place at ``tok`` is where someone spoke ("said in Geneva")."""
        verb = phrase_verb(tok)
        return verb is not None and verb.lemma_.lower() in self._speaking

    def _aside(self, tok: Token, kind: str = "") -> bool:
        """Whether the place at ``tok`` is where someone spoke, a government sits or the leavers
        of an event of ``kind`` went: no scene of the story."""
        return self._spoken(tok) or seat_of(tok, None, self.words) or self._gone_to(tok, kind)

    def _spoken_at(self, tok: Token, trig: Token) -> bool:
        """Whether the place at ``tok`` is where someone other than the event's trigger spoke
        ("the envoy said in Geneva that ...", "speaking in Geneva, ...")."""
        verb = phrase_verb(tok)
        return verb is not None and verb.i != trig.i and verb.lemma_.lower() in self._speaking

    def _attached_place(self, trig: Token, index: DocIndex, kind: str) -> str | None:
        # "the town of X fell to the rebels", "pulled out of X": the ground (events/where.py)
        leaving = kind in self.words.leaving_types
        if found := ground_of(trig, index, leaving=leaving, event_noun=self._event_noun):
            return found
        anchors = [trig]
        # Not a verb of speaking, whose place is the speakers' ("In X, ... condemned the killing").
        if (
            trig.head.i != trig.i
            and trig.dep_ in {"dobj", "pobj", "xcomp", "nsubjpass"}
            and trig.head.lemma_.lower() not in self._speaking | self.words.conveying_verbs
        ):
            anchors.append(trig.head)
        # "fled Kadugli", "captured the town of Tawila", "Kadugli was shelled"; and where an
        # event noun lands: "an airstrike hit Idlib province", "Garissa was hit by an attack".
        landing = landing_verb(trig, self.words)
        for child in [*trig.children, *(landing.children if landing is not None else ())]:
            if child.dep_ not in {"dobj", "nsubjpass"}:
                continue
            # A place also named as a party is where the event happened when the verb takes
            # ground and its object is no party of its own ("captured much of Liberia, Africa's
            # oldest republic", "shelled Israel"; not "captured two activists with Hamas").
            ground = (
                child.head.lemma_.lower() in PLACE_OBJECT_VERBS and child.i not in index.entity_at
            )
            for tok in named_first(child):
                if (
                    (place := index.location_at(tok.i))
                    and (ground or tok.i not in index.entity_at or called_by_kind(tok))
                    and not doer_country(tok, place, index, self._event_noun)
                    and not person_origin(tok)  # "arrested a Leeds man": his home
                ):
                    return place
            # "stormed a checkpoint near X", "hit a market in X": where the object is
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ in LOCATIVE_PREPS:
                    found = place_under(prep, index, NESTING, event_noun=self._event_noun)
                    if found is not None:
                        return found
        if trig.pos_ == "NOUN" and trig.lemma_.lower() in PLACE_OBJECT_NOUNS:
            # "the capture of Kidal", "the siege of X": the place acted on
            for of in (c for c in trig.children if c.dep_ == "prep" and c.lower_ == "of"):
                if (found := place_under(of, index, 0)) is not None:
                    return found
        for anchor in anchors:
            for child in anchor.children:
                if child.dep_ in {"advmod", "npadvmod"} and child.lower_ in NEAR_HEADS:
                    # "clashes erupted 20 km north of X"
                    for of in (c for c in child.children if c.dep_ == "prep" and c.lower_ == "of"):
                        if (found := place_under(of, index, 0)) is not None:
                            return found
                if child.dep_ != "prep":
                    continue
                if child.lower_ == "from" and kind in self.words.origin_types:
                    continue  # "rockets fired from Gaza": where they came from
                if self._gone_to(child, kind):
                    continue  # "fled into Chad": where they went, not where they left
                if child.lower_ in grammar().place_prepositions or destination(child, self.words):
                    found = place_under(child, index, NESTING, event_noun=self._event_noun)
                elif child.lower_ in grammar().carrier_prepositions:
                    # "killed during an offensive in X", "bombed by aircraft inside X"
                    found = place_under(
                        child, index, NESTING, direct=False, event_noun=self._event_noun
                    )
                else:
                    continue
                if found is not None:
                    return found
        return anaphoric_place(trig, index)  # "bombing the province", "inside the camp"

    def _gone_to(self, tok: Token, kind: str) -> bool:
        """Whether ``tok`` (a preposition, or a word in its object) says where the leavers of a
        leaving event went ("fled *into* Chad", "withdrew *towards* the border")."""
        prep = tok if tok.dep_ == "prep" else governing_preposition(tok)
        return (
            kind in self.words.leaving_types
            and prep is not None
            and prep.lower_ in self.words.destination_prepositions
        )

    def _folded(self, tok: Token, trigger: Trigger, told: frozenset[int] = frozenset()) -> bool:
        """Mentions that belong to another event rather than being one.

        "attacked the base, killing four" is one attack with four dead; "talks are expected to
        resume" is the talks, not a second event. ``told``: the arguments a phrase gave the
        mention ("officers pepper-sprayed students", a verb parsed as the object's adjective).
        """
        head = tok.head
        before = tok.i < head.i and head.i not in told
        if before and (
            (trigger.pos == "verb" and tok.dep_ == "amod" and tok.tag_ == "VBN")
            or (tok.dep_ == "compound" and head.pos_ == "PROPN")
        ):
            # "captured fighters", "a seized truck": the state an act left, told elsewhere if at
            # all; "student protester Joshua Wong": a title.
            return True
        if self._licensed(tok) or no_happening(tok, trigger, self.words, self.lexicon):
            return True  # "a bill that would allow …", "referred to them as riots" (nonevents)
        if trigger.pos == "verb" and tok.lemma_.lower() in self.words.landing_verbs:
            doer = subject(tok)
            if doer is not None and self._event_noun(doer):
                return True  # "two bombings struck a market": where the bombings landed
        if trigger.pos == "noun" and tok.dep_ == "compound" and tok.head.pos_ == "NOUN":
            kind_of = self.lexicon.match(tok.head)
            if kind_of is not None and kind_of.type == trigger.type:
                return True  # "a suicide bombing": the kind of the bombing (see _of_kind)
        if self._state_of_party(tok, trigger):
            return True
        if trigger.pos == "noun" and tok.lemma_.lower() in self.words.unit_triggers:
            return self._unit(tok)
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

    def _side_of_clause(self, tok: Token, index: DocIndex, other: str | None) -> str | None:
        """The first side of a fight named by its other side only, after a preposition of a
        clause: the clause's subject ("five soldiers died in fighting *with* jihadists", "M23
        captured the town after clashes *with* the army")."""
        if other is None or not names_other_side(tok, self.vocabulary.folding):
            return None
        if tok.dep_ != "pobj" or tok.head.dep_ != "prep" or tok.head.head.pos_ != "VERB":
            return None
        side = entity_for(subject(tok.head.head), index)
        return side if side != other else None

    def _of_kind(self, tok: Token, trigger: Trigger) -> Trigger:
        """A noun trigger with a compound trigger of its type before it ("a *suicide* bombing",
        "*drone* strikes") is one act of that kind: the kind gives its mode and ACLED pair."""
        if trigger.pos != "noun":
            return trigger
        for child in tok.children:
            if child.dep_ != "compound" or child.i > tok.i:
                continue
            kind = self.lexicon.match(child)
            if kind is not None and kind.type == trigger.type and kind.mode is not None:
                return dataclasses.replace(
                    trigger, mode=kind.mode, acled=kind.acled or trigger.acled, cameo=kind.cameo
                )
        return trigger

    def _state_of_party(self, tok: Token, trigger: Trigger) -> bool:
        """A participle after the object of another act, without a doer of its own, tells the
        state that party is in ("released two hostages *held* in Gaza", "freed the soldiers
        *captured* in May"): the act told is the other one."""
        party = tok.head
        if trigger.pos != "verb" or tok.dep_ != "acl" or tok.tag_ != "VBN":
            return False
        if any(c.dep_ == "agent" for c in tok.children) or party.dep_ not in {"dobj", "nsubjpass"}:
            return False
        return self.lexicon.match(party.head) is not None

    def _unit(self, tok: Token) -> bool:
        """A noun of ``unit_triggers`` that names the unit rather than its task: a subject, or
        what a violent act is done to (its object, or through a preposition)."""
        if tok.dep_ in {"nsubj", "nsubjpass"}:
            return True
        verb = tok.head
        if tok.dep_ == "pobj" and verb.dep_ == "prep":
            verb = verb.head
        elif tok.dep_ != "dobj":
            return False
        return self.lexicon.may_be(verb, "material_conflict")

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
        scene = story_place(doc, index, skip=self._aside)
        phrases = self.phrases.find(doc, index)  # multiword triggers, with their roles
        in_phrase = {i for match in phrases.values() for i in match.consumed}
        for tok in doc:
            phrase = phrases.get(tok.i)
            if phrase is None and tok.i in in_phrase:
                continue  # "opened fire": "fire" is part of the phrase, no event of its own
            trigger = phrase.trigger if phrase is not None else self.lexicon.match(tok)
            told = phrase.arguments if phrase is not None else frozenset()
            if trigger is None or self._folded(tok, trigger, told):
                continue
            trigger = self._of_kind(tok, trigger)
            if trigger.pos == "verb" and not _gerund_noun(tok):
                actor1, actor2 = self.arguments.verbal(tok, index, trigger)
                if actor2 is None and trigger.type in self.words.mutual_types:
                    actor2 = self.arguments.partner(tok, index, actor1)
                if trigger.mode == "casualties":
                    actor1, actor2 = None, actor1  # "we lost two fighters": the losing side
            else:
                actor1, actor2 = self.arguments.nominal(tok, trigger, index)
                if actor1 is None and trigger.type in self.words.mutual_types:
                    actor1 = self._side_of_clause(tok, index, actor2)
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
            background = is_background(tok, index, period, self.cues, self.words)
            story = (
                index.focus_place
                if background
                else scene_of(tok, scene, index, skip=functools.partial(self._aside, kind=kind))
            )
            place, place_basis = self._place(tok, index, kind, info.quad, mod.modality, story)
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
                    date=event_date(tok, mod.modality, index),
                    modality=mod.modality,
                    attributed_to=attributed,
                    fatalities=(phrase and phrase.fatalities)
                    or fatalities(tok, index, kind, self.words, self.vocabulary.folding),
                    co_actors1=co_actors[0],
                    co_actors2=co_actors[1],
                    inferred=inferred,
                    background=background,
                    trigger=(tok.idx, tok.idx + len(tok)),
                    sentence=(sent.start_char, sent.end_char),
                    confidence=round(min(max(confidence, 0.05), 0.95), 2),
                )
            )
        events = finer_places(events, doc, index, self._event_noun)  # the town, not the region
        # Doers never filled from the kind's only doer: the speaker's own side, the act
        # another act answers (its doer is someone else), and what people suffered in a deed a
        # clause tells ("were injured when protesters threw stones": the deed's doer's).
        folding = self.vocabulary.folding
        own = {
            events[n].id
            for i, n in at.items()
            if own_side_subject(doc[i])
            or answered_act(doc[i])
            or circumstance(doc[i], at, folding) is not None
        }
        events = self.acled.told_nearby_events(events, [s.start_char for s in doc.sents])
        events = done_to_doers(doc, events, at)
        events = rebind_pronoun_doers(doc, events, at, index, self.words.pronoun_barred_doers)
        events = settle_moves(refer_back(events, doc, index), doc, index, self.words)
        events = doer_of_victim(events, self.same_victim, self.sides.date_slack)
        events = lend_doers(doc, events, at, index, self.vocabulary, self.sides.date_slack, own)
        return complete_sides(events, index.entity_type, self.sides, open_ids)


__all__ = ["EventDetector"]
