"""The theme (chủ đề) of an emulation campaign and the movements (phong trào thi đua)
a document names, each in quotes: `với chủ đề "Đoàn kết, kỷ cương, …"`,
`phong trào thi đua "Vì người nghèo - …"; phong trào "…", "…"`."""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

import regex

from .tables import cues
from .text import any_cue, first_words, matches_at, squash, word_starts

_OPEN, _CLOSE = "\"“”", "\"”“"
_QUOTED = r"[*_\s]*[\"“](?P<q>[^\"“”\n]{3,300})[\"”]"
_SEP = r"[\s*_]*(?:[,;]|và|cùng)[\s*_]*"


@lru_cache(maxsize=None)
def _theme_re() -> regex.Pattern:
    cue = any_cue(cues()["theme_cues"])
    return regex.compile(rf"(?<![\p{{L}}]){cue}(?:[\s|]*năm[\s|]+\d{{4}})?[\s|:]*(?:\d+\.[\s|]*)?{_QUOTED}")


_ALL_OF = "các"  # các phong trào "…"


@lru_cache(maxsize=None)
def _movement_re() -> regex.Pattern:
    cue = any_cue(cues()["movement_cues"])
    return regex.compile(rf"(?<![\p{{L}}])(?:{_ALL_OF}[\s|]+)?{cue}(?:[\s|]+như)?[\s|:]*{_QUOTED}")


def _movement_starts(folded: str) -> list[int]:
    """Where a movement cue starts, or the `các` before one."""
    out = []
    for at in word_starts(folded, first_words(tuple(cues()["movement_cues"]))):
        gap = at
        while gap > 0 and (folded[gap - 1].isspace() or folded[gap - 1] == "|"):
            gap -= 1
        if gap < at and folded.startswith(_ALL_OF, gap - len(_ALL_OF)):
            out.append(gap - len(_ALL_OF))
        out.append(at)
    return out


@lru_cache(maxsize=None)
def _chain_re() -> regex.Pattern:
    """A further movement after one: `, phong trào "…"`, `và "…"`."""
    return regex.compile(rf"{_SEP}(?:(?:các[\s|]+)?{any_cue(cues()['movement_cues'])}[\s|:]*)?{_QUOTED}")


def _clean_quote(text: str) -> str:
    return squash(text.replace("*", "").replace("_", " ")).strip(" .,;")


def _quotes_something(folded: str) -> bool:
    """Whether an opening quote of _QUOTED stands in the text: most texts quote nothing."""
    return '"' in folded or "“" in folded


def find_theme(text: str, folded: str) -> Optional[tuple[str, tuple[int, int]]]:
    if not _quotes_something(folded):
        return None
    m = next(matches_at(_theme_re(), folded, word_starts(folded, first_words(tuple(cues()["theme_cues"])))), None)
    if not m:
        return None
    return _clean_quote(text[m.start("q"):m.end("q")]), m.span("q")


def find_movements(text: str, folded: str) -> list[str]:
    if not _quotes_something(folded):
        return []
    out: dict[str, str] = {}
    chain = _chain_re()
    for m in matches_at(_movement_re(), folded, _movement_starts(folded)):
        spans = [m.span("q")]
        pos = m.end()
        while True:
            nxt = chain.match(folded, pos)
            if not nxt:
                break
            spans.append(nxt.span("q"))
            pos = nxt.end()
        for a, b in spans:
            name = _clean_quote(text[a:b])
            if name:
                out.setdefault(name.casefold(), name)
    return list(out.values())
