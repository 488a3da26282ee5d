"""Text helpers shared by the metadata finders: lines with offsets, a case- and
tone-placement-insensitive view of the text, and cue patterns that survive line
breaks and `|` table debris."""
from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import NamedTuple, Optional

import regex

from ...ingest.shape import has_separator_controls, squash  # noqa: F401  (the finders squash as ingest does)
from ...normalize import fold_tones
from ...values.textpat import matches_at  # noqa: F401  (metadata's cue scans use the value layer's)
from ...values.textpat import lowercased, plain


def fold(text: str) -> str:
    """Lowercase with tone marks placed one way (normalize.fold_tones); same length as `text`."""
    # the finders fold the same lines and cells over and over (85% of calls repeat one)
    if len(text) <= 500:
        return _fold_short(text)
    return _fold(text, lowercased(text))  # a document's text, which the value layer lowercases too


def _fold(text: str, lowered: Optional[str] = None) -> str:
    """`lowered` may be text.lower() made already (the value layer's fold of a document)."""
    lowered = text.lower() if lowered is None else lowered
    if len(lowered) != len(text):  # a character whose lower case is longer (İ): keep it as written
        lowered = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    return fold_tones(lowered)


_fold_short = lru_cache(maxsize=4096)(_fold)


def folded(doc_text: str, cache: dict) -> str:
    key = "metadata.folded"
    if cache.get(key, (None,))[0] is not doc_text:
        cache[key] = (doc_text, fold(doc_text))
    return cache[key][1]


@lru_cache(maxsize=None)
def cue_pattern(cue: str) -> str:
    """Regex source for a cue in folded text: a space matches any run of spaces, line
    breaks, `|` and markdown emphasis (`**`); a dash matches any dash with or without
    spaces around it."""
    parts = []
    for token in fold(cue).split():
        if token in {"-", "–", "—"}:
            parts.append(r"[\s|*]*[-–—][\s|*]*")
        else:
            if parts and not parts[-1].startswith(r"[\s|*]*[-"):
                parts.append(r"(?:[\s|]|\*\*)+")
            parts.append(regex.escape(token))
    return "".join(parts)


def any_cue(cues) -> str:
    return "(?:" + "|".join(cue_pattern(c) for c in sorted(cues, key=len, reverse=True)) + ")"


@lru_cache(maxsize=None)
def first_words(cues: tuple[str, ...]) -> frozenset[str]:
    """The words a match of `any_cue(cues)` starts with, in folded text."""
    words = frozenset(fold(c).split()[0] for c in cues)
    assert not words & {"-", "–", "—"}, "a cue opening with a dash has no first word"
    return words


def word_starts(text: str, words, start: int = 0, end: Optional[int] = None) -> list[int]:
    """Ascending offsets in text[start:end] where one of `words` starts."""
    end = len(text) if end is None else end
    found = set()
    for word in words:
        at = text.find(word, start, end)
        while at >= 0:
            found.add(at)
            at = text.find(word, at + 1, end)
    return sorted(found)


class Line(NamedTuple):  # a tuple: the finders make one per line of a document
    start: int
    end: int
    raw: str

    @property
    def text(self) -> str:
        return clean(self.raw)

    @property
    def content_start(self) -> int:
        stripped = self.raw.lstrip(" \t|*\u00a0")
        return self.start + len(self.raw) - len(stripped)


def lines_of(text: str) -> list[Line]:
    out, pos = [], 0
    for raw in text.split("\n"):
        out.append(Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return out


class Lines:
    """lines_of(text[:end]), split a block of lines at a time as they are read: the header
    finders read the first lines of a document and stop."""

    BLOCK = 1000  # characters split at a time

    def __init__(self, text: str, end: Optional[int] = None):
        self._text = text
        self._end = len(text) if end is None else end
        self._lines: list[Line] = []
        self._next = 0  # where the first line not yet split starts
        self._count = text.count("\n", 0, self._end) + 1

    def _split_more(self) -> None:
        pos = self._next
        nl = self._text.find("\n", min(pos + self.BLOCK, self._end), self._end)
        stop = self._end if nl < 0 else nl
        for raw in self._text[pos:stop].split("\n"):
            self._lines.append(Line(pos, pos + len(raw), raw))
            pos += len(raw) + 1
        self._next = pos

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, i: int) -> Line:
        if i < 0:
            i += self._count
        if not 0 <= i < self._count:
            raise IndexError(i)
        while len(self._lines) <= i:
            self._split_more()
        return self._lines[i]

    def __iter__(self):
        i = 0
        while i < self._count:
            if i == len(self._lines):
                self._split_more()
            yield self._lines[i]
            i += 1


