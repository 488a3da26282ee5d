"""What a table cell or a row label says about its figure: one figure with a comparator word or counted noun
(`dưới 2,5`, `12 xã`, `72/80`), a range (`10 - 12%`), a change by (`giảm 1-1,5`), a bound in brackets on the label
(`Tỷ số giới tính khi sinh (không vượt quá)`), a direction verb in the label (`Tỷ lệ hộ nghèo giảm`), a sub-item lead
(`Trong đó:`) or a whole (`Toàn tỉnh`)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ...values import parse_quantity
from .comparator import bound_cue, bound_in
from .lexicon import alternation, data, known_unit, unscaled
from .quantities import cell_number

_CELL_FIGURE = re.compile(r"^(?P<cue>[^\d]*?)\s*(?P<num>\d[\d.,]*\s*%?)(?:\s*/\s*(?P<total>\d[\d.,]*))?\s*(?P<after>[^\d]*)$")


@lru_cache(maxsize=None)
def _cell_words():
    cmp = data("comparators")
    symbols = {k: v for k, v in cmp["symbols"].items()}
    sub = re.compile(rf"^\s*(?:{alternation(data('structure')['sublist_leads'])})\s*:\s*", re.IGNORECASE)
    change = re.compile(rf"(?<!\w)(?P<verb>{alternation(cmp['decrease_by'] + cmp['increase_by'])})"
                        rf"(?:\s+(?:{alternation(cmp['gap_objects'])})(?!\w)|\s*(?:\([^)]*\))?\s*$)", re.IGNORECASE)
    down = {w.lower() for w in cmp["decrease_by"]}
    opens = re.compile(rf"^\s*(?P<verb>{alternation(cmp['decrease_by'] + cmp['increase_by'])})\s+(?=\d)", re.IGNORECASE)
    return symbols, sub, change, down, opens


def sub_row() -> re.Pattern:
    return _cell_words()[1]


_BRACKETS = re.compile(r"\(([^()]*)\)")


def row_bound_of(label: str) -> tuple[Optional[str], str]:
    """`Tỷ số giới tính khi sinh (không vượt quá) | … | 112,5`: the bound the row label sets for its cells in
    brackets, and the label without it."""
    for b in _BRACKETS.finditer(label):
        found = bound_in(b.group(1))
        if found is not None and found[1].group(0) == b.group(1).strip():
            return found[0], " ".join((label[:b.start()] + label[b.end():]).split())
    return None, label


def cell_change(cell: str) -> tuple[Optional[str], str]:
    """`giảm 1-1,5`, `tăng 5`: a cell opening on a direction verb right before its figure holds a change by; the
    comparator and the figure's text (the cell unchanged when it holds none: `giảm còn 2` is a level)."""
    _, _, _, down, opens = _cell_words()
    m = opens.match(cell)
    if not m:
        return None, cell
    return _direction(m.group("verb"), down), cell[m.end():]


def _direction(verb: str, down: set[str] | frozenset[str]) -> str:
    """`-=` for a verb among the `down` ones (`giảm`), `+=` for the others."""
    return "-=" if " ".join(verb.lower().split()) in down else "+="


def row_change(indicator: str) -> Optional[str]:
    """`Số vụ tai nạn lao động chết người giảm so với năm trước | % | 5`, `Tỷ lệ hộ nghèo giảm | % | 0,8`,
    `Giảm cường độ năng lượng so với năm trước | % | 1,0`: the row's figures are a change by."""
    _, _, change, down, _ = _cell_words()
    m = change.search(indicator)
    if m:
        return _direction(m.group("verb"), down)
    m = _row_opening().match(indicator)
    if m and indicator[m.end():m.end() + 1].islower():  # `Giảm cường độ năng lượng so với năm trước`, not `Xã Tăng Thành`
        return _direction(m.group("verb"), frozenset(data("comparators")["row_opening_down"]))
    return None


@lru_cache(maxsize=None)
def whole_row() -> re.Pattern:
    return re.compile(rf"^\s*(?:{alternation(data('kind')['table_heads']['whole_rows'])})\s*$", re.IGNORECASE)


@lru_cache(maxsize=None)
def _row_opening() -> re.Pattern:
    cmp = data("comparators")
    return re.compile(rf"\s*(?!(?:{alternation(cmp['not_direction'])})(?!\w))"
                      rf"(?P<verb>{alternation(cmp['row_opening_down'] + cmp['row_opening_up'])})\s+", re.IGNORECASE)


def cell_range(cell: str) -> Optional[tuple[float, float]]:
    """(low, high) of a cell holding a range (`18 - 20`, `10 - 12%`), as the value layer reads it (a span
    of years, `2024 - 2025`, is none)."""
    found = parse_quantity(cell.strip()) if "-" in cell or "–" in cell else None
    if found is None or found.value_max is None or found.kind not in ("number", "percent"):
        return None
    return float(found.value), float(found.value_max)


def cell_figure(cell: str) -> Optional[tuple[float, Optional[str], Optional[str]]]:
    """(value, comparator, unit) of a cell holding one figure, with a comparator word or sign before
    it (`dưới 2,5`, `≥ 95`, `tối thiểu 80`), `trở lên` or a counted noun after it (`12 xã`), or a count
    out of a total (`72/80`: 72); None for any other cell."""
    m = _CELL_FIGURE.match(cell.strip())
    if not m:
        return None
    value = cell_number(m.group("num"))
    if value is None:
        return None
    if m.group("total"):  # "72/80" (xã): the count out of a total is the figure; "30/6" is a date
        total = cell_number(m.group("total"))
        if total is None or total < value or total <= 12 or "%" in m.group("num"):
            return None
    cue, after = m.group("cue").strip(), " ".join(m.group("after").split())
    if after:
        if known_unit(after) and not cue:
            return value, None, after.lower()  # "12 xã"
        scaled, unit = unscaled(value, after)
        if unit != after and known_unit(unit) and not cue:
            return scaled, None, unit.lower()  # "12,4 triệu lượt": 12.400.000 lượt, as in prose
        ops = [op for op, cues in data("comparators")["after"].items() if after.lower() in cues]
        return (value, ops[0], None) if ops and not cue else None  # "95 trở lên"
    if not cue:
        return value, None, None
    symbols = _cell_words()[0]
    if cue in symbols:
        return value, symbols[cue], None
    found = bound_cue(cue + " ")
    if found and found[0] and found[1] == " ".join(cue.lower().split()):
        return value, found[0], None
    return None
