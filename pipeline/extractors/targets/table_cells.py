"""Where the shapes of a document stand: a span of text, a table cell with its text, a table."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_NUMERIC_CELL = re.compile(r"^\s*[<>≤≥~]?\s*\d[\d.,]*\s*%?\s*$")


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
