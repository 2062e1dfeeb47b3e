"""Situation reports: what the store holds about a country and period, every line cited.

``build_report`` reads a ``Report`` (typed, frozen) from a ``Store``; ``render_markdown`` and
``render_html`` lay it out, ``render_pdf`` prints the HTML with headless Chromium. Nothing is
written that the stored extractions do not hold: counts and totals say how they were computed,
only figures of the period make the headline (``timing``), and each statement is footnoted
with its numbered sources.
"""

from __future__ import annotations

from sitroom.report.gather import build_report
from sitroom.report.html import render_html
from sitroom.report.markdown import render_markdown
from sitroom.report.model import (
    ClaimSide,
    Contest,
    Count,
    Development,
    FatalityTotal,
    KeyMessage,
    Mention,
    Report,
    ReportedFigure,
    ReportedQuote,
    Source,
)
from sitroom.report.pdf import render_pdf
from sitroom.report.sentence import describe
from sitroom.report.svgmap import EventMap, event_map

__all__ = [
    "ClaimSide",
    "Contest",
    "Count",
    "Development",
    "EventMap",
    "FatalityTotal",
    "KeyMessage",
    "Mention",
    "Report",
    "ReportedFigure",
    "ReportedQuote",
    "Source",
    "build_report",
    "describe",
    "event_map",
    "render_html",
    "render_markdown",
    "render_pdf",
]
