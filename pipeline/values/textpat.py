"""Building fast scanning patterns from word lists.

On Vietnamese text the `regex` engine is fast only when a pattern starts with a
selective literal: IGNORECASE and long alternations at the head of a pattern
slow a whole-text scan down ten to a hundred times. So words are matched
case-blind by character classes ("[nN][ăĂ][mM]") and digits as [0-9]; the scans
that skip most of a text are in scan.py."""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator, Optional

import regex


# Letters legacy-encoding converters write in place of another ("nǎm" with a caron for "năm").
_LOOKALIKES = {"ă": "ǎ", "Ă": "Ǎ"}


def fold(text: str) -> str:
    """Lowercase, lookalike letters replaced by the ones they stand for."""
    low = text.lower()  # str.translate is ten times slower than lower() on Vietnamese
    return low.replace("ǎ", "ă") if "ǎ" in low else low


# Below this length a text is scanned by the regex engine directly: the word lookups
# below cost more than they save, and short texts would push whole documents out of
# the cache of folded texts.
SHORT = 256


_last_short = ("", "")


def fold_short(text: str) -> str:
    """fold(text) of a short text, kept for the next call with the same text object:
    a title or a cell goes through a dozen finders one after the other."""
    global _last_short
    last = _last_short
    if text is last[0]:
        return last[1]
    low = fold(text)
    _last_short = (text, low)
    return low


def folded(text: str) -> Optional[str]:
    """fold(text) when it keeps every character at its index (None if lowercasing
    changed the length): one fold per text, sliced by the scans that need it."""
    if len(text) < SHORT:
        low = fold_short(text)
        return low if len(low) == len(text) else None
    return _folded(text)


@lru_cache(maxsize=8)
def _folded(text: str) -> Optional[str]:
    low = fold(text)
    return low if len(low) == len(text) else None


def ci(phrase: str) -> str:
    """A case-blind literal; inner spaces match any whitespace."""
    out = []
    for ch in phrase:
        if ch == " ":
            out.append(r"\s+")
        elif ch.lower() != ch.upper():
            low, up = ch.lower(), ch.upper()
            out.append(f"[{low}{up}{_LOOKALIKES.get(low, '')}{_LOOKALIKES.get(up, '')}]")
        else:
            out.append(regex.escape(ch))
    return "".join(out).replace(r"\s+\s+", r"\s+")


def words(items: Iterable[str]) -> str:
    """An alternation (no group) of case-blind phrases, longest first."""
    return "|".join(ci(w) for w in sorted(set(items), key=lambda s: (-len(s), s)))


def word(w: str) -> str:
    return f"(?:{ci(w)})"


@lru_cache(maxsize=1)
def _case_oddities() -> tuple[str, ...]:
    """Characters whose case partners are not simply what lower()/upper() give (ſ, K, İ)."""
    return tuple(c for c in map(chr, range(0x80, 0x10000))
                 if c.casefold() != c.lower() or len(c.lower()) != 1 or len(c.upper()) != 1
                 or (c.lower().isascii() and c.lower().isalpha()) or (c.upper().isascii() and c.upper().isalpha()))


def case_variants(chars: Iterable[str]) -> frozenset:
    """The characters an IGNORECASE pattern matches for `chars` (a superset)."""
    out = set(chars)
    out |= {x for c in out.copy() for x in (c.lower(), c.upper(), c.title(), c.casefold()) if len(x) == 1}
    out |= {c for c in _case_oddities() if {c.lower()[:1], c.upper()[:1], c.casefold()[:1]} & out}
    return frozenset(out)


def ends_with(pattern: regex.Pattern, text: str, pos: int, window: int):
    """Search `pattern` (which should end with `$`) in the `window` characters before `pos`."""
    return pattern.search(text, max(0, pos - window), pos)


def word_start(text: str, pos: int) -> bool:
    return pos == 0 or not text[pos - 1].isalnum()


def matches_at(pattern: regex.Pattern, text: str, starts: Iterable[int], end: Optional[int] = None) -> Iterator[regex.Match]:
    """pattern.finditer(text, 0, end), given ascending positions that include every one a
    match can start at: the pattern is tried there only, left to right without overlap."""
    end = len(text) if end is None else end
    after = 0
    match = pattern.match
    for i in starts:
        if i >= after:
            m = match(text, i, end)
            if m is not None:
                after = max(m.end(), i + 1)
                yield m
