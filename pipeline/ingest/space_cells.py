"""Tables set out with runs of spaces, as a PDF text layer copied in layout mode writes them
(`1   Kiểm tra, xử lý vi phạm (trường hợp)    80.000    41.826    52,3`). A run of spaces between
the cells of such a table becomes ` |` and blanks, the same length, so that its rows read like the
pipe and tab tables.

A run of lines is such a table when at least two lines in a row hold three cells or more between
runs of two spaces or more, their cells start or end at the same columns (a line's cells line up with the
line before it at two columns or more besides the first) and one of them holds a figure. A line of
prose with a double space typed by mistake has two cells, and nothing under it lines up.

A row whose cells wrap carries their ends on lines of their own, indented to the cells' columns
(`        kết hợp sản xuất, kinh doanh          Công an cấp xã`): such a continuation line keeps the
table going and stays as it is; the table reader puts its words back into the row above by column."""
from __future__ import annotations

import re
from typing import Optional

from . import shape
from .page_breaks import PAGE_NUMBER

_MIN_CELLS = 3
_RULE_LINE = re.compile(r"[ \t]*[-=_–—]{5,}[ \t]*")
_GAP = re.compile(r"(?<=\S) {2,}(?=\S)")
_CELL_GAP = re.compile(r" {2,}")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
SLACK = 1
_HEADER_LINES = 4  # columns a cell may start off its column, as proportional fonts set it


def space_cell_edits(text: str) -> list[tuple[int, int, str]]:
    """Edits (start, end, replacement) marking the cell gaps of space-set tables in `text` with `|`."""
    if "   " not in text:
        return []
    edits: list[tuple[int, int, str]] = []
    run: list[tuple[int, str, list[re.Match]]] = []
    rules: list[int] = []  # rule lines ("-----") inside the run, under its header
    breaks: list[tuple[int, int]] = []  # blank lines (and a page number) inside the run, dropped if it is a table
    pos = 0
    text_lines = text.split("\n") + [""]
    resume = 0
    for at, line in enumerate(text_lines):
        if at < resume:  # a blank line or page number inside the table, counted in `pos` already
            continue
        if run and _RULE_LINE.fullmatch(line):
            rules.append(pos + len(line) - len(line.lstrip(" \t")))  # its first dash
            pos += len(line) + 1
            continue
        if run and not line.strip() and (after := _resumes_at(text_lines, at, run)) is not None:
            end = pos + sum(len(text_lines[k]) + 1 for k in range(at, after))
            breaks.append((pos, end))
            resume, pos = after, end
            continue
        group = bool(run) and (_group_row(line) or _units_line(line) or len(run) == 1 and _sub_heads(run[0][1], run[0][2], line)
                               or _header_wrap(run, line))
        gaps = _row_gaps(line) or (_short_row_gaps(line) if run else []) or (list(_GAP.finditer(line)) if group else [])
        if gaps and run and not group and not any(_lines_up(prev, prev_gaps, line, gaps) for _, prev, prev_gaps in run[-2:]) \
                and not (len(gaps) == 1 and continues_cells(_cell_columns(run), line)) \
                and not (_indexed_row(line, gaps) and (_indexed_row(run[-1][1], run[-1][2]) or _index_head(run[0][1]))) \
                and not (_total_row(line, gaps) and _indexed_row(run[-1][1], run[-1][2])):
            _close(run, edits, rules, breaks)
            run, rules, breaks = [], [], []
        if gaps:
            run.append((pos, line, gaps))
        elif not run or not (continues_cells(columns := _cell_columns(run), line)
                             or heads_row(columns, line, text_lines[at + 1] if at + 1 < len(text_lines) else "")
                             or _header_second_line(run, line)):
            _close(run, edits, rules, breaks)
            run, rules, breaks = [], [], []
        pos += len(line) + 1
    return sorted(edits)


def _cell_columns(run: list[tuple[int, str, list[re.Match]]]) -> tuple[int, set[int]]:
    """The first column of the run's rows, and the columns their cells start at."""
    firsts = [len(line) - len(line.lstrip(" ")) for _, line, _ in run]
    return min(firsts), set(firsts) | {g.end() for _, _, gaps in run for g in gaps}


def continues_cells(columns: tuple[int, set[int]], line: str) -> bool:
    """A line holding only the wrapped ends of cells: indented past the rows' first column, each of its cells
    starting at a column a cell of the rows starts at."""
    first, starts = columns
    indent = len(line) - len(line.lstrip(" "))
    if "|" in line or not line.strip() or indent <= first + SLACK or shape.is_table_note(line):
        return False
    gaps = list(_GAP.finditer(line))
    cell_starts = [indent] + [g.end() for g in gaps]
    cell_ends = [g.start() for g in gaps] + [len(line.rstrip())]
    return all(any(abs(c - s) <= SLACK for s in starts) and e <= _next_column(starts, c) + SLACK
               for c, e in zip(cell_starts, cell_ends))


