"""What a table's value column measures, beside the row's label: a header counting a noun (`Số tuyến`,
`Lượt hành khách 9 tháng`) names the measure of the thing each row names; a `So với cùng kỳ (%)` header
compares the figure before it."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from .context import Context
from .lexicon import alternation, data
from .place_rows import head_parts
from .table_columns import counted_noun, heads


def column_indicator(row_indicator: str, i: int, label_col: int, shares: dict[int, str], measures: list, compared: list) -> str:
    """The indicator of a row's figure in column `i`: the row's, with what the column measures or compares."""
    if i in shares:
        return f"{row_indicator} {shares[i]}"
    if i >= len(measures):
        return row_indicator
    if compared[i]:  # "Lượt hành khách | So với cùng kỳ (%)": the figure before, compared
        measure = next((m for m in reversed(measures[label_col + 1:i]) if m), None)
        base = f"{measure} ({row_indicator})" if measure else row_indicator
        return f"{base} {compared[i]}"
    return f"{measures[i]} ({row_indicator})" if measures[i] else row_indicator


def compared_with(head: str) -> Optional[str]:
    """`So với cùng kỳ (%)`, `So cùng kỳ`, `So sánh cùng kỳ`, `So với năm 2024 (%)`: the comparison a column's header
    names, told as `so với` and what it names (`so với cùng kỳ`); None for other headers."""
    m = _compared_pattern().search(" ".join(_TRAILING_BRACKET.sub("", head).split()).lower())
    return f"so với {m.group('object')}" if m else None


_TRAILING_BRACKET = re.compile(r"\([^()]*\)\s*$")
_BARE_COMPARISON = re.compile(r"^\s*so sánh\s*(?:\(\s*%\s*\))?\s*$", re.IGNORECASE)


def years_compared(heads: list[str], periods: list[Optional[str]], compared: list[Optional[str]],
                   shares: dict[int, str]) -> list[Optional[str]]:
    """`Năm 2024 | Ước thực hiện năm 2025 | So sánh (%)`: a bare `So sánh` column after columns of two years (not a
    share of a plan) compares the later year's figure with the earlier (`so với năm 2024`)."""
    out = list(compared)
    for i, head in enumerate(heads):
        if out[i] is None and i not in shares and _BARE_COMPARISON.match(head):
            years = list(dict.fromkeys(p for p in periods[:i] if p and len(p) == 4 and p.isdigit()))
            if len(years) >= 2:
                out[i] = f"so với năm {years[-2]}"
    return out


@lru_cache(maxsize=None)
def _compared_pattern() -> re.Pattern:
    h = data("kind")["table_heads"]
    year = r"năm\s+(?:19|20)\d\d"
    return re.compile(rf"(?<!\w)(?:{alternation(h['compared_with'])})\s+(?P<object>(?:{alternation(h['of_plan_not'])}|{year})(?:\s+{year})?)$")


def count_measure(ctx: Context, head: str) -> Optional[str]:
    """`Nhóm tuyến | Số tuyến | Lượt hành khách 9 tháng`, `Dự án | Tổng mức đầu tư | Kế hoạch vốn năm 2027`: a column
    whose header counts a noun or names a measure in words of its own (not a plan, a result, a bare amount word or
    a baseline) names what its figures measure, of the thing each row's label names (`lượt hành khách (tuyến nội
    tỉnh)`)."""
    target, result, _, _, _, done = heads()
    if target.search(head) or result.search(head) or done.search(head):
        return None
    name = head_parts(ctx, head)[0]
    if counted_noun(head) is None and (len(name.split()) < 2 or _generic_measure().search(name)):
        return None
    return name or None


@lru_cache(maxsize=None)
def _generic_measure() -> re.Pattern:
    """`Số lượng`, `Giá trị`: a bare amount word; `Cùng kỳ`: a baseline, which no figure measures."""
    h = data("kind")["table_heads"]
    return re.compile(rf"^(?:{alternation(h['amount'])})$|(?<!\w)(?:{alternation(h['of_plan_not'])})(?!\w)")
