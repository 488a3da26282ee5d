"""Where a figure stands in time: its period and deadline from its own words, its brackets, its
sentence, its `trong đó`/`+` parent, the year in force in its section or paragraph, or the
document's year (corpus/GOLD_FORMAT.md `period`)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple, Optional

from .context import Context
from .draft import Draft
from .kind import of_plan
from .lexicon import Ending, alternation, data
from .period import partial_of, says_per_year, says_whole_year
from .quantities import Quantity

class _Words(NamedTuple):
    """Patterns of the period words around a figure (rules/targets/periods.yaml)."""
    right_cue: re.Pattern  # "đạt 65% vào năm 2025", "(cuối năm 2015)": the period right after leads to it
    right_lead: re.Pattern  # a period written as "vào năm 2025", "cuối năm 2015" right after the figure
    same_period: re.Pattern  # a sentence opening on "Cùng kỳ"
    deadline_right: re.Pattern  # "đạt 90% vào cuối năm 2025": a deadline
    deadline_left: re.Pattern  # "đến hết năm 2025 đạt 90%"
    per_year_before: re.Pattern  # "… tham gia bảo hiểm y tế hằng năm đạt 100%": a yearly rate said before its figure
    per_year_end: Ending
    this_year: re.Pattern  # "năm nay": the year of the text itself


@lru_cache(maxsize=None)
def _words() -> _Words:
    per = data("periods")
    cues, edges, leads = alternation(per["right_cues"]), alternation(per["year_edges"]), alternation(per["deadline_leads"])
    due_edges = alternation(per["deadline_edges"])
    span = rf"(?:năm|{alternation(per['span_words'])})"
    per_year = [w for w in per["per_year"] if not w.startswith("/")]
    return _Words(
        right_cue=re.compile(rf"(?:{cues})\s+(?:(?:{edges})\s+)?(?:{span}|{alternation(per['right_cue_dates'])})?(?:\s+[IVX]{{1,3}}\s*/)?\s*$"
                             rf"|\(\s*(?:(?:{edges})\s+)?{span}?\s*$", re.IGNORECASE),
        right_lead=re.compile(rf"(?:{cues}|năm)\s"),
        this_year=re.compile(rf"(?<!\w)(?:{alternation(per['this_year'])})(?!\w)", re.IGNORECASE),
        same_period=re.compile(rf"^\W*(?:{alternation(per['same_period'])})", re.IGNORECASE),
        deadline_right=re.compile(rf"^[^;.]*?(?:{leads})\s+(?:(?:{due_edges})\s+)?năm", re.IGNORECASE),
        deadline_left=re.compile(rf"(?:{leads})\s+(?:(?:{due_edges})\s+)?năm\s+\d{{4}}", re.IGNORECASE),
        per_year_before=re.compile(rf"(?<!\w)(?:{alternation(per_year)})(?:\s+(?:{alternation(per['per_year_filler'])}))*\s*$",
                                   re.IGNORECASE),
        per_year_end=Ending(per_year, per["per_year_filler"], flags=re.IGNORECASE),
    )


_FIGURE_NEXT = re.compile(r"[ \t]*(?::[ \t]*)?(?:[^\d\s,;.()]+[ \t]+){0,3}\d")


def _leads_next(text: str, p) -> bool:
    """A period followed within a few words by a figure (`năm 2024 đạt 95%`) leads that figure."""
    return bool(_FIGURE_NEXT.match(text, p.end))


_PART_OF_YEAR = re.compile(r"^\d{4}-(?:H[12]|\d{1,2}M|Q\d)$")
_DECEMBER = re.compile(r"\d{4}-12")
_DAY_BEFORE_YEAR_END = re.compile(r"(?<!\d)(?:0?[1-9]|[12]\d|30)/12\b")
_YEAR = re.compile(r"\d{4}")
_CLAUSE_CUT = re.compile(r"[,;(]")
_STOP_OR_FIGURE = re.compile(r"[;.]|\d")
_DIGIT = re.compile(r"\d")
_YEAR_SPAN = re.compile(r"\d{4}-\d{4}")


def _normal(label: Optional[str], said: str = "") -> Optional[str]:
    """`đến 31/12/2017` is the whole year 2017; `đến ngày 15/12/2024` stands at December."""
    if label and _DECEMBER.fullmatch(label) and not _DAY_BEFORE_YEAR_END.search(said):
        return label[:4]
    return label


def inherit_period(d: Draft, parent: Draft) -> None:
    """A `+` sub-item with no period of its own stands in its `-` parent's period."""
    if d.rules.get("period") in ("carry", "default", "section", None) and parent.period:
        d.period = parent.period
        d.rules["period"] = "parent"


