"""sitroom: turn news reports into crisis intelligence.

>>> import sitroom
>>> nlp = sitroom.load()                      # English model + sitroom's spaCy components
>>> ex = sitroom.extract("Rebels attacked Kadugli on Monday.", published="2025-03-04")
>>> ex.events[0].type
'ASSAULT'
>>> db = sitroom.open("sitroom.db")          # a stored database, read as typed records
>>> db.events(country="AF", type=["FIGHT", "ASSAULT"]).to_pandas()
"""

from __future__ import annotations

import datetime as dt
from importlib.metadata import version as _version
from typing import TYPE_CHECKING, Any

from sitroom.config import Settings, load_settings
from sitroom.errors import SitroomError
from sitroom.model import (
    Claim,
    Contradiction,
    Document,
    Entity,
    Event,
    Extraction,
    Figure,
    Place,
    Quote,
    TimeSpan,
)

if TYPE_CHECKING:
    import os

    from sitroom.nlp.pipeline import load
    from sitroom.service import Extractor
    from sitroom.service.data import Database
    from sitroom.store import EventQuery, Store

__version__ = _version("sitroom")

# spaCy and SQLAlchemy are imported on first use, so that "import sitroom.store" or reading a
# database does not pay for loading the NLP stack.
_LAZY = {
    "load": "sitroom.nlp.pipeline",
    "Extractor": "sitroom.service",
    "Store": "sitroom.store",
    "EventQuery": "sitroom.store",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'sitroom' has no attribute {name!r}")


def open(url: str | os.PathLike[str]) -> Database:
    """Open a stored database for reading: ``db.events(...)``, ``db.corpus_events(...)``,
    ``db.claims(...)``, each with ``.to_pandas()`` and ``.to_geopandas()``
    (``sitroom.service.data``)."""
    from sitroom.service.data import open_database

    return open_database(url)


_default: Extractor | None = None  # the pipeline behind extract(), loaded on first call


def extract(
    text: str,
    *,
    published: dt.date | str | None = None,
    title: str | None = None,
    url: str | None = None,
    publisher: str | None = None,
) -> Extraction:
    """Extract one article with the default pipeline (loaded on first call)."""
    from sitroom.ingest.text import make_document, parse_date
    from sitroom.service import Extractor

    global _default
    if _default is None:
        _default = Extractor()
    day = parse_date(published) if isinstance(published, str) else published
    document = make_document(text, title=title, url=url, publisher=publisher, published=day)
    return _default.extract(document)


__all__ = [
    "Claim",
    "Contradiction",
    "Document",
    "Entity",
    "Event",
    "EventQuery",
    "Extraction",
    "Extractor",
    "Figure",
    "Place",
    "Quote",
    "Settings",
    "SitroomError",
    "Store",
    "TimeSpan",
    "__version__",
    "extract",
    "load",
    "load_settings",
    "open",
]
