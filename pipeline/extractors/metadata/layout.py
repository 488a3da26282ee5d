"""The frame of an official document (Nghị định 30/2020/NĐ-CP, Phụ lục I): issuer block
and national motto at the top, the `Số:` line and the `<place>, ngày … tháng … năm …`
line under them, the kind in capitals, the trích yếu; and the header a legal-database
web page puts above a document. `read_layout` finds these anchors in raw or normalized
text (hard line breaks and `|` debris of two-column headers allowed)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import takewhile
from typing import Optional

import regex

from ...values.textpat import plain
from .doc_number import NumberMatch, number_after_label
from .legal_db import legal_db_header
from .place_line import PlaceDate, find_place_date, place_date_after
from .tables import cues, kind_by_name, opens_with_organ
from .text import (Lines, any_cue, cells, clean, column_of, first_words, fold, is_caps, is_decoration,
                   matches_at, word_starts)

HEADER_WINDOW = 8000  # the header stands at the top, after at most some web chrome
HEADLESS_KIND_WINDOW = 1500
Span = tuple[int, int]

@dataclass
class Layout:
    text: str
    motto: Optional[Span] = None
    number_label: Optional[Span] = None
    number: Optional[NumberMatch] = None
    place_date: Optional[PlaceDate] = None
    kind: Optional[str] = None
    kind_span: Optional[Span] = None
    issuer_pieces: list[Span] = field(default_factory=list)
    title_start: Optional[int] = None
    recipients_label: Optional[Span] = None  # the foot's "Nơi nhận:", an anchor of the layout too
    legal_db: dict[str, tuple[str, Span]] = field(default_factory=dict)

    @property
    def issuer_block(self) -> Optional[Span]:
        if not self.issuer_pieces:
            return None
        return self.issuer_pieces[0][0], self.issuer_pieces[-1][1]

    @property
    def anchors(self) -> int:
        return sum(x is not None for x in (self.motto, self.number_label, self.place_date, self.kind_span,
                                           self.recipients_label))

    @property
    def official(self) -> bool:
        """Two anchors of the layout, or a legal-database header giving number and kind."""
        return self.anchors >= 2 or ("number" in self.legal_db and "kind" in self.legal_db)


def _find_motto(folded: str, end: int) -> Optional[Span]:
    starts = word_starts(folded, first_words(tuple(cues()["motto"] + cues()["party_motto"] + cues()["union_motto"])), 0, end)
    m = next(matches_at(_motto_re(), folded, starts, end), None)
    u = next(matches_at(_union_motto_re(), folded, starts, end), None)
    found = min((x for x in (m, u) if x is not None), key=lambda x: x.start(), default=None)
    return found.span() if found else None


@lru_cache(maxsize=None)
def _union_motto_re() -> regex.Pattern:
    """The youth union's name alone in its line or cell."""
    return regex.compile(rf"(?<=^|\n|\t|\|)[ \t]*{any_cue(cues()['union_motto'])}(?=[ \t]*(?:$|\n|\t|\|))")


@lru_cache(maxsize=None)
def _number_label_re() -> regex.Pattern:
    label = any_cue(cues()["number_label"])
    # a line or cell start; or, written `Số:`, a cell after a run of spaces or glued after the
    # motto by line rejoining (`… Hạnh phúc Số: 08/KH-HĐND`), never a sentence's `số`
    motto_end = regex.escape(_motto_end())
    start = rf"(?:(?P<line>^|\|)|[ \t]{{2,}}|(?<={motto_end})[ \t]+)"
    return regex.compile(rf"(?m){start}[ \t*]*(?P<l>{label})[ \t]*(?P<c>:?)")


_TWO_BLANKS = re.compile(r"[ \t]{2}")


@lru_cache(maxsize=None)
def _motto_end() -> str:
    return fold(cues()["motto"][-1].split()[-1])


def _number_label_starts(folded: str, end: int) -> list[int]:
    """Where a match of the number label pattern may start: in the run of spaces, tabs, bars
    and emphasis marks before a label word, or on the word itself (at a line start). A run
    that opens no match (`một số`: no line start, bar, two blanks or motto's end) is left out."""
    out = []
    for at in word_starts(folded, first_words(tuple(cues()["number_label"])), 0, end):
        run = at
        while run > 0 and folded[run - 1] in " \t*|":
            run -= 1
        gap = folded[run:at]
        if (run == 0 or folded[run - 1] == "\n" or "|" in gap or _TWO_BLANKS.search(gap)
                or folded.endswith(_motto_end(), 0, run)):
            out.extend(range(run, at + 1))
    return out


