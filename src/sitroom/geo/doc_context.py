"""What a document's names say about where it is, before any name is resolved: the countries
their clear readings vote for, per sentence and over the document, and the areas and well-known
places they may be (``sitroom.geo.resolve`` scores each reading of a name against it).

Its weights add to those of ``resolve`` (see its docstring), in log10-population units.
"""

from __future__ import annotations

import dataclasses
import math
from collections import Counter, defaultdict
from collections.abc import Sequence

from sitroom.geo._names import fold_key
from sitroom.geo.candidate import Candidate
from sitroom.geo.coherence import Anchor
from sitroom.geo.far_readings import well_known
from sitroom.geo.mention import Mention
from sitroom.lang.vocabulary.places import place_evidence
from sitroom.model import Span

# Popularity prior (see prior()).
CAPITAL_BONUS = 0.5
COUNTRY_BONUS = 1.0
# Country context: only the strongest of these applies, and none reaches log10(8), so a namesake
# eight times larger abroad still wins ("U.S. envoys met in Geneva" is not Geneva, Illinois)
# unless a qualifier or a cue says otherwise.
SENTENCE_COUNTRY_BONUS = 0.9
EVIDENCE_BONUS = 0.7
DOC_COUNTRY_BONUS = 0.3
# US states: a bare state name beats the towns named after it (Delaware, Ohio) but not New York
# City or Washington, DC, which news means far more often.
US_STATE_PRIOR = 6.0
_UNKNOWN_POPULATION_PRIOR: dict[str, float] = {
    "admin1": 4.5,
    # Regions are few and well known (the Middle East, the Sahel): a hamlet of the same name in
    # the evidence country must not outscore them on context alone.
    "region": 6.0,
    "facility": 4.5,
    "other": 4.5,
    "admin2": 4.0,
    "locality": 4.0,
    "city": 3.0,
}
# A mention votes for the evidence country only when its best reading is this far ahead (10x).
UNAMBIGUOUS_MARGIN = 1.0
# Each further distinct place in the evidence country adds this, up to EVIDENCE_MAX, while that
# country holds at least EVIDENCE_SHARE of the votes.
EVIDENCE_STEP = 0.3
EVIDENCE_MAX = 2.0
EVIDENCE_SHARE = 0.6


def prior(candidate: Candidate) -> float:
    if candidate.kind == "country":
        return math.log10(candidate.population + 1) + COUNTRY_BONUS
    if candidate.feature == "county":
        # A US county's population is its towns' (a lower bound): it breaks ties between
        # namesakes ("Orange County") but does not weigh against context as a town's does.
        return _UNKNOWN_POPULATION_PRIOR["admin2"]
    if candidate.population > 0:
        bonus = CAPITAL_BONUS if candidate.feature == "capital" else 0.0
        return math.log10(candidate.population) + bonus
    if candidate.feature == "state":
        return US_STATE_PRIOR
    return _UNKNOWN_POPULATION_PRIOR.get(candidate.kind, 3.0)


AREAS = frozenset({"country", "admin1"})
# What a name with a cue of province ("Mopti region") is when it says its country beyond doubt.
_CUED_AREAS = frozenset({"admin1", "admin2"})
# The voter a demonym is in a sentence's countries: no mention's folded name.
_PEOPLE = "(people)"


def unambiguous_country(options: Sequence[Candidate]) -> str | None:
    ranked = sorted(options, key=prior, reverse=True)
    if not ranked or ranked[0].country is None:
        return None
    best = ranked[0]
    rivals = [c for c in ranked[1:] if c.country != best.country]
    if rivals and prior(best) - prior(rivals[0]) < UNAMBIGUOUS_MARGIN:
        return None
    # A country or province named like an area elsewhere (Georgia, Victoria, Punjab) says
    # nothing about the document's country until resolved.
    if any(c.kind in AREAS for c in ranked) and any(c.kind in AREAS for c in rivals):
        return None
    return best.country


