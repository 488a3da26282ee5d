"""Periods in Vietnamese text, labelled as in corpus/GOLD_FORMAT.md: "năm 2023"
→ 2023, "giai đoạn 2021-2025" → 2021-2025, "6 tháng đầu năm" → <year>-H1,
"9 tháng đầu năm 2021" → 2021-9M, "quý I/2024" → 2024-Q1, "tính đến tháng 9"
→ <year>-09."""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

import regex

from ..rules import load_yaml
from .calendar import month_end
from .dates import as_date, find_dates
from .digits import AtRuns, after_space
from .mention import PeriodMention
from .spans import SpanSet
from .gates import EndsBefore
from .scan import Anchored, PhraseFinder
from .textpat import SHORT, fold, plain, word, word_start, words

_YEAR = r"(?:19|20|21)[0-9]{2}(?![0-9/.,][0-9]|%|/\w|-[A-ZĐ])"
_DIGIT = plain(r"[0-9]")
_DIGIT_BEFORE = plain(r"[0-9]\s{0,3}$")
_BARE_YEAR = r"[12](?<![0-9/.,][12])(?:(?<=1)9|(?<=2)[01])[0-9]{2}(?![0-9/.,][0-9]|%|/\w|-[A-ZĐ])"
_CENTURIES = ("19", "20", "21")


def _year_then_link(text, runs):
    return [s for s, e in runs if e - s == 4 and text[s:s + 2] in _CENTURIES and after_space(text, e) in "-–—đĐtT"]


class _Patterns:
    def __init__(self, r: dict):
        self.rules = r
        self.parts = {" ".join(k.lower().split()): v for k, v in r["part_of_year"].items()}
        nam, thang = word("năm"), word("tháng")
        self.span = AtRuns(plain(
            rf"(?P<y1>{_BARE_YEAR})\s*(?:[-–—]|{word('đến')}|{word('tới')})\s*(?:{nam}\s*)?(?P<y2>{_YEAR})\)?"),
            _year_then_link)
        self.span_before = EndsBefore(plain(
            rf"(?:(?P<w>{words(r['span_words'])})\s*)?(?P<nam>{nam}\s*)?(?P<par>\()?$"), r["span_words"] + ["năm", "("], 30)
        self.school = Anchored(plain(
            rf"(?:{words(r['school_year_words'])})\s*(?P<y1>{_YEAR})\s*[-–—]\s*(?P<y2>{_YEAR})"), r["school_year_words"])
        self.part = PhraseFinder(r["part_of_year"], rf"(?:\s*(?:{word('của')}\s+)?(?:{nam}|/|-)?\s*(?P<y>{_YEAR}))?")
        self.year = Anchored(plain(rf"{nam}\s*(?:{words(['tài chính'])}\s*)?(?P<y>{_YEAR})"), ["năm"])
        self.bare_year = Anchored(plain(rf"(?:{words(r['bare_year_words'])})[ \t]+(?P<y>{_YEAR})(?![-–—][0-9])"),
                                  r["bare_year_words"])
        self.year_before = EndsBefore(plain(rf"(?:{words(r['year_qualifiers'])})[ \t]+$"), r["year_qualifiers"], 25)  # not a heading's last word ("BƯỚC ĐẦU\nNăm 2022")
        self.context_year = PhraseFinder(r["context_year"], rf"(?!\s*[0-9])(?!\s+{word('học')})")  # "trong năm học" is a school year
        self.month = Anchored(plain(
            rf"{thang}\s*(?P<m>[0-9]{{1,2}})(?![0-9])(?:\s*(?:{nam}|/)\s*(?P<y>{_YEAR}))?"), ["tháng"])
        self.as_of = EndsBefore(plain(rf"(?:{words(r['as_of_words'])})\s+$"), r["as_of_words"], 30)
        # searched in a probe of at most 35 characters, all of it
        self.as_of_date = EndsBefore(
            plain(rf"(?:(?:{words(r['as_of_words'])})\s+(?:{word('ngày')}\s*)?|(?<![0-9][ \t]*)(?:{words(r['as_of_day_words'])})\s*)$"),
            r["as_of_words"] + r["as_of_day_words"] + ["ngày"], 64)
        self.as_of_named = plain(rf"(?<!\w)(?:{words(r['as_of_named'])})\s+[^\W0-9][^\W0-9]*(?:[ \t]+[^\W0-9]+){{0,8}}[ \t]*\([ \t]*$")
        self.since_start = EndsBefore(plain(rf"(?:{words(r['since_year_start'])})[\s,]*$"), r["since_year_start"], 30)
        self.first_months = {last: suffix for suffix, first, last in r["part_of_year"].values() if first == 1}
        self.range_from_start = plain(
            rf"(?:{words(r['range_from_year_start'])})(?:/(?P<y>{_YEAR})|\s+(?:{nam}\s+)?(?P<y2>{_YEAR}))?\s*"
            rf"(?:{words(r['range_to'])})\s*$")


