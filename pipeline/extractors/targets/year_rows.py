"""Tables whose rows are years: `Năm | Mã số vùng trồng cấp mới (mã số) | Diện tích cấp mới (ha)` then
`2026 | 20 | 900`, closed by a `Tổng cộng` row; or months, a schedule's (`Tháng 7/2026 | 3.440 | 35`).

Each value column's header names the indicator and, in brackets or by its counted noun, the unit; each
row's year is its figures' period, and the total row's period is the span of the years above it. A
year after the document's own is a target, one before it a result.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, Optional

from . import indicator as ind
from .context import Context
from .draft import Draft
from .lexicon import alternation, data
from .table_cells import NUMBER_HEAD, Table, aligned
from .table_columns import bracket_unit, counted_noun

_YEAR_CELL = re.compile(r"^\s*(?:năm\s+)?((?:19|20)\d\d)\s*$|^\s*tháng\s+(\d{1,2})\s*/\s*((?:19|20)\d\d)\s*$", re.IGNORECASE)


def _row_time(m: re.Match) -> tuple[str, int]:
    """(period, year) of a year cell (`2026`) or a month cell (`Tháng 7/2026`: 2026-07)."""
    if m.group(1):
        return m.group(1), int(m.group(1))
    return f"{m.group(3)}-{int(m.group(2)):02d}", int(m.group(3))


@lru_cache(maxsize=None)
def _words() -> tuple[re.Pattern, re.Pattern]:
    h = data("kind")["table_heads"]
    year_head = re.compile(rf"^\s*(?:{alternation(h['year_rows'])})\s*$", re.IGNORECASE)
    total = re.compile(rf"^\s*(?:{alternation(h['total_rows'])})\s*$", re.IGNORECASE)
    return year_head, total


def year_column(t: Table) -> Optional[int]:
    """The column of years, when its header names the year and at least two rows hold one year each."""
    year_head, _ = _words()
    for i, cell in enumerate(t.header):
        if year_head.match(cell.text):
            years = sum(1 for r in t.rows if i < len(r) and _YEAR_CELL.match(r[i].text))
            return i if years >= 2 else None
    return None


def _head_parts(head: str) -> tuple[str, Optional[str]]:
    """(indicator, unit) of a value column's header: `Diện tích cấp mới (ha)` → (diện tích cấp mới, ha)."""
    m = bracket_unit(head)
    text = head[:m.start()] if m else head
    return ind.clean(text).lower(), m.group(1).strip() if m else counted_noun(text)


def year_row_drafts(ctx: Context, t: Table, year_col: int,
                    cell_figure: Callable[[str], Optional[tuple]]) -> list[Draft]:
    _, total = _words()
    heads = [_head_parts(c.text) for c in t.header]
    years = [_row_time(m)[1] for r in t.rows if year_col < len(r) and (m := _YEAR_CELL.match(r[year_col].text))]
    span = f"{min(years)}-{max(years)}" if years else None
    out: list[Draft] = []
    for row in t.rows:
        row = aligned(t, row)  # `Tổng cộng | 36 | 30.500` under `TT | Năm | …`: its number cell left blank
        if year_col >= len(row):
            continue
        label = row[year_col].text
        m = _YEAR_CELL.match(label)
        if m:
            period, year = _row_time(m)
        elif total.match(label) and span:
            period, year = span, max(years)
        else:
            continue
        if ctx.ref_year is not None and year < ctx.ref_year:
            kind = "result"
        elif ctx.plan or ctx.ref_year is None or year > ctx.ref_year or len(period) == 7:  # a month's milestone
            kind = "target"
        else:
            kind = ctx.news_prior  # the report's own year
        cells = [c for c in row if c.text.strip()]
        for i in range(len(row)):
            if i == year_col or i >= len(heads) or not heads[i][0] or NUMBER_HEAD.match(t.header[i].text):
                continue
            figure = cell_figure(row[i].text)
            if figure is None:
                continue
            value, cell_cmp, cell_unit = figure
            indicator, unit = heads[i]
            d = Draft(value=float(value), value_max=None, unit=cell_unit or ("%" if "%" in row[i].text else unit),
                      start=cells[0].start, end=cells[-1].end, fig_start=row[i].start, fig_end=row[i].end,
                      kind=kind, comparator=cell_cmp or "=", period=period, indicator=indicator)
            d.rules = {"shape": "year_table", "unit": "table_header", "kind": "table_row_year",
                       "period": "table_row_year", "comparator": "table_header"}
            out.append(d)
    return out
