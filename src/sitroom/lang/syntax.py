"""Dependency-parse helpers shared by every stage, one of each.

All of them read only the parse (``dep_``, ``head``, ``pos_``, ``tag_``, ``lower_``), so they work
on hand-built ``Doc`` objects as well as on the model's. The notions they implement:

* **noun phrase**: a head noun with its modifiers, without relative clauses (``np_tokens``);
* **subject**: the grammatical subject of a predicate, ``nsubj`` or ``nsubjpass``, optionally
  found on a governing clause (``subject``);
* **agent**: who does what a verb says, the ``by`` object of a passive verb (``agent``);
* **speaker**: who does what a reporting verb says, climbing from a participle ("..., saying")
  to the main clause (``speaker``);
* **governors**: the heads above a token through given dependency links (``governors``);
* **reporting subject**: the subject of the verb that reports a pronoun's clause, which the
  pronoun most likely refers to (``reporting_subject``).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import NamedTuple

from spacy.tokens import Doc, Token

from sitroom.lang.vocabulary.grammar import grammar

# Dependency labels that keep a noun phrase together; relative clauses ("relcl") are left out.
NP_DEPS = frozenset({"compound", "poss", "amod", "nmod", "appos", "det", "nummod", "conj"})
# The prepositions that introduce a source: "a statement of / by / from X".
SOURCE_PREPS = frozenset({"of", "by", "from"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Subject pronouns that may refer back to the subject of the reporting verb ("X said it ...").
PERSONAL_SUBJECT_PRONOUNS = grammar().subject_pronouns
_OBLIQUE_PRONOUNS = grammar().oblique_pronouns  # possessives among them: "their", "its", "our"
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})


def np_tokens(head: Token, preps: Collection[str] | None = None) -> list[Token]:
    """Tokens of a noun phrase without its relative clauses, ``head`` first; follows "of" (or
    the given ``preps``) into prepositional objects."""
    follow = {"of"} if preps is None else preps
    out = [head]
    for child in head.children:
        if child.dep_ in NP_DEPS:
            out.extend(np_tokens(child, follow))
        elif child.dep_ == "prep" and child.lower_ in follow:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    out.extend(np_tokens(pobj, follow))
    return out


def np_tokens_by_closeness(head: Token, preps: Collection[str]) -> list[Token]:
    """``np_tokens(head, preps)`` ordered by closeness to the head in the tree: shallower first,
    then heads of modifiers after others at one depth (an owner's last), then document order.

    "a statement by NRFA leader Ahmed Massoud": "Massoud" (the object) before "NRFA" (its
    modifier)."""
    ranked = _ranked(head, preps, 0)
    return [tok for _, _, _, tok in sorted(ranked, key=lambda r: r[:3])]


def _ranked(head: Token, preps: Collection[str], depth: int) -> list[tuple[int, int, int, Token]]:
    # An owner ranks after the words that name the head itself: "Yemen's Houthi movement" is
    # the Houthis', "Russia's Wagner group" Wagner's.
    modifier = 2 if head.dep_ == "poss" else int(head.dep_ in _MODIFIER_DEPS)
    out = [(depth, modifier, head.i, head)]
    for child in head.children:
        if child.dep_ in NP_DEPS:
            out.extend(_ranked(child, preps, depth + 1))
        elif child.dep_ == "prep" and child.lower_ in preps:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    out.extend(_ranked(pobj, preps, depth + 1))
    return out


def prep_objects(token: Token) -> list[Token]:
    """The objects of ``token``'s prepositions, in order ("none *of the soldiers*" -> soldiers)."""
    return [g for c in token.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]


def mention_span(head: Token) -> tuple[int, int]:
    """Character span of the noun phrase ``head`` heads, its source phrase included ("a
    statement by the ministry")."""
    toks = np_tokens(head, SOURCE_PREPS)
    start = min(t.idx for t in toks)
    end = max(t.idx + len(t) for t in toks)
    return start, end


def governors(token: Token, *, through: Collection[str], limit: int) -> list[Token]:
    """The heads above ``token``, nearest first, climbing while the current token's dependency
    is in ``through``; at most ``limit`` of them, ``token`` itself not included."""
    out: list[Token] = []
    tok = token
    while tok.head.i != tok.i and tok.dep_ in through and len(out) < limit:
        tok = tok.head
        out.append(tok)
    return out


def subject(
    predicate: Token, *, climb: Collection[str] = (), levels: int | None = None
) -> Token | None:
    """The grammatical subject of ``predicate``: its first ``nsubj`` or ``nsubjpass`` child.

    Without one, a predicate attached by a dependency in ``climb`` takes its head's subject
    ("talks are expected to *resume*" → "talks" through ``xcomp``). ``levels`` bounds how many
    predicates are looked at, ``predicate`` included (``None``: up to the root). The subject of
    a passive verb is its patient; see ``agent`` for who acts.
    """
    tok = predicate
    seen = 0
    while levels is None or seen < levels:
        seen += 1
        found = next((c for c in tok.children if c.dep_ in SUBJECT_DEPS), None)
        if found is not None or tok.dep_ not in climb or tok.head.i == tok.i:
            return found
        tok = tok.head
    return None


class Agent(NamedTuple):
    """Who does what a verb says, and whether its grammatical subject is the patient."""

    token: Token | None
    passive: bool


# The agent of an infinitive, a participle or a coordinated verb is that of the verb it hangs on;
# that of an adjective complement ("is *willing* to withdraw") that of its copula.
_AGENT_CLIMB = frozenset({"xcomp", "conj", "advcl", "acomp"})
_VERBAL_POS = frozenset({"VERB", "AUX", "ADJ"})
# Participles that modify a noun: "protesting legislators", "protesters arrested by police".
_NOUN_CLAUSES = frozenset({"acl", "amod"})
_NOMINAL_POS = frozenset({"NOUN", "PROPN"})


def agent(verb: Token) -> Agent:
    """The doer of ``verb``: its active subject, or the "by" object of a passive verb.

    A passive verb without a "by" phrase has no known agent (``Agent(None, True)``), whether
    or not it has a subject of its own ("after being shot"; the patient is then found on the
    clause it hangs on). A verb with no subject takes its governing verb's agent through
    ``xcomp``, ``conj`` and ``advcl`` when that governor is verbal ("attacked the base,
    *killing* four": the attackers; "*vowed* to retake"); under a passive governor an
    infinitive's doer is the governor's subject ("X *is expected* to convene", "X was ordered
    to withdraw"), and under a verb of object control its object ("forced the president to
    *flee*"; ``grammar.yaml``). A present participle modifying a noun has that noun as its doer
    ("protesting legislators", "gunmen firing on police").
    """
    by_object = None
    for child in verb.children:
        if child.dep_ == "agent":
            by_object = next((g for g in child.children if g.dep_ == "pobj"), None)
    for child in verb.children:
        if child.dep_ == "nsubj":
            return Agent(child, False)
        if child.dep_ == "nsubjpass":
            return Agent(by_object, True)
    if any(c.dep_ == "auxpass" for c in verb.children):
        return Agent(by_object, True)  # "after being shot (by X)": a passive without subject
    head = verb.head
    if (patient := gerund_object(verb)) is not None:
        # "accused of massacring civilians", parsed as if the civilians were massacring
        prep = patient.head
        return Agent(_gerund_controller(prep), False)
    if verb.dep_ in _NOUN_CLAUSES and head.i != verb.i and head.pos_ in _NOMINAL_POS:
        # "protesting legislators" does; "protesters arrested by police" is done to. A past
        # form with an object of its own is a finite verb the parser hung on its subject
        # ("militants *killed* 30 villagers, an official said"): a passive takes no object.
        finite = verb.tag_ == "VBD" or any(c.dep_ == "dobj" for c in verb.children)
        if verb.tag_ == "VBG" or (finite and by_object is None):
            return Agent(head, False)
        return Agent(by_object, True)
    if by_object is not None:
        return Agent(by_object, False)
    if verb.tag_ == "VBG" and verb.dep_ == "pcomp" and head.dep_ in {"prep", "agent"}:
        if (doer := _participle_agent(verb, head)) is not None:
            return Agent(doer, False)
        controller = _gerund_controller(head)
        if controller is not None:
            return Agent(controller, False)
    if verb.dep_ == "ccomp" and _supposed(head):
        return Agent(next(c for c in head.children if c.dep_ == "nsubj"), False)
    if verb.dep_ in _AGENT_CLIMB and head.i != verb.i and head.pos_ in _VERBAL_POS:
        raised = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
        if verb.dep_ == "xcomp" and raised is not None:
            return Agent(raised, False)
        if verb.dep_ == "xcomp" and head.lemma_.lower() in grammar().object_control_verbs:
            controller = next((c for c in head.children if c.dep_ == "dobj"), None)
            if controller is not None:
                return Agent(controller, False)  # "forced the president to flee"
        return agent(head)
    return Agent(None, False)


def _supposed(verb: Token) -> bool:
    """ "Gunmen *believed* to be members of X attacked …" read with the participle as the main
    verb: a verb of supposition (grammar.yaml) with a subject and "to be" as its complement."""
    return (
        verb.lemma_.lower() in grammar().supposition_verbs
        and any(c.dep_ == "nsubj" for c in verb.children)
        and any(c.dep_ == "xcomp" and c.lemma_ == "be" for c in verb.children)
    )


def _participle_agent(verb: Token, prep: Token) -> Token | None:
    """The people a participle describes, in a passive's "by" phrase the parser read as a
    gerund with an object: "was interrupted by protesting legislators", "were met by striking
    workers" (a bare plural right after the participle; "by storming the gates" has a
    determiner and stays a gerund)."""
    passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in prep.head.children)
    if prep.lower_ != "by" or not passive:
        return None
    people = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if people is None or people.i != verb.i + 1 or people.tag_ not in {"NNS", "NNPS"}:
        return None
    return None if any(c.dep_ in {"det", "poss", "nummod"} for c in people.children) else people


