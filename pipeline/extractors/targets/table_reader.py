"""Tables in a text: `cell | cell | cell` lines (the txt reader's space-set and pipe tables, the PDF/DOCX
readers' rows) and the web debris of one cell per line ending in ` |`, whose rows are regrouped by the
width of the header row; a header wrapped over lines, set above its columns or repeated after a page
break is put back together."""
from __future__ import annotations

import re
from collections import Counter

from ...ingest.shape import is_merged_head
from .cell_wraps import YEAR_CELL, fold_header, fold_header_above, fold_into, heads_row, under_head, wraps_row
from .header_columns import header_by_columns
from .table_cells import NUMBER_HEAD, Cell, Span, Table

_NEW_TABLE = re.compile(r"^\s*\|?\s*(?:S?TT|Stt|Số TT|STT)\s*\|", re.IGNORECASE)


def _cells_of_line(text: str, line: Span) -> list[Cell]:
    cells, s = [], line.start
    for i in range(line.start, line.end + 1):
        if i == line.end or text[i] == "|":
            raw = text[s:i]
            lead = len(raw) - len(raw.lstrip())
            cells.append(Cell(s + lead, s + len(raw.rstrip()), raw.strip()))
            s = i + 1
    raw = text[line.start:line.end].strip()
    # "cell |" (web debris) and "| a | b |" (markdown) close with a pipe; "| a | b" opens with an empty cell
    if cells and not cells[-1].text and raw.endswith("|"):
        cells.pop()
        if cells and not cells[0].text and raw.startswith("|"):
            cells.pop(0)
    return cells


def tables(text: str, all_lines: list[Span]) -> list[Table]:
    """Table regions with their header row and body rows."""
    out: list[Table] = []
    if "|" not in text:
        return out  # a table's lines hold cell bars
    i, n = 0, len(all_lines)
    while i < n:
        line_text = all_lines[i].text(text)
        if "|" not in line_text:
            i += 1
            continue
        j, wrapped, row_at = i, set(), i
        while j < n:
            if "|" in all_lines[j].text(text):
                row_at = j
            elif j > i and j + 1 < n and heads_row(text, all_lines[j], all_lines[j + 1]):
                pass  # its words open the label of the row below: `_mend_rows` joins them
            elif not _spilled_cells(text, all_lines, i, j):
                row = _cells_of_line(text, all_lines[row_at])
                if "\n" in text[all_lines[j - 1].end + 1:all_lines[j].start] \
                        or not (wraps_row(text, all_lines[row_at], row, all_lines[j], all_lines[j + 1] if j + 1 < n else None)
                                or _under_number_head(text, all_lines[i], all_lines[j]) and _heads_only(text, all_lines[i:j])):
                    break  # a blank line ends the table: what follows is no wrapped cell
                wrapped.add(j)
            j += 1
        j = next((k for k in range(i + 1, j) if _NEW_TABLE.match(all_lines[k].text(text))
                  and not (k == i + 1 and _heads_over(text, all_lines[i], all_lines[k]))), j)  # not under a header's top line
        run = all_lines[i:j]
        rows = _rows_of_lines(text, run)
        for k in sorted(wrapped):
            if k < j:
                top = max(t for t in range(i, k) if t not in wrapped)
                rows[top - i], rows[k - i] = fold_into(text, all_lines[top], rows[top - i], all_lines[k]), []
        by_columns = header_by_columns(run, rows)
        if by_columns is not None:
            lines_taken, head = by_columns
            rows[:lines_taken] = [head] + [[] for _ in range(lines_taken - 1)]
        elif len(rows) > 2 and i + 1 not in wrapped:
            head = fold_header(text, all_lines[i], rows[0], all_lines[i + 1], rows[1])
            if head is not None:
                rows[0], rows[1] = head, []
                for k in range(2, min(len(rows) - 1, _HEADER_LINES)):  # a header wrapped over three or four lines
                    if i + k in wrapped or (head := fold_header(text, all_lines[i], rows[0], all_lines[i + k], rows[k])) is None:
                        break
                    rows[0], rows[k] = head, []
            elif (head := fold_header_above(text, all_lines[i], rows[0], all_lines[i + 1], rows[1])) is not None:
                rows[0], rows[1] = [], head
        if max(len(r) for r in rows) >= 3:
            table = _table_from_rows(_mend_rows([r for r in rows if not _is_rule_row(r)]))
        else:
            table = _table_from_cell_lines([c for r, ln in zip(rows, run) for c in (r or [Cell(ln.start, ln.start, "")])], run)
        if table is not None:
            table.start, table.end = run[0].start, run[-1].end
            if out and _continues(out[-1], table, text):
                out[-1].rows += table.rows  # its header repeated after a page break
                out[-1].end = table.end
            else:
                out.append(table)
        i = j
    return out


