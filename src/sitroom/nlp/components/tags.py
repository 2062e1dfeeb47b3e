"""``sitroom_tags``: part-of-speech tags the parse contradicts, repaired before any stage reads
them (see :mod:`sitroom.lang.tag_repair`)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from sitroom.lang.tag_repair import repair_tags
from sitroom.lang.vocabulary.grammar import grammar


class TagsComponent:
    def __init__(self) -> None:
        self._nominal_deps: frozenset[str] | None = None  # read by initialize()

    def initialize(self, get_examples: object = None, *, nlp: object = None) -> None:
        """Read the grammar's dependency labels of a noun phrase's head."""
        self._nominal_deps = grammar().nominal_deps

    def __call__(self, doc: Doc) -> Doc:
        if self._nominal_deps is None:  # a pipeline built by hand, without initialize()
            self.initialize()
        assert self._nominal_deps is not None
        return repair_tags(doc, self._nominal_deps)


@Language.factory(
    "sitroom_tags",
    assigns=["token.pos", "token.tag"],
    requires=["token.dep", "token.pos"],
    default_config={"vocabulary": []},
)
def make_tags(nlp: Language, name: str, vocabulary: list[str]) -> TagsComponent:
    """``vocabulary`` is accepted like every sitroom component's; the grammar is not extensible."""
    return TagsComponent()
