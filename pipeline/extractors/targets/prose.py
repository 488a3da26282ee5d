"""Targets written in prose: sentences, `;`-runs, `-`/`+` bullets, `trong đó` sub-figures and
bracketed companions (`6 tháng đầu năm đạt 10.000 người (Cả năm là: 17.800 người)`)."""
from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import lru_cache
from typing import Optional

from . import indicator as ind
from .average_names import per_unit_average
from .comparator import comparator_for
from .context import Context, in_quoted_name
from .draft import Draft
from .filters import at_most_rank, class_unit, per_unit_measure, ranks, reject_reason
from .kind import of_plan, of_plan_end
from .lexicon import data, is_measure, is_multiplier, known_unit
from .period_context import inherit_period, leads_next, resolve_period
from .plan_names import compared_with_plan
from .prose_context import (accompanying_measure, baseline_after, baseline_then_change, change_only, context_indicator, fraction_plan,
                            lead_indicator, lead_measure, multiple_of, only_baseline, share_of_whole, with_counted_object)
from .prose_indicator import casualties, ends_happening, listed_under, names_place, own_noun, parallel_indicator, short_lead
from .prose_kind import decide_kind
from .prose_siblings import (distributes, estimate_before, name_source, parent_of, place_list_unit, running_total,
                             share_predicate)
from .prose_words import figure_words, prose_words
from .qualifiers import counted_class, qualifies_group, qualifies_indicator, qualifies_next, share_class
from .quantities import Quantity
from .rank_names import rank_indicator, rank_steps
from .responsible import responsible_for
from .structure import Span, bullet_of, items, leads_sublist, lines, sentences

_OPEN_PAREN = re.compile(r"\(\s*(?:[^()]*)$")
_TIME_OPENER_GAP = 12  # "đến hết ", "trong ": the words a clause's time may open with after the coordinator
_CLOSED_BY_COMMA = re.compile(r"\d\s*%\s*,")  # a class's rate inside a count's words, then a comma: the words end
_RATE_TAIL = re.compile(r"(?:/[ \t]*(?:[^\W\d_]+|[\d.,]+[ \t]+dân))*")  # "/người/năm", "/100.000 dân" after a unit


