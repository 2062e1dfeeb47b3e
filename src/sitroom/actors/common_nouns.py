"""Actors named by common nouns: groups ("the army", "rebels") and unnamed people ("a man",
"two women", "the gunman").

Both are found on the parse alone. A group word names one actor per document (all "the army"
mentions are one army); an unnamed person is an actor only where a clause makes it one of its
arguments ("police arrested *two men*", "*the gunman* fled"), and it is never a name: it stays
out of the document's entity spans and out of the corpus-wide actor registry.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from sitroom.lang.syntax import np_tokens
from sitroom.lang.vocabulary.actors import RolesVocabulary
from sitroom.lang.vocabulary.grammar import grammar
from sitroom.model import ActorType

# Where a noun phrase takes part in a clause: subject, object, object of a preposition, owner
# ("the army's offensive"), or coordinated with or in apposition to one of them.
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss", "conj", "appos"})
_OWNER_DEPS = frozenset({"compound", "poss"})


class CommonNounActor(NamedTuple):
    start: int
    end: int
    # The generic phrase ("security forces") or, for an unnamed person, the head word ("men").
    key: str
    person: bool
    actor_type: ActorType
    # "a man", "two women", "another man": someone not mentioned before (a new actor); "the
    # man" refers back to the last one.
    new: bool = False


def _owned(
    head: Token,
    taken: set[int],
    allegiance: frozenset[str],
    named: Collection[int] | None = None,
    phrase: range = range(0),
    pronouns: bool = True,
) -> bool:
    """ "NDRF fighters", "his fighters", "fighters of the NDRF", "militants loyal to the NDRF":
    the named owner is the actor, not the common noun. With ``named`` (the tokens of names
    that are actors), a tagged name that is none owns nothing: a place ("Kachin rebels", "the
    Tripoli government", "fighters loyal to the Tripoli government") says where they are. The
    words of the generic ``phrase`` itself own nothing ("Riot police" at a sentence's start);
    without ``pronouns`` a possessive pronoun owns nothing ("his supporters" are people of
    their own)."""
    owners = taken if named is None else {i for i in taken if i in named}

    def owner(c: Token) -> bool:
        # an untagged proper noun ("NDRF fighters") is taken for a name
        if c.i in phrase:
            return False
        if c.pos_ == "PRON":
            return pronouns
        return c.i in owners or (c.pos_ == "PROPN" and c.i not in taken)

    return (
        any(c.dep_ in _OWNER_DEPS and owner(c) for c in head.children)
        # the owner's own noun phrase, not what a clause on it names ("the crew of a boat
        # carrying migrants off Lesbos": the crew are the crew)
        or any(
            t.i in owners
            for c in head.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children
            if p.dep_ == "pobj"
            for t in np_tokens(p)
        )
        or any(
            c.dep_ in {"amod", "acl"}
            and c.lemma_.lower() in allegiance
            and any(g.i in owners for g in c.subtree)
            for c in head.children
        )
    )


def generic_at(
    doc: Doc,
    i: int,
    taken: set[int],
    roles: RolesVocabulary,
    first_words: set[str],
    named: Collection[int] | None = None,
) -> CommonNounActor | None:
    """An actor named by a group noun starting at token ``i``: "the army", "security forces"."""
    if doc[i].lower_ not in first_words and doc[i].lower_ + "s" not in first_words:
        return None
    for n in (2, 1):
        span = doc[i : i + n]
        if len(span) < n or any(t.i in taken for t in span):
            continue
        words = tuple(t.lower_ for t in span)
        if n == 1 and words not in roles.generic_actors and span[0].dep_ == "compound":
            # "rebel positions", "a militant hideout": a noun in front of another is singular
            words = (words[0] + "s",)
        # A capitalised first word may be tagged as a name ("Rebels attacked ...").
        initial = span[0].is_sent_start and span[-1].pos_ == "PROPN"
        # a lower-case word the model tagged a proper noun is none ("army spokesman X")
        common = span[-1].pos_ == "NOUN" or (span[-1].pos_ == "PROPN" and span[-1].is_lower)
        # "a military base", "a junta outpost": the owner in front of a unit may be read as
        # an adjective, and is the unit's owner all the same
        common = common or _owns_unit(span[-1], roles)
        if words not in roles.generic_actors or not (common or initial):
            continue
        head = span[-1]
        # "between the army and M23 rebels": the parser may hang "the army and M23" on the
        # last noun; a modifier with a conjunct of its own is a party coordinated with it.
        coordinated = head.dep_ in {"nmod", "compound"} and {"cc", "conj"} <= {
            c.dep_ for c in head.children
        }
        if (
            head.dep_ not in _ARGUMENT_DEPS | {"compound"}
            and not coordinated
            and not _owns_unit(head, roles)
        ):
            return None
        if (
            head.dep_ in {"compound", "amod"}
            and not coordinated
            and (
                head.head.lemma_.lower() not in roles.unit_nouns
                or head.lower_ in roles.kind_modifiers
            )
        ):
            # "army garrison": the unit's owner; not "Army Colonel X"/"army soldiers", nor the
            # kind of a machine ("a fighter jet")
            return None
        if any(
            c.dep_ == "det" and c.lower_ in grammar().indefinite_determiners for c in head.children
        ):
            return None  # "a new government" names no particular actor
        if _owned(head, taken, roles.allegiance_words, named, range(span.start, span.end)):
            return None
        phrase = " ".join(words)
        return CommonNounActor(span.start, span.end, phrase, False, roles.generic_actors[words])
    return None


def names_armed_group(tok: Token, roles: RolesVocabulary, first_words: Collection[str]) -> bool:
    """An untagged proper noun right in front of a noun of an armed group ("Fano fighters",
    "the Wazalendo militias": ``roles.yaml``'s ``generic_actors`` of that type) is the group's
    name, and the fighters are its own; a word that opens a group noun itself ("Rebel fighters"
    at a sentence's start) or says what kind a machine is names none."""
    head = tok.head
    return (
        tok.pos_ == "PROPN"
        and tok.dep_ == "compound"
        and head.i == tok.i + 1
        and head.pos_ == "NOUN"
        and roles.generic_actors.get((head.lower_,)) == "armed_group"
        and tok.lower_ not in first_words
        and tok.lower_ + "s" not in first_words
        and tok.lower_ not in roles.kind_modifiers
    )


# Labels of the model's entities that are amounts or times, never a group's name.
_AMOUNT_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})


def names_group(
    ent: Span, roles: RolesVocabulary, first_words: Collection[str], group_nouns: Collection[str]
) -> bool:
    """A name the model tagged as something else right in front of a noun of an armed group
    (``names_armed_group``) or of a group named after it (``group_nouns``: toponyms.yaml's
    ``group_name_nouns``): "the rival Nyatura gang" (a place it cannot find), "the 400 Mawozo
    gang" (a person), "Fano fighters" tagged a nationality: the group's own name."""
    last = ent[-1]
    if ent.label_ in _AMOUNT_LABELS or last.pos_ != "PROPN" or last.dep_ != "compound":
        return False
    head = last.head
    return head.i == last.i + 1 and (
        head.lower_ in group_nouns or names_armed_group(last, roles, first_words)
    )


def _names_in_apposition(
    appos: Token, names: Collection[int], nationalities: Collection[int]
) -> bool:
    """A name in an apposition says who the noun is ("the militant organisation, the Islamic
    State"), but nationalities alone (the tokens of ``nationalities``) say what its people are
    ("two aid workers, a Kenyan and a Somali"): the noun still names them."""
    if appos.dep_ != "appos":
        return False
    named = [g for g in appos.subtree if g.i in names]
    return any(g.i not in nationalities for g in named)


def _owns_unit(word: Token, roles: RolesVocabulary) -> bool:
    """A one-word modifier of a unit noun of ``roles.yaml`` ("an army garrison", "a military
    convoy", "a junta outpost"), which names the unit's owner."""
    return (
        word.dep_ in {"compound", "amod"}
        and word.pos_ in {"NOUN", "ADJ"}
        and word.head.lemma_.lower() in roles.unit_nouns
    )


def opens_generic(doc: Doc, ent: Span, roles: RolesVocabulary) -> bool:
    """The model's entity is the capitalised first word(s) of a longer generic actor phrase at
    a sentence's start ("*Riot* police fired", "*Security* forces opened fire"), or the whole
    of one that the parse reads as a common noun ("*Gunmen* burst into a house", tagged a
    place): no name, but the start of the phrase, which names the actor."""
    if not doc[ent.start].is_sent_start:
        return False
    for phrase in roles.generic_actors:
        end = ent.start + len(phrase)
        whole = end == ent.end and doc[end - 1].pos_ == "NOUN"
        if (
            (ent.end < end or whole)
            and end <= len(doc)
            and tuple(t.lower_ for t in doc[ent.start : end]) == phrase
        ):
            return True
    return False


def institution_at(
    doc: Doc, i: int, taken: set[int], roles: RolesVocabulary
) -> CommonNounActor | None:
    """A body of a state named by a common noun and one word saying which, starting at token
    ``i``: "the forestry department", "the interior ministry", "border guards", or by the
    office-holder whose it is ("the governor's office", "the prosecutor's office")."""
    if i + 1 >= len(doc) or i in taken or i + 1 in taken:
        return None
    modifier, head = doc[i], doc[i + 1]
    if head.dep_ == "case" and i + 2 < len(doc) and i + 2 not in taken:
        return _office_at(doc, i, roles)
    kind = roles.institution_heads.get(head.lower_)
    if kind is None or head.pos_ != "NOUN" or modifier.head.i != head.i:
        return None
    if modifier.dep_ not in {"compound", "amod"} or modifier.pos_ not in {"NOUN", "ADJ"}:
        return None
    if modifier.is_title and not modifier.is_sent_start:
        return None  # "the Foreign Ministry": a name, the model's to find
    if head.dep_ not in _ARGUMENT_DEPS or _owned(head, taken, roles.allegiance_words):
        return None
    det = [c.lower_ for c in head.children if c.dep_ == "det"]
    if det != ["the"] and not (not det and head.tag_ == "NNS"):
        return None  # "a new department", "this ministry" name no particular body
    phrase = f"{modifier.lower_} {head.lower_}"
    return CommonNounActor(i, i + 2, phrase, False, kind)


def _office_at(doc: Doc, i: int, roles: RolesVocabulary) -> CommonNounActor | None:
    """ "the governor's office banned …": an office-holder's body (roles.yaml's
    `holder_bodies`) owned by the holder's role noun with "the", the holder being no one named."""
    holder, body = doc[i], doc[i + 2]
    kind = roles.holder_bodies.get(body.lower_)
    if kind is None or body.pos_ != "NOUN" or holder.head.i != body.i or holder.dep_ != "poss":
        return None
    holds = (holder.lower_,) in roles.roles or holder.lower_ in roles.institution_heads
    if holder.pos_ != "NOUN" or not holds:
        return None
    if [c.lower_ for c in holder.children] != ["the", "'s"] or body.dep_ not in _ARGUMENT_DEPS:
        return None
    return CommonNounActor(i, i + 3, f"{holder.lower_}'s {body.lower_}", False, kind)


def _joins_gathering(verb: Token, roles: RolesVocabulary) -> bool:
    """ "attended a protest", "joined the rallies": a verb of joining whose object is a
    gathering of protest (roles.yaml ``gathering_verbs``, ``gathering_nouns``)."""
    return verb.lemma_.lower() in roles.gathering_verbs and any(
        c.dep_ == "dobj" and c.lemma_.lower() in roles.gathering_nouns for c in verb.children
    )


def _drawn_by_gathering(crowd: Token, roles: RolesVocabulary) -> bool:
    """ "The march drew thousands", "the rally attracted hundreds": the object of a verb of
    turnout (roles.yaml ``turnout_verbs``) whose subject is a gathering of protest."""
    verb = crowd.head
    return (
        crowd.dep_ == "dobj"
        and verb.lemma_.lower() in roles.turnout_verbs
        and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in roles.gathering_nouns for c in verb.children
        )
    )


def crowd_at(doc: Doc, i: int, taken: set[int], roles: RolesVocabulary) -> CommonNounActor | None:
    """A crowd counted by a number word as the subject of a verb of protest: "thousands
    marched", "tens of thousands rallied" are the document's protesters, and so are those a
    gathering drew ("the march drew thousands")."""
    tok = doc[i]
    if tok.lower_ not in roles.crowd_numbers:
        return None
    protesting = tok.dep_ == "nsubj" and (
        tok.head.lemma_.lower() in roles.protest_crowd_verbs or _joins_gathering(tok.head, roles)
    )
    if not (protesting or _drawn_by_gathering(tok, roles)):
        return None
    start = min((c.i for c in tok.children if c.dep_ == "quantmod"), default=i)
    # The model's CARDINAL on "thousands" names nobody; any other entity there is a name.
    if any(j in taken and doc[j].ent_type_ != "CARDINAL" for j in range(start, i + 1)):
        return None
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return None  # "thousands of Palestinians", "of students": those people are the actor
    return CommonNounActor(start, i + 1, "protesters", False, "protesters")


def _heads_a_place(tok: Token, roles: RolesVocabulary) -> bool:
    """ "a *village* head", "the *district* head": an office noun of roles.yaml's
    ``office_heads`` with a word saying what kind of place it heads, which makes it an office."""
    return tok.lemma_.lower() in roles.office_heads and any(
        c.dep_ in {"compound", "amod"} and c.lemma_.lower() in roles.headed_places
        for c in tok.children
    )


def person_at(
    doc: Doc,
    i: int,
    taken: set[int],
    roles: RolesVocabulary,
    group_words: set[str],
    named: Collection[int] | None = None,
    nationalities: Collection[int] = (),
) -> CommonNounActor | None:
    """An unnamed person or group of people as an argument of a clause: "arrested two men",
    "a man and two women were injured", "the gunman fled", "killed 17 soldiers".

    Unlike a group noun, an indefinite one is an actor too ("a man" is someone in particular).
    A noun owned by a name or by a group ("Taliban fighters", "police officers": the named
    group acts) or modifying another noun is none. A group noun said to be armed ("an armed
    group", "a rebel faction") is an unnamed armed group.
    """
    tok = doc[i]
    lemma = tok.lemma_.lower()
    armed = lemma in roles.armed_group_heads and any(
        c.dep_ in {"amod", "compound"} and c.lemma_.lower() in roles.armed_modifiers
        for c in tok.children
    )
    # "a village head", "the district head": an office named with the place it heads
    heads = roles.office_heads.get(lemma) if _heads_a_place(tok, roles) else None
    if tok.pos_ != "NOUN" or i in taken or not (lemma in roles.unnamed_people or armed or heads):
        return None
    # A place that is no actor leaves a group its own actor ("Donetsk separatists"), not one
    # person: "an Oklahoma man" is told by name later, and stays for that name to act.
    # A place in front of a court says where it sits ("a Moscow court"), not whose it is.
    # Nor does a place own an office-holder ("the mayor of Kidal"): it is where the office is.
    placed = lemma in roles.seated_bodies or lemma in roles.office_holders
    owners = named if tok.tag_ in {"NNS", "NNPS"} or placed else None
    # "his fighters" are the forces of the group he speaks for, but "his supporters", "their
    # relatives" (civilians) are people of their own beside him.
    forces = armed or (heads or roles.unnamed_people[lemma]) != "civilians"
    if tok.dep_ not in _ARGUMENT_DEPS or _owned(
        tok, taken, roles.allegiance_words, owners, pronouns=forces
    ):
        return None
    if any(c.dep_ == "compound" and c.lower_ in group_words for c in tok.children):
        return None
    # Names, not numbers or dates the model tagged ("a third officer", "a 14-year-old boy")
    names = taken if named is None else named
    if any(c.dep_ == "amod" and c.i in names for c in tok.children):
        return None  # "Palestinian detainees": the named people are the actor
    if any(_names_in_apposition(c, names, nationalities) for c in tok.children):
        return None  # "the militant organisation, the Islamic State, …": the name acts
    definite = any(
        (c.dep_ == "det" and c.lower_ not in grammar().indefinite_determiners) or c.dep_ == "poss"
        for c in tok.children
    )
    if (
        armed
        and definite
        and tok.lower_ in grammar().group_anaphors
        and all(c.dep_ in {"det", "amod", "compound"} and c.pos_ != "PROPN" for c in tok.children)
        and tok.head.pos_ != "PROPN"
        and (tok.i + 1 >= len(doc) or doc[tok.i + 1].pos_ != "PROPN")
    ):
        # "the paramilitary group" refers back to the group named before it; not "the
        # militant group al-Shabaab", which names it
        return None
    kind: ActorType = "armed_group" if armed else heads or roles.unnamed_people[lemma]
    # "the governor of Blue Nile state" is someone new even with "the" when a governor of
    # another place was told before; "the governor" alone is the last one told.
    of_a_place = placed and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
    return CommonNounActor(i, i + 1, tok.lower_, True, kind, new=not definite or of_a_place)


__all__ = [
    "CommonNounActor",
    "crowd_at",
    "generic_at",
    "institution_at",
    "names_armed_group",
    "names_group",
    "opens_generic",
    "person_at",
]
