"""Dates relative to a reference date: "hôm qua", "ngày mai", "thứ sáu tới",
"3 ngày trước", "sau 5 năm nữa", "tháng trước", "năm ngoái", "tháng 3 tới".
Only used when the caller gives the reference date."""
from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache
from typing import Optional

import regex

from .calendar import add, date_rules
from .mention import DateValue
from .numerals import parse_number
from .textpat import plain

_FLAGS = regex.IGNORECASE


def _alt(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


class _Relative:
    def __init__(self, r: dict):
        self.days = {k.lower(): v for k, v in r["relative_days"].items()}
        self.weekdays = {k.lower(): v for k, v in r["weekdays"].items()}
        self.units = dict(r["relative_units"])
        self.shift = {k.lower(): v for k, v in r["relative_shift"].items()}
        self.holidays = {k.lower(): v for k, v in r["holidays"].items()}
        self.month_names = {k.lower(): v for k, v in r["month_names"].items()}
        num = r"(?P<n>[0-9]+|[^\W0-9]+(?:\s+[^\W0-9]+)?)"
        unit = rf"(?P<u>{_alt(self.units)})"
        shift = rf"(?P<s>{_alt(self.shift)})"
        self.day_re = plain(rf"(?<!\w)(?:{_alt(self.days)})(?!\w)", _FLAGS)
        self.ago = plain(rf"{num}\s+{unit}\s+(?:{_alt(r['relative_ago'])})", _FLAGS)
        self.later = plain(
            rf"(?:(?:{_alt(r['relative_later_before'])})\s+)?{num}\s+{unit}\s+(?:{_alt(r['relative_later'])})", _FLAGS)
        week, quarter = regex.escape(r["week_word"]), regex.escape(r["quarter_word"])
        week_shift = rf"(?:\s+(?:của\s+)?{week}\s+(?P<ws>{_alt(self.shift)}))?"
        self.weekday = plain(rf"(?P<wd>{_alt(self.weekdays)}){week_shift}(?:\s+{shift})?", _FLAGS)
        self.unit_shift = plain(rf"(?P<u>tháng|năm)\s+{shift}", _FLAGS)
        months = _alt(self.month_names)
        self.month_next = plain(rf"tháng\s+(?P<m>[0-9]{{1,2}}|{months})(?:\s+{shift})?", _FLAGS)
        self.first_day = plain(rf"ngày\s+đầu\s+tiên\s+của\s+tháng\s+(?P<m>[0-9]{{1,2}}|{months})", _FLAGS)
        self.seasons = {k.lower(): v for k, v in r["seasons"].items()}
        self.season = plain(rf"(?P<n>{_alt(self.seasons)})\s+(?:{_alt(r['this_words'])})", _FLAGS)
        self.first_week = plain(
            rf"{week}\s+đầu\s+tiên\s+của\s+tháng\s+(?P<m>[0-9]{{1,2}}|{months})(?:\s+năm\s+(?P<y>[0-9]{{4}}))?", _FLAGS)
        self.quarter_shift = plain(rf"{quarter}\s+{shift}", _FLAGS)
        self.week_shift = plain(rf"{week}\s+{shift}", _FLAGS)
        self.span_past = {" ".join(w.split()) for w in r["relative_span_past"]}
        self.span = plain(
            rf"(?P<n>[0-9]+|[^\W0-9]+)\s+{unit}\s+(?P<s>{_alt(r['relative_span_past'] + r['relative_span_next'])})", _FLAGS)


@lru_cache(maxsize=1)
def rel() -> _Relative:
    return _Relative(date_rules())


def _count(text: str) -> Optional[int]:
    n = parse_number(text)
    return n if isinstance(n, int) and n > 0 else None


def _month_number(r: _Relative, text: str) -> Optional[int]:
    return int(text) if text.isdigit() else r.month_names.get(text.lower())


def _weekday(r: _Relative, m, ref: date, prefer: str) -> date:
    wd = r.weekdays[" ".join(m["wd"].lower().split())]
    monday = ref - timedelta(days=ref.weekday())
    if m["ws"] is not None:
        return monday + timedelta(weeks=r.shift[m["ws"].lower()], days=wd)
    shift = r.shift[" ".join(m["s"].lower().split())] if m["s"] else None
    if shift == 0:
        return monday + timedelta(days=wd)
    if (shift is not None and shift < 0) or (shift is None and prefer == "past"):
        delta = (ref.weekday() - wd) % 7 or 7
        return ref - timedelta(days=delta)
    delta = (wd - ref.weekday()) % 7 or 7
    return ref + timedelta(days=delta)


def parse_relative(text: str, ref: date, prefer: str = "future") -> Optional[DateValue]:
    r = rel()
    t = " ".join(text.split())
    low = t.lower()
    if low in r.days:
        return DateValue((ref + timedelta(days=r.days[low])).isoformat(), "day")
    if low in r.holidays:
        mo, d = r.holidays[low]
        return DateValue(date(ref.year, mo, d).isoformat(), "day")
    for pattern, sign in ((r.ago, -1), (r.later, 1)):
        m = pattern.fullmatch(t)
        if m and _count(m["n"]):
            d = add(ref, r.units[m["u"].lower()], sign * _count(m["n"]))
            return DateValue(d.isoformat(), "day")
    m = r.weekday.fullmatch(t)
    if m:
        return DateValue(_weekday(r, m, ref, prefer).isoformat(), "day")
    m = r.unit_shift.fullmatch(t)
    if m:
        n = r.shift[m["s"].lower()]
        if m["u"].lower() == "năm":
            return DateValue(f"{ref.year + n:04d}", "year")
        d = add(ref.replace(day=1), "months", n)
        return DateValue(d.isoformat()[:7], "month")
    m = r.first_day.fullmatch(t)
    if m and _month_number(r, m["m"]):
        return DateValue(date(ref.year, _month_number(r, m["m"]), 1).isoformat(), "day")
    m = r.month_next.fullmatch(t)
    if m:
        mo = _month_number(r, m["m"])
        if mo and 1 <= mo <= 12:
            year = ref.year
            if m["s"] and r.shift[" ".join(m["s"].lower().split())] > 0 and mo <= ref.month:
                year += 1
            return DateValue(f"{year:04d}-{mo:02d}", "month")
    return None


def relative_candidates(text: str, ref: date):
    """Relative day words in running text ("hôm qua", "ngày mai") as date candidates."""
    r = rel()
    out = []
    for m in r.day_re.finditer(text):
        key = " ".join(m.group().lower().split())
        if key == "mai":
            continue  # too ambiguous alone in running text
        out.append((m.start(), m.end(), DateValue((ref + timedelta(days=r.days[key])).isoformat(), "day"), ""))
    return out


def relative_period(text: str, ref: date):
    """(label, start, end) of a period named relative to `ref`: "quý này", "tuần
    sau", "2 ngày vừa rồi", "3 tháng tới" (whole units, the current one excluded)."""
    r = rel()
    t = " ".join(text.split())
    m = r.season.fullmatch(t)
    if m:
        m1, d1, m2, d2 = r.seasons[" ".join(m["n"].lower().split())]
        start = date(ref.year, m1, d1)
        if m2 < m1:  # a season across the new year: the one around the reference date
            start = start if ref >= start else date(ref.year - 1, m1, d1)
            end = date(start.year + 1, m2, d2)
        else:
            end = date(ref.year, m2, d2)
        return f"{start.isoformat()}/{end.isoformat()}", start, end
    m = r.first_week.fullmatch(t)
    if m and _month_number(r, m["m"]):
        first = date(int(m["y"]) if m["y"] else ref.year, _month_number(r, m["m"]), 1)
        monday = first + timedelta(days=(7 - first.weekday()) % 7)  # the first week that starts in the month
        iso = monday.isocalendar()
        return f"{iso[0]}-W{iso[1]:02d}", monday, monday + timedelta(days=6)
    m = r.quarter_shift.fullmatch(t)
    if m:
        q = (ref.month - 1) // 3 + r.shift[" ".join(m["s"].lower().split())]
        year, q = ref.year + q // 4, q % 4
        start = date(year, 3 * q + 1, 1)
        return f"{year}-Q{q + 1}", start, add(start, "months", 3) - timedelta(days=1)
    m = r.week_shift.fullmatch(t)
    if m:
        monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=r.shift[" ".join(m["s"].lower().split())])
        iso = monday.isocalendar()
        return f"{iso[0]}-W{iso[1]:02d}", monday, monday + timedelta(days=6)
    m = r.span.fullmatch(t)
    if m and _count(m["n"]):
        n, unit = _count(m["n"]), r.units[m["u"].lower()]
        base = {"days": ref, "weeks": ref - timedelta(days=ref.weekday()),
                "months": ref.replace(day=1), "years": ref.replace(month=1, day=1)}[unit]
        if " ".join(m["s"].lower().split()) in r.span_past:
            start, end = add(base, unit, -n), base - timedelta(days=1)
        else:
            start = add(base, unit, 1)
            end = add(start, unit, n) - timedelta(days=1)
        return f"{start.isoformat()}/{end.isoformat()}", start, end
    return None