def resolve_period(ctx: Context, d: Draft, q: Quantity, seg_left: str, rw: str, sent_left: str,
                   prev: Optional[Draft]) -> None:
    """Period and deadline of a figure: the words right after it, then its own words, its sentence,
    its parent, the year in force in its section, the document's year."""
    text = ctx.text
    qs, qe = q.span
    words = _words()
    per_tail = seg_left[-40:]
    per_year = q.per_year or says_per_year(text[qe:qe + 12]) \
        or words.per_year_end.may_end(per_tail) and bool(words.per_year_before.search(per_tail))
    part = _partial_in(ctx, qs - len(seg_left), qs) or _partial_in(ctx, qe, qe + len(rw))
    whole = says_whole_year(seg_left) or not of_plan(text[qe:qe + 80]) \
        and says_whole_year(_CLAUSE_CUT.split(rw[:20], maxsplit=1)[0])  # not the next clause's "ước cả năm"; "72,9% kế hoạch năm" is of the year's plan
    label, rule, chosen = None, None, None
    sent_start = qs - len(sent_left)
    sent_end = text.find(".", qe)
    sent_end = len(text) if sent_end < 0 else sent_end
    # right after the figure: "đạt 65% vào năm 2025", "(cuối năm 2015)", "… theo quy định vào năm 2025"
    for p in ctx.periods_in(qe, min(qe + 160, sent_end + 1)):
        between = text[qe:p.start]
        if _STOP_OR_FIGURE.search(between) or ctx.is_baseline(p):
            break
        if "," in between and _leads_next(text, p):
            break  # "…: 6 tháng đạt 50%, năm 2024 đạt 95%": the year opens the next figure's clause
        ptext = text[p.start:p.end]
        prefix = _DIGIT.split(ptext, maxsplit=1)[0]
        if words.right_cue.search(between + prefix) or (not between.strip(" ,(") and words.right_lead.match(prefix.lower())):
            label, rule, chosen = p.label, "right", p
        break
    if label is None:
        seg_lo = qs - len(seg_left)
        left_ps = [p for p in ctx.periods_in(seg_lo, qs) if not ctx.is_baseline(p)
                   and not (prev is not None and prev.fig_end == seg_lo and not text[seg_lo:p.start].strip(" ,(")
                            and not _leads_next(text, p))]
        if left_ps:
            label, rule, chosen = left_ps[-1].label, "left", left_ps[-1]
    if label is None and prev is not None and d.parent is not None and prev.period:
        label, rule = prev.period, "parent"
    if label is None:
        sent_ps = [p for p in ctx.periods_in(max(sent_start, qs - 2000), qs) if not ctx.is_baseline(p)]
        sent_ps = [p for p in sent_ps if not ctx.is_deadline(p) or p.end > qs - len(seg_left) - 40
                   or _opens_sentence(text, sent_start, p)]
        singles = [p for p in sent_ps if not p.is_span]
        if sent_ps:
            chosen = (singles or sent_ps)[-1]
            label, rule = chosen.label, "sentence"
    if per_year and not (label and _YEAR_SPAN.fullmatch(label) and rule in ("right", "left")):
        spans = [p for p in ctx.periods_in(max(sent_start, qs - 2000), min(sent_end, qe + 2000)) if p.is_span and (not ctx.is_baseline(p) or ctx.is_naming(p))]
        if spans:
            item_lo = qs - len(seg_left)
            best = min(spans, key=lambda p: (0 if p.start >= item_lo else 1, abs(p.start - qs)))
            label, rule = best.label, "per_year_span"
        elif ctx.default_span is not None and (label is None or chosen is not None and ctx.yearless(chosen)):
            label, rule = ctx.default_span, "per_year_span"  # "… hằng năm đạt 100%" in a plan for 2024 - 2025
    if label is None and prev is not None and d.parent is not None and prev.period:
        label, rule = prev.period, "parent"
    if label is None:
        label, rule = _carry(ctx, qs)
    if chosen is not None and rule in ("left", "sentence") and ctx.yearless(chosen) \
            and words.this_year.search(text, chosen.start, chosen.end + 4) and ctx.ref_year is not None:
        label = str(ctx.ref_year) + label[4:]  # "Trong năm nay, …": the year of the text itself, whatever was told before
    elif chosen is not None and rule in ("left", "sentence") and ctx.yearless(chosen) \
            and (not ctx.plan or _in_result_section(ctx, qs)):
        carried, _ = _carry(ctx, qs)
        if carried and _YEAR.fullmatch(carried) and label and label[:4] != carried:
            label = carried + label[4:]  # "Theo kết quả rà soát cuối năm," in a post about last year
    label = _normal(label, text[chosen.start:chosen.end] if chosen is not None else "")
    if label is not None and whole and re.fullmatch(r"\d{4}-(?:H[12]|\d{1,2}M|Q\d|\d\d)", label):
        label = label[:4]
    if label is not None and len(label) == 4:
        if part and not whole:
            label = f"{label}-{part}"
        elif not whole and not part and rule in ("carry", "default", "sentence", "section"):
            sent_part = _partial_in(ctx, max(sent_start, qs - 300), qs)
            if sent_part and not says_whole_year(sent_left[-80:]):
                label = f"{label}-{sent_part}"
            elif ctx.lead_partial and rule in ("carry", "default"):
                label, rule = f"{label}-{ctx.lead_partial}", "lead_partial"
            elif ctx.title_partial and rule in ("carry", "default") and ctx.title_partial[:4] == label:
                label, rule = ctx.title_partial, "title_partial"  # "Sơ kết 6 tháng đầu năm 2025": its figures
        elif ctx.lead_partial and not whole and not part and words.same_period.match(sent_left):
            label = f"{label}-{ctx.lead_partial}"
    d.period, d.rules["period"] = label, rule
    before = text[max(0, qs - len(seg_left)):qs]
    if rule == "right" and words.deadline_right.match(text[qe:qe + 160]):
        d.deadline = label
    elif chosen is not None and ctx.is_deadline(chosen) and label == chosen.label:
        d.deadline = label
    elif rule == "left" and words.deadline_left.search(before):
        d.deadline = label