def _gerund_controller(prep: Token) -> Token | None:
    """Who does the gerund a preposition brings to a verb: the verb's object ("accused Moscow
    of shelling the plant", "blamed the army for killing them"; the parser may hang the
    preposition on that object), or the subject of a passive ("the rebels were accused of
    massacring civilians", "two men were arrested for looting"), or the noun a past participle
    modifies ("a man suspected of killing two traders")."""
    governor = prep.head
    if prep.dep_ == "agent" or prep.lower_ == "by":
        return None  # "was interrupted by protesting legislators": the passive's agent
    if governor.pos_ in _NOMINAL_POS and governor.dep_ == "dobj" and governor.i < prep.i:
        return governor
    if governor.pos_ != "VERB":
        return None
    if governor.dep_ == "acl" and governor.tag_ == "VBN" and governor.head.pos_ in _NOMINAL_POS:
        return governor.head  # "a man suspected of killing two traders", "militants accused of"
    controller = next((c for c in governor.children if c.dep_ == "dobj"), None)
    if controller is None and any(c.dep_ == "auxpass" for c in governor.children):
        controller = next((c for c in governor.children if c.dep_ == "nsubjpass"), None)
    return controller


def gerund_object(verb: Token) -> Token | None:
    """The object of a gerund the parser took for an adjective of it: in "accused of
    massacring civilians" the small model hangs "massacring" on "civilians". A present
    participle right after a preposition of a verb, modifying the preposition's object, is a
    gerund with that object ("protesting legislators" stays a participle: no preposition)."""
    head = verb.head
    if verb.tag_ != "VBG" or verb.dep_ != "amod" or head.dep_ != "pobj" or head.i <= verb.i:
        return None
    prep = head.head
    if prep.i != verb.i - 1 or prep.head.pos_ not in {"VERB", *_NOMINAL_POS}:
        return None
    return head if _gerund_controller(prep) is not None else None


