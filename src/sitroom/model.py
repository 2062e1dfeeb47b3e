"""Typed, frozen records of the extraction contract ``sitroom.extraction/1``.

Field names here are the public JSON contract: fields may be added, never renamed or dropped.
Every span is a ``(start, end)`` pair of character offsets into ``Document.text``.
"""

from __future__ import annotations

import datetime as dt
from typing import Final, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_ID: Final = "sitroom.extraction/1"

Span = tuple[int, int]

# "protesters" and "civilians" name ACLED's actor categories of unnamed crowds ("protesters
# marched", "villagers fled"); added after the others, so stored data stays valid.
ActorType = Literal[
    "person",
    "state",
    "government",
    "armed_group",
    "igo",
    "ngo",
    "media",
    "party",
    "other",
    "protesters",
    "civilians",
]
PlaceKind = Literal[
    "country", "admin1", "admin2", "city", "locality", "facility", "region", "other"
]
TimePrecision = Literal["day", "week", "month", "year", "range"]
Quad = Literal["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"]
Modality = Literal[
    "asserted", "claimed", "denied", "planned", "conditional", "negated", "hypothetical"
]
QuoteKind = Literal["direct", "partial", "indirect"]
# How an event's place was found: an argument of its trigger ("shelled Mellit", "fighting in
# Mellit"), a locative phrase elsewhere in its sentence, or the article's focus place when the
# sentence names none (a lower precision: "in the area of").
PlaceBasis = Literal["argument", "sentence", "document"]
# Event fields taken from the article rather than the event's own sentence: a one-sided violent
# event gets the other side of the article's main armed conflict ("the takeover of the province"
# in a report on fighting between two named sides).
InferredField = Literal["actor1", "actor2"]
DurationUnit = Literal["hour", "day", "week", "month", "year", "decade", "century"]
Stance = Literal["assert", "deny"]
PropositionKind = Literal["event", "statement"]
Qualifier = Literal["exact", "about", "more_than", "less_than", "at_least", "up_to"]
FigurePeriod = Literal["current", "cumulative", "historical"]
PloverType = Literal[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "COOPERATE",
    "AID",
    "CONCEDE",
    "RETREAT",
    "INVESTIGATE",
    "DEMAND",
    "DISAPPROVE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "MOBILIZE",
    "SANCTION",
    "COERCE",
    "ASSAULT",
    "FIGHT",
    "CRIME",
]


class Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Document(Record):
    id: str = Field(description="Content hash of the text (sha256, first 16 hex digits).")
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: dt.date | None = Field(None, description="Publication date; anchors relative dates.")
    language: str | None = "en"
    license: str | None = None
    text: str


class Entity(Record):
    id: str
    name: str = Field(description="Canonical name.")
    label: str = Field(description="spaCy entity label after sitroom's corrections.")
    actor_type: ActorType | None = None
    aliases: list[str] = Field(default_factory=list)
    country: str | None = Field(None, description="ISO 3166-1 alpha-2.")
    affiliation: str | None = Field(
        None, description="Entity id of the organisation it belongs to."
    )
    role: str | None = None
    mentions: list[Span] = Field(default_factory=list)


class Place(Record):
    id: str
    name: str
    kind: PlaceKind
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    precision: Literal[1, 2, 3] = Field(
        description="1 exact place, 2 district or near, 3 province or wider (ACLED)."
    )
    mentions: list[Span] = Field(default_factory=list)


class TimeSpan(Record):
    text: str
    start: dt.date
    end: dt.date
    precision: TimePrecision
    span: Span


class Duration(Record):
    text: str
    value: str = Field(
        description="ISO 8601 / TimeML duration: 'P3D', 'P2W', 'P6M', 'P10Y', 'PT5H'; 'X' for an "
        "unknown amount ('several days' is 'PXD')."
    )
    amount: float | None = Field(None, description="How many units; None when the text is vague.")
    unit: DurationUnit
    qualifier: Qualifier = "exact"
    start: dt.date | None = Field(
        None, description="Where the text anchors it ('the past three weeks' ends at publication)."
    )
    end: dt.date | None = None
    span: Span


class EventDate(Record):
    start: dt.date | None = None
    end: dt.date | None = None
    precision: TimePrecision | None = None


class AcledType(Record):
    event_type: str
    sub_event_type: str


