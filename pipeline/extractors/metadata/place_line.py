"""The place line of an official document: `<place>, ngày … tháng … năm …`, at a line or
cell start (or right after the own number), its words possibly wrapped over two lines."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import regex

from ...values.textpat import plain
from .text import fold, squash

Span = tuple[int, int]

_SP = r"(?:[ \t.…_]|\n)"
_DATE = rf"[Nn]gày{_SP}*\d{{0,2}}{_SP}*[Tt]háng{_SP}*\d{{0,2}}{_SP}*[Nn]ăm[ \t\n]*\d{{4}}"
_PLACE_WORD = r"(?:(?:TP\.|Tp\.|Thành phố|Thị xã|Thị trấn)[ \t]*)?\p{Lu}[\p{L}.'’]*"
# The place line starts a line or a cell: after a bar, or after a run of spaces that follows
# the `Số:` cell, the `V/v` cell or a cell in capitals (a right column aligned by spaces), never prose.
_CELL_START = (r"(?:^|\||(?=[ \t]{2}|\t)(?<=(?:^|[ \t|*])(?:Số|SỐ|[Vv]/[Vv])(?![\p{L}])[^\n]*|^[^\n\p{Ll}]*)(?:[ \t]{2,}|\t))"
               r"[ \t*_]*")
# words of a place: one or two spaces apart, or wrapped onto the next line's start (a line
# indented far is the other column: "VÀ XÃ HỘI\n              Quảng Ngãi, ngày …" names Quảng Ngãi)
_PLACE_GAP = r"(?:[ \t]{0,2}|[ \t]*\n[ \t]{0,2}|[ \t]?[-–][ \t]?)"  # Bà Rịa - Vũng Tàu
_PLACE_AND_DATE = (rf"(?P<place>{_PLACE_WORD}(?:{_PLACE_GAP}\p{{Lu}}[\p{{L}}.'’]*){{0,4}})"
                   rf"[ \t]*,[ \t\n]*(?P<date>{_DATE}|[Nn]gày[ \t]*\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{4}})")
PLACE_DATE_RE = regex.compile(rf"(?m){_CELL_START}{_PLACE_AND_DATE}")
# Right after the own number, whatever the gap (a tab made one space by the normalizer).
PLACE_DATE_AFTER_NUMBER_RE = regex.compile(rf"[ \t|*_]+{_PLACE_AND_DATE}")


@dataclass
class PlaceDate:
    place: str
    place_span: Span
    date_text: str
    date_span: Span


# `, ngày` anchors every place-date line; the full pattern (with its costly look-behind) is
# only tried on the few lines around an anchor.
_PLACE_DATE_ANCHOR = plain(r",[ \t\n]*[Nn]gày")


def find_place_date(text: str, start: int, end: int) -> Optional[PlaceDate]:
    for anchor in _PLACE_DATE_ANCHOR.finditer(text, start, end):
        line_start = text.rfind("\n", start, anchor.start()) + 1
        window_start = max(start, text.rfind("\n", start, max(line_start - 1, start)) + 1)  # a place may wrap
        window_end = min(end, _line_end(text, _line_end(text, anchor.end()) + 1))
        found = _place_date_in(text, window_start, window_end, anchor.start(), anchor.end())
        if found:
            return found
    return None


def _line_end(text: str, pos: int) -> int:
    nl = text.find("\n", pos)
    return len(text) if nl < 0 else nl


def _place_date_in(text: str, start: int, end: int, anchor_start: int, anchor_end: int) -> Optional[PlaceDate]:
    for m in PLACE_DATE_RE.finditer(text, start, end):
        if not anchor_start <= m.start("date") <= anchor_end:
            continue
        place = squash(m.group("place"))
        if fold(place) in {"số", "ngày"}:
            continue
        return PlaceDate(place, m.span("place"), m.group("date"), m.span("date"))
    return None


def place_date_after(text: str, pos: int) -> Optional[PlaceDate]:
    """The place line right after the own number ending at `pos`, whatever the gap."""
    m = PLACE_DATE_AFTER_NUMBER_RE.match(text, pos)
    return PlaceDate(squash(m.group("place")), m.span("place"), m.group("date"), m.span("date")) if m else None
