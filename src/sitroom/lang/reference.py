"""What a mention refers to: the actor a noun phrase or a pronoun stands for.

Shared by the events and claims stages; it reads the actors through ``DocIndex``, never through
the actors stage, so that it runs on hand-built ``Doc`` objects.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Token

from sitroom.lang.docindex import DocIndex
from sitroom.lang.sentences import sentence_of
from sitroom.lang.syntax import (
    PERSONAL_SUBJECT_PRONOUNS,
    SOURCE_PREPS,
    np_tokens,
    np_tokens_by_closeness,
    reporting_subject,
    subject,
)
from sitroom.lang.vocabulary.actors import RolesVocabulary
from sitroom.lang.vocabulary.grammar import grammar
from sitroom.lang.vocabulary.loader import load_vocabulary
from sitroom.lang.vocabulary.reporting import ReportingVocabulary

_WORDS = grammar()
# "anti-Taliban forces", "pro-Russian separatists", "non-Hamas factions" are not the named actor.
_OPPOSING_PREFIXES = _WORDS.opposing_prefixes
_RESOLVABLE = PERSONAL_SUBJECT_PRONOUNS | _WORDS.oblique_pronouns
_FIRST_PERSON = _WORDS.first_person_pronouns
_CUES = load_vocabulary(ReportingVocabulary)
_SAYING = _CUES.assert_verbs | _CUES.speech  # verbs whose subject speaks: "said", "told"
PERSON_PRONOUNS = _WORDS.person_pronouns
# Words that refer back to a group: its pronouns and nouns like "the group", "the rebels".
GROUP_WORDS = _WORDS.group_pronouns | _WORDS.group_anaphors
# Relative pronouns and determiners by their Penn tags ("who", "which", "that", "whose").
_RELATIVE_TAGS = frozenset({"WP", "WDT", "WP$"})
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})  # plural nouns, which "he" or "him" cannot refer to
_SINGULAR_GROUP_PRONOUNS = _WORDS.singular_group_pronouns
# Where a noun stands as a thing acted on or located: an object, a preposition's object.
_THING_DEPS = frozenset({"dobj", "pobj", "nsubjpass"})
_POSSESSIVE_TAGS = frozenset({"PRP$", "WP$"})  # "their", "its", "whose"
_ARMED_TYPES = frozenset({"government", "armed_group"})  # kinds of people who bear arms
_RELATIVE_DEPTH = 3  # "who" → its verb → (a clause in between) → the relative clause
_OBJECT_DEPS = frozenset({"dobj", "dative", "pobj"})
# A verb conjoined to another or hanging on one as its complement shares its subject.
_SHARED_SUBJECT = frozenset({"conj", "dep", "xcomp"})
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})  # modifiers that may name an actor
_ASIDE_DEPS = frozenset({"relcl", "acl"})  # clauses that describe a noun, not the story's step


def antecedent(
    pron: Token,
    index: DocIndex,
    *,
    subjects_only: bool = False,
    sentences: int = 1,
    barred: frozenset[str] = frozenset(),
    only: frozenset[str] | None = None,
) -> str | None:
    """The nearest preceding actor of the right kind in this or the previous sentence(s).

    ``subjects_only`` keeps only actors that are (in) a subject; ``sentences`` is how many
    sentences before the pronoun's own are searched; actors of a ``barred`` type are none,
    unless an organisation's name names them; with ``only``, actors of no other type are.
    """
    want_person = pron.lower_ in PERSON_PRONOUNS
    if _thing_before(pron, index):
        return None  # "... the entrance of the base before gunmen stormed it": the base
    if (parallel := _parallel_object(pron, index, want_person)) is not None:
        return parallel  # "dragged the victims from their home and shot them"
    own_subject = _clause_subject(pron, index)
    floor = sentence_of(pron).start
    for _ in range(sentences):
        if floor > 0:
            floor = sentence_of(pron.doc[floor - 1]).start
    candidates: list[tuple[int, str]] = []
    quoted = pron.lower_ not in _FIRST_PERSON and in_quotation(pron)
    for i in range(pron.i - 1, floor - 1, -1):
        ent = index.entity_at.get(i)
        if ent is None and not want_person and _refers_to_group(pron.doc[i]):
            ent = _group_referent(pron.doc[i], index)  # "The group said its fighters ..."
        if ent is None or ent == own_subject or prefixed_away(pron.doc[i]):
            continue
        if quoted and _speaker(pron.doc[i]):
            continue  # 'X said: "... he fired"': in X's own words, he is someone else
        named_group = index.entity_label.get(ent) == "ORG" and _named_by_proper_noun(
            pron.doc[i], ent, index
        )
        if index.entity_type.get(ent) in barred and not named_group:
            continue  # "security forces", a state; not "the Taliban" when they govern
        if only is not None and index.entity_type.get(ent) not in only:
            continue
        label = index.entity_label.get(ent)
        tok = pron.doc[i]
        # "Turkish" (an adjective) is nobody's antecedent; "the Serbs", whether the model calls
        # them a nationality or persons, are a group's ("they", "their").
        people = label in {"NORP", "PERSON"} and tok.tag_ in _PLURAL_TAGS
        if want_person and label != "PERSON" and not _one_person(tok):
            continue
        if not want_person and label in {"PERSON", "NORP"} and not people:
            continue
        if tok.pos_ == "ADJ" and tok.dep_ == "amod":
            continue  # nor is "military" in "the military base": the base's owner, an adjective
        if want_person and tok.tag_ in _PLURAL_TAGS:
            continue  # "the officers shot him": "him" is one person, not the officers
        if pron.lower_ in _SINGULAR_GROUP_PRONOUNS and tok.tag_ == "NNS":
            continue  # "gunmen stormed it": "it" is one thing or one body, not the gunmen
        # Subjects are the likeliest antecedents ("The Taliban say ... The group says ..."),
        # except a source told after what it says ("X attacked the town, residents said. They
        # burned homes": X burned them).
        is_subject = tok.dep_.startswith("nsubj") or tok.head.dep_.startswith("nsubj")
        if subjects_only and not is_subject:
            continue
        if not want_person and tok.dep_ == "conj" and tok.head.i in index.entity_at:
            continue  # "forces and allied militias attacked ... They": the first named
        # A relative clause's subject is no subject of the story ("the men, *whom residents
        # described* as militiamen, dragged the victims out and shot them": not the residents).
        aside = is_subject and tok.dep_.startswith("nsubj") and tok.head.dep_ in _ASIDE_DEPS
        rank = 2 if _trailing_source(tok) else 1 if aside or not is_subject else 0
        candidates.append((rank, ent))
    return min(candidates, key=lambda c: c[0])[1] if candidates else None


_DOUBLE_QUOTES = frozenset({'"', "\u201c", "\u201d", "``", "''"})


def in_quotation(tok: Token) -> bool:
    """The token stands in a direct quotation: an odd number of double quotation marks open
    before it in its paragraph."""
    marks = 0
    for i in range(tok.i - 1, -1, -1):
        before = tok.doc[i]
        if "\n" in before.text or "\n" in before.whitespace_:
            break
        marks += before.text in _DOUBLE_QUOTES
    return marks % 2 == 1


def _speaker(tok: Token) -> bool:
    """The mention is the subject of a verb of saying: whoever speaks, not whom he speaks of."""
    while tok.dep_ in {"compound", "flat", "appos", "punct"} and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "nsubj" and tok.head.lemma_.lower() in _SAYING


def _parallel_object(pron: Token, index: DocIndex, want_person: bool) -> str | None:
    """The object of the verb an object pronoun's verb is conjoined to, when it is an actor of
    the pronoun's number ("gunmen dragged *the victims* out and shot them", "police stopped
    *a man* and searched him"): one subject doing two things to one party."""
    verb = pron.head
    if pron.dep_ != "dobj" or verb.dep_ != "conj" or pron.lower_ in _SINGULAR_GROUP_PRONOUNS:
        return None
    for obj in (c for c in verb.head.children if c.dep_ == "dobj"):
        ent = index.entity_at.get(obj.i)
        if ent is None or (obj.tag_ in _PLURAL_TAGS) == want_person:
            continue
        if want_person and not (index.entity_label.get(ent) == "PERSON" or _one_person(obj)):
            continue
        return ent
    return None


