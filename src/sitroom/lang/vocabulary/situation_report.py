"""Schema of ``data/situation_report.yaml``: the words of the situation report (see its header)."""

from __future__ import annotations

from pydantic import Field

from sitroom.lang.vocabulary.base import Entry, Vocabulary
from sitroom.lang.vocabulary.words import LongestFirst


class FigureCategory(Entry):
    """One row of the figures box: its key, its heading, and the words that file a figure in it."""

    name: str
    label: str
    reported: str  # "reported displaced": a key message's words for a figure of the row
    cues: LongestFirst


class SituationReportWords(Vocabulary):
    """``situation_report.yaml``; see its header. A user's lists are added, never replace."""

    FILE = "situation_report.yaml"
    figure_categories: tuple[FigureCategory, ...]
    cue_window: int = Field(ge=1)
    response_types: frozenset[str]
    running_toll_cues: LongestFirst


__all__ = ["FigureCategory", "SituationReportWords"]
