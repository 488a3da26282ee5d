"""Cells wrapped onto lines of their own under a row of a space-set table (`1 | Tổng kiểm tra an toàn PCCC
đối với nhà ở | Phòng PC07; | 3.500 hộ` over `        kết hợp sản xuất, kinh doanh          Công an cấp xã`).
The reader keeps such lines as they are (ingest/space_cells.py), so their words still stand at their cells'
columns: they go back into the row above, each into the cell whose column it starts at."""
from __future__ import annotations

import re
from typing import Optional

from .table_cells import Cell, Span

_WORDS = re.compile(r"\S+(?: \S+)*")  # the text between runs of two spaces or more
_SLACK = 1  # columns a cell may start off its column, as proportional fonts set it


def _columns(text: str, row_line: Span, row: list[Cell]) -> list[int]:
    return [c.start - row_line.start for c in row if c.text]


def wraps_row(text: str, row_line: Span, row: list[Cell], line: Span, next_line: Optional[Span]) -> bool:
    """`line` (no cell bar) holds only the wrapped ends of the cells of `row` (written on `row_line`): indented
    past the row's first cell, each of its pieces starting at the column of one of the row's cells; a table row
    or another such line follows it, or it goes on in lower case."""
    body = text[line.start:line.end]
    if "|" in body or not body.strip() or len(row) < 3:
        return False
    columns = _columns(text, row_line, row)
    indent = len(body) - len(body.lstrip(" "))
    if not columns or indent <= columns[0] + _SLACK:
        return False
    if not all(any(abs(m.start() - c) <= _SLACK for c in columns) for m in _WORDS.finditer(body)):
        return False
    after = text[next_line.start:next_line.end] if next_line is not None else ""
    return "|" in after or body.lstrip()[:1].islower() or _WORDS.match(after, len(after) - len(after.lstrip(" "))) is not None \
        and len(after) - len(after.lstrip(" ")) > columns[0] + _SLACK


def fold_into(text: str, row_line: Span, row: list[Cell], line: Span) -> list[Cell]:
    """`row` with the pieces of `line` appended to the texts of the cells they stand under; a cell's span stays on
    the row's line (what lies between is other cells)."""
    columns = [c.start - row_line.start for c in row]
    out = list(row)
    for m in _WORDS.finditer(text, line.start, line.end):
        col = m.start() - line.start
        k = max((i for i, c in enumerate(columns) if c <= col + _SLACK and row[i].text), default=None)
        if k is None:
            continue
        out[k] = Cell(out[k].start, out[k].end, f"{out[k].text} {m.group()}")
    return out
