"""Rejoin lines broken inside a sentence (text wrapped at a fixed width, or in a narrow cell).

A line break becomes a space when the line before does not end a sentence, heading or list
item and the next line does not start one; capitals after the break count as a wrap only
where the text shows it is wrapped (lines of near-equal length) or inside a table cell.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..normalize import apply_edits
from ..rules import load_yaml
from . import shape
from .chrome import is_chrome_line


def wrap_width(lines: list[str]) -> int | None:
    """The width the text was wrapped at, if it was: most long lines end near one length."""
    lengths = sorted(len(line.rstrip()) for line in lines if len(line.strip()) >= 30)
    if len(lengths) < 4:
        return None
    p90 = lengths[int(0.9 * (len(lengths) - 1))]
    near = sum(1 for n in lengths if n >= 0.75 * p90)
    if p90 > 110 or near < 3 or near < 0.4 * len(lengths):
        return None
    return p90


_COMPARATOR_SIGNS = "≥≤<>~="


@lru_cache(maxsize=4096)  # each line is asked about twice, as the line before and the line after
def _stands_alone(line: str) -> bool:
    """A document kind's name, the motto, a number line, or web chrome: never part of a wrapped sentence."""
    return shape.is_title_line(line) or shape.is_motto_line(line) or is_chrome_line(line) or shape.is_post_date_line(line) \
        or shape.is_number_line(line)


@lru_cache(maxsize=None)
def _scale_words() -> tuple[tuple[str, ...], re.Pattern]:
    """units.yaml's scale words, and a figure ending a line on one (`đạt 19.870 triệu`)."""
    scales = tuple(load_yaml("units.yaml")["scales"])
    return scales, re.compile(rf"\d\s+(?:{'|'.join(map(re.escape, scales))})$")


_SYMBOL_BREAK = re.compile(r"\d/[A-ZĐ][\w/&]*-$")


def _symbol_runs_on(before: str, after: str) -> bool:
    """`Thông tư số 44/2021/TT-` / `BTC …`: a document symbol broken after one of its dashes."""
    return before.endswith("-") and after[:1].isupper() and _SYMBOL_BREAK.search(before) is not None


def _list_runs_on(before: str, after: str, width: int | None) -> bool:
    """`…; huyện Tiền Hải 124.000;` / `huyện Vũ Thư 122.000.`: in text wrapped at a width, a line ending a
    list's item at that width and a next one going on in lowercase, no marker, is the list's sentence wrapped."""
    return before[-1] == ";" and width is not None and len(before) >= 0.75 * width and after[0].islower() \
        and not shape.is_list_item(after)


def should_join(before: str, after: str, width: int | None, narrow: bool = False) -> bool:
    a, b = before.rstrip(), after.strip()
    if not a or not b or "|" in a or "|" in b:
        return False
    if shape.ends_sentence(a) and not shape.is_label(a):
        return _list_runs_on(a, b, width)  # mostly False: the common case, decided before the costlier tests below
    if shape.is_rule_line(a) or shape.is_rule_line(b):
        return False
    if _stands_alone(shape.squash(a)) or _stands_alone(shape.squash(b)):
        return False
    if shape.is_label(a):
        return not shape.is_list_item(b)
    if shape.ends_sentence(a) or shape.ends_with_credit(a):
        return False
    if a[-1].isdigit() and shape.is_range_tail(b):
        return True
    if a[-1] in "-–" and a[:-1].rstrip()[-1:].isdigit() and shape.starts_with_figure(b):
        return True  # a range broken after its dash: "giảm bình quân 1,0 -" / "1,5%/năm."
    if a.endswith(_scale_words()[0]) and _scale_words()[1].search(a):
        return True  # a figure's scale word never ends a line's sense: "đạt 19.870 triệu" / "USD."
    if _symbol_runs_on(a, b):
        return True
    if shape.is_list_item(b):
        return False
    if _ends_on_capital_column(a):
        return False  # "- Công an tỉnh          CHỦ TỊCH" / "Nghệ An (b/c);": the left column's item wraps under the signature
    if a[-1] == "," and not shape.caps(a) and (width is None or len(a) >= 0.4 * width):
        return True  # "Tính chung 9 tháng," / "IIP tăng 9,6%": a sentence goes on after its comma
    caps_a, caps_b = shape.caps(a), shape.caps(b)
    if caps_a is not None and caps_b is not None and caps_a != caps_b:
        return False
    wrapped = narrow or (width is not None and len(a) >= 0.6 * width)
    if caps_a and caps_b:  # a title in capitals wrapped over lines (a longer line was not wrapped)
        return wrapped or 40 <= len(a) <= 100
    first = b[0]
    if first.islower():
        return True
    if b.isdigit() and len(b) <= 3 and a.split()[-1][:1].isupper():
        return False  # a page number after a name or heading ("Võ Ngọc Hiệp\n2\n<running header>")
    if first.isdigit():  # a figure or a day carried over from a lowercase word ("còn\n2,65%", "từ ngày\n14/10/2026") or a comparator ("đạt ≥\n95%") is a wrap
        return narrow or width is not None or a[-1] in _COMPARATOR_SIGNS \
            or (a[-1].islower() and (shape.starts_with_figure(b) or shape.starts_with_day(b)))
    return wrapped


_LAST_COLUMN = re.compile(r"\S {4,}(\S[^\n]*)$")


def _ends_on_capital_column(line: str) -> bool:
    """The line is set in two columns, the right one in capitals (a signature's position beside the recipients)."""
    m = _LAST_COLUMN.search(line) if "    " in line.strip() else None
    return m is not None and shape.caps(m.group(1)) is True


def _indent_to_drop(before: str, after: str) -> int:
    """The next line's indent, which goes with the break, where neither line is set out in columns (a run of two
    spaces inside it): then the words join with one space; columns keep their places."""
    if "  " in before.strip() or "  " in after.strip():
        return 0
    return len(after) - len(after.lstrip(" "))


def rejoin_wrapped_lines(text: str, offsets: list[int]) -> tuple[str, list[int]]:
    lines = text.split("\n")
    width = wrap_width(lines)
    edits = []
    pos = 0
    for i, line in enumerate(lines[:-1]):
        pos += len(line)
        if should_join(line, lines[i + 1], width):
            joint = "" if _symbol_runs_on(line.rstrip(), lines[i + 1].lstrip()) else " "
            edits.append((pos, pos + 1 + _indent_to_drop(line, lines[i + 1]), joint))
        pos += 1
    return apply_edits(text, offsets, edits)


def count_rejoined(text: str) -> int:
    lines = text.split("\n")
    width = wrap_width(lines)
    return sum(1 for a, b in zip(lines, lines[1:]) if should_join(a, b, width))
