"""Places: an offline gazetteer (GeoNames + curated regions) and a toponym resolver.

``Gazetteer`` looks names up; ``resolve`` turns a document's ``Mention`` list into ``model.Place``
records; ``sitroom.geo.toponyms.find_mentions`` builds that list from a spaCy ``Doc``.
"""

from __future__ import annotations

from sitroom.geo.candidate import Candidate
from sitroom.geo.curated import demonym_country, load_curated
from sitroom.geo.gazetteer import Gazetteer, build_gazetteer
from sitroom.geo.resolve import Mention, resolve

__all__ = [
    "Candidate",
    "Gazetteer",
    "Mention",
    "build_gazetteer",
    "demonym_country",
    "load_curated",
    "resolve",
]