def _continues(before: Table, table: Table, text: str) -> bool:
    """The same header again after a table, with no words between but a page number: the table goes on."""
    between = text[before.end:table.start]
    return [c.text for c in before.header] == [c.text for c in table.header] and len(table.header) >= 3 \
        and not any(ch.isalpha() for ch in between)


def _heads_only(text: str, run: list[Span]) -> bool:
    """Lines of a header so far: no figure in their cells but a year (`Kế hoạch | năm 2027`)."""
    return not any(c.numeric and not YEAR_CELL.fullmatch(c.text) for ln in run for c in _cells_of_line(text, ln))


def _under_number_head(text: str, head_line: Span, line: Span) -> bool:
    """`BHYT năm 2027 (%)` under `STT | Đơn vị hành chính | Chỉ tiêu tỷ lệ bao phủ | Ghi chú`, `(tiêu chí)` under its
    header's third line: the rest of a header cell's words, set centred under it on a line of their own."""
    head = _cells_of_line(text, head_line)
    body = text[line.start:line.end]
    indent = len(body) - len(body.lstrip(" "))
    return bool(head) and bool(NUMBER_HEAD.match(head[0].text)) and bool(body.strip()) \
        and indent > head[0].end - head_line.start and not _FIGURES_ONLY.fullmatch(body.strip())


_FIGURES_ONLY = re.compile(r"[\d.,%\s|()-]+")


def _rows_of_lines(text: str, run: list[Span]) -> list[list[Cell]]:
    """The cells of each line; a header a copy wrapped over lines above the rule row (`TT | Xã, phường | Số thửa
    đất số hóa` / `(thửa) | Số trang hồ sơ quét` / `(trang) | Thời gian hoàn thành` over `---|---|---|---|---`),
    one row again, each line's first cell the end of the cell above it. Its other lines stay as empty rows."""
    rows = [_cells_of_line(text, ln) for ln in run]
    rule = next((k for k, r in enumerate(rows) if _is_rule_row(r)), None)
    if rule is None or rule < 2:
        return rows
    width = len(rows[rule])
    lines = [_filled(r) for r in rows[:rule]]  # a Word table pads its short rows with empty cells
    cells_above = len(lines[rule - 1])
    for top in range(rule - 2, max(-1, rule - 5), -1):
        first = lines[top][1:] if lines[top] and not lines[top][0].text else lines[top]  # "| TT | …" with no closing bar
        cells_above += len(first) - 1
        if not first or cells_above > width:
            break
        if cells_above == width:
            header = first
            for k in range(top + 1, rule):
                more = lines[k]
                header = header[:-1] + [Cell(header[-1].start, more[0].end, f"{header[-1].text} {more[0].text}")] + more[1:]
                rows[k] = []
            rows[top] = header
            break
    return rows


def _filled(row: list[Cell]) -> list[Cell]:
    """The row without its trailing empty cells."""
    end = len(row)
    while end and not row[end - 1].text:
        end -= 1
    return row[:end]


_HEADER_LINES = 4
_RULE_CELL = re.compile(r":?-{3,}:?")


def _heads_over(text: str, line: Span, head: Span) -> bool:
    """A line of two heads or more and no figure set over the right columns of the `TT | …` header under it
    (`Kế hoạch | Ước TH | So sánh (%)`): its first cell starts past the header's second."""
    cells = [c for c in _cells_of_line(text, line) if c.text]
    below = [c for c in _cells_of_line(text, head) if c.text]
    return len(cells) >= 2 and len(below) > len(cells) and not any(c.numeric for c in cells) \
        and cells[0].start - line.start > below[1].start - head.start


