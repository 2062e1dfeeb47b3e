"""Field types shared by the vocabulary schemas: words as the stages compare them.

The validators turn the lists of a YAML file into the frozen, lower-cased values the stages
read, so that no stage normalises a word list of its own.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator


def _squeeze(word: Any) -> str:
    """Lower case, single spaces: the form in which a word or phrase is compared."""
    if isinstance(word, bool):  # YAML reads a bare on/off/yes/no as a boolean
        raise ValueError(f'{word!r} is a YAML boolean; quote the word ("on", "no")')
    if not isinstance(word, str):
        raise ValueError(f"expected a word, got {word!r}")
    return " ".join(str(word).lower().split())


def _word_set(value: Any) -> Any:
    if not isinstance(value, list | tuple | set | frozenset):
        return value  # pydantic reports the wrong type with file and line
    return frozenset(_squeeze(w) for w in value if str(w).strip())


def _word_tuple(value: Any) -> Any:
    if not isinstance(value, list | tuple):
        return value
    return tuple(_squeeze(w) for w in value if str(w).strip())


def _longest_first(value: Any) -> Any:
    words = _word_tuple(value)
    if not isinstance(words, tuple):
        return words
    # Longest first, so that a pattern of alternatives prefers "more than" to "more".
    return tuple(sorted(dict.fromkeys(words), key=len, reverse=True))


def _lower_keys(value: Any) -> Any:
    if not isinstance(value, dict):
        return value
    return {_squeeze(k): v for k, v in value.items()}


def _phrase_keys(value: Any) -> Any:
    if not isinstance(value, dict):
        return value
    return {tuple(_squeeze(k).split()): v for k, v in value.items()}


# A set of lower-case words or phrases ("carry", "security forces"), compared as written.
WordSet = Annotated[frozenset[str], BeforeValidator(_word_set)]
# Lower-case phrases in the file's order.
WordTuple = Annotated[tuple[str, ...], BeforeValidator(_word_tuple)]
# Lower-case phrases, longest first, duplicates dropped: for patterns of alternatives.
LongestFirst = Annotated[tuple[str, ...], BeforeValidator(_longest_first)]


def lower_keys(value: Any) -> Any:
    """A mapping whose keys are compared lower-cased (a ``BeforeValidator``)."""
    return _lower_keys(value)


def phrase_keys(value: Any) -> Any:
    """A mapping keyed by a phrase's words, lower-cased (``"security forces"`` → two words)."""
    return _phrase_keys(value)


def squeeze(word: Any) -> str:
    """A word or phrase in the form vocabularies compare: lower case, single spaces."""
    return _squeeze(word)


__all__ = ["LongestFirst", "WordSet", "WordTuple", "lower_keys", "phrase_keys", "squeeze"]
