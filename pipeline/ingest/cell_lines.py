"""Tables copied with one cell per line and nothing between the cells (from a PDF viewer or a word
processor): `TT`, `Chỉ tiêu`, `Năm 2024` … each on a line of its own, then each row's cells on the
lines after. Such a run is regrouped into rows `1|Tỷ lệ huy động …|99,72|99,81`, the shape the
pipe and PDF tables have (each `|` in place of a line break), before wrapped lines are rejoined
(which would run the cells together).

A run is a table only when its header opens on the index column's head (`TT`, `STT`), has at least
three cells, and is followed by at least two rows of the header's width, each an index, a text and
cells ending on a figure (or on a day or span of days, a schedule's, after a figure); a total row
(`Tổng cộng`) without its index is one cell shorter, or opens on a blank line (its empty index cell). A header
cell's unit broken onto a line of its own (`Năm 2025` then `(%)`) stays in that cell. A row's text cell
wrapped over lines (a long label the copy broke) is one cell when the row read unwrapped would leave a
figure where the next row's index should stand."""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

import regex

from ..normalize import apply_edits
from ..rules import load_yaml
from . import shape

_MAX_HEADER_CELLS = 12
_MAX_CELL_CHARS = 160


@lru_cache(maxsize=None)
def _note_heads() -> frozenset:
    return frozenset(w.lower() for w in load_yaml("line_shapes.yaml")["note_cells"])


def regroup_cell_lines(text: str, offsets):
    if "TT\n" not in text and not any(f"\n{h}\n" in text for h in _time_heads() + _label_heads()):  # most texts: no such head alone on a line
        return text, offsets
    lines = text.split("\n")
    starts = shape.line_starts(lines)
    time_heads = {h.lower() for h in _time_heads()}
    label_heads = {h.lower() for h in _label_heads()}
    edits: list[tuple[int, int, str]] = []
    i = 0
    while i < len(lines):
        head = lines[i].strip().lower()
        indexed = shape.is_index_head(head)
        if not indexed and head not in time_heads and head not in label_heads:
            i += 1
            continue
        grouped = _table_at(lines, i) if indexed else _schedule_at(lines, i) if head in time_heads else _labelled_at(lines, i)
        if grouped is None:
            i += 1
            continue
        rows, wrapped = grouped
        for first, last in rows:
            for k in range(first, last):
                one_cell = k in wrapped or _unit_only(lines[k + 1]) and k < rows[0][1]  # "Năm 2025" then "(%)": one cell
                edits.append((starts[k] + len(lines[k]), starts[k + 1], " " if one_cell else "|"))  # on the line break
        i = rows[-1][1] + 1
    return apply_edits(text, offsets, edits) if edits else (text, offsets)


def _table_at(lines: list[str], head: int) -> Optional[tuple[list[tuple[int, int]], set[int]]]:
    """(first line, last line) of the header and of each row, when a table starts at line `head`, and the
    lines of wrapped text cells that run on to the next line."""
    width, span = 1, 1
    while head + span < len(lines) and width <= _MAX_HEADER_CELLS and _header_cell(lines[head + span]):
        width += not _unit_only(lines[head + span])
        span += 1
    if width < 3:
        return None
    heads = [c.strip().lower() for c in lines[head:head + span] if not _unit_only(c)]
    best = _rows_under(lines, head, span, width, heads[-1] in _note_heads())  # "Ghi chú": a last cell of words, or empty
    for subs in _merged_sub_heads(heads):  # "Tổng số | Trong đó | Ghi chú" then "Cao đẳng, trung cấp | Sơ cấp"
        under = _rows_under(lines, head, span, width - subs + 1, heads[-subs - 1] in _note_heads())
        if len(under[0]) > len(best[0]):
            best = under
    return best if len(best[0]) >= 3 else None


def _merged_sub_heads(heads: list[str]) -> range:
    """How many sub-heads may close a header that holds a merged cell (`Trong đó`) before its last two cells."""
    merged = next((k for k, c in enumerate(heads) if shape.is_merged_head(c)), None)
    return range(2, len(heads) - merged) if merged is not None else range(0)


