"""The value layer: Vietnamese numbers, figures, dates and periods.

One finder per kind, each returning mentions (dataclasses) sorted by
position, with their normalized value and the [start, end) span they were read
from; and whole-string parsers for a single value.
"""
from .dates import find_dates, parse_date
from .mention import DateMention, DateValue, NumberMention, PeriodMention, QuantityMention
from .numerals import parse_number, parse_ordinal, parse_roman
from .periods import find_periods, parse_period
from .quantities import find_numbers, find_quantities, parse_quantity

__all__ = [
    "parse_number", "parse_ordinal", "parse_roman", "parse_date", "parse_period", "parse_quantity",
    "find_numbers", "find_quantities", "find_dates", "find_periods",
    "NumberMention", "QuantityMention", "DateValue", "DateMention", "PeriodMention",
]
