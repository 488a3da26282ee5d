"""Figures that are not targets (rules/targets/not_targets.yaml, corpus/GOLD_FORMAT.md):
years, dates, document numbers, ages, durations, counts of the text's own parts, anniversaries,
ordinals, counters, and figures that only qualify another figure's indicator."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from .lexicon import alternation, data
from .quantities import Quantity


@lru_cache(maxsize=None)
def _patterns():
    nt = data("not_targets")
    units = {u.lower() for u in nt["units"]}
    before = re.compile(rf"(?:^|[^\w])(?:{alternation(nt['before'])})\s*:?\s*$")
    modifier = re.compile(rf"(?:^|[^\w])(?:{alternation(nt['modifier_before'])})\s*$")
    cmp = data("comparators")
    tren_units = re.compile(rf"^\s*(?:{alternation(cmp['tren_not_comparator_before_units'])})(?!\w)", re.IGNORECASE)
    norm = re.compile(rf"(?:^|[^\w])(?:{alternation(nt['norm_lead'])})(?!\w)")
    mult = re.compile(rf"(?:^|[^\w])(?:{alternation(nt['multiplier_cues'])})\s*$")
    return units, before, modifier, tren_units, norm, mult


_YEAR = re.compile(r"^(?:19[5-9]\d|20\d\d)$")
_TREN = re.compile(r"(?:^|[^\w])trên\s*$")
_COUNT_AFTER_NUMBER = re.compile(r"^[\s\w]{0,60}?\s(?:là|đạt|chiếm|giảm|tăng|:)\s*(?:từ\s+|khoảng\s+|trên\s+)?\d", re.IGNORECASE)
_LABEL = re.compile(r"(?:^|[-+•;,]\s*|\s)(?:tổng\s+)?số(?:\s+lượng)?\s[^:;.]{2,80}(?::|\blà|\bđạt|\bkhoảng|\bgần|\btrên|\bhơn)\s*$",
                    re.IGNORECASE)
_HEADING_NUMBER = re.compile(r"(?:^|\n)[ \t]*$")


@lru_cache(maxsize=None)
def _place_cue() -> re.Pattern:
    return re.compile(rf"(?:^|[^\w])(?:{alternation(data('not_targets')['place_before'])})\s*:?\s*$")


@lru_cache(maxsize=None)
def _unit_phrase() -> re.Pattern:
    nt = data("not_targets")
    return re.compile(rf"^(?:{alternation([u for u in nt['units'] if ' ' in u])})(?!\w)")


@lru_cache(maxsize=None)
def _noise_patterns():
    nt = data("not_targets")
    after = re.compile(rf"^\s*(?:{alternation(nt['after'])})(?!\w)", re.IGNORECASE)
    rank = re.compile(rf"(?:^|[^\w])(?:{alternation(nt['rank_before'])})\s*$", re.IGNORECASE)
    return after, rank


@lru_cache(maxsize=None)
def _rate_patterns():
    nt = data("not_targets")
    per = re.compile(rf"^\s*/\s*(?:{alternation(nt['rate_per'])})(?!\w)", re.IGNORECASE)
    kept = re.compile(rf"(?<!\w)(?:{alternation(nt['rate_kept_heads'])})(?!\w)")
    lead = re.compile(rf"(?<!\w)(?:{alternation(nt['rate_lead'])})(?!\w)")
    lead_not = re.compile(rf"(?<!\w)(?:{alternation(nt['rate_lead_not'])})(?!\w)")
    of_after = re.compile(rf"^\s*(?!(?:{alternation(nt['rate_of_after_not'])})(?!\w))(?:{alternation(nt['rate_of_after'])})(?!\w)",
                          re.IGNORECASE)
    need = re.compile(rf"(?<!\w)(?:{alternation(nt['requirement_heads'])})(?!\w)")
    need_not = re.compile(rf"(?<!\w)(?:{alternation(nt['requirement_not'])})(?!\w)")
    return per, kept, lead, lead_not, of_after, need, need_not


def _clause(left: str) -> str:
    near = left[-90:].lower()
    return near[max(near.rfind(c) for c in ",;.:\n(") + 1:]


def rate_reason(q: Quantity, left: str, right: str) -> Optional[str]:
    """A wage, a price, a support norm, a contribution rate or a candidate's requirement: figures of a
    rule, not of what must be reached (`25 triệu đồng/tháng`, `chi phí … khoảng 110 triệu đồng`,
    `10% mức đóng`, `chiều cao từ 1,58 m trở lên`)."""
    per, kept, lead, lead_not, of_after, need, need_not = _rate_patterns()
    clause = _clause(left)
    if need.search(need_not.sub(" ", clause)):
        return "requirement"
    if q.unit == "%":
        return "rate_of" if of_after.match(right) else None
    if not (q.kind == "money" or "đồng" in (q.unit or "").lower() or "usd" in (q.unit or "").lower()):
        return None
    if per.match(right) and not kept.search(left[-120:].lower()):
        return "rate_per"
    if lead.search(lead_not.sub(" ", clause)):
        return "rate_lead"
    return None


@lru_cache(maxsize=None)
def _group_cues(key: str):
    spec = data("not_targets")[key]
    return frozenset(u.lower() for u in spec["units"]), re.compile(rf"(?<!\w)(?:{alternation(spec['before'])})(?!\w)")


def is_body_composition(unit: str, left: str) -> bool:
    """`Ban Chỉ đạo gồm 15 thành viên`: the members of a body named in the figure's clause."""
    units, before = _group_cues("body_members")
    return unit in units and bool(before.search(_clause(left)))