def _thing_before(pron: Token, index: DocIndex) -> bool:
    """An object "it" whose sentence names a singular thing nearer than any actor ("gunmen
    stormed the base and held it"): the thing, which is no actor."""
    if pron.lower_ not in _SINGULAR_GROUP_PRONOUNS or pron.dep_ not in {"dobj", "pobj"}:
        return False
    own_subject = _clause_subject(pron, index)
    for i in range(pron.i - 1, sentence_of(pron).start - 1, -1):
        tok = pron.doc[i]
        if i in index.entity_at and index.entity_at[i] != own_subject:
            return False
        if tok.tag_ == "NN" and tok.dep_ in _THING_DEPS:
            return True
    return False


def _trailing_source(tok: Token) -> bool:
    """The subject of a verb that reports the clause before it: "..., residents said"."""
    verb = tok.head
    return (
        tok.dep_ == "nsubj"
        and verb.i > tok.i
        and any(c.dep_ == "ccomp" and c.i < tok.i for c in verb.children)
    )


def _one_for_many(pron: Token, reporter: Token, found: str, index: DocIndex) -> bool:
    """A group's pronoun does not stand for one person who reports: in "the army's spokesman
    Ali Said said they took the town" they are the army (a person is set aside, never an
    organisation; "it" and "they" are both group pronouns)."""
    return (
        pron.lower_ in _WORDS.group_pronouns | _WORDS.group_possessives
        and index.entity_label.get(found) == "PERSON"
        and reporter.tag_ not in _PLURAL_TAGS
        # "a rebel group said it had carried out the attack": a group noun is the group
        and reporter.lemma_.lower() not in load_vocabulary(RolesVocabulary).armed_group_heads
    )


