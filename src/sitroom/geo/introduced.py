"""Towns a word of place introduces when the NER did not call the name a place.

The small English model labels many towns of conflict news NORP ("near *Kidal*"), PERSON ("the
town of *Tal Tamr*", "pounded *Avdiivka*"), ORG ("in *Beslan*") or PRODUCT ("the *Manbij*
campaign"). Such a name is a *strict* mention (``sitroom.geo.toponyms``): it reads only as a
country, a province or a city of 100,000+. After a word of place ("in X", "near X"), as the
object of a verb of place ("captured X") or before an operation noun ("the X offensive"), it is
*introduced*, and may then be a smaller town of its own name (not one of GeoNames' alternate
names) when the text says where it is (``data/place_evidence.yaml``):

* in a country the sentence names (or has a province or a well-known place of: "the capital
  of al-Jawf province"), whose people it names ("the *Malian* army said") or that the
  article's other names point to, a town of ``focus_min_population``;
* failing one there, in a country bordering one whose people the sentence names, a town of
  ``focus_neighbour_min_population``: forces act across their borders ("*Russian* artillery
  pounded X": X in Ukraine; "*Kenyan* troops retook X": X in Somalia);
* in a document that points nowhere (no other name has a country, no people named), the one
  town of its name with ``unplaced_min_population``, when the gazetteer has no other of
  ``focus_min_population`` and the word before it is no weak one ("the opposite *of* X";
  ``weak_introducing_words`` of toponyms.yaml).

A demonym ("Syrian"), a group ("Houthis") or a person ("Biden") is no town of its own name in
the gazetteer, or the finder left it out already: the evidence decides, not a list of names.
"""

from __future__ import annotations

from collections.abc import Collection

from sitroom.geo._names import fold_key, fuzzy_key, without_article
from sitroom.geo.candidate import Candidate
from sitroom.geo.far_readings import neighbours
from sitroom.geo.mention import Mention
from sitroom.lang.vocabulary.places import place_evidence

_SETTLEMENTS = frozenset({"city", "locality"})


def introduced_towns(
    mention: Mention, countries: Collection[str], *, points_nowhere: bool
) -> list[Candidate]:
    """The towns an introduced strict mention may name (see the module docstring):
    ``countries`` are those its sentence names or the article's other names point to (not its
    own), ``points_nowhere`` whether the document's other names and its sentence give none."""
    if not mention.introduced:
        return []
    evidence = place_evidence()
    named = [c for c in mention.candidates if _own_town(c, mention)]
    where = frozenset(countries) | mention.demonyms
    if where:
        sole_unknown = evidence.focus_sole_unknown_population and len(named) == 1
        inside = [
            c
            for c in named
            if c.country in where
            and (
                c.population >= evidence.focus_min_population
                or (sole_unknown and c.population == 0 and _only_of_its_name(c, mention))
            )
        ]
        if inside:
            return inside
        # A people's forces act across their borders ("Kenyan troops retook X" in Somalia); a
        # country the names point to says where the story is, not around it.
        bordering = frozenset(n for c in mention.demonyms for n in neighbours(c)) - where
        return [
            c
            for c in named
            if c.country in bordering and c.population >= evidence.focus_neighbour_min_population
        ]
    if not points_nowhere or mention.weakly:
        return []
    # The one town of its name: no other of focus_min_population ("in Newberry" of a local
    # paper is no more the South Carolina town of 10,000 than the Florida one of 5,000).
    sized = [c for c in named if c.population >= evidence.unplaced_min_population]
    others = [c for c in named if c.population >= evidence.focus_min_population]
    if len(sized) == 1 and len(others) == 1:
        return sized
    # A district seat of unknown population that is the only reading of its name at all.
    sole_unknown = evidence.focus_sole_unknown_population and len(named) == 1
    return [
        c for c in named if sole_unknown and c.population == 0 and _only_of_its_name(c, mention)
    ]


def _only_of_its_name(candidate: Candidate, mention: Mention) -> bool:
    """No other reading of the name at all: no town, area or namesake by an alternate name."""
    return all(c.uid == candidate.uid for c in mention.candidates)


def _own_town(candidate: Candidate, mention: Mention) -> bool:
    """A town met by its own name or a spelling of it ("Maidan Shahr" for GeoNames'
    Maydanshakhr; an article such as "al-" aside), not one of the many alternate names GeoNames
    lists ("Park" is listed for a Rockville)."""
    if candidate.match != "exact" or candidate.kind not in _SETTLEMENTS:
        return False
    own = _bare(fold_key(mention.text))
    variant = fuzzy_key(fold_key(mention.text))
    return _bare(fold_key(candidate.name)) == own or (
        bool(variant) and fuzzy_key(fold_key(candidate.name)) == variant
    )


def _bare(folded: str) -> str:
    """A folded name without its Arabic article: "Al-Dawr" is GeoNames' "Ad Dawr"."""
    return without_article(folded) or folded


__all__ = ["introduced_towns"]
