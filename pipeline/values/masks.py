"""Where digits are not figures: dates, periods, document numbers, times of
day, page counters, web addresses, section numbers and labelled numbers
("Điều 5", "Kế hoạch số 12", "năm 2023")."""
from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

import regex

from ..rules import load_yaml
from .dates import date_like_spans

_FLAGS = regex.IGNORECASE


def _alt(words) -> str:
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


class _Masks:
    def __init__(self, r: dict):
        self.doc_number = regex.compile(
            r"(?<![\w/.])\d+[a-zđ]?(?:/\d{2,4})?[/-](?=[A-ZĐ])[\w&.]*(?:[/-][\w&.]+)*")
        self.time = regex.compile(
            rf"(?<![\d.,:])\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?![\d,])(?:\s*(?:{_alt(r['time_suffixes'])})(?!\w))?"
            r"|(?<![\w.,])\d{1,2}\s*(?:h|g|giờ)\s*\d{1,2}(?:\s*phút)?(?!\w)"
            r"|(?<![\d.,:])\d{1,2}:\d(?!\d)|(?:GMT|UTC)\s*[+-]\s*\d{1,2}", _FLAGS)
        self.counter = regex.compile(rf"(?<!\w)(?:{_alt(r['counter_labels'])})\s*[:：]\s*[\d.,]+", _FLAGS)
        self.url = regex.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+", _FLAGS)
        self.section = regex.compile(
            r"(?m)^[ \t*#>|+\-–•\"“(]*(?:(?:[IVXLC]+|\d{1,2})(?:\.\d{1,2})*[.)](?!\d)|\d{1,2}(?:\.\d{1,2})+(?=[ \t])"
            r"|\d{1,3}(?=[ \t]*\|))|\|[ \t]*\d{1,2}(?:\.\d{1,2})+(?=[ \t]+[-–])|\(\d{1,2}\)|(?<![\d.,/])\d{4}-\d{1,2}(?:-\d{1,2})?(?![\d/])")
        self.item = regex.compile(rf"(?<!\w)(?:{_alt(r['item_words'])})[ \t]+(?:số[ \t]*)?\d{{1,3}}(?=[ \t]*[:)])", _FLAGS)
        exceptions = _alt(r["label_exceptions"])
        self.label = regex.compile(
            rf"(?<!(?:{exceptions})\s+)(?<!\w)(?:{_alt(r['label_words'])})[ \t]*(?:số[ \t]*)?[:.]?[ \t]*"
            r"(?:\d+(?:[.,/-]\d+)*|[IVXLC]+(?!\w))", _FLAGS)


@lru_cache(maxsize=1)
def masks() -> _Masks:
    return _Masks(load_yaml("numbers.yaml"))


class SpanSet:
    """Sorted, merged spans with a fast overlap test."""

    def __init__(self, spans):
        merged: list[list[int]] = []
        for s, e in sorted(spans):
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, end - 1) - 1
        return i >= 0 and self.ends[i] > start


def non_figure_spans(text: str, with_labels: bool = True) -> SpanSet:
    from .periods import find_periods

    m = masks()
    spans = list(date_like_spans(text))
    for pattern in (m.doc_number, m.time, m.counter, m.url):
        spans += [x.span() for x in pattern.finditer(text)]
    if with_labels:
        spans += [x.span() for x in m.section.finditer(text)]
        spans += [x.span() for x in m.label.finditer(text)]
        spans += [x.span() for x in m.item.finditer(text)]
        spans += [p.span for p in find_periods(text)]
    return SpanSet(spans)
