"""Overlap tests against a fixed set of (start, stop) spans in logarithmic time, not one scan per query."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable
from itertools import accumulate

__all__ = ["overlap_test"]


def overlap_test(spans: Iterable[tuple[int, int]]) -> Callable[[int, int], bool]:
    """`hits(start, stop)`: whether [start, stop) overlaps a span, as `any(a < stop and start < b)` says.

    The spans sorted by start, with the furthest stop reached so far: of the spans starting before
    `stop`, one overlaps exactly when the furthest of their stops lies beyond `start`.
    """
    order = sorted(spans)
    starts = [a for a, _ in order]
    reach = list(accumulate((b for _, b in order), max))

    def hits(start: int, stop: int) -> bool:
        before = bisect_left(starts, stop)
        return before > 0 and reach[before - 1] > start

    return hits