def _partial_in(ctx: Context, start: int, end: int) -> Optional[str]:
    """`partial_of(text[start:end])`, not asked where no part-of-year word is written."""
    return partial_of(ctx.text[start:end]) if ctx.may_say_partial(start, end) else None


def _in_result_section(ctx: Context, pos: int) -> bool:
    """Under a situation heading (Tình hình, Kết quả, Thực trạng, Đánh giá …)."""
    return ctx.tree is not None and ctx.heading_kind(pos) == "result"


def _opens_sentence(text: str, sent_start: int, p) -> bool:
    """`Phấn đấu đến năm 2025, A; B; C.`: a deadline opening the sentence before a comma holds for all of it."""
    return len(text[sent_start:p.start].strip()) <= 25 and text[p.end:p.end + 2].lstrip(" ").startswith(",")


def _heading_period(ctx: Context, pos: int) -> Optional[str]:
    """The period written in the nearest heading above `pos` that has one."""
    for s in ctx.tree.chain(pos):
        ps = [p for p in ctx.periods_in(s.heading[0], s.heading[1]) if not ctx.is_comparison(p) and not ctx.yearless(p)]
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
    return _carry(ctx, pos)[0]


def _carry(ctx: Context, pos: int) -> tuple[Optional[str], Optional[str]]:
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
        if not ctx.plan and not any(not p.is_span and not ctx.yearless(p) and not ctx.is_deadline(p) and not ctx.is_comparison(p)
                                    for p in ctx.periods_in(scope_start, pos)):
            scope_start = _paragraphs_back(text, scope_start, 2, pos - 3000)  # a post's year runs on over its paragraphs
    opening = _opening_year(ctx, pos, run_start)
    if opening is not None:
        return opening, "carry"
    line_start = text.rfind("\n", 0, pos) + 1
    cands = [p for p in ctx.periods_in(scope_start, pos) if ctx.in_force(p)
             and (p.start >= line_start or not _PART_OF_YEAR.search(p.label))]  # "6 tháng đầu năm 2024" holds for its line
    singles = [p.label for p in cands if not p.is_span]
    if singles and ctx.plan and _in_result_section(ctx, pos):
        return singles[-1], "carry"  # a plan's situation section narrates year after year: the last one told holds
    if singles:
        counts = {}
        for i, lab in enumerate(singles):
            counts[lab] = (counts.get(lab, (0, 0))[0] + 1, i)
        own = str(ctx.default_year) if ctx.plan and ctx.default_year is not None else None
        return max(counts.items(), key=lambda kv: (kv[1][0], kv[0] == own, kv[1][1]))[0], "carry"  # a tie: the plan's own year
    if cands and ctx.title_partial:
        return ctx.title_partial, "title_partial"  # a report on 6 tháng đầu năm 2025: not a span told in passing
    heading = _heading_period(ctx, pos) if sec is not None else None
    if cands and heading is not None and all(p.start < line_start for p in cands):
        return heading, "section"  # a span told in an earlier item ("vụ Đông Xuân 2024 - 2025") is that item's, not the heading's
    if cands:
        return cands[-1].label, "carry"  # only a span in force: "Năm học 2023 - 2024, …", "giai đoạn 2021-2025"
    parts = [p for p in ctx.periods_in(scope_start, line_start) if _PART_OF_YEAR.search(p.label)
             and ctx.in_force(p)]
    if parts and not ctx.plan:
        return parts[-1].label, "carry"  # "Chín tháng đầu năm 2024, …\nTrong đó, …": nothing else is in force
    if heading is not None:
        return heading, "section"
    if ctx.default_span is not None:
        return ctx.default_span, "default"
    plan_year = ctx.default_year if ctx.default_year is not None else ctx.ref_year
    if ctx.ref_year is not None and plan_year is not None and plan_year - ctx.ref_year > 1:
        plan_year = ctx.ref_year  # a horizon ("đến năm 2030") is not the year the situation is told from
    if sec is not None and ctx.plan and plan_year is not None and _in_result_section(ctx, pos):
        return str(plan_year - 1), "section_past"  # a plan's situation section narrates the year before it
    if ctx.default_year is not None:
        return str(ctx.default_year), "default"
    if ctx.title_partial:
        return ctx.title_partial, "title_partial"
    return None, None


@lru_cache(maxsize=None)
def _opening_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    per = data("periods")
    leads = alternation(per["opening_year_leads"])
    year = re.compile(rf"(?:^|[.!?;:]\s+|\n)[\s\-+•*]*(?:(?:{leads})\s+)?năm\s*(?:19|20)\d\d\s*,\s*$", re.IGNORECASE | re.MULTILINE)
    openers = alternation(per['last_year_openers'])
    # "Năm qua, …" opening a sentence, or a label ending on it: "Tình hình thực hiện năm qua: …"
    last = re.compile(rf"(?:^|[.!?;:]\s+|\n)[\s\-+•*]*(?:{openers})\s*,|(?:^|\n)[\s\-+•*]*[^\n.:;\d]{{0,60}}?(?<!\w)(?:{openers})\s*:",
                      re.IGNORECASE | re.MULTILINE)
    any_opener = re.compile(openers)  # on lowercased text: where none is, `last` cannot match
    return year, last, any_opener


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
    year_open, last_open, any_opener = _opening_patterns()
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
    return found
