"""Claims that a happening hit only fighters or military targets, against another side's
account of it that names civilians or a civilian place among what it hit.

"The strike killed only terrorists", "its aircraft had struck only a drone control room", "we
hit military posts only" deny no words in form, yet they say that no civilian was hit: so they
contradict "the strike killed 11 civilians" or "an air strike hit a field hospital" of another
side, when both are about one happening (the caller's to judge, as for a denial). Read off the
words of the claims' contents:

- what a claim keeps the happening to: the noun an adverb of restriction (``exclusive_words``)
  modifies, or the object of the verb it modifies; none when it modifies a number ("only three
  soldiers died": a figure, which rival values compare);
- what an account says was hit: the objects and passive subjects of its verbs, and the objects
  of its prepositions of aim ("a strike on a market", ``aimed_prepositions``), with their
  conjuncts;
- civilian: a word of ``civilian_nouns`` (data/reporting.yaml). A restriction to civilians
  ("housed only patients") denies no civilian victims, and an account that names no civilian
  ("killed three fighters") is no rival of "killed only terrorists": sides name one another's
  fighters by other words.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from collections.abc import Set as AbstractSet
from functools import cache

from spacy.tokens import Span, Token

from sitroom.lang.vocabulary import load_vocabulary
from sitroom.lang.vocabulary.reporting import ReportingVocabulary

_NOUNS = frozenset({"NOUN", "PROPN"})
_MODIFIERS = frozenset({"advmod", "amod"})  # how the parser hangs "only" on a noun or verb
_HIT = frozenset({"dobj", "nsubjpass"})  # what a verb hit or harmed


@cache
def _cues() -> ReportingVocabulary:
    return load_vocabulary(ReportingVocabulary)


def _is(word: Token, words: AbstractSet[str]) -> bool:
    return word.lower_ in words or word.lemma_.lower() in words


def _with_conjuncts(noun: Token) -> list[Token]:
    return [noun, *noun.conjuncts]


def restricted(content: Span | None, cues: ReportingVocabulary | None = None) -> list[Token]:
    """The nouns an adverb of restriction in ``content`` keeps what was hit or harmed to: the
    noun it modifies ("killed only terrorists"), or the object of the verb it modifies ("only
    damaged empty buildings", "hit military posts only"); none on a number ("only three")."""
    if content is None:
        return []
    cues = _cues() if cues is None else cues
    kept: list[Token] = []
    for word in content:
        if word.dep_ not in _MODIFIERS or not _is(word, cues.exclusive_words):
            continue
        head = word.head
        if head.pos_ in _NOUNS:
            kept += _with_conjuncts(head)
        elif head.pos_ == "VERB":
            for obj in (c for c in head.children if c.dep_ == "dobj"):
                kept += _with_conjuncts(obj)
    return [w for w in kept if content.start <= w.i < content.end]


def hit(content: Span | None, cues: ReportingVocabulary | None = None) -> list[Token]:
    """What ``content`` says its happening hit or harmed: the objects and passive subjects of
    its verbs ("killed 11 civilians", "the clinic was shelled") and the objects of its
    prepositions of aim ("a strike on a weekly market"), with their conjuncts."""
    if content is None:
        return []
    cues = _cues() if cues is None else cues
    found: list[Token] = []
    for word in content:
        if word.pos_ not in _NOUNS:
            continue
        by_verb = word.dep_ in _HIT and word.head.pos_ == "VERB"
        aimed = word.dep_ == "pobj" and word.head.lower_ in cues.aimed_prepositions
        if by_verb or aimed:
            found += _with_conjuncts(word)
    return found


def only_military(content: Span | None, cues: ReportingVocabulary | None = None) -> bool:
    """Whether ``content`` keeps what its happening hit to what is no civilian ("killed only
    terrorists", "struck only a drone control room")."""
    cues = _cues() if cues is None else cues
    kept = restricted(content, cues)
    return bool(kept) and not any(_is(w, cues.civilian_nouns) for w in kept)


def civilians_hit(content: Span | None, cues: ReportingVocabulary | None = None) -> bool:
    """Whether ``content`` names civilians or a civilian place among what its happening hit,
    without restricting it itself."""
    cues = _cues() if cues is None else cues
    if restricted(content, cues):
        return False
    return any(_is(w, cues.civilian_nouns) for w in hit(content, cues))


def exclusive_pairs(
    contents: Mapping[int, Span | None],
    one_happening: Callable[[int, int], bool],
) -> list[tuple[int, int]]:
    """(account, restriction) pairs of the numbered ``contents`` (the asserted claims): an
    account naming civilians hit and a claim that only fighters or military targets were,
    which ``one_happening(account, restriction)`` says are of other sides about one
    happening."""
    cues = _cues()
    restricting = [k for k, words in contents.items() if only_military(words, cues)]
    if not restricting:
        return []
    accounts = [n for n, words in contents.items() if civilians_hit(words, cues)]
    return [(n, k) for k in restricting for n in accounts if one_happening(n, k)]


__all__ = ["civilians_hit", "exclusive_pairs", "hit", "only_military", "restricted"]
