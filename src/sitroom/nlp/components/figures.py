"""The ``sitroom_figures`` pipeline component: figures on ``doc._.sitroom_figures``.

Place it after ``sitroom_times`` so that numbers inside resolved dates ("on 5 Sept") are not
read as figures; on its own it still skips numbers inside DATE and TIME entities.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from sitroom.figures.extract import find_figures
from sitroom.lang.vocabulary import load_vocabulary
from sitroom.lang.vocabulary.figures import FigureNouns
from sitroom.lang.vocabulary.reporting import ReportingVocabulary
from sitroom.nlp import extensions as _extensions  # noqa: F401  (registers doc._.sitroom_*)


class FiguresComponent:
    """Holds the word lists so that the user's vocabulary files are read once, not per doc."""

    def __init__(self, vocabulary: tuple[Path, ...] = ()) -> None:
        self._vocabulary = vocabulary  # the user's vocabulary files; read by initialize()
        self.lexicon: FigureNouns | None = None
        self.reporting: ReportingVocabulary | None = None

    def initialize(self, get_examples: object = None, *, nlp: object = None) -> None:
        """Load the figure nouns and reporting verbs, with the user's files merged in."""
        self.lexicon = load_vocabulary(FigureNouns, self._vocabulary)
        self.reporting = load_vocabulary(ReportingVocabulary, self._vocabulary)

    def __call__(self, doc: Doc) -> Doc:
        if self.lexicon is None:  # a pipeline built by hand, without initialize()
            self.initialize()
        doc._.sitroom_figures = find_figures(doc, self.lexicon, self.reporting)
        return doc


@Language.factory(
    "sitroom_figures",
    assigns=["doc._.sitroom_figures"],
    requires=["doc.ents", "token.dep"],
    default_config={"vocabulary": []},
)
def make_figures(nlp: Language, name: str, vocabulary: list[str]) -> FiguresComponent:
    """Factory for ``nlp.add_pipe("sitroom_figures")``.

    ``vocabulary``: the user's vocabulary files (any name; keys route to vocabularies). Their
    ``person_nouns``, ``casualty_words``, ``crowd_verbs`` and ``time_nouns`` are added to
    ``data/figure_nouns.yaml`` (see that file's header).
    """
    return FiguresComponent(tuple(Path(p) for p in vocabulary))


__all__ = ["FiguresComponent", "make_figures"]
