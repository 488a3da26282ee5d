"""The period a figure belongs to: from its own words, its parentheses, its list lead, its
section heading or the document's year (corpus/GOLD_FORMAT.md `period`)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Optional

from ...values import find_dates, find_periods

from .lexicon import alternation, any_pattern, data, first_words, word_alternation


_YEAR_START = re.compile(r"(\d{4})")
_SPAN = re.compile(r"\d{4}-(\d{4})")


@dataclass
class PeriodMention:
    label: str
    start: int
    end: int

    @cached_property
    def year(self) -> Optional[int]:
        m = _YEAR_START.match(self.label)
        return int(m.group(1)) if m else None

    @cached_property
    def is_span(self) -> bool:
        return bool(_SPAN.fullmatch(self.label))


_QUARTER = re.compile(r"(\d{4})-Q([1-4])")


def quarter_end(label: Optional[str]) -> Optional[str]:
    """A figure's quarter in the gold's notation, which has none: the month the figure stands at, the quarter's last
    (`2027-Q1` → `2027-03`), and the year for the last quarter, as for `cuối năm` (`2026-Q4` → `2026`)."""
    m = _QUARTER.fullmatch(label) if label else None
    if m is None:
        return label
    return m.group(1) if m.group(2) == "4" else f"{m.group(1)}-{3 * int(m.group(2)):02d}"


def find_period_mentions(text: str, year: Optional[int] = None) -> list[PeriodMention]:
    """Periods from the value layer (`pipeline.values.find_periods`); a yearless one takes `year`."""
    return [PeriodMention(p.label, p.span[0], p.span[1]) for p in find_periods(text, default_year=year)]


@lru_cache(maxsize=None)
def _not_partial() -> re.Pattern:
    """Months that are no part of the year: `6 tháng tuổi`, and a length of time (`sau 6 tháng`, `dưới 10 tháng`)."""
    p = data("periods")
    return re.compile(rf"(?:(?:{word_alternation(p['not_partial'])})(?!\w)"
                      rf"|(?:{word_alternation(p['not_partial_leads'])})\s+(?:\d{{1,2}}|{alternation(p['month_count_words'])})\s+tháng(?!\w))"
                      rf"(?!\s+(?:năm|của\s+năm))")


@lru_cache(maxsize=None)
def _partial_first_word() -> re.Pattern:
    """The first word of a part-of-year phrase, as a whole word. The masked `not_partial` phrases are whole
    words too, so masking neither writes such a word nor joins one to its neighbours: where none stands,
    no phrase matches."""
    phrases = [p for group in data("periods")["partial_year"].values() for p in group]
    return re.compile(rf"(?:{word_alternation(first_words(phrases))})(?!\w)")


@lru_cache(maxsize=None)
def partial_words() -> tuple[str, ...]:
    """One word of each part-of-year phrase, lowercased: where none is written, `partial_of` finds nothing."""
    phrases = [p for group in data("periods")["partial_year"].values() for p in group]
    return tuple(sorted({max(p.lower().split(), key=len) for p in phrases}))


@lru_cache(maxsize=4096)  # asked of the same words for each figure near them
def partial_of(text: str) -> Optional[str]:
    """`H1`/`9M`/`Q1` when the words say a part of the year ("6 tháng đầu năm")."""
    low = text.lower()
    if not _partial_first_word().search(low):
        return None
    low = _not_partial().sub(lambda m: " " * len(m.group(0)), low)
    for suffix, phrases in data("periods")["partial_year"].items():
        if any_pattern("periods", "partial_year", suffix).search(low):
            return suffix
    return None


@lru_cache(maxsize=None)
def _whole_year_word() -> str:
    """A word every whole-year phrase holds (`năm`), '' if none: where it is not written, no phrase is."""
    shared = set.intersection(*(set(p.lower().split()) for p in data("periods")["whole_year"]))
    return max(shared, key=len, default="")


def says_whole_year(text: str) -> bool:
    """`cả năm`, `kế hoạch năm`, `cuối năm`: the figure is of the whole year (not `6 tháng cuối năm`)."""
    low = text.lower()
    if _whole_year_word() not in low:
        return False
    not_after = tuple(data("periods")["whole_year_not_after"])
    return any(not low[:m.start()].rstrip().endswith(not_after) for m in any_pattern("periods", "whole_year").finditer(low))


def says_per_year(text: str) -> bool:
    return bool(any_pattern("periods", "per_year").search(text.lower()))


@lru_cache(maxsize=1024)
def year_of(label: Optional[str]) -> Optional[int]:
    if not label:
        return None
    m = _YEAR_START.match(label)
    return int(m.group(1)) if m else None


@lru_cache(maxsize=1024)
def end_year_of(label: Optional[str]) -> Optional[int]:
    if not label:
        return None
    m = _SPAN.fullmatch(label)
    return int(m.group(1)) if m else year_of(label)


def date_month(text: str) -> Optional[str]:
    """The month of the last date written in `text` (`30/4/2025` → 2025-04), the year for 31/12."""
    dates = find_dates(text)
    if not dates:
        return None
    value = dates[-1].value
    return value[:4] if value.endswith("-12-31") else value[:7]