def _is_rule_row(row: list[Cell]) -> bool:
    """`|---|---|`: the rule under a markdown table's header, no row of its own."""
    return bool(row) and all(_RULE_CELL.fullmatch(c.text) for c in row)


def _header_width(rows: list[list[Cell]]) -> int:
    return next((len(r) for r in rows if len(r) >= 3 and not any(c.numeric for c in r)), 0)


def _spilled_cells(text: str, all_lines: list[Span], i: int, j: int) -> bool:
    """A line of bare figures between two rows, the cells a web copy pushed off a short row
    (`3 | Đoàn giao thương … | Đoàn | 2 | 3` then `3`)."""
    if j == i or j + 1 >= len(all_lines) or "|" not in all_lines[j + 1].text(text):
        return False
    cells = _cells_of_line(text, all_lines[j])
    if not cells or not all(c.numeric for c in cells):
        return False
    above = _cells_of_line(text, all_lines[j - 1])
    width = _header_width([_cells_of_line(text, ln) for ln in all_lines[i:j]])
    return len(above) < width == len(above) + len(cells)


def _mend_rows(rows: list[list[Cell]]) -> list[list[Cell]]:
    """Rows a copy broke over two lines, put back to the header's width: bare figures pushed off
    a row, or a label cell wrapped onto the next line (`6 | Tỷ lệ doanh nghiệp xuất khẩu` then
    `được tập huấn … | % | 60 | 70 | 80`)."""
    width = _header_width(rows)
    lengths = Counter(len(r) for r in rows if len(r) >= 3)
    usual = lengths.most_common(1)[0][0] if lengths else width  # rows whose empty last cells a copy dropped
    out: list[list[Cell]] = []
    for row in rows:
        above = out[-1] if out else None
        if above and row and len(above) < min(width, usual):
            if len(above) + len(row) == width and all(c.numeric for c in row):
                out[-1] = above + row
                continue
            wrapped = row[0].text[:1].islower() or above[0].text.isdigit() and len(above) == 2  # "5 | Phước" then "Thắng | 483"
            if len(above) + len(row) - 1 in (width, usual) and wrapped and not above[-1].numeric:
                label = Cell(above[-1].start, row[0].end, f"{above[-1].text} {row[0].text}")
                out[-1] = above[:-1] + [label] + row[1:]
                continue
        out.append(_split_glued(row, width))
    return out


_GLUED = re.compile(r"(?P<words>[^\d|]*[^\W\d_])\s(?P<figure>[<>≤≥~]?\s?\d[\d.,]*\s*%?)")


_GLUED_INDEX = re.compile(r"(?P<index>[IVX]{1,4}|\d{1,2})\s(?P<label>[^\W\d_].*)", re.S)


def _split_glued(row: list[Cell], width: int) -> list[Cell]:
    """`3 | Kim ngạch xuất khẩu | triệu USD 16.000 | 1.452,6 | …`: a row one cell short whose unit cell took the next
    figure, or whose label took its index (a PDF copy set them one space apart): each is a cell of its own."""
    if len(row) != width - 1 or width < 4:
        return row
    if (m := _GLUED_INDEX.match(row[0].text)) is not None:  # `III Dự phòng ngân sách`: its index one space off
        c = row[0]
        return [Cell(c.start, c.start + m.end("index"), m["index"]), Cell(c.start + m.start("label"), c.end, m["label"])] + row[1:]
    glued = [k for k in range(2, len(row)) if len(row[k].text.split()) <= 4 and _GLUED.fullmatch(row[k].text)]
    if len(glued) != 1:
        return row
    c, m = row[glued[0]], _GLUED.fullmatch(row[glued[0]].text)
    at = c.start + m.start("figure")
    return row[:glued[0]] + [Cell(c.start, c.start + m.end("words"), m["words"]), Cell(at, c.end, m["figure"])] + row[glued[0] + 1:]


