"""Calendar dates in Vietnamese text: 22/02/2022, 23 - 02 - 2022, 5.3.2015,
ngày 07 tháng 4 năm 2014 (also split over lines or glued: ngày23/07/2013),
partial header dates (ngày   tháng 01 năm 2023 → 2023-01), with their role."""
from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from typing import Optional

from .calendar import date_rules, full_year, valid_ymd
from .digits import AtRuns, after_space
from .mention import DateMention, DateValue
from .gates import EndsBefore, visible
from .scan import Anchored, DigitsBefore
from .textpat import case_variants, ends_with, fold, folded, plain, word, word_start, words

_GAP = r"[\s.…_·\-]*"  # a day or month left blank in a template: dots, underscores, spaces
_NOT_DOC = r"(?![0-9])(?!/\w)(?![.,][0-9])(?!-[A-ZĐ])"


def _day_then_separator(text, runs):
    return [s for s, e in runs if e - s <= 2 and visible(text, e) in "/-–."]


def _year_then_dash(text, runs):
    return [s for s, e in runs if e - s == 4 and text[e:e + 1] == "-"]


def _day_then_month(text, runs):
    return [s for s, e in runs if e - s <= 2 and after_space(text, e) in "/-.tT"]


class _Patterns:
    def __init__(self, rules: dict):
        self.month_names = {k.lower(): v for k, v in rules["month_names"].items()}
        names = [n for n in self.month_names if n != "năm"]
        ngay, thang, nam = word("ngày"), word("tháng"), word("năm")
        month = rf"(?P<m>[0-9]{{1,2}}(?![0-9])|(?:{words(names)}|{nam}(?=\s+{nam}))(?!\w))"
        self.prefix = EndsBefore(
            plain(rf"(?:{words(rules['day_words'])})\s*(?:{words(rules['day_words_inner'])}\s*)?$"),
            rules["day_words"] + rules["day_words_inner"], 16)
        self.numeric = AtRuns(plain(
            r"[0-9](?<![0-9/][0-9])(?<![0-9][.,][0-9])[0-9]?[ \t]*(?P<c>[/\-–.])[ \t]*(?P<m>[0-9]{1,2})"
            r"[ \t]*(?P=c)[ \t]*(?P<y>[0-9]{4}|[0-9]{2})" + _NOT_DOC), _day_then_separator, needs="/-–.")
        self.iso = AtRuns(plain(
            r"[0-9](?<![0-9/.\-][0-9])(?P<y>[0-9]{3})-(?P<m>[0-9]{2})-(?P<d>[0-9]{2})(?![0-9/-])"), _year_then_dash, needs="-")
        self.verbal = DigitsBefore(plain(
            rf"[0-9](?<![0-9/.,][0-9])[0-9]?\s*{thang}\s*{month}(?:\s*,)?"
            rf"(?:\s*{nam}\s*|\s*[/,]\s*|[ \t]+)(?P<y>[0-9]{{4}})(?![0-9])"), ["tháng"])
        self.month_first = Anchored(plain(
            rf"{thang}\s+{month}\s+(?P<d>[0-9]{{1,2}}),\s*(?P<y>[0-9]{{4}})(?![0-9])"), ["tháng"])
        self.partial_month = Anchored(plain(
            rf"{ngay}{_GAP}{thang}\s*(?P<m>[0-9]{{1,2}})\s*(?:{nam}\s*|/\s*)(?P<y>[0-9]{{4}})(?![0-9])"), ["ngày"])
        self.partial_year = Anchored(plain(
            rf"{ngay}{_GAP}{thang}{_GAP}{nam}\s*(?P<y>[0-9]{{4}})(?![0-9])"), ["ngày"])
        self.month_year = Anchored(plain(
            rf"{thang}(?<![0-9]\s{{0,3}}{thang})\s*{month}\s*(?:{nam}\s*|/\s*|-\s*)(?P<y>[0-9]{{4}})(?![0-9])(?!/\w)"),
            ["tháng"])
        self.day_month = AtRuns(plain(
            rf"[0-9](?<![0-9/][0-9])[0-9]?\s*(?:/\s*|-\s*|\.|\s*{thang}\s*){month}(?![0-9/])"), _day_then_month)
        day_words = words(rules["day_words"])
        self.day_range_head = EndsBefore(plain(
            rf"(?:{day_words})[ \t]*(?<![0-9/.,])(?P<d1>[0-9]{{1,2}})[ \t]*(?:[-–]|{words(rules['range_words'])}|"
            rf"{words(rules['day_list_words'])})[ \t]*(?:(?:{day_words})[ \t]*)?$"),
            ["-", "–"] + rules["range_words"] + rules["day_list_words"] + rules["day_words"], 30)
        # what a date match can begin with: a digit, a day word before it, "tháng" or "ngày"
        self.first_chars = case_variants({w[0] for w in rules["day_words"] + ["tháng", "ngày"]}) | set("0123456789")
        self.day_month_lead = plain(rf"(?:{words(rules['day_month_lead'])})[ \t]+$")
        self.year_only = plain(rf"{nam}\s*(?P<y>[0-9]{{4}})")
        self.bare_day_month = plain(r"(?P<d>[0-9]{1,2})\s*/\s*(?P<m>[0-9]{1,2})")
        roles = rules["roles_before"]
        role_words = sorted(((w.lower(), role) for role, ws in roles.items() for w in ws),
                            key=lambda x: len(x[0]), reverse=True)
        # by last character, longest first: a context can only end with words ending like it
        self.role_words = {}
        for w, role in role_words:
            self.role_words.setdefault(w[-1], []).append((w, role))
        self.role_ends = {c: tuple(w for w, _ in ws) for c, ws in self.role_words.items()}
        self.range_join = plain(rf"[\s*_]*(?:[-–—]|{words(rules['range_words'])})[\s*_]*")
        self.place_line = plain(r"(?:^|\n)[ \t*]*[^\W0-9][^\n,;:.()]{1,40},[ \t]*$")
        self.doc_number = plain(r"[0-9]+[/-][\w./-]*\w(?:\s[A-ZĐ&]+)?[\s,*]*$")