@lru_cache(maxsize=None)
def _scope_before() -> re.Pattern:
    return re.compile(rf"(?<!\w)(?:{alternation(data('not_targets')['scope_before'])})\s*$")


def is_scope(unit: str, left: str) -> bool:
    """`tại 11 huyện, thị xã, thành phố`: every place of a level an activity covers (a coordinated list of
    place nouns right after a place word)."""
    return "," in unit and bool(_scope_before().search(left[-30:].lower()))


def is_audience(unit: str, left: str) -> bool:
    """`Dự hội nghị có hơn 120 đại biểu`: the people attending the meeting a text reports."""
    units, before = _group_cues("attendees")
    return unit in units and bool(before.search(_clause(left)))


def _per_unit_measure(unit: str, right: str) -> bool:
    """`17,2 tiêu chí/xã`: a structural noun counted per place is an average, not a count of the text's parts."""
    return unit in data("not_targets")["per_unit_measures"] and bool(re.match(r"\s*/\s*[^\W\d_]", right))


def is_rank(left: str) -> bool:
    return bool(_noise_patterns()[1].search(left[-25:]))


def reject_reason(q: Quantity, left: str, right: str, line_left: str) -> Optional[str]:
    """Why a figure is not a target, or None. `left`/`right`: words of its item around it;
    `line_left`: its line before it (for list numbering)."""
    units, before, modifier, tren_units, norm, mult = _patterns()
    unit = (q.unit or "").lower()
    raw = q.text.strip()
    head = re.split(r"\s|%", raw)[0]
    if q.unit is None and q.value_max is None and _YEAR.match(head.replace(".", "")) and q.total is None:
        return "year"
    if q.value_max is not None and _YEAR.match(str(int(q.value))) and _YEAR.match(str(int(q.value_max))):
        return "year_span"
    if is_rank(left.lower()):
        return None
    if unit in units and not q.time_measure and not _per_unit_measure(unit, right):
        return f"unit:{unit}"
    if is_body_composition(unit, left):
        return "body_members"
    if is_audience(unit, left):
        return "audience"
    if is_scope(unit, left):
        return "scope"
    if unit and unit != "%" and _unit_phrase().match(unit + right.lower()) and not _per_unit_measure(unit, right):
        return "unit_phrase"
    if unit == "lần" and not mult.search(left.lower()[-20:]):
        return "frequency"
    low_left = left.lower()
    if is_rank(low_left):
        return None
    cue = before.search(low_left[-40:])
    if cue and not (unit and low_left.rstrip().endswith(":")) and not (unit and _place_cue().search(cue.group(0))):
        return "before_cue"  # "Kế hoạch 12", not "kinh phí thực hiện kế hoạch: 38.657 triệu đồng"
    if modifier.search(low_left[-10:]):
        return "modifier"
    if q.kind == "money" or "đồng" in unit:
        if norm.search(low_left[-70:]) and re.match(r"^\s*/", right):
            return "norm"
    rate = rate_reason(q, left, right)
    if rate:
        return rate
    if _noise_patterns()[0].match(right):
        return "counter_or_age"
    if _TREN.search(low_left[-12:]) and q.unit != "%" and q.value in (100, 1000, 10000, 100000) \
            and tren_units.match(right if not q.unit else q.unit + right):
        return "per_head"
    if q.unit is None and q.kind not in ("percent", "per_population"):
        if not _LABEL.search(left):
            return "bare_number"
    if not line_left.strip() and not right.strip() and not left.strip():
        return "alone"
    if _HEADING_NUMBER.search(line_left) and re.match(r"^[.)]", right):
        return "numbering"
    return None


