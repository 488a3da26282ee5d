"""Tables copied from a word processor with a tab between cells (`1⇥Khiếu nại⇥4⇥3⇥75,0`). Every tab
becomes a space when characters are normalized; the tabs of such a table become `|` instead, so that
its rows read like the pipe and PDF tables.

A run of lines is such a table when at least two lines in a row hold three cells or more between their
tabs and one of them holds a figure; a letterhead or a signature block set out with a tab (`Số: 86/BC-UBND⇥
CỘNG HÒA …`) has two cells a line. A total row whose index and note cells are empty (two cells with words or
figures) goes on such a table when it has as many tabs as the row above."""
from __future__ import annotations

import bisect

from ..normalize import apply_edits
from . import shape

_MIN_CELLS = 3


def cell_tabs(raw: str) -> list[int]:
    """Offsets in `raw` of the tabs that separate table cells."""
    if "\t" not in raw:
        return []
    out: list[int] = []
    run: list[tuple[int, str]] = []
    pos = 0
    for line in raw.split("\n") + [""]:
        if _is_row(line) or run and _total_row(run[-1][1], line):
            run.append((pos, line))
        else:
            if len(run) >= 2 and any(shape.is_figure_cell(c) for _, l in run for c in l.split("\t") if c.strip()):
                out += [start + i for start, l in run for i, ch in enumerate(l) if ch == "\t"]
            run = []
        pos += len(line) + 1
    return out


def _total_row(prev: str, line: str) -> bool:
    """`⇥Tổng cộng⇥3.246⇥` under the rows: as many tabs as the row before, its index and note cells empty."""
    return line.count("\t") == prev.count("\t") and sum(1 for c in line.split("\t") if c.strip()) >= 2


def _is_row(line: str) -> bool:
    return line.count("\t") >= _MIN_CELLS - 1 and sum(1 for c in line.split("\t") if c.strip()) >= _MIN_CELLS


def mark_cell_tabs(text: str, offsets, tabs: list[int]):
    """`text` (normalized, its tabs now spaces) with a `|` on each table tab of the source."""
    if not tabs:
        return text, offsets
    edits = []
    for tab in tabs:
        at = bisect.bisect_left(offsets, tab, 0, len(text))
        if at < len(text) and offsets[at] == tab and text[at] == " ":
            edits.append((at, at + 1, "|"))
    return apply_edits(text, offsets, edits)
