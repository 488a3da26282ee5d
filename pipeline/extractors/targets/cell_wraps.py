"""Cells wrapped onto lines of their own under a row of a space-set table (`1 | Tổng kiểm tra an toàn PCCC
đối với nhà ở | Phòng PC07; | 3.500 hộ` over `        kết hợp sản xuất, kinh doanh          Công an cấp xã`).
The reader keeps such lines as they are (ingest/space_cells.py), so their words still stand at their cells'
columns: they go back into the row above, each into the cell whose column it starts at."""
from __future__ import annotations

import re
from typing import Optional

from ...ingest.shape import is_index_cell
from ...ingest.space_cells import SLACK, continues_cells
from .table_cells import Cell, Span

_WORDS = re.compile(r"\S+(?: \S+)*")  # the text between runs of two spaces or more
YEAR_CELL = re.compile(r"(?:19|20)\d\d")


def wraps_row(text: str, row_line: Span, row: list[Cell], line: Span, next_line: Optional[Span]) -> bool:
    """`line` (no cell bar) holds only the wrapped ends of the cells of `row` (written on `row_line`), as the reader
    kept it (space_cells.continues_cells at the row's columns); a table row or another such line follows it, or it
    goes on in lower case."""
    columns = [c.start - row_line.start for c in row if c.text]
    body = text[line.start:line.end]
    if len(row) < 3 or not columns or not (continues_cells((columns[0], set(columns)), body)
                                           or _label_ends(body, columns, not is_index_cell(row[0].text))):
        return False
    after = text[next_line.start:next_line.end] if next_line is not None else ""
    after_indent = len(after) - len(after.lstrip(" "))
    return "|" in after or body.lstrip()[:1].islower() or bool(after.strip()) and after_indent > columns[0] + SLACK


def _label_ends(body: str, columns: list[int], label_first: bool = False) -> bool:
    """`   tiêu dùng` under `3. Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ | tỷ đồng | …`: the label's last words,
    in lower case, indented inside the label's column (as its sub-rows are) and ending before the next column. Under
    a row opening on its label, no index (`Trong đó: doanh thu từ các dịch vụ | tỷ đồng | …` then `về đêm`), they
    may stand right at the label's column."""
    words = body.strip()
    indent = len(body) - len(body.lstrip(" "))
    return len(columns) >= 2 and words[:1].islower() and "  " not in words \
        and (columns[0] < indent or label_first and columns[0] == indent) and len(body.rstrip()) < columns[1] - SLACK


def heads_row(text: str, line: Span, below: Span) -> bool:
    """`Tổng mức bán lẻ hàng hóa và` over `doanh thu dịch vụ tiêu dùng | Tỷ đồng | 98.500 | …`: a row's label begun
    on a line of its own above it (ingest/space_cells.heads_row), the row going on in lower case."""
    body, row = text[line.start:line.end], text[below.start:below.end]
    return "|" not in body and bool(body.strip()) and "|" in row and row.lstrip()[:1].islower() \
        and len(body) - len(body.lstrip()) == len(row) - len(row.lstrip())


def fold_into(text: str, row_line: Span, row: list[Cell], line: Span) -> list[Cell]:
    """`row` with the pieces of `line` appended to the texts of the cells they stand under; a cell's span stays on
    the row's line (what lies between is other cells)."""
    columns = [c.start - row_line.start for c in row]
    out = list(row)
    for m in _WORDS.finditer(text, line.start, line.end):
        col = m.start() - line.start
        k = max((i for i, c in enumerate(columns) if c <= col + SLACK and row[i].text), default=None)
        if k is None:
            continue
        out[k] = Cell(out[k].start, out[k].end, f"{out[k].text} {m.group()}")
    return out


