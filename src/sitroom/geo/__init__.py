"""Places: an offline gazetteer (GeoNames + curated regions) and a toponym resolver.

``Gazetteer`` looks names up; ``resolve`` turns a document's ``Mention`` list into ``model.Place``
records; ``sitroom.geo.toponyms.find_mentions`` builds that list from a spaCy ``Doc``;
``propagate`` adds the further occurrences of resolved names; ``metonym_spans(doc)`` lists the
place mentions used as actors ("Washington said"), which are not event locations.
"""

from __future__ import annotations

from sitroom.geo.candidate import Candidate
from sitroom.geo.curated import demonym_country, load_curated
from sitroom.geo.gazetteer import Gazetteer, build_gazetteer
from sitroom.geo.metonyms import metonym_spans
from sitroom.geo.propagate import propagate
from sitroom.geo.resolve import Mention, resolve

__all__ = [
    "Candidate",
    "Gazetteer",
    "Mention",
    "build_gazetteer",
    "demonym_country",
    "load_curated",
    "metonym_spans",
    "propagate",
    "resolve",
]
