"""The period in force where a figure's own words name none: the year most written before it in its
section or paragraph, a year opening its paragraph (`Năm 2023, …`, `Năm qua, …`), the section headings,
the document's span or year; a plan's situation section narrates the year before it."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from .context import Context
from .lexicon import LineOpening, alternation, case_blind_alternation, data
from .list_kind import SENTENCE_END

PART_OF_YEAR = re.compile(r"^\d{4}-(?:H[12]|\d{1,2}M|Q\d|\d\d)$")  # "2024-H1", "2025-9M", "2024-Q2", "2024-09"


def in_result_section(ctx: Context, pos: int) -> bool:
    """Under a situation heading (Tình hình, Kết quả, Thực trạng, Đánh giá …)."""
    return ctx.tree is not None and ctx.heading_kind(pos) == "result"


def _heading_period(ctx: Context, pos: int) -> Optional[str]:
    """The period written in the nearest heading above `pos` that has one; in a plan, not a year gone told
    after the figure in its own numbered item (`1. Kiểm tra ít nhất 30% …, trong đó … cơ sở có vi phạm
    trong năm 2024 được kiểm tra lại`)."""
    for s in ctx.tree.chain(pos):
        ps = [p for p in ctx.periods_in(s.heading[0], s.heading[1]) if not ctx.is_comparison(p) and not ctx.yearless(p)
              and not (p.start > pos and ctx.plan and gone_by(ctx, p))]
        if ps:
            return ps[0].label
    return None


def _paragraphs_back(text: str, start: int, n: int, floor: int) -> int:
    """The start of the `n`-th paragraph (non-blank line) before `start`, not before `floor`."""
    at = start
    for _ in range(n):
        prev = text.rfind("\n", 0, max(0, at - 1))
        while prev > 0 and not text[prev:at].strip():
            prev = text.rfind("\n", 0, prev - 1)
        at = max(0, prev)
    return max(at, floor, 0)


def period_in_force(ctx: Context, pos: int) -> Optional[str]:
    """The period that holds at `pos` when the words there name none (a table column headed `Kế hoạch`)."""
    return carry(ctx, pos)[0]


def carry(ctx: Context, pos: int) -> tuple[Optional[str], Optional[str]]:
    """The period in force where a figure stands: the year most written before it in its section
    (or its paragraph and the one before), not a deadline nor a baseline; else the section
    headings; else the document's own year."""
    text = ctx.text
    sec = ctx.tree.at(pos) if ctx.tree else None
    run_start = _run_start(text, pos)
    if ctx.default_span is not None:  # a multi-year plan: a year in force holds for its own paragraph only
        scope_start = text.rfind("\n", 0, pos) + 1
    elif sec is not None:
        scope_start = max(sec.heading[1], pos - 6000)
    else:
        para = text.rfind("\n", 0, pos)
        scope_start = min(max(0, text.rfind("\n", 0, max(0, para - 1))), run_start)  # a bullet's list lead too
        if not ctx.plan and not any(not p.is_span and _holds(ctx, p, pos) for p in ctx.periods_in(scope_start, pos)):
            scope_start = _paragraphs_back(text, scope_start, 2, pos - 3000)  # a post's year runs on over its paragraphs
    opening = _opening_year(ctx, pos, run_start)
    if opening is not None:
        return opening, "carry"
    line_start = text.rfind("\n", 0, pos) + 1
    cands = [p for p in ctx.periods_in(scope_start, pos) if _holds(ctx, p, pos)
             and (p.start >= line_start or not PART_OF_YEAR.search(p.label))  # "6 tháng đầu năm 2024" holds for its line
             and not bracketed_before(text, p.start, p.end, pos) and not _singled_out_before(ctx, p, pos, line_start)]
    if ctx.plan and cands and ctx.heading_kind(pos) == "target":
        cands = [p for p in cands if p.start >= line_start or not _past_in_passing(ctx, p)]
    if not ctx.plan:
        own = [p for p in cands if p.start >= run_start]
        cands = own or cands  # a post's "giai đoạn 2025 - 2030 tỉnh cần …. Tỉnh sẽ đào tạo 500 người": not a year of the paragraph before
    singles = [p.label for p in cands if not p.is_span]
    if singles and ctx.plan and in_result_section(ctx, pos):
        return singles[-1], "carry"  # a plan's situation section narrates year after year: the last one told holds
    if singles:
        counts = {}
        for i, lab in enumerate(singles):
            counts[lab] = (counts.get(lab, (0, 0))[0] + 1, i)
        own = str(ctx.default_year) if ctx.default_year is not None else None
        told = max(counts.items(), key=lambda kv: (kv[1][0], kv[0] == own, kv[1][1]))[0]  # a tie: the document's own year
        heading = _heading_period(ctx, pos) if ctx.plan and sec is not None and ctx.heading_kind(pos) == "target" else None
        if heading is not None and len(heading) == 4 and told[:4] < heading:
            return heading, "section"  # "III. CHỈ TIÊU NĂM 2025": earlier years told in its items ("rừng đã trồng các năm 2023, 2024") are past
        if not any(p.label == told and ctx.in_force(p) for p in cands):
            return told, "deadline_lead"  # a whole year to reach, not a report's part of it
        return told, "carry"
    if cands and ctx.title_partial:
        return ctx.title_partial, "title_partial"  # a report on 6 tháng đầu năm 2025: not a span told in passing
    heading = _heading_period(ctx, pos) if sec is not None else None
    if cands and heading is not None and all(p.start < line_start for p in cands):
        return heading, "section"  # a span told in an earlier item ("vụ Đông Xuân 2024 - 2025") is that item's, not the heading's
    if cands:
        return cands[-1].label, "carry"  # only a span in force: "Năm học 2023 - 2024, …", "giai đoạn 2021-2025"
    parts = [p for p in ctx.periods_in(scope_start, line_start) if PART_OF_YEAR.search(p.label)
             and ctx.in_force(p) and not _singled_out_before(ctx, p, pos, line_start)
             and not bracketed_before(text, p.start, p.end, pos)]  # "(tháng 7/2022)": when a thing told was done
    if parts and (not ctx.plan or sec is not None and in_result_section(ctx, pos)):
        return parts[-1].label, "carry"  # "Chín tháng đầu năm 2024, …\nTrong đó, …": nothing else is in force
    if heading is not None:
        return heading, "section"
    plan_year = ctx.default_year if ctx.default_year is not None else ctx.ref_year
    if ctx.default_span is not None and ctx.default_span[:4].isdigit():  # a span's first year, once it has come
        plan_year = max(int(ctx.default_span[:4]), ctx.ref_year or 0)
    if ctx.ref_year is not None and plan_year is not None and plan_year - ctx.ref_year > 1:
        plan_year = ctx.ref_year  # a horizon ("đến năm 2030") is not the year the situation is told from
    if sec is not None and ctx.plan and plan_year is not None and in_result_section(ctx, pos):
        if ctx.doc_type in _NOTICES and ctx.ref_year is not None and ctx.issue_month is not None:
            return f"{ctx.ref_year}-{ctx.issue_month:02d}", "section_now"  # a notice's situation: as it stands when written
        return str(plan_year - 1), "section_past"  # a plan's situation section narrates the year before it
    if ctx.ahead_span is not None and ctx.heading_kind(pos) == "target":
        return ctx.ahead_span, "default"  # a report's tasks ahead: the next span its title names
    if ctx.default_span is not None:
        return ctx.default_span, "default"
    if ctx.default_year is not None:
        if ctx.ref_year is not None and ctx.default_year < ctx.ref_year and ctx.heading_kind(pos) == "target":
            return str(ctx.ref_year), "default"  # tasks ahead in a text issued after the year it reviews
        return str(ctx.default_year), "default"
    if ctx.title_partial:
        return ctx.title_partial, "title_partial"
    return None, None


