"""How a trigger token speaks of a happening: as one already told ("the attack", "in what police
called an attack", "a man was shot"), as the outcome of one ("the attack *killed* twelve", "two
women were injured"). Read by ``events/folding.py``; the words are ``event_folding.yaml``'s."""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from spacy.tokens import Token

from sitroom.lang.syntax import subject
from sitroom.lang.vocabulary.event_phrases import FoldingVocabulary
from sitroom.lang.vocabulary.grammar import grammar

_PASSIVE = frozenset({"auxpass", "nsubjpass"})  # the marks of a passive verb
_RELATIVE = frozenset({"WP", "WDT"})  # Penn tags of relative pronouns ("who", "which")

# A verb's subject is looked for through the verbs it hangs on: "a bombing was reported *to
# have killed* ...", "the attack killed twelve and *injured* more", "airstrikes hit a school,
# *killing* 20".
_SUBJECT_CLIMB = frozenset({"xcomp", "conj", "advcl"})


def happening_subject(token: Token, triggers: dict[int, int]) -> int | None:
    """The event index of a trigger that is the (raised) subject of verb ``token``: a
    happening that "killed", "wounded" or "left ... dead" is what the verb tells the outcome
    of, one happening with it; so is a trigger naming the subject's kind ("a *suicide* bomber
    blew himself up"), and a deed done, after a comma ("launched *airstrikes*, killing 100")."""
    if token.pos_ != "VERB":
        return None
    head = token.head
    if token.dep_ == "advcl" and head.pos_ == "VERB" and head.i not in triggers:
        # "carried out airstrikes on a village, killing 100": what the deed did, a deed named
        # by the object of a verb that is no act of its own.
        deed = next((c for c in head.children if c.dep_ == "dobj" and c.i in triggers), None)
        if deed is not None:
            return triggers[deed.i]
    found = subject(token, climb=_SUBJECT_CLIMB, levels=3)
    if found is not None and found.pos_ == "NUM" and token.dep_ == "conj":
        # "the blast left four dead and 20 *wounded*": the count is no subject, the state is
        # the leaving verb's
        found = subject(token.head)
    if found is not None and found.tag_ == "WDT" and token.dep_ == "relcl":
        held = (triggers[n.i] for n in relative_happening(token) if n.i in triggers)
        return next(held, None)
    if found is None or found.i == token.i or found.pos_ != "NOUN":
        return None
    if found.i in triggers:
        return triggers[found.i]
    kinds = (c for c in found.children if c.dep_ == "compound" and c.pos_ == "NOUN")
    return next((triggers[c.i] for c in kinds if c.i in triggers), None)


def circumstance(token: Token, triggers: dict[int, int], words: FoldingVocabulary) -> int | None:
    """The event index of the deed a clause of ``circumstance_marks`` tells people suffered at
    the same time: "were killed *when* a suicide bomber *blew* himself up" (the clause's verb or
    the kind of its subject), "died *as* soldiers *opened fire*". Only for a verb of suffering
    whose doer is not said: "police arrested him when he arrived" are two acts."""
    if token.lemma_.lower() not in words.suffering_verbs or token.pos_ != "VERB":
        return None
    if any(c.dep_ in {"agent", "nsubj"} and c.pos_ != "NOUN" for c in token.children):
        return None  # "he killed two men when ..."
    if any(c.dep_ == "nsubj" for c in token.children) and token.lemma_.lower() != "die":
        return None  # an active verb of hurting has its doer for subject
    for clause in token.children:
        if clause.dep_ != "advcl" or not any(
            c.dep_ in {"advmod", "mark"} and c.lower_ in words.circumstance_marks
            for c in clause.children
        ):
            continue
        if clause.i in triggers:
            return triggers[clause.i]
        found = subject(clause)
        if found is None:
            continue
        if found.i in triggers:
            return triggers[found.i]
        kinds = (c for c in found.children if c.dep_ == "compound" and c.i in triggers)
        return next((triggers[c.i] for c in kinds), None)
    return None


