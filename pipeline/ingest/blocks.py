"""Layout blocks of a normalized plain text: one per line (after rejoining), by kind."""
from __future__ import annotations

from typing import Optional

import regex

from ..document import TextBlock
from . import shape
from .chrome import chrome_lines

_CELL = regex.compile(r"[^|]+")


def _trimmed(piece: str, start: int) -> Optional[tuple[int, int]]:
    """The span of `piece` (standing at `start`) without its outer white space; None when blank."""
    body = piece.lstrip()
    if not body:
        return None
    start += len(piece) - len(body)
    return start, start + len(body.rstrip())


def table_cell_blocks(text: str, start: int, end: int, page: Optional[int] = None) -> list[TextBlock]:
    blocks = []
    for match in _CELL.finditer(text, start, end):
        span = _trimmed(match.group(), match.start())
        if span:
            blocks.append(TextBlock("table_cell", span, page))
    return blocks


def _is_heading(line: str) -> bool:
    body = line.strip()
    if len(body) > 160 or shape.ends_sentence(body) and not body.endswith(":"):
        return False
    if shape.caps(body):
        return True
    return shape.is_list_item(body) and len(body) <= 100 and not body.startswith(("-", "+", "•"))


def text_blocks(text: str, page: Optional[int] = None) -> list[TextBlock]:
    lines = text.split("\n")
    starts = shape.line_starts(lines)
    squashed = [shape.squash(line) for line in lines]
    chrome = chrome_lines(squashed)
    blocks: list[TextBlock] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        span = _trimmed(line, starts[i])
        if span is None:
            i += 1
            continue
        if chrome[i]:
            blocks.append(TextBlock("boilerplate", span, page))
        elif shape.is_title_text(squashed[i]):
            last = _title_end(lines, chrome, i)
            blocks.append(TextBlock("heading", (span[0], starts[last] + len(lines[last].rstrip())), page))
            i = last + 1
            continue
        elif " | " in line or line.strip().startswith("| "):
            blocks.extend(table_cell_blocks(text, starts[i], starts[i] + len(line), page))
        elif _is_heading(line):
            blocks.append(TextBlock("heading", span, page))
        else:
            blocks.append(TextBlock("paragraph", span, page))
        i += 1
    return blocks


def _title_end(lines: list[str], chrome: list[bool], i: int) -> int:
    """A document kind's line (KẾ HOẠCH) and the subject lines under it form the title block."""
    last = i
    taken = 0
    for j in range(i + 1, len(lines)):
        body = lines[j].strip()
        if not body:
            continue
        if chrome[j] or taken >= 3 or len(body) > 250 or "|" in body or shape.is_list_item(body):
            break
        if shape.is_title_line(body) or shape.is_rule_line(body):
            break
        last = j
        taken += 1
        if shape.ends_sentence(body):
            break
    if last > i and shape.ends_sentence(lines[last].strip()) and not shape.caps(lines[last]):
        last = _drop_prose(lines, i, last)
    return last


def _drop_prose(lines: list[str], i: int, last: int) -> int:
    """A sentence after the title (Căn cứ…; Thực hiện…:) is body text, not title."""
    j = last - 1
    while j > i and not lines[j].strip():
        j -= 1
    return j
