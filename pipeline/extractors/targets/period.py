"""The period a figure belongs to: from its own words, its parentheses, its list lead, its
section heading or the document's year (corpus/GOLD_FORMAT.md `period`)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from .lexicon import any_pattern, data


@dataclass
class PeriodMention:
    label: str
    start: int
    end: int

    @property
    def year(self) -> Optional[int]:
        m = re.match(r"(\d{4})", self.label)
        return int(m.group(1)) if m else None

    @property
    def is_span(self) -> bool:
        return bool(re.fullmatch(r"\d{4}-\d{4}", self.label))


_YEAR = r"(?:19[5-9]\d|20\d\d)"
_SPAN = re.compile(rf"(?<![\d/.])({_YEAR})\s*(?:-|–|—|đến|tới)\s*(?:năm\s+)?({_YEAR})(?![\d/])")
_YEAR_WORD = re.compile(rf"(?<![\d/.,])(?:năm|Năm|NĂM)\s+({_YEAR})(?![\d/])")
_AS_OF = re.compile(
    rf"(?:tính\s+đến|đến|tới)\s+(?:ngày\s+)?(\d{{1,2}})\s*[/.-]\s*(\d{{1,2}})\s*[/.-]\s*({_YEAR})"
    rf"|(?:tính\s+đến|đến\s+hết|đến)\s+tháng\s+(\d{{1,2}})\s*(?:[/.-]|năm)\s*({_YEAR})",
    re.IGNORECASE,
)


def fallback_periods(text: str) -> list[PeriodMention]:
    out: list[PeriodMention] = []
    taken: list[tuple[int, int]] = []
    for m in _AS_OF.finditer(text):
        if m.group(3):
            label = f"{m.group(3)}-{int(m.group(2)):02d}"
        else:
            label = f"{m.group(5)}-{int(m.group(4)):02d}"
        out.append(PeriodMention(label, m.start(), m.end()))
        taken.append(m.span())
    for m in _SPAN.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        out.append(PeriodMention(f"{m.group(1)}-{m.group(2)}", m.start(), m.end()))
        taken.append(m.span())
    for m in _YEAR_WORD.finditer(text):
        if any(s <= m.start(1) < e for s, e in taken):
            continue
        if re.search(r"tháng\s+\d{1,2}\s*$", text[max(0, m.start() - 12):m.start()]):
            continue  # "ngày 07 tháng 4 năm 2014" is a date
        out.append(PeriodMention(m.group(1), m.start(), m.end()))
    out.sort(key=lambda p: p.start)
    return out


def partial_of(text: str) -> Optional[str]:
    """`H1`/`9M`/`Q1` when the words say a part of the year ("6 tháng đầu năm")."""
    low = text.lower()
    for suffix, phrases in data("periods")["partial_year"].items():
        if any_pattern("periods", "partial_year", suffix).search(low):
            return suffix
    return None


def says_whole_year(text: str) -> bool:
    return bool(re.search(r"(?<!\w)(cả năm|ước cả năm|kế hoạch năm|hết năm|cuối năm)(?!\w)", text.lower()))


def says_per_year(text: str) -> bool:
    return bool(any_pattern("periods", "per_year").search(text.lower()))


def with_part(year: Optional[int], part: Optional[str]) -> Optional[str]:
    if year is None:
        return None
    return f"{year}-{part}" if part else str(year)


def year_of(label: Optional[str]) -> Optional[int]:
    if not label:
        return None
    m = re.match(r"(\d{4})", label)
    return int(m.group(1)) if m else None


def end_year_of(label: Optional[str]) -> Optional[int]:
    if not label:
        return None
    m = re.fullmatch(r"\d{4}-(\d{4})", label)
    return int(m.group(1)) if m else year_of(label)