@lru_cache(maxsize=1)
def patterns() -> _Patterns:
    return _Patterns(load_yaml("periods.yaml"))


def _period(label: str, start: Optional[str], end: Optional[str], text: str, s: int, e: int) -> PeriodMention:
    return PeriodMention(label, start, end, (s, e), text[s:e])


def _candidates(text: str) -> tuple:
    """Period mentions with their year, and year-less templates (kind, start, end,
    data) that take the context year later. A document's are kept: the stages ask for
    them again with other default years; short texts (titles, cells) do not push them out."""
    return _scan(text) if len(text) < SHORT else _scan_kept(text)


@lru_cache(maxsize=8)
def _scan_kept(text: str) -> tuple:
    return _scan(text)


def _scan(text: str) -> tuple:
    if not text:
        return ()
    p = patterns()
    out = []
    digits = _DIGIT.search(text) is not None  # else only year-less phrases can be found
    for m in p.school.finditer(text) if digits else ():
        y1, y2 = int(m["y1"]), int(m["y2"])
        if y2 == y1 + 1:
            out.append(_period(f"{y1}-{y2}", f"{y1}-09-01", f"{y2}-05-31", text, *m.span()))
    for m in p.span.finditer(text) if digits else ():
        y1, y2 = int(m["y1"]), int(m["y2"])
        before = p.span_before.search(text, m.start())
        named = before is not None and before["w"] is not None and word_start(text, before.start())
        if y1 < y2 and (named or y2 - y1 <= p.rules["max_bare_span"]):
            if named:
                s = before.start()
            elif before is not None and before["par"]:
                s = before.start("par")
            elif before is not None and before["nam"]:
                s = before.start("nam")
            else:
                s = m.start()
            opened = before is not None and before["par"] is not None and s <= before.start("par")
            e = m.end() if opened or not m.group().endswith(")") else m.end() - 1
            out.append(_period(f"{y1}-{y2}", f"{y1}-01-01", f"{y2}-12-31", text, s, e))
    for m in p.part.finditer(text):
        if not word_start(text, m.start()):
            continue
        part = p.parts[" ".join(fold(m["phrase"]).split())]
        if m["y"]:
            out.append(_part(int(m["y"]), part, text, *m.span()))
        else:
            out.append(("part", *m.span(), part))
    for m in p.year.finditer(text) if digits else ():
        if not word_start(text, m.start()):
            continue
        before = p.year_before.search(text, m.start())
        s = before.start() if before is not None and word_start(text, before.start()) else m.start()
        y = int(m["y"])
        out.append(_period(str(y), f"{y}-01-01", f"{y}-12-31", text, s, m.end()))
    for m in p.bare_year.finditer(text) if digits else ():
        if word_start(text, m.start()):
            y = int(m["y"])
            out.append(_period(str(y), f"{y}-01-01", f"{y}-12-31", text, m.start("y"), m.end()))
    for m in p.context_year.finditer(text):
        if word_start(text, m.start()):
            out.append(("year", *m.span(), None))
    for m in p.month.finditer(text) if digits else ():
        mo = int(m["m"])
        if not 1 <= mo <= 12 or not word_start(text, m.start()):
            continue
        before = p.as_of.search(text, m.start())
        if before is not None and word_start(text, before.start()):
            if m["y"]:
                out.append(_as_of(int(m["y"]), mo, text, before.start(), m.end(), p))
            else:
                out.append(("as_of", before.start(), m.end(), mo))
        elif m["y"] and not _DIGIT_BEFORE.search(text, max(0, m.start() - 4), m.start()):
            y = int(m["y"])
            out.append(_period(f"{y}-{mo:02d}", f"{y}-{mo:02d}-01", month_end(y, mo).isoformat(), text, *m.span()))
    for m in _DAY_MONTH.finditer(text) if digits else ():  # "Giải ngân đến 30/9": as of a day of the text's year
        mo = int(m["m"])
        start = _as_of_start(text, m.start(), p) if 1 <= mo <= 12 and 1 <= int(m["d"]) <= 31 else None
        if start is not None:
            out.append(("as_of", start, m.end(), mo))
    dates = find_dates(text) if digits else []
    inside = SpanSet(d.span for d in dates if d.precision == "day" or d.text[:1] in "nN")
    out = [c for c in out if not inside.covers(*(c.span if isinstance(c, PeriodMention) else c[1:3]))]
    for d in dates:
        if d.precision != "day":
            continue
        ranged = p.range_from_start.search(text[max(0, d.span[0] - 50):d.span[0]])
        if ranged is not None and (ranged["y"] or ranged["y2"] or d.value[:4]) == d.value[:4]:
            start = d.span[0] - min(50, d.span[0]) + ranged.start()
            out.append(_months_from_start(int(d.value[:4]), int(d.value[5:7]), text, start, d.span[1], p))
            continue
        start = _as_of_start(text, d.span[0], p, "" if d.text[:1].isdigit() else "ngày ")
        end = d.span[1]
        if start is None:
            start, end = _named_as_of(text, d.span, p)
        if start is not None:
            since = p.since_start.search(text, start)
            if since is not None and word_start(text, since.start()):
                out.append(_months_from_start(int(d.value[:4]), int(d.value[5:7]), text, since.start(), d.span[1], p))
            else:
                out.append(_period(d.value[:7], None, d.value, text, start, end))
    return tuple(out)