def _rows_under(lines: list[str], head: int, span: int, width: int, notes: bool) -> tuple[list[tuple[int, int]], set[int]]:
    """(first line, last line) of the header and of each row of `width` cells under it, and the wrapped label lines."""
    out = [(head, head + span - 1)]
    at = head + span
    wrapped: set[int] = set()
    while at < len(lines):
        size = _row_size(lines, at, width, notes)
        if size is None:
            break
        if not _next_row_fits(lines, at, at + size):
            extra = _wrapped_label(lines, at, width, notes)
            if extra:
                wrapped.update(range(at + 1, at + 1 + extra))
                size += extra
        out.append((at, at + size - 1))
        at += size
    return out, wrapped


def _next_row_fits(lines: list[str], at: int, after: int) -> bool:
    """False when the line after the row at `at` is a figure that is not the next index (`3` after row `2`)."""
    if after >= len(lines):
        return True
    nxt = lines[after].strip()
    if not nxt or not shape.is_figure_cell(nxt):
        return True
    return shape.is_index_cell(nxt) and nxt == _next_index(lines[at].strip())


def _next_index(index: str) -> Optional[str]:
    return str(int(index) + 1) if index.isdigit() else None


def _wrapped_label(lines: list[str], at: int, width: int, notes: bool) -> int:
    """How many lines the text cell of the indexed row at `at` wraps onto (0: none found)."""
    if not shape.is_index_cell(lines[at].strip()):
        return 0
    for extra in (1, 2):
        label = lines[at + 1:at + 2 + extra]
        if len(label) < extra + 1 or any(not c.strip() or shape.is_figure_cell(c) or shape.is_index_cell(c) for c in label):
            return 0
        cells = [" ".join(c.strip() for c in label), *lines[at + 2 + extra:at + width + extra]]
        if _row_cells(cells, width - 1, notes) and _next_row_fits(lines, at, at + width + extra):
            return extra
    return 0


@lru_cache(maxsize=None)
def _time_heads() -> tuple[str, ...]:
    return tuple(load_yaml("line_shapes.yaml")["time_heads"])


_TIME_ROW = regex.compile(r"^(?:(?:tháng|quý|năm)\s+)?(?:\d{1,2}|[IVX]{1,4})(?:/(?:19|20)\d\d)?$|^(?:năm\s+)?(?:19|20)\d\d$", regex.I)


def _schedule_at(lines: list[str], head: int) -> Optional[tuple[list[tuple[int, int]], set[int]]]:
    """A schedule copied one cell per line: a time head (`Tháng`), the headers of its figure columns, then rows
    each a month, quarter or year (`Tháng 7/2026`) and that many figures."""
    width = 1
    while head + width < len(lines) and width <= _MAX_HEADER_CELLS and _header_cell(lines[head + width]) \
            and not _TIME_ROW.match(lines[head + width].strip()):
        width += 1
    if width < 2:
        return None
    out = [(head, head + width - 1)]
    at = head + width
    while at + width <= len(lines) and _TIME_ROW.match(lines[at].strip()) \
            and all(shape.is_figure_cell(c) for c in lines[at + 1:at + width]):
        out.append((at, at + width - 1))
        at += width
    return (out, set()) if len(out) >= 3 else None


@lru_cache(maxsize=None)
def _label_heads() -> tuple[str, ...]:
    return tuple(load_yaml("line_shapes.yaml")["label_heads"])


def _labelled_at(lines: list[str], head: int) -> Optional[tuple[list[tuple[int, int]], set[int]]]:
    """A table copied one cell per line with no index column: a label head (`Tiêu chí`), the headers of its figure
    columns, then rows each a label and that many figures; the header width that reads the most such rows."""
    best: list[tuple[int, int]] = []
    for width in range(3, _MAX_HEADER_CELLS + 1):
        if head + width > len(lines) or not all(_header_cell(c) for c in lines[head + 1:head + width]):
            break
        out = [(head, head + width - 1)]
        at = head + width
        while at + width <= len(lines) and _row_cells(lines[at:at + width], width) \
                and all(shape.is_figure_cell(c) for c in lines[at + 1:at + width]):
            out.append((at, at + width - 1))
            at += width
        if len(out) > len(best):
            best = out
    return (best, set()) if len(best) >= 3 else None