def _find_number_label(text: str, folded: str, end: int) -> tuple[Optional[Span], Optional[NumberMatch]]:
    for m in matches_at(_number_label_re(), folded, _number_label_starts(folded, end), end):
        if m.group("line") is None and not (text[m.start("l")].isupper() and m.group("c")):
            continue
        found = number_after_label(text, m.end())
        if found:
            return m.span("l"), found
    return None, None


_ASCII_LOWER = plain(r"[a-z]")


def _kind_of(line: str) -> tuple[Optional[str], bool]:
    """The kind a caps line names (`KẾ HOẠCH`, `KẾ HOẠCH LIÊN TỊCH`), and whether the line is
    a kind's modifier alone (`LIÊN TỊCH` under `KẾ HOẠCH`)."""
    if _ASCII_LOWER.search(line):  # most lines; cleaning removes no letter
        return None, False
    return _caps_kind_of(line)


@lru_cache(maxsize=4096)  # the header lines of an archive's documents repeat (SỞ Y TẾ, KẾ HOẠCH, the motto)
def _caps_kind_of(line: str) -> tuple[Optional[str], bool]:
    body = clean(line).rstrip(":").strip()
    if not is_caps(body):
        return None, False
    key = fold(body)
    modifiers = _kind_modifiers()
    if key in modifiers:
        return None, True
    for modifier in modifiers:
        if key.endswith(" " + modifier):
            key = key[:-len(modifier) - 1].strip()
            break
    return kind_by_name().get(key), False


@lru_cache(maxsize=None)
def _kind_modifiers() -> tuple[str, ...]:
    return tuple(fold(m) for m in cues()["kind_modifiers"])


def _find_kind_line(lines: Lines, start: int, end: int) -> tuple[Optional[str], Optional[Span]]:
    for i, line in enumerate(lines):
        if line.start >= end:
            break
        if line.end <= start:
            continue
        code, _ = _kind_of(line.raw)
        if code is not None:
            last = line
            following = next((ln for ln in (lines[k] for k in range(i + 1, len(lines))) if not is_decoration(ln.raw)), None)
            if following is not None and _kind_of(following.raw)[1]:
                last = following
            return code, (line.content_start, last.content_start + len(last.raw.strip(" \t|*")))
    return None, None


def _trim(text: str, a: int, b: int) -> Span:
    while a < b and text[a] in " \t|*_\u00a0":
        a += 1
    while b > a and text[b - 1] in " \t|*_\u00a0":
        b -= 1
    return a, b


def _is_copy_note(cell: str) -> bool:
    """`DỰ THẢO`, `(Dự thảo)`: a note on the copy (rules/metadata.yaml title_notes)."""
    return fold(clean(cell)).strip("() ") in _copy_notes()


@lru_cache(maxsize=None)
def _copy_notes() -> frozenset[str]:
    return frozenset(fold(n) for n in cues()["title_notes"])


@lru_cache(maxsize=None)
def _motto_re() -> regex.Pattern:
    return regex.compile(any_cue(cues()["motto"] + cues()["party_motto"]))


@lru_cache(maxsize=None)
def _whole_motto_re() -> regex.Pattern:
    return regex.compile(any_cue(cues()["motto"] + cues()["party_motto"] + cues()["union_motto"]))


def _is_motto(cell: str) -> bool:
    return bool(_whole_motto_re().fullmatch(fold(clean(cell))))


_NUMBER_CELL = regex.compile(r"\s*(?:Số|SỐ)\b")


