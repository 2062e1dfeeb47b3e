"""Who did what to whom: the actors of an event mention, read from the dependency parse.

``actor1`` is the doer, ``actor2`` the one done to. The constructions of English that place them:

* active and passive clauses, with or without a *by* agent (*gunmen attacked the base*, *the
  base was attacked by gunmen*, *three were killed*), and passives without a subject of their
  own, whose patient is the clause they hang on (*died after being shot*, *protesters arrested by
  police*, *X was reported to have been killed*);
* verbs that pass their subject down (*vowed to retake*, *is expected to convene*, *began
  shelling*: see ``sitroom.lang.syntax.agent``) and participles of a noun (*protesting
  legislators*);
* participial adjuncts naming the victims (*attacked the village, killing 17 soldiers*);
* nominalisations with a possessive, *by*, *of*, *against*, *on*, *with* or *between* (*the
  army's offensive*, *the capture of X by Y*, *attacks on X*, *clashes between A and B*), and
  relative clauses on them (*the airstrike that killed X*, *an attack carried out by Y*);
* nouns that are themselves the actor (*protesters* of a protest); the possessive of a noun of
  an act done to someone, which is that one (*X's arrest*, ``roles.yaml``); an event noun before
  a carrier noun, whose parties are the carrier's (*a mediation effort between A and B*);
* forces sent or deployed, which are the doer's own, the state they go to or into the second
  party (*deployed troops in Mali*);
* the other party of an object, an indirect object, a governed infinitive or a purpose
  (*threatened action against X*, *gave X aid*, *threatened to cut ties with X*, *marched to
  demand the resignation of X*), and the addressee of a demand (*demanded that X withdraw*) or
  of a condition (*threatened to attack if the government refused*: ``roles.yaml``);
* what a participle on the object bears on (*launched missiles targeting US troops*), and
  whom ground was taken from after a fight of the same kind (*seized the town after a gun
  battle with government troops*);
* coordinated modifiers of one noun, each a party (*Kyrgyz and Tajik border guards clashed*:
  the second is the partner of a mutual act; *American and British jets bombed X*: co-actors);
* a group no name owns acts for the state it is from or the group it is tied to (*a team from
  Qatar*, *a Qatar-based group*; *militants loyal to X* is X, see ``sitroom.actors``);
* a possessive owner when the argument itself names nobody (*their government*, *a woman whose
  eye was injured*).

A place that is attacked or seized is where the event happened, never its second party (the
grounding in ``detect`` reads it); place nouns (*the village of X*) give no actor.
"""

from __future__ import annotations

import functools

from spacy.tokens import Token

from sitroom.events.argument_parse import (
    MODIFYING_CLAUSES,
    carried,
    coordinated,
    fought_with,
    gerund_subject,
    is_one_of,
    nominal_preps,
    objects_of,
    passive_patient,
    pobj_of,
    same_doer,
    shared_object,
)
from sitroom.events.lexicon import Trigger
from sitroom.events.victims import (
    adjunct_victims,
    circumstance_doer,
    struck_victims,
    sufferers,
)
from sitroom.lang.docindex import DocIndex
from sitroom.lang.reference import entity_for, owner_entity, shared_modifiers, sworn_to
from sitroom.lang.syntax import agent, gerund_object, subject, two_sides
from sitroom.lang.vocabulary.actors import RolesVocabulary
from sitroom.lang.vocabulary.events import TriggersVocabulary
from sitroom.lang.vocabulary.grammar import grammar
from sitroom.lang.vocabulary.loader import load_vocabulary