def prose_drafts(ctx: Context, table_spans: list[tuple[int, int]], text_lines: Optional[list[Span]] = None) -> list[Draft]:
    """Drafts of the lines outside tables (`text_lines`: the document's lines, or spans to read as lines)."""
    text = ctx.text
    qs = ctx.quantities
    starts = [q.span[0] for q in qs]
    drafts: list[Draft] = []
    last_dash_main: Optional[int] = None  # the figure of the last line ending in "trong đó:", "gồm:" …
    lead_bullet = ""
    for line in text_lines if text_lines is not None else lines(text):
        lo = bisect.bisect_left(starts, line.start)
        hi = bisect.bisect_left(starts, line.end)
        if lo == hi and last_dash_main is None:
            continue  # no figure, no list lead to keep or drop
        if any(s <= line.start < e for s, e in table_spans) or ctx.skipped(line.start) or ctx.under_conditions(line.start):
            continue
        line_qs = [q for q in qs[lo:hi] if q.span[1] <= line.end]
        line_starts = [q.span[0] for q in line_qs]
        bullet = bullet_of(text, line)
        sub = bool(bullet) and last_dash_main is not None and _bullet_kind(bullet) != _bullet_kind(lead_bullet)
        if not line_qs:
            if not sub:
                last_dash_main = None if bullet else last_dash_main
            continue
        line_first: Optional[int] = None
        for sent in sentences(text, line.start, line.end):
            sent_drafts: list[int] = []
            for it in items(text, sent.start, sent.end):
                seg_start = item_start = it.start
                it_qs = line_qs[bisect.bisect_left(line_starts, it.start):bisect.bisect_left(line_starts, it.end)]
                own = [k > 0 and not _group_qualifier(text, n, it.start, it.end) for k, n in enumerate(it_qs)]
                next_own = _next_own_starts(it_qs, own, it.end)
                for k, q in enumerate(it_qs):
                    if q.unit is None and sent_drafts:
                        unit = place_list_unit(text, drafts[sent_drafts[-1]], q.span[0])
                        q = q if unit is None else replace(q, unit=unit)
                    d = _draft_for(ctx, q, item_start, seg_start, it.end, sent.start, line.start, drafts, sent_drafts,
                                   next_own[k], None if k == 0 else not own[k])
                    if d is None:
                        continue
                    drafts.append(d)
                    idx = len(drafts) - 1
                    if sent_drafts:
                        share_predicate(text, drafts[sent_drafts[-1]], d)
                    if sub and d.parent is None and line_first is None \
                            and _unit_family(drafts[last_dash_main].unit) == _unit_family(d.unit):
                        d.parent = last_dash_main
                        inherit_period(d, drafts[last_dash_main])
                    sent_drafts.append(idx)
                    if line_first is None:
                        line_first = idx
                    seg_start = q.span[1] + _RATE_TAIL.match(text, q.span[1], it.end).end() - q.span[1]  # past "/người/năm"
                    seg_start += of_plan_end(text[seg_start:min(it.end, seg_start + 80)])  # past "… kế hoạch"
                    seg_start = max(seg_start, d.rules.get("told_to", seg_start))  # past "… về lượng"
                    between = text[d.rules["rw_end"]:it_qs[k + 1].span[0]] if k + 1 < len(it_qs) else None
                    if between is not None and (prose_words().coordinated.match(between) or prose_words().list_on.match(between)
                                                or prose_words().share_of_before.match(between)):
                        seg_start = d.rules["rw_end"]
                    elif between is not None and (opened := _time_opened_clause(ctx, q.span[1], it_qs[k + 1].span[0])):
                        seg_start = item_start = opened.end()
        attached = sub and line_first is not None and drafts[line_first].parent == last_dash_main
        opens_sublist = leads_sublist(_lowered(text, ctx.low, line.start, line.end).strip())
        if not attached or opens_sublist:
            last_dash_main = line_first if opens_sublist else None
            lead_bullet = bullet
    for d in drafts:
        if d.parent is not None and d.unit == drafts[d.parent].unit and _unit_family(d.unit) == "money":
            name_source(d, drafts[d.parent])
    return drafts


@lru_cache(maxsize=None)
def _per_year_openers() -> frozenset:
    return frozenset(w.lower() for w in data("periods")["per_year_openers"])




def _time_opened_clause(ctx: Context, end: int, next_start: int) -> Optional[re.Match]:
    """`… trên 95% kế hoạch vốn và đến ngày 31/01/2028 giải ngân 100%`: the coordinator opening a clause with a time
    of its own that leads the next figure (None when the words between hold no such clause)."""
    text = ctx.text
    for m in prose_words().coordinator.finditer(text, end, next_start):
        for p in ctx.periods_in(m.end(), next_start):
            if p.start - m.end() <= _TIME_OPENER_GAP and not any(ch.isdigit() for ch in text[m.end():p.start]) \
                    and leads_next(text, p):
                return m
            break
    return None


def _before_next_verbs(words: str) -> int:
    """`500 dự án và giải ngân 4.800 tỷ đồng`, `1.562 vụ, phát hiện và xử lý 1.204 vụ`: where the words after a
    figure end when a coordinator or a comma and only the verbs of the next figure follow them (their length
    otherwise)."""
    for m in prose_words().coordinator.finditer(words):
        lead = words[m.end():]
        if lead.strip() and ind.object_verb_start(lead + " ") == 0:
            return m.start()
    comma = words.find(",")
    while comma > 0:
        lead = words[comma + 1:].lstrip()
        if lead and ind.object_verb_start(lead + " ") == 0:
            return comma
        comma = words.find(",", comma + 1)
    return len(words)


def _next_own_starts(qs: list[Quantity], own: list[bool], end: int) -> list[int]:
    """For each figure, where the next figure with an indicator of its own starts (`end` when none follows)."""
    out = [end] * len(qs)
    nxt = end
    for k in range(len(qs) - 1, -1, -1):
        out[k] = nxt
        if own[k]:
            nxt = qs[k].span[0]
    return out


def _lowered(text: str, low: Optional[str], start: int, end: int) -> str:
    """text[start:end] lowercased: a slice of the document lowercased once when the context has it."""
    return text[start:end].lower() if low is None else low[start:end]


