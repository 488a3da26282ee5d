"""Targets in tables: indicator | (unit) | one column per plan, result or year.

A column's header says what its figures are: `Kế hoạch năm 2016` (target, 2016), `Thực hiện 6
tháng đầu năm 2016` (result, 2016-H1), `Ước thực hiện năm 2016` (result, ~), `Năm 2020` (a
year after the document's own is a forecast target, one before it a result). The unit comes
from the figure itself, a `tỷ lệ` indicator (%), a unit column or `Đơn vị tính: …` above the table.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from .comparator import bound_in
from .context import Context
from .draft import Draft
from .indicator import clean
from .lexicon import alternation, data, unscaled
from .period import date_month, find_period_mentions
from .period_in_force import period_in_force
from .place_rows import figures_column, place_column, place_drafts
from .table_capacity import capacity_columns, capacity_figure
from .table_cells import INDEX_CELL, LETTER, ROW_NUMBER, Cell, Table, aligned
from .table_changes import change_columns, signed_figure
from .table_columns import BARE_YEAR, bracket_unit, column, counted_noun, heads, per_population_unit, report_columns, share_bases, time_head
from .table_figures import cell_change, cell_figure, cell_range, row_bound_of, row_change, sub_row, whole_row
from .table_measures import column_indicator, compared_with, count_measure, years_compared
from .table_notes import note_columns, note_drafts
from .year_rows import year_column, year_row_drafts

BARE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def _row_period(ctx: Context, row: list[Cell], time_col: Optional[int]) -> Optional[str]:
    """The period a time column gives its row (`2024-2025`, `2025`, `Năm 2026`)."""
    if time_col is None or time_col >= len(row):
        return None
    cell = row[time_col].text
    ps = find_period_mentions(cell, ctx.ref_year)
    if ps:
        label = ps[-1].label
        if len(label) > 4 and not label[5:].isdigit() and _PART_RANGE.match(cell, ps[0].end):
            return label[:4]  # "Quý I - III", "Quý II đến quý IV": a schedule over the year, not one part of it
        return label
    span = _YEAR_SPAN_CELL.fullmatch(cell.strip())
    if span:
        return f"{span.group(1)}-{span.group(2)}" if span.group(2) else span.group(1)
    return date_month(cell)  # "Thời hạn hoàn thành | 30/4/2025": the month it is due


_PART_RANGE = re.compile(r"\s*(?:[-–]|đến|tới)\s*(?:quý\s*)?[IVX\d]", re.IGNORECASE)
_YEAR_SPAN_CELL = re.compile(r"((?:19|20)\d\d)(?:\s*[-–]\s*((?:19|20)\d\d))?")


@lru_cache(maxsize=None)
def _unit_cue() -> re.Pattern:
    return re.compile(rf"(?:{alternation(data('units')['table_unit_cue'])})\s*:\s*([^\n|;)]+)", re.IGNORECASE)  # "(Đơn vị tính: ha)"


def _amount_parts(t: Table, cols: list, skip: set) -> list:
    """`Tổng kinh phí | NS huyện hỗ trợ | Xã, nhân dân` under `(Đơn vị tính: triệu đồng)`: the figure columns after
    the first amount column break it down, and are of its kind and period."""
    first = next((i for i, (kind, _, _) in enumerate(cols) if kind is not None), None)
    if first is None:
        return cols
    out = list(cols)
    for i in range(first + 1, min(len(cols), len(t.header))):
        if out[i][0] is None and i not in skip and LETTER.search(t.header[i].text) \
                and figures_column(t, i, cell_figure):
            out[i] = (cols[first][0], cols[first][1], "=")
    return out


def _caption_as_of(ctx: Context, start: int) -> Optional[str]:
    """The month a caption in the two lines above a table says its figures stand at (`đến ngày 31/01/2025`)."""
    lo = start
    for _ in range(2):
        lo = ctx.text.rfind("\n", 0, max(0, lo - 1)) + 1
    months = [p for p in ctx.periods_in(lo, start) if _AS_OF_MONTH.fullmatch(p.label) and ctx.in_force(p)]
    return months[-1].label if months else None


_AS_OF_MONTH = re.compile(r"\d{4}-\d\d")


def _caption_bound(ctx: Context, start: int) -> Optional[str]:
    """The bound a caption on the line above a table sets on all its figures (`Chỉ tiêu giao là mức tối thiểu`)."""
    lo = ctx.text.rfind("\n", 0, max(0, start - 1)) + 1
    found = bound_in(ctx.text[lo:start], (">=", "<="))
    return found[0] if found else None


def _unit_above(ctx: Context, start: int) -> Optional[str]:
    m = None
    for m in _unit_cue().finditer(ctx.text[max(0, start - 300):start]):
        pass
    return m.group(1).strip().rstrip(".") if m else None


def table_drafts(ctx: Context, tables: list[Table]) -> list[Draft]:
    out: list[Draft] = []
    pct_starts = tuple(s.lower() for s in data("units")["percent_indicator_starts"])
    for t in tables:
        section = ctx.heading_kind(t.start)
        cols, shares = report_columns(ctx, t, [column(ctx, c.text, section) for c in t.header])
        cols, part_units = share_bases(t, cols, cell_figure)
        cols, changes = change_columns(t, cols)
        head_periods = [bool(find_period_mentions(c.text, ctx.ref_year) or BARE_YEAR.search(c.text)) for c in t.header]
        compared = years_compared([c.text for c in t.header], [period for _, period, _ in cols],
                                  [compared_with(c.text) for c in t.header], shares)
        cols = _results_share_period(_compared_periods(cols, compared))
        caption_bound = _caption_bound(ctx, t.start)
        if caption_bound is not None:  # "Chỉ tiêu giao là mức tối thiểu phải đạt …" over the table
            cols = [(kind, period, caption_bound if cmp == "=" and kind == "target" else cmp) for kind, period, cmp in cols]
        if any(kind is not None and period is None for kind, period, _ in cols):
            in_force = period_in_force(ctx, t.start)  # "Kế hoạch | Thực hiện" under "KẾT QUẢ THỰC HIỆN NĂM 2024"
            as_of = _caption_as_of(ctx, t.start)  # "Biểu tổng hợp giải ngân (đến ngày 31/01/2025)": where the results stand
            if as_of is None and ctx.title_partial and in_force == ctx.title_partial[:4]:
                as_of = ctx.title_partial  # a report on 6 tháng đầu năm 2026: what its table's results count
            cols = [(kind, period or (as_of if kind == "result" and as_of else in_force if kind is not None else None), cmp)
                    for kind, period, cmp in cols]
        unit_col = next((i for i, c in enumerate(t.header) if heads()[4].match(c.text)), None)
        time_col = next((i for i, c in enumerate(t.header) if time_head().match(c.text)), None)
        unit_above = _unit_above(ctx, t.start)
        if unit_above is not None:
            cols = _amount_parts(t, cols, {unit_col, time_col})
        year_col = year_column(t)
        if year_col is not None:
            out += year_row_drafts(ctx, t, year_col, cell_figure)
            continue
        place_col = place_column(t)
        if place_col is not None:
            unit_col = next((i for i, c in enumerate(t.header) if heads()[4].match(c.text) and i != place_col), None)
            out += place_drafts(ctx, t, cols, place_col, cell_figure, unit_above, shares, unit_col)
            continue
        table_unit = _one_header_unit(t)
        measures = [count_measure(ctx, c.text) if i < len(cols) and cols[i][0] is not None and i not in (unit_col, time_col)
                    else None for i, c in enumerate(t.header)]
        capacity, notes = capacity_columns(t), note_columns(t)
        works_kind = next((kind for kind, _, _ in cols if kind is not None), "target")
        main_row: dict[int, int] = {}  # column → index of the last main row's draft
        for row in t.rows:
            row = aligned(t, row)
            ind_i = next((i for i, c in enumerate(row) if LETTER.search(c.text) and i != unit_col
                          and cell_figure(c.text) is None and not INDEX_CELL.match(c.text)), None)
            if ind_i is None:
                continue
            cell = row[ind_i]
            label = ROW_NUMBER.sub("", cell.text)
            sub = sub_row().match(label)
            if sub:
                label = label[sub.end():]  # "Trong đó: Xuất khẩu lao động": a sub-item of the row above
            row_bound, bare_label = row_bound_of(label)  # "Tỷ số giới tính khi sinh (không vượt quá)"
            indicator = clean(bare_label) or (" ".join(bare_label.split()).lower() if whole_row().match(bare_label) else "")
            if not indicator:
                continue
            in_brackets = bracket_unit(indicator)  # "Số trường đạt chuẩn quốc gia (trường)", "Tỷ lệ … (%)"
            row_unit = in_brackets.group(1).strip() if in_brackets else None
            if in_brackets:
                indicator = indicator[:in_brackets.start()].rstrip()
            lead = len(cell.text) - len(label)
            row_cmp = row_change(label) or row_bound
            row_period = _row_period(ctx, row, time_col)
            for i in range(ind_i + 1, len(row)):
                c = row[i]
                if i == unit_col or i == time_col:
                    continue
                kind, period, comparator = cols[i] if i < len(cols) else (None, None, "=")
                if i in notes and cell_figure(c.text) is None:
                    last = next(((k, p) for k, p, _ in reversed(cols[ind_i + 1:i]) if k is not None), (None, None))
                    out += note_drafts(c, indicator, cell.start + lead, *last)
                    continue
                if i in capacity and cell_figure(c.text) is None:
                    if (size := capacity_figure(c.text)) is not None:
                        out.append(_capacity_draft(ctx, t.header[i].text, indicator, cell.start + lead, c, size,
                                                   works_kind, row_period or period or period_in_force(ctx, t.start)))
                    continue
                if row_period and i < len(t.header) and not head_periods[i]:
                    period = row_period
                change_by, amount = cell_change(c.text)  # "giảm 1-1,5": a change by, in the cell itself
                figure = signed_figure(c.text) if i in changes else cell_figure(amount)
                value_max = None
                if figure is None and kind is not None:
                    found = cell_range(amount)
                    figure, value_max = ((found[0], None, None), found[1]) if found else (None, None)
                if kind is None or figure is None:
                    continue
                value, cell_cmp, cell_unit = figure
                head_unit = bracket_unit(t.header[i].text) if i < len(t.header) else None
                if i in shares or indicator.startswith(pct_starts) or "%" in c.text \
                        or i < len(t.header) and t.header[i].text.startswith("%"):  # "% cùng kỳ"
                    unit = "%"
                elif cell_unit:
                    unit = cell_unit
                elif head_unit:
                    unit = head_unit.group(1).strip()
                elif i < len(t.header) and (per := per_population_unit(t.header[i].text)):
                    unit = per
                elif unit_col is not None and i < len(t.header) and (own := _own_noun(t.header[i].text)):
                    unit = own  # "Đơn vị | Khối lượng | … | Ngày công": a column counting a noun of its own
                elif unit_col is not None and unit_col < len(row) and row[unit_col].text:
                    unit = _unit_word(row[unit_col].text)
                else:
                    unit = row_unit or unit_above or part_units.get(i) \
                        or (counted_noun(t.header[i].text) if i < len(t.header) else None) or table_unit
                if value_max is not None:
                    value_max = unscaled(float(value_max), unit)[0]
                value, unit = unscaled(float(value), unit)  # "45" under "Nghìn lượt": 45.000 lượt
                d = Draft(value=value, value_max=value_max, unit=unit, start=cell.start + lead, end=c.end,
                          fig_start=c.start, fig_end=c.end, kind=kind, comparator=cell_cmp or change_by or row_cmp or comparator,
                          period=period, indicator=f"{indicator} so với {changes[i]}" if i in changes
                          else column_indicator(indicator, i, ind_i, shares, measures, compared))
                d.rules = {"shape": "table", "unit": "table", "kind": "table_header", "period": "table_header",
                           "comparator": "table_header"}
                if sub and i in main_row:
                    d.parent = main_row[i]
                elif not sub:
                    main_row[i] = len(out)
                out.append(d)
    return out


def _capacity_draft(ctx: Context, head: str, indicator: str, start: int, c: Cell, size: tuple, kind: str,
                    period: Optional[str]) -> Draft:
    """`Năng lực thiết kế | Dài 12,5 km, …` in the row of `Đường giao thông liên xã …`: 12.5 km, the works' size."""
    value, unit, lo, hi = size
    offset = len(c.text) - len(c.text.lstrip())
    d = Draft(value=value, value_max=None, unit=unit, start=start, end=c.start + offset + hi,
              fig_start=c.start + offset + lo, fig_end=c.start + offset + hi, kind=kind, comparator="=", period=period,
              indicator=f"{' '.join(head.split()).lower()} {indicator}")
    d.rules = {"shape": "table", "unit": "cell", "kind": "table_header", "period": "table_header", "comparator": "table_header"}
    return d