def fold_header(text: str, head_line: Span, head: list[Cell], line: Span, sub: list[Cell]) -> Optional[list[Cell]]:
    """`Kế hoạch | Ước thực hiện | Tỷ lệ so` over `năm 2026 | 6 tháng 2026 | KH năm (%)`: header cells wrapped onto a
    row of their own, set centred under them (`Thực hiện` over `2025`). Each piece (no figure but a year) overlaps the
    columns of one header cell, left to right: the header with the pieces appended; None when the row is no such thing."""
    pieces = [c for c in sub if c.text]
    if len(pieces) < 2:
        return None
    spans = [(c.start - head_line.start, c.end - head_line.start) for c in head]
    lead = text[line.start:pieces[0].start]
    under_first = len(spans) >= 2 and len(lead) < spans[1][0]
    if under_first and not (pieces[0].text[:1] == "(" or pieces[0].text[:1].islower()):
        return None  # under the first cell only a bracket or words going on in lower case (`Chỉ tiêu` over `(đơn vị tính)`)
    if len(pieces) - under_first < 2 or len(pieces) - under_first >= len([c for c in head if c.text]) \
            or any(c.numeric and not YEAR_CELL.fullmatch(c.text) for c in pieces):  # "Thực hiện" over "2025"
        return None
    if "|" in lead or len(spans) < 2 or set(pieces[0].text) <= set("-:"):
        return None  # set out in columns, not a `|---|` rule or a web row
    under: dict[int, list[str]] = {}
    for c in pieces:
        lo, hi = c.start - line.start, c.end - line.start
        hits = [k for k, (s, e) in enumerate(spans) if head[k].text and s < hi and lo < e]
        if len(hits) != 1 or under and hits[0] < max(under):
            return None
        under.setdefault(hits[0], []).append(c.text)
    final = max(k for k, c in enumerate(head) if c.text)
    if any(len(words) > 1 and k != final for k, words in under.items()):
        return None
    out = []
    for k, cell in enumerate(head):
        words = under.get(k, [])
        if len(words) > 1:  # "So sánh (%)" over "Dự toán   Cùng kỳ": the last cell split over the columns under it
            out += [Cell(cell.start, cell.end, under_head(cell.text, w)) for w in words]
        else:
            out.append(Cell(cell.start, cell.end, f"{cell.text} {words[0]}") if words else cell)
    return out


_UNIT_LAST = re.compile(r"(.*?)\s*(\([^()]*\)|)", re.S)


def under_head(head: str, sub: str) -> str:
    """`So sánh (%)` over `Cùng kỳ`: the column's header `So sánh Cùng kỳ (%)`, the head's unit in brackets last."""
    name, unit = _UNIT_LAST.fullmatch(head).groups()
    return f"{name} {sub} {unit}".strip()


def fold_header_above(text: str, top_line: Span, top: list[Cell], head_line: Span, head: list[Cell]) -> Optional[list[Cell]]:
    """`Kế hoạch   Ước TH   So sánh (%)` over `TT  Chỉ tiêu  Đơn vị tính  năm 2026  năm 2026  KH 2026  Năm 2025`: a
    header's first words set on a line of their own above it, over the columns they head (one over two: `So sánh (%)`
    over `KH 2026` and `Năm 2025`). The header with each piece put before the cells it stands over, a unit in brackets
    last; None when the lines are no such thing."""
    pieces = [c for c in top if c.text]
    cells = [c for c in head if c.text]
    if len(pieces) < 2 or len(cells) < 3 or len(pieces) >= len(cells) \
            or any(c.numeric and not YEAR_CELL.fullmatch(c.text) for c in pieces + cells):
        return None
    spans = [(c.start - head_line.start, c.end - head_line.start) for c in head]
    out, last = list(head), 0
    for c in pieces:
        lo, hi = c.start - top_line.start, c.end - top_line.start
        hits = [k for k, (s, e) in enumerate(spans) if head[k].text and s < hi + SLACK and lo < e + SLACK]
        if not hits or hits[0] <= last:
            return None  # not over the first column (the index or the label), left to right
        for k in hits:
            out[k] = Cell(out[k].start, out[k].end, under_head(c.text, out[k].text))
        last = hits[-1]
    return out