# Types whose "of" object does the act ("the protest of farmers", "the deployment of troops");
# for the others it is the one the act is done to ("the capture of X", "the killing of X").
_OF_AGENT_TYPES = frozenset({"PROTEST", "MOBILIZE"})
# Prepositions on an object that name the act's other party ("action against X", "demands
# from X", "a ban by X"); "in", "at", "near" name where.
_OBJECT_PARTY_PREPS = grammar().party_prepositions - {"at"} | {"by"}
# Prepositions that give the state an unnamed group acts for ("a team from Qatar").
_ORIGIN_PREPS = frozenset({"from", "in"})
_INTO = frozenset({"in", "into"})  # where forces are sent: the state they are sent to
_ROLES = load_vocabulary(RolesVocabulary)
# Types whose content clause names whom the act addresses ("demanded that X withdraw"), and
# those whose condition does ("threatened to attack if the government refused"): roles.yaml.
_ADDRESSED = _ROLES.content_addressed_types
_CONDITIONED = _ROLES.condition_addressed_types
_CONDITION_MARKS = grammar().condition_marks
# Acts done together by talking or working with each other ("talks on X" are about X; "A and B
# held talks": B is the other side): roles.yaml.
_JOINT = _ROLES.joint_types


def _draws_crowd(gathering: Token) -> bool:
    """A gathering of protest that is the subject of a verb of turnout ("the rally attracted
    hundreds"): ``roles.yaml``'s ``gathering_nouns`` and ``turnout_verbs``."""
    return (
        gathering.lemma_.lower() in _ROLES.gathering_nouns
        and gathering.head.lemma_.lower() in _ROLES.turnout_verbs
    )