def _one_person(tok: Token) -> bool:
    """The mention names one unnamed person by a common noun although its actor is a group:
    "a police officer" is the police's, and "he" may refer back to him."""
    head = tok.head if tok.dep_ == "compound" else tok
    people = load_vocabulary(RolesVocabulary).unnamed_people
    return head.tag_ == "NN" and head.lemma_.lower() in people


def _clause_subject(pron: Token, index: DocIndex) -> str | None:
    """The actor an object pronoun cannot stand for: the subject of its own clause, which a
    pronoun other than a reflexive never refers to ("Dvorak called Kovac, then shot her": not
    Dvorak; "arranged to meet her": not who arranged)."""
    verb = pron.head
    if pron.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head  # "shot at her"
    if pron.dep_ not in _OBJECT_DEPS or verb.pos_ != "VERB":
        return None
    found = subject(verb, climb=_SHARED_SUBJECT, levels=_RELATIVE_DEPTH)
    if found is None and verb.dep_ == "advcl" and any(c.tag_ == "TO" for c in verb.children):
        # a purpose clause's doer is its verb's: "police fired tear gas to disperse them"
        found = subject(verb.head, climb=_SHARED_SUBJECT, levels=_RELATIVE_DEPTH)
    return index.entity_at.get(found.i) if found is not None else None


def entity_for(head: Token | None, index: DocIndex, *, sources: bool = False) -> str | None:
    """The entity a noun phrase names: its head, then the nearest entity inside the phrase.

    With ``sources``, "a statement by X" and "a statement from X" lead to X as well, and the
    entity closest to the head in the tree wins ("a statement by NRFA leader Ahmed Massoud" is
    Massoud's), a name in apposition before a modifier ("UN spokesman, Stephane Dujarric").
    An "anti-X" phrase never names X.
    """
    if head is None:
        return None
    found = _entity_for(head, index, sources=sources)
    if found is not None and any(
        index.entity_at.get(t.i) == found and prefixed_away(t) for t in np_tokens(head)
    ):
        return None
    return found


def owner_entity(head: Token, index: DocIndex) -> str | None:
    """The actor the possessive pronoun of a noun phrase stands for: "*their* fighters", "*its*
    forces", "*our* troops" (the speaker's side), "a woman *whose* eye was injured". A named
    person's forces are those of the group he leads or speaks for ("the front's leader said *his*
    forces had retaken the district": the front)."""
    possessive = next((c for c in head.children if c.tag_ in _POSSESSIVE_TAGS), None)
    found = entity_for(possessive, index) if possessive is not None else None
    if found is not None and index.entity_label.get(found) == "PERSON" and _forces(head):
        return index.entity_affiliation.get(found, found)
    return found


def _forces(noun: Token) -> bool:
    """A noun for armed men a leader commands: ``roles.yaml``'s organisation cues ("forces",
    "army") and unnamed people of a state or an armed group ("fighters", "soldiers")."""
    roles = load_vocabulary(RolesVocabulary)
    lemma = noun.lemma_.lower()
    return lemma in roles.org_cues or roles.unnamed_people.get(lemma) in _ARMED_TYPES


