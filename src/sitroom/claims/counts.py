"""The counts a claim's content gives: its figures as ranges of what a happening did.

A figure of the figures stage (``doc._.sitroom_figures``) is a count when the words around it
say what was done to what it counts (``count_measures`` in ``data/reporting.yaml``): "at least
five people were killed" is a count of the dead from five up, "about 135 homes were damaged" a
count of damaged homes between about 100 and 170. Two sources' counts of one measure whose
ranges do not meet are rival values (``Count.excludes``).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from sitroom.lang.vocabulary.reporting import ReportingVocabulary
from sitroom.model import Count, Figure

DEAD = "killed"  # the measure (data/reporting.yaml count_measures) that is a death toll
_SUBJECTS = {"nsubj", "nsubjpass"}
_ON_NOUN = {"compound", "acl", "amod"}  # "the death toll", "800 homes destroyed"
_COUNTED = {"nsubj", "nsubjpass", "dobj", "conj", "attr"}  # a counted noun's part in its clause


class CountReader:
    """The counts of the claims of one document."""

    def __init__(self, doc: Doc, cues: ReportingVocabulary) -> None:
        self.doc = doc
        self.cues = cues
        self.measures = {w: m for m, ws in cues.count_measures.items() for w in ws}
        # The figures of the period (not running or past tolls), by start: a claim's counts
        # are those inside its content, found by a search.
        figures: Sequence[Figure] = doc._.sitroom_figures or ()
        self._figures = sorted(
            ((f.span[0], n, f) for n, f in enumerate(figures) if f.period == "current"),
            key=lambda x: x[:2],
        )

    def counts(self, span: tuple[int, int]) -> list[Count]:
        """The counts the figures inside ``span`` give of what a happening did, by the words
        around each figure (``count_measures``); figures that count nothing done are left out."""
        first = bisect_left(self._figures, span[0], key=lambda x: x[0])
        found = []
        for at, _, figure in self._figures[first:]:
            if at >= span[1]:
                break
            numbers = self.doc.char_span(*figure.span, alignment_mode="expand")
            if numbers is None or figure.span[1] > span[1]:
                continue
            found.extend(self._count(numbers.root, figure))
        return found

    def _count(self, number: Token, figure: Figure) -> list[Count]:
        """A figure as a count: the noun it counts ("five people", or the number itself: "12
        died"), and the measure of the first word around it that names one: that noun or its
        compound ("the death toll"), a participle on it ("800 homes destroyed"), the verb of
        which it is subject or object with the verbs conjoined to it, or the tally noun whose
        level it is ("the toll rose to 45"). One count per measure named; none without."""
        noun = number.head if number.dep_ in {"nummod", "quantmod"} else number
        nouns = [noun, *(c for c in noun.children if c.dep_ == "conj")]
        # The nearest words first: a participle on the noun ("300 houses destroyed") says what
        # was done to it even where the parser made the noun the object of another verb.
        levels = [[*nouns, *(c for n in nouns for c in n.children if c.dep_ in _ON_NOUN)]]
        if noun.dep_ == "pobj" and noun.head.head.pos_ in {"VERB", "AUX"}:
            # "rose to 45", "put the death toll at 40", "the toll was over 200", "put the
            # number of dead at 200" (what the tally is of)
            verb = noun.head.head
            tallies = [c for c in verb.children if c.dep_ in _SUBJECTS | {"dobj"}]
            levels.append(
                [
                    *tallies,
                    *(c for t in tallies for c in t.children if c.dep_ == "compound"),
                    *(
                        g
                        for t in tallies
                        for c in t.children
                        if c.dep_ == "prep" and c.lower_ == "of"
                        for g in c.children
                        if g.dep_ == "pobj"
                    ),
                ]
            )
        elif noun.dep_ in _COUNTED and noun.head.pos_ in {"VERB", "AUX"}:
            verb = noun.head
            # A verb conjoined to it counts the noun only when it shares it, having no word in
            # that part of its own ("damaged or toppled 300 houses"; not "destroyed hundreds of
            # buildings, killed one person"). The subject of a verb with an object is its doer,
            # not what it counts ("the 7.7 quake damaged 42 buildings").
            part = noun.dep_ if noun.dep_ != "conj" else None
            shared = [
                c
                for c in verb.children
                if c.dep_ == "conj" and not any(g.dep_ == part for g in c.children)
            ]
            doer = noun.dep_ == "nsubj" and any(c.dep_ == "dobj" for c in verb.children)
            if not doer:
                levels.append([verb, *shared])
        # Each measure the nearest words that name one name: "damaged or toppled" counts both.
        measures: dict[str, None] = {}
        for words in levels:
            measures = dict.fromkeys(
                m for w in words if (m := self.measures.get(w.lemma_.lower())) is not None
            )
            if measures:
                break
        # What is counted: the noun, or what a number noun counts ("hundreds of buildings"); a
        # noun compound names a kind of it ("42 government office buildings"), which is not
        # the count of the whole ("hundreds of buildings").
        counted = [
            g
            for n in nouns
            if figure.span[0] <= n.idx < figure.span[1]
            for c in n.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children
            if g.dep_ == "pobj"
        ]
        counted += [c for n in counted for c in n.children if c.dep_ == "conj"]
        what = sorted(
            {
                _kind(n)
                for n in [*nouns, *counted]
                if n.pos_ in {"NOUN", "PROPN"}
                and not figure.span[0] <= n.idx < figure.span[1]  # "dozens wounded"
                and n.lemma_.lower() not in self.cues.count_people
                and n.lemma_.lower() not in self.measures
            }
        )
        low: float = figure.value
        high: float | None = figure.value
        margin = self.cues.count_about_margin
        if figure.qualifier == "about":
            low, high = figure.value * (1 - margin), figure.value * (1 + margin)
        elif figure.qualifier in {"at_least", "more_than"}:
            high = None
        elif figure.qualifier in {"up_to", "less_than"}:
            low = 0.0
        return [Count(measure=m, what=what, low=low, high=high) for m in measures]


def _kind(noun: Token) -> str:
    """A counted noun with the nouns compounded on it: "government office building"."""
    words = [c.lemma_.lower() for c in noun.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
    return " ".join([*words, noun.lemma_.lower()])


__all__ = ["DEAD", "CountReader"]
