"""A whole string read as one date (parse_date): the date finders' patterns, with a
weekday before the date and a time of day after it allowed and ignored."""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Optional

import regex

from .calendar import valid_ymd
from .dates import _candidates, _resolve, as_date, patterns
from .mention import DateValue
from .textpat import plain


# A date's text without what may stand around it: punctuation and a weekday before, a time
# of day and punctuation after. The middle is the shortest left between the two.
_LEAD = plain(r"[\s,.;:|()\-–]*(?:(?:thứ\s+\S+|chủ\s+nhật|chúa\s+nhật)[\s,]*)?", regex.IGNORECASE)
_TRAIL = plain(
    r"(?:[\s,|\-–]*(?:lúc\s*)?[0-9]{1,2}[:h][0-9]{2}(?::[0-9]{2})?(?:\s*(?:AM|PM|SA|CH))?)?[\s,.;:|()]*",
    regex.IGNORECASE)
_TRAIL_CHAR = plain(r"[\s,.;:|()\-–0-9h]|l|ú|c|a|m|p|s", regex.IGNORECASE)


def _core(text: str) -> str:
    """`text` without the ignorable lead and trail (one regex with a lazy middle took time
    quadratic in the length; the trail can only start inside the run of its own characters)."""
    start = _LEAD.match(text).end()
    tail = len(text)
    while tail > start and _TRAIL_CHAR.match(text, tail - 1):
        tail -= 1
    rest = text[tail:]
    if ":" not in rest and "h" not in rest and "H" not in rest:
        # no time of day there: the trail can only be the closing punctuation and spaces
        while tail < len(text) and not (text[tail] in ",.;:|()" or text[tail].isspace()):
            tail += 1
    for end in range(tail, len(text) + 1):
        if _TRAIL.fullmatch(text, end):
            return text[start:end]
    return text[start:]


_DIGITS = frozenset("0123456789")


def _digit_in_tail(text: str) -> bool:
    """Whether a digit is in the run of trail characters that ends the text: else
    neither the text nor its core ends with a digit, as every date without `ref` does."""
    i = len(text)
    while i > 0 and (text[i - 1].isspace() or _TRAIL_CHAR.match(text, i - 1)):
        i -= 1
        if text[i] in _DIGITS:
            return True
    return False


def parse_date(text: str, ref: Optional[date] = None, prefer: str = "future") -> Optional[DateValue]:
    """The whole string read as one date, or None. Weekday names and a time of
    day around the date are allowed and ignored. Relative expressions ("hôm
    qua", "3 ngày trước", "thứ sáu tới", "tháng trước") need `ref`; `prefer`
    ("future"/"past") picks the side for a bare weekday."""
    ref = as_date(ref)
    if ref is None:
        plain = _plain_day(text)
        if plain is not None:
            return plain
        if not _digit_in_tail(text):
            return None
    return _parse_date(text, ref, prefer)


# The shapes the metadata and references ask for most ("12/03/2025", "ngày 12/03/2025",
# "ngày 5 tháng 3 năm 2025"), read as _parse_date reads them when they name a valid day.
_PLAIN_DAYS = (re.compile(r"(?:[Nn]gày )?([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})"),
               re.compile(r"[Nn]gày ([0-9]{1,2}) tháng ([0-9]{1,2}) năm ([0-9]{4})"))


def _plain_day(text: str) -> Optional[DateValue]:
    """The day a date of one of the plain shapes names, or None (also for an invalid day)."""
    for pattern in _PLAIN_DAYS:
        m = pattern.fullmatch(text)
        if m is not None:
            day, month, year = map(int, m.groups())
            return DateValue(f"{year:04d}-{month:02d}-{day:02d}", "day") if valid_ymd(year, month, day) else None
    return None


def _whole_date(candidate: str, ref: Optional[date]) -> Optional[DateValue]:
    """The one date match that spans all of `candidate`, or None."""
    if ref is None and candidate[-1:] not in _DIGITS:
        return None  # every date match without `ref` ends with a digit: none can span this
    if candidate[:1] not in patterns().first_chars:
        return None
    kept = _resolve(_candidates(candidate, whole=True, ref=ref))
    if len(kept) == 1 and kept[0][0] == 0 and kept[0][1] == len(candidate):
        return kept[0][2]
    return None


@lru_cache(maxsize=64)  # the metadata extractors ask again for the same strings of a document
def _parse_date(text: str, ref: Optional[date], prefer: str) -> Optional[DateValue]:
    text = " ".join(text.split())
    found = _whole_date(text, ref)
    if found is None:
        core = _core(text)  # the text without a weekday before it or a time of day after it
        found = _whole_date(core, ref) if core != text else None
    if found is not None:
        return found
    year = patterns().year_only.fullmatch(text)
    if year and valid_ymd(int(year["y"]), 1, 1):
        return DateValue(year["y"], "year")
    if ref is not None:
        from .relative import parse_relative

        return parse_relative(text, ref, prefer)
    return None
