"""Connected groups of linked items: the one grouping the stages and the corpus share.

The tellings of one happening in an article (``events/consistency.py``) and the mentions of one
corpus event, or the entities of one registry actor (``corpus/groups.py``), are the connected
components of a set of links. A small union-find with path halving; no graph library is a
dependency for this one use.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import TypeVar

_K = TypeVar("_K", bound=Hashable)


def linked_groups(keys: Iterable[_K], links: Iterable[tuple[_K, _K]]) -> list[list[_K]]:
    """The connected groups of ``keys`` under ``links`` (a link to a key not in ``keys`` is
    ignored), each in the order of ``keys``, the groups in the order of their first key;
    whatever the order of the links, the groups are the same."""
    parent: dict[_K, _K] = {k: k for k in keys}

    def root(k: _K) -> _K:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for a, b in links:
        if a in parent and b in parent:
            parent[root(b)] = root(a)
    groups: dict[_K, list[_K]] = {}
    for k in parent:
        groups.setdefault(root(k), []).append(k)
    return list(groups.values())


__all__ = ["linked_groups"]
