"""Columns of a report's table that hold signed changes (`Tăng (+), giảm (-) | Tỷ lệ` with `-36 | -8,74%`):
each cell is a change by, its sign the direction, of the kind and period of the figure it compares; the
dated columns such a table compares, where no plan word heads them, hold what was reached."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from .lexicon import alternation, data
from .quantities import cell_number
from .table_cells import Table
from .table_columns import heads

_SIGNED = re.compile(r"^\s*(?P<sign>[+\-−–])\s*(?P<num>\d[\d.,]*)\s*(?P<pct>%)?\s*$")


@lru_cache(maxsize=None)
def _change_head() -> tuple[re.Pattern, re.Pattern]:
    h = data("kind")["table_heads"]
    return re.compile(rf"^\s*(?:{alternation(h['change'])})", re.IGNORECASE), \
        re.compile(rf"^\s*(?:{alternation(h['change_share'])})\s*(?:\(%\))?\s*$", re.IGNORECASE)


def change_columns(t: Table, cols: list) -> tuple[list, dict[int, str]]:
    """The columns with their kind and period set for those holding changes, and for each such column what
    it compares with (the header of the first dated column, `năm 2025`): a column headed by a change
    (`Tăng (+), giảm (-)`, `Tăng/giảm`, `Chênh lệch`) and a `Tỷ lệ` column right after one."""
    change, share = _change_head()
    out, found = list(cols), {}
    for i, cell in enumerate(t.header):
        kind, period, cmp = out[i]
        if kind is None and change.match(cell.text) or i - 1 in found and share.match(cell.text) or _all_signed(t, i):
            dated = [j for j, (k, p, _) in enumerate(out[:i]) if k is not None and p]
            if dated:
                if not found:  # "Năm 2025 | Năm 2026 | Tăng/giảm": the years compared are what was reached
                    out[:i] = [("result", p, c) if k == "target" and not heads()[0].search(t.header[j].text) else (k, p, c)
                               for j, (k, p, c) in enumerate(out[:i])]
                out[i] = (*out[dated[-1]][:2], cmp)
                found[i] = " ".join(t.header[dated[0]].text.split()).lower()
    return out, found


def _all_signed(t: Table, i: int) -> bool:
    """`So sánh (%)` over `-9,76`, `-12,62`, `+3,1`: whatever its header, a column of signed figures holds changes."""
    cells = [r[i].text for r in t.rows if i < len(r) and r[i].text.strip(" -–—")]
    return len(cells) >= 2 and all(_SIGNED.match(c) for c in cells)


def signed_figure(cell: str) -> Optional[tuple[float, str, Optional[str]]]:
    """(value, comparator, unit) of a signed change cell (`-36` is 36 less, `+5,2%` 5.2% more)."""
    m = _SIGNED.match(cell)
    if m is None:
        return None
    value = cell_number(m["num"])
    if value is None:
        return None
    return float(value), "+=" if m["sign"] == "+" else "-=", "%" if m["pct"] else None
