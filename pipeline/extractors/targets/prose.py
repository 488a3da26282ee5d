"""Targets written in prose: sentences, `;`-runs, `-`/`+` bullets, `trong đó` sub-figures and
bracketed companions (`6 tháng đầu năm đạt 10.000 người (Cả năm là: 17.800 người)`)."""
from __future__ import annotations

import bisect
import re
from typing import Optional

from . import indicator as ind
from .comparator import comparator_for
from .context import Context
from .draft import Draft
from .filters import is_rank, qualifies_next, reject_reason
from .kind import kind_for, of_plan
from .period import partial_of, says_per_year, says_whole_year, year_of
from .quantities import Quantity
from .structure import bullet_of, items, lines, sentences

_TRONG_DO = re.compile(r"(?<!\w)trong\s+đó(?!\w)", re.IGNORECASE)
_OPEN_PAREN = re.compile(r"\(\s*(?:[^()]*)$")
_DIRECTION_JUST_BEFORE = re.compile(r"(?:^|\s)(?:giảm|tăng|giảm thêm|tăng thêm|có|đạt|phấn đấu|bình quân|còn|trên|dưới|khoảng|gần|hơn|ít nhất|tối thiểu|từ)\s*$", re.IGNORECASE)
_CHIEM_AFTER = re.compile(r"^[^;]{0,80}chiếm", re.IGNORECASE)
_PLAN_HINT = re.compile(r"kế hoạch|\bKH\b|chỉ tiêu|đạt\s+\d", re.IGNORECASE)
_ONLY_LINKS = re.compile(r"^[\s,:;(]*(?:và|hoặc|đạt|là|còn|,)*[\s,:;(]*$", re.IGNORECASE)


def prose_drafts(ctx: Context, table_spans: list[tuple[int, int]]) -> list[Draft]:
    text = ctx.text
    qs = ctx.quantities
    starts = [q.span[0] for q in qs]
    drafts: list[Draft] = []
    last_dash_main: Optional[int] = None
    for line in lines(text):
        if any(s <= line.start < e for s, e in table_spans) or ctx.skipped(line.start):
            continue
        lo = bisect.bisect_left(starts, line.start)
        hi = bisect.bisect_left(starts, line.end)
        line_qs = [q for q in qs[lo:hi] if q.span[1] <= line.end]
        bullet = bullet_of(text, line)
        if not line_qs:
            if bullet != "+":
                last_dash_main = None if bullet else last_dash_main
            continue
        line_first: Optional[int] = None
        for sent in sentences(text, line.start, line.end):
            sent_drafts: list[int] = []
            for it in items(text, sent.start, sent.end):
                seg_start = it.start
                for q in (q for q in line_qs if it.start <= q.span[0] < it.end):
                    d = _draft_for(ctx, q, it.start, seg_start, it.end, sent.start, line.start, drafts, sent_drafts)
                    if d is None:
                        continue
                    drafts.append(d)
                    idx = len(drafts) - 1
                    if bullet == "+" and last_dash_main is not None and d.parent is None and line_first is None:
                        d.parent = last_dash_main
                        _inherit_period(ctx, d, drafts[last_dash_main])
                    sent_drafts.append(idx)
                    if line_first is None:
                        line_first = idx
                    seg_start = q.span[1]
        if bullet != "+":
            last_dash_main = line_first if re.search(r"trong\s+đó\s*:?\s*$", text[line.start:line.end].strip().lower()) else None
    return drafts


def _inherit_period(ctx: Context, d: Draft, parent: Draft) -> None:
    if d.rules.get("period") in ("carry", "default", "section", None) and parent.period:
        d.period = parent.period
        d.rules["period"] = "parent"


