"""What a news post about a plan states in prose: "Ngày 22/02/2022, Sở … ban hành Kế
hoạch số 444/KH-SLĐTBXH phát động …". A post about one plan takes that plan's number,
issuer, date and title. A decision counts when it issues or approves a plan ("Quyết định
số 348/QĐ-UBND về việc ban hành Kế hoạch …"); any other document the post reports
(an award decision, a directive) stays a reference."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import regex

from ...models import Issuer, IssueDate
from .doc_number import NumberMatch, find_numbers
from .place_date import parse_date_value
from .tables import cues, doc_kinds, kind_by_name, organs
from .text import any_cue, first_words, fold, matches_at, squash, word_starts

_SENTENCE_END = regex.compile(r"\.(?=\s|$)|[;\n]|[\s,]+với[\s|]+chủ[\s|]+đề|,[\s|]+cụ[\s|]+thể")
_DATE_WORDS = regex.compile(
    r"(?:ngày|Ngày)\s*\d{1,2}\s*(?:[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|tháng\s*\d{1,2}\s*năm\s*\d{4}|[/.-]\s*\d{1,2})"
)


@dataclass
class Statement:
    number: NumberMatch
    issuer: Optional[Issuer]
    issue_date: Optional[IssueDate]
    title: Optional[str]


@lru_cache(maxsize=None)
def _statement_re() -> regex.Pattern:
    c = cues()["news"]
    names = [n for code, spec in doc_kinds().items() if not code.startswith("_") for n in spec["names"]]
    return regex.compile(
        rf"(?<![\p{{L}}])(?P<verb>{any_cue(c['issue_verbs'])})[\s|]+(?P<kind>{any_cue(names)})"
        rf"(?:[\s|]+số)?[\s|:]*(?=\d)"
    )


@lru_cache(maxsize=None)
def _plan_act_re() -> regex.Pattern:
    return regex.compile(any_cue(cues()["news"]["plan_acts"]))


def _is_plan(kind_code: Optional[str], after: str) -> bool:
    if kind_code in cues()["news"]["plan_kinds"]:
        return True
    return _plan_act_re().search(fold(after)) is not None


_AUXILIARIES = regex.compile(r"(?:[ \t]+(?:đã|vừa|mới))+[ \t]*$")


def _subject(text: str, verb_start: int) -> Optional[tuple[str, tuple[int, int]]]:
    """The body named before the verb: the clause's words after the last comma or stop."""
    window = max(0, verb_start - 160)
    head = text[window:verb_start]
    cut = max(head.rfind(c) for c in (",", ";", ".", "\n", ")")) + 1
    end = window + len(_AUXILIARIES.sub("", head.rstrip()))
    start = window + cut + len(head[cut:]) - len(head[cut:].lstrip())
    subject = squash(text[start:end])
    if not subject or not subject[0].isupper() or len(subject.split()) > 14:
        return None
    first = subject.split()[0]
    known = organs().get(first)
    if known and known.scope != "sector":
        subject = known.name + subject[len(first):]
    return subject, (start, end)


def _date_near(text: str, start: int, end: int) -> Optional[IssueDate]:
    for m in _DATE_WORDS.finditer(text, start, end):
        value = parse_date_value(m.group(0))
        if value is not None and value.precision == "day":
            return IssueDate(value=value.value, precision=value.precision, text=m.group(0), span=m.span())
    return None


_TITLE_DATE = regex.compile(r"^[\s,]*(?:ngày\s*[\d/.-]+(?:\s*tháng\s*\d+\s*năm\s*\d{4})?)?[\s,]*")
_TITLE_OF = regex.compile(r"^(?:của\s+[^,]{1,60}?\s+)?(?=về\b)")
_TITLE_ABOUT = regex.compile(r"^(?:về việc|về)\s+")


def _title_after(text: str, pos: int) -> Optional[str]:
    rest = text[pos:pos + 400]
    rest = _TITLE_DATE.sub("", rest)
    rest = _TITLE_OF.sub("", rest)
    rest = _TITLE_ABOUT.sub("", rest)
    end = _SENTENCE_END.search(rest)
    title = squash(rest[:end.start()] if end else "")
    if len(title.split()) < 3 or not title[0].isalpha():
        return None
    return title[:1].upper() + title[1:]


