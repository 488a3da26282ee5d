"""Page breaks left in a text copied from a PDF's text layer: a blank line, the page number (`2`,
`- 2 -`, `Trang 2`, `2/5`) and, on most pages, a running header repeated at each break. They are
dropped, so that a sentence running over the break reads on (the wrapped-line rejoining joins it).

A line is a page number only in a run of them: pages 2, 3, … (or 1, 2, … in a footer) in order, each after one or two blank lines and
several lines after the one before (a table's running numbers are not after blank lines, and start
at 1). A running header is a line standing right after two or more of the page numbers. Where no blank
line stands before them, the page numbers are those followed each by the same running header."""
from __future__ import annotations

import re
from collections import Counter

import regex

from ..normalize import apply_edits
from . import shape

PAGE_NUMBER = regex.compile(r"^[-–—\s]*(?:trang\s*)?(\d{1,4})(?:\s*/\s*\d{1,4})?[-–—\s]*$", regex.I)
_MIN_PAGE_LINES = 4
_SECOND_PAGE = regex.compile(r"\n[ \t]*\n[-–—\s]*(?:trang\s*)?2(?:\s*/\s*\d{1,4})?[-–—\s]*\n", regex.I)
_BARE_SECOND_PAGE = regex.compile(r"\n[-–—\s]*(?:trang\s*)?2(?:\s*/\s*\d{1,4})?[-–—\s]*\n[^\n\d]", regex.I)
# The two read by the stdlib engine, \d widened to \S and [^\n\d] to [^\n] (its \s takes in regex's): they match
# wherever those do, at a fifth of the cost, so those run only on the few texts these find something in.
_SECOND_PAGE_SUPERSET = re.compile(r"\n[ \t]*\n[-–—\s]*(?:trang\s*)?2(?:\s*/\s*\S{1,4})?[-–—\s]*\n", re.I)
_BARE_SECOND_PAGE_SUPERSET = re.compile(r"\n[-–—\s]*(?:trang\s*)?2(?:\s*/\s*\S{1,4})?[-–—\s]*\n[^\n]", re.I)


def drop_page_breaks(text: str, offsets):
    if _SECOND_PAGE_SUPERSET.search(text) is None or _SECOND_PAGE.search(text) is None:  # most texts: no page 2 after a blank line
        if _BARE_SECOND_PAGE_SUPERSET.search(text) is None or _BARE_SECOND_PAGE.search(text) is None:
            return text, offsets
        return _drop_headed_numbers(text, offsets)
    lines = text.split("\n")
    numbers = _page_numbers(lines)
    if len(numbers) < 2:
        return _drop_headed_numbers(text, offsets)
    heads = {i: _header_line(lines, i) for i in numbers}
    after = Counter(shape.squash(lines[h]) for h in heads.values() if h is not None)
    starts = shape.line_starts(lines)
    edits = []
    for i in numbers:
        h = heads[i]
        last = h if h is not None and after[shape.squash(lines[h])] >= 2 else i
        if last + 2 < len(lines) and not lines[last + 1].strip() and lines[last + 2].strip():
            last += 1  # the blank line under a running header: the text reads on as one line break would
        first = i - 1
        while first > 1 and not lines[first - 1].strip():
            first -= 1  # two blank lines or more before the number
        edits.append((starts[first] - 1, starts[last] + len(lines[last]), ""))  # from the break before the blank lines
    return apply_edits(text, offsets, edits)


def _header_line(lines: list[str], i: int):
    """The line a running header would stand on after the page number at `i`: the next one, or the one after
    a blank line (a form feed opening the page becomes a line break)."""
    j = i + 1
    if j + 1 < len(lines) and not lines[j].strip():
        j += 1
    return j if j < len(lines) else None


def _page_numbers(lines: list[str]) -> list[int]:
    """Line indexes of the longest run of page numbers 2, 3, … or 1, 2, … (empty when no run of two)."""
    best: list[int] = []
    run: list[int] = []
    for i in range(2, len(lines)):
        m = PAGE_NUMBER.match(lines[i]) if not lines[i - 1].strip() and (lines[i - 2].strip() or i > 2 and lines[i - 3].strip()) else None
        if m is None or not lines[i].strip() or _row_index(lines, i):
            continue
        page = int(m.group(1))
        if run and page == int(PAGE_NUMBER.match(lines[run[-1]]).group(1)) + 1 and i - run[-1] > _MIN_PAGE_LINES:
            run.append(i)
        elif page in (1, 2):  # numbers in the footer count page 1 too
            run = [i]
        else:
            continue
        if len(run) > len(best):
            best = list(run)
    return best if len(best) >= 2 else []


def _row_index(lines: list[str], i: int) -> bool:
    """`19`, ``, `2`, `Xã Phù Ninh`, `16`: the running number of a table copied one cell per line, after the
    previous row's empty last cell, before its own label and figures (a project list's place, capacity and
    years may stand between the label and its first figure)."""
    return i + 2 < len(lines) and shape.is_figure_cell(lines[i - 2]) \
        and any(ch.isalpha() for ch in lines[i + 1]) and not shape.is_figure_cell(lines[i + 1]) \
        and any(shape.is_figure_cell(c) for c in lines[i + 2:i + 2 + _ROW_FIGURE_WITHIN])


_ROW_FIGURE_WITHIN = 6  # lines after a row's label that its first figure stands within


def _drop_headed_numbers(text: str, offsets):
    """Page numbers with no blank line before them, each followed by the same running header (`2` then
    `UBND tỉnh Quảng Ninh   Kế hoạch …`): pages in order (1 or 2, 3, …), the header alike at each;
    a table's row numbers are followed by different cells. The number and the header are dropped."""
    lines = text.split("\n")
    by_header: dict[str, list[int]] = {}
    for i in range(len(lines) - 1):
        if PAGE_NUMBER.match(lines[i]) and lines[i].strip() and any(ch.isalpha() for ch in lines[i + 1]):
            by_header.setdefault(shape.squash(lines[i + 1]), []).append(i)
    best: list[int] = []
    for found in by_header.values():
        pages = [int(PAGE_NUMBER.match(lines[i]).group(1)) for i in found]
        if len(found) >= 2 and pages[0] in (1, 2) and pages == list(range(pages[0], pages[0] + len(pages))) \
                and len(found) > len(best):
            best = found
    if not best:
        return text, offsets
    starts = shape.line_starts(lines)
    edits = [(starts[i] - 1 if i else 0, starts[i + 1] + len(lines[i + 1]), "") for i in best]
    return apply_edits(text, offsets, edits)
