"""Token-level indexes of what earlier stages found, shared by the events and claims components."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence

from spacy.tokens import Doc

from sitroom.actors.lookup import DocIndex
from sitroom.geo.metonyms import metonym_spans
from sitroom.model import Entity, Place, Span

_CACHE = "sitroom_doc_index"


def tokens_of(doc: Doc, span: Span) -> range:
    found = doc.char_span(span[0], span[1], alignment_mode="expand")
    return range(found.start, found.end) if found is not None else range(0)


def _index(doc: Doc, items: Iterable[tuple[str, Iterable[Span]]]) -> dict[int, str]:
    out: dict[int, str] = {}
    for item_id, spans in items:
        for span in spans:
            for i in tokens_of(doc, span):
                out[i] = item_id
    return out


def doc_index(doc: Doc) -> DocIndex:
    """The index of what the stages found; built once and reused while their results stand."""
    entities = doc._.sitroom_entities
    places = doc._.sitroom_places
    # The results are immutable tuples kept on the Doc, so their identities tell staleness.
    key = (id(entities), id(places), id(doc._.sitroom_times), doc._.sitroom_published)
    cached = doc.user_data.get(_CACHE)
    if cached is not None and cached[0] == key:
        index: DocIndex = cached[1]
        return index
    index = _build(doc, entities, places)
    doc.user_data[_CACHE] = (key, index)
    return index


def _build(doc: Doc, entities: Sequence[Entity], places: Sequence[Place]) -> DocIndex:
    times = []
    for t in doc._.sitroom_times:
        toks = tokens_of(doc, t.span)
        if len(toks):
            times.append((toks.start, toks.stop, t))
    metonyms = metonym_spans(doc)
    datelines = dateline_spans(doc.text, places)
    return DocIndex(
        entity_at=_index(doc, ((e.id, e.mentions) for e in entities)),
        entity_label={e.id: e.label for e in entities},
        entity_name={e.id: e.name for e in entities},
        entity_type={e.id: e.actor_type for e in entities},
        place_at=_index(doc, ((p.id, p.mentions) for p in places)),
        place_kind={p.id: p.kind for p in places},
        times=times,
        published=doc._.sitroom_published,
        focus_place=focus_place(places, metonyms | datelines),
        metonym_at=frozenset(i for span in metonyms for i in tokens_of(doc, span)),
    )


# After a dateline's place: "YANGON, May 21 (Agency) -", "KABUL (Reuters) -", "Kabul — ".
_DATELINE_END = re.compile(r"\s*[,(\u2014\u2013-]")


def dateline_spans(text: str, places: Sequence[Place]) -> set[Span]:
    """The mention that opens the text as its dateline: where the reporter filed from, which
    says nothing of where the reported events happened."""
    return {
        (start, end)
        for place in places
        for start, end in place.mentions
        if not text[:start].strip() and _DATELINE_END.match(text, end)
    }


# Places below country level, most specific first: ties in mention counts go to the finer one.
_FOCUS_KINDS = ("facility", "locality", "city", "admin2", "admin1", "region")


def focus_place(places: Sequence[Place], metonyms: Collection[Span] = ()) -> str | None:
    """The place an article is about: the most mentioned one below country level, named at
    least twice (a dateline city named once is where the reporter was, not where things
    happened); ties go to the more specific place, then the one named first. Mentions in
    ``metonyms`` ("Kabul denied") name a government, not where things happen, and don't count."""
    located = {p.id: [m for m in p.mentions if tuple(m) not in metonyms] for p in places}
    ranked = sorted(
        (p for p in places if p.kind in _FOCUS_KINDS and len(located[p.id]) >= 2),
        key=lambda p: (-len(located[p.id]), _FOCUS_KINDS.index(p.kind), min(located[p.id])),
    )
    return ranked[0].id if ranked else None


__all__ = ["dateline_spans", "doc_index", "focus_place", "tokens_of"]
