"""Figures: numbers with their hedge, unit and what they count.

``parse_quantity`` is pure string logic; ``find_figures`` (in ``sitroom.figures.extract``) works
on spaCy docs with the word lists of ``data/figure_nouns.yaml`` (``FigureNouns``).
"""

from __future__ import annotations

from sitroom.figures.numbers import Quantity, parse_number, parse_quantity

__all__ = ["Quantity", "parse_number", "parse_quantity"]
