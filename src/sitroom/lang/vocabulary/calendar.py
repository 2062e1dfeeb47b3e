"""Schema of ``data/calendar.yaml``: month and weekday names."""

from __future__ import annotations

from functools import cache
from typing import Annotated

from pydantic import BeforeValidator, Field

from sitroom.lang.vocabulary.base import Vocabulary
from sitroom.lang.vocabulary.loader import load_vocabulary
from sitroom.lang.vocabulary.words import lower_keys


class CalendarWords(Vocabulary):
    """``calendar.yaml``: month name → 1..12, weekday name → 0 (Monday)..6."""

    FILE = "calendar.yaml"
    USER_EXTENSIBLE = False
    months: Annotated[dict[str, Annotated[int, Field(ge=1, le=12)]], BeforeValidator(lower_keys)]
    weekdays: Annotated[dict[str, Annotated[int, Field(ge=0, le=6)]], BeforeValidator(lower_keys)]


@cache
def calendar_words() -> CalendarWords:
    """The packaged month and weekday names (read once per process)."""
    return load_vocabulary(CalendarWords)


__all__ = ["CalendarWords", "calendar_words"]