def _spoken_for(reporter: Token, index: DocIndex) -> str | None:
    """The group a reporting noun speaks for: the organisation a named person speaks or works
    for ("Army spokesman X", "X, a spokesman for the army": the actors stage's affiliation),
    else its own entity, else that of the object of one of its ``grammar.yaml``
    ``speaking_for_prepositions`` ("a spokesman *for* the army", "an official *of* the
    ministry"), also in apposition to a name the model did not mark ("Ali Said, a spokesman
    for the army")."""
    if reporter.i in index.entity_at:
        own = index.entity_at[reporter.i]
        return index.entity_affiliation.get(own, own)
    nouns = [reporter, *(c for c in reporter.children if c.dep_ == "appos")]
    for prep in (c for noun in nouns for c in noun.children):
        if prep.dep_ == "prep" and prep.lower_ in _WORDS.speaking_for_prepositions:
            for obj in prep.children:
                if obj.dep_ == "pobj" and (found := entity_for(obj, index)) is not None:
                    return found
    return None


def _entity_for(head: Token, index: DocIndex, *, sources: bool) -> str | None:
    if head.i in index.entity_at:
        return None if prefixed_away(head) else index.entity_at[head.i]
    if sources:
        ranked = np_tokens_by_closeness(head, SOURCE_PREPS)
    else:
        ranked = sorted(np_tokens(head), key=lambda t: abs(t.i - head.i))
    for tok in ranked:
        if tok.i in index.entity_at and not prefixed_away(tok):
            return index.entity_at[tok.i]
    if head.tag_ in _RELATIVE_TAGS:
        # "gunmen who stormed ...", "the protesters who were arrested", "whose eye ..."
        noun = relative_antecedent(head)
        if noun is not None and noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
            # "the BLA, a separatist group that has attacked ...": the name the noun describes
            named = entity_for(noun.head, index)
            if named is not None:
                return named
        return entity_for(noun, index) if noun is not None else None
    if head.pos_ == "PRON":
        if head.lower_ not in _RESOLVABLE:
            return None  # "some", "others", "all": quantifiers, not references
        reporter = reporting_subject(head)
        if reporter is not None and head.lower_ in _FIRST_PERSON:
            # "a spokesman for the army said: 'We repelled ...'": whom the reporter speaks for
            side = _spoken_for(reporter, index)
            if side is not None:
                return side
        if reporter is not None and (found := entity_for(reporter, index)) is not None:
            if not _one_for_many(head, reporter, found, index):
                return found
            # The group he speaks for ("X, a spokesman for the army, said they ..."), else his
            # group named before, else the person who speaks for them.
            return index.entity_affiliation.get(found) or antecedent(head, index) or found
        if reporter is not None and head.lower_ in _WORDS.group_pronouns | _WORDS.group_possessives:
            side = _spoken_for(reporter, index)  # "X, a spokesman for the army, said they ..."
            if side is not None:
                return side
        if head.lower_ in _FIRST_PERSON:
            return None  # the speaker's side, which an earlier name in the text rarely is
        return antecedent(head, index)
    if _refers_to_group(head):
        return _group_referent(head, index)
    return None


def sworn_to(head: Token, index: DocIndex) -> str | None:
    """The named leader or group whose members a common noun of armed people are by a word of
    allegiance after it (``roles.yaml``'s ``allegiance_words`` and ``allegiance_types``):
    "fighters *loyal to* General X", "gunmen *linked to* the Islamic State", however the parser
    hangs the word (a modifier, a participle or, in a headline-like clause, the verb)."""
    if head.pos_ not in {"NOUN", "PROPN"}:  # "Militiamen" opening a sentence may be a PROPN
        return None
    roles = load_vocabulary(RolesVocabulary)
    own = index.entity_at.get(head.i)
    if own is not None and index.entity_type.get(own) not in roles.allegiance_types:
        return None  # "protesters loyal to the cleric" still march as protesters
    words = roles.allegiance_words
    ties = [c for c in head.children if c.lemma_.lower() in words or c.lower_ in words]
    if head.dep_ == "nsubj" and (head.head.lemma_.lower() in words or head.head.lower_ in words):
        ties.append(head.head)  # "Gunmen linked to X killed four" parsed with "linked" as root
    for tie in ties:
        for prep in (c for c in tie.children if c.dep_ == "prep"):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                if not any(t.pos_ == "PROPN" for t in pobj.subtree):
                    continue  # "allied with the government": a side, no leader named
                found = entity_for(pobj, index)
                if found is not None and found != own:
                    return found
    return None


