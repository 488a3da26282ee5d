"""The trích yếu: the lines under the kind line (or under the header when the kind line
is missing), in normal case; when the layout gives none, the opening sentence that names
it ("… ban hành Kế hoạch <title>, với các nội dung như sau")."""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

import regex

from .casing import normal_case
from .firstchar import FirstChar, cue_items
from .layout import Layout
from .tables import cues, doc_kinds, organ_names
from .text import (Lines, any_cue, clean, cue_pattern, first_words, fold, is_caps, is_decoration, matches_at, squash,
                   word_starts)
from .title_elsewhere import preamble_title, vv_line

Span = tuple[int, int]
MAX_TITLE = 600
_SECTION = regex.compile(r"^(?:(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])[.)]\s|(?:PHẦN|CHƯƠNG|Phần|Chương)\s+(?:[IVXLC]+|\d+|THỨ|thứ)\b)")


@lru_cache(maxsize=None)
def _stop_re(caps: bool) -> FirstChar:
    c = cues()
    heads = c["body_openers_caps"] + c["positions"] + organ_names() + ([] if caps else c["body_openers"])
    return FirstChar([("", cue_items(sorted(heads, key=len, reverse=True)), r"(?![\p{L}])")], head="^")


@lru_cache(maxsize=None)
def _authority_tail_re() -> regex.Pattern:
    """`… TỈNH ĐIỆN BIÊN ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN`: the authority line (thẩm quyền
    ban hành) glued to the end of a title by line rejoining."""
    c = cues()
    connectors = any_cue(c["title_connectors"])
    heads = any_cue(c["positions"] + organ_names())
    units = any_cue(c["units"])
    return regex.compile(
        rf"(?<!{connectors}[\s|]+)(?<=\S[\s|]+)(?:{heads}[\s|]+)*{heads}(?:[\s|]+{units}(?:[\s|]+\p{{L}}+){{1,4}})?"
        rf"(?:[\s|]+{fold('khóa')}[\s|].*)?$"
    )


@lru_cache(maxsize=None)
def _authority_head() -> FirstChar:
    return FirstChar([("", cue_items(sorted(cues()["positions"] + organ_names(), key=len, reverse=True)), "")])


def _cut_authority_tail(title: str) -> str:
    folded_title = fold(title)
    heads = first_words(tuple(cues()["positions"] + organ_names()))
    # the tail opens with a head: the whole pattern (slow to fail) is tried only where one does
    starts = [i for i in word_starts(folded_title, heads) if _authority_head().match(folded_title, i)]
    m = next(matches_at(_authority_tail_re(), folded_title, starts), None)
    return title[:m.start()].rstrip() if m else title


MAX_FIRST_LINE = 300


@lru_cache(maxsize=None)
def _kind_names() -> frozenset:
    return frozenset(fold(n) for code, spec in doc_kinds().items() if not code.startswith("_") for n in spec["names"])


@lru_cache(maxsize=None)
def _body_opener_re() -> regex.Pattern:
    return regex.compile(rf"{any_cue(cues()['body_openers'])}(?![\p{{L}}])")


def _opens_body(line: str) -> bool:
    return bool(_body_opener_re().match(fold(line)))


@lru_cache(maxsize=None)
def _glued_opener_re() -> regex.Pattern:
    openers = "|".join(regex.escape(o) for o in cues()["body_openers"])
    return regex.compile(rf"(?<=[\p{{L}}\d)”\"][ \t]+)(?:{openers})(?![\p{{L}}])")


def _glued_body(line: str) -> Optional[str]:
    """`Tuyên truyền về giảm nghèo năm 2021 Thực hiện Kế hoạch số …:` – a title line and the
    body's first sentence joined by line rejoining: the body opener, capitalised in mid-line
    after a word (not after punctuation), marks where the title ended."""
    m = _glued_opener_re().search(line)
    if not m or len(line[:m.start()].split()) < 3:
        return None
    return line[:m.start()].rstrip()