def speaker(verb: Token, skip: Callable[[Token], bool] | None = None) -> Token | None:
    """The mention that speaks through a reporting verb; "X welcomed ..., saying ..." climbs to X.

    It differs from ``agent`` where reporting differs from acting: a participle ("..., saying
    ...", "a statement saying ...") climbs past content clauses to the main clause (up to ten
    heads; other verbs six, stopping at a content or relative clause); a passive is known by
    its auxiliary too, and its speaker is the "by" object or nobody, unless the climb came
    through a conjunct that shares a named subject ("X was asked ... and told ...").
    ``skip`` marks clauses whose subject cannot be the speaker (quoted words).
    """
    participle = verb.tag_ == "VBG" and verb.dep_ in {"advcl", "acl", "xcomp", "pcomp"}
    tok = verb
    conjoined = False  # whether the climb came through a conjunct
    for _ in range(10 if participle else 6):
        passed = skip is not None and tok is not verb and skip(tok)
        if not passed and any(c.dep_ in {"auxpass", "nsubjpass"} for c in tok.children):
            by = next((c for c in tok.children if c.dep_ == "agent"), None)
            if by is not None:
                return next((g for g in by.children if g.dep_ == "pobj"), None)
            shared = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
            if conjoined and shared is not None and _names_someone(shared):
                # "X was not asked to plead and spoke only to tell the judge ...": the verbs
                # share their subject, so the passive's subject speaks when it names someone
                # ("how elections are financed and vowed to ...": no speaker).
                return shared
            return None
        if not passed:
            for child in tok.children:
                if child.dep_ == "nsubj":
                    return child
        if tok.head.i == tok.i or tok.dep_ == "ROOT":
            return None
        if tok.dep_ in {"ccomp", "relcl"} and not participle and not passed:
            return None
        conjoined = conjoined or tok.dep_ == "conj"
        tok = tok.head
    return None


