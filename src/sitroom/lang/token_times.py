"""The times of a document by token, found by a range of tokens in logarithmic time.

The events and figures stages ask, for every mention, which times fall in its sentence, its
clause or its phrase. Filtering the document's whole list of times on each question made the
work grow with mentions times times, the square of a long document's length. ``TimesByToken``
keeps the times in their order and an index of their first tokens, so a question costs a
binary search plus the times it returns; callers see the same times in the same order.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from typing import overload

from sitroom.model import TimeSpan

TokenTime = tuple[int, int, TimeSpan]  # first token, token after the last, the time


class TimesByToken(Sequence[TokenTime]):
    """Times as ``(first token, end token, time)``, in the order given."""

    def __init__(self, times: Iterable[TokenTime] = ()) -> None:
        self._times = list(times)
        order = sorted(range(len(self._times)), key=lambda k: self._times[k][0])
        self._starts = [self._times[k][0] for k in order]
        self._order = order

    def starting_in(self, lo: int, hi: int) -> list[TokenTime]:
        """The times whose first token is in ``lo`` .. ``hi - 1``, in the order given."""
        a, b = bisect_left(self._starts, lo), bisect_left(self._starts, hi)
        return [self._times[k] for k in sorted(self._order[a:b])]

    @overload
    def __getitem__(self, index: int) -> TokenTime: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[TokenTime]: ...
    def __getitem__(self, index: int | slice) -> TokenTime | Sequence[TokenTime]:
        return self._times[index]

    def __len__(self) -> int:
        return len(self._times)

    def __iter__(self) -> Iterator[TokenTime]:
        return iter(self._times)

    def __eq__(self, other: object) -> bool:
        # Equal to any list or tuple of the same times: the index is no part of the value.
        if isinstance(other, TimesByToken | list | tuple):
            return self._times == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable-like, as the list it stands for

    def __repr__(self) -> str:
        return f"TimesByToken({self._times!r})"


def times_starting_in(times: Sequence[TokenTime], lo: int, hi: int) -> list[TokenTime]:
    """The times of ``times`` whose first token is in ``lo`` .. ``hi - 1``, in their order: by
    search on a ``TimesByToken``, by a scan on any other sequence (a hand-built list in a test)."""
    if isinstance(times, TimesByToken):
        return times.starting_in(lo, hi)
    return [item for item in times if lo <= item[0] < hi]


__all__ = ["TimesByToken", "TokenTime", "times_starting_in"]
