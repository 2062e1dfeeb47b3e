"""What a claim asserts or denies, as a ``Proposition`` stated positively.

A claim about a happening the events stage found inside it is an ``event`` proposition (the
event's type family, actors, place and date); any other claim is a ``statement``: the subject
and the predicate of its content's main clause, in normalised words. Contents that state that
something is not so ("he did not call her", "there were no casualties", "there is no evidence
the attacks came from Yemen") give the positive proposition and turn the claim into a denial.

Who did it is part of an event proposition: the event's first actor, or for responsibility
claims the claimant ("X claimed responsibility for the attack"), the blamed party ("blamed Iran
for the attacks") or the origin ("the attacks came from Yemen").
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from sitroom.claims.counts import DEAD, CountReader
from sitroom.claims.deeds import charge_of, deed_told_before, told_before
from sitroom.claims.doers import doer_of, happening_in, own_side, part_in, refers_back
from sitroom.claims.naming import ActorNaming
from sitroom.claims.negation import OBJECTS, SUBJECTS, NegationReader
from sitroom.claims.places import HeldPlaces, occupied, taken_by_name, where
from sitroom.lang.docindex import DocIndex
from sitroom.lang.syntax import prep_objects
from sitroom.lang.syntax import subject as clause_subject
from sitroom.lang.vocabulary import load_vocabulary
from sitroom.lang.vocabulary.events import TriggersVocabulary
from sitroom.lang.vocabulary.reporting import ReportingVocabulary
from sitroom.model import Event, Place, PloverType, Proposition

CONJOINED = {"conj", "dep"}  # "called her and shot her", "called her, then shot her"
_CONJUNCTS = 4  # how many conjoined verbs back a subject is looked for


@dataclass(frozen=True)
class Stated:
    """A proposition and whether the content states it negatively."""

    proposition: Proposition
    negated: bool
    plea: bool = False  # negated by the plea ("pleaded not guilty"), not by the content
    # Clears someone of what he is accused of ("his client was innocent"): the name of who is
    # cleared, "" when the words name no actor.
    cleared: str | None = None
    # Denies an agentless passive ("ISIS is not defeated"): nobody did it to the subject, so it
    # meets "Y defeated ISIS" whoever Y is.
    undone: bool = False


class PropositionFinder(ActorNaming):
    """Propositions of the claims of one document."""

    def __init__(
        self,
        doc: Doc,
        index: DocIndex,
        cues: ReportingVocabulary,
        events: Mapping[str, Event],
        places: Mapping[str, Place],
        acts: Mapping[str, PloverType],
        responsibility_nouns: frozenset[str],
        happening_verbs: Mapping[str, PloverType] | None = None,
        restated: Sequence[tuple[int, str]] = (),
    ) -> None:
        self.doc = doc
        self.index = index
        self.cues = cues
        self.events = events
        self.places = places
        self.triggers = {e.trigger[0]: e for e in events.values()}
        # A restatement the events stage folded into an earlier report ("the shelling" a
        # sentence on) still names that happening where it stands: "30 civilians died in the
        # shelling" counts its dead. The triggers themselves win.
        for start, event_id in restated:
            if event_id in events:
                self.triggers.setdefault(start, events[event_id])
        # (trigger start, order in ``events``, event), by start: the events inside a claim are
        # found by a search, not by a pass over all of them per claim.
        self._by_trigger = sorted(
            ((e.trigger[0], n, e) for n, e in enumerate(events.values())), key=lambda x: x[:2]
        )
        self.responsibility_nouns = responsibility_nouns
        self.acts = acts  # event trigger lemmas → type: what a charge names ("murder charges")
        # Verb trigger lemmas → type: the kind of happening a statement's verb names.
        self.happening_verbs = happening_verbs or {}
        # Verbs whose subject counts the dead of the happening they died in.
        words = load_vocabulary(TriggersVocabulary)
        self.dying_verbs = words.dying_verbs
        # Verbs that say an event noun happens ("carried out strikes", "launched an attack").
        self.light_verbs = words.light_verbs
        self.counts = CountReader(doc, cues)
        self.negation = NegationReader(cues, self.triggers, self.happening)
        self._speaking_for: str | None = None  # the party of the claim being read (``find``)
        self.held = HeldPlaces(cues, index, places, self._name)

    def main_word(self, tokens: list[Token]) -> Token | None:
        """The content's main word: the first token whose head lies outside the content."""
        inside = {t.i for t in tokens}
        heads = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
        verbs = [t for t in heads if t.pos_ in {"VERB", "AUX"}]
        found = verbs or heads
        return found[0] if found else None

    def happening(self, verb: Token) -> bool:
        return verb.idx in self.triggers or verb.lemma_.lower() in self.happening_verbs

    # --- propositions --------------------------------------------------------------------------

    def find(
        self,
        span: tuple[int, int],
        event_id: str | None,
        cue: Token,
        claimant_name: str | None,
        speaks_for: str | None = None,
    ) -> Stated:
        """The proposition of a claim's content ``span`` with its linked event and cue, with
        the counts its content gives; a count of the dead is its toll ("30 civilians died in
        the shelling" gives 30, whatever the first report of the shelling said). ``speaks_for``
        is the name of the party the claimant speaks for: a spokesman's "we" is that party."""
        self._speaking_for = speaks_for
        try:
            stated = self._find(span, event_id, cue, claimant_name)
        finally:
            self._speaking_for = None
        people = [self._person(a) for a in stated.proposition.actors]
        if people != stated.proposition.actors:
            stated = replace(
                stated, proposition=stated.proposition.model_copy(update={"actors": people})
            )
        if stated.cleared:
            stated = replace(stated, cleared=self._person(stated.cleared))
        counts = self.counts.counts(span)
        if not counts:
            return stated
        update: dict[str, object] = {"counts": counts}
        dead = next((c for c in counts if c.measure == DEAD), None)
        if dead is not None:
            update["killed"] = int(dead.low)
        return replace(stated, proposition=stated.proposition.model_copy(update=update))

    def _find(
        self,
        span: tuple[int, int],
        event_id: str | None,
        cue: Token,
        claimant_name: str | None,
    ) -> Stated:
        found = self.doc.char_span(span[0], span[1], alignment_mode="expand")
        tokens = list(found) if found is not None else []
        main = self.main_word(tokens) if tokens else None
        negated = False
        if main is not None:
            negated = self.negation.negated(main)
            inner = self.negation.no_evidence(main)
            if inner is not None:
                main, negated = inner, True
            part = self._part_in(main)
            if part is not None and any(
                d.lower_ in self.cues.negations
                for d in (part[0], *(c for c in part[0].children if c.dep_ == "det"))
            ):
                negated = True  # "had no role in the attack", "had nothing to do with it"
        denied = cue.lemma_.lower() in self.cues.deny_verbs
        cleared = self._cleared(main, denied) if main is not None else None
        if cleared is not None:
            return cleared
        held = (
            self.held.denied_capture(main, claimant_name, self._speaking_for, self.negation)
            if main is not None and not negated
            else None
        )
        if held is not None:  # "we still hold Kadugli": it was not taken
            return Stated(held, negated=True)
        plea = cue.lemma_.lower() in self.cues.pleas
        if plea:  # "pleaded not guilty to the charges"
            negated = any(self.negation.is_negation(t) for t in cue.subtree)
        # The happening the main clause names, else the first one inside the content. A clause
        # whose verb is no happening and names none is a statement, whatever else it mentions.
        event = self.triggers.get(main.idx) if main is not None else None
        if event is None and main is not None:
            event = self._named_by_clause(main)
        if event is None and (main is None or main.pos_ not in {"VERB", "AUX"}):
            event = self.events.get(event_id or "")
        if event is not None:
            return Stated(self._event(event, tokens, cue, claimant_name), negated, plea)
        if plea and (charged := charge_of(tokens, claimant_name, self.cues, self.acts)) is not None:
            return Stated(charged, negated, plea)
        statement = self._statement(main, tokens)
        if plea and claimant_name is not None:  # the pleader is who is charged
            statement = statement.model_copy(
                update={"subject": claimant_name, "text": f"{claimant_name} {statement.predicate}"}
            )
        undone = negated and main is not None and self._agentless_passive(main)
        return Stated(statement, negated, plea, undone=undone)

    @staticmethod
    def _agentless_passive(verb: Token) -> bool:
        """A passive clause that names no doer: "ISIS is not defeated" says nobody did it."""
        deps = {c.dep_ for c in verb.children}
        return "nsubjpass" in deps and "agent" not in deps and "dobj" not in deps

    def _cleared(self, main: Token, denied: bool = False) -> Stated | None:
        """A content that clears someone of what he is accused of: "his client was innocent",
        "she is not guilty", "he could not have been involved" (``innocence_words``, negated
        ``guilt_words``), or under a denial cue ("denied that he was involved": ``denied``, the
        cue's own denial is the stance). It denies that he did it; which happening is the
        accusation the article reports (``contradictions.find_contradictions``)."""
        words = [main, *(c for c in main.children if c.dep_ in {"acomp", "attr", "oprd"})]
        for word in words:
            lemma = word.lemma_.lower()
            negated = any(self.negation.is_negation(c) for w in (main, word) for c in w.children)
            innocent = lemma in self.cues.innocence_words and not negated
            guilt = lemma in self.cues.guilt_words
            clears = (guilt and not negated) if denied else (innocent or (guilt and negated))
            if not clears:
                continue
            subj = clause_subject(main)
            if subj is None:
                return None
            entity = self._entity(subj)
            subject = self._name(subj)
            named = self.index.entity_name.get(entity, subject) if entity is not None else ""
            proposition = Proposition(
                kind="statement",
                subject=subject,
                predicate="be guilty",
                text=f"{subject} be guilty",
            )
            told = told_before(main, self.events.values()) if named else None
            if told is not None:
                # "Dalton is on trial for the shooting. … he could not have been involved": the
                # happening told before, done by him, so that other articles' reports of it meet
                # the clearing when this one reports no accusation of its own.
                done = self._event(told, [], main, None)
                proposition = done.model_copy(
                    update={"actors": [named], "responsibility": True, "text": done.text}
                )
            # Under a denial cue the content itself is positive: the cue gives the stance.
            return Stated(proposition, negated=not denied, plea=True, cleared=named)
        return None

    def _event(
        self, event: Event, tokens: list[Token], cue: Token, claimant_name: str | None
    ) -> Proposition:
        actors = self._who_did_it(tokens, cue, claimant_name)
        responsibility = bool(actors)  # who did it is what the claim is about
        trigger = self.doc.char_span(*event.trigger, alignment_mode="expand")
        verb = trigger.root if trigger is not None else None
        doer = clause_subject(verb) if verb is not None else None
        if not actors and doer is not None and self._we(doer):
            # "we did not bomb any camp", said by a spokesman: his party, not the man
            actors = [self._name(doer)]
        if not actors and event.actor1 is not None and "actor1" not in event.inferred:
            # Only parties the text names: "rebels" or "the militants" say what kind of party
            # did it, not which, so they leave the proposition open to any named one; nor does
            # a doer the events stage took from another mention ("three people were killed" in
            # the attack told before) say who did it.
            actors = [
                self.index.entity_name.get(a, a)
                for a in (event.actor1, *event.co_actors1)
                if a in self._named
            ]
        place = self.places.get(event.place or "")
        family = self.cues.family(event.type)
        words: list[str] = [event.type]  # "FIGHT at Kadugli by the front (front take town)"
        if place is not None:
            words.append("at " + place.name)
        if actors:
            words.append("by " + " and ".join(actors))
        # Subject and predicate as for a statement, so that "X did not call Y" meets "X called
        # Y" whether or not the events stage took the calling for a happening.
        statement = self._statement(verb, []) if verb is not None else None
        if not actors and event.actor1 is None and verb is not None:
            # "Dvorak called her, then shot her": the doer of a conjoined act is the first's.
            doer = clause_subject(verb, climb=CONJOINED, levels=_CONJUNCTS)
            if doer is not None and self._entity(doer) in self._named:
                actors = [self._name(doer)]
        targets = [
            self.index.entity_name.get(a, a)
            for a in (event.actor2, *event.co_actors2)
            if a is not None and a in self._named
        ]
        if not targets and place is None and verb is not None:
            # "seized the mining town of Walikale", a name the geo stage did not resolve: the
            # place taken is what was done to, as "captured Avdiivka" is
            taken = taken_by_name(verb, self.cues)
            targets = [taken] if taken is not None else []
        # "his fighters had not fired on the town", said by their spokesman: his own side (he,
        # or the group he speaks for) as the doer, the claim is about who did it.
        responsibility = responsibility or bool(own_side(self.index, claimant_name) & set(actors))
        return Proposition(
            kind="event",
            family=family,
            event_type=event.type,
            actors=actors,
            responsibility=responsibility,
            targets=targets,
            place=place.name if place is not None else None,
            date=event.date.start,
            date_end=event.date.end if event.date.end != event.date.start else None,
            killed=self._toll(event, tokens),
            subject=statement.subject if statement is not None else None,
            predicate=statement.predicate if statement is not None else None,
            text=" ".join(words)
            + (
                f" ({statement.subject} {statement.predicate})"
                if statement and statement.subject
                else ""
            ),
        )

    def _named_by_clause(self, main: Token) -> Event | None:
        """The happening a clause whose verb is none names: what an existential says there is
        ("there was no shelling in the town"), what its subject is behind ("the front was behind
        the bombing"), a light verb's object ("carried out strikes", "launched no attack"), the
        event the dead died in ("12 people died in the bombing"), the happening said to come
        from somewhere ("the attacks came from Varnia"), the happening said to have happened
        ("the attack took place", ``occurrence_verbs``), the happening a passive clause's agent
        names ("the market was hit by an air strike")."""
        if (noun := self.negation.existent(main)) is not None:
            return self.triggers.get(noun.idx)
        for agent in (c for c in main.children if c.dep_ == "agent"):
            # "the market was hit by an air strike": the strike
            found = next(
                (self.triggers[g.idx] for g in agent.children if g.idx in self.triggers), None
            )
            if found is not None:
                return found
        lemma = main.lemma_.lower()
        said = [lemma, *(f"{lemma} {c.lemma_.lower()}" for c in main.children if c.dep_ == "dobj")]
        if any(words in self.cues.occurrence_verbs for words in said):
            subj = clause_subject(main)  # "the attack took place": the attack
            return self.triggers.get(subj.idx) if subj is not None else None
        if (behind := self._doer_of(main)) is not None:
            return self.triggers.get(behind.idx)
        if self._origin(main) is not None:  # "(no evidence) the attacks came from Varnia"
            subj = clause_subject(main)
            found = happening_in(subj, self.triggers) if subj is not None else None
            if found is None and subj is not None and refers_back(subj, self.cues.origin_anaphors):
                found = told_before(main, self.events.values())  # "no evidence it came from"
            return found
        if (part := self._part_in(main)) is not None:  # "had no role in the attack"
            if part[1].idx not in self.triggers:  # "nothing to do with it": told before
                return told_before(main, self.events.values())
            return self.triggers.get(part[1].idx)
        if (
            deed := deed_told_before(main, self.cues, self.events.values())
        ) is not None:  # "did not do it"
            return deed
        if lemma in self.light_verbs:
            nouns = [c for c in main.children if c.dep_ == "dobj"]
        elif lemma in self.dying_verbs:
            nouns = [n for n in prep_objects(main) if n.head.lower_ in {"in", "during"}]
        else:
            return None
        return next((e for n in nouns if (e := self.triggers.get(n.idx)) is not None), None)

    def _part_in(self, verb: Token) -> tuple[Token, Token] | None:
        return part_in(verb, self.cues, self.triggers)

    def _doer_of(self, verb: Token) -> Token | None:
        return doer_of(verb, self.cues, self.triggers, self.light_verbs)

    def _toll(self, event: Event, tokens: list[Token]) -> int | None:
        """The death toll of the happening, or one a happening of its family inside the claim
        gives ("five people were killed, 250 others injured")."""
        if event.fatalities is not None or not tokens:
            return event.fatalities
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        family = self.cues.family(event.type)
        first = bisect_left(self._by_trigger, start, key=lambda x: x[0])
        inside = []
        for k in range(first, len(self._by_trigger)):
            at, n, other = self._by_trigger[k]
            if at >= end:
                break
            if other.fatalities is not None and self.cues.family(other.type) == family:
                inside.append((n, other.fatalities))
        return min(inside)[1] if inside else None

    def _who_did_it(self, tokens: list[Token], cue: Token, claimant_name: str | None) -> list[str]:
        """Responsibility claims: the claimant ("claimed responsibility", "denied any
        involvement", "denied bombing the market": the party he speaks for), the blamed party,
        the origin or who was behind a happening."""
        lemma = cue.lemma_.lower()
        objects = [c for c in cue.children if c.dep_ == "dobj"]
        owned = self.responsibility_nouns | self.cues.involvement_nouns
        if any(o.lemma_.lower() in owned for o in objects) or (
            lemma in self.cues.deed_claiming_verbs and any(o.idx in self.triggers for o in objects)
        ):  # "claimed responsibility for the attack", "claimed the attack"
            return [claimant_name] if claimant_name else []
        if lemma in self.cues.blame_verbs and objects and objects[0].pos_ != "PRON":
            return [self._name(objects[0])]
        if lemma in self.cues.deny_verbs and any(
            c.tag_ == "VBG" and not any(g.dep_ in SUBJECTS for g in c.children)
            for c in cue.children
            if c.dep_ in {"xcomp", "dobj", "ccomp"}
        ):  # "the army denied bombing the market": the denier is who is said to have done it
            doer = self._speaking_for or claimant_name
            return [doer] if doer else []
        for tok in tokens:
            if (origin := self._origin(tok)) is not None:
                return [origin]
            if self._doer_of(tok) is not None and (subj := clause_subject(tok)) is not None:
                return [self._name(subj)]  # "the front was behind the bombing"
            if self._part_in(tok) is not None and (subj := clause_subject(tok)) is not None:
                return [self._name(subj)]  # "the front had no role in the bombing"
        return []

    def _origin(self, verb: Token) -> str | None:
        """Where or whom a happening came from: "came from Yemen", "were launched from Iraq";
        a party or a place by name, not a spot that no name gives ("fired from the school" says
        where the shooters were, not who they were)."""
        if verb.lemma_.lower() not in self.cues.origin_verbs:
            return None
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ == "from":
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if pobj is not None and self._names_one(pobj):
                    return self._name(pobj)
        return None

    def _names_one(self, tok: Token) -> bool:
        """Whether a noun names a party or a place: an actor, a resolved place, or a place name
        the gazetteer leaves unlocated (a name still names one)."""
        named_place = tok.pos_ == "PROPN" and tok.ent_type_ in ("GPE", "LOC")
        return self._entity(tok) is not None or tok.i in self.index.place_at or named_place

    def _statement(self, main: Token | None, tokens: list[Token]) -> Proposition:
        if main is None:
            text = " ".join(t.lower_ for t in tokens[:8])
            return Proposition(kind="statement", text=text)
        # A verb conjoined to another without a subject of its own shares the first verb's
        # ("Dvorak called her, then shot her": Dvorak shot her).
        subj = clause_subject(main, climb=CONJOINED, levels=_CONJUNCTS)
        obj = next((c for c in main.children if c.dep_ in OBJECTS), None)
        agent = next(
            (g for c in main.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"),
            None,
        )
        if subj is not None and subj.dep_ == "nsubjpass" and agent is not None and obj is None:
            # "the school was used by fighters" is "fighters used the school"
            subj, obj = agent, subj
        if subj is not None and subj.lower_ == "there":
            subj = None
        if subj is None and obj is not None:  # "there were casualties": they exist
            subj, obj = obj, None
        if (
            obj is not None
            and obj.dep_ == "acomp"
            and obj.lemma_.lower() in self.cues.presence_verbs
        ):
            obj = None  # "were present in the town" is "were in the town"
        if subj is not None and subj.lower_ in self.cues.negations:
            # "none of the soldiers were hurt" is about the soldiers
            subj = next(iter(prep_objects(subj)), subj)
        subject = self._generic(subj) or self._name(subj) if subj is not None else None
        if subj is not None and subj.pos_ == "PRON" and self._entity(subj) is None:
            # "denies claims that it polluted the river": a pronoun whose antecedent is unknown
            # names nobody, so the statement meets no other "it polluted the river"
            subject = None
        lemma = main.lemma_.lower()
        # "were hiding inside", "were inside": presence, one predicate; so is "were using the
        # hospital", there
        site = occupied(main, obj, self.cues)
        present = (obj is None and lemma in self.cues.presence_verbs) or site is not None
        predicate = "be" if present else lemma
        at = site or where(main, self.cues) if present else None
        if at is not None:  # "were inside the hospital", "were hiding in the hospital"
            predicate += " at " + self._name(at)
        if obj is not None and site is None:
            predicate += " " + self._name(obj)
        origin = self._origin(main)
        if origin is not None:  # "the missiles came from Varnia"
            predicate += " from " + origin
        kind = self.happening_verbs.get(lemma)
        if kind is None and present and subj is not None:  # "there were (no) casualties"
            kind = self.cues.casualty_nouns.get(subj.lower_) or self.cues.casualty_nouns.get(
                subj.lemma_.lower()
            )
        if kind is None and self.negation.absent(main) is not None:  # "nobody was hurt"
            kind = self.cues.harm_verbs.get(lemma)
        if kind is None and any(
            c.dep_ == "prep" and c.lower_ in self.cues.aimed_prepositions for c in main.children
        ):
            kind = self.cues.aimed_verbs.get(lemma)  # "had fired on our positions"
        taken = self.held.lost(main, subj) if kind is None and subj is not None else None
        if taken is not None:  # "Kadugli has fallen", "had not taken the town"
            kind = self.cues.place_capture_verbs[lemma]
        family = self.cues.declared_family(kind) if kind is not None else None
        # A verb that names a happening the events stage did not take for one ("said it shot
        # him", "denied capturing the town"): its family, the named doer and the place, so
        # that the statement meets reports of that happening.
        named = subj is not None and self._entity(subj) in self._named
        place = next(
            (
                p.name
                for t in main.subtree
                if (p := self.places.get(self.index.place_at.get(t.i, ""))) is not None
            ),
            taken,
        )
        return Proposition(
            kind="statement",
            family=family,
            actors=[subject] if family is not None and named and subject else [],
            place=place if family is not None else None,
            subject=subject,
            predicate=predicate,
            text=f"{subject or 'something'} {predicate}",
        )


__all__ = ["PropositionFinder", "Stated"]