def reporting_subject(pron: Token) -> Token | None:
    """In "X said it had captured ...", "it" most likely refers to X, the reporting subject.

    Only for a personal subject pronoun (or the possessive of the subject: "X said *its*
    fighters had ...") of a content clause (``ccomp``) whose governing verb
    has a subject that is no pronoun, or of the content clause of a noun whose owner a name
    gives ("the rebels' claim that they had ...").
    """
    holder = pron
    if pron.dep_ == "poss" and pron.lower_ in _OBLIQUE_PRONOUNS and pron.head.dep_ == "nsubj":
        holder = pron.head  # "the army said *its* troops had ...": the subject it owns
    elif not pron.dep_.startswith("nsubj") or pron.lower_ not in PERSONAL_SUBJECT_PRONOUNS:
        return None
    clause = holder.head
    if clause.dep_ in {"acl", "ccomp"} and clause.head.pos_ == "NOUN":
        # "the rebels' claim that they had ...": they are the rebels
        return owner_mention(clause.head)
    if clause.dep_ != "ccomp" or clause.head.i == clause.i:
        return None
    if pron.lower_ not in grammar().first_person_pronouns and _quoted_apart(pron, clause.head):
        # '"He fired at the attacker," the spokesman said': in a speaker's own words he is
        # someone else ("I" and "we" are the speaker)
        return None
    subj = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.i > pron.i and pron.lower_ not in grammar().first_person_pronouns:
        # "His arrest followed complaints, a police spokesman said": a source told after what
        # it says is no one its pronouns referred back to
        return None
    return subj if subj is not None and subj.i != holder.i and subj.pos_ != "PRON" else None


