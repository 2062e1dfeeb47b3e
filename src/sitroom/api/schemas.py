"""The JSON shapes of the HTTP API, as pydantic models so that OpenAPI documents every field.

Store rows are dataclasses; ``from_row`` builds a model from one, field by field, so a column
added to the store does not silently appear in (or vanish from) the public API.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, field_validator

from sitroom.model import Claim, Event, Extraction, Span

HighlightKind = Literal["entity", "place", "time", "trigger", "quote", "claim", "figure"]
IngestStatus = Literal["processed", "duplicate", "near_duplicate", "unsupported"]


class ApiModel(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    @classmethod
    def from_row(cls, row: Any, **extra: Any) -> Self:
        """The model of a store dataclass row: its fields this model declares, plus ``extra``."""
        values = {f.name: getattr(row, f.name) for f in dataclasses.fields(row)}
        values = {k: v for k, v in values.items() if k in cls.model_fields}
        return cls(**{**values, **extra})


# -- errors ------------------------------------------------------------------------------------


class ErrorDetail(ApiModel):
    """One problem with a request, such as one invalid query parameter."""

    loc: list[str | int] = Field(description="Where: e.g. ['query', 'limit'].")
    message: str
    type: str | None = None


class ErrorBody(ApiModel):
    code: str = Field(description="Stable sitroom error code, e.g. S507 (bad filter).")
    status: int = Field(description="The HTTP status, repeated for clients that lose it.")
    message: str
    details: list[ErrorDetail] | None = None


class ErrorResponse(ApiModel):
    """Every error the API returns has this shape, whatever its status."""

    error: ErrorBody


# -- health and stats --------------------------------------------------------------------------


class Health(ApiModel):
    status: Literal["ok"] = "ok"
    version: str = Field(description="sitroom's version.")
    schema_version: int = Field(description="Database schema version (migrations applied).")
    documents: int


class DayCount(ApiModel):
    day: dt.date
    events: int
    by_quad: dict[str, int] = Field(description="Events of the day per quad.")


class Stats(ApiModel):
    documents: int = Field(description="Documents with a matching event (all, unfiltered).")
    events: int
    claims: int = Field(description="Claims in the counted documents.")
    by_day: list[DayCount] = Field(description="Dated events per start day, oldest first.")
    by_type: dict[str, int] = Field(description="Events per PLOVER type, most first.")
    by_country: dict[str, int] = Field(description="Events per ISO country code, most first.")


# -- documents ---------------------------------------------------------------------------------


class DocumentSummary(ApiModel):
    id: str
    title: str | None
    url: str | None
    publisher: str | None
    published: dt.date | None
    language: str | None
    license: str | None
    ingested_at: dt.datetime
    event_count: int
    claim_count: int
    cursor: str = Field(description="Pass as `after` for the documents after this one.")


class DocumentPage(ApiModel):
    items: list[DocumentSummary]
    next: str | None = Field(description="Cursor of the next page; null on the last page.")


class Highlight(ApiModel):
    """A span of the document text to mark in a source view."""

    start: int
    end: int
    kind: HighlightKind
    label: str = Field(description="What to show: a name, an event type, a stance, a figure.")
    ref: str | None = Field(description="Id of the record in the extraction, if it has one.")


class DocumentDetail(ApiModel):
    extraction: Extraction = Field(description="The stored extraction (sitroom.extraction/1).")
    highlights: list[Highlight] = Field(description="Spans to mark, sorted by start.")
    near_duplicate_of: list[str] = Field(description="Stored documents this one nearly repeats.")


# -- events ------------------------------------------------------------------------------------


class EventItem(ApiModel):
    """One stored event with actors, place and source resolved to readable values."""

    document_id: str
    event_id: str
    type: str
    mode: str | None
    cameo: str
    quad: str
    acled_event_type: str | None
    acled_sub_event_type: str | None
    modality: str
    actor1: str | None
    actor2: str | None
    actor1_affiliation: str | None
    actor2_affiliation: str | None
    attributed_to: str | None
    inferred: list[str] = Field(
        default_factory=list,
        description="Fields taken from the article, not the event's sentence (actor1, actor2).",
    )
    place: str | None
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geo_precision: int | None
    date_start: dt.date | None
    date_end: dt.date | None
    date_precision: str | None
    fatalities: int | None
    confidence: float
    sentence: str
    publisher: str | None
    url: str | None
    title: str | None
    published: dt.date | None
    description: str = Field(
        "", description="What happened in one line: actors, place, outlet and date."
    )
    background: bool = Field(
        False, description="A background mention ('in 2006 ...'), not part of the news."
    )
    cursor: str = Field(description="Pass as `after` for the events after this one.")

    @field_validator("inferred", mode="before")
    @classmethod
    def _listed(cls, value: object) -> object:
        return value.split(",") if isinstance(value, str) else value or []


class EventPage(ApiModel):
    items: list[EventItem]
    next: str | None = Field(description="Cursor of the next page; null on the last page.")


class DocumentMeta(ApiModel):
    id: str
    title: str | None
    url: str | None
    publisher: str | None
    published: dt.date | None
    language: str | None
    license: str | None


class NamedRef(ApiModel):
    """A record of the extraction by id, with the name to show for it."""

    id: str
    name: str


class EventDetail(ApiModel):
    document: DocumentMeta
    event: Event = Field(description="The event as in the contract (ids, spans).")
    sentence: str
    sentence_span: Span
    trigger: str
    trigger_span: Span
    actor1: NamedRef | None
    actor2: NamedRef | None
    attributed_to: NamedRef | None
    place: NamedRef | None
    claims: list[Claim] = Field(description="Claims of the document about this event.")


# -- claims and contradictions -----------------------------------------------------------------


class ClaimItem(ApiModel):
    document_id: str
    title: str | None
    claim_id: str
    claimant: str | None = Field(description="Entity name, or the text as written.")
    stance: str
    text: str
    hedges: list[str]
    event_id: str | None
    event_type: str | None
    contested: bool = Field(description="Takes part in a contradiction (within or across).")
    cursor: str


class ClaimPage(ApiModel):
    items: list[ClaimItem]
    next: str | None


class ClaimSide(ApiModel):
    document_id: str
    title: str | None
    claim_id: str
    claimant: str | None
    stance: str
    text: str
    side: str | None = Field(None, description="The side the claimant speaks for, by name.")
    publisher: str | None = None
    published: dt.date | None = None


class ContradictionItem(ApiModel):
    scope: Literal["document", "corpus"] = Field(
        description="document: both claims in one article; corpus: claims of two articles."
    )
    a: ClaimSide
    b: ClaimSide
    reason: str
    proposition: str | None = Field(None, description="What is disputed, in words.")
    place: str | None = Field(None, description="The place the proposition or a claim names.")
    country: str | None = Field(None, description="That place's ISO 3166-1 alpha-2 code.")
    date: dt.date | None = Field(
        None, description="The day disputed, else the first publication day of the two."
    )


class Contradictions(ApiModel):
    items: list[ContradictionItem]


# -- actors and places -------------------------------------------------------------------------


class ActorItem(ApiModel):
    """One actor of the store-wide registry: every article's mentions of it are one row."""

    id: str
    name: str
    label: str
    actor_type: str | None
    country: str | None
    aliases: list[str]
    documents: int
    mentions: int


class ActorList(ApiModel):
    items: list[ActorItem]


class PlaceItem(ApiModel):
    name: str
    kind: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    documents: int


class PlaceList(ApiModel):
    items: list[PlaceItem]


# -- ingestion ---------------------------------------------------------------------------------

MAX_TEXT_CHARS = 500_000


class NewDocument(ApiModel):
    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS, description="The article text.")
    title: str | None = Field(None, max_length=2000)
    url: str | None = Field(None, max_length=4000)
    publisher: str | None = Field(None, max_length=500)
    published: dt.date | None = Field(None, description="YYYY-MM-DD; anchors relative dates.")


class IngestResult(ApiModel):
    document_id: str
    status: IngestStatus = Field(
        description="processed: extracted and stored; duplicate: this text was already "
        "stored; near_duplicate: stored unextracted, linked to its original; unsupported: "
        "not English, stored unextracted."
    )
    near_duplicate_of: str | None = None
    counts: dict[str, int] = Field(description="Records of the stored extraction, by kind.")
