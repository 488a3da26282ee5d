"""Lines of a PDF page from its words, and their reading order.

A line whose words fall in two groups with a wide gap between is a two-column line; a short
band of such lines (with the one-sided lines inside it) is read left column first. Three or
more groups on a line are the cells of a table drawn without rules.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ..rules import load_yaml

MAX_BAND_LINES = 12


@dataclass
class Segment:
    x0: float
    x1: float
    text: str


@dataclass
class Line:
    top: float
    bottom: float
    segments: list[Segment] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.segments)

    @property
    def x0(self) -> float:
        return self.segments[0].x0

    @property
    def x1(self) -> float:
        return self.segments[-1].x1

    def split(self) -> float | None:
        """The x of the middle of the widest gap, when the line has exactly two segments."""
        if len(self.segments) != 2:
            return None
        return (self.segments[0].x1 + self.segments[1].x0) / 2


def _inside(word: dict, boxes) -> bool:
    cx = (word["x0"] + word["x1"]) / 2
    cy = (word["top"] + word["bottom"]) / 2
    return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)


def page_lines(page, table_boxes) -> list[Line]:
    words = [w for w in page.extract_words(x_tolerance=2, y_tolerance=3, extra_attrs=["size"]) if not _inside(w, table_boxes)]
    words.sort(key=lambda w: (round(w["top"]), w["x0"]))
    rows: list[list[dict]] = []
    for word in words:
        if rows:
            last = rows[-1]
            ref = last[0]
            overlap = min(ref["bottom"], word["bottom"]) - max(ref["top"], word["top"])
            if overlap > 0.5 * min(ref["bottom"] - ref["top"], word["bottom"] - word["top"]):
                last.append(word)
                continue
        rows.append([word])
    lines = []
    for row in rows:
        row.sort(key=lambda w: w["x0"])
        line = Line(top=min(w["top"] for w in row), bottom=max(w["bottom"] for w in row))
        current: list[dict] = []
        for word in row:
            if current and word["x0"] - current[-1]["x1"] > 1.5 * max(word.get("size", 10), 6) \
                    and (current[-1]["text"].lower(), word["text"].lower()) not in _date_blanks():
                line.segments.append(_segment(current))
                current = []
            current.append(word)
        line.segments.append(_segment(current))
        lines.append(line)
    return lines


@lru_cache(maxsize=None)
def _date_blanks() -> frozenset[tuple[str, str]]:
    return frozenset((a.lower(), b.lower()) for a, b in load_yaml("line_shapes.yaml")["date_blanks"])


def _segment(words: list[dict]) -> Segment:
    return Segment(words[0]["x0"], words[-1]["x1"], " ".join(w["text"] for w in words))


def _crosses(line: Line, boundary: float) -> bool:
    return any(s.x0 < boundary < s.x1 for s in line.segments)


def _adjacent(upper: Line, lower: Line) -> bool:
    height = max(upper.bottom - upper.top, 1.0)
    return lower.top - upper.bottom < 0.9 * height


def _wraps_into(upper: Line, lower: Line, right: float, left: float) -> bool:
    """`lower` continues `upper`'s paragraph: `upper` runs to the right margin (a justified line),
    `lower` starts at the left one and is not a numbered item or a document kind's title."""
    from .shape import ends_sentence, is_list_item, is_post_date_line, is_title_line

    height = max(upper.bottom - upper.top, 1.0)
    if not _adjacent(upper, lower) or lower.x0 > left + 1.5 * height:
        return False
    if is_title_line(upper.text) or is_title_line(lower.text) or is_post_date_line(lower.text):
        return False
    closed = ends_sentence(upper.text)
    if upper.x1 < right - (0.8 if closed else 2.5) * height:
        return False
    if is_list_item(lower.text):
        return not closed and lower.text[:1] in "-+–"
    return True


def _gap(upper: Line, lower: Line) -> bool:
    """A blank line's worth of space between two lines: a paragraph break."""
    return lower.top - upper.bottom > 1.2 * max(upper.bottom - upper.top, 1.0)


def reading_order(lines: list[Line], width: float) -> list[tuple[float, list[str]]]:
    """Groups (top, texts) in reading order; a paragraph wrapped over lines is one text."""
    groups: list[tuple[float, list[str]]] = []
    singles = [l for l in lines if len(l.segments) == 1]
    right = max((l.x1 for l in singles), default=width)
    left = min((l.x0 for l in singles), default=0.0)
    previous: Line | None = None  # the last line of the paragraph being built
    i = 0
    while i < len(lines):
        line = lines[i]
        boundary = line.split()
        if len(line.segments) >= 3:
            groups.append((line.top, [" | ".join(s.text for s in line.segments)]))
            previous = None
            i += 1
            continue
        if boundary is None:
            if previous is not None and _wraps_into(previous, line, right, left):
                top, texts = groups[-1]
                texts[-1] = texts[-1] + " " + line.text
            else:
                if i > 0 and _gap(lines[i - 1], line):
                    groups.append((line.top - 0.01, [""]))
                groups.append((line.top, [line.text]))
            previous = line
            i += 1
            continue
        previous = None
        end = i + 1
        while end < len(lines) and end - i < MAX_BAND_LINES:
            other = lines[end]
            if len(other.segments) >= 3 or _crosses(other, boundary) or not _adjacent(lines[end - 1], other):
                break
            end += 1
        band = lines[i:end]
        if sum(1 for b in band if b.split() is not None) > MAX_BAND_LINES // 2:
            for b in band:  # a long run of two-part lines is a table without rules
                groups.append((b.top, [" | ".join(s.text for s in b.segments)]))
            i = end
            continue
        left_texts = [s.text for b in band for s in b.segments if s.x1 <= boundary]
        right_texts = [s.text for b in band for s in b.segments if s.x0 >= boundary]
        groups.append((line.top, left_texts + right_texts))
        i = end
    return groups