class Event(Record):
    id: str
    type: PloverType
    mode: str | None = None
    cameo: str = Field(description="CAMEO root code, '01'..'20'.")
    acled: AcledType | None = None
    quad: Quad
    actor1: str | None = None
    actor2: str | None = None
    place: str | None = None
    place_basis: PlaceBasis | None = Field(
        None, description="How the place was found: argument, sentence or document (focus)."
    )
    date: EventDate
    modality: Modality = "asserted"
    attributed_to: str | None = None
    fatalities: int | None = None
    co_actors1: list[str] = Field(
        default_factory=list,
        description="Further parties named together with actor1 ('Egypt, Qatar and the United "
        "States condemned …'): entity ids beyond actor1.",
    )
    co_actors2: list[str] = Field(
        default_factory=list,
        description="Further parties named together with actor2 ('talks between Qatar, the "
        "Taliban and Turkey'): entity ids beyond actor2.",
    )
    inferred: list[InferredField] = Field(
        default_factory=list,
        description="Fields taken from the article's context, not the event's sentence.",
    )
    background: bool = Field(
        False,
        description="A background mention ('in 2006 …', 'since 2015 …', 'the 1996-2001 rule'), "
        "not a development of the article's period: kept, out of default lists, maps, totals.",
    )
    trigger: Span
    sentence: Span
    confidence: float = Field(ge=0.0, le=1.0)


class Quote(Record):
    id: str
    text: str
    span: Span
    kind: QuoteKind
    speaker: str | None = None
    speaker_span: Span | None = None
    cue: str | None = None


class Count(Record):
    """A number a claim gives of what a happening did ("at least five people were killed",
    "about 135 homes were damaged"), as the range of values it allows, so that two sources'
    counts are rival values only when no value fits both ("at least five" against "one"; not
    "at least 50" against "dozens")."""

    measure: str = Field(description="What was done to what is counted: 'killed', 'injured', …")
    what: list[str] = Field(
        default_factory=list,
        description="Lemmas of the counted nouns ('home', 'building'); [] for people in general.",
    )
    low: float
    high: float | None = Field(None, description="None: no upper bound ('at least five').")

    def excludes(self, other: Count) -> bool:
        """Two counts of one measure of one thing whose ranges do not meet."""
        if self.measure != other.measure:
            return False
        if self.what and other.what and not set(self.what) & set(other.what):
            return False
        return (self.high is not None and self.high < other.low) or (
            other.high is not None and other.high < self.low
        )


class Proposition(Record):
    """What a claim asserts or denies, stated positively so that opposite stances meet.

    An ``event`` proposition is about a happening (its PLOVER type and family, who did it,
    where, when); a ``statement`` is anything else, as a subject and a predicate in a few
    normalised words ("simpson" / "call flynn"). Names rather than entity ids, so that the
    propositions of two articles compare.
    """

    kind: PropositionKind
    family: str | None = Field(
        None,
        description="Event type family ('violence', 'coercion', 'protest', …); of a statement,"
        " the family its verb names ('capture the town'), if any.",
    )
    event_type: PloverType | None = None
    actors: list[str] = Field(
        default_factory=list, description="Who did it, by name: for responsibility claims too."
    )
    responsibility: bool = Field(
        False,
        description="Whether the claim is about who did it ('X claimed responsibility', 'blamed"
        " Y for the attack', 'denied involvement', 'came from Z'): other doers of one happening"
        " are then a rival account.",
    )
    targets: list[str] = Field(
        default_factory=list, description="Who it was done to, by name ('shot Anna Kovac')."
    )
    place: str | None = Field(None, description="The place's name.")
    date: dt.date | None = None
    date_end: dt.date | None = Field(
        None, description="The last day of the dates the text gives, when a span ('last month')."
    )
    killed: int | None = Field(None, description="The death toll the claim gives, if any.")
    counts: list[Count] = Field(
        default_factory=list, description="The counts the claim's content gives, as ranges."
    )
    subject: str | None = None
    predicate: str | None = None
    text: str = Field(description="The proposition in words, for a reader.")

    def matches(self, other: Proposition) -> bool:
        """Whether two propositions can be one: the same family of happening where neither
        names another place or other actors, or the same subject and predicate (a statement
        meets a statement or a happening so). A statement whose verb names a kind of happening
        ("denied capturing the town") has that family and meets happenings of it like one.
        Names are compared case-folded."""
        if self.kind != other.kind or self.kind == "statement":
            if self.same_statement(other):
                return True
            if self.family is None:
                return False
        if self.family != other.family:
            return False
        if self.place and other.place and _fold(self.place) != _fold(other.place):
            return False
        mine, theirs = {_fold(a) for a in self.actors}, {_fold(a) for a in other.actors}
        return not (mine and theirs and not mine & theirs)

    def same_statement(self, other: Proposition) -> bool:
        """One subject (or a short form of its name) and one predicate: "Petrov called the
        victim" of both."""
        return (
            self.subject is not None
            and self.predicate is not None
            and _same_name(self.subject, other.subject or "")
            and self.predicate == other.predicate
        )

    def names_no_doer_denied_by(self, denial: Proposition) -> bool:
        """Whether this account names no doer that ``denial``, a denial of who did a happening
        ("the militia denied any involvement", "the army denied bombing the camp"), disputes:
        "14 people were killed" and "warplanes bombed the camp" do not say the denier did it.
        An account whose doer is the denier by a common noun ("villagers said the army shelled
        the market" against the army's "we carried out no strikes") names it."""
        if not (denial.responsibility and denial.actors) or self.actors:
            return False
        return not any(_same_name(self.subject or "", name) for name in denial.actors)

    def rivals(self, other: Proposition) -> bool:
        """Two accounts of one happening with counts no value fits ("at least five people were
        killed" against "killed one person", of a happening or a statement alike), or, without
        counts of one measure, with different death tolls of their events: rival values, which
        cannot both be asserted. One happening: no other family, place or doers."""
        if not self.compatible(other):
            return False
        measures = {c.measure for c in self.counts} & {c.measure for c in other.counts}
        if measures:
            return any(a.excludes(b) for a in self.counts for b in other.counts)
        return (
            self.kind == other.kind == "event"
            and self.killed is not None
            and other.killed is not None
            and self.killed != other.killed
        )

    def other_doers(self, other: Proposition) -> bool:
        """Two accounts of who did a happening of one family that name no doer in common, one
        of them a claim about who did it ("X claimed responsibility for the bombing" against
        "officials blamed Y for the attack"): rival doers, which cannot both be asserted. A
        name that begins or ends another is that name ("the Front" of "the Free Valley Front",
        "the Front for Change"), so that a name read short or long is no rival of itself.
        Whether the two are about one happening is the caller's to judge."""
        if not (self.responsibility or other.responsibility):
            return False
        if not self.actors or not other.actors or self.family is None:
            return False
        if self.family != other.family:
            return False
        if self.place and other.place and _fold(self.place) != _fold(other.place):
            return False
        return not any(_part_of_name(a, b) for a in self.actors for b in other.actors)

    def compatible(self, other: Proposition) -> bool:
        """Whether two propositions can be about one happening: neither names another family,
        another place or other doers than the other."""
        if self.family and other.family and self.family != other.family:
            return False
        if self.place and other.place and _fold(self.place) != _fold(other.place):
            return False
        mine, theirs = {_fold(a) for a in self.actors}, {_fold(a) for a in other.actors}
        return not (mine and theirs and not mine & theirs)