def _compared_periods(cols: list, compared: list) -> list:
    """`Ước tính năm 2026 | So với năm 2025 (%)`: the year a comparison column names is the baseline; its figures are
    of the period of the figures they compare, the column before it."""
    out = list(cols)
    for i, (kind, period, cmp) in enumerate(cols):
        if compared[i] and period is not None and i > 0:
            before = next((out[j][1] for j in range(i - 1, -1, -1) if out[j][0] is not None), None)
            out[i] = (kind, before, cmp)
    return out


def _results_share_period(cols: list) -> list:
    """`Tàu cá … đến hết năm 2026 (chiếc) | Đã lắp thiết bị GSHT (chiếc)`: a column of results naming no period
    stands where the results column before it does."""
    out, last = [], None
    for kind, period, cmp in cols:
        if kind == "result":
            period = period or last
            last = period
        out.append((kind, period, cmp))
    return out


def _one_header_unit(t: Table) -> Optional[str]:
    """`Kế hoạch vốn năm 2025 (triệu đồng) | Giải ngân đến 30/9 | Tỷ lệ (%)`: the one unit the headers name (not %),
    which the columns naming none share; None when they name none or several."""
    found = {m.group(1).strip() for c in t.header if (m := bracket_unit(c.text)) and m.group(1).strip() not in ("%", "‰")}
    return found.pop() if len(found) == 1 else None


def _own_noun(head: str) -> Optional[str]:
    """`Ngày công`, `Số ngày công`: a header that is only a counted noun (after `Số`), no plan or year (`Chỉ tiêu năm 2026`)."""
    noun = counted_noun(head)
    bare = _COUNT_LEAD.sub("", " ".join(head.split()).lower())
    return noun if noun is not None and bare == noun.lower() else None


_COUNT_LEAD = re.compile(r"^(?:tổng\s+)?số\s+")


def _unit_word(cell: str) -> str:
    """`Người` → `người`; an acronym (`USD`, `Triệu USD` → `triệu USD`) stays as written."""
    return " ".join(w if w.isupper() and len(w) > 1 else w.lower() for w in cell.split())