_BREAKS = regex.compile(r"[\s|]+")


def find_statement(text: str, folded: str, start: int, end: int) -> Optional[Statement]:
    verbs = word_starts(folded, first_words(tuple(cues()["news"]["issue_verbs"])), start, end)
    for m in matches_at(_statement_re(), folded, verbs, end):
        found = next(find_numbers(text, m.end(), min(len(text), m.end() + 40)), None)
        if not found or found.span[0] != m.end():
            continue
        kind_code = found.symbol.kind or kind_by_name().get(_BREAKS.sub(" ", m.group("kind")))
        if not _is_plan(kind_code, text[found.span[1]:found.span[1] + 200]):
            continue
        subject = _subject(text, m.start())
        issuer = Issuer(name=subject[0], abbreviation=found.symbol.issuer, span=subject[1]) if subject else None
        clause_start = max(text.rfind(c, 0, m.start()) for c in ("\n", ". ", ";")) + 1
        date = _date_near(text, found.span[1], found.span[1] + 40) or _date_near(text, clause_start, m.start())
        return Statement(found, issuer, date, _title_after(text, found.span[1]))
    return None


def _content_lines(text: str, start: int, count: int):
    pos, seen = start, 0
    while pos < len(text) and seen < count:
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end].strip()
        if line:
            seen += 1
            yield line, pos + text[pos:end].find(line)
        pos = end + 1


@lru_cache(maxsize=None)
def _dateline_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(words that open a line that is no post date, labels of a post date), folded."""
    c = cues()["news"]
    return tuple(fold(x) for x in c["not_post_date"]), tuple(fold(x) for x in c["post_date_labels"])


def _is_dateline(line: str) -> bool:
    not_dates, labels = _dateline_words()
    return fold(line).startswith(not_dates + labels) or parse_date_value(line) is not None


@lru_cache(maxsize=None)
def _counter_res() -> tuple[tuple[str, regex.Pattern], ...]:
    return tuple((counter, regex.compile(rf"\s*\(?{regex.escape(counter)}\s*:?\s*[\d.,]+\)?\s*$"))
                 for counter in cues()["news"]["headline_counters"])


_WORD = regex.compile(r"\w+")


def headline(text: str, start: int) -> Optional[str]:
    """The first line that reads as a headline: a phrase of some words, no final stop,
    no table or menu marks, before the article's first sentence."""
    c = cues()["news"]
    low, high = c["headline_words"]
    for line, _ in _content_lines(text, start, c["headline_lines"]):
        for counter, pattern in _counter_res():
            if counter in line:
                line = pattern.sub("", line)
        if any(mark in line for mark in ("|", ">>", "•")):
            continue
        words = _WORD.findall(line)
        if not words or _is_dateline(line):
            continue
        if low <= len(words) <= high and not line.endswith((".", ":", ";", ",")) and line[0].isupper():
            return line
        if len(words) > high or line.endswith("."):
            return None  # the article's prose has begun
    return None


@lru_cache(maxsize=None)
def _post_date_label_re() -> regex.Pattern:
    return regex.compile(rf"{any_cue(cues()['news']['post_date_labels'])}[\s:]*")


# a time zone tag or view counters after the time of day are not part of the date
_AFTER_TIME = regex.compile(r"(\d{1,2}:\d{2})(?:\s*\[[^\]]*\]|(?:\s+\d+)+)$")


def post_date(text: str, start: int) -> Optional[IssueDate]:
    """A dateline near the top: a line that is only a date (weekday and time allowed)."""
    not_dates = _dateline_words()[0]
    for line, pos in _content_lines(text, start, cues()["news"]["headline_lines"]):
        folded_line = fold(line)
        if folded_line.startswith(not_dates):
            continue
        label = _post_date_label_re().match(folded_line)
        body = line[label.end():] if label else line
        if ":" in body:
            body = _AFTER_TIME.sub(lambda m: m.group(1), body)
        value = parse_date_value(body)
        if value is not None and value.precision == "day":
            offset = pos + (label.end() if label else 0)
            return IssueDate(value=value.value, precision="day", text=body, span=(offset, offset + len(body)))
    return None
