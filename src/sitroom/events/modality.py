"""Modality of an event mention and who it is attributed to, from the dependency parse.

In-clause modality (negation, condition, plan, hypothesis) wins over reporting: "officials say
X is not expected to engage in talks" is negated, attributed to the officials. An event in the
complement of a reporting verb is claimed; of a denial verb, denied.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from sitroom.lang.sentences import sentence_of
from sitroom.lang.syntax import governors, subject
from sitroom.lang.vocabulary.events import TriggersVocabulary
from sitroom.lang.vocabulary.grammar import grammar
from sitroom.lang.vocabulary.reporting import ReportingVocabulary
from sitroom.model import Modality

_CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "conj", "acl", "relcl", "pcomp", "csubj"}


@dataclass(frozen=True)
class ModalityResult:
    modality: Modality
    reporter: Token | None  # the subject of the reporting verb, for attribution
    cue: Token | None  # the reporting or denial verb


# The links a reporting or conditioning verb governs an event through: clauses, and the
# arguments a nominal trigger fills ("denied the attack", "reports of an attack").
_GOVERNING_DEPS = _CLAUSE_DEPS | {"dobj", "pobj", "prep", "nsubj", "nsubjpass", "attr"}
_SUBJECT_CLIMB = {"conj", "xcomp", "advcl"}
_SUBJECT_OR_AUX = {"nsubj", "nsubjpass", "aux", "auxpass", "expl"}


def _governors(trigger: Token) -> list[Token]:
    """The trigger and the verbs that govern it through clause-level links, nearest first."""
    return [trigger, *governors(trigger, through=_GOVERNING_DEPS, limit=7)]


def _local_clause(trigger: Token) -> list[Token]:
    """The trigger plus its governors up to the first reporting boundary (ccomp)."""
    out = [trigger]
    tok = trigger
    deps = {"xcomp", "dobj", "pobj", "prep", "acomp", "pcomp"}
    if trigger.pos_ == "NOUN":
        # "talks are expected to resume": the talks are planned; "there will be more
        # protests": what is said to be is as the verb "be" says
        deps |= {"nsubj", "nsubjpass", "attr"}
    while tok.head.i != tok.i and (
        tok.dep_ in deps or _infinitive_object(tok) or _shared_infinitive(tok)
    ):
        tok = tok.head
        out.append(tok)
    return out


def _shared_infinitive(tok: Token) -> bool:
    """The second verb of one infinitive ("called on Arabs to unite *and mobilize*", "urged
    them to march and *occupy* the square"): the "to" and its governor are the first's."""
    head = tok.head
    return (
        tok.dep_ == "conj"
        and tok.tag_ == "VB"
        and not any(c.dep_ in {"nsubj", "aux"} for c in tok.children)
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children)
    )


def _infinitive_object(tok: Token) -> bool:
    """An infinitive with a subject of its own, the object of a verb ("wants foreign forces *to
    leave*", "urged the crowd *to storm* the building"): no report, the verb's own clause."""
    return (
        tok.dep_ == "ccomp"
        and tok.tag_ == "VB"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    )


def _denied_subject(verb: Token, cues: ReportingVocabulary) -> bool:
    """ "*Not a single* soldier was killed", "*no* shots were fired", "*nobody* was hurt": the
    subject denies it (a negating pronoun: the reporting vocabulary's ``negations``)."""
    return any(
        c.dep_ in {"nsubj", "nsubjpass"}
        and (
            c.lower_ in cues.negations
            or any(g.dep_ == "neg" or (g.dep_ == "det" and g.lower_ == "no") for g in c.children)
        )
        for c in verb.children
    )


def _asked(trigger: Token, local: list[Token]) -> bool:
    """A yes-no question ("*Did* the army attack the village?", "will troops withdraw?"): the
    auxiliary before the subject and a question mark at the end ask whether it happens. A
    question word ("why did police attack?") takes the happening as given."""
    sent = sentence_of(trigger)
    if not sent.text.rstrip(" \"'”’)").endswith("?"):
        return False
    if any(t.tag_ in {"WDT", "WP", "WP$", "WRB"} for t in sent if t.i < trigger.i):
        return False
    for verb in local:
        subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        aux = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
        if subj is not None and any(a.i < subj.i for a in aux):
            return True
    return False


def _commanded(trigger: Token, local: list[Token]) -> bool:
    """An imperative ("*take* a knife and *attack* the guards"): a verb in its base form heading
    the sentence, or joined to one, with no subject and no auxiliary, is asked for, not done."""
    verb = local[-1]
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return (
        verb.dep_ == "ROOT"
        and verb.tag_ == "VB"
        and trigger.i >= verb.i
        and not any(c.dep_ in _SUBJECT_OR_AUX for c in verb.children)
    )


def _coming(trigger: Token, words: TriggersVocabulary) -> bool:
    """An event noun said to be coming ("a clampdown is *on the way*", "an offensive is
    *imminent*"): the verb "be" with a word of ``coming_words`` as its complement."""
    be = trigger.head
    if trigger.dep_ != "nsubj" or be.lemma_ != "be":
        return False
    said = {c.lemma_.lower() for c in be.children if c.dep_ in {"acomp", "attr"}}
    # "is on the way", not "was on the way to the airport" (where it was)
    said |= {
        g.lemma_.lower()
        for c in be.children
        if c.dep_ == "prep"
        for g in c.children
        if not any(p.dep_ == "prep" for p in g.children)
    }
    return bool(said & words.coming_words)


