"""Rival values of two propositions (two counts of one happening that admit no common value),
without spaCy: the store compares the claims of two articles so (``corpus.claims``), and must
load no NLP library. A part is no rival of the whole: a count of some people ("the militia
had lost six fighters"), or one victim told with no count ("a 10-year-old girl was killed"),
may be below a count of people in general ("at least 9 people were killed") without a
contradiction; only a part above the whole is one. ``claims.rivalry`` tells the rest of what
two rival figures of one article must share."""

from __future__ import annotations

from functools import cache

from sitroom.lang.vocabulary import load_vocabulary
from sitroom.lang.vocabulary.reporting import ReportingVocabulary
from sitroom.model import Count, Proposition


@cache
def _cues() -> ReportingVocabulary:
    return load_vocabulary(ReportingVocabulary)


@cache
def _kinds_of_people() -> dict[str, str]:
    """The kind of party each one-word generic actor noun names, by lemma ("rebel", "fighter",
    "insurgent": an armed group; "soldier", "troop": government forces), from ``roles.yaml``'s
    ``generic_actors``: sides count one another's dead by other words."""
    # Imported here, as ``lang.sides`` does: the store must load no NLP library at import.
    from sitroom.lang.vocabulary.actors import RolesVocabulary

    kinds: dict[str, str] = {}
    for words, kind in load_vocabulary(RolesVocabulary).generic_actors.items():
        if len(words) == 1:
            word = words[0]
            kinds[word] = kind
            kinds.setdefault(word.removesuffix("s"), kind)
    return kinds


def party_kind(word: str) -> str | None:
    """The kind of party a generic actor noun names ("troop", "Army": government forces;
    "rebels": an armed group), by ``_kinds_of_people``; None for any other word or name."""
    return _kinds_of_people().get(word.casefold())


def _by_kind(p: Proposition) -> Proposition:
    """``p`` with the counted nouns of people named by kind ("60 rebels" and "two fighters"
    both count an armed group's dead), so that two sides' counts of one kind of people meet."""
    kinds = _kinds_of_people()
    counts = [c.model_copy(update={"what": [kinds.get(w, w) for w in c.what]}) for c in p.counts]
    return p.model_copy(update={"counts": counts})


def _general(count: Count) -> bool:
    return not count.what or bool(set(count.what) & _cues().count_people)


def _part_below_whole(a: Count, b: Count) -> bool:
    """A count of some people below a count of people in general: a part of the whole."""
    if _general(a) == _general(b):
        return False
    whole, part = (a, b) if _general(a) else (b, a)
    return part.high is not None and part.high < whole.low


def _victim_below_toll(p: Proposition, q: Proposition) -> bool:
    """A toll told of a kind of victim with no count of its own ("a 10-year-old girl was
    killed", "a soldier died") below another toll: a part of the whole, as a count of some
    people below a count of people in general is."""
    if p.killed is None or q.killed is None or p.killed == q.killed:
        return False
    low = p if p.killed < q.killed else q
    subject = (low.subject or "").casefold()
    one = low.killed == 1 and not low.counts  # "a girl was killed": one victim, no count
    return one and bool(subject) and subject not in _cues().count_people


def rival_values(p: Proposition, q: Proposition) -> bool:
    """``Proposition.rivals``, except where every pair of counts no value fits is a part below
    its whole ("six fighters" against "at least 9 people"), or one victim's death is below a
    toll ("a girl was killed" against "at least five killed"). Counts of people are compared by
    the kind of party they name ("at least 60 rebels" against "two of its fighters")."""
    p, q = _by_kind(p), _by_kind(q)
    if not p.rivals(q):
        return False
    common = {c.measure for c in p.counts} & {c.measure for c in q.counts}
    if not common:
        return not _victim_below_toll(p, q)
    excluding = [(a, b) for a in p.counts for b in q.counts if a.excludes(b)]
    return any(not _part_below_whole(a, b) for a, b in excluding)


__all__ = ["party_kind", "rival_values"]
