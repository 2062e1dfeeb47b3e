"""Finding the actor a noun phrase refers to, for the events and claims stages.

``DocIndex`` carries what the earlier stages found, keyed by token index, so that this logic stays
pure and can run on hand-built ``Doc`` objects.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from sitroom.lang.vocabulary.grammar import grammar
from sitroom.model import TimeSpan
from sitroom.sentences import sentence_of

_NP_DEPS = {"compound", "poss", "amod", "nmod", "appos", "det", "nummod", "conj"}
_SOURCE_PREPS = {"of", "by", "from"}
_WORDS = grammar()
_PERSONAL = _WORDS.subject_pronouns
# "anti-Taliban forces", "pro-Russian separatists", "non-Hamas factions" are not the named actor.
_OPPOSING_PREFIXES = _WORDS.opposing_prefixes
_RESOLVABLE = _PERSONAL | _WORDS.oblique_pronouns
_FIRST_PERSON = _WORDS.first_person_pronouns
PERSON_PRONOUNS = _WORDS.person_pronouns
# Words that refer back to a group: its pronouns and nouns like "the group", "the rebels".
GROUP_WORDS = _WORDS.group_pronouns | _WORDS.group_anaphors


@dataclass(frozen=True)
class DocIndex:
    """What the other stages found, by token index."""

    entity_at: Mapping[int, str]
    entity_label: Mapping[str, str]
    entity_name: Mapping[str, str]
    entity_type: Mapping[str, str | None]
    place_at: Mapping[int, str]
    place_kind: Mapping[str, str]
    times: Sequence[tuple[int, int, TimeSpan]]
    published: dt.date | None
    # The article's focus place (most mentioned, below country level), if it has a clear one.
    focus_place: str | None = None
    # Tokens of place mentions that act as agents ("Kabul denied"): actors, not locations.
    metonym_at: frozenset[int] = frozenset()

    def location_at(self, i: int) -> str | None:
        """The place token ``i`` names as a location, if any."""
        return None if i in self.metonym_at else self.place_at.get(i)


def np_tokens(head: Token, preps: set[str] | None = None) -> list[Token]:
    """Tokens of a noun phrase without its relative clauses; follows "of" (or given) preps."""
    follow = {"of"} if preps is None else preps
    out = [head]
    for child in head.children:
        if child.dep_ in _NP_DEPS:
            out.extend(np_tokens(child, follow))
        elif child.dep_ == "prep" and child.lower_ in follow:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    out.extend(np_tokens(pobj, follow))
    return out


def _ranked_np(head: Token, preps: set[str], depth: int) -> list[tuple[int, int, int, Token]]:
    """``np_tokens`` as (depth in the tree, modifier or not, distance, token) for sorting."""
    modifier = int(head.dep_ in {"compound", "amod", "nmod", "poss"})
    out = [(depth, modifier, head.i, head)]
    for child in head.children:
        if child.dep_ in _NP_DEPS:
            out.extend(_ranked_np(child, preps, depth + 1))
        elif child.dep_ == "prep" and child.lower_ in preps:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    out.extend(_ranked_np(pobj, preps, depth + 1))
    return out


def pobj_tokens(prep: Token) -> list[Token]:
    return [t for c in prep.children if c.dep_ == "pobj" for t in np_tokens(c)]


def antecedent(
    pron: Token, index: DocIndex, *, subjects_only: bool = False, sentences: int = 1
) -> str | None:
    """The nearest preceding actor of the right kind in this or the previous sentence(s).

    ``subjects_only`` keeps only actors that are (in) a subject; ``sentences`` is how many
    sentences before the pronoun's own are searched.
    """
    want_person = pron.lower_ in PERSON_PRONOUNS
    floor = sentence_of(pron).start
    for _ in range(sentences):
        if floor > 0:
            floor = sentence_of(pron.doc[floor - 1]).start
    candidates: list[tuple[int, str]] = []
    for i in range(pron.i - 1, floor - 1, -1):
        ent = index.entity_at.get(i)
        if ent is None or _prefixed_away(pron.doc[i]):
            continue
        label = index.entity_label.get(ent)
        if label == "NORP" or want_person != (label == "PERSON"):
            continue
        tok = pron.doc[i]
        # Subjects are the likeliest antecedents ("The Taliban say ... The group says ...").
        is_subject = tok.dep_.startswith("nsubj") or tok.head.dep_.startswith("nsubj")
        if subjects_only and not is_subject:
            continue
        candidates.append((0 if is_subject else 1, ent))
    return min(candidates, key=lambda c: c[0])[1] if candidates else None


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
        index.entity_at.get(t.i) == found and _prefixed_away(t) for t in np_tokens(head)
    ):
        return None
    return found


def _entity_for(head: Token, index: DocIndex, *, sources: bool) -> str | None:
    if head.i in index.entity_at:
        return None if _prefixed_away(head) else index.entity_at[head.i]
    if sources:
        ranked = [t for _, _, _, t in sorted(_ranked_np(head, _SOURCE_PREPS, 0))]
    else:
        ranked = sorted(np_tokens(head), key=lambda t: abs(t.i - head.i))
    for tok in ranked:
        if tok.i in index.entity_at and not _prefixed_away(tok):
            return index.entity_at[tok.i]
    if head.pos_ == "PRON":
        if head.lower_ not in _RESOLVABLE:
            return None  # "some", "others", "all": quantifiers, not references
        reporter = reporting_subject(head)
        if reporter is not None and (found := entity_for(reporter, index)) is not None:
            return found
        if head.lower_ in _FIRST_PERSON:
            return None  # the speaker's side, which an earlier name in the text rarely is
        return antecedent(head, index)
    if head.lower_ in GROUP_WORDS and any(
        c.lower_ in {"the", "this", "that"} for c in head.children
    ):
        return _named_by_head(head, index) or antecedent(head, index)
    return None


def _prefixed_away(tok: Token) -> bool:
    """The token is the X of "anti-X" or "pro-X", whether tokenised as one word or three."""
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "-":
        return doc[tok.i - 2].lower_ in _OPPOSING_PREFIXES
    prefix, dash, _ = tok.lower_.partition("-")
    return bool(dash) and prefix in _OPPOSING_PREFIXES


def reporting_subject(pron: Token) -> Token | None:
    """In "X said it had captured ...", "it" most likely refers to X, the reporting subject."""
    if not pron.dep_.startswith("nsubj") or pron.lower_ not in _PERSONAL:
        return None
    clause = pron.head
    if clause.dep_ != "ccomp" or clause.head.i == clause.i:
        return None
    subj = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
    return subj if subj is not None and subj.i != pron.i and subj.pos_ != "PRON" else None


def _named_by_head(noun: Token, index: DocIndex) -> str | None:
    """ "The front" → the last organisation mentioned whose name ends in "Front"."""
    seen: set[str] = set()
    for i in range(noun.i - 1, -1, -1):
        ent = index.entity_at.get(i)
        if ent is None or ent in seen or _prefixed_away(noun.doc[i]):
            continue
        seen.add(ent)
        words = index.entity_name.get(ent, "").lower().split()
        if words and words[-1] in {noun.lower_, noun.lemma_.lower()}:
            return ent
    return None


def mention_span(head: Token) -> tuple[int, int]:
    toks = np_tokens(head, _SOURCE_PREPS)
    start = min(t.idx for t in toks)
    end = max(t.idx + len(t) for t in toks)
    return start, end


__all__ = [
    "DocIndex",
    "antecedent",
    "entity_for",
    "mention_span",
    "np_tokens",
    "pobj_tokens",
    "reporting_subject",
]
