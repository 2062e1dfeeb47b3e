"""Toponym resolution: choose one gazetteer candidate per mention and group mentions into places.

Pure functions over plain data (no spaCy, no database), so every rule is testable by hand.
Each candidate gets a score that adds up independent evidence, in log10-population units:

* a popularity prior: log10(population), +0.5 for a national capital, +1 for a country; entries
  without a population (provinces, regions, facilities) get a fixed prior by kind;
* the feature cue next to the mention ("Kandahar *province*", "Ramstein *airbase*", "*city of* X");
* the countries named in the same sentence, else the document's evidence country (the country
  most unambiguous mentions point to), else any country the document mentions, all counted without
  the mention's own name: "Jordan" does not vouch for Jordan in its own sentence, nor three
  "Paris" for France in a story whose other places are in Texas;
* a qualifier ("Geneva, *Illinois*"), the strongest evidence there is short of a coordinate, and
  its converse: the Y of "X, Y" is the area that contains one of X's readings ("Athens, *Ga.*");
* a penalty when the name is only an alias of the entry, a larger one when only the
  transliteration-tolerant key matched.

The evidence country counts for more the more distinct places the document has there (a local
paper's tenth Ohio town), but never enough to beat an eight-times-larger namesake abroad on one
mention's evidence alone.

Resolution runs in up to three passes. Each later pass sees the previous pass's choices for the
*other* names of the document: a reading in the same first-level area as one of them, or near
one, scores higher (``sitroom.geo.coherence``) (local news names towns near each other:
"Alexandria" next to "Rapides Parish" is the Louisiana one). From the second pass on, a name the
NER did not call a place may also read as a small town in the area of the document's other
places (the ORG "Florence" of a South Carolina story); alone, it is never a small town.

A small town or village out of reach of the countries the other names point to (another
continent, no neighbour) is no reading at all unless well known (``sitroom.geo.far_readings``):
the name stays unlocated rather than land in Croatia in a Myanmar story.

Mentions with the same text and no cue or qualifier are resolved together (one sense per
discourse), so "Geneva" cannot be Switzerland in one paragraph and Illinois in the next; when
one mention of a name is qualified ("Paris, Tenn."), its reading carries to the bare mentions of
the same name. Mentions with the same text and cue are resolved together too ("Putnam County"
three times is one county). An area named first with its cue steers the later bare name ("Sagaing
region … much of Sagaing"), and so does a town (a dateline's "MARIB, Yemen -" … "south of
Marib"); otherwise a cue does not carry: in "Kandahar … Kandahar province"
the bare name may be the city.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Sequence

from sitroom.geo._names import fold_key, fuzzy_key, spelled_alike
from sitroom.geo.candidate import Candidate, qualified_by, seat_town
from sitroom.geo.coherence import Anchor, coherence, near_any
from sitroom.geo.doc_context import AREAS, Context, build_context, prior
from sitroom.geo.far_readings import (
    elsewhere_on_its_continent,
    far,
    resolved_evidence,
    stray,
    well_known,
)
from sitroom.geo.introduced import introduced_towns
from sitroom.geo.mention import Mention
from sitroom.geo.steer import Steer, note_steer
from sitroom.lang.places import Precision, acled_precision, cue_kinds
from sitroom.model import Place

# Weights, in log10-population units (see the module docstring).
CUE_MATCH = 3.0
CUE_MISMATCH = -2.0
QUALIFIER_BONUS = 3.0
FUZZY_PENALTY = 1.5
# Met through one of GeoNames' alternate names: "Victoria" is also an old name of Hong Kong,
# "Waterloo" of Austin. Curated aliases are deliberate ("Atlantic") and cost nothing.
ALIAS_PENALTY = 2.0
# Further, for a name that is not even a spelling of the place's own ("Sloviansk" is listed
# for Nikopol as well as being Slovyansk's spelling): of two aliases, the spelling wins.
OTHER_NAME_PENALTY = 0.5
# Evidence thresholds for mentions that are not place-labelled entities (an ORG "Panjshir", a
# proper noun the NER missed): only well-known places qualify, never a village that happens to
# share a name with a militia or a news agency.
STRICT_MIN_POPULATION = 100_000
# The same for the object of a verb of place ("captured Kakata", see toponyms.py): what is named
# there is a place, and a town of this size called exactly that is more likely than not the one
# meant. (After a locative word alone, "in X", this floor gained LGL 1.8 points of recall but
# cost TR-News and GeoWebNews 0.5-0.6 points of acc@161 on dev.)
LOCATIVE_MIN_POPULATION = 10_000
FUZZY_MIN_POPULATION = 10_000
# ACLED's precision of a province, for a seat town that stands in for one.
PROVINCE_PRECISION: Precision = 3
# Passes at most: the first without anchors, each further one with the previous one's readings.
PASSES = 3
# A bare name follows the reading its qualified or cued mentions got.
QUALIFIED_SENSE_BONUS = 3.0
# A bare name that is both a town and the first-level area around it is the town ("fighting in
# Tillaberi"), unless the text names the area as such ("Tillaberi region", a cue) or a cued
# mention steers it (QUALIFIED_SENSE_BONUS is larger).
SEAT_TOWN_BONUS = 1.0


def eligible(candidate: Candidate, mention: Mention) -> bool:
    well_known = candidate.source == "curated" or candidate.kind in {"country", "admin1", "region"}
    # A transliteration variant of a town's own name (Hasaka, Hasakah), not of one of the many
    # alternate names GeoNames lists for it: those collide with anything ("Beryl", Brăila).
    if candidate.match == "fuzzy" and not (
        well_known
        or (
            candidate.population >= FUZZY_MIN_POPULATION
            and fuzzy_key(fold_key(candidate.name)) == fuzzy_key(fold_key(mention.text))
            and spelled_alike(candidate.name, mention.text)
        )
    ):
        return False
    if mention.strict:
        if candidate.match != "exact":
            return False
        if (
            well_known
            or candidate.population >= STRICT_MIN_POPULATION
            or seat_town(candidate, mention.text, mention.candidates)
        ):
            return True
        # A smaller town only by its own name: "St Patrick's" is no alias of St. Marys.
        return (
            mention.locative
            and candidate.population >= LOCATIVE_MIN_POPULATION
            and fold_key(candidate.name) == fold_key(mention.text)
        )
    return True


def _by_alias(candidate: Candidate, mention: Mention) -> bool:
    return candidate.source != "curated" and not spelled_alike(candidate.name, mention.text)


def _supported(
    candidate: Candidate, mention: Mention, context: Context, evidence: frozenset[str]
) -> bool:
    """A reading by a spelling variant only ("Rubaya" read as Rouiba, "Kuriga" as Kariega) is
    not taken when the text's other names point to another country of its continent, or the
    document's to other continents only: the name stays unlocated rather than land in the
    wrong country. A variant in a country the text supports is still read; with no evidence
    at all, only when every variant of the name lies in one country ("Tal Rifaat"): a
    Nigerian village is not a South African town of a like spelling. The same for a town of the
    name standing in for
    a province ("Soum province" of a Burkina Faso story is not Soum, Senegal), which with no
    evidence at all is still read ("Narathiwat province")."""
    # A town standing in for a province the gazetteer lacks ("Soum province") is as unsure.
    stand_in = mention.cue == "admin" and candidate.kind in {"city", "locality"}
    if not (candidate.match == "fuzzy" or stand_in) or candidate.country is None:
        return True
    if candidate.kind in AREAS:
        return True
    held = {q.country for q in mention.qualifier if q.country is not None} | mention.people
    if held and candidate.country not in held:
        # "the town of Rubaya in eastern Congo" is in Congo, "the Syrian border town of Ras
        # al-Ain" in Syria, whatever they spell
        return False
    if context.country_bonus(candidate.country, mention) > 0:
        return True
    own = fold_key(mention.text)
    # The sentence's areas and well-known places named beyond doubt ("eastern Congo", "Kaduna
    # state", "a church in Cairo"), the country the document's unambiguous names vote for, and
    # the document's evidence; not the sentence's other small towns, themselves often misread.
    named = context.sentence_names.get(mention.sentence, frozenset()) - {own}
    areas = {next(iter(c)) for n in named if len(c := context.reach.get(n, frozenset())) == 1}
    voted = context.evidence_without(own).country
    supported = areas | set(evidence) | mention.demonyms | ({voted} if voted else set())
    if not supported:
        # Nothing in the text says where: a town that merely spells like the name is no
        # reading, however large ("Kuriga" is not Kariega, South Africa), unless the name
        # spells like places of no other country.
        return stand_in or _sole_variant(candidate, mention)
    return not elsewhere_on_its_continent(candidate.country, supported, evidence)


def _sole_variant(candidate: Candidate, mention: Mention) -> bool:
    """Whether every variant spelling the gazetteer has for the name lies in the reading's
    country ("Tal Rifaat": only Syria's Tall Rif'at); "Kuriga" spells like towns in five."""
    return all(c.country == candidate.country for c in mention.candidates if c.match == "fuzzy")


def _options(mention: Mention) -> list[Candidate]:
    return [c for c in mention.candidates if eligible(c, mention)]


def score(
    candidate: Candidate, mention: Mention, context: Context, group: tuple[str, ...] = ()
) -> float:
    value = prior(candidate)
    if candidate.match == "fuzzy":
        value -= FUZZY_PENALTY
    elif candidate.source != "curated" and fold_key(candidate.name) != fold_key(mention.text):
        value -= ALIAS_PENALTY
        if not spelled_alike(candidate.name, mention.text):
            value -= OTHER_NAME_PENALTY  # not even a spelling of its own name
    if mention.cue is not None:
        value += CUE_MATCH if candidate.kind in cue_kinds(mention.cue) else CUE_MISMATCH
    elif seat_town(candidate, mention.text, mention.candidates):
        value += SEAT_TOWN_BONUS
    if candidate.country is not None:
        value += context.country_bonus(candidate.country, mention)
    if qualified_by(candidate, mention.qualifier):
        value += QUALIFIER_BONUS
    if any(qualified_by(x, (candidate,)) for x in mention.qualifies):
        value += QUALIFIER_BONUS
    if context.anchors:
        value += coherence(candidate, group, context.anchors)
    return value


def _group_key(index: int, mention: Mention) -> tuple[str, ...]:
    if mention.qualifier:
        return ("single", str(index))
    if mention.cue is not None:
        # "Putnam County" three times is one county: resolved together, it cannot vouch for
        # itself through coherence.
        return ("cued", mention.cue, fold_key(mention.text))
    return ("text", fold_key(mention.text))


def _choose(
    mentions: Sequence[Mention],
    options: Sequence[list[Candidate]],
    groups: dict[tuple[str, ...], list[int]],
    context: Context,
) -> dict[int, Candidate]:
    chosen: dict[int, Candidate] = {}
    steers: dict[str, Steer] = {}  # folded bare name -> the reading it should follow
    # Qualified and cued mentions first: a qualified reading then steers the bare mentions.
    for key in sorted(groups, key=lambda k: k[0] == "text"):
        members = groups[key]
        # The readings any member allows; a strict member (an ORG "Alexandria") still votes for
        # the town a place-labelled member of the same name made eligible.
        by_uid = {c.uid: c for index in members for c in options[index]}
        totals: dict[str, float] = defaultdict(float)
        for index in members:
            mention = mentions[index]
            known = {c.uid for c in mention.candidates}
            voted = context.evidence_without(fold_key(mention.text)).country
            evidence = resolved_evidence(
                context.readings, key, mention.qualifier, voted
            ) or context.evidence_countries(mention)
            for uid, candidate in by_uid.items():
                # A small town out of reach of the other names' countries is a namesake: the
                # name stays unlocated rather than land on another continent.
                if (
                    uid in known
                    and not far(candidate, evidence, alias=_by_alias(candidate, mention))
                    and _supported(candidate, mention, context, evidence)
                ):
                    totals[uid] += score(candidate, mention, context, key)
        if not totals:
            continue
        if (
            key[0] == "text"
            and (steer := steers.get(key[1]))
            and steer.reading.uid in totals
            and (steer.anywhere or steer.start < min(mentions[i].span[0] for i in members))
        ):
            totals[steer.reading.uid] += QUALIFIED_SENSE_BONUS
        # Ties go to the more populous, then to the stable id, so output never depends on order.
        best = max(totals, key=lambda uid: (totals[uid], by_uid[uid].population, uid))
        for index in members:
            chosen[index] = by_uid[best]
            note_steer(steers, mentions[index], by_uid[best])
    return chosen


def resolve(mentions: Sequence[Mention]) -> tuple[Place, ...]:
    """Resolve every mention that has an eligible candidate; group them into ``Place`` records."""
    options = [_options(m) for m in mentions]
    context = build_context(mentions, options)
    # After the context: a small town in focus is a reading, not evidence for one.
    options = [
        opts
        or introduced_towns(m, context.focus_countries(m), points_nowhere=context.points_nowhere(m))
        for m, opts in zip(mentions, options, strict=True)
    ]
    groups: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for index, mention in enumerate(mentions):
        if options[index]:
            groups[_group_key(index, mention)].append(index)
    chosen = _choose(mentions, options, groups, context)
    # Later passes need other names to agree with.
    for _ in range(PASSES - 1 if len(groups) > 1 else 0):
        # One anchor per distinct reading, not per mention: everything that reads anchors
        # counts groups in sets or asks whether any is near, so repeats add nothing but made
        # scoring quadratic in the mentions of a long article.
        anchors = tuple(
            dict.fromkeys(
                Anchor(
                    group=_group_key(index, mentions[index]),
                    uid=c.uid,
                    country=c.country,
                    admin1=c.admin1,
                    lat=c.lat,
                    lon=c.lon,
                    point=c.kind in {"city", "locality", "facility"} or c.feature == "county",
                    known=c.kind in AREAS or well_known(c),
                )
                for index, c in chosen.items()
            )
        )
        local = [
            _with_local(m, opts, _group_key(i, m), anchors)
            for i, (m, opts) in enumerate(zip(mentions, options, strict=True))
        ]
        readings = (*context.readings, frozenset(anchors))
        context = dataclasses.replace(context, anchors=anchors, readings=readings)
        again = _choose(mentions, local, groups, context)
        if again == chosen:
            break
        chosen = again
    chosen = {index: c for index, c in chosen.items() if not _stray(c, mentions[index], context)}
    return _places(mentions, chosen)


def _with_local(
    mention: Mention, options: list[Candidate], group: tuple[str, ...], anchors: Sequence[Anchor]
) -> list[Candidate]:
    """A strict mention's options plus the towns of its name, however small, in a first-level
    area where the document's other names lie, or near one of their towns: the ORG "Florence" of
    a South Carolina story may be Florence, South Carolina, not only the Italian city its size
    made eligible. Only a mention that resolves anyway gains them: for it, this changes the
    reading, not whether it is a place."""
    if not (mention.strict and options and anchors):
        return options
    others = [a for a in anchors if a.group != group]
    areas = {(a.country, a.admin1) for a in others if a.admin1}
    known = {c.uid for c in options}
    extra = [
        c
        for c in mention.candidates
        if c.uid not in known
        and c.match == "exact"
        and c.kind in {"city", "locality"}
        and ((c.country, c.admin1) in areas or near_any(c, others))
    ]
    return options + extra if extra else options


def _stray(candidate: Candidate, mention: Mention, context: Context) -> bool:
    return stray(
        candidate,
        context.evidence_country,
        context.sentence_countries(mention.sentence),
        small=mention.small,
    )


def _precision(candidate: Candidate, resolved: Sequence[Mention]) -> Precision:
    if candidate.kind == "city" and all(m.cue == "admin" for m in resolved):
        return PROVINCE_PRECISION  # the seat town standing in for "Narathiwat province"
    # A GeoNames town standing in for a facility or a district named after it, or a town only
    # ever mentioned as a reference point ("30 km north of X"), is "near" in ACLED's sense.
    return acled_precision(
        candidate.kind,
        fixed=candidate.precision,
        stand_in=candidate.source == "geonames"
        and all(m.cue in {"facility", "district"} for m in resolved),
        reference_only=all(m.near for m in resolved),
    )


def _places(mentions: Sequence[Mention], chosen: dict[int, Candidate]) -> tuple[Place, ...]:
    members: dict[str, list[Mention]] = defaultdict(list)
    by_uid: dict[str, Candidate] = {}
    for index in sorted(chosen, key=lambda i: mentions[i].span):
        candidate = chosen[index]
        members[candidate.uid].append(mentions[index])
        by_uid[candidate.uid] = candidate
    places = []
    for number, (uid, resolved) in enumerate(members.items(), start=1):
        candidate = by_uid[uid]
        places.append(
            candidate.to_place(
                f"p{number}", _precision(candidate, resolved), sorted({m.span for m in resolved})
            )
        )
    return tuple(places)


__all__ = ["Mention", "eligible", "prior", "qualified_by", "resolve", "score", "seat_town"]
