"""Place and issue date from the `<place>, ngày … tháng … năm …` line; a blank day or
month keeps the date's precision (`ngày   tháng 01 năm 2023` → 2023-01). Dates are read
by pipeline.values (one date parser for the whole pipeline)."""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

from ...models import IssueDate
from .layout import Layout


@lru_cache(maxsize=None)
def _date_parser():
    try:
        from ...values.dates import parse_date
    except ImportError:  # the values package not installed: no date rather than a guess
        return None
    return parse_date


def parse_date_value(text: str):
    parse = _date_parser()
    return parse(text) if parse else None


def issue_date_at(text: str, span: tuple[int, int]) -> Optional[IssueDate]:
    written = text[span[0]:span[1]]
    value = parse_date_value(written)
    if value is None:
        return None
    return IssueDate(value=value.value, precision=value.precision, text=written, span=span)


def find_place(layout: Layout) -> Optional[str]:
    return layout.place_date.place if layout.place_date else None


def find_issue_date(layout: Layout) -> Optional[IssueDate]:
    if layout.place_date:
        found = issue_date_at(layout.text, layout.place_date.date_span)
        if found:
            return found
    if "date" in layout.legal_db:
        _, span = layout.legal_db["date"]
        return issue_date_at(layout.text, span)
    return None
