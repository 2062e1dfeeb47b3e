"""Figures: numbers with their hedge, unit and what they count.

``parse_quantity`` is pure string logic; ``find_figures`` (in ``sitroom.figures.extract``) works
on spaCy docs; ``load_lexicon`` reads ``data/figure_nouns.yaml`` plus user files.
"""

from __future__ import annotations

from sitroom.figures.lexicon import FigureLexicon, load_lexicon
from sitroom.figures.numbers import Quantity, parse_number, parse_quantity

__all__ = ["FigureLexicon", "Quantity", "load_lexicon", "parse_number", "parse_quantity"]
