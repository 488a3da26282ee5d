"""A title written in capitals put in normal case: the title as the body repeats it in
normal case; else its words in lower case, except those the body writes in capitals inside
lower-case text (DTI, VSNT, XIV) and the names the body or the provinces table spell
(Hồ Chí Minh, Quảng Ngãi)."""
from __future__ import annotations

from functools import lru_cache
from typing import Iterator, Optional

import regex

from ...values.textpat import plain
from .tables import provinces
from .text import cells, cue_pattern, fold, is_acronym, is_caps, squash

Span = tuple[int, int]


_MID_SENTENCE_NAME = regex.compile(r"(?=\p{Lu})(?<=[\p{Ll},;]\s+)\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)+")


@lru_cache(maxsize=None)
def _province_names() -> dict[str, str]:
    names = {fold(p.name): p.name for entries in provinces().values() for p in entries}
    names["việt nam"] = "Việt Nam"
    return names


def _proper_names(text: str) -> dict[str, str]:
    """Multi-word capitalised names used mid-sentence in the body (Hồ Chí Minh, Tuy Phong)."""
    names = {}
    for m in _MID_SENTENCE_NAME.finditer(text):
        names[fold(m.group(0))] = squash(m.group(0))
    names.update(_province_names())
    return names


def _word_places(word: str, text: str) -> Iterator[int]:
    """Where `word` stands in `text` with no letter right before or after it, left to right without overlap: the
    matches of `(?<!\\p{L})word(?!\\p{L})`, found with str.find (a pattern per title word costs a compile each)."""
    n = len(word)
    at = text.find(word)
    while at >= 0:
        if (at == 0 or not text[at - 1].isalpha()) and not text[at + n:at + n + 1].isalpha():
            yield at
            at = text.find(word, at + n)
        else:
            at = text.find(word, at + 1)


def _replace_names(title: str, names: dict[str, str]) -> str:
    folded_title = fold(title)
    present = [key for key in names if key in folded_title]  # the few names in the title, without a regex per name
    for key in sorted(present, key=len, reverse=True):
        for at in _word_places(key, folded_title):
            title = title[:at] + names[key] + title[at + len(key):]
    return title


_DASHES = {"-", "–", "—"}
_GAP = plain(r"(?:[\s|]|\*\*)+")  # the pieces of text.cue_pattern, matched one at a time
_DASH_GAP = regex.compile(r"[\s|*]*[-–—][\s|*]*")


def search_cue(folded: str, cue: str, pos: int) -> Optional[Span]:
    """Span of the first match of `cue_pattern(cue)` in `folded` from `pos`, found without
    compiling the pattern (1.6 ms for a title): each occurrence of the first word is followed
    up word by word. A gap's greedy match is the only one the next word can follow, as no
    word starts with a gap character; cues where one does go through the regex."""
    tokens = fold(cue).split()
    if not tokens or tokens[0] in _DASHES or any(t[0] in "|*" for t in tokens if t not in _DASHES):
        m = regex.compile(cue_pattern(cue)).search(folded, pos)
        return m.span() if m else None
    if any(folded.find(t, pos) < 0 for t in tokens if t not in _DASHES):
        return None  # most titles in capitals are not repeated in the body
    first = tokens[0]
    at = folded.find(first, pos)
    while at >= 0:
        end = _follow(folded, at + len(first), tokens[1:])
        if end is not None:
            return at, end
        at = folded.find(first, at + 1)
    return None


def _follow(folded: str, i: int, tokens: list[str]) -> Optional[int]:
    after_dash = False
    for token in tokens:
        if token in _DASHES:
            m = _DASH_GAP.match(folded, i)
            if m is None:
                return None
            i, after_dash = m.end(), True
            continue
        if not after_dash:
            m = _GAP.match(folded, i)
            if m is None:
                return None
            i = m.end()
        after_dash = False
        if not folded.startswith(token, i):
            return None
        i += len(token)
    return i


def normal_case(title: str, text: str, folded: str, span: Span) -> str:
    if not is_caps(title):
        return title[:1].upper() + title[1:]
    found = search_cue(folded, title, span[1])
    if found and not is_caps(text[found[0]:found[1]]):
        written = squash(text[found[0]:found[1]])
        return written[:1].upper() + written[1:]
    words = []
    body = text[span[1]:]
    kept: dict[str, bool] = {}  # a title repeats its small words (VÀ, CỦA, NĂM): each is looked up once
    for word in title.split(" "):
        core = word.strip("()\"“”,.;:")
        keep = kept.get(core)
        if keep is None:
            keep = kept[core] = (not core.isalpha() and any(ch.isdigit() for ch in core)) or is_acronym(core) or (
                len(core) >= 2 and core in body and _used_in_lowercase_context(core, body)
            )
        words.append(word if keep else word.lower())
    lowered = _replace_names(" ".join(words), _proper_names(body))
    return lowered[:1].upper() + lowered[1:]


def _used_in_lowercase_context(word: str, body: str) -> bool:
    """An acronym (DTI, VSNT): written in capitals inside a line that is not in capitals."""
    letters_only = word.isalpha() and len(word) >= 2
    for at in _word_places(word, body):
        line_start = body.rfind("\n", 0, at) + 1
        line_end = body.find("\n", at + len(word))
        line = body[line_start:line_end if line_end >= 0 else len(body)]
        if letters_only and is_caps(line):
            continue  # the cell holding a word of two letters or more is in capitals like its line
        # the cell it stands in, not the row: `Nơi nhận: | TM. ỦY BAN NHÂN DÂN` holds no lower-case use
        cell = next((line[a:b] for a, b in cells(line) if a <= at - line_start < b), line)
        if not is_caps(cell):
            return True
    return False
