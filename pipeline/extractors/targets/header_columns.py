"""A space-set header over three lines or more (`Kế hoạch   Ước thực   So sánh (%)` over `TT   Chỉ tiêu   Đơn vị
năm   hiện tháng` over `tính   2026   9/2026   KH năm   Cùng kỳ`), read by where its words stand: each piece heads
the column of the rows under it that it stands over, and a piece over two columns or more (`So sánh (%)`) heads
each of them, its unit last. A row of column numbers under it (`(1)   (2)   (3)`) numbers the columns only."""
from __future__ import annotations

import re
from collections import Counter
from typing import Optional

from .cell_wraps import YEAR_CELL, under_head
from .table_cells import INDEX_CELL, Cell, Span

_MIN_LINES = 3
_RAGGED = 12  # columns a row's cell may start off the others' in one column, as a PDF copy sets them
_COLUMN_NUMBER = re.compile(r"\(?\d{1,2}\)?(?:\s*=\s*[\d()+\-*/x:.,\s]+)?|\(?[A-E]\)?")


def is_column_numbers(row: list[Cell]) -> bool:
    """`(1) | (2) | (3) | (4)=(3)/(2)`, `A | B | 1 | 2`: the numbers of the columns under a header, no row of its own."""
    cells = [c.text for c in row if c.text]
    numbers = [int(d) for c in cells if (d := c.strip("()").split("=")[0].strip()).isdigit()]
    return len(numbers) >= 3 and all(_COLUMN_NUMBER.fullmatch(c) for c in cells) \
        and all(b == a + 1 for a, b in zip(numbers, numbers[1:]))


def _rule(row: list[Cell]) -> bool:
    return all(set(c.text) <= set("-=_:") for c in row)


def header_by_columns(lines: list[Span], rows: list[list[Cell]]) -> Optional[tuple[int, list[Cell]]]:
    """(the lines the header takes, the header) when the rows before the first holding a figure are three lines or
    more of heads set in the columns of the rows under them; None otherwise."""
    first = next((k for k, r in enumerate(rows) if any(c.numeric and not YEAR_CELL.fullmatch(c.text) for c in r)
                  and not is_column_numbers(r)), None)
    if first is None:
        return None
    numbers = next((k for k in range(first) if rows[k] and is_column_numbers(rows[k])), first)
    first = min(first, numbers + 1, next((k for k in range(first) if rows[k] and INDEX_CELL.match(rows[k][0].text)), first))
    heads = [k for k in range(min(first, numbers)) if rows[k] and not _rule(rows[k])]  # not a group row (`I | Các xã …`)
    if len(heads) < _MIN_LINES:
        return None
    body = [(lines[k], rows[k]) for k in range(first, len(rows)) if rows[k]]
    width = Counter(len(r) for _, r in body).most_common(1)[0][0] if body else 0
    full = [(ln, r) for ln, r in body if len(r) == width]
    if width < 3 or len(full) < 2:
        return None
    numbered = next((k for k in range(first) if rows[k] and is_column_numbers(rows[k]) and len(rows[k]) == width), None)
    if numbered is not None:  # `(1)   (2)   (3)` under the header: where each column starts
        starts = [c.start - lines[numbered].start for c in rows[numbered]]
    else:
        starts = []
        for k in range(width):
            at = [r[k].start - ln.start for ln, r in full]
            if max(at) - min(at) > _RAGGED:
                return None  # not set in columns
            starts.append(min(at))
    if starts != sorted(starts):
        return None
    placed: list[tuple[int, int, Cell]] = []  # (header line, column, piece)
    for k in heads:
        for c in rows[k]:
            if not c.text:
                continue
            lo, hi = c.start - lines[k].start, c.end - lines[k].start
            under = [j for j, s in enumerate(starts) if lo - 1 <= s < hi]
            if not under:
                centre = (lo + hi) / 2
                under = [max((j for j, s in enumerate(starts) if s <= centre), default=0)]
            placed += [(k, j, c) for j in under]
    placed += _spread(placed, width)
    pieces: list[list[tuple[Cell, bool]]] = [[] for _ in range(width)]
    over = Counter((k, id(c)) for k, _, c in placed)
    for k, j, c in sorted(placed, key=lambda p: (p[1], p[0])):
        pieces[j].append((c, over[(k, id(c))] > 1))
    if sum(1 for p in pieces if p) < width - 1:
        return None
    header = []
    for words in pieces:
        text = " ".join(c.text for c, over in words if not over)
        for c, _ in reversed([w for w in words if w[1]]):
            text = under_head(c.text, text) if text else c.text
        at = words[0][0] if words else Cell(0, 0, "")
        header.append(Cell(at.start, at.end, text))
    return first, header


def _spread(placed: list[tuple[int, int, Cell]], width: int) -> list[tuple[int, int, Cell]]:
    """`So sánh (%)` over `KH năm   Cùng kỳ`: a head over the column it stands in and the next ones with no head of their
    own up to its line, whose first heads below it stand on one line and open in capitals (sub-heads, not a head's
    wrapped words): it heads them too."""
    added = []
    for k, j, c in placed:
        below = [p for p in placed if p[1] == j and p[0] > k]
        if not below:
            continue
        line = min(p[0] for p in below)
        if not all(p[2].text[:1].isupper() for p in below if p[0] == line):
            continue
        for nxt in range(j + 1, width):
            column = [p for p in placed if p[1] == nxt]
            if any(p[0] <= k for p in column) or not column or min(p[0] for p in column) != line \
                    or not all(p[2].text[:1].isupper() for p in column if p[0] == line):
                break
            added.append((k, nxt, c))
    return added