_NOTICES = ("TB",)


def gone_by(ctx: Context, p) -> bool:
    """A period over before the year the text was written in."""
    return label_gone_by(ctx, p.label)


_SPAN_LABEL = re.compile(r"\d{4}-\d{4}")


def label_gone_by(ctx: Context, label: Optional[str]) -> bool:
    """gone_by for a period's label (`2025`, `2021-2025`, `2025-09`)."""
    own = ctx.ref_year if ctx.ref_year is not None else ctx.default_year
    if own is None or not label:
        return False
    last = label[-4:] if _SPAN_LABEL.fullmatch(label) else label[:4]
    return last.isdigit() and int(last) < own


def _past_in_passing(ctx: Context, p) -> bool:
    """A year gone told inside an earlier item of a plan's targets (`- Phấn đấu 70% hồ sơ hình thành từ năm
    2020 đến nay được số hóa;`) names which things that item counts; the next items are still the plan's."""
    if not gone_by(ctx, p):
        return False
    line_start = ctx.text.rfind("\n", 0, p.start) + 1
    return len(ctx.text[line_start:p.start].split()) >= 3


def _holds(ctx: Context, p, pos: int) -> bool:
    """In force, or the deadline leading the items after it: a list's lead (`mục tiêu đến hết năm 2025: 100% …;
    100% …`) or the first clause of a `;`-run (`phấn đấu đến năm 2030 có 50% …; tỷ trọng … đạt trên 20%`)."""
    if ctx.in_force(p):
        return True
    if not ctx.is_deadline(p) or ctx.is_comparison(p) or ctx.yearless(p):
        return False
    if not ctx.plan and gone_by(ctx, p):
        return True  # "đến hết năm 2025, tỷ lệ … đạt 96,8%. Toàn tỉnh có 412 công trình" in a post of 2026: where things stood
    text = ctx.text
    if text[p.end:p.end + 4].lstrip(" \t").startswith(":"):
        return True
    between = text[p.end:pos]
    return ";" in between and SENTENCE_END.search(between) is None


