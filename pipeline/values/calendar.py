"""Small calendar helpers shared by the date and period finders."""
from __future__ import annotations

import calendar
from datetime import date, timedelta
from functools import lru_cache
from typing import Optional

from ..rules import load_yaml


@lru_cache(maxsize=1)
def date_rules() -> dict:
    return load_yaml("dates.yaml")


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def valid_ymd(year: int, month: int, day: int) -> bool:
    rules = date_rules()
    if not rules["min_year"] <= year <= rules["max_year"] or not 1 <= month <= 12:
        return False
    return 1 <= day <= _MONTH_DAYS[month - 1] + (month == 2 and calendar.isleap(year))


def full_year(text: str) -> Optional[int]:
    """A written year: 4 digits as is, 2 digits around the pivot (17 → 2017, 91 → 1991)."""
    if len(text) == 4:
        return int(text)
    if len(text) == 2:
        y = int(text)
        return 2000 + y if y <= date_rules()["two_digit_year_pivot"] else 1900 + y
    return None


def month_end(year: int, month: int) -> date:
    return date(year, month, _MONTH_DAYS[month - 1] + (month == 2 and calendar.isleap(year)))


def add_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))


def add(d: date, unit: str, n: int) -> date:
    if unit == "days":
        return d + timedelta(days=n)
    if unit == "weeks":
        return d + timedelta(weeks=n)
    if unit == "months":
        return add_months(d, n)
    if unit == "years":
        return add_months(d, 12 * n)
    raise ValueError(unit)
