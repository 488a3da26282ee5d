"""Figures in a text, from the value layer (`pipeline.values.find_quantities`).

Until the value layer offers `find_quantities`, a small private reader of Vietnamese number
writing stands in (`_fallback_quantities`); it yields the same fields.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from .lexicon import unit_at


@dataclass
class Quantity:
    value: float
    value_max: Optional[float]
    unit: Optional[str]
    kind: str
    span: tuple[int, int]
    text: str
    total: Optional[float] = None
    per_year: bool = False
    of_plan: bool = False


def find_quantities(text: str) -> list[Quantity]:
    try:
        from ...values import find_quantities as value_layer  # type: ignore[attr-defined]
    except ImportError:
        value_layer = None
    if value_layer is None:
        return _fallback_quantities(text)
    out = []
    for m in value_layer(text):
        span = tuple(m.span)
        if getattr(m, "of_plan", False) and "%" in m.text:
            # keep "so với chỉ tiêu"/"KH" outside the figure: the words around it are read by the rules
            span = (span[0], span[0] + m.text.index("%") + 1)
        out.append(
            Quantity(
                value=float(m.value),
                value_max=None if getattr(m, "value_max", None) is None else float(m.value_max),
                unit=getattr(m, "unit", None),
                kind=getattr(m, "kind", "number"),
                span=span,
                text=text[span[0]:span[1]],
                total=getattr(m, "total", None),
                per_year=bool(getattr(m, "per_year", False)),
                of_plan=bool(getattr(m, "of_plan", False)),
            )
        )
        _widen_unit(text, out[-1])
    return out


def _widen_unit(text: str, q: "Quantity") -> None:
    """A counted noun the unit list knows longer than the value layer's ("phòng, đơn vị" for "phòng")."""
    if not q.unit or q.unit == "%":
        return
    at = text.rfind(q.unit, q.span[0], q.span[1])
    if at < 0:
        return
    found = unit_at(text, at)
    if found and len(found[0]) > len(q.unit) and found[1] > q.span[1]:
        q.unit, q.span = found[0], (q.span[0], found[1])
        q.text = text[q.span[0]:q.span[1]]


def cell_number(cell: str) -> Optional[float]:
    """The number a table cell holds alone ("13.470", "89.4", "94,4 %")."""
    core = cell.strip().rstrip("%").strip().lstrip("<>≤≥~").strip()
    try:
        from ...values import parse_number
    except ImportError:
        return _to_float(core) if re.fullmatch(r"[\d.,]+", core) else None
    value = parse_number(core)
    return None if value is None else float(value)


_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?(?!\d)|\d+,\d+|\d+\.\d+|\d+"
_FIGURE = re.compile(
    rf"(?<![\w/.,-])(?P<a>{_NUM})"
    rf"(?:(?P<frac>\s*/\s*(?P<b>{_NUM}))|(?P<rng>\s*(?:-|–|—|đến|tới)\s*(?P<c>{_NUM})))?"
    rf"(?P<scale>\s*(?:nghìn|ngàn|triệu)(?!\s*đồng))?"
    r"(?P<pct>\s*%)?",
    re.IGNORECASE,
)
_DOCNUM_AFTER = re.compile(r"[/-][A-ZĐ]|/\d{4}/|\.\d+\.\d{4}|:\d\d|\s*°|/\d{1,2}/\d{2,4}")
_PER_YEAR = re.compile(r"\s*/\s*năm")


def _to_float(s: str) -> float:
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", s):
        return float(s.replace(".", "").replace(",", "."))
    return float(s.replace(",", "."))


def _fallback_quantities(text: str) -> list[Quantity]:
    out = []
    for m in _FIGURE.finditer(text):
        after = text[m.end(): m.end() + 12]
        if _DOCNUM_AFTER.match(after) or (m.group("frac") is None and _DOCNUM_AFTER.match(text[m.end("a"):m.end("a") + 12])):
            continue
        a = _to_float(m.group("a"))
        if m.group("frac"):
            b = _to_float(m.group("b"))
            if a <= 31 and b <= 12 and "." not in m.group("a"):
                continue  # a day/month date
        end = m.end()
        pct = bool(m.group("pct"))
        value, value_max, total = a, None, None
        if m.group("rng"):
            value_max = _to_float(m.group("c"))
        if m.group("frac"):
            total = _to_float(m.group("b"))
        if m.group("scale"):
            factor = 1000 if m.group("scale").strip().lower() in ("nghìn", "ngàn") else 1_000_000
            value *= factor
            value_max = value_max * factor if value_max is not None else None
        unit = "%" if pct else None
        kind = "percent" if pct else "number"
        if not pct:
            found = unit_at(text, end)
            if m.group("frac") and found is None:
                found = None
            if found:
                unit, end = found
                kind = "money" if "đồng" in unit.lower() else "count"
        if m.group("frac") and not pct and unit is None:
            # "26.791 hộ/179.305 hộ": the unit after the numerator
            pass
        per_year = bool(_PER_YEAR.match(text, end))
        if per_year:
            end = _PER_YEAR.match(text, end).end()
        out.append(Quantity(value, value_max, unit, kind, (m.start(), end), text[m.start():end], total, per_year))
    return _merge_unit_fractions(text, out)


_UNIT_FRACTION = re.compile(r"\s*/\s*(\d[\d.,]*)")


def _merge_unit_fractions(text: str, qs: list[Quantity]) -> list[Quantity]:
    """`26.791 hộ/179.305 hộ` is one figure with a total."""
    out: list[Quantity] = []
    skip = False
    for i, q in enumerate(qs):
        if skip:
            skip = False
            continue
        nxt = qs[i + 1] if i + 1 < len(qs) else None
        if nxt and q.unit and q.total is None and text[q.span[1]:nxt.span[0]].strip() == "/":
            q = Quantity(q.value, q.value_max, q.unit, q.kind, (q.span[0], nxt.span[1]), text[q.span[0]:nxt.span[1]], nxt.value)
            skip = True
        out.append(q)
    return out
