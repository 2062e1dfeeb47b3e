"""The ``sitroom_figures`` pipeline component: figures on ``doc._.sitroom_figures``.

Place it after ``sitroom_times`` so that numbers inside resolved dates ("on 5 Sept") are not
read as figures; on its own it still skips numbers inside DATE and TIME entities.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from sitroom.figures.extract import find_figures
from sitroom.figures.lexicon import FigureLexicon, load_lexicon
from sitroom.nlp import extensions as _extensions  # noqa: F401  (registers doc._.sitroom_*)


class FiguresComponent:
    """Holds the word lists so that extra lexicon files are read once, not per document."""

    def __init__(self, lexicon: FigureLexicon) -> None:
        self.lexicon = lexicon

    def __call__(self, doc: Doc) -> Doc:
        doc._.sitroom_figures = find_figures(doc, self.lexicon)
        return doc


@Language.factory(
    "sitroom_figures",
    assigns=["doc._.sitroom_figures"],
    requires=["doc.ents", "token.dep"],
    default_config={"extra_lexicons": []},
)
def make_figures(nlp: Language, name: str, extra_lexicons: list[str]) -> Callable[[Doc], Doc]:
    """Factory for ``nlp.add_pipe("sitroom_figures")``.

    ``extra_lexicons``: paths of YAML files whose word lists are added to
    ``data/figure_nouns.yaml`` (same keys; see that file's header).
    """
    return FiguresComponent(load_lexicon(extra_lexicons))


__all__ = ["FiguresComponent", "make_figures"]
