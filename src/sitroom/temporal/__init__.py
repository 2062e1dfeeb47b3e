"""Times: normalise time expressions against the publication date and find them in a ``Doc``.

``normalize`` is pure string-and-date logic; ``find_times`` and ``times_in`` work on spaCy docs.
"""

from __future__ import annotations

from sitroom.temporal.normalize import Resolved, Tense, normalize

__all__ = ["Resolved", "Tense", "normalize"]