def _group_qualifier(text: str, q: Quantity, start: int, end: int) -> bool:
    """`100% doanh nghiệp sử dụng trên 50 lao động có …`, `có 23 xã đạt tỷ lệ tiêm dưới 80%`: the later figure
    belongs to this one's indicator."""
    left = text[max(start, q.span[0] - 400):q.span[0]]
    return qualifies_group(left, text[q.span[1]:min(end, q.span[1] + 400)]) or q.unit == "%" and (share_class(left) or counted_class(left)) \
        or class_unit(q.unit) and not per_unit_measure(q.unit.lower(), text[q.span[1]:q.span[1] + 40])
    # "71 sản phẩm đạt 3 sao": the stars are the class of what is counted; "bình quân 17,2 tiêu chí/xã" is a figure


def _unit_family(unit: Optional[str]) -> str:
    """Sub-items break their lead's figure down in its own kind of unit: %, money or a count."""
    if unit == "%":
        return "%"
    return "money" if unit and "đồng" in unit.lower() else "count"


def _bullet_kind(bullet: str) -> str:
    """`-`, `+`, `1.`→`1`, `a)`→`a`: items of one list share a kind; a sub-list uses another."""
    if bullet[:1].isdigit():
        return "1"
    if bullet[:1].isalpha():
        return "a"
    return "-" if bullet in ("-", "–") else bullet


def _fronted_baseline(text: str, sent_start: int, qs: int) -> Optional[str]:
    """The baseline a sentence opens on, set off by a comma before the figure (`So với năm 2023, số vụ giảm 12 vụ`)."""
    comma = text.find(",", sent_start, qs)
    return ind.fronted_baseline(text[sent_start:comma]) if comma > 0 else None