@lru_cache(maxsize=1)
def patterns() -> _Patterns:
    return _Patterns(date_rules())


def _month(p: _Patterns, text: str) -> Optional[int]:
    if text.isdigit():
        return int(text)
    return p.month_names.get(" ".join(fold(text).split()))


def _leading_int(text: str) -> int:
    return int(text[:2]) if text[1:2].isdigit() else int(text[:1])


def _candidates(text: str, whole: bool = False, ref: Optional[date] = None):
    """(start, end, DateValue, day-word-prefix) for every date-like match."""
    p = patterns()
    out = []

    def add(m, y, mo, d, precision, pre=None):
        if y is None or mo is None:
            return
        start = m.start()
        if pre is not None and not isinstance(pre, str):
            start, pre = pre.start(), pre.group()
        if precision == "day" and not valid_ymd(y, mo, d):
            return
        if precision != "day" and not valid_ymd(y, mo if precision == "month" else 1, 1):
            return
        if precision == "day":
            value = f"{y:04d}-{mo:02d}-{d:02d}"
        else:
            value = f"{y:04d}-{mo:02d}" if precision == "month" else f"{y:04d}"
        out.append((start, m.end(), DateValue(value, precision), pre or ""))

    for m in p.numeric.finditer(text):
        pre = p.prefix.search(text, m.start())
        y = full_year(m["y"])
        if len(m["y"]) == 2 and not (m["c"] == "/" and (pre or whole)):
            continue
        add(m, y, int(m["m"]), _leading_int(m.group()), "day", pre)
    for m in p.iso.finditer(text):
        add(m, int(m.group()[:4]), int(m["m"]), int(m["d"]), "day")
    low = folded(text)
    if low is None or "tháng" in low:  # the word every other pattern has
        for m in p.verbal.finditer(text):
            add(m, int(m["y"]), _month(p, m["m"]), _leading_int(m.group()), "day", p.prefix.search(text, m.start()))
        for m in p.month_first.finditer(text):
            add(m, int(m["y"]), _month(p, m["m"]), int(m["d"]), "day")
        for m in p.partial_month.finditer(text):
            add(m, int(m["y"]), int(m["m"]), 1, "month", "ngày")
        for m in p.partial_year.finditer(text):
            add(m, int(m["y"]), 1, 1, "year", "ngày")
        for m in p.month_year.finditer(text):
            add(m, int(m["y"]), _month(p, m["m"]), 1, "month")
    for s, e, value, pre in list(out):
        if value.precision == "day":  # "15-16/6/2023", "từ ngày 10 đến ngày 12 tháng 5 năm 2023": the first day too
            head = p.day_range_head.search(text, s)
            d1 = int(head["d1"]) if head else 0
            if head and d1 < int(value.value[8:]) and word_start(text, head.start()):
                first = DateValue(f"{value.value[:8]}{d1:02d}", "day")
                out.append((head.start(), head.end("d1"), first, text[head.start():head.start("d1")]))
    if ref is not None:
        for m in _day_months(text):
            add(m[0], ref.year, _month(p, m[0]["m"]), _leading_int(m[0].group()), "day", m[1])
        if whole:
            for m in p.bare_day_month.finditer(text):
                add(m, ref.year, int(m["m"]), int(m["d"]), "day")
    return out