def _as_of_start(text: str, pos: int, p: "_Patterns", then: str = "") -> Optional[int]:
    """Where the words saying "as of" (`tính đến`, `đến ngày`) start before a day at `pos`; `then`: the day's own
    words read as if after them (`ngày` of `ngày 30/9/2024`)."""
    probe = text[max(0, pos - 30):pos] + then
    head = p.as_of_date.search(probe, len(probe))
    if head and (head.start() == 0 or not probe[head.start() - 1].isalnum()):
        return pos - min(30, pos) + head.start()
    return None


def _named_as_of(text: str, span: tuple[int, int], p: "_Patterns") -> tuple[Optional[int], int]:
    """Start and end of a time named in words with its day in brackets (`đến hết thời gian giải ngân (31/01/2028)`),
    the day at `span`; (None, end of the day) if it is none."""
    close = text.find(")", span[1], span[1] + 3)
    if close < 0 or text[span[1]:close].strip(" \t"):
        return None, span[1]
    head = p.as_of_named.search(text, max(0, span[0] - 70), span[0])
    return (head.start(), close + 1) if head else (None, span[1])


def _part(y: int, part, text: str, s: int, e: int) -> PeriodMention:
    suffix, first, last = part
    return _period(f"{y}-{suffix}", f"{y}-{first:02d}-01", month_end(y, last).isoformat(), text, s, e)


def _as_of(y: int, mo: int, text: str, s: int, e: int, p: Optional["_Patterns"] = None) -> PeriodMention:
    since = p.since_start.search(text, s) if p is not None else None
    if since is not None and word_start(text, since.start()):
        return _months_from_start(y, mo, text, since.start(), e, p)
    return _period(f"{y}-{mo:02d}", None, month_end(y, mo).isoformat(), text, s, e)


def _months_from_start(y: int, mo: int, text: str, s: int, e: int, p: "_Patterns") -> PeriodMention:
    """`từ đầu năm đến ngày 30/9/2024`: the months from January, labelled like `9 tháng đầu năm`."""
    label = str(y) if mo == 12 else f"{y}-{p.first_months.get(mo, f'{mo}M')}"
    return _period(label, f"{y}-01-01", month_end(y, mo).isoformat(), text, s, e)


# scanned over whole texts, where the regex engine is faster than the stdlib one
_DAY_MONTH = regex.compile(r"(?<![0-9/.])(?P<d>[0-9]{1,2})/(?P<m>[0-9]{1,2})(?![0-9]|/[0-9]|\.[0-9])")


def _with_year(text: str, cands, year: Optional[int]) -> list[PeriodMention]:
    out = []
    for c in cands:
        if isinstance(c, PeriodMention):
            out.append(c)
        elif year is not None:
            kind, s, e, data = c
            if kind == "part":
                out.append(_part(year, data, text, s, e))
            elif kind == "as_of":
                out.append(_as_of(year, data, text, s, e, patterns()))
            else:
                out.append(_period(str(year), f"{year}-01-01", f"{year}-12-31", text, s, e))
    return out


def find_periods(text: str, default_year: Optional[int] = None) -> list[PeriodMention]:
    """Every period mention, sorted by position; overlapping matches keep the
    earliest, then longest. Periods without a year take `default_year` (or are
    skipped when it is None)."""
    return list(_find_periods(text, default_year))


@lru_cache(maxsize=8)
def _find_periods(text: str, default_year: Optional[int]) -> tuple[PeriodMention, ...]:
    cands = _with_year(text, _candidates(text), default_year)
    cands.sort(key=lambda c: (c.span[0], -(c.span[1] - c.span[0])))
    kept, end = [], -1
    for c in cands:
        if c.span[0] >= end:
            kept.append(c)
            end = c.span[1]
    return tuple(kept)


def parse_period(text: str, default_year: Optional[int] = None, ref=None) -> Optional[PeriodMention]:
    """The whole string read as one period, or None. With a reference date
    `ref`, periods named relative to it ("quý này", "tuần sau", "3 tháng tới")
    are read too, and a period without a year takes the year of `ref`."""
    from .relative import relative_period

    text = " ".join(text.split())
    if ref is not None:
        ref = as_date(ref)
        found = relative_period(text, ref)
        if found:
            label, start, end = found
            return PeriodMention(label, start.isoformat(), end.isoformat(), (0, len(text)), text)
        default_year = default_year or ref.year
    found = find_periods(text, default_year)
    if len(found) == 1 and found[0].span == (0, len(text)):
        return found[0]
    return None
