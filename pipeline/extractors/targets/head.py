"""What the top of a document tells when the metadata has not said it: its kind, its year (the first date
written), and the span, the year or the part of a year its title names."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ...rules import load_yaml
from .lexicon import alternation, data
from .period import PeriodMention, find_period_mentions, partial_of
from .period_roles import roles

_DIGIT = re.compile(r"\d")
# a date's year: `12/3/2024` (the look-behind after the first digit: no digit before it), `ngày 12 tháng 3 năm 2024`
_NUMERIC_DATE = re.compile(r"(\d(?<!\d\d)\d?)\s*/\s*(\d{1,2})\s*/\s*((?:19|20)\d\d)(?!\d)")
_WRITTEN_DATE = re.compile(r"ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+((?:19|20)\d\d)")


@lru_cache(maxsize=None)
def _plan_kinds() -> tuple[frozenset, frozenset, re.Pattern]:
    kind = data("kind")
    return (frozenset(kind["plan_doc_types"]), frozenset(kind["plan_adopting_types"]),
            re.compile(rf"^\W*(?:{alternation(kind['plan_adopting_titles'])})(?!\w)", re.IGNORECASE))


def plan_doc(doc_type: Optional[str], title: Optional[str] = None) -> bool:
    """A plan's kind of document, or a decision whose title adopts a plan (`Phê duyệt Kế hoạch …`; the
    metadata's title comes without its `V/v`, `Về việc`)."""
    types, adopting_types, adopting = _plan_kinds()
    return doc_type in types or doc_type in adopting_types and bool(title) and adopting.match(title) is not None


def first_date_year(text: str) -> Optional[int]:
    """The year of the first date written in the first 3,000 characters."""
    head = text[:3000]
    numeric, written = _NUMERIC_DATE.search(head), _WRITTEN_DATE.search(head)
    if numeric and (not written or numeric.start() < written.start()):
        return int(numeric.group(3))
    if written:
        return int(written.group(1))
    return None


_BODY_START = re.compile(r"^\s*(?:căn\s+cứ|[IVX]+\s*[.)]|\d+\s*[.)]|[-+•])", re.IGNORECASE)


@lru_cache(maxsize=16)  # read by plan_span, title_year_of and title_part_of from the same head
def _title_block(head: str) -> str:
    """The lines at the top of a text before its body starts (a `Căn cứ` line, a heading, a bullet)."""
    out = []
    for ln in head.splitlines():
        if _BODY_START.match(ln):
            break
        out.append(ln)
    return "\n".join(out)


def plan_span(text: str, title: Optional[str], ref_year: Optional[int]) -> Optional[str]:
    """A multi-year plan's span from its title (or the top of the text): `… giai đoạn 2024 - 2025`,
    `… đến năm 2025` issued in 2024 (`2024-2025`); None when the title names a single year."""
    head = title if title else _title_block(text[:400])
    ps = find_period_mentions(head)
    def deadline(p: PeriodMention) -> bool:
        return bool(roles().deadline.search(head[max(0, p.start - 20):p.start] + _DIGIT.split(head[p.start:p.end], maxsplit=1)[0]))

    if not ps or any(len(p.label) == 4 and not deadline(p) for p in ps):
        return None
    spans = [p.label for p in ps if p.is_span]
    if spans:
        return spans[0]
    last = ps[-1]
    if len(last.label) == 4 and ref_year is not None and ref_year < last.year <= ref_year + 10:
        return f"{ref_year}-{last.year}"
    return None


