"""Whether an account and a denial that name a happening by other words are about one
happening all the same: "the rebels said they had shelled the base" and "the army said the
base had not been attacked" do the deed to one thing; "the army said no such attack took
place" refers back to the happening told before it.

``contradictions._two_happenings`` tells two happenings of one family apart by their words
when the events stage linked them to two events of two types; these are the ties that words
other than the verb still give:

- **one target**: what the deed was done to, the object of a verb or its passive subject,
  is one noun in both ("shelled the base" / "the base was not attacked"), named definitely in
  the denial (a definite noun refers to one told before; "a school was not attacked" does not);
- **a happening referred back to**: the denial's happening noun is determined by a word of
  ``referring_determiners`` ("no such attack", "this attack", in ``data/reporting.yaml``).
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Span

from sitroom.lang.vocabulary import load_vocabulary
from sitroom.lang.vocabulary.reporting import ReportingVocabulary

_PATIENTS = {"dobj", "nsubjpass"}


@cache
def _cues() -> ReportingVocabulary:
    return load_vocabulary(ReportingVocabulary)


def _patients(content: Span, definite: bool) -> set[str]:
    """The lemmas of the nouns the content's verbs were done to; with ``definite``, only
    those with a definite determiner or an owner ("the base", "its base")."""
    found = set()
    for t in content:
        if t.dep_ not in _PATIENTS or t.pos_ not in {"NOUN", "PROPN"}:
            continue
        if t.head.pos_ not in {"VERB", "AUX"}:
            continue
        marks = {c.lower_ for c in t.children if c.dep_ == "det"}
        owned = any(c.dep_ == "poss" for c in t.children)
        if not definite or "the" in marks or owned:
            found.add(t.lemma_.lower())
    return found


def one_target(said: Span | None, denied: Span | None) -> bool:
    """Whether the denial's definite patient is one of the account's patients."""
    if said is None or denied is None:
        return False
    return bool(_patients(said, False) & _patients(denied, True))


def referred_back(denied: Span | None) -> bool:
    """Whether a noun of the denial is determined by a referring word ("no such attack")."""
    if denied is None:
        return False
    words = _cues().referring_determiners
    return any(
        t.dep_ in {"det", "amod", "predet"} and t.lower_ in words and t.head.pos_ == "NOUN"
        for t in denied
    )


def told_as_one(said: Span | None, denied: Span | None) -> bool:
    """``one_target`` or ``referred_back``: the two are about one happening."""
    return one_target(said, denied) or referred_back(denied)


__all__ = ["one_target", "referred_back", "told_as_one"]
