"""Where digits are not figures: dates, periods, document numbers, times of
day, page counters, web addresses, section numbers and labelled numbers
("Điều 5", "Kế hoạch số 12", "Chỉ tiêu 1:")."""
from __future__ import annotations

from functools import lru_cache

import regex

from ..rules import load_yaml
from .dates import date_like_spans
from .digits import AtRuns
from .spans import SpanSet
from .gates import EndsBefore, visible
from .periods import find_periods
from .textpat import ends_with, folded, matches_at, plain, words

_SECTION_LEAD = r"[ \t*#>|+\-–•\"“(]*"
_DOC_NUMBER_AFTER = frozenset("/-abcdefghijklmnopqrstuvwxyzđ")


def _before_code(text, runs):
    return [s for s, e in runs if text[e:e + 1] in _DOC_NUMBER_AFTER]


def _before_colon(text, runs):
    return [s for s, e in runs if e - s <= 2 and text[e:e + 1] == ":"]


def _before_hour(text, runs):
    return [s for s, e in runs if e - s <= 2 and visible(text, e) in "hg"]


def _phone_starts(text, runs):
    return [i for s, e in runs if text[s] == "0" or text.startswith("84", s)
            for i in ((s - 1, s) if s and text[s - 1] in "(+" else (s,))]


def _year_dash(text, runs):
    return [s for s, e in runs if e - s == 4 and text[e:e + 1] == "-"]


class _Masks:
    def __init__(self, r: dict):
        self.doc_number = AtRuns(plain(
            r"[0-9](?<![\w/.][0-9])[0-9]*[a-zđ]?(?:/[0-9]{2,4})?[/-](?=[A-ZĐ])[\w&.]*(?:[/-][\w&.]+)*"), _before_code, needs="/-")
        self.times = [
            AtRuns(plain(rf"[0-9](?<![0-9.,:][0-9])[0-9]?:[0-9]{{1,2}}(?::[0-9]{{2}})?(?![0-9,])"
                                 rf"(?:[ \t]*(?:{words(r['time_suffixes'])})(?!\w))?"), _before_colon, needs=":"),
            AtRuns(plain(r"[0-9](?<![\w.,][0-9])[0-9]?[ \t]*(?:h|g|giờ)[ \t]*[0-9]{1,2}(?:[ \t]*phút)?(?!\w)"),
                   _before_hour),
        ]
        self.time_zone = plain(r"(?:GMT|UTC)[ \t]*[+-][ \t]*[0-9]{1,2}")
        self.counter_value = plain(r"[:：][ \t]*[0-9][0-9.,]*")
        self.counter_label = EndsBefore(plain(rf"(?:{words(r['counter_labels'])})[ \t]*$"), r["counter_labels"], 40)
        self.phone = AtRuns(plain(
            r"(?:\+84|0|\(0)(?<![0-9.,]0)(?<![0-9.,]\+84)[0-9]{2,3}\)?(?:[ .\-]?[0-9]{3,4}){2}(?![0-9])"), _phone_starts)
        self.url = plain(r"[hH][tT][tT][pP][sS]?://\S+|[wW][wW][wW]\.\S+")
        self.email = plain(r"@[\w-]+(?:\.[\w-]+)+")
        self.email_user = plain(r"[\w.+-]+$")
        self.sections = [  # the first is scanned over whole texts, where the regex engine is faster
            regex.compile(rf"(?m)^{_SECTION_LEAD}(?:(?:[IVXLC]+|[0-9]{{1,2}})(?:\.[0-9]{{1,2}})*[.)](?![0-9])"
                          r"|[0-9]{1,2}(?:\.[0-9]{1,2})+(?=[ \t])|[0-9]{1,3}(?=[ \t]*\|))"),
            plain(r"\|[ \t]*[0-9]{1,2}(?:\.[0-9]{1,2})+(?=[ \t]+[-–])"),
            plain(r"\([0-9]{1,2}\)"),
            AtRuns(plain(r"[0-9](?<![0-9.,/][0-9])[0-9]{3}-[0-9]{1,2}(?:-[0-9]{1,2})?(?![0-9/])"), _year_dash, needs="-"),
        ]
        self.label = plain(rf"(?P<w>{words(r['label_words'])})[ \t]*(?:[sS]ố[ \t]*)?[:.]?[ \t]*$")
        self.label_exceptions = {w.lower() for w in r["label_exceptions"]}
        self.item = plain(rf"(?:{words(r['item_words'])})[ \t]+(?:[sS]ố[ \t]*)?$")
        self.item_end = plain(r"[ \t]*[:)]")
        self.last_words = {w.split()[-1].lower() for w in r["label_words"] + r["item_words"]} | {"số"}


@lru_cache(maxsize=1)
def masks() -> _Masks:
    return _Masks(load_yaml("numbers.yaml"))


@lru_cache(maxsize=8)
def non_figure_spans(text: str, with_sections: bool = True) -> SpanSet:
    """Spans of dates, document numbers, times, counters and addresses; with
    `with_sections`, also section numbers, enumerations and periods."""
    m = masks()
    spans = list(date_like_spans(text))
    _add_spans(spans, text, (m.doc_number, *m.times, m.phone))
    if "GMT" in text or "UTC" in text:
        _add_spans(spans, text, (m.time_zone,))
    for x in matches_at(m.counter_value, text, _colons(text)):
        label = m.counter_label.search(text, x.start())
        if label is not None and _opens_counter(text, label.start()):
            spans.append((label.start(), x.end()))
    low = folded(text)
    if "://" in text or low is None or "www." in low:
        _add_spans(spans, text, (m.url,))
    for x in m.email.finditer(text) if "@" in text else ():
        user = ends_with(m.email_user, text, x.start(), 64)
        spans.append((user.start() if user else x.start(), x.end()))
    if with_sections:
        _add_spans(spans, text, m.sections)
        spans += [p.span for p in find_periods(text)]
    return SpanSet(spans)


def _opens_counter(text: str, at: int) -> bool:
    """A visit counter's label opens its line or follows another counter (`Đang truy cập: 127 | Hôm nay: 8.476`,
    `Thống kê truy cập: Đang online: 312`); after words it closes an indicator (`sử dụng … trong năm: 98.000 người`)."""
    before = text[max(0, at - 80):at].rstrip(" \t*•+-–")
    return not before or before[-1] in "\n|:;,.0123456789"


def _colons(text: str) -> list[int]:
    """Where a colon is written (a counter's value starts at one), ascending: a str.find scan, faster than
    the regex engine's scan of the text for the counter pattern."""
    out = []
    for colon in ":：":
        at = text.find(colon)
        while at >= 0:
            out.append(at)
            at = text.find(colon, at + 1)
    out.sort()
    return out


def _add_spans(spans: list, text: str, finders) -> None:
    for finder in finders:
        for x in finder.finditer(text):
            spans.append(x.span())


def is_labelled(text: str, start: int, end: int) -> bool:
    """The number at [start, end) names or numbers something ("Điều 5", "số 12",
    "Chỉ tiêu 1:") rather than counting it."""
    m = masks()
    before = text[max(0, start - 16):start].rstrip(" \t:.").rsplit(None, 1)
    if not before or before[-1].lower() not in m.last_words:
        return False
    label = ends_with(m.label, text, start, 30)
    if label is not None and (label.start() == 0 or not text[label.start() - 1].isalnum()):
        before = text[max(0, label.start() - 12):label.start()].split()
        if not before or f"{before[-1]} {label['w']}".lower() not in m.label_exceptions:
            return True
    item = ends_with(m.item, text, start, 30)
    return item is not None and m.item_end.match(text, end) is not None