def _next_column(starts: set[int], column: int) -> float:
    """Where the cell after the one starting at `column` starts: a wrapped cell's end stays left of it (an indented
    paragraph under the table runs on past it)."""
    return min((s for s in starts if s > column + SLACK), default=float("inf"))


def heads_row(columns: tuple[int, set[int]], line: str, below: str) -> bool:
    """`Tổng mức bán lẻ hàng hóa và` over `doanh thu dịch vụ tiêu dùng    Tỷ đồng    98.500 …`: the first part of a
    row's label wrapped onto a line of its own above the row: words at the rows' first column, inside the label's
    column, and a row below going on in lower case."""
    first, starts = columns
    body = line.strip()
    indent = len(line) - len(line.lstrip(" "))
    if not body or "|" in line or "  " in body or abs(indent - first) > SLACK or shape.is_figure_cell(body):
        return False
    label_end = min((s for s in starts if s > first + SLACK), default=0)
    below_gaps = _row_gaps(below)
    return len(line.rstrip()) < label_end and bool(below_gaps) and below.lstrip()[:1].islower() \
        and abs(len(below) - len(below.lstrip(" ")) - first) <= SLACK


def _row_gaps(line: str) -> list[re.Match]:
    if "|" in line or "  " not in line.strip():
        return []
    gaps = list(_GAP.finditer(line))
    return gaps if len(gaps) >= _MIN_CELLS - 1 else []


def _short_row_gaps(line: str) -> list[re.Match]:
    """`       Tổng cộng                 68.000`: a row of two cells, its number cell left blank, that ends on a
    figure (a total row); wrapped cell ends hold words only."""
    if "|" in line:
        return []
    gaps = list(_GAP.finditer(line))
    return gaps if len(gaps) == 1 and shape.is_figure_cell(line[gaps[0].end():].strip()) else []


def _group_row(line: str) -> bool:
    """` II   Chỉ tiêu về chuyên môn`: a row grouping the rows under it, its index and its name, no figure (a year in
    its name is none: `I   Các xã phấn đấu đạt chuẩn nông thôn mới năm 2027`)."""
    gaps = list(_GAP.finditer(line))
    if len(gaps) != 1 or "|" in line:
        return False
    index, name = line[:gaps[0].start()].strip(), line[gaps[0].end():].strip()
    return shape.is_index_cell(index) and any(c.isalpha() for c in name) and not any(c.isdigit() for c in _YEAR.sub("", name))


def _sub_heads(head: str, head_gaps: list[re.Match], line: str) -> bool:
    """`So sánh (%)` over `Cùng kỳ      KH`: a header's last cell split into the heads of the columns under it, on
    a line of their own that starts under that cell."""
    cells = _CELL_GAP.split(line.strip())
    indent = len(line) - len(line.lstrip(" "))
    return len(cells) >= 2 and "|" not in line and bool(head_gaps) and indent >= head_gaps[-1].end() - SLACK \
        and not any(shape.is_figure_cell(c) for c in cells)


def _header_wrap(run: list[tuple[int, str, list[re.Match]]], line: str) -> bool:
    """`1 tuổi được tiêm    chủng đầy đủ` under `TT   Xã, phường   Số trẻ em dưới   Tỷ lệ tiêm`: a header's cells
    wrapped onto a line of two cells or more, each under a cell of the header, before any row."""
    return len(run) < _HEADER_LINES and "  " in line.strip() and "|" not in line \
        and not any(shape.is_figure_cell(c) for _, head, _ in run for c in _CELL_GAP.split(head.strip())) \
        and not any(shape.is_figure_cell(c) for c in _CELL_GAP.split(line.strip())) and continues_cells(_cell_columns(run), line)


def _units_line(line: str) -> bool:
    """`(người)      (ngày/lớp)` under a header: the units of its cells, on a line of their own."""
    cells = _CELL_GAP.split(line.strip())
    return len(cells) >= 2 and "|" not in line and all(c.startswith("(") and c.endswith(")") and len(c) <= 24 for c in cells)


def _starts(line: str, gaps: list[re.Match]) -> list[int]:
    return [g.end() for g in gaps]


def _ends(line: str, gaps: list[re.Match]) -> list[int]:
    return [g.start() for g in gaps[1:]] + [len(line.rstrip())]


def _indexed_row(line: str, gaps: list[re.Match]) -> bool:
    """`    6      Xã Mù Cả          98,00          Xã ĐBKK`: a running number, a label and a figure, however ragged a
    PDF copy set their columns: two such lines in a row are rows of one table."""
    cells = [line[:gaps[0].start()].strip()] + [line[g.end():n.start() if n else len(line)].strip()
                                                for g, n in zip(gaps, gaps[1:] + [None])] if gaps else []
    return len(cells) >= 3 and shape.is_index_cell(cells[0]) and bool(cells[0]) and any(c.isalpha() for c in cells[1]) \
        and not shape.is_figure_cell(cells[1]) and shape.is_figure_cell(cells[2])


