"""Where the shapes of a document stand: a span of text, a table cell with its text, a table."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_NUMERIC_CELL = re.compile(r"^\s*[<>≤≥~]?\s*\d[\d.,]*\s*%?\s*$")
NUMBER_HEAD = re.compile(r"^\s*(?:s\.?\s*tt|stt|tt|số\s+tt|số\s+thứ\s+tự)\s*$", re.IGNORECASE)  # a row-number column's header
ROW_NUMBER = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*|[IVX]+|[a-zđ])\s*[-.)]?\s+")
LETTER = re.compile(r"[^\W\d_]")
INDEX_CELL = re.compile(r"^\s*(?:[IVX]{1,4}|[A-Za-zĐđ])\s*[.)]?\s*$")  # "A", "II", "b)": an index column's cell, no label


@dataclass(slots=True)
class Span:
    start: int
    end: int

    def text(self, doc_text: str) -> str:
        return doc_text[self.start:self.end]


@dataclass(slots=True)
class Cell:
    start: int
    end: int
    text: str

    @property
    def numeric(self) -> bool:
        return bool(_NUMERIC_CELL.match(self.text))


@dataclass
class Table:
    start: int
    end: int
    header: list[Cell]
    rows: list[list[Cell]] = field(default_factory=list)


def aligned(t: Table, row: list[Cell]) -> list[Cell]:
    """`Trong đó: Cao đẳng, trung cấp | Người | 2.814 | 3.000` under `STT | Chỉ tiêu | ĐVT | … | …`: a row one
    cell short (or more, its trailing empty cells dropped too: `| Tổng cộng | | 120,4 | |`) whose first cell is words,
    not a row number, has left its STT cell blank."""
    if len(row) < len(t.header) and row and NUMBER_HEAD.match(t.header[0].text) \
            and LETTER.search(row[0].text) and not ROW_NUMBER.match(row[0].text + " "):
        return [Cell(row[0].start, row[0].start, "")] + row
    return row
