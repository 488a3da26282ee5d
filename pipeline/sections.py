"""The numbered section tree of a plan: `A.`/`B.` parts in capitals, `I.`/`II.`, `1.`/`2.`, `1.1.`, `a)`/`b)`, `Điều 1.`.

`section_tree(text)` gives every heading with the path it opens ("I.1.1"), its title and the
span it governs; `SectionTree.at(offset)` gives the innermost section an offset lies in, so an
extractor can say where a figure stands ("I.1.1 Lĩnh vực lao động, việc làm") and read the
context a heading sets (a year, "Mục tiêu đến năm 2015").
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Iterator, Optional

_ROMAN = r"(?:X{0,3})(?:IX|IV|V?I{0,3})"
_HEADING = re.compile(
    rf"^[ \t]*(?:(?P<part>[A-H])\.(?=[ \t]+[^\W\d_]{{2}})|(?=[IVX])(?P<roman>{_ROMAN})\.(?=\s)|(?P<dotted>\d{{1,2}}(?:\.\d{{1,2}}){{1,3}})\.?(?=\s)|(?P<num>\d{{1,2}})[.)](?=\s)"
    r"|(?P<letter>[a-zđ])\)(?=\s)|(?P<article>Điều\s+\d+)\.?(?=\s)"
    rf"|(?P<volume>(?:Phần|PHẦN)[ \t]+(?:(?:thứ|THỨ)[ \t]+[^\W\d_]+|{_ROMAN}|\d{{1,2}})(?![\w/-]))[ \t]*[.:]?)[ \t]*(?P<title>[^\n]*)",
    re.MULTILINE,
)
_HEADING_AFTER_NEWLINE = re.compile("\n" + _HEADING.pattern.removeprefix("^"))
_TITLE_START = re.compile(r"[*\"“(]*[^\W\d_]")
_LEVEL = {"volume": -2, "part": -1, "roman": 0, "article": 0, "num": 1, "dotted": 1, "letter": 3}


@dataclass
class Section:
    path: str
    title: str
    level: int
    heading: tuple[int, int]
    end: int = 0
    parts: list[str] = field(default_factory=list)
    parent: Optional["Section"] = field(default=None, repr=False, compare=False)

    @property
    def label(self) -> str:
        return f"{self.path} {self.title}".strip()


class SectionTree:
    def __init__(self, sections: list[Section]):
        self.sections = sections
        self._starts = [s.heading[0] for s in sections]

    def at(self, offset: int) -> Optional[Section]:
        """The innermost section whose heading is at or before `offset` and still open there."""
        i = bisect.bisect_right(self._starts, offset) - 1
        s = self.sections[i] if i >= 0 else None
        while s is not None and s.end <= offset:
            s = s.parent  # a section before it that is no ancestor closed before it opened
        return s

    def chain(self, offset: int) -> list[Section]:
        """The section at `offset` and its ancestors, innermost first."""
        out = []
        s = self.at(offset)
        while s is not None:
            out.append(s)
            s = s.parent
        return out


def _title(raw: str) -> str:
    title = raw.strip().strip("*").strip()
    if len(title) > 90:
        cut = re.split(r"[:.;]", title, maxsplit=1)[0]
        title = cut if len(cut) <= 90 else " ".join(cut.split()[:12])
    return title.rstrip(":").strip()


def _headings(text: str) -> Iterator[tuple[int, re.Match]]:
    """`(m.start(), m) for m in _HEADING.finditer(text)`: a heading opens a line and ends before a line break,
    so after the text's start it is looked for from each newline, which the regex engine skips to."""
    pos = 0
    m = _HEADING.match(text)
    if m:
        yield 0, m
        pos = m.end()
    for m in _HEADING_AFTER_NEWLINE.finditer(text, pos):
        yield m.start() + 1, m


def section_tree(text: str) -> SectionTree:
    sections: list[Section] = []
    stack: list[Section] = []
    for start, m in _headings(text):
        kind = next((k for k in ("volume", "part", "roman", "dotted", "num", "letter", "article") if m.group(k)), None)
        if kind is None:
            continue
        token = m.group(kind)
        if kind == "roman" and not token:
            continue
        level = _LEVEL[kind]
        if kind == "dotted":
            level = token.count(".") + 1
        title, end = m.group("title"), m.end()
        if kind == "volume" and not title.strip():  # "Phần III" over its title's line
            end = text.find("\n", m.end() + 1) % (len(text) + 1)
            title = text[m.end() + 1:end]
        if not (_TITLE_START.match(title) or kind == "letter" and title[:1].isdigit()):
            continue  # "89.4 |" in a table, "1. 000" in prose: not a heading
        if kind == "part" and title.upper() != title:
            continue  # "A. KẾT QUẢ …" opens a part; "A. Nguyễn" or a lettered list item does not
        while stack and stack[-1].level >= level:
            stack.pop().end = start
        if kind == "dotted":
            roots = [s for s in stack if s.level == 0]
            parts = (roots[-1].parts if roots else []) + [token]
        else:
            parts = (stack[-1].parts if stack else []) + [token.replace("Điều ", "Đ")]
        sec = Section(path=".".join(parts), title=_title(title), level=level, heading=(start, end), parts=parts,
                      parent=stack[-1] if stack else None)
        sections.append(sec)
        stack.append(sec)
    for s in stack:
        s.end = len(text)
    return SectionTree(sections)
