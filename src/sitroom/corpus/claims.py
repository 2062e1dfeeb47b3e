"""Contradictions between the claims of different articles, matched on their propositions.

Two articles contradict each other when a claim in one asserts what a claim in the other denies
(``Proposition.matches``: one kind of happening at one place by the
same actors, or one subject and verb), the claims speak for different sides, and the happenings'
dates, when both are known, lie within a week: reports date events loosely, often by the day
of the statement. A side is compared by name, since entity ids are per article.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from sitroom.lang.vocabulary import load_vocabulary
from sitroom.lang.vocabulary.places import PlacesVocabulary
from sitroom.lang.vocabulary.reporting import ReportingVocabulary
from sitroom.model import Proposition

_SLACK = dt.timedelta(days=7)
_WORD = re.compile(r"\w+")
_MIN_STEM = 4  # a country name shorter than this is no safe stem of a demonym ("Mal")


@dataclass(frozen=True)
class SidedClaim:
    """A stored claim as cross-article matching needs it."""

    document: str
    claim: str
    stance: str
    side: str | None  # the side's (or the claimant's) name
    proposition: Proposition


@cache
def _reporting() -> ReportingVocabulary:
    return load_vocabulary(ReportingVocabulary)


@cache
def _country_names() -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    """Folded demonyms and aliases → ISO2 country (``places.yaml``), and (demonym, country)
    pairs for finding the name a demonym extends."""
    words: dict[str, str] = {}
    demonyms = []
    for code, country in load_vocabulary(PlacesVocabulary).countries.items():
        for name in (*country.demonyms, *country.aliases):
            words[name.casefold()] = code
        demonyms += [(d.casefold(), code) for d in country.demonyms]
    return words, tuple(demonyms)


@cache
def _country(word: str) -> str | None:
    """The country a word names: a demonym ("Sudanese", "Afghans") or alias, or the name that
    one country's demonym extends ("Israel" of "Israeli", "Sudan" of "Sudanese", "Ukraine" of
    "Ukrainian"); a stem that several countries' demonyms extend names none ("Niger")."""
    words, demonyms = _country_names()
    found = words.get(word) or (words.get(word[:-1]) if word.endswith("s") else None)
    if found is not None or len(word) < _MIN_STEM:
        return found
    stem = word[:-1] if word[-1] in "ae" else word  # "Ukraine" → "Ukrain-ian"
    codes = {code for d, code in demonyms if d.startswith(stem) and d != stem}
    return codes.pop() if len(codes) == 1 else None


def side_key(name: str) -> str:
    """A side's name as compared across articles: case and spelling variants folded
    ("Defence"/"Defense"), and a country's body named by the country or its demonym with body
    nouns only ("Sudanese military", "Sudan Armed Forces", "Israel Defense Forces") its country."""
    cues = _reporting()
    words = [cues.spelling_variants.get(w, w) for w in _WORD.findall(name.casefold())]
    countries = {c for w in words if (c := _country(w)) is not None}
    rest = [w for w in words if _country(w) is None]
    if len(countries) == 1 and all(w in cues.body_nouns or w in cues.side_words for w in rest):
        return "country:" + countries.pop()
    return " ".join(words)


def event_proposition(event_type: str, place: str | None, date: dt.date | None) -> Proposition:
    """The proposition of a claim stored without one (before propositions were recorded, or
    built by hand) that is linked to an event: that kind of happening at its place and date."""
    return Proposition(
        kind="event",
        family=_reporting().family(event_type),
        place=place,
        date=date,
        text=f"{event_type} at {place}" if place else event_type,
    )


def proposition_key(proposition: Proposition | None) -> str | None:
    """What two propositions must share to be compared at all (an indexed column): the family
    of a happening, or of a statement whose verb names one, else the last word of a statement's
    subject."""
    if proposition is None:
        return None
    if proposition.kind == "event" or proposition.family is not None:
        return f"event:{proposition.family}"
    words = (proposition.subject or "").casefold().split()
    # The subject's last word, so that "Petrov" meets "Marko Petrov" (``Proposition.matches``).
    return "statement:" + words[-1] if words else None


def _near_in_time(a: Proposition, b: Proposition) -> bool:
    if a.date is None or b.date is None:
        return True
    return abs(a.date - b.date) <= _SLACK


def contradicts(a: SidedClaim, b: SidedClaim) -> bool:
    """Whether two claims of different articles contradict each other: opposite stances on one
    proposition, or rival death tolls of one happening, from different sides."""
    if a.document == b.document:
        return False
    if a.side is None or b.side is None or side_key(a.side) == side_key(b.side):
        return False
    if not _near_in_time(a.proposition, b.proposition):
        return False
    if a.stance == b.stance:
        return a.stance == "assert" and a.proposition.rivals(b.proposition)
    return a.proposition.matches(b.proposition)


def reason(first: SidedClaim, second: SidedClaim) -> str:
    """The contradiction in words: both sides and the proposition (``second`` denies what
    ``first`` asserts, or gives another toll)."""
    if first.stance == second.stance:
        return (
            f"{second.side} gives another toll than {first.side}: {first.proposition.text}"
            f" ({first.proposition.killed} against {second.proposition.killed} killed)"
        )
    return f"{second.side} denies what {first.side} claims: {first.proposition.text}"


__all__ = [
    "SidedClaim",
    "contradicts",
    "event_proposition",
    "proposition_key",
    "reason",
    "side_key",
]
