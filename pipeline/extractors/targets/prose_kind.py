"""A prose figure's kind: the cue words, heading and paragraph before it (kind.kind_for), then what its own
sentence says over them: an estimate it opens on, a present state, a floor set for what is to come, a time before
the plan's, the plan's funds, its total's kind, a level it starts from, a plan quoted in brackets."""
from __future__ import annotations

import re

from .context import Context
from .draft import Draft
from .kind import kind_for, opens_on_estimate
from .period_context import before_plan, tells_present
from .period_in_force import label_gone_by
from .plan_names import without_plan
from .prose_siblings import follow_parent
from .prose_words import prose_words

# the kind rules that only read a cue word, a heading or the paragraph, which a floor set on the figure outweighs
_WEAK_KIND_RULES = frozenset({"cue", "section", "paragraph_cue", "default", "list_lead"})
_YEAR_MONTH = re.compile(r"\d{4}-\d\d")


def decide_kind(ctx: Context, d: Draft, drafts: list[Draft], item_start: int, sent_start: int, line_start: int,
                right_full: str, in_paren: bool) -> None:
    """Set `d.kind` (and the rule that gave it; a target quoted in a report on part of a year keeps only its year)."""
    text, qs = ctx.text, d.fig_start
    sec = ctx.tree.at(qs) if ctx.tree else None
    para_lo = max(0, line_start - 600, sec.heading[0] if sec is not None else 0)  # a cue does not cross a heading
    d.kind, d.rules["kind"] = kind_for(ctx.cues, item_start, sent_start, para_lo, qs, right_full,
                                       d.period, ctx.ref_year if ctx.ref_year is not None else ctx.title_year,
                                       ctx.plan, ctx.heading_kind(qs))
    # a section's kind gives way to a present state told in the figure's own clause, a default in its sentence
    told_from = sent_start if d.rules["kind"] == "default" else max(sent_start, text.rfind(";", 0, qs) + 1)
    if opens_on_estimate(text[sent_start:qs]):
        d.kind, d.rules["kind"] = "target", "estimate"  # "Dự toán thu nội địa năm 2025 … giao là 34.200 tỷ đồng"
    elif d.rules["kind"] in ("default", "section", "paragraph_cue") and tells_present(text[told_from:qs]):
        d.kind, d.rules["kind"] = "result", "present"  # "hiện toàn tỉnh còn 47 bản": the state the text starts from
    elif d.rules["kind"] == "default":
        d.kind = "target" if ctx.plan else ctx.news_prior
    if d.kind == "result" and d.comparator == ">=" and d.rules["kind"] in _WEAK_KIND_RULES and not label_gone_by(ctx, d.period):
        d.kind, d.rules["kind"] = "target", "floor"  # "tổ chức ít nhất 4 hội nghị …": a floor is set for what is to come
    if d.kind == "target" and d.rules["kind"] in ("section", "default", "paragraph_cue") and before_plan(ctx, d.period):
        d.kind, d.rules["kind"] = "result", "before_plan"  # an NQ for 2026-2030: "Giai đoạn 2021 - 2025, toàn tỉnh có 612 sản phẩm"
    funds = d.rules["period"] == "plan_funds" or d.parent is not None and drafts[d.parent].rules.get("kind") == "plan_funds"
    if funds and d.rules["kind"] != "target":
        d.kind, d.rules["kind"] = "target", "plan_funds"  # "Tổng nhu cầu vốn ước khoảng 520 tỷ đồng, trong đó …": what the plan needs
    if d.parent is not None and ctx.cues.nearest(item_start, qs) is None:
        follow_parent(d, drafts[d.parent])  # "… trồng mới được 1.245 ha rừng (…); trong đó rừng phòng hộ 410 ha"
    if d.rules["comparator"] == "from_level":
        d.kind, d.rules["kind"] = "result", "from_level"  # "từ 60% năm 2020 lên 70%": where it starts from
    if in_paren and _plan_in_brackets(text[max(0, qs - 160):qs]):
        d.kind, d.rules["kind"] = "target", "plan_in_brackets"
        if d.indicator:
            d.indicator = without_plan(d.indicator)
    own_month = d.rules["period"] in ("left", "right")  # "đến ngày 31/3/2027 hoàn thành …": a month of its own words
    if d.kind == "target" and d.period and not ctx.plan and (_YEAR_MONTH.fullmatch(d.period) and not own_month
                                                            or d.rules["period"] == "title_partial"
                                                            or d.rules["kind"] == "plan_in_brackets"):
        d.period = d.period[:4]  # a plan's figure quoted in a report on 6 tháng đầu năm: the year's


def _plan_in_brackets(left: str) -> bool:
    """`prose_words().plan_in_brackets.search(left)` tried only from the last `(`, `)`, `%` or `;` before the last
    `(`: a match ends on that bracket (and bracket leads), and none of these stands inside it before the bracket."""
    bracket = left.rfind("(")
    if bracket < 0:
        return False
    start = max(left.rfind(c, 0, bracket) for c in "()%;") + 1
    return prose_words().plan_in_brackets.search(left, start) is not None