def _fold(name: str) -> str:
    return " ".join(name.casefold().split())


def _part_of_name(a: str, b: str) -> bool:
    """One name, or one the start or the end of the other, word for word."""
    a, b = _fold(a), _fold(b)
    short, long = sorted((a, b), key=len)
    return bool(short) and (long == short or long.startswith(short + " ") or _same_name(a, b))


def _same_name(a: str, b: str) -> bool:
    """One name, or a short form of it ("Petrov" of "Marko Petrov")."""
    a, b = _fold(a), _fold(b)
    return bool(a and b) and (a == b or a.endswith(" " + b) or b.endswith(" " + a))


class Claim(Record):
    id: str
    claimant: str | None = None
    stance: Stance
    text: str
    span: Span
    event: str | None = None
    hedges: list[str] = Field(default_factory=list)
    claimant_text: str | None = Field(
        None,
        description="The claimant's mention as written ('officials', 'a spokesman for the "
        "ministry'), also when it is no known actor.",
    )
    claimant_span: Span | None = None
    side: str | None = Field(
        None,
        description="Entity id of the party the claimant speaks for: the organisation of a "
        "spokesman or official, else the claimant itself.",
    )
    proposition: Proposition | None = None
    embedded_in: str | None = Field(
        None,
        description="For a claim another claim reports ('X rejected Y's claim that P': Y's "
        "claim), the id of the reporting claim.",
    )


class Contradiction(Record):
    claims: tuple[str, str]
    reason: str
    proposition: str | None = Field(None, description="What the two claims disagree on, in words.")
    sides: tuple[str, str] | None = Field(
        None, description="The names of the two sides, in the order of ``claims``."
    )


class Figure(Record):
    value: float
    unit: str = Field(description="people, percent, an ISO 4217 currency code, or other.")
    qualifier: Qualifier = "exact"
    what: str | None = None
    period: FigurePeriod = Field(
        "current",
        description="What time the figure counts: 'current' (the reported event or period), "
        "'cumulative' (a running toll 'since late 2023'), 'historical' (a past episode).",
    )
    span: Span
    event: str | None = None


class Extraction(Record):
    schema_: Literal["sitroom.extraction/1"] = Field(SCHEMA_ID, alias="schema")
    document: Document
    entities: list[Entity] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    times: list[TimeSpan] = Field(default_factory=list)
    durations: list[Duration] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    contradictions: list[Contradiction] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    def to_json(self, *, indent: int | None = None) -> str:
        return self.model_dump_json(by_alias=True, indent=indent)

    @classmethod
    def json_schema(cls) -> dict[str, object]:
        return cls.model_json_schema(by_alias=True)


__all__ = [
    "SCHEMA_ID",
    "AcledType",
    "Claim",
    "Contradiction",
    "Count",
    "Document",
    "Duration",
    "Entity",
    "Event",
    "EventDate",
    "Extraction",
    "Figure",
    "FigurePeriod",
    "Place",
    "Quote",
    "Span",
    "TimeSpan",
]
