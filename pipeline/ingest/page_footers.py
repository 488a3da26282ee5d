"""Running footers of a PDF's text layer that carry the page number on their own line, after the
document's title or symbol (`Báo cáo tình hình cấp nước … năm 2026          3`, `Ban QLDA … - QĐ số
86/QĐ-BQLDA 2`). They are dropped with the blank lines around them, so that a list or a sentence
running over the break reads on.

A line is such a footer only in a run of them: the same words at each break, the numbers going up
by one (from 1 or 2), a page's worth of lines apart (a table's `Xã Sơn Kim 1` and `Xã Sơn Kim 2`, a row
apart, are place names). A table's rows differ from one another, and a total row is written once."""
from __future__ import annotations

from ..normalize import apply_edits
from . import shape

_MIN_PAGE_LINES = 10


def drop_numbered_footers(text: str, offsets):
    lines = text.split("\n")
    by_words: dict[str, list[tuple[int, int]]] = {}
    for i, line in enumerate(lines):
        if not line[-1:].isdigit():
            continue  # most lines
        parts = line.rsplit(None, 1)
        if len(parts) == 2 and len(parts[1]) <= 3 and parts[1].isdigit():
            words = " ".join(parts[0].replace("|", " ").split())
            if len(words) >= 9 and any(ch.isalpha() for ch in words):
                by_words.setdefault(words, []).append((i, int(parts[1])))
    best: list[int] = []
    for found in by_words.values():
        pages = [page for _, page in found]
        apart = all(b - a > _MIN_PAGE_LINES for (a, _), (b, _) in zip(found, found[1:]))
        if len(found) >= 2 and pages[0] in (1, 2) and pages == list(range(pages[0], pages[0] + len(pages))) \
                and apart and len(found) > len(best):
            best = [i for i, _ in found]
    if not best:
        return text, offsets
    starts = shape.line_starts(lines)
    edits = []
    for i in best:
        before, after = i, i
        while before > 0 and not lines[before - 1].strip():
            before -= 1
        while after + 1 < len(lines) and not lines[after + 1].strip():
            after += 1
        if before == 0 or after + 1 >= len(lines):
            edits.append((starts[i], starts[i] + len(lines[i]), ""))  # at the text's start or end: the line only
        else:
            edits.append((starts[before] - 1, starts[after + 1], "\n"))  # from the line break after the text above
    return apply_edits(text, offsets, edits)