def _quoted_apart(pron: Token, verb: Token) -> bool:
    """A quotation mark stands between the pronoun and the verb that reports it: the pronoun
    is in the speaker's own words, not in indirect speech ("X said he would ...")."""
    low, high = sorted((pron.i, verb.i))
    return any(t.is_quote for t in pron.doc[low + 1 : high])


def _names_someone(tok: Token) -> bool:
    """A proper name or a pronoun, or a capitalised word inside a sentence (the model may tag
    a name a common noun)."""
    return tok.pos_ in {"PROPN", "PRON"} or (tok.text[:1].isupper() and not tok.is_sent_start)


def owner_mention(noun: Token) -> Token | None:
    """Whose words a noun names when a noun says so: "the rebels' claim", "the Taliban claim",
    "a claim by the rebels"; a pronoun owner ("their claim") is left to the pronoun's own
    reading."""
    # The nearest of the noun's modifiers: "the weather office report" is the office's.
    for child in reversed(list(noun.lefts)):
        if child.dep_ in {"compound", "poss"} and child.pos_ in {"NOUN", "PROPN"}:
            return child
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in SOURCE_PREPS:
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None and pobj.pos_ in {"NOUN", "PROPN"}:
                return pobj
    return None


def two_sides(pobj: Token) -> tuple[Token, Token | None]:
    """The two parties the object of "between" names: the object and its conjunct ("between
    the army and the rebels"), or, where the parser hung the "and" inside a modifier of the
    object ("between the army and M23 rebels" read as [the army and M23] rebels), that
    modifier and its conjunct."""
    conj = next((g for g in pobj.children if g.dep_ == "conj"), None)
    if conj is not None:
        return pobj, conj
    for left in pobj.lefts:
        if left.dep_ not in {"nmod", "compound", "amod"}:
            continue
        inner = next((g for g in left.children if g.dep_ == "conj"), None)
        if inner is not None and any(g.dep_ == "cc" for g in left.children):
            return left, inner
    return pobj, None


def token_runs(doc: Doc, inside: Callable[[Token], bool]) -> list[tuple[int, int]]:
    """The maximal runs of consecutive tokens for which ``inside`` holds, as [start, end)
    token ranges in document order (runs of unlabelled proper nouns, say)."""
    runs: list[tuple[int, int]] = []
    start = None
    for token in doc:
        if inside(token):
            if start is None:
                start = token.i
        elif start is not None:
            runs.append((start, token.i))
            start = None
    if start is not None:
        runs.append((start, len(doc)))
    return runs


def phrase_anchor(
    tok: Token, climb: Collection[str], levels: int, subject_verbs: Collection[str]
) -> tuple[Token, Token | None] | None:
    """The verb a prepositional phrase whose object is ``tok`` hangs on, through the nouns of
    further prepositional phrases ("said at a news conference in X" → said), with None; or,
    when the phrase hangs on the subject of a verb of ``subject_verbs`` ("officials in Nairobi
    said"), that verb and the subject. None when the phrase hangs on a noun in another role.
    ``climb``: the dependencies climbed from a word to the head of its noun phrase first."""
    for _ in range(levels):
        while tok.dep_ in climb and tok.head.i != tok.i:
            tok = tok.head
        if tok.dep_ != "pobj" or tok.head.dep_ != "prep":
            return None
        head = tok.head.head
        if head.pos_ in {"VERB", "AUX"}:
            return head, None
        if head.dep_ == "nsubj" and head.head.lemma_.lower() in subject_verbs:
            return head.head, head
        tok = head
    return None


__all__ = [
    "NP_DEPS",
    "PERSONAL_SUBJECT_PRONOUNS",
    "SOURCE_PREPS",
    "SUBJECT_DEPS",
    "Agent",
    "agent",
    "gerund_object",
    "governors",
    "mention_span",
    "np_tokens",
    "np_tokens_by_closeness",
    "owner_mention",
    "phrase_anchor",
    "reporting_subject",
    "speaker",
    "subject",
    "token_runs",
    "two_sides",
]
