"""Claims about places: where a presence is, a place taken ("Kadugli has fallen") or still held
by the speaker ("we still hold Kadugli", "the town of Wau remains under our control").

A place held by its speaker was not taken: said by the side that holds it, such a claim denies
the capture of that place, and so meets the other side's report of the capture there. Only the
speaker's own holding counts ("we", "our forces", or the claimant by name or pronoun): "the UN
said the rebels control Kadugli" reports the capture rather than denying it. The words are
``place_capture_verbs``, ``place_holding_verbs``, ``place_holding_states`` and
``place_holding_nouns`` in ``data/reporting.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from spacy.tokens import Token

from sitroom.claims.holding import TAKEN
from sitroom.claims.negation import NegationReader
from sitroom.lang.docindex import DocIndex
from sitroom.lang.places import anaphor_kinds
from sitroom.lang.sides import side_key
from sitroom.lang.syntax import np_tokens
from sitroom.lang.vocabulary.grammar import grammar
from sitroom.lang.vocabulary.reporting import ReportingVocabulary
from sitroom.model import Place, PloverType, Proposition

_NOT_INTRANSITIVE = {"dobj", "attr", "acomp", "oprd", "prt"}
_OWNERS = {"poss", "compound"}  # "our control", "government hands"
COUNTRY = "country:"  # how ``lang.sides.side_key`` names a country's side


def where(verb: Token, cues: ReportingVocabulary) -> Token | None:
    """Where a presence is: the object of its first preposition of place, also after an
    adjective of presence ("were present in the town") or, in an existential clause, after
    what it says there is ("there were no militants in the school")."""
    existential = any(c.dep_ == "expl" for c in verb.children)
    heads = [verb, *(c for c in verb.children if c.dep_ == "acomp")]
    if existential:
        heads += [c for c in verb.children if c.dep_ in {"attr", "nsubj"} and c.pos_ != "PRON"]
    for head in heads:
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in cues.presence_prepositions:
                found = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if found is not None:
                    return found
    return None


def taken_by_name(verb: Token, cues: ReportingVocabulary) -> str | None:
    """The proper name of the place a verb of capture (``place_capture_verbs``) says was
    taken, by its object ("seized Walikale") or the "of" object of its object ("seized the
    mining town of Walikale"): what was done to, when the geo stage read no place there."""
    if verb.lemma_.lower() not in cues.place_capture_verbs:
        return None
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        if (name := _proper_name(obj)) is not None:
            return name
        for prep in (c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                if (name := _proper_name(pobj)) is not None:
                    return name
    return None


def occupied(verb: Token, obj: Token | None, cues: ReportingVocabulary) -> Token | None:
    """Where a verb of ``occupation_verbs`` says its subject is: its object, a site of
    ``occupation_sites`` or ``installation_nouns`` ("were using the hospital", "occupied the
    base") or a named place ("occupied Kapoeta"); not what is used ("used tear gas")."""
    if obj is None or verb.lemma_.lower() not in cues.occupation_verbs or obj.dep_ == "acomp":
        return None
    site = obj.lemma_.lower() in cues.occupation_sites | cues.installation_nouns
    return obj if site or obj.ent_type_ in {"GPE", "FAC", "LOC"} else None


class HeldPlaces:
    """The places a claim says were taken, or that its speaker holds."""

    def __init__(
        self,
        cues: ReportingVocabulary,
        index: DocIndex,
        places: Mapping[str, Place],
        name: Callable[[Token], str],
    ) -> None:
        self.cues = cues
        self.index = index
        self.places = places
        # A place the document resolved, by the spelling of its name: a later mention the geo
        # stage did not keep ("still holds Kadugli") still names it.
        self.spelled = {p.name.casefold(): p.name for p in places.values()}
        self.name = name  # an actor's name for a word (a pronoun: its antecedent's)
        self.first_person = grammar().first_person_pronouns
        self.anaphors = anaphor_kinds()  # "the town", "the province": the last one named

    def place(self, tok: Token, deep: bool = False) -> str | None:
        """The place a noun phrase names, itself or by "of" ("the town of Wau"), not by another
        preposition ("a rally in Wau" is no place) unless ``deep`` ("the airport in Bentiu was
        taken"); or the place a place noun refers back to ("the town": the last town named)."""
        for t in tok.subtree if deep else np_tokens(tok):
            found = self.places.get(self.index.place_at.get(t.i, ""))
            if found is not None:
                return found.name
            if t.pos_ == "PROPN" and (name := self.spelled.get(t.text.casefold())) is not None:
                return name
        definite = any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
        if definite and tok.lemma_.lower() in self.cues.installation_nouns:
            return self._site(tok)
        kinds = self.anaphors.get(tok.lemma_.lower())
        if kinds is None or not definite:
            return None
        back = self.places.get(self.index.last_location_before(tok.i, kinds) or "")
        return back.name if back is not None else None

    def _site(self, tok: Token) -> str | None:
        """The place of the site a definite noun of ``installation_nouns`` refers back to:
        the place its last earlier mention was named with ("a military camp near Tessit" ...
        "the camp had fallen")."""
        earlier = next(
            (t for t in reversed(tok.doc[: tok.i]) if t.lemma_ == tok.lemma_ and t.pos_ == "NOUN"),
            None,
        )
        if earlier is None:
            return None
        # "attacked a military camp near Tessit": the place may hang on the verb of the site
        preps = [c for c in earlier.head.children if c.dep_ == "prep" and earlier.dep_ == "dobj"]
        return self.place(earlier, deep=True) or next(
            (found for c in preps if (found := self.place(c, deep=True)) is not None), None
        )

    def lost(self, verb: Token, subj: Token) -> str | None:
        """The place whose capture the clause states with a verb of its own ("Kadugli has
        fallen", "the airport in Bentiu was taken", "the town was lost"): a verb of
        ``place_capture_verbs`` whose subject names a place, without an object (not "the town
        took a decision") or a word that makes it another verb ("fell behind",
        ``place_capture_away``); or whose object names one ("the rebels had not taken Kadugli",
        "the army lost the town"; not "took a decision in Wau")."""
        if verb.lemma_.lower() not in self.cues.place_capture_verbs:
            return None
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if objects:
            return self.place(objects[0])
        for c in verb.children:  # "fell behind on payments", "fell short": another verb
            if c.dep_ in _NOT_INTRANSITIVE:
                return None
            if c.dep_ in {"prep", "advmod"} and c.lower_ in self.cues.place_capture_away:
                return None
        return self.place(subj, deep=True)

    def held(
        self, verb: Token, speaker: str | None, party: str | None = None
    ) -> tuple[str, PloverType] | None:
        """The place ``verb`` says ``speaker`` holds, with the type of the capture that this
        denies: "we still hold Kadugli", "our forces control the town of Wau" (a holding verb
        whose object names a place and whose subject is the speaker) or "Kadugli remains under
        our control", "Wau is in government hands" (a verb of state whose subject names a place,
        with a preposition before a noun of holding that the speaker owns)."""
        lemma = verb.lemma_.lower()
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if not subjects:
            return None
        subj = subjects[0]
        kind = self.cues.place_holding_verbs.get(lemma)
        if kind is not None:
            objects = [c for c in verb.children if c.dep_ == "dobj"]
            place = self.place(objects[0]) if objects else None
            if place is not None and self._speaker(subj, speaker, party):
                return place, kind
            return None
        kind = self.cues.place_holding_states.get(lemma)
        if kind is None:
            return None
        # The subject is the place, said deep ("the airport in Goma remains under our
        # control"): a noun of holding owned by the speaker leaves no other reading, so a name
        # the geo stage left unresolved is still the place's.
        place = self.place(subj, deep=True) or _proper_name(subj)
        for prep in verb.children:
            if prep.dep_ != "prep":
                continue
            for noun in prep.children:
                if noun.dep_ != "pobj" or noun.lemma_.lower() not in self.cues.place_holding_nouns:
                    continue
                owners = [c for c in noun.children if c.dep_ in _OWNERS]
                if place is not None and any(
                    self._speaker(o, speaker, party)
                    or self._state(o, speaker, party)
                    or self._place_itself(o, place)
                    for o in (*owners, *self._owners_by_of(noun))
                ):
                    return place, kind
                # "our forces are in full control of Kunduz": the speaker holds what the
                # noun of holding is of
                held = self._held_of(noun)
                if held is not None and not owners and self._speaker(subj, speaker, party):
                    return held, kind
        return None

    def denied_capture(
        self, verb: Token, speaker: str | None, party: str | None, negation: NegationReader
    ) -> Proposition | None:
        """That a place the speaker says it holds was taken ("we still hold Kadugli"), the
        proposition such a claim denies; not when the holding is negated ("no longer hold")."""
        if any(negation.is_negation(t) for c in verb.children for t in c.subtree):
            return None
        found = self.held(verb, speaker, party)
        if found is None:
            return None
        place, kind = found
        return Proposition(
            kind="statement",
            family=self.cues.declared_family(kind),
            place=place,
            subject=place,
            predicate=TAKEN,
            text=f"{place} {TAKEN}",
        )

    def _owners_by_of(self, noun: Token) -> list[Token]:
        """The owners of a noun of holding named after "of" that are no place ("in the hands of
        the federal government", "under the control of our forces")."""
        return [
            g
            for prep in noun.children
            if prep.dep_ == "prep" and prep.lower_ == "of"
            for g in prep.children
            if g.dep_ == "pobj" and self.place(g) is None
        ]

    def _state(self, holder: Token, speaker: str | None, party: str | None) -> bool:
        """Whether ``holder`` names the state ("government hands", ``place_state_holders``) and
        the speaker is a body of one (its army, a ministry: ``state_body``): his own side."""
        if holder.lemma_.lower() not in self.cues.place_state_holders:
            return False
        return any(state_body(n, self.cues) for n in (speaker, party) if n is not None)

    def _held_of(self, noun: Token) -> str | None:
        """The place a noun of holding is of ("control of Kunduz"); a name the geo stage left
        unresolved is still the place's, as the subject of a verb of state is: a noun of
        holding leaves no other reading ("in control of Walikale")."""
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return self.place(pobj) or _proper_name(pobj)
        return None

    def _place_itself(self, owner: Token, place: str) -> bool:
        """Whether the owner of a noun of holding is a pronoun read as the held place itself
        ("Walikale remained under its control", where the place was no known place and so the
        last name before the pronoun): a place does not hold itself, and the pronoun is the
        speaker's, as "it" of "the army said it still holds the town" is."""
        return owner.pos_ == "PRON" and self.name(owner).casefold() == place.casefold()

    def _speaker(self, holder: Token, speaker: str | None, party: str | None = None) -> bool:
        """Whether ``holder`` is the speaker: a first-person word ("we", "our forces"), the
        claimant by name or pronoun ("the army said it still holds the town"), or the ``party``
        a spokesman speaks for, by name or by its last word ("the front still controls the
        province", said by the National Resistance Front or its spokesman)."""
        words = [holder, *(c for c in holder.children if c.dep_ == "poss")]
        if any(w.lower_ in self.first_person for w in words):
            return True
        names = [n.casefold() for n in (speaker, party) if n is not None]
        if any(self.name(w).casefold() in names for w in words):
            return True
        the = any(c.dep_ == "det" and c.lower_ == "the" for c in holder.children)
        short = {n.split()[-1] for n in names if n.split()}
        if the and holder.pos_ == "NOUN" and holder.lower_ in short:
            return True
        # "the army is in control of Wau", said by the government: a body of the state named
        # by no country, said to hold the place by a body of the state, is its own side
        named = " ".join(t.text for t in np_tokens(holder, ()))
        return bare_state_body(named, self.cues) and any(
            state_body(n, self.cues) for n in (speaker, party) if n is not None
        )


def _proper_name(tok: Token) -> str | None:
    """The words of a proper noun and its compounds ("Lalibela", "Mocimboa da Praia")."""
    if tok.pos_ != "PROPN":
        return None
    words = [t for t in tok.subtree if t.pos_ == "PROPN" or t.dep_ == "compound"]
    return " ".join(t.text for t in words if words[0].i <= t.i <= tok.i) or None


def state_body(name: str, cues: ReportingVocabulary) -> bool:
    """Whether a speaker's name is a body of a state: a country ("Mozambique"), its body named
    by its country ("the Ethiopian army", ``lang.sides``), or one named by ``body_nouns`` and
    ``side_words`` alone ("the army", "the defence ministry"; not "the UN refugee agency")."""
    if side_key(name).startswith(COUNTRY):
        return True
    words = [cues.spelling_variants.get(w, w) for w in re.findall(r"\w+", name.casefold())]
    return any(w in cues.body_nouns for w in words) and all(
        w in cues.body_nouns or w in cues.side_words for w in words
    )


def bare_state_body(name: str, cues: ReportingVocabulary) -> bool:
    """Whether words name a body of a state by ``body_nouns`` and ``side_words`` alone, no
    country ("the army", "security forces"; not "the Russian army")."""
    if side_key(name).startswith(COUNTRY):
        return False
    words = [cues.spelling_variants.get(w, w) for w in re.findall(r"\w+", name.casefold())]
    return any(w in cues.body_nouns for w in words) and all(
        w in cues.body_nouns or w in cues.side_words for w in words
    )


__all__ = ["HeldPlaces", "bare_state_body", "occupied", "state_body", "where"]
