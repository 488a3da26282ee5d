"""Web chrome in plain-text captures of news posts: counters, buttons, lists of other posts.

The patterns are data (rules/web_chrome.yaml). Chrome is marked, not removed: dates in a
"Tin mới nhất" list are real dates of the text.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

import regex

from ..rules import load_yaml
from .shape import ends_sentence, squash


@lru_cache(maxsize=None)
def _patterns() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern, int]:
    """One alternation per list: its fullmatch is any pattern's fullmatch, in one call; and
    one of all three, whose `chrome` group says a chrome line matched (it is tried first)."""
    data = load_yaml("web_chrome.yaml")
    lines = "|".join(f"(?:{p})" for p in data["line"])
    heads = "|".join(f"(?:{p})" for p in data["list_heads"])
    item = data["list_item"]
    either = regex.compile(f"(?P<chrome>{lines})|(?:{heads})|(?:{item})", regex.I)
    return regex.compile(lines, regex.I), regex.compile(heads, regex.I), either, int(data["list_item_max_chars"])


_WORD_CLASS = re.compile(r"(?<!\\)((?:\\\\)*)\\w")


@lru_cache(maxsize=None)
def _either_superset() -> Optional[re.Pattern]:
    """The stdlib's reading of the `either` pattern, \\w widened to \\S: it matches every line `either`
    matches (its \\s, \\d and `.` take in what `regex`'s do, and so do its case-blind forms of the
    letters of web_chrome.yaml, checked over all of Unicode), for three quarters of the cost, so
    `either` runs only on the few lines it matches. None when the stdlib cannot read the pattern
    or a negated class could hold \\w."""
    source = _patterns()[2].pattern
    if "[^" in source:
        return None
    try:
        return re.compile(_WORD_CLASS.sub(r"\1\\S", source), re.I)
    except re.error:
        return None


def is_chrome_line(line: str) -> bool:
    text = squash(line)
    if not text:
        return False
    return bool(_patterns()[0].fullmatch(text))


def is_list_head(line: str) -> bool:
    text = squash(line)
    return bool(text) and bool(_patterns()[1].fullmatch(text))


def chrome_lines(texts: list[str]) -> list[bool]:
    """For each line (squashed), whether it is chrome (a chrome line, or inside a list of other posts)."""
    _, _, either, max_chars = _patterns()
    superset = _either_superset()
    marks = [False] * len(texts)
    in_list = False
    for i, text in enumerate(texts):
        if not text:
            continue
        m = either.fullmatch(text) if superset is None or superset.fullmatch(text) else None
        if m is not None:
            marks[i] = True
            in_list = in_list or m.group("chrome") is None
            continue
        if in_list and _short(text, max_chars) and not _prose_follows(texts, i + 1, max_chars):
            marks[i] = True
            continue
        in_list = False
    _mark_menus(texts, marks)
    return marks


def _mark_menus(texts: list[str], marks: list[bool], max_chars: int = 40) -> None:
    """Short link texts standing between chrome lines (or chrome and the end) are a menu."""
    i = 0
    while i < len(texts):
        if marks[i] or not texts[i]:
            i += 1
            continue
        j = i
        run = []
        while j < len(texts) and not marks[j]:
            if texts[j]:
                run.append(texts[j])
            j += 1
        before = any(marks[k] for k in range(max(0, i - 2), i))
        after = marks[j] if j < len(texts) else len(run) >= 3
        if before and after and run and all(len(t) <= max_chars and not ends_sentence(t) for t in run):
            for k in range(i, j):
                marks[k] = bool(texts[k])
        i = j


def _short(text: str, max_chars: int) -> bool:
    return len(text) <= max_chars and not (ends_sentence(text) and len(text) > 80)


def _prose_follows(texts: list[str], start: int, max_chars: int) -> bool:
    """A post's headline is followed by its body; an item of a list by more items or chrome."""
    chrome = _patterns()[0]
    for k in range(start, len(texts)):
        text = texts[k]
        if text:
            return not _short(text, max_chars) and not chrome.fullmatch(text)
    return False
