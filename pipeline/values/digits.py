"""One scan of a text's runs of digits, shared by the patterns that start at a digit.

Masks, dates and periods have patterns whose look-behind rules out a digit before
their first one: every match starts where a run of digits starts (or at a sign
right before it). The runs are found once per text; each such pattern is matched
only at the runs whose length and next characters can begin it, instead of a
whole-text regex scan each."""
from __future__ import annotations

from functools import lru_cache
from typing import Callable, Iterable

import regex

from .textpat import SHORT, matches_at, plain

_RUN = regex.compile(r"[0-9]+")  # scanned over whole texts: regex is faster there
_NUMBER = plain(r"[0-9](?:[0-9.,]*[0-9])?")

Runs = list[tuple[int, int]]


def _scan(text: str) -> Runs:
    return [m.span() for m in _RUN.finditer(text)]


@lru_cache(maxsize=8)
def _scan_kept(text: str) -> Runs:
    return _scan(text)


def digit_runs(text: str) -> Runs:
    """(start, end) of the maximal runs of ASCII digits of `text`, left to right; a
    document's are kept, short texts (titles, cells) are scanned again rather than
    push them out."""
    return _scan(text) if len(text) < SHORT else _scan_kept(text)


# Below SHORT characters a text is scanned by each pattern directly: the shared scan
# costs more than it saves when only one or two patterns look at a text.


def after_space(text: str, pos: int) -> str:
    """The first character at or after `pos` that is not whitespace (str.isspace,
    which holds for every character regex's \\s matches); '' at the end."""
    n = len(text)
    while pos < n and text[pos].isspace():
        pos += 1
    return text[pos:pos + 1]


class AtRuns:
    """A pattern that starts at a run of digits, with `starts(text, runs)` giving the
    positions (ascending) it can start at; finditer() as the pattern's own. With
    `needs`, every match holds one of its characters: a short text without any is
    skipped (a document has them all; its runs are filtered instead)."""

    def __init__(self, pattern: regex.Pattern, starts: Callable[[str, Runs], Iterable[int]], needs: str = ""):
        self.pattern = pattern
        self.starts = starts
        self.needs = needs

    def finditer(self, text: str) -> Iterable[regex.Match]:
        if len(text) < SHORT:
            if self.needs and not any(c in text for c in self.needs):
                return ()
            return self.pattern.finditer(text)
        starts = self.starts(text, _scan_kept(text))
        return matches_at(self.pattern, text, starts) if starts else ()


def number_runs(text: str) -> dict[int, int]:
    """start -> end of each match of [0-9](?:[0-9.,]*[0-9])? (runs of digits joined
    by dots and commas), from the digit runs."""
    if len(text) < SHORT:
        return dict(m.span() for m in _NUMBER.finditer(text))
    out = {}
    runs = _scan_kept(text)
    if not runs:
        return out
    start, end = runs[0]
    for s, e in runs[1:]:
        if text[end:s].strip(".,"):
            out[start] = end
            start = s
        end = e
    out[start] = end
    return out
