"""What a table's caption says of its columns: the measure it names (`PHỤ LỤC CHỈ TIÊU TỶ LỆ DÂN SỐ … SỬ DỤNG NƯỚC
SẠCH`) for columns that name only years, and its subject (`CHỈ TIÊU XÓA NHÀ TẠM, NHÀ DỘT NÁT NĂM 2025 PHÂN THEO XÃ`)
for columns named by a word or two (`Số hộ`, `Kinh phí`)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from . import indicator as ind
from .lexicon import alternation, data
from .prose_words import figure_words


def caption_measure(text: str, start: int, lines_back: int = 4) -> Optional[str]:
    """`PHỤ LỤC CHỈ TIÊU TỶ LỆ DÂN SỐ … SỬ DỤNG NƯỚC SẠCH ĐẾN NĂM 2025` over a table whose value columns
    name only years or plan and result: the measure its caption names, for every row's place."""
    measure = figure_words().measure
    end = start
    for _ in range(lines_back):
        if end <= 0:
            break
        begin = text.rfind("\n", 0, end - 1) + 1
        line = text[begin:end].strip()
        end = begin
        m = measure.search(line) if line and not line.startswith("(") and "|" not in line else None
        if m is not None:
            return ind.clean(line[m.start():]).lower() or None
    return None


@lru_cache(maxsize=None)
def _caption_words() -> tuple[re.Pattern, re.Pattern, int]:
    w = data("indicator")
    leads = re.compile(rf"^(?:(?:{alternation(w['caption_leads'])})(?:\s+(?:số\s+)?[\dIVX]+[a-z]?(?!\w))?[\s:.-]*)+", re.IGNORECASE)
    tails = re.compile(rf"\s+(?:{alternation(w['caption_tails'])})(?!\w).*$", re.IGNORECASE | re.DOTALL)
    return leads, tails, int(w["caption_column_words"])


def caption_subject(text: str, start: int, lines_back: int = 5) -> Optional[str]:
    """The subject the caption right over a table names (its first line of words above the table, past blank lines,
    bracketed notes, unit lines and bare `PHỤ LỤC` lines, set in capitals), lowercased; None when there is none."""
    leads, tails, _ = _caption_words()
    end = start
    for _ in range(lines_back):
        if end <= 0:
            return None
        begin = text.rfind("\n", 0, end - 1) + 1
        line = text[begin:end].strip()
        end = begin
        if not line or line.startswith("(") or not leads.sub("", line).strip() or _UNIT_LINE.match(line):
            continue
        if "|" in line or "\t" in line or not _in_capitals(line) or _NUMBERED.match(line):
            return None  # "IV. PHÂN BỔ … THEO THÔN": a numbered heading, no caption
        subject = tails.sub("", leads.sub("", _BRACKETS.sub(" ", line)))
        return ind.strip_periods(subject) or None
    return None


_UNIT_LINE = re.compile(r"^(?:đơn vị tính|đvt)\s*:", re.IGNORECASE)
_NUMBERED = re.compile(r"^(?:[IVXLC]+|\d+|[a-zđ])[.)]\s")
_BRACKETS = re.compile(r"\([^()]*\)")


def _in_capitals(line: str) -> bool:
    """A caption is set in capitals (`CHỈ TIÊU XÓA NHÀ TẠM …`), unlike a heading or a sentence leading to a table."""
    letters = [ch for ch in line if ch.isalpha()]
    return len(letters) >= 8 and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)


def with_subject(name: str, subject: Optional[str]) -> str:
    """A column's `name` with the caption's `subject` after it when the name is a word or two (`số hộ` → `số hộ xóa nhà
    tạm, nhà dột nát`)."""
    if not subject or not name or len(name.split()) > _caption_words()[2] or name in subject:
        return name
    return f"{name} {subject}"
