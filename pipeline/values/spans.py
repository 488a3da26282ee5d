"""A set of text spans with fast overlap and containment tests."""
from __future__ import annotations

from bisect import bisect_right


class SpanSet:
    """Sorted, merged spans with a fast overlap test."""

    def __init__(self, spans):
        merged: list[list[int]] = []
        for s, e in sorted(spans):
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, end - 1) - 1
        return i >= 0 and self.ends[i] > start

    def covers(self, start: int, end: int) -> bool:
        """[start, end) lies within one of the (merged) spans."""
        i = bisect_right(self.starts, start) - 1
        return i >= 0 and self.ends[i] >= end