def _purpose(verb: Token) -> bool:
    """An infinitive after a noun is what the noun is for or about, not done ("a safe zone *to
    repatriate* refugees", "a plan *to attack* the town", "the decision to withdraw")."""
    return verb.dep_ in {"acl", "relcl"} and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    )


def _told_future(verb: Token, cues: ReportingVocabulary, words: TriggersVocabulary) -> bool:
    """ "would" in what someone said or announced in the past ("announced US troops *would* be
    leaving", "said it would withdraw") is their "will" told in the past, a plan; a
    condition in the clause ("would withdraw if ...") is caught before."""
    said = verb.head
    return (
        verb.dep_ == "ccomp"
        and said.tag_ == "VBD"
        and said.lemma_.lower() in cues.assert_verbs | words.self_report_verbs
    )


def _plans(word: Token, local: list[Token]) -> bool:
    """A word of planning makes planned what it governs, but not a subject that does it
    ("protesters *set* fire to the station" happened): a subject is planned only when the word
    passes it on to an infinitive ("talks are *set* to resume", "protests are expected to go
    on")."""
    below = local[local.index(word) - 1]
    if below.dep_ not in {"nsubj", "nsubjpass"}:
        return True
    # "talks are scheduled for Monday", "an attack is expected": the passive plans its subject
    return any(c.dep_ in {"xcomp", "auxpass"} for c in word.children)


def _denies_the_charge(trigger: Token, cue: Token, cues: ReportingVocabulary) -> bool:
    """Whether a denial after the trigger denies what a noun of claims between them names
    ("Congo accuses Rwanda of backing the M23, *a charge* Kigali denies", parsed with the
    accusation under the denial): the charge is denied, not that the accusation was made."""
    return any(trigger.i < t.i < cue.i and t.lower_ in cues.claim_nouns for t in cue.subtree)


def classify(
    trigger: Token, cues: ReportingVocabulary, words: TriggersVocabulary
) -> ModalityResult:
    local = _local_clause(trigger)
    modality: Modality | None = None
    for tok in local:
        kids = list(tok.children)
        if (
            any(c.dep_ == "neg" for c in kids)
            or any(c.dep_ == "det" and c.lower_ == "no" for c in kids)
            or _denied_subject(tok, cues)
        ):
            modality = "negated"
            break
        if any(c.dep_ == "mark" and c.lower_ in grammar().condition_marks for c in kids) or any(
            c.dep_ == "prep" and any(g.lemma_ == "condition" for g in c.children) for c in kids
        ):
            modality = "conditional"
            break
        if (
            tok.dep_ == "advcl" and any(c.lower_ in grammar().condition_marks for c in kids)
        ) or any(
            c.dep_ == "advcl"
            and any(g.dep_ == "mark" and g.lower_ in grammar().condition_marks for g in c.children)
            for c in kids
        ):
            modality = "conditional"  # the trigger states a condition or depends on one
            break
        aux = {c.lower_ for c in kids if c.dep_ in {"aux", "auxpass"}}
        if aux & grammar().future_auxiliaries:
            modality = "planned"
            break
        if "would" in aux and _told_future(tok, cues, words):
            modality = "planned"  # "announced troops would be leaving": "will" told in the past
            break
        if aux & grammar().hypothetical_auxiliaries:
            modality = "hypothetical"
            break
        if tok is not trigger and tok.lemma_.lower() in words.plan_words and _plans(tok, local):
            modality = "planned"
            break
    if modality is None and (_asked(trigger, local) or _commanded(trigger, local)):
        modality = "hypothetical"
    if modality is None and (_purpose(trigger) or _coming(trigger, words)):
        modality = "planned"
    # A condition stated on a governing clause ("ready to stop ... on condition that") also holds.
    if modality is None:
        for tok in _governors(trigger)[1:]:
            if any(
                c.dep_ == "prep" and any(g.lemma_ == "condition" for g in c.children)
                for c in tok.children
            ):
                modality = "conditional"
                break

    reporter: Token | None = None
    cue: Token | None = None
    reported: Modality | None = None
    for tok in _governors(trigger)[1:]:
        stance = cues.stance(tok.lemma_) if tok.pos_ in {"VERB", "AUX"} else None
        if stance == "deny" and _denies_the_charge(trigger, tok, cues):
            continue
        if stance is not None and tok.i != trigger.i:
            reported = "denied" if stance == "deny" else "claimed"
            cue, reporter = tok, subject(tok, climb=_SUBJECT_CLIMB)
            break
        if tok.lemma_.lower() in {"report", "say"} and tok.tag_ == "VBN":
            reported, cue = "claimed", tok  # "is reported to have ..."
            break
    if reported is None:
        sent = sentence_of(trigger)
        for tok in sent:
            if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor().lower_ == "to":
                pobj = [g for c in tok.nbor().children for g in [c] if c.dep_ == "pobj"]
                reported, cue = "claimed", tok
                reporter = pobj[0] if pobj else None
                break
            if tok.lower_ in words.report_nouns and tok.dep_ == "nsubj" and tok.head.i < trigger.i:
                reported, cue = "claimed", tok
                break
    return ModalityResult(modality or reported or "asserted", reporter, cue)


__all__ = ["ModalityResult", "classify"]
