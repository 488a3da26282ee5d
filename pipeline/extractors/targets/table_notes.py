"""Figures in a table's notes column: `Tổng giá trị sản xuất | Tỷ đồng | 2.385 | 2.615 | Tăng 9,6% so với ước TH 2026`,
`Diện tích trồng rừng mới | Ha | 310 | 320 | Trong đó trồng rừng gỗ lớn 80 ha`. A figure with its counted noun or a % in a
note is a figure of the row, of the kind and period of the figure column before the note: named by the note's own
words before it (`trồng rừng gỗ lớn`), else by the row's label and the note's words after it (`tổng giá trị sản xuất
so với ước th 2026`); a note opening on a direction verb (`Tăng`, `Giảm`) tells a change by, one telling
what the row is made of (`Gồm 04 dự án chuyển tiếp`) no figure."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ...values import find_quantities
from .draft import Draft
from .lexicon import alternation, data, known_unit
from .table_cells import Cell, Table
from .table_figures import cell_change


@lru_cache(maxsize=None)
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    h = data("kind")["table_heads"]
    head = re.compile(rf"^\s*(?:{alternation(h['notes'])})\s*$", re.IGNORECASE)
    lead = re.compile(rf"^\s*(?:(?:{alternation(h['note_leads'])})(?!\w)[\s:,]*)+", re.IGNORECASE)
    parts = re.compile(rf"^\s*(?:{alternation(h['note_parts'])})(?!\w)", re.IGNORECASE)
    return head, lead, parts


def note_columns(t: Table) -> set[int]:
    return {i for i, c in enumerate(t.header) if _patterns()[0].match(c.text)}


def note_drafts(note: Cell, label: str, label_start: int, kind: Optional[str], period: Optional[str]) -> list[Draft]:
    """The figures of one note cell, as drafts of the row labelled `label` (its text starting at `label_start`)."""
    _, lead, parts = _patterns()
    if kind is None or parts.match(note.text):
        return []
    change, after_verb = cell_change(note.text)  # "Tăng 9,6% so với …": a change by
    opened_at = len(note.text) - len(after_verb)
    out: list[Draft] = []
    for q in find_quantities(note.text):
        unit = q.unit if q.kind == "percent" or known_unit(q.unit) else None
        if unit is None or q.kind not in ("count", "percent", "money") or q.value_max is not None:
            continue
        before = note.text[:q.span[0]]
        comparator = "="
        if change and q.span[0] == opened_at:
            comparator, before = change, ""
        words = " ".join(lead.sub("", before).split()).strip(" ,:;-").lower()
        after = " ".join(note.text[q.span[1]:].split()).strip(" ,.;").lower()
        indicator = words if len(words.split()) >= 1 and not words[:1].isdigit() else \
            " ".join(f"{label.lower()} {after}".split())
        d = Draft(value=float(q.value), value_max=None, unit=unit, start=label_start, end=note.start + q.span[1],
                  fig_start=note.start + q.span[0], fig_end=note.start + q.span[1], kind=kind, comparator=comparator,
                  period=period, indicator=indicator)
        d.rules = {"shape": "table", "unit": "cell", "kind": "table_header", "period": "table_header", "comparator": "note"}
        out.append(d)
    return out