def _draft_for(ctx: Context, q: Quantity, item_start: int, seg_start: int, item_end: int,
               sent_start: int, line_start: int, drafts: list[Draft], sent_drafts: list[int]) -> Optional[Draft]:
    text = ctx.text
    qs, qe = q.span
    left = text[item_start:qs]
    right_full = text[qe:item_end]
    if reject_reason(q, left, right_full, text[line_start:qs]):
        return None
    if qualifies_next(q, left, right_full):
        return None
    seg_left = text[seg_start:qs]
    rw, rw_end = ind.right_words(text, qe, item_end)
    left_ind = ind.clean(seg_left)
    right_ind = ind.clean(rw)
    unit_word = q.unit if q.unit and q.unit != "%" and "đồng" not in q.unit else None
    if unit_word and right_ind:
        right_ind = f"{unit_word.lower()} {right_ind}"
    elif unit_word and not left_ind:
        right_ind = unit_word.lower()
    in_paren = bool(_OPEN_PAREN.search(text[max(sent_start, qs - 60):qs])) and sent_drafts
    companion = in_paren or (sent_drafts and _ONLY_LINKS.match(seg_left) is not None)
    prev = drafts[sent_drafts[-1]] if sent_drafts else None
    if companion and prev is not None and (not left_ind or in_paren) and not right_ind.strip():
        indicator, start, end = prev.indicator, prev.start, qe
        shape = "companion"
    elif right_ind and (not left_ind or _DIRECTION_JUST_BEFORE.search(seg_left) and q.unit == "%" and not left_ind.startswith("tỷ lệ")):
        indicator, start, end = right_ind, qs, max(rw_end, qe)
        shape = "leading"
    elif left_ind:
        indicator, start, end = left_ind, ind.left_start(text, seg_start, qs), qe
        shape = "before"
    elif prev is not None:
        indicator, start, end = prev.indicator, prev.start, qe
        shape = "inherited"
    else:
        indicator, start, end = None, qs, qe
        shape = "bare"
    if indicator is None and not right_ind:
        lead = _lead_indicator(text, line_start, drafts)
        if lead is None:
            return None
        indicator = lead
        shape = "lead"
    if start > qs:
        start = qs
    d = Draft(value=q.value, value_max=q.value_max, unit=q.unit, start=start, end=end, fig_start=qs, fig_end=qe,
              indicator=indicator)
    d.rules["shape"] = shape
    d.rules["unit"] = "percent" if q.unit == "%" else ("count" if q.unit else "bare")
    comma = left.rfind(",")
    clause_left = left[comma + 1:] if comma >= 0 else left
    d.comparator, d.rules["comparator"] = comparator_for(seg_left if shape != "companion" else left, right_full,
                                                         q.unit, clause_left)
    if d.rules["comparator"] == "default" and prev is not None and len(left_ind.split()) <= 4 \
            and not re.search(r"đạt|là|:", seg_left) and prev.comparator in ("-=", "+=", "<", ">", ">="):
        d.comparator, d.rules["comparator"] = prev.comparator, "carried"
    if is_rank(left.lower()):
        d.unit = None
        d.comparator = "<=" if re.search(r"top\s*$", left.lower()) else "="
        d.rules["comparator"] = "rank"
    # trong đó: a sub-figure of the figure before it in the sentence
    if prev is not None and _TRONG_DO.search(text[prev.fig_end:qs]):
        d.parent = sent_drafts[-1] if not _TRONG_DO.search(text[prev.start:prev.fig_start]) else prev.parent
        if d.parent is None:
            d.parent = sent_drafts[-1]
    elif prev is not None and prev.parent is not None and _TRONG_DO.search(text[item_start:qs]) is None \
            and _TRONG_DO.search(text[sent_start:qs]):
        d.parent = prev.parent
    _resolve_period(ctx, d, q, seg_left, rw, text[sent_start:qs], line_start, prev, shape)
    para_left = text[max(0, line_start - 1500):qs]
    d.kind, d.rules["kind"] = kind_for(text[sent_start:qs], right_full, para_left, year_of(d.period), ctx.ref_year,
                                       ctx.plan)
    if d.rules["kind"] == "default":
        d.kind = "target" if ctx.plan else ctx.news_prior
    if of_plan(right_full):
        d.indicator = (d.indicator or "") + " so với kế hoạch"
    if q.total is not None and q.total != q.value and q.unit != "%":
        _fraction(ctx, d, q, right_full, drafts)
    return d


def _fraction(ctx: Context, d: Draft, q: Quantity, right: str, drafts: list[Draft]) -> None:
    """`9.550/ 28.000 người`: achieved against planned. The plan becomes its own target."""
    if _CHIEM_AFTER.match(right) or is_rank(ctx.text[max(0, q.span[0] - 25):q.span[0]].lower()):
        return
    partial = d.period and not re.fullmatch(r"\d{4}(-\d{4})?", d.period)
    if not (partial or _PLAN_HINT.search(right[:40])):
        return
    d.kind, d.rules["kind"] = "result", "fraction"
    plan = Draft(value=q.total, value_max=None, unit=q.unit, start=d.start, end=d.end, fig_start=d.fig_start,
                 fig_end=d.fig_end, kind="target", comparator="=", indicator=(d.indicator or "") + " (kế hoạch năm)",
                 period=str(year_of(d.period)) if d.period else None, parent=None)
    plan.rules = dict(d.rules, kind="fraction", shape="fraction_plan")
    d.rules["pair"] = plan


