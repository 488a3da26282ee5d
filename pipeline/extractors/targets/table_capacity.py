"""A project list's capacity column: `Năng lực thiết kế | Dài 12,5 km, đường cấp IV miền núi`,
`Quy mô | Quy mô 300 giường bệnh`. Its cells are words, but the figure with its counted noun in them
is the size the works are built to, a target of the project for its years (`Thời gian KC-HT`)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ...values import find_quantities
from .lexicon import alternation, data, known_unit
from .table_cells import Table


@lru_cache(maxsize=None)
def _capacity_head() -> re.Pattern:
    return re.compile(rf"^\s*(?:{alternation(data('kind')['table_heads']['capacity'])})\s*(?:\([^)]*\))?\s*$", re.IGNORECASE)


def capacity_columns(t: Table) -> set[int]:
    return {i for i, c in enumerate(t.header) if _capacity_head().match(c.text)}


def capacity_figure(cell: str) -> Optional[tuple[float, str, int, int]]:
    """(value, unit, start, end) of the first figure with a known counted noun in a capacity cell (`Dài 12,5 km`:
    12.5 km); None when the cell tells no such figure (`Đường cấp III miền núi`, `Nhà học 2 tầng`)."""
    for q in find_quantities(cell):
        if q.kind == "count" and q.unit and q.value_max is None and known_unit(q.unit):
            return float(q.value), q.unit, q.span[0], q.span[1]
    return None