def _draft_for(ctx: Context, q: Quantity, item_start: int, seg_start: int, item_end: int,
               sent_start: int, line_start: int, drafts: list[Draft], sent_drafts: list[int],
               next_start: int, grouped: Optional[bool]) -> Optional[Draft]:
    text, low = ctx.text, ctx.low
    qs, qe = q.span
    left_start, right_end = max(item_start, qs - 400), min(item_end, qe + 400)  # bounded: a web page may be one endless sentence
    left = text[left_start:qs]
    right_full = text[qe:right_end]
    low_left = low[left_start:qs] if low is not None else None
    low_right = low[qe:right_end] if low is not None else None
    if reject_reason(q, left, right_full, text[max(line_start, qs - 200):qs], low_left, low_right) \
            or in_quoted_name(text, qs):  # Đề án “Trồng 1 tỷ cây xanh”: the scheme's name
        return None
    if qualifies_next(q, left, right_full, low_left) or qualifies_indicator(left, right_full, grouped):
        return None
    seg_left = text[seg_start:qs]
    rw, rw_end = ind.right_words(text, qe, item_end)
    if rw_end > next_start:
        rw_end = next_start
        while rw_end > qe and text[rw_end - 1] in " \t":
            rw_end -= 1
        rw_end = qe + _before_next_verbs(text[qe:rw_end])
        rw = text[qe:rw_end]
    elif (closed := _CLOSED_BY_COMMA.search(rw)) is not None:
        rw_end = qe + closed.start() + len(closed.group(0)) - 1  # "… có tỷ lệ giải ngân dưới 50%, chủ yếu do …"
        rw = text[qe:rw_end]
    if next_start < item_end and (opened := _time_opened_clause(ctx, qe, next_start)) is not None and opened.start() < rw_end:
        rw_end = opened.start()  # "… trên 85% và đến hết thời gian giải ngân (31/01/2028) đạt 100%": the next figure's words
        while rw_end > qe and text[rw_end - 1] in " \t":
            rw_end -= 1
        rw = text[qe:rw_end]
    sub_figure = prose_words().breakdown_end.search(seg_left) is not None
    # "16 xe, trong đó 05 xe đã sử dụng trên 10 năm": a sub-figure's own words follow it
    left_ind = "" if sub_figure else ind.clean(seg_left)
    if left_ind in _per_year_openers():
        left_ind = ""  # "Hằng năm, ít nhất 80% cán bộ … được bồi dưỡng": the words after the figure name it
    against_plan = of_plan(right_full)
    closed = q.unit == "%" and rw.lstrip(" \t").startswith(",")  # "… tăng 12,6%, tiếp tục là động lực …": a new clause
    multiple = multiple_of(rw) if is_multiplier(q.unit) else None  # "gấp 1,4 lần cùng kỳ": of the same period
    dimension = ind.dimension_of(rw) if q.unit == "%" else None  # "tăng 5,4% về lượng"
    if dimension is not None:
        rw_end = qe + dimension.end()
        rw = text[qe:rw_end]
    right_core = "" if against_plan or closed or multiple or dimension or ind.gives_reason(rw) else ind.clean(rw, keep="first")
    right_ind = right_core
    unit_word = q.unit if q.unit and q.unit != "%" and not q.money and not is_multiplier(q.unit) else None
    named = None if is_measure(unit_word) else unit_word  # "120 hộ nghèo": hộ nghèo; "120 ha rừng": rừng
    if named and right_ind:
        right_ind = f"{named.lower()} {right_ind}"
    elif named and not left_ind:
        right_ind = named.lower()
    in_paren = bool(_OPEN_PAREN.search(text[max(sent_start, qs - 60):qs])) and sent_drafts
    seg_words = ind.strip_periods(seg_left)
    companion = in_paren or (sent_drafts and prose_words().only_links.match(seg_words) is not None)
    if sent_drafts and left_ind and only_baseline(left_ind):
        left_ind, companion = "", True  # "tăng 11,2% so với cùng kỳ, đạt 73,5% kế hoạch năm"
    prev = drafts[sent_drafts[-1]] if sent_drafts else None
    if prev is None and drafts and drafts[-1].fig_end >= line_start and not right_core.strip() \
            and seg_words != seg_left.strip(" ,;.").lower() \
            and prose_words().only_links.match(seg_words):
        prev, companion = drafts[-1], True  # "…: 6 tháng đầu năm 1.200 người. Cả năm: 3.000 người."
    prev_ind = prev.rules.get("base_indicator", prev.indicator) if prev is not None else None
    money_object = q.money and figure_words().money_object.match(right_full) is not None
    verb_at = ind.object_verb_start(seg_left) if (unit_word or money_object) and not is_multiplier(q.unit) and not companion else None
    if verb_at is not None and (left_ind + " ").startswith(prose_words().rate_heads):
        verb_at = None
    verb_lead = short_lead(left_ind) if right_core and not companion and verb_at is None and seg_start == item_start \
        and not figure_words().leads(seg_left) and (next_start >= item_end or text[rw_end:next_start].strip()) else None
    # "100% đối tượng … được hưởng" right after a comma leads a clause of its own
    comma_lead = "," in seg_left and not seg_left[seg_left.rfind(",") + 1:].strip() and figure_words().predicate.search(right_core)
    if verb_at is not None and right_core:  # "đưa 20 sản phẩm OCOP lên sàn …": verb, count, object
        words = figure_words()
        verbs = words.bound_tail.sub("", ind.clean(seg_left[verb_at:], keep="first"))
        from_bound = words.from_tail.search(verbs)
        if from_bound:  # "thành lập mới từ 120 câu lạc bộ … trở lên": the bound's words on both sides
            verbs, right_ind = verbs[:from_bound.start()], words.up_tail.sub("", right_ind)
        happened = verbs.strip().removesuffix(" được") in words.happening_verbs  # "tổ chức được 20 buổi"
        named_verbs = "" if happened and right_ind.strip() else verbs
        indicator, start, end = f"{named_verbs} {right_ind}".strip(), seg_start + verb_at, max(rw_end, qe)
        shape = "leading"
    elif verb_at is not None and ind.clean(seg_left[verb_at:]):  # "… huyện cho vay giải quyết việc làm cho 300 lao động"
        indicator, start, end = ind.clean(seg_left[verb_at:]), seg_start + verb_at, qe
        shape = "before"
    elif verb_lead is not None:
        named_lead = "" if ends_happening(verb_lead, figure_words().happening_verbs) else verb_lead  # "xảy ra 45 vụ …"
        indicator, start, end = f"{named_lead} {right_ind}".strip(), ind.left_start(text, seg_start, qs), max(rw_end, qe)
        start += max(_lowered(text, low, start, qs).find(verb_lead), 0)
        shape = "leading"
    elif comma_lead:
        indicator, start, end = right_ind, qs, max(rw_end, qe)
        shape = "leading"
    elif companion and prev is not None and (not left_ind or in_paren) and not right_core.strip():
        indicator, start, end = own_noun(prev_ind, prev.unit, named), prev.start, qe
        shape = "companion"
    elif right_ind and (not left_ind or figure_words().leads(seg_left) and not (left_ind + " ").startswith(prose_words().rate_heads)):
        indicator, start, end = right_ind, qs, max(rw_end, qe)
        shape = "leading"
    elif left_ind:
        indicator, start, end = left_ind, ind.left_start(text, seg_start, qs), qe
        at = _lowered(text, low, start, qs).find(left_ind[:24]) if left_ind else -1
        if at > 0:
            start += at  # the evidence starts where the indicator does, after leads and clause openers
        shape = "before"
    elif prev is not None:
        indicator, start, end = prev_ind, prev.start, qe
        shape = "inherited"
    else:
        indicator, start, end = None, qs, qe
        shape = "bare"
    if shape == "before" and named and right_core and indicator == left_ind \
            and ends_happening(left_ind, figure_words().happening_verbs):
        core = prose_words().own_words_end.split(right_core, maxsplit=1)[0].strip()  # "xảy ra 12 vụ tai nạn lao động, làm chết 13 người"
        cut = prose_words().own_words_end.search(text, qe, rw_end)
        indicator, end, shape = f"{named.lower()} {core}".strip(), cut.start() if cut else rw_end, "happened"
    if shape == "before" and named and not right_core and indicator and len(indicator.split()) <= 4:
        indicator = with_counted_object(indicator, named)  # "giành 312 huy chương": giành huy chương
    if shape == "before" and prev is not None and prev.unit == q.unit and prev_ind and indicator == left_ind \
            and not prose_words().breakdown.search(text, prev.fig_end, qs):
        indicator = parallel_indicator(prev_ind, left_ind)  # "Tỷ lệ đi học … cấp tiểu học đạt 99,5%, cấp trung học cơ sở đạt 97%"
    if q.unit == "%" and prev is not None and prev.unit == "%" and prev_ind and left_ind \
            and (part := prose_words().share_part.match(seg_left)) is not None:
        verb = part["lead"].split()[-1].lower()  # "…, trong đó có bằng cấp, chứng chỉ đạt 30%": a part of the rate before
        indicator, shape = f"{prev_ind} {verb} {left_ind}", "share_part"
        start = max(start, seg_start + part.end())
    if shape == "before" and indicator == left_ind and names_place(seg_left.strip(" :\t")) \
            and (lead := lead_measure(lead_indicator(text, line_start))) is not None:
        indicator, shape = f"{lead} {left_ind}", "place_item"  # "2. Chỉ tiêu tỷ lệ bao phủ …:\n- Thị trấn Phước An: 96,2%"
    if prev is not None and q.unit != "%" and (base := baseline_then_change(seg_left)) is not None \
            and (counted := next((drafts[i] for i in reversed(sent_drafts) if drafts[i].unit == q.unit), None)) is not None:
        indicator, shape = f"{counted.rules['base_indicator']} {base}", "change_of"  # "286 vụ …; so với năm 2024 giảm 31 vụ"
        start = ind.left_start(text, seg_start, qs)
    elif prev is not None and (base := prev.rules.get("change_against")) and indicator and base not in indicator \
            and change_only(seg_left):
        indicator = f"{indicator} {base}"  # "…, giảm 14 người chết": against the same year
    if shape in ("before", "leading") and (total := running_total(seg_left, prev, q.unit)) is not None:
        indicator, shape = total[0], "running_total"
        start = seg_start + total[1]
    if unit_word and not left_ind and (indicator == unit_word.lower() or named is None and not right_ind):
        listed = listed_under(text, drafts, q.unit, line_start)
        if listed is not None:  # "… đưa ít nhất 6.000 lao động đi làm việc ở nước ngoài …:\n+ Năm 2025: 900 lao động;"
            indicator, shape = listed.rules.get("base_indicator") or listed.indicator, "list_lead"
        elif indicator == unit_word.lower() and (lead := lead_measure(lead_indicator(text, line_start))) is not None:
            indicator, shape = lead, "lead"  # "Số lao động được tạo việc làm:\n- Năm 2025: 900 lao động;"
    if indicator is None and not right_ind:
        lead = lead_indicator(text, line_start)
        shape = "lead"
        if lead is None:
            lead = context_indicator(text, sent_start, line_start)
            shape = "context"
        if lead is None and drafts and drafts[-1].fig_end >= line_start:
            lead = drafts[-1].rules.get("base_indicator") or drafts[-1].indicator  # "Con số này của năm 2021 là …"
            shape = "context"
        if lead is None and against_plan and (quota := ind.clean(rw, keep="first")):
            lead, shape = quota, "quota"  # "Hoàn thành 100% chỉ tiêu giao quân": the share of a quota, named by it
        if lead is None:
            return None
        indicator, start = lead, seg_start + len(seg_left) - len(seg_left.lstrip(" -+*•\t"))
    if prev is not None and prev.unit != q.unit and (measure := accompanying_measure(seg_left)) is not None:
        indicator, shape = f"{measure[0]} {measure[1] or prev.rules['base_indicator']}", "accompanying"  # "… với tổng chiều dài 12,5 km"
    hurt = casualties(seg_left, rw, unit_word, prev.rules.get("cause") if prev is not None else None) if unit_word else None
    if hurt is not None:
        indicator, shape = hurt[0], "casualties"  # "tai nạn giao thông, làm chết 132 người": người chết do tai nạn giao thông
    if start > qs:
        start = qs
    d = Draft(value=q.value, value_max=q.value_max, unit=q.unit, start=start, end=end, fig_start=qs, fig_end=qe,
              indicator=indicator)
    d.rules["shape"] = shape
    d.rules["base_indicator"] = indicator
    if shape == "change_of":
        d.rules["change_against"] = base
    elif prev is not None and prev.rules.get("change_against") and (shape == "companion" or change_only(seg_left)):
        d.rules["change_against"] = prev.rules["change_against"]  # "(-9,78%), giảm 14 người chết"
    if hurt is not None:
        d.rules["cause"] = hurt[1]
    part = left_ind if left_ind and not (left_ind + " ").startswith(prose_words().rate_heads) else None
    if part is None and not left_ind and prev_ind and prose_words().share_of_before.match(seg_left):
        part = prev_ind  # "86 xe buýt điện, chiếm 17,2% tổng số phương tiện"
    if q.unit == "%" and (whole := share_of_whole(rw, part, right_core)) is not None:
        d.indicator = whole  # "vi phạm nồng độ cồn chiếm 34,7% tổng số vi phạm": the part in the whole
    if dimension is not None:
        d.rules["told_to"] = rw_end
        if indicator and not indicator.startswith(dimension["dimension"].lower()):
            d.indicator = f"{dimension['dimension'].lower()} {indicator}"  # "… tăng 11,8% về trị giá": trị giá …
    d.rules["rw_end"] = max(rw_end, qe)
    d.rules["unit"] = "percent" if q.unit == "%" else (("count" if known_unit(q.unit) else "count_other") if q.unit else "bare")
    cut = max(left.rfind(","), left.rfind(":"), left.rfind(";"))
    clause_left = left[cut + 1:] if cut >= 0 else left
    cmp_start = seg_start if shape != "companion" else left_start
    lowered = None if low is None else (low[cmp_start:qs], low_right, low_left[cut + 1:])
    d.comparator, d.rules["comparator"] = comparator_for(text[cmp_start:qs], right_full, q.unit, clause_left,
                                                         q.value_max is not None, lowered)
    if d.rules["comparator"] == "default" and prev is not None:
        whole = q.unit == "%" and q.value == 100 and prev.comparator in (">", ">=")  # "trên 95% …, 100% …": no more than all
        by_prev = not whole and (prev.rules.get("comparator") in ("by", "by_clause", "carried") or (
            prev.rules.get("comparator") == "bound" and prev.comparator in ("<", ">") and prev.fig_end >= item_start and q.value_max is None
            and _unit_family(prev.unit) == _unit_family(d.unit)
            and (prev.unit == d.unit or not left_ind.split())))  # not "phạt tiền hơn 412 tỷ đồng, tước 9.870 giấy phép"
        bare_item = len(left_ind.split()) <= 4 and not sub_figure and not prose_words().carry_blockers.search(seg_left)
        plan_in_brackets = in_paren and prose_words().plan_words.search(seg_left)
        own_clause = shape == "leading" and figure_words().predicate.search(right_core)  # "; 100% đối tượng … được hưởng"
        # a clause after ";" takes the direction only in a list of names ("giảm từ 6,5-7,2%; Tuyên Hóa 4,5-5,0%"),
        # not with words of its own ("kéo giảm … từ 5 - 10%; xử lý dứt điểm 14 điểm đen")
        new_clause = ";" in text[prev.fig_end:qs] and not plan_in_brackets \
            and not any(ch.isupper() for ch in text[text.rfind(";", prev.fig_end, qs) + 1:qs])
        if by_prev and (bare_item or plan_in_brackets) and not own_clause and not new_clause and verb_lead is None \
                or distributes(text, prev, d):
            d.comparator, d.rules["comparator"] = prev.comparator, "carried"
    rank_left = low_left if low_left is not None else left.lower()
    if ranks(q, rank_left):
        d.indicator = d.rules["base_indicator"] = rank_indicator(d.indicator, rw, prev_ind)
        d.unit = None
        d.comparator = "<=" if at_most_rank(rank_left) else "="
        d.rules["comparator"] = "rank"
    elif prev is not None and prev.rules.get("comparator") == "rank" and rank_steps(q.unit):
        d.indicator = d.rules["base_indicator"] = prev.rules["base_indicator"]  # "xếp thứ 9/34, tăng 5 bậc so với năm 2024"
    elif (average := per_unit_average(q.unit, text[sent_start:qs], text[q.span[1]:q.span[1] + 30], d.indicator)) is not None:
        d.indicator = average  # "bình quân 17,2 tiêu chí/xã": số tiêu chí bình quân mỗi xã
    d.parent = parent_of(text, d, prev, drafts, sent_drafts, sent_start, line_start)
    if d.parent is not None and d.rules["comparator"] == "default" and drafts[d.parent].comparator == "~" \
            and estimate_before(text, drafts[d.parent]) and not prose_words().own_link.search(text[drafts[d.parent].fig_end:qs]):
        d.comparator, d.rules["comparator"] = "~", "carried"  # "ước đạt 70,2%, trong đó có bằng cấp 27,6%"
    resolve_period(ctx, d, q, seg_left, rw, text[sent_start:qs], prev)
    decide_kind(ctx, d, drafts, item_start, sent_start, line_start, right_full, bool(in_paren))
    if against_plan:
        d.indicator = f"{d.indicator or ''} {compared_with_plan(right_full[:of_plan_end(right_full)])}".lstrip()
    elif d.indicator and multiple and multiple not in d.indicator:
        d.indicator = f"{d.indicator} so với {multiple}"
    elif d.indicator and (base := baseline_after(text, d.rules["rw_end"], item_end)) and base not in d.indicator:
        d.indicator = f"{d.indicator} {base}"  # "tăng 11,2% so với cùng kỳ": … so với cùng kỳ
    elif d.indicator and d.comparator in ("+=", "-=") and (base := _fronted_baseline(text, sent_start, qs)) and base not in d.indicator:
        d.indicator = f"{d.indicator} {base}"  # "So với năm 2023, số vụ giảm 12 vụ": … so với năm 2023
    if d.kind == "target":
        d.responsible = responsible_for(text[sent_start:qs], None if low is None else low[sent_start:qs])
    if q.total is not None and q.total != q.value and q.unit != "%":
        fraction_plan(ctx, d, q, right_full, sent_start)
    if q.kind == "per_population":  # "tỷ lệ mắc lao ≤ 100/100.000 dân": the denominator belongs to the indicator
        signs = "".join(data("comparators")["symbols"]) + " "
        d.indicator = f"{(d.indicator or '').rstrip(signs)} {q.text[q.text.index('/'):]}".strip()
    return d