# "died in the bombing", "perished during the shelling": the event the dead died in.
_DIED_IN = frozenset({"in", "during"})


def died_in(token: Token, dying: AbstractSet[str], words: FoldingVocabulary) -> Token | None:
    """The verb of dying whose subject are the dead of the happening ``token`` names: "12
    people died *in the bombing*", "five died *when* soldiers *opened fire*"."""
    if token.dep_ == "pobj" and token.head.lower_ in _DIED_IN:
        verb = token.head.head
    elif token.dep_ == "advcl" and any(
        c.dep_ in {"advmod", "mark"} and c.lower_ in words.circumstance_marks
        for c in token.children
    ):
        verb = token.head
    else:
        return None
    return verb if verb.lemma_.lower() in dying and verb.i != token.i else None


def relative_happening(verb: Token) -> list[Token]:
    """The nouns a relative clause with "that" or "which" for subject may speak of, nearest
    first: its head ("the bombing *that killed* six"), then, when the parser hangs the clause on
    the object of a noun's preposition, that noun ("a truck bombing in the capital *that
    killed* 500"), or the object of the verb it hangs on ("carried out a bombing in the capital
    that killed 500"). The caller decides which names a happening."""
    noun = verb.head
    if verb.dep_ != "relcl" or noun.i == verb.i:
        return []
    if noun.dep_ != "pobj" or noun.head.dep_ != "prep":
        return [noun]
    holder = noun.head.head
    if holder.pos_ == "NOUN":
        return [noun, holder]
    # "carried out a bombing in the capital that killed 500", the phrase hung on the verb
    return [noun, *(c for c in holder.children if c.dep_ == "dobj" and c.pos_ == "NOUN")]


def names_other_side(token: Token, words: FoldingVocabulary) -> bool:
    """A happening noun naming its other side through one of ``counterpart_prepositions`` and
    no doer of its own ("clashes *with* the army"; not "the army's clashes with", "an attack
    by"): its first side is told elsewhere in the clause."""
    preps = {c.lower_ for c in token.children if c.dep_ == "prep"}
    owned = any(c.dep_ == "poss" for c in token.children)
    return bool(preps & words.counterpart_prepositions) and not owned and "by" not in preps


def definite(token: Token, words: FoldingVocabulary) -> bool:
    """A noun trigger with a definite determiner or a possessive: "the meeting", "the takeover
    of the province", "the army's offensive", "his arrest" speak of a happening already
    reported."""
    if token.pos_ != "NOUN":
        return False
    # "the withdrawal process": the determiner is the compound's head's.
    nominal = token.head if token.dep_ == "compound" else token
    return any(
        (c.dep_ == "det" and c.lower_ in words.definite_determiners) or c.dep_ == "poss"
        for c in nominal.children
    )


def predicate(token: Token, words: FoldingVocabulary) -> bool:
    """A noun trigger naming what something was ("in what police called *a terrorist
    attack*"): it speaks of a happening already told. Not after an existential "there" ("there
    will be more protests"): that tells of one more."""
    if token.pos_ != "NOUN" or token.dep_ not in words.predicate_deps:
        return False
    return not any(c.dep_ == "expl" for c in token.head.children)


def names_again(token: Token, words: FoldingVocabulary) -> bool:
    """A trigger of a restated type that names a happening again without a determiner saying
    so: a predicate noun or a passive without its doer."""
    return predicate(token, words) or agentless_passive(token, words)


def outcome(token: Token | None, words: FoldingVocabulary) -> bool:
    """A passive verb telling what befell people ("were injured"), the doer left out."""
    return (
        token is not None
        and token.lemma_.lower() in words.outcome_verbs
        and any(c.dep_ in _PASSIVE for c in token.children)
        and not any(c.dep_ == "agent" for c in token.children)
    )


