"""The ``DocIndex`` of a processed ``Doc``, built once and shared by the events and claims
components.

The index and its builder live in the language core (``sitroom.lang.docindex``); this layer
reads the stages' results off the ``Doc`` and adds what only a stage computes: the place
mentions that act as agents (``sitroom.geo.metonyms``).
"""

from __future__ import annotations

from spacy.tokens import Doc

from sitroom.geo.metonyms import metonym_spans
from sitroom.lang.docindex import DocIndex, build_index

_CACHE = "sitroom_doc_index"


def doc_index(doc: Doc) -> DocIndex:
    """The index of what the stages found; built once and reused while their results stand."""
    entities = doc._.sitroom_entities
    places = doc._.sitroom_places
    references = doc._.sitroom_place_references
    times = doc._.sitroom_times
    published = doc._.sitroom_published
    # The results are immutable tuples kept on the Doc, so their identities tell staleness.
    key = (id(entities), id(places), id(references), id(times), published)
    cached = doc.user_data.get(_CACHE)
    if cached is not None and cached[0] == key:
        index: DocIndex = cached[1]
        return index
    index = build_index(doc, entities, places, times, published, metonym_spans(doc), references)
    doc.user_data[_CACHE] = (key, index)
    return index


__all__ = ["doc_index"]