def _issuer_block(text: str, lines: Lines, anchor: int, motto_end: int, header_end: int) -> list[Span]:
    """Capital lines right above the first header anchor (or left of it on its line), and
    the left cells of the rows under it down to the number line: `SỞ Y TẾ | Độc lập - …`,
    `SỞ Y TẾ        Độc lập - …` (columns aligned by spaces), or a left cell wrapped
    onto a row of its own (`VÀ XÃ HỘI`). A row whose only cell stands under the right
    column (`            Độc lập - …`) is the motto's, not the issuer's."""
    line_start = text.rfind("\n", 0, anchor) + 1
    pieces: list[Span] = []
    head = _trim(text, line_start, anchor)
    right_column = None
    if not is_decoration(text[head[0]:head[1]]):
        if not is_caps(text[head[0]:head[1]]):
            return []
        pieces.append(head)
        right_column = column_of(text[line_start:anchor], anchor - line_start)
    motto_line_end = text.find("\n", motto_end) if text.find("\n", motto_end) >= 0 else len(text)
    tail = _trim(text, motto_end, motto_line_end)
    if anchor < motto_end and tail[0] < tail[1] and is_caps(text[tail[0]:tail[1]]) and opens_with_organ(text[tail[0]:tail[1]]):
        pieces.append(tail)  # a left cell glued after the motto when lines were rejoined
    for line in reversed(list(takewhile(lambda ln: ln.end < line_start, lines))):
        a, b = cells(line.raw)[0]
        cell = line.raw[a:b]
        if is_decoration(cell) or _is_copy_note(cell) or (
                right_column is not None and column_of(line.raw, a) >= right_column - 4):
            continue  # "DỰ THẢO" or a form number over the right column is no part of the block
        if not is_caps(cell) or len(clean(cell)) > 80:
            break
        pieces.insert(0, (line.start + a, line.start + b))
        if len(pieces) >= 5:
            break
    for line in lines:
        if line.start >= header_end:
            break
        if line.start <= max(anchor, motto_end):
            continue
        row = cells(line.raw)
        a, b = row[0]
        motto = _motto_re().search(fold(line.raw))
        if motto and motto.start() > 0:  # `SỞ Y TẾ Độc lập - Tự do - Hạnh phúc`: one space between the cells
            a, b = _trim(line.raw, 0, motto.start())
            row = [(a, b), motto.span()]
        cell = line.raw[a:b]
        if is_decoration(cell) or _is_motto(cell):
            continue
        if right_column is not None and len(row) == 1 and column_of(line.raw, a) >= right_column - 4:
            continue
        if not is_caps(cell) or len(clean(cell)) > 80 or _NUMBER_CELL.match(cell):
            break
        pieces.append((line.start + a, line.start + b))
    return pieces


@lru_cache(maxsize=None)
def _recipients_label_re() -> regex.Pattern:
    return regex.compile(rf"(?m)^[ \t|]*(?P<l>{any_cue(cues()['recipients_label'])})[ \t]*:")


def _find_recipients_label(folded: str) -> Optional[Span]:
    """The first line opening with the label: tried only at the starts of lines holding its first word."""
    words = word_starts(folded, first_words(tuple(cues()["recipients_label"])))
    line_starts = sorted({folded.rfind("\n", 0, at) + 1 for at in words})
    m = next(matches_at(_recipients_label_re(), folded, line_starts), None)
    return m.span("l") if m else None


def read_layout(text: str, folded: str) -> Layout:
    end = min(len(text), HEADER_WINDOW)
    lines = Lines(text, end)
    layout = Layout(text)
    layout.legal_db = legal_db_header(text, folded, end)
    layout.motto = _find_motto(folded, end)
    layout.number_label, layout.number = _find_number_label(text, folded, end)
    layout.place_date = find_place_date(text, 0, end)
    if layout.number and (layout.place_date is None or layout.place_date.place_span[0] > layout.number.span[1]):
        layout.place_date = place_date_after(text, layout.number.span[1]) or layout.place_date
    layout.recipients_label = _find_recipients_label(folded)
    anchors = [s for s in (layout.motto, layout.number_label,
                           layout.place_date.place_span if layout.place_date else None) if s]
    if not anchors:
        # a text cut above its kind line (header lost in copying) still has kind line and foot
        layout.kind, layout.kind_span = _find_kind_line(lines, 0, HEADLESS_KIND_WINDOW)
        if layout.kind_span:
            layout.title_start = layout.kind_span[1]
        return layout
    first = min(s[0] for s in anchors)
    header_end = max(
        [layout.motto[1] if layout.motto else 0,
         layout.number.span[1] if layout.number else 0,
         layout.place_date.date_span[1] if layout.place_date else 0]
    )
    layout.kind, layout.kind_span = _find_kind_line(lines, first, header_end + 600)
    second = min([s[0] for s in (layout.number_label, layout.place_date.place_span if layout.place_date else None) if s] or [header_end])
    motto_end = layout.motto[1] if layout.motto else first
    layout.issuer_pieces = _issuer_block(text, lines, first, motto_end, second)
    layout.title_start = max(header_end, layout.kind_span[1] if layout.kind_span else 0)
    return layout