@lru_cache(maxsize=None)
def _note_re() -> regex.Pattern:
    return regex.compile(rf"\([ \t]*{any_cue(cues()['title_notes'])}(?![\p{{L}}])[^()]*\)")


def _is_note(line: str) -> bool:
    """`(Trích)`, `(Dự thảo)`, `(Kèm theo Quyết định số …)`: a note on the document, not its title."""
    return bool(_note_re().fullmatch(fold(line.strip(" .*_"))))


@lru_cache(maxsize=None)
def _final_note_re() -> regex.Pattern:
    return regex.compile(rf"[ \t]*{_note_re().pattern}[ \t.]*$")


def _cut_note(title: str) -> str:
    m = _final_note_re().search(fold(title))
    return title[:m.start()] if m else title


def _ends_as_body(line: str, following: str) -> bool:
    """A clause ending in `:` is the body's; one ending in `;` or `,` is too unless the next
    line carries it on in lower case (`… năm 2023;` / `phương hướng, nhiệm vụ năm 2024`) and
    it does not open the body (`Căn cứ …;`)."""
    if line.endswith(":"):
        return True
    if line.endswith((";", ",")):
        return _opens_body(line) or not (following[:1].islower() or following[:1].isdigit())
    return False


MAX_WRAPPED_TAIL = 90


@lru_cache(maxsize=None)
def _awaits_name_re() -> regex.Pattern:
    """A title line ending on a bare document kind (… quán triệt Nghị quyết) awaits the
    document's name or number on the next line."""
    names = [n for code, spec in doc_kinds().items() for n in
             (spec["names"] if not code.startswith("_") else [x for v in spec.values() for x in v])]
    names += cues()["awaiting_names"]
    return regex.compile(rf"(?<![\p{{L}}]){any_cue(names)}$")


def _wraps_onto(previous: str, line: str) -> bool:
    """`… quán triệt Nghị quyết` / `Hội nghị lần thứ sáu …`: a title wrapped before the
    capitalised name of the document it ends on. The next line is short, in sentence case and
    does not end as a sentence does."""
    return (line[:1].isupper() and not is_caps(line) and bool(_awaits_name_re().search(fold(previous)))
            and len(line) <= MAX_WRAPPED_TAIL and not line.endswith((".", ";", ":")) and not _opens_body(line)
            and not _is_note(line))


def _is_stop(line: str) -> bool:
    return bool(_SECTION.match(line) or _stop_re(is_caps(line)).match(fold(line)))


@lru_cache(maxsize=None)
def _connectors() -> dict[int, frozenset[str]]:
    """The folded title connectors by their number of words."""
    by_size: dict[int, set[str]] = {}
    for c in cues()["title_connectors"]:
        by_size.setdefault(len(c.split()), set()).add(fold(c))
    return {size: frozenset(found) for size, found in by_size.items()}


def _ends_with_connector(line: str) -> bool:
    words = fold(line).split()
    return bool(words) and any(" ".join(words[-size:]) in connectors for size, connectors in _connectors().items())


class _TitleZone:
    """Content lines of the title zone: (start, end, cleaned text), blank lines as ''; a line
    is cleaned when first read (the title is found in the first few)."""

    def __init__(self, text: str, start: int):
        self._start = start
        self._lines = Lines(text[start:start + 3000])
        self._read: dict[int, tuple[int, int, str]] = {}

    def __len__(self) -> int:
        return len(self._lines)

    def __getitem__(self, i: int) -> tuple[int, int, str]:
        found = self._read.get(i)
        if found is None:
            line = self._lines[i]
            found = (self._start + line.start, self._start + line.end,
                     "" if is_decoration(line.raw) else clean(line.raw))
            self._read[i] = found
        return found

    def __iter__(self):
        return (self[i] for i in range(len(self._lines)))


_DASHED_NUMBER = regex.compile(r"[-–]\s*\d")