def _unit_only(line: str) -> bool:
    """`(%)`, `(người)`: a header cell's unit, broken onto a line of its own."""
    cell = line.strip()
    return len(cell) <= 24 and cell.startswith("(") and cell.endswith(")") and not any(ch.isdigit() for ch in cell[1:-1].replace("%", ""))


def _header_cell(line: str) -> bool:
    cell = line.strip()
    return bool(cell) and len(cell) <= _MAX_CELL_CHARS and not shape.is_index_cell(cell) \
        and not shape.is_figure_cell(cell) and not shape.ends_sentence(cell)


def _row_size(lines: list[str], at: int, width: int, notes: bool = False) -> Optional[int]:
    """The row's line count at line `at`: the header's width, one less for a total row, None for no row."""
    first = lines[at].strip()
    if first and shape.is_index_cell(first) and _row_cells(lines[at + 1:at + width], width - 1, notes, gaps=True):
        return width
    if shape.opens_total_row(first) and _row_cells(lines[at:at + width - 1], width - 1, notes):
        return width - 1
    if not first and at + 1 < len(lines) and shape.opens_total_row(lines[at + 1].strip()) \
            and _row_cells(lines[at + 1:at + width], width - 1, notes, gaps=True):
        return width  # its index cell empty, a blank line
    if _group_row(lines[at:at + width]) and _row_size(lines, at + width, width, notes) is not None:
        return width
    if _group_row(lines[at:at + 2] + [""]) and at + 2 < len(lines) and lines[at + 2].strip()[:1].isdigit() \
            and _row_size(lines, at + 2, width, notes) is not None:
        return 2  # `I`, `Kéo giảm tai nạn giao thông`, then the group's first row: its empty cells not copied
    return None


def _group_row(cells: list[str]) -> bool:
    """`I`, `Xã phấn đấu đạt chuẩn nông thôn mới`, then empty cells: a group's heading row, before the group's rows."""
    index = cells[0].strip() if cells else ""
    return len(cells) >= 3 and bool(index) and not index[0].isdigit() and shape.is_index_cell(index) \
        and any(ch.isalpha() for ch in cells[1]) and not shape.is_figure_cell(cells[1].strip()) \
        and not any(c.strip() for c in cells[2:])


def _row_cells(cells: list[str], count: int, notes: bool = False, gaps: bool = False) -> bool:
    """A text cell then cells ending on a figure, `count` of them (and a note cell after them, perhaps empty).
    With `gaps`, cells between the text and the last figure may be empty, each a blank line (a group's or the
    total's row leaves a project's code, place and dates empty)."""
    if len(cells) < count:
        return False
    if notes:
        note = cells[count - 1].strip()
        if len(note) > _MAX_CELL_CHARS or note and shape.is_index_cell(note):
            return False
        cells, count = cells[:count - 1], count - 1
    cells = [c.strip() for c in cells[:count]]
    filled = [c for c in cells[1:-1] if c] if gaps else cells[1:-1]
    if not cells[0] or not cells[-1] or filled and len(filled) < len(cells) - 2 and not any(shape.is_figure_cell(c) for c in filled) \
            or not gaps and not all(cells) or any(len(c) > _MAX_CELL_CHARS for c in cells):
        return False
    if shape.is_time_cell(cells[-1]):  # a schedule's last column: "… | 790 | 05/10/2026 - 06/10/2026"
        return any(ch.isalpha() for ch in cells[0]) and any(shape.is_figure_cell(c) for c in cells[1:-1])
    return any(ch.isalpha() for ch in cells[0]) and shape.is_figure_cell(cells[-1])
