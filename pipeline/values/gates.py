"""Patterns tried only where the next or previous character can begin or end them:
most positions are ruled out without calling the regex engine. Each gives exactly
what the plain regex call gives."""
from __future__ import annotations

from typing import Callable, Iterable

import regex

from .textpat import _LOOKALIKES, case_variants, fold, plain


class Gated:
    """`pattern`, which starts with optional spaces or tabs and then one of `items`
    (words or symbols), matched only where the first character after the spaces can
    start one of them: most positions are ruled out without calling the regex engine."""

    def __init__(self, pattern: regex.Pattern, items: Iterable[str]):
        self.pattern = pattern
        firsts = {w[0] for w in items if w}
        self.firsts = case_variants(firsts) if pattern.flags & regex.IGNORECASE else frozenset(firsts)

    def match(self, text: str, pos: int):
        i = pos
        c = text[i:i + 1]
        while c == " " or c == "\t":
            i += 1
            c = text[i:i + 1]
        return self.pattern.match(text, pos) if c and c in self.firsts else None

    def at(self, text: str, pos: int, first: str):
        """match(text, pos), given the first character after the spaces at pos."""
        return self.pattern.match(text, pos) if first and first in self.firsts else None


class ByFirst(Gated):
    """Gated for `head + alternation(items) + tail` (case-sensitive; head matches spaces
    and tabs only): at a position only the items that begin with the next visible
    character are tried, in their order; the others would fail at their first one."""

    def __init__(self, head: str, items: list[str], tail: str, alternation: Callable[[list[str]], str]):
        super().__init__(plain(head + alternation(items) + tail), items)
        groups: dict[str, list[str]] = {}
        for w in items:
            groups.setdefault(w[0], []).append(w)
        self.by_first = {c: plain(head + alternation(ws) + tail) for c, ws in groups.items()}

    def match(self, text: str, pos: int):
        return self.at(text, pos, visible(text, pos))

    def at(self, text: str, pos: int, first: str):
        pattern = self.by_first.get(first)
        return pattern.match(text, pos) if pattern is not None else None


def _folds_alike(c: str) -> bool:
    """Every character textpat.ci's class for the folded letter `c` matches folds to `c`."""
    variants = {c, c.upper(), _LOOKALIKES.get(c, c), _LOOKALIKES.get(c.upper(), c)}
    return all(fold(x) == c for x in variants)


def visible(text: str, pos: int) -> str:
    """The first character at or after `pos` that is not a space or a tab ('' at the end)."""
    c = text[pos:pos + 1]
    while c == " " or c == "\t":
        pos += 1
        c = text[pos:pos + 1]
    return c


class EndsBefore:
    """`pattern` (ending with `$`) searched in the `window` characters before a position,
    as ends_with does; the regex is run only when the last non-space character there can
    end one of `items` (case-blind) and, for a pattern of case-blind classes (textpat.ci),
    when the folded text there ends with the last word of one of them. A pattern that may
    match nothing is otherwise searched at the last position alone, where its empty match is."""

    def __init__(self, pattern: regex.Pattern, items: Iterable[str], window: int):
        items = [w for w in items if w]
        self.pattern = pattern
        self.window = window
        ends = {w[-1] for w in items}
        self.lasts = case_variants(ends | {_LOOKALIKES[c] for c in ends if c in _LOOKALIKES})
        self.may_be_empty = pattern.search("") is not None
        tails = {fold(w.split()[-1]) for w in items if w.split()}
        blind = not pattern.flags & regex.IGNORECASE and all(_folds_alike(c) for t in tails for c in t)
        self.tails = tuple(tails) if blind else None
        self.reach = max(map(len, tails), default=0)

    def search(self, text: str, pos: int):
        lo = max(0, pos - self.window)
        j = pos
        while j > lo and text[j - 1].isspace():
            j -= 1
        if j > lo and text[j - 1] in self.lasts and (
                self.tails is None or fold(text[max(lo, j - self.reach):j]).endswith(self.tails)):
            return self.pattern.search(text, lo, pos)
        return self.pattern.search(text, max(lo, pos - 1), pos) if self.may_be_empty else None