def title_lines(layout: Layout) -> Optional[tuple[str, Span]]:
    if layout.title_start is None:
        return None
    lines = _TitleZone(layout.text, layout.title_start)
    first = next((i for i, ln in enumerate(lines) if ln[2] and not _is_note(ln[2])), None)
    if first is None:
        return None
    head = lines[first][2]
    if fold(head).rstrip(":") in _kind_names():
        return None
    if layout.kind_span and layout.title_start == layout.kind_span[1]:
        # right under the kind line stands the trích yếu, whatever word it opens with,
        # unless the line is plainly the body (a clause ending in ; : , or a section)
        following = lines[first + 1][2] if first + 1 < len(lines) else ""
        if _ends_as_body(head, following) or head.endswith(".") or len(head) > MAX_FIRST_LINE:
            glued = _glued_body(head)
            if glued:
                a = lines[first][0] + layout.text[lines[first][0]:lines[first][1]].find(glued)
                return glued, (a, a + len(glued))
        if _SECTION.match(head) or _ends_as_body(head, following) or _stop_re(True).match(fold(head)) or (
                _opens_body(head) and not is_caps(head) and len(head) > MAX_FIRST_LINE):
            return None
    elif _is_stop(head):
        return None
    taken = [first]
    caps = is_caps(head)
    i = first + 1
    blank_run = 0
    while i < len(lines):
        a, b, line = lines[i]
        i += 1
        if not line:
            blank_run += 1
            if not caps or blank_run > 1:
                break
            continue
        if _is_note(line):
            break
        previous = lines[taken[-1]][2]
        joined_by_connector = _ends_with_connector(previous)
        if caps:
            if any(ch.islower() for ch in line) or (_is_stop(line) and not joined_by_connector):
                break
        else:
            starts_lower = line[:1].islower() or line[:1].isdigit() or bool(_DASHED_NUMBER.match(line))
            if blank_run or not (starts_lower or joined_by_connector or _wraps_onto(previous, line)) or _is_stop(line):
                break
        blank_run = 0
        taken.append(i - 1)
        if sum(len(lines[j][2]) for j in taken) > MAX_TITLE:
            return None
    start = lines[taken[0]][0] + (len(layout.text[lines[taken[0]][0]:lines[taken[0]][1]]) - len(layout.text[lines[taken[0]][0]:lines[taken[0]][1]].lstrip(" \t|*")))
    end = lines[taken[-1]][1]
    joined = squash(" ".join(lines[j][2] for j in taken))
    return (_cut_authority_tail(joined) if caps else joined), (start, end)


@lru_cache(maxsize=None)
def _prefix_res() -> tuple[regex.Pattern, ...]:
    return tuple(regex.compile(rf"{cue_pattern(prefix)}(?![\p{{L}}])[\s:]*")
                 for prefix in sorted(cues()["title_prefixes"], key=len, reverse=True))


@lru_cache(maxsize=None)
def _author_lead_re() -> regex.Pattern:
    leads = "|".join(regex.escape(w) for w in cues()["title_author_leads"])
    return regex.compile(rf"(?i:{leads})\s+(?=\p{{Lu}})[^\n]{{2,80}}?\s+(?=(?i:về)\s)")


def strip_prefix(title: str) -> str:
    author = _author_lead_re().match(title)
    if author:
        title = title[author.end():]
    folded_title = fold(title)
    for prefix in _prefix_res():
        m = prefix.match(folded_title)
        if m:
            return title[m.end():]
    return title


def find_title(layout: Layout, folded: str, kind: Optional[str]) -> Optional[tuple[str, Span]]:
    if kind == "CV":
        found = vv_line(layout, folded) or title_lines(layout)
    else:
        found = title_lines(layout) or vv_line(layout, folded) or preamble_title(layout, folded, kind)
    if not found:
        return None
    raw, span = found
    title = _cut_note(strip_prefix(raw)).strip(" .;:")
    if len(title) < 5:
        return None
    return normal_case(title, layout.text, folded, span), span