_HEADING_MARK = plain(r"^[ \t|]*#{1,6}[ \t]+")
_SPACE_RUN = regex.compile(r"\s+")


def clean(line: str) -> str:
    """A line without table bars, markdown emphasis (`**`, `__`, a heading's `#`) and outer spaces."""
    return _clean_short(line) if len(line) <= 500 else _clean(line)  # lines are cleaned over and over


def _clean(line: str) -> str:
    line = line.replace("\u00a0", " ").replace("**", "").replace("__", "")
    line = _HEADING_MARK.sub("", line).strip(" \t|*_")
    if has_separator_controls(line):
        return _SPACE_RUN.sub(" ", line).strip(" |")
    return " ".join(line.split()).strip(" |")  # the runs of white space as one space, as above


_clean_short = lru_cache(maxsize=4096)(_clean)


# Columns of a two-column row flattened to one line: a table bar, a tab, or a run of three
# or more spaces (pdftotext and copy-paste align the right column with spaces).
_CELL_GAP = regex.compile(r"[ \t\u00a0]*[|\t][ \t\u00a0]*|[ \u00a0]{3,}")
_SPACES = " \t\u00a0"
RIGHT_COLUMN = 20  # a row indented this far holds only the right column (signature, motto)


def cells(raw: str) -> list[tuple[int, int]]:
    """Offsets of the cells of a flattened row in `raw`, emphasis marks trimmed. The first
    cell is the left column: a row opening with a bar (`| Độc lập - …`) has an empty first
    cell; a markdown table row (`| a | b |`) does not."""
    start, end = 0, len(raw.rstrip(" \t\u00a0"))
    lead = len(raw) - len(raw.lstrip(" \t\u00a0"))
    if raw[lead:lead + 1] == "|" and raw[:end].endswith("|") and raw.count("|") >= 2:
        start, end = lead + 1, end - 1
    else:
        start = lead
    out, pos = [], start
    gapped = "|" in raw or "\t" in raw or "\u00a0" in raw or "   " in raw  # what every gap holds; most rows have none
    for m in _CELL_GAP.finditer(raw, start, end) if gapped else ():
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, end))
    trimmed = []
    for a, b in out:
        # spaces and emphasis marks (`**x**`, `*x*`), not a bullet (`* item`)
        while a < b and (raw[a] in _SPACES or (raw[a] in "*_" and raw[a + 1:a + 2] not in _SPACES)):
            a += 1
        while b > a and (raw[b - 1] in _SPACES or (raw[b - 1] in "*_" and b - 1 > a and raw[b - 2] not in _SPACES)):
            b -= 1
        trimmed.append((a, b))
    return trimmed


def column_of(raw: str, pos: int) -> int:
    """The display column of offset `pos` in a line (a tab counts as 8)."""
    return len(raw[:pos].expandtabs(8))


_LETTER_OR_DIGIT = regex.compile(r"[\p{L}\d]")
_ASCII_LOWER = plain(r"[a-z]")


def is_decoration(line: str) -> bool:
    """Rules under the header blocks (-------), table bars, empty lines."""
    return not _LETTER_OR_DIGIT.search(line)


def letters(line: str) -> str:
    return "".join(filter(str.isalpha, line))


def is_caps(line: str) -> bool:
    if _ASCII_LOWER.search(line):  # the common case, decided without looking at every letter
        return False
    return _caps_short(line) if len(line) <= 500 else _caps(line)  # header lines and titles are asked again


def _caps(line: str) -> bool:
    chars = letters(line)
    return len(chars) >= 2 and chars.upper() == chars


_caps_short = lru_cache(maxsize=4096)(_caps)


@lru_cache(maxsize=8192)  # titles in capitals ask for each of their words
def is_acronym(word: str) -> bool:
    """A token with no vowel is an abbreviation (MTQG, LĐTBXH, VSNT), not a Vietnamese word."""
    bare = unicodedata.normalize("NFD", fold(word))
    letters_only = [ch for ch in bare if ch.isalpha()]
    return bool(letters_only) and not any(ch in "aeiouy" for ch in letters_only)
