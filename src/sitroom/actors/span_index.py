"""Which place's character span a name overlaps, looked up fast over a long article."""

from __future__ import annotations

from collections.abc import Sequence

from sitroom.model import Place


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


class SpanIndex:
    """The first (in list order) of some character spans that overlaps a given span, found
    through fixed-width buckets of the text instead of a scan of every span, so that looking
    up each entity of a long article stays linear overall."""

    WIDTH = 512

    def __init__(self, spans: Sequence[tuple[tuple[int, int], Place]]) -> None:
        self.spans = spans
        self.buckets: dict[int, list[int]] = {}
        for index, ((start, end), _) in enumerate(spans):
            for bucket in range(start // self.WIDTH, max(start, end - 1) // self.WIDTH + 1):
                self.buckets.setdefault(bucket, []).append(index)

    def first(self, chars: tuple[int, int]) -> Place | None:
        start, end = chars
        found = [
            index
            for bucket in range(start // self.WIDTH, max(start, end - 1) // self.WIDTH + 1)
            for index in self.buckets.get(bucket, ())
            if _overlaps(self.spans[index][0], chars)
        ]
        return self.spans[min(found)][1] if found else None


__all__ = ["SpanIndex"]
