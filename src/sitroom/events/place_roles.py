"""Places a sentence names that are no place of its event: the places of another happening told
in a clause of its own, where the hurt were carried, the ends of a road a spot on which the text
names.

**Rule.** A sentence may tell two happenings, and the place said in one clause is not the
other's:

- a clause of another time, set apart by a stretch of time ("the strike came *hours after*
  tanks pushed into X", "protesters marched in Y, *days after* a blast destroyed the port of
  Z": ``other_time_subordinators`` and ``time_gap_nouns`` of event_triggers.yaml): the place
  inside it is not the main event's. Without the stretch of time ("three were killed after a
  bomb exploded in X") it is one chain of cause, at one place. The other way round, the main
  clause's place often is the clause's too (the blast that destroyed the port was in Y), and
  stays. So too a verb of dying joined by "and" at a later time ("was shot and *later* died at
  a hospital in X", ``later_words`` and ``dying_verbs``);
- where the people an event befell were carried ("*the wounded* were taken to hospital in X",
  ``conveying_verbs`` with a preposition of where to, ``destination_prepositions``): not where
  they were hurt; so too a verb of carrying joined to a passive of being hurt ("two soldiers
  *were wounded and taken* to hospital in X", ``hurt_verbs`` of toponyms.yaml), for every
  event of the sentence. (Not so where others carried someone after the event: "arrested him
  and took him to a police station in X", where the arrest may well be.)

And a road named by its ends is not placed at an end when the text names the spot on it ("on
the Kabul-Jalalabad highway *near Sarobi*": :func:`~sitroom.events.where.route_end`); the seat
of a government that speaks or acts is where it sits ("the health ministry *in Ramallah* said
three men were killed": :func:`seat_of`, which is no scene of the story either); and a country
that owns the noun of a speaker ("*Chile's* interior ministry said") keeps no event from the
story's town (:func:`owner_country`).
"""

from __future__ import annotations

from spacy.tokens import Token

from sitroom.events.where import route_end
from sitroom.lang.docindex import DocIndex
from sitroom.lang.focus import spoken_from
from sitroom.lang.places import reference_point
from sitroom.lang.syntax import phrase_anchor
from sitroom.lang.vocabulary.events import TriggersVocabulary
from sitroom.lang.vocabulary.places import toponym_words

# Dependents through which a word reaches the head of its noun phrase.
_UP_TO_HEAD = frozenset({"compound", "amod", "nmod", "conj", "appos", "flat"})


def not_the_events(tok: Token, trig: Token, index: DocIndex, words: TriggersVocabulary) -> bool:
    """Whether the place named at ``tok`` is no place of the event at ``trig`` (see the module's
    rule)."""
    return (
        other_happening(tok, trig, words)
        or conveyed_to(tok, trig, words)
        or route_end(tok, index)
        or seat_of(tok, trig, words)
        or reference_point(tok)
        or protested_thing(tok, trig, index)
        or speakers_place(tok, trig)
    )


def protested_thing(tok: Token, trig: Token, index: DocIndex) -> bool:
    """Whether the place at ``tok`` lies inside what a protest is against ("protesting *against
    the military operation in Gaza*", "demonstrated to *protest a law regulating parties in
    Bahrain*": the object of a verb of protesting, or of a preposition of what is protested on
    one, ``protest_words`` and ``protested_prepositions`` of toponyms.yaml), on the way up to
    the event's trigger: where that is, not where the protest was. A place on the verb itself
    ("protested in Paris against the war") is not inside it; nor is one that says where a party
    protested against is ("rallied against *the government in Bangkok*"), where protests
    against it often are."""
    words = toponym_words()
    holder = tok
    while holder.dep_ in _UP_TO_HEAD and holder.head.i != holder.i:
        holder = holder.head
    if holder.dep_ == "pobj" and holder.head.head.i in index.entity_at:
        return False
    step = tok
    for _ in range(16):
        if step.i in {trig.i, step.head.i}:
            return False
        head = step.head
        if step.dep_ == "dobj" and head.lemma_.lower() in words.protest_words:
            return True
        if (
            step.dep_ == "pobj"
            and head.lower_ in words.protested_prepositions
            and head.head.lemma_.lower() in words.protest_words
        ):
            return True
        step = head
    return False


def speakers_place(tok: Token, trig: Token) -> bool:
    """Whether ``tok`` names where someone who speaks for others is ("a police *spokesman in
    Lagos* said gunmen kidnapped eight pupils": ``speaker_nouns`` of toponyms.yaml, the subject
    of a verb other than the event's) or where someone spoke to an audience ("told *a news
    conference in Kabul* that militants attacked": the object of one of ``speaking_verbs``):
    where they spoke from, not where what they told of happened."""
    words = toponym_words()
    phrase = tok
    while phrase.dep_ in _UP_TO_HEAD and phrase.head.i != phrase.i:
        phrase = phrase.head
    if phrase.dep_ != "pobj" or phrase.head.dep_ != "prep" or phrase.head.lower_ == "of":
        return False  # "the governor of Borno": whose governor, not where he is
    noun = phrase.head.head
    if noun.head.i in {noun.i, trig.i} or noun.i == trig.i:
        return False
    if noun.dep_ in {"nsubj", "nsubjpass"} and noun.lemma_.lower() in words.speaker_nouns:
        return True
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in words.speaking_verbs:
        return True
    # Further up a chain of phrases: "a spokesman *for the army in Abuja* said".
    said = spoken_from(tok)
    # Not "arrested protesters *who spoke in Harare*": where those the event befell were.
    return said is not None and said.i != trig.i and said.dep_ != "relcl"