def _lead_indicator(text: str, line_start: int, drafts: list[Draft]) -> Optional[str]:
    """A bare figure's indicator from the list lead: the line before that ends with ':'."""
    prev_end = text.rfind("\n", 0, max(0, line_start - 1))
    lead = text[prev_end + 1:line_start].strip()
    if lead.endswith(":"):
        cleaned = ind.clean(lead)
        return cleaned or None
    return None


def _resolve_period(ctx: Context, d: Draft, q: Quantity, seg_left: str, rw: str, sent_left: str,
                    line_start: int, prev: Optional[Draft], shape: str) -> None:
    text = ctx.text
    qs, qe = q.span
    per_year = q.per_year or says_per_year(text[qe:qe + 12])
    local_text = seg_left + " " + rw
    part = partial_of(seg_left) or partial_of(rw)
    whole = says_whole_year(seg_left) or says_whole_year(rw)
    label, rule = None, None
    # right after the figure: "đạt 65% vào năm 2025", "(cuối năm 2015)"
    right_ps = [p for p in ctx.periods_in(qe, qe + 40 + len(rw)) if p.start - qe <= len(rw) + 25]
    right_ps = [p for p in right_ps if not re.search(r"[;]|\d\s*%", text[qe:p.start])]
    left_ps = ctx.periods_in(qs - len(seg_left), qs)
    if right_ps and (re.match(r"^[\s,]*(?:\(\s*)?(?:vào|đến|trong|tới|cuối|đầu|của)?\s*(?:hết\s+|cuối\s+|đầu\s+)?(?:năm|giai đoạn)", text[qe:right_ps[0].end], re.IGNORECASE)):
        label, rule = right_ps[0].label, "right"
    elif left_ps:
        label, rule = left_ps[-1].label, "left"
    else:
        sent_ps = ctx.periods_in(qs - len(sent_left), qs)
        sent_ps = [p for p in sent_ps if not ctx.is_deadline(p) or p.end > qs - len(seg_left) - 40]
        if sent_ps:
            label, rule = sent_ps[-1].label, "sentence"
    if label is None and prev is not None and d.parent is not None and prev.period:
        label, rule = prev.period, "parent"
    if label is None:
        label, rule = _carry(ctx, qs, per_year)
    if label is not None and per_year and rule in ("carry", "default"):
        spans = [p for p in ctx.periods_in(max(0, qs - 3000), qs + 400) if p.is_span]
        if spans:
            label, rule = spans[-1].label, "per_year_span"
    if label is not None and len(label) == 4:
        if part and not whole:
            label = f"{label}-{part}"
        elif not whole and not part and rule in ("carry", "default", "sentence"):
            sent_part = partial_of(sent_left)
            if sent_part and not says_whole_year(sent_left[-80:]):
                label = f"{label}-{sent_part}"
    elif label is None and part:
        label, rule = None, "partial_without_year"
    d.period, d.rules["period"] = label, rule
    if rule in ("right", "left") and re.search(r"(?:đến|vào|tới|cuối)\s+(?:năm\s+)?$", text[max(0, qs - 200):qs] if rule == "left" else ""):
        d.deadline = label
    elif rule == "right" and re.match(r"^[\s,(]*(?:vào|đến|tới)\s+năm", text[qe:qe + 20], re.IGNORECASE):
        d.deadline = label


def _carry(ctx: Context, pos: int, per_year: bool) -> tuple[Optional[str], Optional[str]]:
    """The period in force where a figure stands: the last one before it in its section (or its
    paragraph and the lead just before), not a deadline inside a cited title; else the section
    headings; else the document's own year."""
    sec = ctx.tree.at(pos) if ctx.tree else None
    scope_start = sec.heading[0] if sec else max(0, ctx.text.rfind("\n", 0, max(0, ctx.text.rfind("\n", 0, pos) - 1)))
    cands = [p for p in ctx.periods_in(scope_start, pos) if not ctx.is_deadline(p)]
    singles = [p for p in cands if len(p.label) >= 4 and not p.is_span]
    pick = (cands if per_year else singles or cands)
    if pick:
        return pick[-1].label, "carry"
    if sec is not None:
        for s in ctx.tree.chain(pos):
            ps = ctx.periods_in(s.heading[0], s.heading[1])
            if ps:
                return ps[-1].label, "section"
    if ctx.default_year is not None:
        return str(ctx.default_year), "default"
    return None, None
