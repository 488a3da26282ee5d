"""Periods in Vietnamese text, labelled as in corpus/GOLD_FORMAT.md: "năm 2023"
→ 2023, "giai đoạn 2021-2025" → 2021-2025, "6 tháng đầu năm" → <year>-H1,
"9 tháng đầu năm 2021" → 2021-9M, "quý I/2024" → 2024-Q1, "tính đến tháng 9"
→ <year>-09."""
from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Optional

import regex

from ..rules import load_yaml
from .calendar import month_end
from .dates import find_dates
from .mention import PeriodMention

_FLAGS = regex.IGNORECASE
_YEAR = r"(?:19|20|21)\d{2}(?![\d/.,]\d|%|/\w|-[A-ZĐ])"
_BARE_YEAR = r"(?<![\d/.,])" + _YEAR


def _alt(words) -> str:
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


class _Patterns:
    def __init__(self, r: dict):
        self.rules = r
        self.parts = {" ".join(k.lower().split()): v for k, v in r["part_of_year"].items()}
        self.span = regex.compile(
            rf"(?P<w>(?:{_alt(r['span_words'])})\s*(?:năm\s*)?)?\(?(?P<y1>{_BARE_YEAR})\s*(?:[-–—]|đến|tới)\s*(?:năm\s*)?(?P<y2>{_YEAR})\)?",
            _FLAGS)
        self.school = regex.compile(rf"(?:{_alt(r['school_year_words'])})\s*(?P<y1>{_YEAR})\s*[-–—]\s*(?P<y2>{_YEAR})", _FLAGS)
        self.part = regex.compile(
            rf"(?<!\w)(?P<p>{_alt(r['part_of_year'])})(?!\w)(?:\s*(?:của\s+)?(?:năm|/|-)?\s*(?P<y>{_YEAR}))?", _FLAGS)
        self.year = regex.compile(
            rf"(?<!\w)(?:(?:{_alt(r['year_qualifiers'])})\s+)?năm\s*(?:tài\s+chính\s*)?(?P<y>{_YEAR})", _FLAGS)
        self.context_year = regex.compile(rf"(?<!\w)(?:{_alt(r['context_year'])})(?!\s*\d)(?!\w)", _FLAGS)
        as_of = _alt(r["as_of_words"])
        self.as_of_month = regex.compile(
            rf"(?<!\w)(?:{as_of})\s+tháng\s*(?P<m>\d{{1,2}})(?!\d)(?:\s*(?:năm|/)\s*(?P<y>{_YEAR}))?", _FLAGS)
        self.as_of_date = regex.compile(rf"(?<!\w)(?:{as_of})\s+(?:ngày\s*)?$", _FLAGS)
        self.month = regex.compile(rf"(?<![\d\w]\s{{0,3}})tháng\s*(?P<m>\d{{1,2}})\s*(?:năm|/)\s*(?P<y>{_YEAR})", _FLAGS)


@lru_cache(maxsize=1)
def patterns() -> _Patterns:
    return _Patterns(load_yaml("periods.yaml"))


def _year_period(y: int, m, text: str) -> PeriodMention:
    return PeriodMention(str(y), f"{y}-01-01", f"{y}-12-31", m.span(), m.group())


def _candidates(text: str, default_year: Optional[int]):
    p = patterns()
    out = []
    for m in p.school.finditer(text):
        y1, y2 = int(m["y1"]), int(m["y2"])
        if y2 == y1 + 1:
            out.append(PeriodMention(f"{y1}-{y2}", f"{y1}-09-01", f"{y2}-05-31", m.span(), m.group()))
    for m in p.span.finditer(text):
        y1, y2 = int(m["y1"]), int(m["y2"])
        if y1 < y2 and (m["w"] or y2 - y1 <= p.rules["max_bare_span"]):
            out.append(PeriodMention(f"{y1}-{y2}", f"{y1}-01-01", f"{y2}-12-31", m.span(), m.group()))
    for m in p.part.finditer(text):
        y = int(m["y"]) if m["y"] else default_year
        if y is None:
            continue
        suffix, first, last = p.parts[" ".join(m["p"].lower().split())]
        end = month_end(y, last).isoformat()
        out.append(PeriodMention(f"{y}-{suffix}", f"{y}-{first:02d}-01", end, m.span(), m.group()))
    for m in p.year.finditer(text):
        out.append(_year_period(int(m["y"]), m, text))
    if default_year is not None:
        for m in p.context_year.finditer(text):
            out.append(_year_period(default_year, m, text))
    for m in p.as_of_month.finditer(text):
        y = int(m["y"]) if m["y"] else default_year
        mo = int(m["m"])
        if y is not None and 1 <= mo <= 12:
            out.append(PeriodMention(f"{y}-{mo:02d}", None, month_end(y, mo).isoformat(), m.span(), m.group()))
    for m in p.month.finditer(text):
        y, mo = int(m["y"]), int(m["m"])
        if 1 <= mo <= 12:
            out.append(PeriodMention(f"{y}-{mo:02d}", f"{y}-{mo:02d}-01", month_end(y, mo).isoformat(), m.span(), m.group()))
    for d in find_dates(text):
        if d.precision != "day":
            continue
        head = p.as_of_date.search(text[max(0, d.span[0] - 30):d.span[0]] + ("" if d.text[:1].isdigit() else "ngày "))
        if head:
            start = d.span[0] - (30 if d.span[0] >= 30 else d.span[0]) + head.start()
            out.append(PeriodMention(d.value[:7], None, d.value, (start, d.span[1]), text[start:d.span[1]]))
    return out


def find_periods(text: str, default_year: Optional[int] = None) -> list[PeriodMention]:
    """Every period mention, sorted by position; overlapping matches keep the
    earliest, then longest. Periods without a year take `default_year` (or are
    skipped when it is None)."""
    cands = _candidates(text, default_year)
    cands.sort(key=lambda c: (c.span[0], -(c.span[1] - c.span[0])))
    kept, end = [], -1
    for c in cands:
        if c.span[0] >= end:
            kept.append(c)
            end = c.span[1]
    return kept


def parse_period(text: str, default_year: Optional[int] = None, ref=None) -> Optional[PeriodMention]:
    """The whole string read as one period, or None. With a reference date
    `ref`, periods named relative to it ("quý này", "tuần sau", "3 tháng tới")
    are read too, and a period without a year takes the year of `ref`."""
    from .relative import relative_period

    text = " ".join(text.split())
    if ref is not None:
        ref = date.fromisoformat(ref[:10]) if isinstance(ref, str) else getattr(ref, "date", lambda: ref)()
        found = relative_period(text, ref)
        if found:
            label, start, end = found
            return PeriodMention(label, start.isoformat(), end.isoformat(), (0, len(text)), text)
        default_year = default_year or ref.year
    found = find_periods(text, default_year)
    if len(found) == 1 and found[0].span == (0, len(text)):
        return found[0]
    return None