def _header_second_line(run: list[tuple[int, str, list[re.Match]]], line: str) -> bool:
    """`BHYT năm 2027 (%)` under `STT   Đơn vị hành chính   Chỉ tiêu tỷ lệ bao phủ   Ghi chú`: words under a lone
    header opening on the running number's head, set off its columns (centred), the rest of a cell's words."""
    indent = len(line) - len(line.lstrip(" "))
    return len(run) == 1 and _index_head(run[0][1]) and bool(line.strip()) and "|" not in line \
        and indent > len(run[0][1]) - len(run[0][1].lstrip(" ")) + SLACK and not shape.is_figure_cell(line.strip())


def _total_row(line: str, gaps: list[re.Match]) -> bool:
    """`        TỔNG CỘNG TOÀN TỈNH            96,50`: a total row ending a table of indexed rows, its figure off their column."""
    return bool(gaps) and shape.opens_total_row(line[:gaps[0].start()].strip()) \
        and shape.is_figure_cell(line[gaps[-1].end():].strip())


def _index_head(line: str) -> bool:
    """`  STT      Đơn vị hành chính      Chỉ tiêu …`: a header opening on the running number's head (`TT`, `STT`)."""
    return shape.is_index_head(_CELL_GAP.split(line.strip(), maxsplit=1)[0])


def _lines_up(prev: str, prev_gaps: list[re.Match], line: str, gaps: list[re.Match]) -> bool:
    """At least two of the line's cells start, or end, at the columns of cells of the line before it (figures
    are set flush right under their headers: `Năm 2026` over `4.850`), or stand centred inside them (a header's
    second line: `Kế hoạch` over `2026`)."""
    indent = len(prev) - len(prev.lstrip(" "))  # the first cell too: a header's top line set over its right columns
    starts = [indent] + _starts(prev, prev_gaps)
    ends = ([prev_gaps[0].start()] if prev_gaps else []) + _ends(prev, prev_gaps)
    cells = list(zip(_starts(line, gaps), _ends(line, gaps)))
    first = len(line) - len(line.lstrip(" "))
    if first > indent + SLACK and gaps:
        cells.append((first, gaps[0].start()))  # a header's second line set under its right columns: its first cell too
    shared = sum(any(abs(s - a) <= SLACK for a in starts) or any(abs(e - a) <= SLACK for a in ends)
                 or any(a - SLACK <= s and e <= b + SLACK for a, b in zip(starts, ends))
                 for s, e in cells)
    return shared >= 2


def _resumes_at(lines: list[str], at: int, run: list[tuple[int, str, list[re.Match]]]) -> Optional[int]:
    """The line a table goes on at after the blank line `at`: a blank line under its header, or a page break (blank
    lines round a page number) between its rows, when the next line is a row with a figure whose cells line up with
    the rows above (`  5    Chà Tở     136    4,2` after `  4    Mường Toong     190    4,5`, a blank line, `2`, a blank
    line). None when the table ends there."""
    k, numbers = at, 0
    while k < len(lines) and k - at < _MAX_BREAK_LINES and (not lines[k].strip() or PAGE_NUMBER.match(lines[k])):
        numbers += bool(lines[k].strip())
        k += 1
    if k >= len(lines) or k - at >= _MAX_BREAK_LINES or numbers > 1:
        return None
    line = lines[k]
    gaps = _row_gaps(line) or _short_row_gaps(line)
    if not gaps or not any(shape.is_figure_cell(c) for c in _CELL_GAP.split(line.strip())):
        return None
    return k if any(_lines_up(prev, prev_gaps, line, gaps) for _, prev, prev_gaps in run[-2:]) else None


_MAX_BREAK_LINES = 4


def _close(run: list[tuple[int, str, list[re.Match]]], edits: list[tuple[int, int, str]], rules: list[int],
           breaks: list[tuple[int, int]]) -> None:
    if len(run) < 2:
        return
    cells = (c for _, line, _ in run for c in _CELL_GAP.split(line.strip()))
    if not any(shape.is_figure_cell(c) for c in cells):
        return
    for start, _, gaps in run:
        for g in gaps:
            edits.append((start + g.start(), start + g.end(), " |" + " " * (g.end() - g.start() - 2)))
    for at in rules:
        if run[0][0] < at < run[-1][0]:
            edits.append((at, at + 1, "|"))  # a rule under the header: read as the markdown separator it stands for
    edits.extend((start, end, "") for start, end in breaks if start < run[-1][0])
