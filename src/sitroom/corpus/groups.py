"""Connected groups of linked items, and the stable ids of the groups.

Corpus events are the connected groups of linked mentions, and registry actors those of
entities that share a name: one grouping for both, independent of the order of the links.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

from sitroom.lang.linked import linked_groups

K = tuple[str, str]  # (document id, event or entity id)


def components(keys: Iterable[K], links: Iterable[tuple[K, K]]) -> list[list[K]]:
    """Connected groups of ``keys`` under ``links`` (links to unknown keys are ignored), each
    sorted, in sorted order."""
    return sorted(sorted(group) for group in linked_groups(keys, links))


class Joined:
    """Which keys are already connected, growing as links are found (a union-find).

    The corpus merge asks this before it tests a pair: a mention already joined to another,
    through stored groups or links found earlier in the same write, needs no link to it. So
    each group keeps a spanning tree of its links (one fewer than its members) instead of
    every matching pair, and the groups (the connected components) are the same as with
    every pair linked, whatever order the pairs are tested in.
    """

    def __init__(self) -> None:
        self._parent: dict[K, K] = {}

    def find(self, key: K) -> K:
        parent = self._parent
        root = parent.setdefault(key, key)
        while parent[root] != root:
            parent[root] = parent[parent[root]]
            root = parent[root]
        return root

    def same(self, a: K, b: K) -> bool:
        return self.find(a) == self.find(b)

    def join(self, a: K, b: K) -> bool:
        """Connect ``a`` and ``b``; False when they already were."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        self._parent[max(ra, rb)] = min(ra, rb)
        return True

    def join_all(self, keys: Iterable[K]) -> None:
        """Connect every key of one group (the members of a stored corpus event)."""
        first: K | None = None
        for key in keys:
            if first is None:
                first = key
            else:
                self.join(first, key)


def group_id(prefix: str, members: Sequence[K]) -> str:
    """A stable id for a group of (document id, item id) keys: a hash of its first member."""
    document_id, item_id = min(members)
    return prefix + hashlib.sha256(f"{document_id}/{item_id}".encode()).hexdigest()[:16]


__all__ = ["Joined", "components", "group_id"]
