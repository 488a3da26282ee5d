"""The value objects the finders return: each mention holds its value and the
[start, end) span of the words it was read from.

They are not changed once made, but not frozen: a frozen dataclass is four times
slower to make (an object.__setattr__ call per field), and a document makes dozens.
They hash by value as frozen ones do."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Union

Number = Union[int, float]
Span = tuple[int, int]


@dataclass(unsafe_hash=True)
class NumberMention:
    value: Number
    span: Span
    text: str
    ordinal: bool = False


@dataclass(unsafe_hash=True)
class QuantityMention:
    """A figure: number + unit, money, percent, range or count of a total.

    `value` is the number as written, non-money scale words applied
    ("12 nghìn lao động" → 12000); money keeps its scale in `unit`
    ("709,4 tỷ đồng" → 709.4, "tỷ đồng") and gives `amount_dong`.
    """

    value: Number
    span: Span
    text: str
    kind: str  # percent | money | count | number | count_of_total | ratio
    unit: Optional[str] = None
    value_max: Optional[Number] = None
    currency: Optional[str] = None
    amount_dong: Optional[Number] = None
    of_plan: bool = False
    per_year: bool = False
    total: Optional[Number] = None
    multiplier: Optional[Number] = None


@dataclass(unsafe_hash=True)
class DateValue:
    value: str  # YYYY-MM-DD, YYYY-MM or YYYY
    precision: str  # day | month | year

    @property
    def year(self) -> int:
        return int(self.value[:4])


@dataclass(unsafe_hash=True)
class DateMention:
    value: str
    precision: str
    span: Span
    text: str
    role: str = "other"  # issue|range_start|range_end|deadline|reference|anniversary|other


@dataclass(unsafe_hash=True)
class PeriodMention:
    label: str  # 2023, 2021-2025, 2023-H1, 2024-Q1, 2021-9M, 2022-09
    start: Optional[str]
    end: Optional[str]
    span: Span
    text: str

    @property
    def value(self) -> str:
        return self.label
