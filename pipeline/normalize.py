"""Text normalization that keeps an offset map back to the source text.

`normalize(raw)` returns (text, offsets) with offsets[i] = offset in `raw` of text[i] and a
final entry len(raw). Most steps keep the length (NBSP to space, a wrapped line's "\\n" to a
space); removals (CR of CRLF, zero-width characters, markdown emphasis marks, `|` table
debris) go through the map. Dashes, quotes and tone placement stay as written: `fold()`
gives the unified, same-length form to match against.
"""
from __future__ import annotations

import re
import unicodedata
from array import array
from functools import lru_cache
from typing import Optional

import regex

_SPACES = set("\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\x0b")
_INVISIBLE = set("\u200b\u200c\u200d\u2060\ufeff\u00ad")
_LINE_BREAKS = set("\u2028\u2029\x0c\x85")
# Look-alike letters some legacy-font converters write for Vietnamese ones ("nǎm" for "năm").
_LOOKALIKES = {"\u01ce": "\u0103", "\u01cd": "\u0102"}

# `**01/01/2023**`, `*Chăm sóc…*`, `__x__`: markers hugging text on one line.
_EMPHASIS = regex.compile(r"(?<![\w*_])(\*\*|\*|__)(?=[^\s*_])([^\n]*?[^\s*_])\1(?![\w*_])")


@lru_cache(maxsize=None)
def _ingest_steps():
    """The line-level steps of pipeline.ingest, imported when first needed (they import this module)."""
    from .ingest.cell_lines import regroup_cell_lines
    from .ingest.lines import rejoin_wrapped_lines
    from .ingest.page_breaks import drop_page_breaks
    from .ingest.page_footers import drop_numbered_footers
    from .ingest.pipes import clean_pipe_debris
    from .ingest.space_cells import space_cell_edits
    from .ingest.tab_cells import cell_tabs, mark_cell_tabs

    return (cell_tabs, mark_cell_tabs, space_cell_edits, drop_numbered_footers, drop_page_breaks, clean_pipe_debris,
            regroup_cell_lines, rejoin_wrapped_lines)


def normalize(raw: str) -> tuple[str, "array[int]"]:
    """Characters (NFC, spaces, invisibles, line ends), table cells set out with tabs or spaces, emphasis
    marks, table debris, wrapped lines.
    The offsets are an `array('q')` (a list of ints costs 4x the memory on a large file)."""
    (cell_tabs, mark_cell_tabs, space_cell_edits, drop_numbered_footers, drop_page_breaks, clean_pipe_debris,
     regroup_cell_lines, rejoin_wrapped_lines) = _ingest_steps()
    text, offsets = normalize_chars(raw)
    offsets = offsets if isinstance(offsets, array) else array("q", offsets)  # 8 bytes per character
    text, offsets = mark_cell_tabs(text, offsets, cell_tabs(raw))
    text, offsets = apply_edits(text, offsets, space_cell_edits(text))
    text, offsets = strip_emphasis(text, offsets)
    text, offsets = drop_numbered_footers(text, offsets)
    text, offsets = drop_page_breaks(text, offsets)
    text, offsets = clean_pipe_debris(text, offsets)
    text, offsets = regroup_cell_lines(text, offsets)
    text, offsets = rejoin_wrapped_lines(text, offsets)
    return text, offsets


_SPECIAL_CHARS = "\r" + "".join(sorted(_SPACES | _INVISIBLE | _LINE_BREAKS | set(_LOOKALIKES)))
_SPECIAL = regex.compile("\r\n?|[" + regex.escape(_SPECIAL_CHARS[1:]) + "]")
_ONE_FOR_ONE = {**{ch: " " for ch in _SPACES}, **{ch: "\n" for ch in _LINE_BREAKS}, **_LOOKALIKES}


_IDENTITY = array("q")
_IDENTITY_KEPT = 1 << 20  # 8 MB at most kept between documents


def _identity(n: int) -> "array[int]":
    """array('q', range(n)), sliced from a kept one (building it costs 0.1 ms per 3,000 characters)."""
    global _IDENTITY
    if n > _IDENTITY_KEPT:
        return array("q", range(n))
    if len(_IDENTITY) < n:
        _IDENTITY = array("q", range(min(_IDENTITY_KEPT, max(n, 2 * len(_IDENTITY)))))
    return _IDENTITY[:n]


