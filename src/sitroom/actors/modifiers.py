"""Whose forces a common noun names when a nationality word says so.

"French troops", "the Malian army", "Russian soldiers": an actor named by a common noun
(``roles.yaml`` ``generic_actors``) is the state forces of the country its demonym names, not of
the article's focus country, and "French troops" and "Malian troops" in one article are two
actors, not one.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

# Dependency labels of a word that qualifies a noun before it ("*French* troops").
_QUALIFIER_DEPS = frozenset({"amod", "compound", "nmod"})


def demonym_of(
    doc: Doc, start: int, end: int, demonym: Callable[[str], str | None]
) -> tuple[str, str] | None:
    """The nationality word qualifying the noun of tokens ``start``-``end`` and its country
    code ("French", "FR"), if one does."""
    head = doc[end - 1]
    for child in head.lefts:
        if child.dep_ in _QUALIFIER_DEPS and child.i < start and (code := demonym(child.text)):
            return child.text, code
    return None


__all__ = ["demonym_of"]