def _named_by_proper_noun(tok: Token, ent: str, index: DocIndex) -> bool:
    """The mention of ``ent`` that holds ``tok`` is a proper name, not a body of a state: "the
    Taliban", not "the Somali defence ministry" (the model may tag "ministry" a proper noun, so
    a last word that names a kind of body, ``org_types`` or ``institution_heads`` of
    roles.yaml, makes the mention no proper name)."""
    last = tok.i
    while index.entity_at.get(last + 1) == ent:
        last += 1
    head = tok.doc[last]
    roles = load_vocabulary(RolesVocabulary)
    body = head.lower_ in roles.org_types or head.lower_ in roles.institution_heads
    return head.pos_ == "PROPN" and not body


def _refers_to_group(head: Token) -> bool:
    """A noun that refers back to a group: "the group", "this movement", "the rebels"."""
    return head.lower_ in GROUP_WORDS and any(
        c.lower_ in {"the", "this", "that"} for c in head.children
    )


def _group_referent(head: Token, index: DocIndex) -> str | None:
    """The group "the group" refers to: the last one whose name ends in the noun ("the front"),
    else the nearest group before it in this or the previous sentence that is no state or state
    force, else the nearest armed group a few sentences further back (``roles.yaml``'s
    ``group_anaphor_*``): a report names its group in the lede and calls it "the group" after
    a paragraph about someone else."""
    roles = load_vocabulary(RolesVocabulary)
    barred = roles.group_anaphor_barred_types
    near = _named_by_head(head, index) or antecedent(head, index, barred=barred)
    if near is not None or roles.group_anaphor_reach <= 1:
        return near
    return antecedent(
        head,
        index,
        barred=barred,
        sentences=roles.group_anaphor_reach,
        only=roles.group_anaphor_far_types,
    )


def shared_modifiers(head: Token, index: DocIndex) -> list[str]:
    """The entities of coordinated modifiers that share one head noun, in text order: "Kyrgyz
    and Tajik border guards", "the Turkish and Greek sides", "American and British jets" are
    two parties, each with the noun."""
    for mod in head.children:
        if mod.dep_ not in _MODIFIER_DEPS or not any(c.dep_ == "conj" for c in mod.children):
            continue
        found: list[str] = []
        for tok in sorted((mod, *mod.conjuncts), key=lambda t: t.i):
            entity = index.entity_at.get(tok.i)
            if entity is not None and entity not in found and not prefixed_away(tok):
                found.append(entity)
        if len(found) > 1:
            return found
    return []


def relative_antecedent(pron: Token) -> Token | None:
    """The noun a relative pronoun stands for: the head of its relative clause ("the gunmen
    *who* stormed the village"). A free relative ("what they did") has none."""
    tok = pron
    for _ in range(_RELATIVE_DEPTH):
        if tok.dep_ == "relcl":
            return tok.head
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def prefixed_away(tok: Token) -> bool:
    """The token is the X of "anti-X" or "pro-X", whether tokenised as one word or three."""
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "-":
        return doc[tok.i - 2].lower_ in _OPPOSING_PREFIXES
    prefix, dash, _ = tok.lower_.partition("-")
    return bool(dash) and prefix in _OPPOSING_PREFIXES


def _named_by_head(noun: Token, index: DocIndex) -> str | None:
    """ "The front" → the last organisation mentioned whose name ends in "Front"."""
    last = -1
    for word in {noun.lower_, noun.lemma_.lower()}:
        tokens = index.entity_tokens_by_last_word.get(word, ())
        # The nearest mention before the noun that is not an "anti-X": a search, then a short
        # walk back, so that a long document does not cost a walk over all of it per noun.
        for k in range(bisect.bisect_left(tokens, noun.i) - 1, -1, -1):
            if not prefixed_away(noun.doc[tokens[k]]):
                last = max(last, tokens[k])
                break
    return index.entity_at[last] if last >= 0 else None


__all__ = [
    "GROUP_WORDS",
    "PERSON_PRONOUNS",
    "antecedent",
    "entity_for",
    "in_quotation",
    "owner_entity",
    "prefixed_away",
    "relative_antecedent",
    "shared_modifiers",
]