class ArgumentFinder:
    """The actors of event mentions, with the word lists of ``event_triggers.yaml``."""

    def __init__(self, words: TriggersVocabulary, place_nouns: frozenset[str]) -> None:
        self.words = words
        self.place_nouns = place_nouns  # "the village (of X)": where, never who
        # The event type of each noun and verb trigger ("battle", "clashes": FIGHT)
        self._noun_types = {
            e.lemma: e.type for e in words.triggers if e.pos in {"noun", "both"} and not e.needs
        }
        self._verb_types = {
            e.lemma: e.type for e in words.triggers if e.pos in {"verb", "both"} and not e.needs
        }

    def entity(self, head: Token | None, index: DocIndex, *, owner: bool = True) -> str | None:
        """The actor a noun phrase names, or else (with ``owner``) the one its possessive
        names: "their government", "a woman whose eye was injured"."""
        if head is None:
            return None
        # "Iranian general, Qasem Soleimani": the name in apposition, not the adjective; not a
        # nationality that says what the noun's people are ("two aid workers, a Kenyan and ...")
        for named in (c for c in head.children if c.dep_ == "appos" and c.i in index.entity_at):
            if head.pos_ == "PROPN" and named.pos_ == "NOUN" and head.i in index.entity_at:
                break  # "the BLA, a separatist group": the name, not the noun describing it
            if index.entity_label.get(index.entity_at[named.i]) != "NORP":
                return index.entity_at[named.i]
        if shared := shared_modifiers(head, index):
            return shared[0]  # "Kyrgyz and Tajik border guards": the first, the rest partners
        for source in objects_of(c for c in head.children if c.lower_ == "from"):
            if index.entity_label.get(member := entity_for(source, index) or "") == "ORG":
                return member  # "fighters from the Wagner group": the group's members
        if (leader := sworn_to(head, index)) is not None:
            return leader  # "fighters loyal to X": X's
        if (identified := self._identified_as(head, index)) is not None:
            return identified  # "the assailants, whom officials identified as members of X"
        found = entity_for(head, index)
        if found is None and head.pos_ == "NOUN":
            found = self._origin(head, index) or self._unit_owner(head, index)
        if found is not None or not owner or head.pos_ not in {"NOUN", "PROPN"}:
            return found
        if head.lemma_.lower() in self.place_nouns:
            return None  # "their town" is a place; "their forces", "their positions" an actor's
        return owner_entity(head, index)

    @staticmethod
    def _identified_as(head: Token, index: DocIndex) -> str | None:
        """Unnamed people a clause on them says are someone's ("the assailants, whom
        officials identified as members of X", "gunmen described by police as X fighters":
        ``roles.yaml``'s ``identifying_verbs`` with "as") are that one's."""
        if head.pos_ != "NOUN":
            return None
        for clause in head.children:
            if clause.dep_ not in {"relcl", "acl"}:
                continue
            if clause.lemma_.lower() not in _ROLES.identifying_verbs:
                continue
            for named in objects_of(c for c in clause.children if c.lower_ == "as"):
                if (found := entity_for(named, index)) is not None:
                    return found
        return None

    def _origin(self, head: Token, index: DocIndex) -> str | None:
        """ "A team from Qatar", "opposition groups in Zimbabwe": a group that no name owns
        acts for the state it comes from or is in; "a Qatar-based group", "militants loyal to
        X": for the state or group its adjective ties it to."""
        for pobj in objects_of(c for c in head.children if c.lower_ in _ORIGIN_PREPS):
            entity = index.entity_at.get(pobj.i)
            if entity is not None and index.entity_label.get(entity) == "GPE":
                return entity
        for adjective in (c for c in head.children if c.dep_ == "amod"):
            for tok in adjective.subtree:
                entity = index.entity_at.get(tok.i)
                if entity is None:
                    continue
                # A person the adjective's own phrase names ("loyal to Haftar") leads them; a
                # person in a compound adjective ("Obama-era") does not.
                complement = any(
                    a.dep_ == "prep" and a.head.i == adjective.i for a in tok.ancestors
                )
                if complement or index.entity_label.get(entity) != "PERSON":
                    return entity
        return None

    def _unit_owner(self, unit: Token, index: DocIndex) -> str | None:
        """ "Hideouts of militants loyal to X", "positions of the army", "a checkpoint manned
        by Kurdish fighters": a unit noun of ``roles.yaml`` is its "of" owner's, or that of the
        "by" object of a participle of holding on it (``holding_verbs``)."""
        if unit.lemma_.lower() not in _ROLES.unit_nouns:
            return None
        owners = objects_of(c for c in unit.children if c.dep_ == "prep" and c.lower_ == "of")
        for held in unit.children:
            if held.dep_ == "acl" and held.lemma_.lower() in _ROLES.holding_verbs:
                owners += objects_of(c for c in held.children if c.dep_ == "agent")
        return next((e for o in owners if (e := self.entity(o, index))), None)

    def _party(self, head: Token | None, index: DocIndex, *, owner: bool = True) -> str | None:
        """The second party a noun phrase names; a place ("the village of X") names none."""
        if head is None or head.lemma_.lower() in self.place_nouns:
            return None
        return self.entity(head, index, owner=owner)

    # -- verbs ----------------------------------------------------------------------------------
    def verbal(
        self,
        trig: Token,
        index: DocIndex,
        trigger: Trigger | None = None,
        *,
        depth: int = 2,
        topic: bool = False,
    ) -> tuple[str | None, str | None]:
        """``topic``: the verb carries a joint act, whose "on" object is what it is about."""
        if self._go_between(trig):
            return None, None
        subj, passive = agent(trig)
        if subj is None and not passive:
            # "saying it had targeted ...", parsed with "it" hung on the auxiliary "had"
            subj = next(
                (
                    g
                    for c in trig.children
                    if c.dep_ == "aux"
                    for g in c.children
                    if g.dep_ == "nsubj"
                ),
                None,
            )
        actor1 = self.entity(subj, index)
        if subj is not None and trig.dep_ == "acl" and subj.i == trig.head.i:
            actor1 = self._not_a_speaker(actor1, trig, index)
        if actor1 is None and not passive:
            # "Neighboring country Iran denounced …" is parsed with two subjects.
            others = [
                c for c in trig.children if c.dep_ == "nsubj" and (subj is None or c.i != subj.i)
            ]
            actor1 = next((e for c in others if (e := self.entity(c, index))), None)
        if actor1 is None and not passive and subj is not None:
            actor1 = self._wielder(subj, index)  # "rockets fired by Hamas struck Sderot"
        if actor1 is None and trig.tag_ == "VBN":
            # "a shell fired from rebel positions": the rebels fired it (and are no party of it)
            actor1 = self._wielded_from(trig, index)
        if actor1 is None and passive and subj is None:
            actor1 = circumstance_doer(
                trig, functools.partial(self.entity, index=index, owner=False)
            )
        own_subject = passive or any(c.dep_ in {"nsubj", "nsubjpass"} for c in trig.children)
        if actor1 is None and trig.dep_ == "acl" and trig.head.dep_ == "dobj" and not own_subject:
            # "X issued a declaration demanding ...": the declaration is X's; not so a clause
            # with a subject of its own ("issued a statement that an inmate had been stabbed")
            # or a passive ("arrested three militants accused of ...": accused by others)
            actor1 = self.entity(agent(trig.head.head).token, index)
        # a past participle on a noun is a passive without "by" ("those killed", "the people
        # wounded"): the noun, or whom it stands for, is the one it was done to
        # (not one with an object of its own: a finite verb hung on its subject, "a strike
        # killed 26 people, residents said", as ``agent`` reads it)
        reduced = (
            trig.dep_ == "acl"
            and trig.tag_ == "VBN"
            and all(c.dep_ != "dobj" for c in trig.children)
        )
        actor2 = self._party(passive_patient(trig), index) if passive or reduced else None
        # "gave the Ivory Coast aid": the indirect object is the party the act is for
        objects = [c for c in trig.children if c.dep_ in {"dobj", "dative"}] or shared_object(trig)
        if not objects and (misparsed := gerund_object(trig)) is not None:
            objects = [misparsed]  # "accused of massacring civilians"
        if not objects and (held := gerund_subject(trig)) is not None:
            objects = [held]  # "to stop thousands of farmers marching"
        about = {"on"} if topic else set()  # "reached an agreement on X": about X
        preps = grammar().party_prepositions - about
        kind = trigger.type if trigger is not None else self._verb_types.get(trig.lemma_.lower())
        forces, object_preps = [], _OBJECT_PARTY_PREPS - about
        if kind in _ROLES.own_object_types:
            # "deployed troops in Mali": the troops are the doer's own; Mali is whom it concerns
            forces, objects = objects, []
            preps, object_preps = preps | _INTO, object_preps | _INTO
        parties = objects_of(c for c in trig.children if c.dep_ == "prep" and c.lower_ in preps)
        # A named object, then a party ("withdrew its troops from Lebanon"), then the party of
        # the object ("threatened action against X", "rejected calls by X"), then an owner
        # ("attacked their positions").
        # Ground taken is no party: "recaptured Tora from the rebels" was taken from the rebels.
        ground_taken = trigger is not None and trigger.mode == "occupy"
        if ground_taken and trigger is not None:
            # "seized the town on Congo's border after days of fighting with the army": the
            # side fought for the ground before any other phrase
            actor2 = actor2 or self._fought_with(trig, trigger, index)
        for head in [*parties, *objects] if ground_taken else [*objects, *parties]:
            actor2 = actor2 or self._party(head, index, owner=False)
        for head in objects_of(
            c for o in [*objects, *forces] for c in o.children if c.dep_ == "prep"
        ):
            if head.head.lower_ in object_preps:
                actor2 = actor2 or self._party(head, index, owner=False)
        for head in carried(objects):
            actor2 = actor2 or self._party(head, index, owner=False)
        if actor2 is None:
            # "detonated his explosives, killing 61": the owner is the doer, not a party; the
            # killed may still be; so may a patient coordinated after a place ("attacked the
            # town of X and the nearby army base")
            patients = [c for o in objects for c in (o, *o.conjuncts)]
            actor2 = next(
                (e for o in patients if (e := self._party(o, index)) and e != actor1), None
            )
        if actor2 is None:
            party = functools.partial(self._party, index=index)
            actor2 = (
                adjunct_victims(trig, self.words, party)
                or struck_victims(trig, self.words, party)
                or sufferers(trig, party)
            )
        if actor2 is None and depth > 0:
            actor2 = self._complement_party(trig, index, trigger, depth)
        if actor2 == actor1:
            actor2 = None
        return actor1, actor2

    @staticmethod
    def _not_a_speaker(found: str | None, trig: Token, index: DocIndex) -> str | None:
        """ "A drone strike killed 26 people, a health official and residents said": the
        parser hangs "killed" on its subject and the speakers after it on that subject, as
        conjuncts or an apposition; an actor named only there is a speaker, not the doer."""
        subj = trig.head
        if found is None:
            return None
        after = [c for c in subj.children if c.dep_ in {"conj", "appos"} and c.i > trig.i]
        speakers = {t.i for c in after for t in c.subtree}
        named = {t.i for t in subj.subtree if index.entity_at.get(t.i) == found}
        return None if named and named <= speakers else found

    def _wielder(self, weapon: Token, index: DocIndex) -> str | None:
        """Who a weapon is wielded by, from a participle of ``roles.yaml``'s wielding verbs
        with a "by" phrase: on the weapon ("a bomb planted by militants killed four") or, as
        the parser may read it, the weapon's own verb ("rockets fired by Hamas struck X",
        with "struck" hung on "fired")."""
        participles = [c for c in weapon.children if c.dep_ == "acl"]
        if weapon.dep_ == "nsubj":
            participles.append(weapon.head)
        for verb in participles:
            if verb.tag_ != "VBN" or verb.lemma_.lower() not in _ROLES.wielding_verbs:
                continue
            for by in (c for c in verb.children if c.dep_ == "agent"):
                if (found := self.entity(pobj_of(by), index)) is not None:
                    return found
            if (found := self._wielded_from(verb, index)) is not None:
                return found
        return None

    def _wielded_from(self, verb: Token, index: DocIndex) -> str | None:
        """ "A shell fired from rebel positions", "drones launched from an army base": the
        owner of the unit a weapon is wielded from (``roles.yaml``'s ``unit_nouns``) wields it."""
        if verb.lemma_.lower() not in _ROLES.wielding_verbs:
            return None
        for source in objects_of(c for c in verb.children if c.lower_ == "from"):
            if source.lemma_.lower() in _ROLES.unit_nouns:
                return self.entity(source, index)
        return None

    def _go_between(self, trig: Token) -> bool:
        """A participle of mediating on the noun of a joint act ("talks mediated by Egypt", "a
        truce brokered by Qatar"): it tells who brought the parties together, and the act it
        is told with is the noun's, whose parties the go-between is not."""
        noun = trig.head
        return (
            trig.dep_ == "acl"
            and trig.lemma_.lower() in self.words.mediating_verbs
            and self._noun_types.get(noun.lemma_.lower(), self._noun_types.get(noun.lower_))
            in _JOINT
        )

    def _complement_party(
        self, trig: Token, index: DocIndex, trigger: Trigger | None, depth: int
    ) -> str | None:
        """The party of what a verb governs: "threatened to break relations with Russia" (the
        infinitive's), "went on hunger strike to demand the resignation of X" (its purpose's),
        "demanded that Hamas renounce ..." (the addressee of a demand)."""
        for child in trig.children:
            purpose = child.dep_ == "advcl" and any(c.tag_ == "TO" for c in child.children)
            if (child.dep_ == "xcomp" or purpose) and child.pos_ == "VERB":
                found = self.verbal(child, index, depth=depth - 1)[1]
                if found is not None:
                    return found
            elif child.dep_ == "ccomp" and trigger is not None and trigger.type in _ADDRESSED:
                found = self.entity(subject(child), index)
                if found is not None:
                    return found
        if trigger is not None and trigger.type in _CONDITIONED:
            return self._condition_party(trig, index)
        return None

    def _condition_party(self, trig: Token, index: DocIndex) -> str | None:
        """Whom a threat or a demand means to move: the subject of its condition, on the verb
        or on the act it governs or says ("threatened to attack Juba if the government refused",
        "warned it would strike unless Baghdad accepted")."""
        clauses = [trig, *(c for c in trig.children if c.dep_ in {"xcomp", "ccomp"})]
        for clause in (c for v in clauses for c in v.children if c.dep_ == "advcl"):
            if any(m.dep_ == "mark" and m.lower_ in _CONDITION_MARKS for m in clause.children):
                found = self.entity(subject(clause), index, owner=False)
                if found is not None:
                    return found
        return None

    def _fought_with(self, trig: Token, trigger: Trigger, index: DocIndex) -> str | None:
        def noun_type(tok: Token) -> str | None:
            return self._noun_types.get(tok.lemma_.lower()) or self._noun_types.get(tok.lower_)

        sides = fought_with(trig, trigger.type, noun_type)
        return next((e for t in sides if (e := self._party(t, index, owner=False))), None)

    def partner(
        self, verb: Token, index: DocIndex, actor1: str | None, *, joint: bool = False
    ) -> str | None:
        """ "The army and the rebels clashed", "A and B met": the second subject is the other
        party of a mutual action; ``joint``: the verb carries a joint act ("A and B reached an
        agreement")."""
        subj, passive = agent(verb)
        if subj is None or passive or (not joint and self._together(verb)):
            return None
        for conj in (c for c in subj.children if c.dep_ == "conj"):
            found = self.entity(conj, index)
            if found is not None and found != actor1:
                return found
        # "Russian and Ukrainian negotiators met": the second of the shared noun's modifiers
        return next((e for e in shared_modifiers(subj, index) if e != actor1), None)

    def _together(self, verb: Token) -> bool:
        """Coordinated subjects of a fight verb with an object act together against it
        ("police and soldiers raided the camp", "American and British jets bombed the
        airfield"), unless the verb or its object is reciprocal ("exchanged fire", "fought
        each other"); those of a joint act stay its two sides ("A and B signed a deal")."""
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if not objects or verb.lemma_.lower() in _ROLES.reciprocal_verbs:
            return False
        if any(o.lower_ in _ROLES.reciprocal_objects for o in objects):
            return False
        return self._verb_types.get(verb.lemma_.lower()) not in _JOINT

    def co_actors(
        self, trig: Token, index: DocIndex, actor1: str | None, actor2: str | None
    ) -> tuple[list[str], list[str]]:
        """Entities coordinated with an argument beyond the two actors, on each side: "Egypt,
        Qatar and the US condemned …" (with actor1), "talks between Qatar, the Taliban, and
        Turkey" (with actor2)."""
        first: list[Token] = []
        second: list[Token] = []
        if trig.pos_ == "VERB":
            doer, passive = agent(trig)
            first += [doer] if doer is not None else []
            if self._verb_types.get(trig.lemma_.lower()) not in _ROLES.own_object_types:
                second += [c for c in trig.children if c.dep_ in {"dobj", "nsubjpass"}]
            if passive and (patient := passive_patient(trig)) is not None:
                second.append(patient)
            second += objects_of(
                c for c in trig.children if c.lower_ in grammar().party_prepositions
            )
        else:
            preps = nominal_preps(trig, self.words.ongoing_verbs)
            first += objects_of(p for p in preps if p.lower_ == "by")
            second += objects_of(p for p in preps if p.lower_ in {"between", "with", "against"})
        named = {actor1, actor2}
        return coordinated(first, index, named), coordinated(second, index, named)

    # -- nouns ----------------------------------------------------------------------------------
    def nominal(
        self, trig: Token, trigger: Trigger, index: DocIndex
    ) -> tuple[str | None, str | None]:
        carrier = trig.head
        if trig.dep_ == "compound" and self._carried_by(carrier):
            # "a mediation effort between A and B": the carrier's parties; "Qatar launched" it,
            # and a doer of the carrying verb leaves A the second party
            a1, a2 = self.nominal(carrier, trigger, index)
            doer = None
            if carrier.dep_ in {"dobj", "nsubjpass"}:
                doer = self.entity(agent(carrier.head).token, index)
            return (doer, a1) if doer is not None and a1 not in {doer, None} else (a1, a2)
        # "Protesters" of a protest, "rebels" of a rebellion: the noun is the actor.
        actor1 = index.entity_at.get(trig.i)
        actor2 = None
        head = trig.head
        modifiers = [c for c in trig.children if c.dep_ != "prep"]
        preps = nominal_preps(trig, self.words.ongoing_verbs)
        # "X's arrest", "the journalist's detention by police": the one done to
        done_to = trig.lemma_.lower() in _ROLES.patient_possessive_nouns and not any(
            p.lower_ == "of" for p in preps
        )
        for child in [*modifiers, *preps]:
            if child.dep_ == "poss" and done_to:
                actor2 = actor2 or self._party(child, index)
            elif child.dep_ in {"poss", "compound", "amod"} and actor1 is None:
                actor1 = self.entity(child, index)
            elif child.dep_ == "prep":
                pobj = pobj_of(child)
                if pobj is None:
                    continue
                if child.lower_ == "by" and actor1 is None:
                    actor1 = self.entity(pobj, index)
                elif child.lower_ == "between":
                    one, other = two_sides(pobj)
                    actor1 = actor1 or self.entity(one, index)
                    actor2 = actor2 or self.entity(other, index)
                elif child.lower_ in {"with", "against", "on"} and actor2 is None:
                    if child.lower_ == "on" and trigger.type in _JOINT:
                        continue  # "an agreement on the fate of X": what it is about
                    actor2 = self._party(pobj, index)
                elif child.lower_ == "of":
                    if trigger.type in _OF_AGENT_TYPES:
                        actor1 = actor1 or self.entity(pobj, index)
                    else:
                        actor2 = actor2 or self._party(pobj, index)
        relative = self._relative_args(trig, index, trigger)
        actor1, actor2 = actor1 or relative[0], actor2 or relative[1]
        if actor1 is None and trig.dep_ == "nsubj" and _draws_crowd(trig):
            # "the march drew thousands of students": the crowd drawn is who marched
            crowd = [c for c in head.children if c.dep_ == "dobj"]
            actor1 = next((e for c in crowd if (e := self.entity(c, index))), None)
        if trig.dep_ in {"dobj", "nsubjpass"} and is_one_of(head, self.words.light_verbs):
            a1, a2 = self.verbal(head, index, topic=trigger.type in _JOINT)
            if a2 is None and trigger.type in _JOINT:
                a2 = self.partner(head, index, a1, joint=True)  # "A and B reached an agreement"
            actor1 = actor1 or a1
            if a2 != self.entity(trig, index):
                actor2 = actor2 or a2
        elif (
            trig.dep_ == "pobj"
            and head.dep_ == "prep"
            and head.head.pos_ == "VERB"
            and head.lower_ not in self.words.sequence_prepositions
            and head.lower_ not in self.words.venue_prepositions
        ):
            doer = self.entity(agent(head.head).token, index)
            objects = [c for c in head.head.children if c.dep_ == "dobj"]
            if head.lower_ in _ROLES.reason_prepositions and objects:
                # "blamed Boko Haram for the bombing", "arrested two men for the attack": the
                # act given as the reason is the object's, if it names one; never the blamer's
                # ("apologised for the raid", with no object, is the apologiser's own)
                doer = next((e for o in objects if (e := self.entity(o, index))), None)
            if head.head.lemma_.lower() in self.words.victim_verbs:
                actor2 = actor2 or doer  # "20 people died in airstrikes": who suffered it
            else:
                actor1 = actor1 or doer
        if actor2 == actor1:
            actor2 = None
        return actor1, actor2

    def _carried_by(self, carrier: Token) -> bool:
        """A carrier noun of ``roles.yaml`` that is no object of a verb, or of a light one
        ("launched a mediation effort"); "ended mediation efforts" is the ending's own act."""
        if carrier.lemma_.lower() not in _ROLES.carrier_nouns:
            return False
        if carrier.dep_ not in {"dobj", "nsubjpass"}:
            return True
        return is_one_of(carrier.head, self.words.light_verbs)

    def _relative_args(
        self, trig: Token, index: DocIndex, trigger: Trigger
    ) -> tuple[str | None, str | None]:
        """A clause on the event noun: "the airstrike that killed X" (X is the second party),
        "an attack carried out by Y", "missiles targeting X", "its demand that X withdraw"."""
        doer = victim = None
        for clause in trig.children:
            if clause.dep_ in {"acl", "ccomp"} and trigger.type in _ADDRESSED:
                victim = victim or self.entity(subject(clause), index)
            if clause.dep_ not in MODIFYING_CLAUSES or clause.pos_ != "VERB":
                continue
            by = next((c for c in clause.children if c.dep_ == "agent"), None)
            if by is not None and clause.lemma_.lower() not in self.words.mediating_verbs:
                # "a truce brokered by Qatar": the broker is no party to the truce
                doer = doer or self.entity(pobj_of(by), index)
            obj = next((c for c in clause.children if c.dep_ == "dobj"), None)
            victim = victim or self._party(obj, index)
        return doer, victim


__all__ = [
    "ArgumentFinder",
    "fought_with",
    "nominal_preps",
    "passive_patient",
    "same_doer",
]