def seat_of(tok: Token, trig: Token | None, words: TriggersVocabulary) -> bool:
    """Whether ``tok`` names where a seat of government sits, said of the subject of a verb
    other than the event's ("the health ministry *in Ramallah* said three men were killed",
    ``seat_nouns``; any verb when there is no event: a story's scenes)."""
    prep = tok
    while prep.dep_ in _UP_TO_HEAD and prep.head.i != prep.i:
        prep = prep.head
    if prep.dep_ != "pobj" or prep.head.dep_ != "prep":
        return False
    noun = prep.head.head
    return (
        noun.lemma_.lower() in words.seat_nouns
        and noun.dep_ in {"nsubj", "nsubjpass"}
        and (trig is None or noun.head.i != trig.i)
    )


def owner_country(tok: Token, index: DocIndex) -> bool:
    """ "*Chile's* interior ministry said": a country that owns a noun names whose it is, not
    where anything happened; it does not move the story away from its town."""
    return tok.dep_ == "poss" and index.place_kind.get(index.location_at(tok.i) or "") == "country"


def other_happening(tok: Token, trig: Token, words: TriggersVocabulary) -> bool:
    """Whether the place at ``tok`` lies inside a clause of another happening that does not
    hold the event at ``trig`` (see the module's rule)."""
    if tok.sent.start != trig.sent.start:
        return False
    above = {t.i for t in (trig, *trig.ancestors)}
    step = tok
    while step.i not in above and step.head.i != step.i:
        if _clause_apart(step, words):
            return True
        step = step.head
    return False


def _clause_apart(tok: Token, words: TriggersVocabulary) -> bool:
    """ "*hours after* troops pushed into X": a clause (or a phrase: "days after the fall of
    X") of another happening, from the token that heads it."""
    if tok.dep_ == "conj" and tok.lemma_.lower() in words.dying_verbs:
        # "was shot and *later* died at a hospital in X": where he died, later
        return any(c.dep_ == "advmod" and c.lower_ in words.later_words for c in tok.children)
    if tok.dep_ == "advcl":
        marks = [c for c in tok.children if c.dep_ in {"mark", "prep"}]
    elif tok.dep_ in {"pobj", "pcomp"} and tok.head.dep_ == "prep":
        marks = [tok.head]
    else:
        return False
    # The stretch of time comes just before the word ("hours after", "two days before"), which
    # the parser hangs on either verb.
    return any(
        m.lower_ in words.other_time_subordinators
        and m.i > 0
        and m.doc[m.i - 1].lemma_.lower() in words.time_gap_nouns
        for m in marks
    )


def conveyed_to(tok: Token, trig: Token, words: TriggersVocabulary) -> bool:
    """Whether ``tok`` says where the people the event befell were carried: by a verb of
    carrying somewhere whose object they are ("*the wounded* were taken to hospital in X"; not
    "arrested him and took him to a police station in X", where the arrest may well be, nor
    "took him into custody in X")."""
    anchor = phrase_anchor(tok, _UP_TO_HEAD, 8, frozenset())
    if anchor is None:
        return False
    verb = anchor[0]
    carrying = words.conveying_verbs | toponym_words().sending_away_verbs
    if verb.lemma_.lower() not in carrying or verb.i == trig.i:
        return False
    if not any(
        c.dep_ == "prep" and c.lower_ in words.destination_prepositions for c in verb.children
    ):
        return False  # "a bus carrying soldiers in X": no carrying anywhere, the bus is in X
    if _hurt_and_carried(verb):
        return True  # "two soldiers *were wounded and taken* to a hospital in X"
    carried = trig
    while carried.dep_ in {"amod", "compound"} and carried.head.i != carried.i:
        carried = carried.head  # "the wounded soldiers were taken": the soldiers
    return carried.head.i == verb.i and carried.dep_ in {"nsubjpass", "dobj"}


def _hurt_and_carried(verb: Token) -> bool:
    """ "Two soldiers *were wounded and taken* to hospital": the verb of carrying is joined to a
    passive verb of being hurt (``hurt_verbs`` of toponyms.yaml) and has no subject or object of
    its own, so it carries the hurt, whatever event of the sentence is asked about (not "were
    arrested and taken to a police station in X", nor "gunmen wounded two men and took them
    away", whose doers carried)."""
    passive, words = verb.head, toponym_words()
    return (
        verb.dep_ == "conj"
        and (
            passive.lemma_.lower() in words.hurt_verbs
            or verb.lemma_.lower() in words.sending_away_verbs  # "captured and deported to X"
        )
        and any(c.dep_ == "nsubjpass" for c in passive.children)
        and not any(c.dep_ in {"nsubj", "nsubjpass", "dobj"} for c in verb.children)
    )


def destination(prep: Token, words: TriggersVocabulary) -> bool:
    """ "marched *to* the city hall": where a verb of going goes is where its event is."""
    return (
        prep.lower_ in words.destination_prepositions
        and prep.head.lemma_.lower() in words.destination_verbs
    )


def landing_verb(trig: Token, words: TriggersVocabulary) -> Token | None:
    """The verb of impact an event noun is the doer of ("an airstrike *hit* X", "X was *hit*
    by an attack"), whose object is where the event happened (``landing_verbs``)."""
    if trig.pos_ != "NOUN":
        return None
    verb = trig.head
    if trig.dep_ == "pobj" and verb.lower_ == "by" and verb.dep_ == "agent":
        verb = verb.head
    elif trig.dep_ != "nsubj":
        return None
    return verb if verb.lemma_.lower() in words.landing_verbs else None


__all__ = [
    "conveyed_to",
    "destination",
    "landing_verb",
    "not_the_events",
    "other_happening",
    "owner_country",
    "protested_thing",
    "seat_of",
    "speakers_place",
]
