"""Contested claims: contradictions within and across articles, grouped into disputes.

Pairs that share a claim (two sources asserting what one denies) form one ``Contest``, so a
reader sees every side of a dispute together.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence

from sitroom.report.model import ClaimSide, Contest
from sitroom.store import ContestedClaim, CrossContradiction

ClaimKey = tuple[str, str]  # (document id, claim id)


@dataclasses.dataclass(frozen=True)
class Side:
    document_id: str
    claim_id: str
    claimant: str | None
    stance: str
    text: str

    @property
    def key(self) -> ClaimKey:
        return (self.document_id, self.claim_id)

    def numbered(self, numbers: dict[str, int]) -> ClaimSide:
        text = " ".join(self.text.split())
        return ClaimSide(self.claimant, self.stance, text, numbers[self.document_id])


@dataclasses.dataclass(frozen=True)
class PendingContest:
    """A contest whose sides still name documents, before sources are numbered."""

    sides: tuple[Side, ...]
    reasons: tuple[str, ...]
    across_articles: bool

    def numbered(self, numbers: dict[str, int]) -> Contest:
        return Contest(
            asserting=tuple(s.numbered(numbers) for s in self.sides if s.stance != "deny"),
            denying=tuple(s.numbered(numbers) for s in self.sides if s.stance == "deny"),
            reasons=self.reasons,
            across_articles=self.across_articles,
        )


def gather_contests(
    within: Sequence[ContestedClaim],
    across: Sequence[CrossContradiction],
    in_scope: Callable[[str, str], bool],
) -> list[PendingContest]:
    """Group contradiction pairs sharing a claim; keep groups with a side ``in_scope``."""
    sides: dict[ClaimKey, Side] = {}
    pairs: list[tuple[ClaimKey, ClaimKey, str, bool]] = []
    for row in within:
        side = Side(row.document_id, row.claim_id, row.claimant, row.stance, row.text)
        sides.setdefault(side.key, side)
        other = (row.document_id, row.opposing_claim_id)
        if side.key < other:  # each pair is listed once per side
            pairs.append((side.key, other, row.reason, False))
    for x in across:
        a = Side(x.assert_document, x.assert_claim, x.assert_claimant, "assert", x.assert_text)
        d = Side(x.deny_document, x.deny_claim, x.deny_claimant, "deny", x.deny_text)
        sides.setdefault(a.key, a)
        sides.setdefault(d.key, d)
        pairs.append((a.key, d.key, x.reason, True))

    groups = _connected([(a, b) for a, b, _, _ in pairs if a in sides and b in sides])
    found: list[PendingContest] = []
    for group in groups:
        if not any(in_scope(*key) for key in group):
            continue
        members = set(group)
        in_group = [p for p in pairs if p[0] in members]
        found.append(
            PendingContest(
                sides=tuple(sides[key] for key in group),
                reasons=tuple(dict.fromkeys(reason for _, _, reason, _ in in_group)),
                across_articles=any(is_cross for *_, is_cross in in_group),
            )
        )
    return found


def _connected(edges: Iterable[tuple[ClaimKey, ClaimKey]]) -> list[list[ClaimKey]]:
    """Connected groups of claims, each in first-seen order, groups in first-seen order."""
    parent: dict[ClaimKey, ClaimKey] = {}

    def root(key: ClaimKey) -> ClaimKey:
        parent.setdefault(key, key)
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for a, b in edges:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[rb] = ra
    groups: dict[ClaimKey, list[ClaimKey]] = {}
    for key in parent:
        groups.setdefault(root(key), []).append(key)
    return list(groups.values())


__all__ = ["PendingContest", "Side", "gather_contests"]