def known_patient(token: Token, words: FoldingVocabulary) -> bool:
    """A passive verb without its doer whose patient is one already told: a pronoun, a person's
    name or a definite noun ("*it was targeted* with a car bomb", "*the convoy was hit* by
    gunfire", "the village, which *was struck* at dawn", "Alamgir, who *was detained* before
    dawn"): what is told again is the happening reported before, whatever word told it then
    (a new person's is another happening: the restatement wants the same party done to)."""
    if not agentless_passive(token, words):
        return False
    patient = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
    if patient is not None and patient.tag_ in _RELATIVE and token.dep_ == "relcl":
        patient = token.head  # the noun the relative clause tells of
    if patient is None or patient.tag_ in _RELATIVE:
        return False
    # A person's name: someone told before ("Alamgir, who was detained"); a place's name is
    # no patient told again ("Kyiv was struck" after a strike on Odesa is another strike).
    return (
        patient.pos_ == "PRON"
        or patient.ent_type_ == "PERSON"
        or any(
            (c.dep_ == "det" and c.lower_ in words.definite_determiners) or c.dep_ == "poss"
            for c in patient.children
        )
    )


def agentless_passive(token: Token, words: FoldingVocabulary) -> bool:
    """A passive verb without its doer ("the man was shot"): what is told is what was done,
    the doer having been named where it was first reported. Not one done to someone new
    ("another man, who was arrested on Saturday"): that is another act."""
    deps = {c.dep_ for c in token.children}
    if token.pos_ != "VERB" or not deps & _PASSIVE or "agent" in deps:
        return False
    patient = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
    if patient is not None and patient.tag_ in _RELATIVE and token.dep_ == "relcl":
        patient = token.head  # "another man, who was arrested": the man
    if patient is None:
        return True
    indefinite = grammar().indefinite_determiners
    if any(c.dep_ == "det" and c.lower_ in indefinite for c in patient.children):
        return False
    if outcome(token, words):
        return True  # "two women were injured": counted, yet hurt in the attack told before
    # "one suspect was arrested", "two men were shot": counted without a determiner, new
    # people ("the two men were shot" names them again).
    return not (
        any(c.dep_ == "nummod" for c in patient.children)
        and not any(c.dep_ in {"det", "poss"} for c in patient.children)
    )


def own_side_subject(token: Token) -> bool:
    """Whether trigger ``token``'s doer is the speaker's own side, which the text does not name
    ("*our troops* repelled the assault", "*we* pushed them back"): a stated doer, never to be
    filled with another side's name by an article's only doer of its kind."""
    found = subject(token, climb=_SUBJECT_CLIMB, levels=2)
    if found is None:
        return False
    first_person = grammar().first_person_pronouns
    return found.lower_ in first_person or any(
        c.dep_ == "poss" and c.lower_ in first_person for c in found.children
    )


def answered_act(token: Token) -> bool:
    """Whether trigger ``token`` names an act that another act answers ("in retaliation for
    *the ambush*", "in response to *the killing* of its commander", "to avenge *the attack*",
    "responded to *the shelling*"): someone other than the answering side did it, so the
    article's only doer of its kind, who is most often the one answering, never fills it."""
    words = grammar()
    head = token.head
    if token.dep_ == "pobj" and head.dep_ == "prep" and head.head.i != head.i:
        head = head.head
    elif token.dep_ != "dobj":
        return False
    return head.i != token.i and (
        (head.pos_ == "NOUN" and head.lemma_.lower() in words.reprisal_nouns)
        or (head.pos_ == "VERB" and head.lemma_.lower() in words.reprisal_verbs)
    )


__all__ = [
    "agentless_passive",
    "answered_act",
    "circumstance",
    "definite",
    "died_in",
    "happening_subject",
    "known_patient",
    "names_again",
    "names_other_side",
    "outcome",
    "own_side_subject",
    "predicate",
    "relative_happening",
]