@lru_cache(maxsize=8)
def _candidates_cached(text: str) -> tuple:
    return tuple(_candidates(text))


def _resolve(cands):
    """Keep the earliest, then longest, of overlapping matches."""
    cands.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    kept, end = [], -1
    for c in cands:
        if c[0] >= end:
            kept.append(c)
            end = c[1]
    return kept


def _day_months(text: str):
    """Day-months after a day word ("ngày 6/1", "mồng 3 tháng 3"), with that word's match."""
    p = patterns()
    for m in p.day_month.finditer(text):
        pre = p.prefix.search(text, m.start())
        if pre is not None:
            yield m, pre


def date_like_spans(text: str) -> list[tuple[int, int]]:
    """Spans of dates, partial dates and day-months without a year ("ngày 6/1"):
    digits there are not figures."""
    spans = [(c[0], c[1]) for c in _candidates_cached(text)]
    p = patterns()
    for m in p.day_month.finditer(text):
        pre = p.prefix.search(text, m.start())
        if pre is not None:
            spans.append((pre.start(), m.end()))
        # "từ nay đến 30/6": a day-month after a time word
        if "/" in m.group() and m["m"].isdigit() and 1 <= _leading_int(m.group()) <= 31 and 1 <= int(m["m"]) <= 12:
            lead = ends_with(p.day_month_lead, text, m.start(), 12)
            if lead is not None and word_start(text, lead.start()):
                spans.append((m.start(), m.end()))
    return spans


def _role(text: str, start: int, pre: str) -> str:
    p = patterns()
    before = text[max(0, start - 60):start]
    ctx = " ".join((before + " " + pre).lower().replace("*", " ").replace("(", " ").split()).rstrip(" :")
    ends = p.role_ends.get(ctx[-1:])
    if ends and ctx.endswith(ends):  # one test for all the words of the last character
        for words, role in p.role_words[ctx[-1]]:
            if ctx.endswith(words) and (len(ctx) == len(words) or not ctx[-len(words) - 1].isalnum()):
                return role
    bare = before.replace("*", "")
    if p.doc_number.search(bare):
        return "reference"
    end = bare[:-1] if bare.endswith("\n") else bare  # place_line ends with a comma
    if end.rstrip(" \t").endswith(",") and p.place_line.search(bare):
        return "issue"
    return "other"


def find_dates(text: str, ref: Optional[date] = None) -> list[DateMention]:
    """Every calendar date (precision day) and partial date (month or year left
    blank, or "tháng 8 năm 2024") in the text, sorted by position, with its role.
    With `ref`, day-months without a year and relative days ("hôm qua") are
    resolved against it (a date, a datetime or an ISO string)."""
    return list(_find_dates(text, as_date(ref)))


def as_date(ref) -> Optional[date]:
    if ref is None:
        return None
    if isinstance(ref, str):
        return date.fromisoformat(ref[:10])
    if isinstance(ref, datetime):
        return ref.date()
    return ref


@lru_cache(maxsize=8)
def _find_dates(text: str, ref: Optional[date]) -> tuple[DateMention, ...]:
    if ref is None:
        cands = list(_candidates_cached(text))
    else:
        from .relative import relative_candidates

        cands = _candidates(text, ref=ref) + relative_candidates(text, ref)
    kept = _resolve(cands)
    mentions = []
    for s, e, value, pre in kept:
        mentions.append(DateMention(value.value, value.precision, (s, e), text[s:e], _role(text, s, pre)))
    _link_ranges(text, mentions)
    return tuple(mentions)


def _link_ranges(text: str, mentions: list[DateMention]) -> None:
    p = patterns()
    for i in range(len(mentions) - 1):
        a, b = mentions[i], mentions[i + 1]
        if a.precision != "day" or b.precision != "day":
            continue
        if not p.range_join.fullmatch(text, a.span[1], b.span[0]):
            continue
        if a.value[5:] == b.value[5:] and a.value[:4] != b.value[:4]:
            roles = ("anniversary", "anniversary")
        else:
            roles = ("range_start" if a.role in ("other", "range_start") else a.role, "range_end")
        a.role, b.role = roles


from .date_string import parse_date  # noqa: E402  (the whole-string reader, re-exported)
