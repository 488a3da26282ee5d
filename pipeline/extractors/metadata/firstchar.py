"""Long alternations of cues (organ names, positions, body openers) tried at a position with
only the alternatives that begin with the character there.

The `regex` engine tries every alternative of `(?:a|b|…)` in turn: against some hundred organ
names a failed `.match` costs tens of microseconds. An alternative that begins with another
letter fails at its first character, so leaving it out changes nothing: the same alternatives,
in the same order, give the same match."""
from __future__ import annotations

from typing import Optional

import regex

from .text import cue_pattern, fold

Branch = tuple[str, list[tuple[str, str]], str]  # (before, [(first character, pattern)], after)


def cue_items(cues) -> list[tuple[str, str]]:
    """(first character, text.cue_pattern) of each cue, in their order."""
    return [(fold(c).split()[0][0], cue_pattern(c)) for c in cues]


def literal_items(words) -> list[tuple[str, str]]:
    return [(w[0], regex.escape(w)) for w in words]


class FirstChar:
    """`head(?:before(?:alt|…)after|…)`, matched at a position by the branches' alternatives
    that begin with the character there; `head` and each `before` consume nothing (a
    look-behind, `^`, a group's opening)."""

    def __init__(self, branches: list[Branch], head: str = ""):
        self.head = head
        self.branches = branches
        firsts = {first for _, items, _ in branches for first, _ in items}
        self.by_first = {c: self._compile(c) for c in firsts}

    def _compile(self, first: Optional[str]) -> regex.Pattern:
        parts = []
        for before, items, after in self.branches:
            alts = [p for c, p in items if first is None or c == first]
            if alts:
                parts.append(f"{before}(?:{'|'.join(alts)}){after}")
        return regex.compile(f"{self.head}(?:{'|'.join(parts)})")

    def whole(self) -> regex.Pattern:
        """The pattern with every alternative (what `match` gives the same matches as)."""
        return self._compile(None)

    def match(self, text: str, pos: int = 0) -> Optional[regex.Match]:
        pattern = self.by_first.get(text[pos:pos + 1])
        return pattern.match(text, pos) if pattern is not None else None