@dataclasses.dataclass(frozen=True, slots=True)
class EvidenceCountry:
    """The document's evidence country as one name sees it: from the other names' votes only.

    Not the article's focus (``sitroom.lang.focus``), which is read off resolved places: this
    is what the names that are unambiguous before resolution point to, and it leaves out the
    name being resolved, so that a name never vouches for its own reading."""

    country: str | None
    share: bool  # the country holds EVIDENCE_SHARE of those votes
    places: int  # distinct names voting for it


@dataclasses.dataclass(frozen=True, slots=True)
class Context:
    # Country -> folded name -> its mentions voting for that country, in insertion order; and per
    # sentence, the names whose country readings put that country in it. A name's own votes are
    # no evidence for its own reading: "Jordan" alone in a sentence does not make that sentence
    # about Jordan, nor do three "Paris" make a Texas story French.
    votes: dict[str, dict[str, int]]
    sentence_voters: dict[Span, dict[str, frozenset[str]]]
    # Folded name -> the countries of its readings that are areas or well-known places
    # ("Croydon" of a London story: Britain; "London": Britain and Canada): with the votes,
    # what a reading of another name must be within reach of (``sitroom.geo.far_readings``).
    reach: dict[str, frozenset[str]] = dataclasses.field(default_factory=dict)
    anchors: tuple[Anchor, ...] = ()
    # Per sentence, the folded names of its mentions ("al-Jawf province": a Yemeni area).
    sentence_names: dict[Span, frozenset[str]] = dataclasses.field(default_factory=dict)
    # Every pass's readings so far, the first first: the far-readings evidence of later passes.
    readings: tuple[frozenset[Anchor], ...] = ()
    # Folded names that say beyond doubt where the story is: a country named as where ("in
    # Yemen", "Marib, Yemen") or an area called one ("Mopti region"). One of them is evidence
    # enough on its own (``data/place_evidence.yaml``).
    firm: frozenset[str] = frozenset()
    _evidence: dict[str, EvidenceCountry] = dataclasses.field(default_factory=dict)
    _reach: dict[str, frozenset[str]] = dataclasses.field(default_factory=dict)

    @property
    def evidence_country(self) -> str | None:
        """The country with the most votes of all names."""
        return self.evidence_without("").country

    @property
    def doc_countries(self) -> frozenset[str]:
        return frozenset(self.votes)

    def sentence_countries(self, sentence: Span) -> frozenset[str]:
        return frozenset(self.sentence_voters.get(sentence, ()))

    def evidence_countries(self, mention: Mention) -> frozenset[str]:
        """The countries the document's other names vote for or have well-known readings in,
        when at least ``far_min_names`` names say so (one name may itself be misread: the
        "Cornwall" of a Cornish story has an unambiguous Canadian reading) or one of them is
        ``firm`` ("Yemen", "Mopti region"), and those of the mention's qualifier ("X,
        Myanmar")."""
        own = fold_key(mention.text)
        found = self._reach.get(own)
        if found is None:
            found = self._reach[own] = self._evidence_reach(own)
        if not mention.qualifier:
            return found
        return found | {q.country for q in mention.qualifier if q.country is not None}

    def _evidence_reach(self, own: str) -> frozenset[str]:
        voted: set[str] = set()
        names: set[str] = set()
        for country, voters in self.votes.items():
            if others := set(voters) - {own}:
                voted.add(country)
                names.update(others)
        for name, countries in self.reach.items():
            if name != own and countries:
                voted.update(countries)
                names.add(name)
        enough = len(names) >= place_evidence().far_min_names or bool(names & self.firm)
        return frozenset(voted) if enough else frozenset()

    def evidence_without(self, own: str) -> EvidenceCountry:
        found = self._evidence.get(own)
        if found is None:
            totals = {
                country: sum(n for name, n in names.items() if name != own)
                for country, names in self.votes.items()
            }
            best = max(totals, key=lambda c: totals[c], default=None)  # first of equals wins
            if best is None or not totals[best]:
                found = EvidenceCountry(None, False, 0)
            else:
                share = totals[best] >= EVIDENCE_SHARE * sum(totals.values())
                found = EvidenceCountry(best, share, len(set(self.votes[best]) - {own}))
            self._evidence[own] = found
        return found

    def focus_countries(self, mention: Mention) -> frozenset[str]:
        """The countries the mention's sentence names, or has an area or a well-known place of
        ("the capital of al-Jawf province"), and the evidence country, from names other than the
        mention's own: where a small town introduced by a word of place may lie."""
        own = fold_key(mention.text)
        named = self.sentence_voters.get(mention.sentence, {})
        found = {country for country, names in named.items() if names - {own}}
        for name in self.sentence_names.get(mention.sentence, frozenset()) - {own}:
            found.update(self.reach.get(name, ()))
        evidence = self.evidence_without(own)
        if evidence.country is not None and evidence.share:
            found.add(evidence.country)
        return frozenset(found)

    def points_nowhere(self, mention: Mention) -> bool:
        """Whether no name but the mention's own has a country, a province or a well-known
        reading: nothing in the document says where it is."""
        own = fold_key(mention.text)
        return not any(set(names) - {own} for names in self.votes.values()) and not any(
            countries for name, countries in self.reach.items() if name != own
        )

    def country_bonus(self, country: str, mention: Mention) -> float:
        """The sentence's, else the evidence country's, else the document's support for a reading in
        ``country``, from names other than the mention's own."""
        own = fold_key(mention.text)
        if self.sentence_voters.get(mention.sentence, {}).get(country, frozenset()) - {own}:
            return SENTENCE_COUNTRY_BONUS
        evidence = self.evidence_without(own)
        if country == evidence.country:
            if not evidence.share:
                return EVIDENCE_BONUS
            return min(EVIDENCE_MAX, EVIDENCE_BONUS + EVIDENCE_STEP * (evidence.places - 1))
        if set(self.votes.get(country, ())) - {own}:
            return DOC_COUNTRY_BONUS
        return 0.0


