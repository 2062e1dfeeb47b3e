"""The tabular columns of corpus events (one row per happening, merged across articles):
ACLED's names first where sitroom has the field, then sitroom's own, as for single events."""

from __future__ import annotations

from sitroom.store.corpus_query import CorpusEventRow
from sitroom.store.export.columns import Column, country_name, iso_numeric, time_precision


def corpus_notes(row: CorpusEventRow) -> str:
    """ACLED-style notes generated from the merged evidence, never from free invention:

    ``FIGHT: Free Hills Front; Army of the Plains at Tawila. Reported by 3 sources (Hill
    Courier, Plains Post, Radio Desert) in 4 articles. Contested: 1 claim for, 1 against.``
    """
    actors = "; ".join(a for a in (row.actor1, row.actor2) if a) or "unnamed actors"
    where = f" at {row.place}" if row.place else ""
    outlets = f" ({', '.join(row.publishers)})" if row.publishers else ""
    parts = [
        f"{row.type}: {actors}{where}.",
        f"Reported by {row.sources} source{'s' * (row.sources != 1)}{outlets} in "
        f"{row.articles} article{'s' * (row.articles != 1)}.",
    ]
    if row.modality != "asserted":
        parts.append(f"Modality: {row.modality}.")
    if row.contested:
        parts.append(f"Contested: {row.claims_for} claim(s) for, {row.claims_against} against.")
    return " ".join(parts)


CORPUS_COLUMNS: tuple[Column, ...] = (
    Column("event_id_cnty", "string", lambda r: r.id),
    Column("event_date", "date", lambda r: r.date_start),
    Column("year", "int", lambda r: r.date_start.year if r.date_start else None),
    Column("time_precision", "int", time_precision),
    Column("event_type", "string", lambda r: r.acled_event_type),
    Column("sub_event_type", "string", lambda r: r.acled_sub_event_type),
    Column("actor1", "string", lambda r: r.actor1),
    Column("actor2", "string", lambda r: r.actor2),
    Column("iso", "int", lambda r: iso_numeric(r.country)),
    Column("country", "string", lambda r: country_name(r.country)),
    Column("admin1", "string", lambda r: r.admin1),
    Column("location", "string", lambda r: r.place),
    Column("latitude", "float", lambda r: r.lat),
    Column("longitude", "float", lambda r: r.lon),
    Column("geo_precision", "int", lambda r: r.geo_precision),
    Column("source", "string", lambda r: "; ".join(r.publishers) or None),
    Column("source_scale", "string", lambda r: None),
    Column("notes", "string", corpus_notes),
    Column("fatalities", "int", lambda r: r.fatalities),
    Column("country_code", "string", lambda r: r.country.upper() if r.country else None),
    Column("date_end", "date", lambda r: r.date_end),
    Column("date_precision", "string", lambda r: r.date_precision),
    Column("fatalities_max", "int", lambda r: r.fatalities_max),
    Column("plover_type", "string", lambda r: r.type),
    Column("plover_mode", "string", lambda r: r.mode),
    Column("cameo", "string", lambda r: r.cameo),
    Column("quad", "string", lambda r: r.quad),
    Column("modality", "string", lambda r: r.modality),
    Column("mentions", "int", lambda r: r.mentions),
    Column("articles", "int", lambda r: r.articles),
    Column("sources", "int", lambda r: r.sources),
    Column("contested", "int", lambda r: int(r.contested)),
    Column("claims_for", "int", lambda r: r.claims_for),
    Column("claims_against", "int", lambda r: r.claims_against),
    Column("first_seen", "date", lambda r: r.first_seen),
    Column("last_seen", "date", lambda r: r.last_seen),
    Column("confidence", "float", lambda r: r.confidence),
    Column("background", "int", lambda r: int(r.background)),
)

__all__ = ["CORPUS_COLUMNS", "corpus_notes"]