def normalize_chars(raw: str) -> tuple[str, list[int]]:
    if unicodedata.is_normalized("NFC", raw):  # the usual case: only the special characters change
        present = [ch for ch in _SPECIAL_CHARS if ch in raw]  # thirty `in` tests scan faster than the regex
        if all(ch in _ONE_FOR_ONE for ch in present):  # no character dropped, no CRLF: the offsets stay as they are
            for ch in present:
                raw = raw.replace(ch, _ONE_FOR_ONE[ch])
            return raw, _identity(len(raw) + 1)
        edits = []
        for match in _SPECIAL.finditer(raw):
            ch = match.group(0)
            if ch.startswith("\r"):
                edits.append((match.start(), match.end(), "\n"))
            elif ch in _INVISIBLE:
                edits.append((match.start(), match.end(), ""))
            elif ch in _LOOKALIKES:
                edits.append((match.start(), match.end(), _LOOKALIKES[ch]))
            else:
                edits.append((match.start(), match.end(), " " if ch in _SPACES else "\n"))
        return apply_edits(raw, _identity(len(raw) + 1), edits)
    out: list[str] = []
    offsets: list[int] = []
    i = 0
    n = len(raw)
    while i < n:
        ch = raw[i]
        if ch == "\r":
            out.append("\n")
            offsets.append(i)
            i += 2 if i + 1 < n and raw[i + 1] == "\n" else 1
            continue
        if ch in _INVISIBLE:
            i += 1
            continue
        if ch in _SPACES or ch in _LINE_BREAKS:
            out.append(" " if ch in _SPACES else "\n")
            offsets.append(i)
            i += 1
            continue
        j = i + 1
        while j < n and unicodedata.combining(raw[j]):
            j += 1
        composed = unicodedata.normalize("NFC", raw[i:j])
        for k, c in enumerate(composed):
            out.append(_LOOKALIKES.get(c, c))
            offsets.append(i if k == 0 else j - 1)
        i = j
    offsets.append(n)
    return "".join(out), offsets


def apply_edits(text: str, offsets: list[int], edits: list[tuple[int, int, str]]) -> tuple[str, list[int]]:
    """Replace text[start:end] by a string no longer than it; edits sorted and not overlapping.
    Replacement characters keep the source offsets of the characters they stand on."""
    if not edits:
        return text, offsets
    out: list[str] = []
    new_offsets = offsets[:0]  # a list or an array, like the input
    pos = 0
    for start, end, replacement in edits:
        assert pos <= start <= end and len(replacement) <= end - start
        out.append(text[pos:start])
        new_offsets.extend(offsets[pos:start])
        out.append(replacement)
        new_offsets.extend(offsets[start : start + len(replacement)])
        pos = end
    out.append(text[pos:])
    new_offsets.extend(offsets[pos:])
    return "".join(out), new_offsets


def strip_emphasis(text: str, offsets: list[int]) -> tuple[str, list[int]]:
    if "*" not in text and "__" not in text:
        return text, offsets
    edits: list[tuple[int, int, str]] = []
    for match in _EMPHASIS.finditer(text):
        mark = len(match.group(1))
        edits.append((match.start(), match.start() + mark, ""))
        edits.append((match.end() - mark, match.end(), ""))
    return apply_edits(text, offsets, edits)


def source_span(offsets: list[int], start: int, end: int) -> tuple[int, int]:
    """The source-text span of normalized text[start:end]."""
    if end <= start:
        return offsets[start], offsets[start]
    return offsets[start], offsets[end - 1] + 1


def normalized_span(offsets: list[int], src_start: int, src_end: int, length: Optional[int] = None) -> tuple[int, int]:
    """The normalized-text span covering source[src_start:src_end] (what is left of it). With
    `length` (the normalized text's), offsets without the final sentinel entry work too."""
    import bisect

    body = offsets[:-1] if length is None else offsets[:length]
    start = bisect.bisect_left(body, src_start)
    end = bisect.bisect_left(body, src_end)
    return start, max(start, end)


# Old tone placement (òa, óe, ùy: tone on the first vowel) to the new (oà, oé, uý), for matching.
_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"
_NEW_TONE = {
    unicodedata.normalize("NFC", first + tone) + second: first + unicodedata.normalize("NFC", second + tone)
    for first, second in ("oa", "oe", "uy", "OA", "OE", "UY", "oA", "oE", "uY", "Oa", "Oe", "Uy")
    for tone in _TONE_MARKS
}
# Any first letter then any second letter (the stdlib scans two classes 1.6x as fast as the 60
# pairs): no second letter is a first letter, so a pair left as it is never hides one after it.
_OLD_TONE = re.compile("[%s][%s]" % tuple(re.escape("".join(sorted({pair[k] for pair in _NEW_TONE}))) for k in (0, 1)))
_FOLD_CHARS = str.maketrans({"–": "-", "—": "-", "‒": "-", "−": "-", "‑": "-", "‐": "-", "“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'", "«": '"', "»": '"'})


def fold_tones(s: str) -> str:
    """`hòa`/`hoà`, `thủy`/`thuỷ`, `khỏe`/`khoẻ` all fold to the tone on the second vowel of
    oa/oe/uy (`hoà`, `thuỷ`, `khoẻ`), so matching ignores which convention a writer used; inside
    a word too, where only a slip puts it on the first (`họach`, `tòan`). Case is kept; same
    length as `s` (NFC text in, NFC text out)."""
    return _OLD_TONE.sub(_new_tone, s)


def _new_tone(m: re.Match) -> str:
    pair = m.group()
    return _NEW_TONE.get(pair, pair)


def fold(s: str) -> str:
    """The form to match on: tone placement unified, dashes and quotes plain; same length as `s`."""
    return fold_tones(s.translate(_FOLD_CHARS))