def _singled_out(text: str, p, pos: int) -> bool:
    """`Riêng năm 2024 hoàn thành 01 dự án.` in a plan's narrative of a span: a year singled out holds for its own
    sentence, not for the figures after it."""
    if SENTENCE_END.search(text, p.end, pos) is None:
        return False
    return _opening_patterns()[4].search(text, max(0, p.start - 16), p.start) is not None


def _singled_out_before(ctx: Context, p, pos: int, line_start: int) -> bool:
    """A period singled out (`Riêng tháng 6/2026, chỉ số IIP tăng 2,1%.`) holds no further than its own sentence in a
    plan, its own paragraph in a report or a post."""
    return (ctx.plan or p.start < line_start) and _singled_out(ctx.text, p, pos)


def bracketed_before(text: str, start: int, end: int, pos: int) -> bool:
    """A year in brackets closed before `pos` is an aside: `giảm 50% so với năm 2024 (năm 2024 toàn tỉnh
    xảy ra 118 ổ dịch);` leaves the plan's year in force for the next items."""
    opened = text.rfind("(", max(0, start - 200), start)
    if opened < 0 or text.find(")", opened, start) >= 0:
        return False
    return 0 <= text.find(")", end, pos)


@lru_cache(maxsize=None)
def _opening_patterns() -> tuple[LineOpening, LineOpening, LineOpening, re.Pattern, re.Pattern]:
    per = data("periods")
    leads = alternation(per["opening_year_leads"])
    sentence_marks = ".!?;:"
    year = LineOpening([(sentence_marks, rf"[\s\-+•*]*(?:(?:{leads})\s+)?năm\s*(?:19|20)\d\d\s*,\s*$")], re.IGNORECASE)
    openers = alternation(per['last_year_openers'])
    # "Năm qua, …" opening a sentence, or a label ending on it: "Tình hình thực hiện năm qua: …"
    last = LineOpening([(sentence_marks, rf"[\s\-+•*]*(?:{openers})\s*,"),
                        ("", rf"[\s\-+•*]*[^\n.:;\d]{{0,60}}?(?<!\w)(?:{openers})\s*:")], re.IGNORECASE)
    # "Năm nay, …" opening a sentence: the year of the text itself
    this = LineOpening([(sentence_marks, rf"[\s\-+•*]*(?:(?:{leads})\s+)?(?:{alternation(per['this_year'])})\s*,")],
                       re.IGNORECASE)
    any_opener = re.compile(f"{openers}|{alternation(per['this_year'])}")  # on lowercased text: where none is, neither can match
    single = re.compile(rf"{case_blind_alternation(per['singling_out'], whole_word=True)}\s+(?:năm\s*)?$", re.IGNORECASE)
    return year, last, this, any_opener, single


def _ends_run_line(line: str) -> bool:
    """`re.search(r"[;:,][ \\t]*$", line)` without trying every offset of the line."""
    if line.endswith("\n") and line[:-1].rstrip(" \t")[-1:] in (";", ":", ","):
        return True  # `$` also matches before a final newline
    return line.rstrip(" \t")[-1:] in (";", ":", ",")


def _run_start(text: str, pos: int, reach: int = 2000) -> int:
    """Where the paragraph of `pos` starts, counting as one paragraph the lines of a run of clauses broken
    after `;`, `:` or `,` ("Năm 2024, …:\n tốc độ … ;\n thu ngân sách …"); bounded, as a web page may be one line."""
    floor = max(0, pos - reach)
    start = text.rfind("\n", floor, pos) + 1
    while start > floor:
        prev_start = text.rfind("\n", floor, start - 1) + 1
        if not _ends_run_line(text[prev_start:start - 1]):
            break
        start = prev_start
    return max(start, floor)


def _opening_year(ctx: Context, pos: int, para: int) -> Optional[str]:
    """`Năm 2023, toàn tỉnh đã …`, `Tính đến hết năm 2023, …`, `Năm qua, …` (the year before the
    document's): a year opening a sentence of the figure's paragraph holds for the figures after it
    in that paragraph, over years written more often around it (`para`: where the paragraph starts, `_run_start`)."""
    text = ctx.text
    year_open, last_open, this_open, any_opener, _ = _opening_patterns()
    found, at = None, -1
    for p in ctx.periods_in(para, pos):
        if p.is_span or ctx.is_comparison(p) or len(p.label) != 4:
            continue
        if year_open.search(text, max(para, p.end - 60), min(pos, p.end + 2)):
            found, at = p.label, p.start
    base = ctx.ref_year if ctx.ref_year is not None else ctx.title_year
    low = ctx.low
    if base is not None and (low is None or any_opener.search(low, para, pos)):
        for m in last_open.finditer(text, para, pos):
            if m.start() > at:
                found, at = str(base - 1), m.start()
        for m in this_open.finditer(text, para, pos):
            if m.start() > at:
                found, at = str(base), m.start()
    return found
