"""The shapes prose targets are written in: paragraphs (lines), sentences, items (`;`-separated
parts of a sentence) and bullets; tables are read by table_reader."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from .table_cells import Span

# a sentence ends at . ! ? followed by a space and a capital or a line end; "TP. Đồng Hới" does not
_SENT_END_CAND = re.compile(r"[.!?…][.!?…]*(?=\s+[\"“(]?\w|\s*$)")  # `[.!?…]+`: opening on a set, it is skipped to
_LAST_TOKEN = re.compile(r"([\w./]+)$")
_ITEM_END = re.compile(r";|\.\s*\+")
_BULLET = re.compile(r"^[ \t]*\\?([-+•*–]|\d{1,2}[.)]|[a-zđ]\))\s+", re.MULTILINE)


def lines(text: str) -> list[Span]:
    """The non-empty lines."""
    out, pos = [], 0
    for raw in text.split("\n"):
        if raw:
            out.append(Span(pos, pos + len(raw)))
        pos += len(raw) + 1
    return out


@lru_cache(maxsize=None)
def _abbreviations() -> frozenset:
    from .lexicon import data
    return frozenset(data("indicator")["abbreviations"])


def sentences(text: str, start: int, end: int) -> list[Span]:
    """Sentences of a line: at . ! ? before a space (a lowercase start counts too, news is sloppy),
    not after an abbreviation ("TP. Đồng Hới")."""
    out, s = [], start
    abbreviations = _abbreviations()
    for m in _SENT_END_CAND.finditer(text, start, end):
        tok = _LAST_TOKEN.search(text, max(s, m.start() - 12), m.start())
        if m.group(0) == "." and tok and tok.group(1) in abbreviations:
            continue
        out.append(Span(s, m.end()))
        s = m.end()
    if s < end and text[s:end].strip():
        out.append(Span(s, end))
    return out


@lru_cache(maxsize=None)
def _sublist_lead():
    from .lexicon import Ending, alternation, data
    leads = data("structure")["sublist_leads"]
    return re.compile(rf"(?<!\w)(?:{alternation(leads)})\s*:?\s*$"), Ending(leads)


def leads_sublist(line: str) -> bool:
    """`… trong đó:`, `gồm:`: the line (stripped, lowercased) opens a list of its figure's parts."""
    pattern, ending = _sublist_lead()
    return ending.may_end(line) and pattern.search(line) is not None


def items(text: str, start: int, end: int) -> list[Span]:
    out, s = [], start
    for m in _ITEM_END.finditer(text, start, end):
        out.append(Span(s, m.start() + 1))
        s = m.start() + 1
    out.append(Span(s, end))
    return out


def bullet_of(text: str, line: Span) -> str:
    m = _BULLET.match(text, line.start, line.end)
    return m.group(1) if m else ""


def clause_start(near: str) -> int:
    """Where the last clause of `near` starts: after its last , ; . : newline or (."""
    return max(near.rfind(","), near.rfind(";"), near.rfind("."), near.rfind(":"), near.rfind("\n"), near.rfind("(")) + 1


def last_clause(left: str, low_left: Optional[str] = None) -> str:
    near = left[-90:].lower() if low_left is None else low_left[-90:]
    return near[clause_start(near):]