def title_spans(text: str, title: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    """The span a report's title names (`… nhiệm kỳ 2021 - 2026`, `tổng kết giai đoạn 2021 - 2025`, told once or
    again): what its figures count where their words name no period; and, when it names the span it reviews and
    the next one (`Tổng kết năm học 2025 - 2026 và phương hướng, nhiệm vụ năm học 2026 - 2027`), that next span,
    for its tasks ahead. (None, None) when the title names no span or a year besides."""
    ps = find_period_mentions(title if title else _title_block(text[:400]))
    if not ps or not all(p.is_span for p in ps):
        return None, None
    labels = list(dict.fromkeys(p.label for p in ps))
    if len(labels) == 1:
        return labels[0], None
    if len(ps) == 2 and labels[0][:4].isdigit() and labels[1][:4].isdigit() and int(labels[1][:4]) > int(labels[0][:4]):
        return labels[0], labels[1]
    return None, None


_FIGURE_NOT_YEAR = re.compile(r"(?<!\d)(?!(?:19|20)\d\d(?!\d))\d+")


def title_year_of(text: str, title: Optional[str]) -> Optional[int]:
    """The one year a plan's title names, from its title or the heading block at its top (opened by an
    upper-case line such as `KẾ HOẠCH`), not a deadline (`đến năm 2030`)."""
    head = title
    if not head:
        lines = _title_block(text[:400]).strip().split("\n")
        kept = []
        for ln in lines:
            if _FIGURE_NOT_YEAR.search(ln):
                break  # the body's first sentence: "Năm 2024, toàn huyện còn 2.127 hộ nghèo"
            kept.append(ln)
        head = "\n".join(kept) if lines[0].isupper() else ""
    years = [p for p in find_period_mentions(head) if len(p.label) == 4
             and not roles().deadline.search(head[max(0, p.start - 20):p.start] + _DIGIT.split(head[p.start:p.end], maxsplit=1)[0])]
    return years[0].year if len({p.year for p in years}) == 1 else None


def title_part_of(text: str, title: Optional[str]) -> Optional[str]:
    """The part of a year a report's title names (`Báo cáo kết quả 6 tháng đầu năm 2025` → 2025-H1)."""
    head = title
    if not head:
        block = _title_block(text[:400]).strip()
        head = block if block[:1].isupper() and block.split("\n")[0].isupper() else ""
    mentions = find_period_mentions(head)
    parts = [p for p in mentions if re.fullmatch(r"\d{4}-(?:H[12]|\d{1,2}M|Q\d)", p.label)]
    anchor = parts[0] if parts else next((p for p in mentions if re.fullmatch(r"\d{4}", p.label)), None)
    if anchor is None:
        return None
    # "… 6 tháng đầu năm, nhiệm vụ 6 tháng cuối năm 2025", "… 9 tháng đầu năm và phương hướng … cuối năm 2026":
    # the part written before the year is the one reported on
    earlier = partial_of(head[:anchor.start])
    return f"{anchor.label[:4]}-{earlier}" if earlier else (anchor.label if parts else None)


@lru_cache(maxsize=None)
def _doc_type_signs() -> tuple[list[tuple[str, list[str]]], list[tuple[str, str]], re.Pattern]:
    """(kind, its number symbols), (kind, its name in capitals) from doc_types.yaml, and the pattern of a
    line holding one of the names alone."""
    types = load_yaml("doc_types.yaml")
    symbols = [(code, spec.get("symbols", [])) for code, spec in types.items()]
    names = [(code, name.upper()) for code, spec in types.items() for name in spec.get("names", [])]
    alone = re.compile(rf"(?m)^[ \t]*({'|'.join(re.escape(name) for _, name in names)})[ \t]*$")
    return symbols, names, alone


_NUMBER_LINE = re.compile(r"Số\s*(?:hiệu)?\s*[:：]?\s*\d*\s*/\s*(?:\d{4}/)?([A-ZĐa-zđ]+)")


def guess_doc_type(text: str) -> Optional[str]:
    """The document's kind when metadata has not said it: the `Số: …/KH-…` line or the kind's name
    standing alone in capitals near the top; a web post otherwise."""
    head = text[:2500]
    symbols, names, alone = _doc_type_signs()
    m = _NUMBER_LINE.search(head)
    if m:
        sym = m.group(1)
        for code, syms in symbols:
            if sym in syms:
                return code
    found = {m.group(1) for m in alone.finditer(head)}
    for code, name in names:
        if name in found:
            return code
    return "news"
