"""The body or person a named speaker's role names: "An army commander, General Paul Mbala",
"a police spokesman, Ali Khan", "His lawyer, Warren Gotcher". A person the actors stage gave no
affiliation still speaks for the body his role noun is compounded with, when the article names
that body (the last actor before him whose name holds the word, or the actor the word itself
is), and an advocate for the owner of his noun ("his lawyer": the client): so two officials of
one body, or a defendant and his lawyer, are one side, whose different details are no dispute.
The role nouns are ``person_cues`` (``data/roles.yaml``), ``member_nouns`` and
``advocate_nouns`` (``data/reporting.yaml``)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping, Sequence
from functools import cache

from spacy.tokens import Token

from sitroom.lang.docindex import DocIndex
from sitroom.lang.reference import antecedent
from sitroom.lang.sides import side_key
from sitroom.lang.syntax import np_tokens
from sitroom.lang.vocabulary import load_vocabulary
from sitroom.lang.vocabulary.actors import RolesVocabulary
from sitroom.lang.vocabulary.reporting import ReportingVocabulary
from sitroom.model import Claim

_ORGANISATION = "ORG"  # the entity label of an organisation


@cache
def _roles() -> frozenset[str]:
    """Role nouns of a person who speaks for a body: ``person_cues`` and ``member_nouns``."""
    return (
        load_vocabulary(RolesVocabulary).person_cues
        | load_vocabulary(ReportingVocabulary).member_nouns
    )


@cache
def _advocates() -> frozenset[str]:
    return load_vocabulary(ReportingVocabulary).advocate_nouns


def _owner(noun: Token, index: DocIndex) -> str | None:
    """Whom an advocate noun is of: its possessive, by name or by pronoun ("his lawyer")."""
    for child in noun.children:
        if child.dep_ != "poss":
            continue
        if child.pos_ == "PRON":
            return antecedent(child, index, subjects_only=True)
        return _named_before(child, index)
    return None


def _named_before(word: Token, index: DocIndex) -> str | None:
    """The actor ``word`` is, or the last actor before it whose name holds the word."""
    if (found := index.entity_at.get(word.i)) is not None:
        return found
    return last_name_holding(word, index)


def last_name_holding(word: Token, index: DocIndex) -> str | None:
    """The last actor before ``word`` whose name holds it ("the ministry" → the Health
    Ministry), by a search of the index rather than a walk back."""
    last = -1
    for form in {word.lower_, word.lemma_.lower()}:
        tokens = index.entity_tokens_by_word.get(form, ())
        k = bisect_left(tokens, word.i)
        if k > 0:
            last = max(last, tokens[k - 1])
    return index.entity_at[last] if last >= 0 else None


def role_body(head: Token | None, index: DocIndex, own: str) -> str | None:
    """The body named by a noun compounded with the role noun of the mention ``head`` heads
    ("army" of "an army commander"), or the owner of its advocate or role noun ("his lawyer",
    "its director"), other than the speaker ``own`` himself."""
    if head is None:
        return None
    roles, advocates = _roles(), _advocates()
    # The role may be given at another mention of him ("His lawyer, Warren Gotcher, said ...
    # Gotcher said ..."): the words around each of his names, this mention's first.
    heads = [head] + [
        t.head if t.dep_ in {"appos", "compound", "flat"} else t
        for i, found in sorted(index.entity_at.items())
        if found == own and (t := head.doc[i]).i != head.i
    ]
    tokens = [tok for h in heads for tok in np_tokens(h, ())]
    for tok in tokens:
        lemma = tok.lemma_.lower()
        if lemma in advocates and (client := _owner(tok, index)) not in (None, own):
            return client
        if lemma not in roles:
            continue
        # "its director", "the group's commander": the organisation the role is of (not a
        # country, which a pronoun may stand for wrongly: "Amnesty International Kenya ...
        # its director")
        owner = _owner(tok, index)
        if owner not in (None, own) and index.entity_label.get(owner or "") == _ORGANISATION:
            return owner
        for child in tok.children:
            if child.dep_ != "compound" or child.pos_ not in {"NOUN", "PROPN"}:
                continue
            found = _named_before(child, index)
            if found is not None and found != own:
                return found
    return None


@cache
def _bodies() -> frozenset[str]:
    return load_vocabulary(ReportingVocabulary).body_nouns


def _words(name: str) -> list[str]:
    return name.casefold().replace("'s", " ").replace("’s", " ").split()


def _qualifier(text: str, body: str) -> str:
    """The words before a body noun in a claimant's own words ("sudan" of "Sudan's army
    spokesman"), without an article."""
    words = _words(text)
    if body not in words:
        return ""
    before = [w for w in words[: words.index(body)] if w not in {"the", "a", "an"}]
    return " ".join(before)


def bare_bodies(claims: Sequence[Claim], names: Mapping[str, str]) -> list[Claim]:
    """``claims`` where a side named by a body noun alone ("Army") is the side its claimant's
    own words qualify it by ("Sudan's army spokesman": Sudan, when a claimant of the article
    speaks for Sudan), or else, unqualified ("Army spokesman Issa Mahamat"), the side of the
    one claimant of the article named by that body with its country or people ("Chad's army"):
    one army, one side. Where two bodies of that noun speak ("Armenia's army", "Azerbaijan's
    army"), the bare one stays unknown to either."""
    bodies = _bodies()
    by_key = {side_key(names[s]): s for c in claims if (s := c.side) is not None and s in names}
    full: dict[str, set[str]] = {}
    for claim in claims:
        # in its own words ("Chad's army"), which name the body its side may not ("Chad")
        words = _words(claim.claimant_text or names.get(claim.claimant or "") or "")
        if len(words) > 1 and words[-1] in bodies and claim.side is not None:
            full.setdefault(words[-1], set()).add(claim.side)
    found: list[set[str] | None] = []
    by_claimant: dict[str, set[str]] = {}  # what one naming of a claimant tells of all ("He")
    for claim in claims:
        words = [w for w in _words(names.get(claim.side or "", "")) if w != "the"]
        sides: set[str] | None = None
        if len(words) == 1 and words[0] in bodies:
            qualifier = _qualifier(claim.claimant_text or "", words[0])
            if qualifier:
                sides = {by_key[k]} if (k := side_key(qualifier)) in by_key else set()
                if sides and claim.claimant is not None:
                    by_claimant.setdefault(claim.claimant, sides)
            else:
                sides = full.get(words[0], set())
        found.append(sides)
    out = []
    for claim, sides in zip(claims, found, strict=True):
        if sides is not None:
            sides = by_claimant.get(claim.claimant or "", sides)
            if len(sides) == 1 and claim.side not in sides:
                claim = claim.model_copy(update={"side": next(iter(sides))})
        out.append(claim)
    return out


__all__ = [
    "bare_bodies",
    "last_name_holding",
    "role_body",
]