@lru_cache(maxsize=None)
def _qualifier_patterns():
    nt, ind = data("not_targets"), data("indicator")
    head = re.compile(rf"(?<!\w)(?:{alternation(ind['measure_heads'])})(?!\w)", re.IGNORECASE)
    link = re.compile(rf"(?<!\w)(?:{alternation(nt['clause_links'])})(?!\w)|:", re.IGNORECASE)
    own = re.compile(rf"^[^,;.()\n]{{0,90}}?(?:(?<!\w)(?:{alternation(nt['clause_links'])})(?!\w)|:)\s*"
                     rf"(?:(?:{alternation(nt['clause_bounds'])})\s+)*\d", re.IGNORECASE)
    of_plan = re.compile(r"^[\d.,\s]*%\s*(?:so\s+với\s+)?(?:kế hoạch|kh|chỉ tiêu)(?!\w)", re.IGNORECASE)
    threshold = re.compile(rf"(?<!\w)(?:{alternation(nt['threshold_before'])})\s*$", re.IGNORECASE)
    return head, link, own, of_plan, threshold


def qualifies_indicator(left: str, right_to_item_end: str) -> bool:
    """`Số vụ ngộ độc thực phẩm từ 30 người mắc trở lên: không quá 02 vụ`: a figure inside an
    indicator phrase (a measure head before it, no link verb between) that the clause goes on to
    measure with its own link and figure belongs to the indicator's definition. So does a
    threshold of a counted group (`hộ có thu nhập dưới 1,5 triệu đồng/tháng`)."""
    head, link, own, of_plan, threshold = _qualifier_patterns()
    if threshold.search(left[-40:]) or qualifies_group(left, right_to_item_end):
        return True
    near = left[-300:]
    cut = max(near.rfind(","), near.rfind(";"), near.rfind(":"), near.rfind("("))
    clause = near[cut + 1:]
    heads = list(head.finditer(clause))
    if not heads or link.search(clause, heads[0].end()):
        return False
    m = own.match(right_to_item_end)
    return bool(m) and not of_plan.match(right_to_item_end[m.end() - 1:])


@lru_cache(maxsize=None)
def _group_patterns():
    g = data("not_targets")["group_qualifier"]
    fig = r"(?<![\d.,])(?!(?:19|20)\d\d(?![\d.,%]))\d[\d.,]*"  # a figure, not a year ("Đến cuối năm 2025 toàn tỉnh có")
    left = re.compile(rf"{fig}\s*%?\s+[^\d]{{1,80}}?\s(?:{alternation(g['verbs'])})"
                      rf"(?:\s+(?:{alternation(g['bounds'])}))*\s*$", re.IGNORECASE)
    right = re.compile(rf"^\s*(?:{alternation(g['ends'] + g['predicates'])})(?!\w)", re.IGNORECASE)
    duty_left = re.compile(rf"^[^\d]{{1,80}}?\s(?:{alternation(g['verbs'])})(?:\s+(?:{alternation(g['bounds'])}))*\s*$", re.IGNORECASE)
    duty_right = re.compile(rf"^\s*(?:(?:{alternation(g['ends'])})\s+)?(?:{alternation(g['duties'])})(?!\w)", re.IGNORECASE)
    employ = re.compile(rf"{fig}\s*%?\s+[^\d]{{1,80}}?\s(?:{alternation(g['employ_verbs'])})"
                        rf"(?:\s+(?:{alternation(g['bounds'])}))+\s*$", re.IGNORECASE)
    klass = re.compile(rf"(?<!\w)(?:{alternation(g['class_verbs'])})\s+từ\s*$", re.IGNORECASE)
    klass_end = re.compile(rf"^\s*(?:{alternation(g['ends'])})(?!\w)", re.IGNORECASE)
    return left, right, duty_left, duty_right, employ, klass, klass_end


def qualifies_group(left: str, right_to_item_end: str) -> bool:
    """`100% doanh nghiệp sử dụng trên 50 lao động có bộ phận …`: the figure after a having verb
    qualifies a group another figure of the clause measures, or a group given a duty
    (`Doanh nghiệp sử dụng từ 300 lao động trở lên phải bố trí …`)."""
    left_pat, right_pat, duty_left, duty_right, employ, klass, klass_end = _group_patterns()
    near = left[-200:]
    clause = near[max(near.rfind(c) for c in ",;:.(\n") + 1:]
    if klass.search(clause) and klass_end.match(right_to_item_end):
        return True
    if left_pat.search(clause) and (right_pat.match(right_to_item_end) or employ.search(clause)):
        return True
    return bool(duty_left.match(clause)) and bool(duty_right.match(right_to_item_end))


def qualifies_next(q: Quantity, left: str, right_to_item_end: str) -> bool:
    """`Tỷ lệ hộ nghèo trên 74 huyện nghèo là 38,62%`, `các xã có tỷ lệ hộ nghèo cao trên 25% giảm từ 4%`:
    a figure after `trên`/`ở`/`cao` that the clause goes on to measure with another figure
    is part of that figure's indicator."""
    if not re.search(r"(?:^|[^\w])(?:trên|ở|tại|cao|thấp)\s*$", left.lower()[-10:]):
        return False
    return bool(_COUNT_AFTER_NUMBER.match(right_to_item_end))