def _table_from_rows(rows: list[list[Cell]]) -> Table | None:
    rows = [r for r in rows if r]
    if not rows:
        return None
    head_i = next((k for k, r in enumerate(rows) if not any(c.numeric for c in r) and len(r) >= 3), 0)
    header, body = rows[head_i], rows[head_i + 1:]
    header = _unfold_merged(header, body)
    if body and len(body[0]) <= len(header) and not any(c.numeric for c in body[0]) \
            and sum(1 for c in body[0] if c.text) >= 2 and not body[0][0].text:
        header = _merge_header(header, body[0])  # "Năm 2023" over "Kế hoạch | Thực hiện"
        body = body[1:]
    elif len(body) >= 2 and (sub := _split_heads(body[0])) and all(len(r) == len(header) + len(sub) - 1 for r in body[1:3]):
        # "So sánh (%)" over "Cùng kỳ | KH": the header's last cell split over the columns under it, its unit last
        header = header[:-1] + [Cell(c.start, c.end, under_head(header[-1].text, c.text)) for c in sub]
        body = body[1:]
    return Table(0, 0, header, body)


def _unfold_merged(header: list[Cell], body: list[list[Cell]]) -> list[Cell]:
    """`STT | Xã, phường | Tổng số | Trong đó | Ghi chú | Cao đẳng, trung cấp | Sơ cấp` over rows of six cells (a copy
    one cell per line): the merged cell's sub-heads, after the header's last cell, stand in its place."""
    width = max((len(r) for r in body), default=0)  # a row's empty notes cell may be cut off
    subs = len(header) - width + 1 if width >= 3 else 0
    merged = next((k for k, c in enumerate(header) if is_merged_head(c.text)), None)
    if subs < 2 or merged is None:
        return header
    if all(_YEAR_HEAD.fullmatch(c.text) for c in header[merged + 1:]):  # "Phân kỳ theo năm" then "Năm 2026 | … | Năm 2030"
        return header[:merged] + header[merged + 1:]
    if merged >= len(header) - subs - 1:
        return header
    top = header[:len(header) - subs]
    return top[:merged] + header[len(header) - subs:] + top[merged + 1:]


_YEAR_HEAD = re.compile(r"(?:năm\s+)?(?:19|20)\d\d(?:\s*\([^)]*\))?", re.IGNORECASE)


def _split_heads(row: list[Cell]) -> list[Cell]:
    """The cells of a row of two heads or more and no figure, the row's empty cells after them (a copy pads a
    short row) left out; none for other rows."""
    heads = row[:next((k for k, c in enumerate(row) if not c.text), len(row))]
    if len(heads) < 2 or any(c.numeric for c in heads) or any(c.text for c in row[len(heads):]):
        return []
    return heads


def _merge_header(top: list[Cell], sub: list[Cell]) -> list[Cell]:
    """A second header row under merged cells; a shorter one sits under the rightmost columns."""
    sub = [Cell(0, 0, "")] * (len(top) - len(sub)) + sub
    merged, above = [], ""
    for t, b in zip(top, sub):
        above = t.text or above
        text = f"{above} {b.text}".strip() if b.text else (t.text or "")
        merged.append(Cell(t.start, t.end, text))
    return merged


def _table_from_cell_lines(cells: list[Cell], run: list[Span]) -> Table | None:
    width = 0
    for c in cells:
        if not c.text or c.numeric:
            break
        width += 1
    if width < 3 or not any(c.numeric for c in cells):
        return None
    width = _best_width(cells, width)
    header, body = cells[:width], cells[width:]
    rows = [body[k:k + width] for k in range(0, len(body), width)]
    return Table(0, 0, header, [r for r in rows if len(r) == width])


_FIGURE_CELL = re.compile(r"^\s*(?:[^\d\s|]+\s+){0,2}[<>≤≥~]?\s*\d[\d.,]*\s*%?\s*$")


def _best_width(cells: list[Cell], most: int) -> int:
    """The header width of a one-cell-per-line table: the leading text cells may run on into the
    first row when it has no number column (`Tỷ lệ hộ nghèo |`, `% |`, `2,9 |`); the width whose rows
    each start with words and end with a figure wins, the widest on a tie."""
    def score(w: int) -> float:
        rows = [cells[k:k + w] for k in range(w, len(cells) - w + 1, w)]
        good = sum(1 for r in rows if re.search(r"[^\W\d_]", r[0].text) and not _FIGURE_CELL.match(r[0].text)
                   and (_FIGURE_CELL.match(r[-1].text) or not r[-1].text)) if rows else 0
        return good / len(rows) if rows else 0.0

    best = max(range(3, most + 1), key=lambda w: (score(w), w))
    return best if score(best) > score(most) else most
