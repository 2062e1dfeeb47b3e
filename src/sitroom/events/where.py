"""Where in a sentence an event's place is named: the finest of the places a noun phrase names,
and the finer place that "Q in P" gives for P."""

from __future__ import annotations

from spacy.tokens import Span, Token

from sitroom.lang.docindex import DocIndex
from sitroom.lang.places import specificity
from sitroom.lang.syntax import np_tokens


def named_first(head: Token) -> list[Token]:
    """The tokens of a noun phrase, the head first, then what its "of" names, then modifiers,
    then its owner: in "the Red Sea port town of Mokha" the town named is more specific than the
    sea that describes it, and in "Spain's Catalonia region" the region than the country that
    has it."""
    tokens = np_tokens(head)
    named = {t.i for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree}
    owner = {t.i for c in head.children if c.dep_ == "poss" for t in c.subtree}
    rest = tokens[1:]
    return [
        head,
        *(t for t in rest if t.i in named),
        *(t for t in rest if t.i not in named and t.i not in owner),
        *(t for t in rest if t.i in owner),
    ]


def finest(places: list[str], index: DocIndex) -> str:
    """The place of the finest kind among those one noun phrase names, of equals the first."""
    return min(places, key=lambda p: specificity(index.place_kind.get(p, "")))


# Dependents through which a noun phrase's words reach its head ("the Jumla and *Diwan* villages",
# "the towns of Tel Hamis and *Tel Birak*").
_UP_TO_HEAD = frozenset({"compound", "amod", "nmod", "conj", "appos"})


def finer_in(place: str, sent: Span, index: DocIndex) -> str:
    """ "Q in P" says that Q lies in P: the event placed in P is at Q, the finer place ("the
    Sadr City district in eastern Baghdad", "near the stadium in Baghdad", "hit the Jumla and
    Diwan villages in Afrin countryside", "the towns of Tel Hamis and Tel Birak, in Qamishli's
    suburbs"). Not where Q is where someone came from ("protesters from Mosul in Baghdad")."""
    for prep in sent:
        if prep.lower_ != "in" or prep.i - sent.start < 2:
            continue
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        if not any(index.location_at(t.i) == place for o in objects for t in named_first(o)):
            continue
        before = prep.doc[prep.i - 1]
        if before.text == "," and prep.i - sent.start >= 3:
            before = prep.doc[prep.i - 2]
        head = before
        for _ in range(6):
            if head.dep_ in _UP_TO_HEAD and head.head.i != head.i:
                head = head.head
            elif head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ == "NOUN":
                head = head.head.head  # "the towns of X"
            else:
                break
        if head.i >= prep.i or (head.dep_ == "pobj" and head.head.lower_ == "from"):
            continue
        named = [
            q
            for t in named_first(head)
            if (q := index.location_at(t.i)) is not None
            and q != place
            and specificity(index.place_kind.get(q, ""))
            <= specificity(index.place_kind.get(place, ""))
        ]
        if named:
            return finest(named, index)
    return place


def governing_preposition(tok: Token) -> Token | None:
    """The preposition whose object's phrase holds ``tok`` ("into" for "Chad" in "fled into
    Chad", for "Kherson" in "into the city of Kherson"), or None."""
    for _ in range(6):
        while tok.dep_ in _UP_TO_HEAD and tok.head.i != tok.i:
            tok = tok.head
        if tok.dep_ != "pobj":
            return None
        if tok.head.lower_ != "of":
            return tok.head if tok.head.dep_ in {"prep", "agent"} else None
        tok = tok.head.head  # "the city of X": the phrase of "the city"
    return None


__all__ = ["finer_in", "finest", "governing_preposition", "named_first"]
