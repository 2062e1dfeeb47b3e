"""``sitroom_tags``: part-of-speech tags the parse contradicts, and names the model swept into a
time span, repaired before any stage reads them (see :mod:`sitroom.lang.tag_repair` and
:func:`sitroom.lang.entity_repair.names_before_times`)."""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from sitroom.lang.entity_repair import names_before_times
from sitroom.lang.tag_repair import Demonym, Irregular, Lemmatize, Plural, repair_tags
from sitroom.lang.vocabulary import load_vocabulary
from sitroom.lang.vocabulary.grammar import grammar
from sitroom.lang.vocabulary.places import PlacesVocabulary
from sitroom.lang.vocabulary.temporal import temporal_words


def _lemmatizer(nlp: Language | None) -> Lemmatize | None:
    """The pipeline's rule lemmatizer, as a function of a token, if it has one."""
    if nlp is None or "lemmatizer" not in nlp.pipe_names:
        return None
    pipe: Any = nlp.get_pipe("lemmatizer")
    if not hasattr(pipe, "rule_lemmatize"):
        return None

    def lemmatize(token: Token) -> str:
        found = pipe.rule_lemmatize(token)
        return str(found[0]) if found else token.lower_

    return lemmatize


def _irregular(nlp: Language | None) -> Irregular | None:
    """The lemma the pipeline's lemmatizer lists as the exception for a verb form ("retook":
    "retake"), as a function of the form, if it has such a table."""
    if nlp is None or "lemmatizer" not in nlp.pipe_names:
        return None
    lookups: Any = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_exc"):
        return None
    verbs = lookups.get_table("lemma_exc").get("verb", {})

    def irregular(form: str) -> str | None:
        found = verbs.get(form)
        return str(found[0]) if found else None

    return irregular


def _plural(nlp: Language | None) -> Plural | None:
    """Whether a lower-case form is the plural of a common noun in the lemmatizer's noun index
    ("fighters": "fighter"; "men": "man" by its exceptions), as a function, if it has them."""
    if nlp is None or "lemmatizer" not in nlp.pipe_names:
        return None
    lookups: Any = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not all(
        lookups.has_table(t) for t in ("lemma_rules", "lemma_index", "lemma_exc")
    ):
        return None
    rules = [(old, new) for old, new in lookups.get_table("lemma_rules").get("noun", [])]
    nouns = frozenset(lookups.get_table("lemma_index").get("noun", []))
    exceptions = lookups.get_table("lemma_exc").get("noun", {})

    def plural(form: str) -> bool:
        if form in exceptions:
            return any(str(lemma) != form for lemma in exceptions[form])
        return form.endswith("s") and any(
            form.endswith(old) and form[: len(form) - len(old)] + new in nouns
            for old, new in rules
            if old and form[: len(form) - len(old)] + new != form
        )

    return plural


def _demonym() -> Demonym:
    """Whether a case-folded word is a people's word of a country (``places.yaml``)."""
    words = frozenset(
        d.casefold()
        for country in load_vocabulary(PlacesVocabulary).countries.values()
        for d in country.demonyms
    )
    return words.__contains__


class TagsComponent:
    def __init__(self, nlp: Language | None = None) -> None:
        self._nlp = nlp
        self._nominal_deps: frozenset[str] | None = None  # read by initialize()
        self._lemmatize: Lemmatize | None = None
        self._irregular: Irregular | None = None
        self._plural: Plural | None = None
        self._demonym: Demonym | None = None
        self._calendar_words: frozenset[str] = frozenset()

    def initialize(self, get_examples: object = None, *, nlp: object = None) -> None:
        """Read the grammar's dependency labels of a noun phrase's head; find the lemmatizer
        and its tables of irregular verb forms and of nouns; read the calendar's words and the
        peoples' words."""
        self._nominal_deps = grammar().nominal_deps
        words = temporal_words()
        self._calendar_words = (
            frozenset(words.months) | frozenset(words.weekdays) | words.named_days
        )
        self._lemmatize = _lemmatizer(self._nlp)
        self._irregular = _irregular(self._nlp)
        self._plural = _plural(self._nlp)
        self._demonym = _demonym()

    def __call__(self, doc: Doc) -> Doc:
        if self._nominal_deps is None:  # a pipeline built by hand, without initialize()
            self.initialize()
        assert self._nominal_deps is not None
        doc = repair_tags(
            doc,
            self._nominal_deps,
            self._lemmatize,
            self._irregular,
            self._plural,
            demonym=self._demonym,
        )
        ents = names_before_times(doc, self._calendar_words)
        if ents is not None:
            doc.set_ents(ents)
        return doc


@Language.factory(
    "sitroom_tags",
    assigns=["token.pos", "token.tag", "token.lemma", "doc.ents"],
    requires=["token.dep", "token.pos"],
    default_config={"vocabulary": []},
)
def make_tags(nlp: Language, name: str, vocabulary: list[str]) -> TagsComponent:
    """``vocabulary`` is accepted like every sitroom component's; the grammar is not extensible."""
    return TagsComponent(nlp)
