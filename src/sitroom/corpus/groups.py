"""Connected groups of linked items, and the stable ids of the groups.

Corpus events are the connected groups of linked mentions, and registry actors those of
entities that share a name: one grouping for both, independent of the order of the links.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

K = tuple[str, str]  # (document id, event or entity id)


def components(keys: Iterable[K], links: Iterable[tuple[K, K]]) -> list[list[K]]:
    """Connected groups of ``keys`` under ``links`` (links to unknown keys are ignored), each
    sorted, in sorted order."""
    parent: dict[K, K] = {k: k for k in keys}

    def find(k: K) -> K:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for a, b in links:
        if a in parent and b in parent:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    groups: dict[K, list[K]] = {}
    for k in parent:
        groups.setdefault(find(k), []).append(k)
    return sorted(sorted(group) for group in groups.values())


def group_id(prefix: str, members: Sequence[K]) -> str:
    """A stable id for a group of (document id, item id) keys: a hash of its first member."""
    document_id, item_id = min(members)
    return prefix + hashlib.sha256(f"{document_id}/{item_id}".encode()).hexdigest()[:16]


__all__ = ["components", "group_id"]