def build_context(mentions: Sequence[Mention], options: Sequence[list[Candidate]]) -> Context:
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    by_sentence: dict[Span, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    # A qualified name ("Paris, Tenn.") has its country from the qualifier, not from its prior.
    qualified = {fold_key(m.text) for m in mentions if m.qualifier}
    reach: dict[str, set[str]] = defaultdict(set)
    sure: set[str] = set()
    for mention, opts in zip(mentions, options, strict=True):
        key = fold_key(mention.text)
        # A reading by a spelling variant only is no evidence ("Masisi" read as Masasi,
        # Tanzania, would make a Mozambican namesake of the next name look near).
        reach[key].update(
            c.country
            for c in opts
            if c.country and c.match != "fuzzy" and (c.kind in AREAS or well_known(c))
        )
        # The people a sentence names ("Colombian police") put their country in it, as a
        # country named there would ("in Antioquia": Colombia's department, not Antakya).
        for people in mention.demonyms:
            by_sentence[mention.sentence][people].add(_PEOPLE)
        firm = [c for c in opts if c.match != "fuzzy"]  # a variant spelling votes for nothing
        country = None if key in qualified else unambiguous_country(firm)
        if country is None:
            continue
        votes[country][key] += 1
        if (
            (mention.within or mention.qualifies)
            and any(c.kind == "country" and c.country == country for c in firm)
        ) or (mention.cue == "admin" and all(c.kind in _CUED_AREAS for c in firm)):
            sure.add(key)
        if any(c.kind == "country" for c in opts):
            by_sentence[mention.sentence][country].add(key)
    return Context(
        votes={country: dict(names) for country, names in votes.items()},
        sentence_voters={
            span: {country: frozenset(names) for country, names in found.items()}
            for span, found in by_sentence.items()
        },
        reach={name: frozenset(countries) for name, countries in reach.items()},
        sentence_names={
            span: frozenset(fold_key(m.text) for m in mentions if m.sentence == span)
            for span in {m.sentence for m in mentions}
        },
        firm=frozenset(sure),
    )


__all__ = [
    "AREAS",
    "DOC_COUNTRY_BONUS",
    "EVIDENCE_BONUS",
    "SENTENCE_COUNTRY_BONUS",
    "Context",
    "EvidenceCountry",
    "build_context",
    "prior",
    "unambiguous_country",
]
