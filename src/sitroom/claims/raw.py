"""A claim before numbering, as the ledger reads it and contradiction finding uses it: kept in
a module of its own so that the readers contradiction finding calls (``overstated``,
``holders``, ``truces``) can take it without importing ``contradictions``."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from sitroom.claims.speakers import Source
from sitroom.model import Stance


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
    source: Source | None = None  # the claimant's mention
    embedded_in: RawClaim | None = None  # the claim that reports this one
    denies: RawClaim | None = None  # the embedded claim this denial rejects
    negated: bool = False  # its content says that something is not so ("there was no X")
    supposed: bool = False  # its content is a supposition ("no one would bomb it"): no fact
    # Clears someone of an accusation ("his client was innocent"): his name, "" if unnamed.
    cleared: str | None = None
    # Denies that anyone did it to its subject ("ISIS is not defeated", ``Stated.undone``).
    undone: bool = False
    # The clause a bare negated auxiliary stands for ("said it had not", ``ellipsis``).
    answers: tuple[int, int] | None = None


__all__ = ["RawClaim"]
