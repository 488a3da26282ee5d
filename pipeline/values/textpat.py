"""Building fast scanning patterns from word lists.

On Vietnamese text the `regex` engine is fast only when a pattern starts with a
selective literal: IGNORECASE and long alternations at the head of a pattern
slow a whole-text scan down ten to a hundred times. So words are matched
case-blind by character classes ("[nN][ăĂ][mM]") and digits as [0-9]; the scans
that skip most of a text are in scan.py."""
from __future__ import annotations

import re
import warnings
from functools import lru_cache
from typing import Iterable, Iterator, Optional, Union

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


def lowercased(text: str) -> Optional[str]:
    """text.lower() of a document, taken from the value layer's fold where the two agree (the fold also writes ǎ
    as ă), so the stages do not lowercase the same document again; None if lowercasing changes its length."""
    if "ǎ" in text or "Ǎ" in text:
        low = text.lower()
        return low if len(low) == len(text) else None
    return folded(text)


@lru_cache(maxsize=8)
def _folded(text: str) -> Optional[str]:
    low = fold(text)
    return low if len(low) == len(text) else None


# What regex's \s matches (Unicode White_Space); re's \s also takes \x1c-\x1f.
_WHITE_SPACE = r"\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
# Escapes of ASCII letters that mean the same to both engines (\s, \S, \d are translated).
_SAME_ESCAPES = frozenset("tnrfvxuUAZ0123456789")


def _for_sre(pattern: str, ascii_digits: bool) -> Optional[str]:
    """`pattern` rewritten for the stdlib engine to match exactly what `regex` matches, or None when it
    uses what the engines read differently (\\w, \\b, \\p{…}, inline flags, and \\d unless
    `ascii_digits`, where the text is known to be ASCII)."""
    out = []
    in_class = False
    i, n = 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\" and i + 1 < n:
            esc = pattern[i + 1]
            if esc == "s":
                out.append(_WHITE_SPACE if in_class else f"[{_WHITE_SPACE}]")
            elif esc == "S" and not in_class:
                out.append(f"[^{_WHITE_SPACE}]")
            elif esc == "d" and ascii_digits:
                out.append("0-9" if in_class else "[0-9]")
            elif esc.isascii() and esc.isalpha() and esc not in _SAME_ESCAPES:
                return None
            else:
                out.append(pattern[i:i + 2])
            i += 2
            continue
        if ch == "[" and not in_class:
            in_class = True
            j = i + 1
            if pattern[j:j + 1] == "^":
                j += 1
            if pattern[j:j + 1] == "]":
                j += 1  # a leading "]" is a member
            out.append(pattern[i:j])
            i = j
            continue
        if ch == "]" and in_class:
            in_class = False
        elif ch == "(" and not in_class and pattern.startswith("(?", i) and pattern[i + 2:i + 3].isalpha() \
                and pattern[i + 2] != "P" and not pattern.startswith("(?m)", i):
            return None
        out.append(ch)
        i += 1
    return "".join(out)


def plain(pattern: str, flags: int = 0, ascii_digits: bool = False) -> Union[re.Pattern, regex.Pattern]:
    """`pattern` compiled by the stdlib engine, which costs less per call than `regex`, when it reads the
    pattern the same way; else by `regex`. With `ascii_digits`, \\d is [0-9]: for ASCII texts only."""
    if flags & ~regex.MULTILINE == 0:
        source = _for_sre(pattern, ascii_digits)
        if source is not None:
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("error")  # "possible nested set": a class regex reads otherwise
                    return re.compile(source, flags)
            except (re.error, FutureWarning):
                pass  # a look-behind of varying width
    return regex.compile(pattern, flags)


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


def words(items: Iterable[str], opened: bool = True) -> str:
    r"""An alternation (to be put in a group) of case-blind phrases, longest first.

    Written to open on one class of every first character (`[cCđĐ](?:(?<=[cC])(?:[hH][ỉỈ]|[óÓ])|(?<=[đĐ])…)`):
    the stdlib engine skips a search ahead to such a class, but tries every offset for an alternation of classes.
    Phrases whose first characters' classes partly overlap keep the plain alternation, and so do all with
    `opened=False`, for a pattern `regex` runs (its look-behinds cost more than it saves)."""
    phrases = [ci(w) for w in sorted(set(items), key=lambda s: (-len(s), s))]
    if not opened:
        return "|".join(phrases)
    heads = [_first_token(p) for p in phrases]
    groups: dict[str, list[str]] = {}
    for p, head in zip(phrases, heads):
        groups.setdefault(head, []).append(p[len(head):])
    members = [_class_members(h) for h in groups]
    if len(groups) < 2 or not all(members) or sum(map(len, members)) != len(set().union(*members)):
        return "|".join(phrases)
    branches = [f"(?<={h})(?:{'|'.join(rests)})" for h, rests in groups.items()]
    return f"[{''.join(sorted(set().union(*members)))}](?:{'|'.join(branches)})"


def _first_token(pattern: str) -> str:
    """The first character class (`[nN]`) or escaped character of a pattern written by ci()."""
    if pattern.startswith("["):
        return pattern[:pattern.index("]") + 1]
    return pattern[:2] if pattern.startswith("\\") else pattern[:1]


def _class_members(token: str) -> frozenset:
    r"""The characters a first token of ci() stands for, written as members of a class (empty when it is no
    single character: `\s+`)."""
    if token.startswith("["):
        return frozenset(token[1:-1])
    return frozenset() if token == r"\s" else frozenset({token})


def alternation(phrases: Iterable[str]) -> str:
    r"""A regex alternation of phrases, longest first, spaces matching any run of spaces.

    Written as a trie (`phấn đấu|phải` as `ph(?:ấn\s+đấu|ải)`): where the flat alternation tries
    every phrase at each offset, this tries one branch per next letter. It matches what the flat one
    matches: branches parting on different letters (or on a letter and a space) cannot both match,
    and within a branch the longer phrases still come first."""
    items = sorted({" ".join(p.lower().split()) for p in phrases if p.strip()}, key=lambda p: (-len(p), p))
    return trie([phrase_tokens(p) for p in items])


def phrase_tokens(phrase: str) -> list[str]:
    r"""A phrase as the tokens of a path of trie(): each character escaped, `\s+` between words."""
    out: list[str] = []
    for w in phrase.split():
        if out:
            out.append(r"\s+")
        out += [re.escape(c) for c in w]
    return out


def trie(paths: list[list[str]]) -> str:
    """The alternation of token paths given in order of preference; a path ending here (the shortest
    one, so the last preferred) becomes an empty branch at the end."""
    children: dict[str, list[list[str]]] = {}
    ends = False
    for path in paths:
        if path:
            children.setdefault(path[0], []).append(path[1:])
        else:
            ends = True
    branches = []
    for head, rests in children.items():
        shared = [head]
        while all(rests) and len({r[0] for r in rests}) == 1:
            shared.append(rests[0][0])
            rests = [r[1:] for r in rests]
        tail = trie(rests)
        branches.append("".join(shared) + (f"(?:{tail})" if "|" in tail else tail))
    if ends:
        branches.append("")
    return "|".join(branches)


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
