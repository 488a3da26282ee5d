"""`|` table debris of web captures, turned into the same shape as PDF/DOCX tables: one line
per row, cells separated by " | ".

Three shapes occur: a row on one line (`| a | b |` or `a | b |`); one cell per line, each
ended by `|` (the cell's text may wrap over several lines); and a lone `|` line closing a
cell (or standing for an empty one). One-cell-per-line runs are regrouped into rows when the
run shows a column count (rows starting with a running number and a text cell).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..normalize import apply_edits
from . import shape
from .lines import should_join


@dataclass
class _Cell:
    first: int  # index of its first line
    last: int  # index of the line holding its closing `|`
    text: str


def _is_row_line(line: str) -> bool:
    return line.strip().count("|") >= 2 and len(line.strip().strip("|").strip()) > 0


def _closes_cell(line: str) -> bool:
    stripped = line.rstrip()
    return stripped.endswith("|") and not _is_row_line(line)


def _cells(lines: list[str]) -> list[_Cell]:
    cells: list[_Cell] = []
    taken = -1
    for i, line in enumerate(lines):
        if not _closes_cell(line):
            continue
        if _ends_table(lines, i):
            taken = i  # `| a | b |` then a lone `|`: the table's last bar, no cell, nothing after it joins it
            continue
        own = line.rstrip()[:-1].strip()
        loose = i
        while loose - 1 > taken and i - loose < 8 and _may_continue_cell(lines[loose - 1]):
            loose -= 1
        if loose == taken + 1 and cells:  # right after another cell: all these lines are this cell's
            first = loose
        else:  # a run's first cell: only lines that read on into it, none before an index (`TT |`, `1 |`)
            first, head = i, own
            while first - 1 > taken and _may_continue_cell(lines[first - 1]) and not (own and shape.is_index_cell(own)):
                prev = lines[first - 1]
                if head and not shape.is_rule_line(head) and not should_join(prev, head, None, narrow=True):
                    break
                first -= 1
                head = prev.strip()
        text = " ".join(l.strip() for l in lines[first:i] + [own] if l.strip() and not shape.is_rule_line(l))
        cells.append(_Cell(first, i, text))
        taken = i
    return cells


def _last_cell_wraps(lines: list[str], i: int) -> bool:
    """A row whose last cell is left open and whose next line closes a cell: that cell's words, wrapped."""
    return i + 1 < len(lines) and lines[i].lstrip().startswith("|") and not lines[i].rstrip().endswith("|") \
        and _closes_cell(lines[i + 1]) and bool(lines[i + 1].strip().strip("|").strip())


def _ends_table(lines: list[str], i: int) -> bool:
    return lines[i].strip() == "|" and i > 0 and _is_row_line(lines[i - 1])


def _may_continue_cell(line: str) -> bool:
    body = line.strip()
    return bool(body) and not _closes_cell(line) and not _is_row_line(line) and not (shape.ends_sentence(body) and len(body) > 60)


def _runs(cells: list[_Cell]) -> list[list[_Cell]]:
    runs: list[list[_Cell]] = []
    for cell in cells:
        if runs and runs[-1][-1].last + 1 == cell.first:
            runs[-1].append(cell)
        else:
            runs.append([cell])
    return runs


def _columns(run: list[_Cell]) -> int | None:
    """The column count that makes most rows read `index | text | ...`, or, in a table with no index column,
    `text | figure | figure …` (`Số vụ TNGT (vụ) |`, `310 |`, `287 |`, `-7,42 |`)."""
    best, best_score = None, 0.0
    for k in range(2, 13):
        rows = [run[j : j + k] for j in range(0, len(run) - k + 1, k)]
        if len(rows) < 2:
            break
        fits = sum(1 for r in rows if _indexed_row(r) or k >= 3 and _labelled_row(r))
        score = fits / len(rows)
        if score > best_score + 1e-9:
            best, best_score = k, score
    return best if best_score >= 0.7 else None


def _indexed_row(row: list[_Cell]) -> bool:
    return shape.is_index_cell(row[0].text) and sum(c.isalpha() for c in row[1].text) >= 3


def _labelled_row(row: list[_Cell]) -> bool:
    return sum(c.isalpha() for c in row[0].text) >= 3 and not shape.is_figure_cell(row[0].text) \
        and all(shape.is_figure_cell(c.text) for c in row[1:])


def clean_pipe_debris(text: str, offsets: list[int]) -> tuple[str, list[int]]:
    if "|" not in text:  # most texts
        return text, offsets
    lines = text.split("\n")
    starts = shape.line_starts(lines)
    edits: list[tuple[int, int, str]] = []

    def end_of(i: int) -> int:
        return starts[i] + len(lines[i])

    def strip_outer_pipes(i: int) -> None:
        line = lines[i]
        left = len(line) - len(line.lstrip())
        if line[left:left + 1] == "|":
            stop = left + 1
            while stop < len(line) and line[stop] == " ":
                stop += 1
            edits.append((starts[i] + left, starts[i] + stop, ""))
        drop_closing_pipe(i)

    def drop_closing_pipe(i: int) -> None:
        line = lines[i]
        body = line.rstrip()
        if not body.endswith("|"):
            return
        cut = len(body) - 1
        while cut > 0 and body[cut - 1] == " ":
            cut -= 1
        if cut == 0:  # a lone `|`: drop the line with the break before it (or after it)
            if i > 0:
                edits.append((starts[i] - 1, end_of(i), ""))
            else:
                edits.append((starts[i], min(end_of(i) + 1, len(text)), ""))
            return
        edits.append((starts[i] + cut, end_of(i), ""))

    for i, line in enumerate(lines):
        if _is_row_line(line):
            strip_outer_pipes(i)
            if _last_cell_wraps(lines, i):  # "| 3 | TDP Nam Hà | 455 | 22 | Địa bàn đông" / "dân cư |"
                edits.append((end_of(i), end_of(i) + 1, " "))
        elif _ends_table(lines, i):
            drop_closing_pipe(i)

    for run in _runs(_cells(lines)):
        for cell in run:  # a cell's wrapped lines become one
            for i in range(cell.first, cell.last):
                after = lines[i + 1].rstrip().removesuffix("|")
                if should_join(lines[i], after, None, narrow=True) \
                        and not shape.is_signature_line(lines[i]) and not shape.is_signature_line(after):
                    edits.append((end_of(i), end_of(i) + 1, " "))
        k = _columns(run) if len(run) >= 4 else None
        if k is None:
            for cell in run:
                drop_closing_pipe(cell.last)
            continue
        for j in range(0, len(run), k):
            row = run[j : j + k]
            for cell in row[:-1]:
                edits.append((end_of(cell.last), end_of(cell.last) + 1, " "))
            drop_closing_pipe(row[-1].last)
    edits.sort()
    return apply_edits(text, offsets, _merge(edits))


def _merge(edits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Overlapping edits (a dropped lone `|` line next to a joined break): keep the widest."""
    merged: list[tuple[int, int, str]] = []
    for start, end, rep in edits:
        if merged and start < merged[-1][1]:
            p_start, p_end, p_rep = merged[-1]
            if end - start > p_end - p_start:
                merged[-1] = (min(start, p_start), max(end, p_end), "")
            continue
        merged.append((start, end, rep))
    return merged
