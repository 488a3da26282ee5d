"""The patterns matched at the shared runs of digits (pipeline.values.digits) find
exactly what the plain regex finds, on random texts long enough to take the runs path."""
import random

import regex

from pipeline.values import dates, masks, periods
from pipeline.values.digits import AtRuns, _NUMBER, digit_runs, number_runs
from pipeline.values.textpat import SHORT

_PIECES = ["0", "1", "5", "12", "09", "84", "2023", "1999", "2105", "123456", "0912", "+", "(", ")", "/", "-", "–", "—",
           ".", ",", ":", "：", "%", "h", "g", "giờ", "phút", "tháng", "Tháng", "THÁNG", "năm", "đến", "Đến", "tới", "Tới",
           "t", "T", "a", "đ", "QĐ", "UBND", "KH", "BTC", "x", "ngày", "sáng", "AM", "\u00a0", "\u2003", "\x1c",
           "12/5/2023", "3 - 4 - 24", "12–5–2023", "5.3.2015", "1/12/", "2023-05-12", "1999-5-1", "0912 345 678", "+84 912 345 678", "+84912345678", "(024) 3825 1234"]
_SPACES = ["", "", "", " ", " ", "  ", "\t", "\n", " \n "]


def _texts(n, seed, short=False):
    rng = random.Random(seed)
    for _ in range(n):
        text = ""
        size = rng.randint(0, 60) if short else SHORT + rng.randint(0, 200)
        while len(text) < size:
            text += rng.choice(_PIECES) + rng.choice(_SPACES)
        yield text


def _found(matches):
    return [(m.span(), m.groups()) for m in matches]


def _at_runs():
    m, d, p = masks.masks(), dates.patterns(), periods.patterns()
    return [m.doc_number, *m.times, m.phone, m.sections[3], d.numeric, d.iso, d.day_month, p.span]


def test_every_run_pattern_is_digit_led():
    finders = _at_runs()
    assert len(finders) == 9 and all(isinstance(f, AtRuns) for f in finders)


def test_runs_are_the_digit_runs():
    for text in _texts(200, 1):
        assert digit_runs(text) == [x.span() for x in regex.finditer(r"[0-9]+", text)]


def test_patterns_at_runs_find_what_finditer_finds():
    finders = _at_runs()
    for text in [*_texts(1500, 2), *_texts(1500, 4, short=True)]:  # short texts: the plain scans
        for finder in finders:
            assert _found(finder.finditer(text)) == _found(finder.pattern.finditer(text)), (finder.pattern.pattern, text)


def test_patterns_at_runs_find_something():
    found = {i: 0 for i in range(len(_at_runs()))}
    for text in _texts(1500, 2):
        for i, finder in enumerate(_at_runs()):
            found[i] += len(list(finder.finditer(text)))
    assert all(found.values()), found  # each pattern is really tried by the test above


def test_number_runs_are_the_digit_numbers():
    for text in [*_texts(300, 3), "1.000,5 và 2..3", "", "12", "x 1,2,,3 ."]:
        assert number_runs(text) == {m.start(): m.end() for m in _NUMBER.finditer(text)}, text
