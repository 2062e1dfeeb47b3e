"""``DocIndex``: what the stages found in one document, keyed by token index.

The events and claims stages read the entities, places and times that earlier stages found
through this index rather than through those stages, so that their logic stays pure and runs on
hand-built ``Doc`` objects. ``build_index`` makes one from the stages' results; the ``nlp``
layer calls it (and caches the index on the ``Doc``), passing in what only a stage can compute,
such as the place mentions that act as agents.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from bisect import bisect_left
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from sitroom.lang.focus import dateline_spans, focus_place, refuge_spans, speaker_spans
from sitroom.lang.token_times import TimesByToken
from sitroom.model import Entity, Place, Span, TimeSpan


@dataclass(frozen=True)
class DocIndex:
    """What the other stages found, by token index."""

    entity_at: Mapping[int, str]
    entity_label: Mapping[str, str]
    entity_name: Mapping[str, str]
    entity_type: Mapping[str, str | None]
    place_at: Mapping[int, str]
    place_kind: Mapping[str, str]
    times: Sequence[tuple[int, int, TimeSpan]]
    published: dt.date | None
    # The article's focus place (see ``sitroom.lang.focus``), if it has a clear one.
    focus_place: str | None = None
    # Tokens of place mentions that act as agents ("Kabul denied"): actors, not locations.
    metonym_at: frozenset[int] = frozenset()
    # The document's places that contain each place (its country, its first-level area), by id.
    place_within: Mapping[str, frozenset[str]] = dataclasses.field(default_factory=dict)
    # The organisation or state a person speaks or works for ("Taliban spokesman X", "X, a
    # spokesman for the army"), by entity id: whose side "we" and "our troops" are in their words.
    entity_affiliation: Mapping[str, str] = dataclasses.field(default_factory=dict)

    def contains(self, area: str, place: str) -> bool:
        """Whether ``area`` is one of the document's places that ``place`` lies in ("Hong Kong"
        for "Victoria Park", "Yemen" for "Aden")."""
        return area in self.place_within.get(place, frozenset())

    @functools.cached_property
    def entity_tokens_by_last_word(self) -> Mapping[str, Sequence[int]]:
        """Tokens of entity mentions, ascending, by the last word of the entity's name in
        lower case ("front" → the tokens of "National Resistance Front"): "the front" finds
        its organisation by a search, not by a walk back over the whole document."""
        found: dict[str, list[int]] = {}
        for i in sorted(self.entity_at):
            words = self.entity_name.get(self.entity_at[i], "").lower().split()
            if words:
                found.setdefault(words[-1], []).append(i)
        return found

    @functools.cached_property
    def entity_tokens_by_word(self) -> Mapping[str, Sequence[int]]:
        """Tokens of entity mentions, ascending, by each word of the entity's name in lower
        case ("ministry" → the tokens of "Health Ministry" and "Ministry of Health")."""
        found: dict[str, list[int]] = {}
        for i in sorted(self.entity_at):
            for word in set(self.entity_name.get(self.entity_at[i], "").lower().split()):
                found.setdefault(word, []).append(i)
        return found

    def innermost(self, place: str, others: Iterable[str]) -> str:
        """The one place of ``others`` that lies within ``place`` ("security forces in Iran
        arrested demonstrators in Zahedan": Zahedan), else ``place`` itself."""
        inside = {p for p in others if p != place and self.contains(place, p)}
        return inside.pop() if len(inside) == 1 else place

    def location_at(self, i: int) -> str | None:
        """The place token ``i`` names as a location, if any."""
        return None if i in self.metonym_at else self.place_at.get(i)

    @functools.cached_property
    def location_tokens_by_kind(self) -> Mapping[str, Sequence[int]]:
        """Tokens naming a place as a location, ascending, by the place's kind: "the province"
        finds the last province named by a search, not by a walk back over the document."""
        found: dict[str, list[int]] = {}
        for i in sorted(self.place_at):
            place = self.location_at(i)
            kind = self.place_kind.get(place) if place is not None else None
            if kind is not None:
                found.setdefault(kind, []).append(i)
        return found

    def last_location_before(self, i: int, kinds: Collection[str]) -> str | None:
        """The place of one of ``kinds`` named as a location last before token ``i``."""
        best = -1
        for kind in kinds:
            tokens = self.location_tokens_by_kind.get(kind, ())
            at = bisect_left(tokens, i)
            if at:
                best = max(best, tokens[at - 1])
        return self.location_at(best) if best >= 0 else None


def tokens_of(doc: Doc, span: Span) -> range:
    """The tokens covering a character span (expanded to whole tokens), empty if none."""
    found = doc.char_span(span[0], span[1], alignment_mode="expand")
    return range(found.start, found.end) if found is not None else range(0)


def _by_token(doc: Doc, items: Iterable[tuple[str, Iterable[Span]]]) -> dict[int, str]:
    out: dict[int, str] = {}
    for item_id, spans in items:
        for span in spans:
            for i in tokens_of(doc, span):
                out[i] = item_id
    return out


def _referred(places: Sequence[Place], references: Sequence[tuple[Span, str]]) -> list[Place]:
    """``places`` with their references counted as mentions: an article that keeps returning to
    "the capital" is about the capital as one that keeps naming it."""
    extra: dict[str, list[Span]] = {}
    for span, place_id in references:
        extra.setdefault(place_id, []).append(span)
    return [
        p.model_copy(update={"mentions": [*p.mentions, *extra[p.id]]}) if p.id in extra else p
        for p in places
    ]


def _within(places: Sequence[Place]) -> dict[str, frozenset[str]]:
    """For each place, the document's places that contain it: the country of its country code,
    the first-level area its gazetteer entry lies in."""
    countries = {p.country: p.id for p in places if p.kind == "country" and p.country}
    areas = {(p.country, p.name): p.id for p in places if p.kind == "admin1"}
    found: dict[str, frozenset[str]] = {}
    for p in places:
        wider = {countries.get(p.country or ""), areas.get((p.country, p.admin1 or ""))}
        wider.discard(None)
        wider.discard(p.id)
        if wider:
            found[p.id] = frozenset(w for w in wider if w is not None)
    return found


def build_index(
    doc: Doc,
    entities: Sequence[Entity],
    places: Sequence[Place],
    times: Sequence[TimeSpan],
    published: dt.date | None,
    metonyms: Collection[Span],
    references: Sequence[tuple[Span, str]] = (),
) -> DocIndex:
    """The index of the stages' results; ``metonyms`` are the character spans of place mentions
    that act as agents (the places stage finds them); ``references`` the spans that name a
    place by a common noun ("the Afghan capital"), with its id: places for the events stage and
    the article's focus, though no toponyms."""
    timed = []
    for t in times:
        toks = tokens_of(doc, t.span)
        if len(toks):
            timed.append((toks.start, toks.stop, t))
    datelines = dateline_spans(doc.text, places)
    return DocIndex(
        entity_at=_by_token(doc, ((e.id, e.mentions) for e in entities)),
        entity_label={e.id: e.label for e in entities},
        entity_name={e.id: e.name for e in entities},
        entity_type={e.id: e.actor_type for e in entities},
        place_at=_by_token(
            doc, [*((p.id, p.mentions) for p in places), *((i, [s]) for s, i in references)]
        ),
        place_kind={p.id: p.kind for p in places},
        times=TimesByToken(timed),
        published=published,
        focus_place=focus_place(
            _referred(places, references),
            {*metonyms, *refuge_spans(doc, places), *speaker_spans(doc, places)},
            datelines,
        ),
        metonym_at=frozenset(i for span in metonyms for i in tokens_of(doc, span)),
        place_within=_within(places),
        entity_affiliation={e.id: e.affiliation for e in entities if e.affiliation is not None},
    )


__all__ = ["DocIndex", "build_index", "tokens_of"]
