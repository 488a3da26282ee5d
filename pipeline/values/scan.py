"""Scans that look at few places of a text: matches found from where their first
words are in the folded text (Anchored, DigitsBefore, PhraseFinder). Each gives
exactly what the plain regex scan gives; gates.py has the patterns tried at one
position only where its next or previous character allows them."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Iterable, Iterator, Optional, Sequence

import regex

from .textpat import SHORT, alternation, ci, fold, fold_short, folded, matches_at, plain, word_start, words


@lru_cache(maxsize=256)
def positions(text: str, word: str) -> tuple[int, ...]:
    """Where the folded `word` occurs in folded(text) (which must not be None); several
    patterns of the date, period and number finders start with the same words."""
    low = folded(text)
    out = []
    i = low.find(word)
    while i >= 0:
        out.append(i)
        i = low.find(word, i + 1)
    return tuple(out)


def _alone(text: str, start: int, end: int) -> bool:
    """No letter or digit (always word characters) right before `start` or at `end`."""
    before = text[start - 1] if start else " "
    after = text[end:end + 1] or " "
    return not (before.isalpha() or before.isdecimal() or after.isalpha() or after.isdecimal())


def _followed(low: str, pos: int, rest: tuple[str, ...]) -> bool:
    """The words of `rest` come next in the folded text, each after some whitespace."""
    for w in rest:
        start = pos
        while pos < len(low) and low[pos].isspace():
            pos += 1
        if pos == start or not low.startswith(w, pos):
            return False
        pos += len(w)
    return True


class Anchored:
    """finditer() of a pattern whose every match starts with one of a few words
    (matched case-blind): the words are looked up with str.find in the folded text,
    much faster than the regex engine's own scan on Vietnamese, and the pattern is
    matched at each, the matches left to right without overlap as finditer gives them."""

    def __init__(self, pattern: regex.Pattern, items: Iterable[str], whole_words: bool = False):
        self.pattern = pattern
        phrases = {tuple(fold(w).split()) for w in items}  # inner spaces match any whitespace run
        self.words = sorted({p[0] for p in phrases})
        # the words after the first one, when every item has some: a hit must be followed by them
        self.rest = None if any(len(p) == 1 for p in phrases) else {w: [p[1:] for p in phrases if p[0] == w] for w in self.words}
        # the pattern matches whole words only (\b…\b): a hit inside a longer word is no start
        self.whole_words = whole_words
        # whole words of letters, none the start of another: one scan of the folded text finds
        # every place one stands alone (a hit it skips lies inside another, after a letter;
        # one before a Latin letter, as "tỉ" in "tỉnh", is not alone)
        self.scan = None
        if whole_words and all(w.isalpha() for w in self.words) and not any(
                a != b and b.startswith(a) for a in self.words for b in self.words):
            self.scan = re.compile(f"(?:{alternation(self.words)})(?![a-z])")

    def absent(self, text: str) -> bool:
        """A short text holds none of the first words: nothing can match (one lower() and a
        few `in` tests are cheaper than a case-blind scan by the regex engine)."""
        if len(text) >= SHORT:
            return False
        low = fold_short(text)
        for w in self.words:
            if w in low:
                return False
        return True

    def finditer(self, text: str) -> Iterable[regex.Match]:
        if len(text) < SHORT:
            return () if self.absent(text) else self.pattern.finditer(text)
        low = folded(text)
        if low is None:
            return self.pattern.finditer(text)
        found = self.starts(text, low)
        return matches_at(self.pattern, text, found) if found else ()

    def starts(self, text: str, low: str) -> Sequence[int]:
        """The positions a match can start at, ascending, in a text folded to `low`."""
        if self.scan is not None:
            return [m.start() for m in self.scan.finditer(low) if _alone(text, m.start(), m.end())]
        if len(self.words) == 1 and self.rest is None and not self.whole_words:
            return positions(text, self.words[0])
        found = []
        for w in self.words:
            for i in positions(text, w):
                if self.whole_words:
                    if _alone(text, i, i + len(w)):
                        found.append(i)
                elif self.rest is None:
                    found.append(i)
                else:
                    for rest in self.rest[w]:
                        if _followed(low, i + len(w), rest):
                            found.append(i)
                            break
        return sorted(set(found)) if len(self.words) > 1 else found


def _neighbours(phrases: list[str], anchors: list[str]) -> Optional[dict]:
    """For each anchor, the words right before and right after it in its phrases, or
    None for an anchor that is a phrase alone; None for all when an anchor is also
    part of another word of some phrase (the words around it would prove nothing)."""
    out = {}
    for a in map(fold, anchors):
        before, after = set(), set()
        for p in map(fold, phrases):
            ws = p.split()
            if p.count(a) != ws.count(a) or ws.count(a) > 1:
                return None
            if a in ws:
                k = ws.index(a)
                before.update(ws[k - 1:k])
                after.update(ws[k + 1:k + 2])
                if len(ws) == 1:
                    out[a] = None
        out.setdefault(a, (tuple(before), tuple(after)))
    return out


def _beside(low: str, start: int, end: int, neighbours) -> bool:
    """In the folded text, a neighbour word of the anchor at [start, end) stands
    before or after it across whitespace, as in a phrase that holds the anchor."""
    if neighbours is None:
        return True
    before, after = neighbours
    j = start
    while j > 0 and low[j - 1].isspace():
        j -= 1
    if j < start and before and low.endswith(before, 0, j):
        return True
    k = end
    while k < len(low) and low[k].isspace():
        k += 1
    return k > end and bool(after) and low.startswith(after, k)


class DigitsBefore(Anchored):
    """finditer() of a pattern whose every match is one or two digits, maybe some
    whitespace, then one of a few words: the pattern is matched at the digits right
    before each place the words are, left to right without overlap."""

    def starts(self, text: str, low: str) -> Sequence[int]:
        found = set()
        for w in self.words:
            for i in positions(text, w):
                while i > 0 and text[i - 1].isspace():
                    i -= 1
                found.update(k for k in (i - 2, i - 1) if k >= 0 and "0" <= text[k] <= "9")
        return sorted(found)


def _separate(words: Iterable[str]) -> bool:
    """No two occurrences of these words can overlap (nor two of one word)."""
    for a in words:
        for b in words:
            for d in range(0 if a != b else 1, len(a)):
                size = min(len(a) - d, len(b))
                if a[d:d + size] == b[:size]:
                    return False
    return True


class PhraseFinder:
    """Every match of `(?:phrase|phrase…)tail` in a text, found by a fast scan for
    a few anchor words (the words most phrases share) and a check around each."""

    def __init__(self, phrases: Iterable[str], tail: str = "", reach: int = 40):
        phrases = [" ".join(p.lower().split()) for p in phrases]
        left = set(phrases)
        anchors = []
        while left:
            counts = Counter(w for p in left for w in set(p.split()))
            best = max(counts, key=lambda w: (counts[w], len(w)))
            anchors.append(best)
            left = {p for p in left if best not in p.split()}
        self.anchor = Anchored(plain("|".join(ci(a) for a in sorted(anchors, key=len, reverse=True))), anchors)
        # the other words of the phrases an anchor stands for: a cheap test before the regex
        self.needs = {a: [[w for w in p.split() if w != a] for p in phrases if a in p.split()] for a in anchors}
        self.full = plain(rf"(?P<phrase>{words(phrases, opened=False)})(?!\w){tail}")  # run by regex, for its \w
        # where a phrase starts, found by the stdlib engine: every match of `full` starts there
        self.phrase = plain(words(phrases))
        self.before = max(len(p) for p in phrases)
        self.reach = reach
        self.neighbours = _neighbours(phrases, anchors)
        self.separate = _separate(self.anchor.words)

    def _anchors(self, text: str, low: Optional[str]) -> Iterator[tuple[int, int, str]]:
        """(start, end, folded anchor) of the anchor matches a neighbour word stands beside."""
        if low is not None and self.neighbours is not None and self.separate and len(text) >= SHORT:
            # no two anchors can overlap: the cheap neighbour test may come before the regex
            match = self.anchor.pattern.match
            for i, w in sorted((i, w) for w in self.anchor.words for i in positions(text, w)):
                if _beside(low, i, i + len(w), self.neighbours[w]) and match(text, i):
                    yield i, i + len(w), w
            return
        for a in self.anchor.finditer(text):
            key = fold(a.group())
            if low is None or self.neighbours is None or _beside(low, a.start(), a.end(), self.neighbours[key]):
                yield a.start(), a.end(), key

    def _phrase_starts(self, text: str, lo: int, last: int, hi: int) -> Iterator[int]:
        """Every position from `lo` to `last` where a phrase starts and ends by `hi`, ascending."""
        m = self.phrase.search(text, lo, hi)
        while m is not None and m.start() <= last:
            yield m.start()
            m = self.phrase.search(text, m.start() + 1, hi)

    def finditer(self, text: str) -> Iterator[regex.Match]:
        last = 0
        low = folded(text)
        for start, end, key in self._anchors(text, low):
            if start < last:
                continue
            lo, hi = max(last, start - self.before), min(len(text), end + self.reach)
            window = fold(text[lo:hi]) if low is None else low[lo:hi]
            for need in self.needs[key]:
                for w in need:
                    if w not in window:
                        break
                else:
                    break  # every other word of a phrase is near
            else:
                continue
            for m in matches_at(self.full, text, self._phrase_starts(text, lo, start, hi), hi):
                if m.end() >= end and word_start(text, m.start()):
                    last = m.end()
                    yield m
                    break
