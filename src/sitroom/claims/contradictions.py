"""Contradictions between the claims of one document.

A denial whose object names somebody's claim ("dismissed the Taliban claim of victory")
contradicts that party's assertions about the same place; a denial of "that account" contradicts
the preceding assertion of someone else; and opposite stances of different claimants on one event
contradict each other.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Token

from sitroom.lang.sentences import sentence_of
from sitroom.model import Claim, Contradiction, Entity, Event, Stance

_LOOKBACK_CHARS = 600


@dataclass
class RawClaim:
    """A claim before numbering, with what contradiction finding needs."""

    claimant: str | None
    stance: Stance
    span: tuple[int, int]
    cue: Token
    owner: str | None = None  # for a denied claim noun: whose claim it is
    places: set[str] = field(default_factory=set)
    refers_back: bool = False  # "that account", "the claim": an earlier claim is denied
    hedge_span: tuple[int, int] | None = None  # the words in which hedges are looked for


def _previous_claim(raw: Sequence[RawClaim], i: int) -> int | None:
    """The nearest earlier assertion by someone else, within a few sentences."""
    denial = raw[i]
    floor = sentence_of(denial.cue).start_char - _LOOKBACK_CHARS
    for j in range(i - 1, -1, -1):
        other = raw[j]
        if other.span[0] < floor:
            break
        if other.stance == "assert" and other.claimant != denial.claimant:
            return j
    return None


def _denials(
    claims: Sequence[Claim],
    raw: Sequence[RawClaim],
    names: dict[str, str],
    affiliation: dict[str, str | None],
) -> list[Contradiction]:
    found: list[Contradiction] = []
    for i, denial in enumerate(raw):
        if denial.stance != "deny":
            continue
        who = names.get(denial.claimant or "", "a source")
        targets = 0
        if denial.owner is not None:
            for j, other in enumerate(raw):
                party = other.claimant
                if other.stance != "assert" or party is None:
                    continue
                if party != denial.owner and affiliation.get(party) != denial.owner:
                    continue
                same_place = bool(denial.places & other.places)
                if denial.places and not same_place:
                    continue
                reason = f"{who} denies the claim of {names.get(denial.owner, 'another party')}"
                if same_place:
                    reason += " about the same place"
                found.append(Contradiction(claims=(claims[j].id, claims[i].id), reason=reason))
                targets += 1
        if not targets and denial.refers_back:
            j_found = _previous_claim(raw, i)
            if j_found is not None:
                target = names.get(raw[j_found].claimant or "", "an earlier source")
                found.append(
                    Contradiction(
                        claims=(claims[j_found].id, claims[i].id),
                        reason=f"{who} rejects the preceding claim of {target}",
                    )
                )
    return found


def find_contradictions(
    claims: Sequence[Claim],
    raw: Sequence[RawClaim],
    entities: Sequence[Entity],
    events: Sequence[Event],
) -> list[Contradiction]:
    affiliation = {e.id: e.affiliation for e in entities}
    names = {e.id: e.name for e in entities}
    event_type = {e.id: e.type for e in events}
    found = _denials(claims, raw, names, affiliation)
    # Opposite stances on the same event by different claimants.
    by_event: dict[str, list[Claim]] = {}
    for c in claims:
        if c.event is not None:
            by_event.setdefault(c.event, []).append(c)
    seen = {frozenset(c.claims) for c in found}
    for event_id, group in by_event.items():
        for a in group:
            for b in group:
                if a.stance == "assert" and b.stance == "deny" and a.claimant != b.claimant:
                    pair = frozenset((a.id, b.id))
                    if pair not in seen:
                        seen.add(pair)
                        found.append(
                            Contradiction(
                                claims=(a.id, b.id),
                                reason=f"opposite stances on one {event_type[event_id]} event",
                            )
                        )
    return found


__all__ = ["RawClaim", "find_contradictions"]
