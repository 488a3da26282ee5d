"""Targets in task tables: `STT | Nội dung nhiệm vụ, chỉ tiêu | Cơ quan chủ trì | Phối hợp | Thời hạn`.

A row whose figure is written in prose inside a cell ("Trồng rừng tập trung 5.500 ha") gives no
figure to the column reader (tables.py); its cell is read as a line of prose instead. A deadline
column ("Năm 2025", "Giai đoạn 2026-2030", "Trước 30/6/2028") gives the period the cell itself
does not, and a lead column ("Cơ quan chủ trì") the responsible body.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Callable, Optional

from .context import Context
from .draft import Draft
from .lexicon import alternation, data
from .period import date_month, find_period_mentions
from .table_cells import Cell, Span, Table

_LETTER = re.compile(r"[^\W\d_]")
_FALLBACK_PERIOD_RULES = {"carry", "default", "section", None}


@lru_cache(maxsize=None)
def _heads() -> tuple[re.Pattern, re.Pattern]:
    s = data("structure")
    deadline = re.compile(rf"^\s*(?:{alternation(s['deadline_heads'])})(?!\w)", re.IGNORECASE)
    lead = re.compile(rf"^\s*(?:{alternation(s['lead_heads'])})(?!\w)", re.IGNORECASE)
    return deadline, lead


def task_row_drafts(ctx: Context, tables: list[Table], table_drafts: list[Draft],
                    read_prose: Callable[[list[Span]], list[Draft]]) -> list[Draft]:
    """Drafts of the prose cells of rows the column reader took no figure from; `read_prose`
    reads spans as lines of prose (prose.prose_drafts)."""
    taken = sorted(d.fig_start for d in table_drafts)
    starts = [q.span[0] for q in ctx.quantities]
    out: list[Draft] = []
    for t in tables:
        deadline_col, lead_col = _columns(t)
        for row in t.rows:
            if not row or _has(taken, row[0].start, row[-1].end):
                continue
            cells = [c for i, c in enumerate(row) if i not in (deadline_col, lead_col)
                     and _LETTER.search(c.text) and _has(starts, c.start, c.end)]
            if not cells:
                continue
            drafts = read_prose([Span(c.start, c.end) for c in cells])
            deadline = _cell(row, deadline_col)
            lead = _cell(row, lead_col)
            for d in drafts:
                if d.parent is not None:
                    d.parent += len(out)
                if deadline is not None and d.rules.get("period") in _FALLBACK_PERIOD_RULES:
                    label = _deadline_period(ctx, deadline.text)
                    if label:
                        d.period, d.deadline, d.rules["period"] = label, label, "deadline_column"
                if lead is not None and lead.text and d.responsible is None:
                    d.responsible = lead.text
            out += drafts
    return out


def _columns(t: Table) -> tuple[Optional[int], Optional[int]]:
    deadline, lead = _heads()
    deadline_col = next((i for i, c in enumerate(t.header) if deadline.match(c.text)), None)
    lead_col = next((i for i, c in enumerate(t.header) if lead.match(c.text)), None)
    return deadline_col, lead_col


def _cell(row: list[Cell], i: Optional[int]) -> Optional[Cell]:
    return row[i] if i is not None and i < len(row) else None


def _has(sorted_starts: list[int], lo: int, hi: int) -> bool:
    i = bisect.bisect_left(sorted_starts, lo)
    return i < len(sorted_starts) and sorted_starts[i] < hi


def _deadline_period(ctx: Context, text: str) -> Optional[str]:
    """`Năm 2025` → 2025, `Hằng năm, giai đoạn 2025-2030` → 2025-2030, `Trước 30/6/2028` → 2028-06,
    `31/12/2025` → 2025 (the year's end is the whole year)."""
    mentions = find_period_mentions(text, ctx.ref_year)
    spans = [p for p in mentions if p.is_span]
    if spans or mentions:
        return (spans or mentions)[-1].label
    return date_month(text)

