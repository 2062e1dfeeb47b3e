"""Contradictions between the claims of different articles, matched on their propositions.

Two articles contradict each other when a claim in one asserts what a claim in the other denies
(``Proposition.matches``: one kind of happening at one place by the
same actors, or one subject and verb), the claims speak for different sides, and the happenings'
dates, when both are known, lie within a week: reports date events loosely, often by the day
of the statement. A side is compared by name, since entity ids are per article, and so are the
doers, as sides ("Sudanese" warplanes and "Sudan" are one doer; a bare "Army" takes the country
of the claimant's words, ``side_name``). Outlets name one place differently: a province's claim
is said of a place in it (``_nested``), and the events the corpus merge joined are at one place.

Within one article a denial and an assertion of one family of happening are about the story
the article tells; two articles may tell of two happenings of one family. So across articles
two propositions of one family must also be anchored to one happening (``anchored``): their
claims are about events the corpus merge judged one happening, or both state the same place,
name a doer or a victim in common, or one names as its place what the other says was done to
("captured Avdiivka" read as a target), or one is said by the doer the other names. A denial
of generic content ("there were no casualties", "nobody was hurt") states none of these, and so
meets only a claim about the same happening. The date is no anchor, for the reason above.

Two assertions of who did one happening that name other doers ("X claimed responsibility for
the bombing" in one article, "officials blamed Y for the attack" in another) are rival doers
(``Proposition.other_doers``) when the corpus merge joined their events or both state its place
and type: their doers are what they disagree on, so the doers anchor nothing here.

A rejection of a named owner's accusations that its article does not repeat ("Sudan rejected
South Sudan's accusations", ``accusation_rejected``) meets the owner's claims of other articles
that name the rejecting party as a doer, in the same week.

Rival counts of one measure ("at least five killed" against "killed one person") are found by
measure rather than by proposition key, and are also anchored by where and when (``one_place``):
a place of one claim holds or shares the division of a place of the other, in the same week.
A part below its whole is no rival, as within an article (``claims.values.rival_values``):
"six fighters were killed", or "a 10-year-old girl was killed", against "at least nine people
were killed".
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from sitroom.claims.holding import harm_against_holding
from sitroom.claims.stated import (
    figure_called_false,
    figure_given,
    hurt_are_doers,
    truce_doer,
    truce_said,
)
from sitroom.claims.values import rival_values
from sitroom.lang.sides import side_key
from sitroom.lang.vocabulary import load_vocabulary
from sitroom.lang.vocabulary.reporting import ReportingVocabulary
from sitroom.model import Proposition

SLACK = dt.timedelta(days=7)
COUNTRY = "country:"  # how ``side_key`` names a country's side
ACCUSED = "accused:"  # the key of a rejection of accusations (``accusation_rejected``)
TRUCE = "truce:"  # the key of a claim that a truce holds or was broken (``truce_said``)
# The measure of ``count_measures`` (data/reporting.yaml) that a death toll counts: a claim's
# ``Proposition.killed`` is a count of it.
TOLL = "killed"

# Where a claim is about: a place's country, first-level division and kind (``Place``).
PlaceKey = tuple[str | None, str | None, str]


@dataclass(frozen=True)
class SidedClaim:
    """A stored claim as cross-article matching needs it."""

    document: str
    claim: str
    stance: str
    side: str | None  # the side's (or the claimant's) name
    proposition: Proposition
    # The corpus event (one happening, merged across articles) of the claim's linked event.
    happening: str | None = None
    # For a claim with counts: its day and the places it is about (``count_places``).
    day: dt.date | None = None
    places: tuple[PlaceKey, ...] = ()
    # Where its proposition's place lies, when that is its linked event's place (``_nested``).
    where: PlaceKey | None = None


@cache
def _reporting() -> ReportingVocabulary:
    return load_vocabulary(ReportingVocabulary)


def side_name(side: str | None, words: str | None) -> str | None:
    """A side named by a body noun alone ("Army", "Police"), qualified by the country the
    claimant's own words give it ("Sudanese army spokesman Sawarmi Saad": "Sudanese Army"), so
    that the armies of two countries in two articles are two sides; any other side as it is."""
    if side is None or not words or len(side.split()) != 1:
        return side
    if side.casefold() not in _reporting().body_nouns:
        return side
    found = re.search(rf"((?:[A-Z][\w.-]*\s+)+)(?i:{re.escape(side)})\b", words)
    if found is None:
        return side
    qualified = f"{found.group(1).strip()} {side}"
    return qualified if side_key(qualified).startswith(COUNTRY) else side


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
    if accusation_rejected(proposition):
        return ACCUSED + side_key(proposition.actors[0])
    if truce_said(proposition, "assert") is not None:
        return TRUCE  # "broke the ceasefire" meets "the ceasefire was holding"
    if proposition.kind == "event" or proposition.family is not None:
        return f"event:{proposition.family}"
    words = (proposition.subject or "").casefold().split()
    # The subject's last word, so that "Petrov" meets "Marko Petrov" (``Proposition.matches``).
    return "statement:" + words[-1] if words else None


def accusation_rejected(proposition: Proposition) -> bool:
    """Whether a proposition is what an owner accuses a party of, unnamed ("Sudan rejected
    South Sudan's accusations", ``claims.rejections``): a happening of no family by that party
    as its doer, the owner its subject."""
    return (
        proposition.kind == "event"
        and proposition.family is None
        and proposition.responsibility
        and len(proposition.actors) == 1
        and bool(proposition.subject)
    )


def accused_keys(proposition: Proposition | None) -> set[str]:
    """The keys of the rejections a claim may answer: one per doer it names."""
    if proposition is None or proposition.family is None:
        return set()
    return {ACCUSED + side_key(doer) for doer in proposition.actors}


def _answers(rejection: SidedClaim, claim: SidedClaim) -> bool:
    """Whether an asserted claim says what a rejection rejects: its side is the owner of the
    rejected accusations and it names the rejecting party as the doer of a happening."""
    p, q = rejection.proposition, claim.proposition
    if claim.stance != "assert" or q.family is None or claim.side is None:
        return False
    if side_key(claim.side) != side_key(p.subject or ""):
        return False
    return bool(set(p.actors) & set(q.actors))  # doers named as sides (``_compared``)


def count_measures(proposition: Proposition | None) -> set[str]:
    """The measures a proposition counts: those of its counts, and the dead of its toll."""
    if proposition is None:
        return set()
    found = {c.measure for c in proposition.counts}
    if proposition.killed is not None:
        found.add(TOLL)
    return found


def _contains(outer: PlaceKey, inner: PlaceKey) -> bool:
    """A country holds its places, a first-level division the places that lie in it."""
    country, admin1, kind = outer
    if country is None or country != inner[0]:
        return False
    return kind == "country" or (admin1 is not None and admin1 == inner[1])


def one_place(a: SidedClaim, b: SidedClaim) -> bool:
    """Whether the counts of two claims are about one happening by where and when: no other
    happening by the corpus merge, days (when both are known) within the week, and a place of
    one that holds a place of the other or lies in its division ("killed one person" in an
    article about Indonesia, "at least five killed" in Manokwari). Only for rival counts: for a
    count, the place and the day are what tie two reports to one happening."""
    if a.happening is not None and b.happening is not None and a.happening != b.happening:
        return False
    if a.day is not None and b.day is not None and abs(a.day - b.day) > SLACK:
        return False
    return any(_contains(x, y) or _contains(y, x) for x in a.places for y in b.places)


def _near_in_time(a: Proposition, b: Proposition) -> bool:
    """Whether the dates of two propositions lie within ``SLACK`` of each other, each a day or
    a span ("last month" and "in the past week" of one shooting meet)."""
    if a.date is None or b.date is None:
        return True
    a_end, b_end = a.date_end or a.date, b.date_end or b.date
    return a.date - SLACK <= b_end and b.date - SLACK <= a_end


def anchored(a: SidedClaim, b: SidedClaim) -> bool:
    """Whether two claims' propositions are tied to one happening beyond its family: the
    corpus merge put their events together, they are one subject and predicate, or both
    state one place or name a doer in common (``Proposition.matches`` has already ruled out
    other places and other doers)."""
    if a.happening is not None and a.happening == b.happening:
        return True
    p, q = a.proposition, b.proposition
    if p.same_statement(q):
        return True
    if p.place and q.place:
        return True
    if p.actors and q.actors:
        return True
    if {_key(t) for t in p.targets} & {_key(t) for t in q.targets}:
        return True  # one victim: "shot Anna Kovac" and "denied shooting Kovac"
    if _done_to_place(p, q) or _done_to_place(q, p):
        return True
    # The doer one claim names denies it, or claims it, in the other ("Dvorak pleaded not
    # guilty" against "prosecutors say Dvorak shot her").
    return _speaks_for_doer(a, q) or _speaks_for_doer(b, p)


def _done_to_place(p: Proposition, q: Proposition) -> bool:
    """What one claim says was done to a place is done where the other claim is: "captured
    Avdiivka" (a target, where the article did not read the name as a place) and "still hold
    Avdiivka" or "fighting in Avdiivka" (its place)."""
    return q.place is not None and _key(q.place) in {_key(t) for t in p.targets}


def _nested(outer: SidedClaim, inner: SidedClaim) -> tuple[SidedClaim, SidedClaim]:
    """Two claims whose places are a province and a place in it ("gains in Marib province",
    "captured Harib"): the province's claim is taken as said of the place in it, so that they
    are about one place; a country holds too much to say the same of it."""
    p, q = outer.proposition, inner.proposition
    if outer.where is None or inner.where is None or not p.place or not q.place:
        return outer, inner
    country, admin1, kind = outer.where
    if kind != "admin1" or country is None or admin1 is None or p.place == q.place:
        return outer, inner
    if inner.where[0] != country or inner.where[1] != admin1 or inner.where[2] == "admin1":
        return outer, inner
    said = dataclasses.replace(outer, proposition=p.model_copy(update={"place": q.place}))
    return said, inner


def _one_place_of_one_happening(a: SidedClaim, b: SidedClaim) -> SidedClaim:
    """``b`` said of ``a``'s place when the corpus merge judged their events one happening: two
    outlets name its place by other names ("Jabalia", "Gaza City"; a village and its district)
    or read one name as two places, and the merge, which weighs where and when and who, has
    settled that."""
    p, q = a.proposition, b.proposition
    if a.happening is None or a.happening != b.happening or not p.place or not q.place:
        return b
    if p.place == q.place:
        return b
    return dataclasses.replace(b, proposition=q.model_copy(update={"place": p.place}))


def _compared(claim: SidedClaim) -> SidedClaim:
    """A claim whose doers are named as sides are compared (``side_key``): "Sudanese" (warplanes)
    of one article and "Sudan" of another are one doer, as they are one side."""
    p = claim.proposition
    doers = [side_key(a) for a in p.actors]
    if doers == p.actors:
        return claim
    return dataclasses.replace(claim, proposition=p.model_copy(update={"actors": doers}))


def _key(name: str) -> str:
    """A name's last word, case-folded: "Kovac" of "Anna Kovac" (``Proposition.matches``)."""
    words = name.casefold().split()
    return words[-1] if words else ""


def _speaks_for_doer(claim: SidedClaim, other: Proposition) -> bool:
    # A doer may already be named as a side (``_compared``).
    return claim.side is not None and any(
        side_key(claim.side) in {doer, side_key(doer)} for doer in other.actors
    )


def contradicts(a: SidedClaim, b: SidedClaim) -> bool:
    """Whether two claims of different articles contradict each other: opposite stances on one
    proposition, rival death tolls or rival doers of one happening, from different sides."""
    if a.document == b.document:
        return False
    a, b = _nested(_compared(a), b)
    b, a = _nested(_compared(b), a)
    b = _one_place_of_one_happening(a, b)
    if a.side is None or b.side is None or side_key(a.side) == side_key(b.side):
        return False
    if not _near_in_time(a.proposition, b.proposition):
        return False
    truce = truce_said(a.proposition, a.stance), truce_said(b.proposition, b.stance)
    if None not in truce:
        return truce[0] != truce[1] and _one_truce(a, b)
    if a.stance == b.stance:
        if a.stance != "assert":
            return False
        p, q = a.proposition, b.proposition
        if rival_values(p, q):  # a part below its whole is no rival ("a girl was killed")
            return anchored(a, b) or one_place(a, b)
        return p.other_doers(q) and _one_happening(a, b)
    if accusation_rejected(a.proposition) or accusation_rejected(b.proposition):
        rejection, claim = (a, b) if accusation_rejected(a.proposition) else (b, a)
        return _answers(rejection, claim)
    said, denied = (a, b) if a.stance == "assert" else (b, a)
    if figure_called_false(denied.proposition):
        # "the opposition's figure of 43 dead was inflated" denies the figure, said where and
        # when the account that gives it is about
        one = a.happening is not None and a.happening == b.happening
        return figure_given(denied.proposition, said.proposition) and (one or one_place(a, b))
    return (
        a.proposition.matches(b.proposition)
        and anchored(a, b)
        and not said.proposition.names_no_doer_denied_by(denied.proposition)
        and not harm_against_holding(said.proposition, denied.proposition)
        and not hurt_are_doers(said.proposition, denied.proposition)
    )


def _one_truce(a: SidedClaim, b: SidedClaim) -> bool:
    """Whether two claims of a truce are of one truce: the corpus merge put their events
    together, or they name one party as keeping or breaking it ("federal troops broke the
    ceasefire", "federal troops respected the truce"). Truces are many and a week holds
    several, so the week alone ties nothing."""
    if a.happening is not None and a.happening == b.happening:
        return True
    doer = truce_doer(a.proposition)
    return doer is not None and doer == truce_doer(b.proposition)


def _one_happening(a: SidedClaim, b: SidedClaim) -> bool:
    """Whether two claims that name other doers are about one happening: the corpus merge put
    their events together, both state its place (``Proposition.other_doers`` has found it one)
    and one type of happening, or they name a victim in common. Their doers are what they
    disagree on, so no anchor of ``anchored`` that rests on the doers counts."""
    if a.happening is not None and a.happening == b.happening:
        return True
    p, q = a.proposition, b.proposition
    one_type = p.event_type is None or q.event_type is None or p.event_type == q.event_type
    return bool(p.place and q.place and one_type) or bool(
        {_key(t) for t in p.targets} & {_key(t) for t in q.targets}
    )


def reason(first: SidedClaim, second: SidedClaim) -> str:
    """The contradiction in words: both sides and the proposition (``second`` denies what
    ``first`` asserts, or gives another toll)."""
    truce = truce_said(first.proposition, first.stance)
    if truce is not None and truce_said(second.proposition, second.stance) not in {None, truce}:
        return (
            f"{second.side} says otherwise of the truce than {first.side}:"
            f" {first.proposition.text} ({truce})"
        )
    if first.stance == second.stance:
        if first.proposition.other_doers(second.proposition):
            doers = " and ".join(second.proposition.actors)
            return (
                f"{second.side} names another doer than {first.side}: {first.proposition.text}"
                f" (against {doers})"
            )
        if first.proposition.killed is None or second.proposition.killed is None:
            return f"{second.side} gives another count than {first.side}: {first.proposition.text}"
        return (
            f"{second.side} gives another toll than {first.side}: {first.proposition.text}"
            f" ({first.proposition.killed} against {second.proposition.killed} killed)"
        )
    return f"{second.side} denies what {first.side} claims: {first.proposition.text}"


__all__ = [
    "ACCUSED",
    "SLACK",
    "TOLL",
    "TRUCE",
    "PlaceKey",
    "SidedClaim",
    "accusation_rejected",
    "accused_keys",
    "anchored",
    "contradicts",
    "count_measures",
    "event_proposition",
    "one_place",
    "proposition_key",
    "reason",
    "side_name",
]
