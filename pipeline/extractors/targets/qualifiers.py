"""Figures that only qualify another figure's indicator (rules/targets/not_targets.yaml): a threshold
or a size of a counted group (`doanh nghiệp sử dụng trên 50 lao động`), a figure inside an indicator's
definition (`Số vụ ngộ độc … từ 30 người mắc trở lên: không quá 02 vụ`), a scope before a measured one."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from .comparator import starts_from_level
from .filters import count_patterns
from .structure import clause_start
from .lexicon import Ending, alternation, case_blind_alternation, data, known_unit
from .quantities import Quantity


@lru_cache(maxsize=None)
def _qualifier_patterns():
    nt, ind = data("not_targets"), data("indicator")
    head = re.compile(rf"{case_blind_alternation(ind['measure_heads'], whole_word=True, not_after=['trong'])}(?!\w)", re.IGNORECASE)  # not "trong số"
    link = re.compile(case_blind_alternation(nt["clause_links"], whole_word=True, then=r"(?!\w)", or_char=":"), re.IGNORECASE)
    own = re.compile(rf"^[^,;.()\n]{{0,90}}?\)?\s*(?:(?<!\w)(?:{alternation(nt['clause_links'])})(?!\w)|:)\s*"
                     rf"(?:(?:{alternation(nt['clause_bounds'])})\s+)*\d", re.IGNORECASE)
    of_plan = re.compile(r"^[\d.,\s]*%\s*(?:so\s+với\s+)?(?:kế hoạch|kh|chỉ tiêu)(?!\w)", re.IGNORECASE)
    threshold = re.compile(rf"{case_blind_alternation(nt['threshold_before'], whole_word=True)}\s*$", re.IGNORECASE)
    return head, link, own, of_plan, threshold


def qualifies_indicator(left: str, right_to_item_end: str, grouped: Optional[bool] = None) -> bool:
    """`Số vụ ngộ độc thực phẩm từ 30 người mắc trở lên: không quá 02 vụ`: a figure inside an
    indicator phrase (a measure head before it, no link verb between) that the clause goes on to
    measure with its own link and figure belongs to the indicator's definition. So does a
    threshold of a counted group (`hộ có thu nhập dưới 1,5 triệu đồng/tháng`). `grouped`:
    `qualifies_group(left, right_to_item_end)` when the caller has it."""
    head, link, own, of_plan, threshold = _qualifier_patterns()
    tail = left[-40:]
    if starts_from_level(tail.lower(), right_to_item_end[:120].lower()):
        return False  # "Giảm tỷ lệ hộ nghèo từ 4,2% xuống còn 2%": the level the change starts from
    if _group_ends()[0].may_end(tail) and threshold.search(tail):
        return True
    if _class_threshold_end().may_end(tail) and _measures_class(left[-120:]):
        return True
    if qualifies_group(left, right_to_item_end) if grouped is None else grouped:
        return True
    near = left[-300:]
    cut = max(near.rfind(","), near.rfind(";"), near.rfind(":"), near.rfind("("))
    if cut >= 0 and near[cut] == "(":  # "… ngưỡng ức chế (dưới 1.000 bản sao/ml) đạt 96,4%": an aside inside the phrase
        cut = max(near.rfind(",", 0, cut), near.rfind(";", 0, cut), near.rfind(":", 0, cut), near.rfind("(", 0, cut))
    clause = near[cut + 1:]
    first_head = head.search(clause)
    if not first_head or link.search(clause, first_head.end()):
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
    class_then_figure = re.compile(rf"^\s*(?:{alternation(g['ends'])})\s+(?:{alternation(g['predicates'])})(?!\w)[^;.\n\d]{{0,60}}\d",
                                   re.IGNORECASE)
    employ = re.compile(rf"{fig}\s*%?\s+[^\d]{{1,80}}?\s(?:{alternation(g['employ_verbs'])})"
                        rf"(?:\s+(?:{alternation(g['bounds'])}))+\s*$", re.IGNORECASE)
    klass = re.compile(rf"{case_blind_alternation(g['class_verbs'], whole_word=True)}\s+(?:{alternation(g['class_bounds'])})\s*$", re.IGNORECASE)
    klass_end = re.compile(rf"^\s*(?:{alternation(g['ends'])})(?!\w)", re.IGNORECASE)
    return left, right, duty_left, duty_right, employ, klass, klass_end, class_then_figure


def qualifies_group(left: str, right_to_item_end: str) -> bool:
    """`100% doanh nghiệp sử dụng trên 50 lao động có bộ phận …`: the figure after a having verb
    qualifies a group another figure of the clause measures, or a group given a duty
    (`Doanh nghiệp sử dụng từ 300 lao động trở lên phải bố trí …`), or a class a later figure of the clause
    is for (`Trường có từ 1.500 học sinh trở lên bố trí tối thiểu 02 nhân viên y tế`)."""
    left_pat, right_pat, duty_left, duty_right, employ, klass, klass_end, class_then_figure = _group_patterns()
    _, class_end, verb_end = _group_ends()
    near = left[-200:]
    clause = near[clause_start(near):]
    if size_class(clause, right_to_item_end):
        return True
    if class_end.may_end(clause) and klass.search(clause) and klass_end.match(right_to_item_end):
        return True
    if not verb_end.may_end(clause):
        return False  # what left_pat and duty_left need at their end
    if left_pat.search(clause) and (right_pat.match(right_to_item_end) or employ.search(clause)):
        return True
    # "Trường có từ 1.500 học sinh trở lên bố trí tối thiểu 02 nhân viên y tế": the class its figure counts for
    return bool(duty_left.match(clause)) and bool(duty_right.match(right_to_item_end) or class_then_figure.match(right_to_item_end))


@lru_cache(maxsize=None)
def _size_patterns():
    sc = data("not_targets")["size_class"]
    attribute = re.compile(rf"(?:^|\s)(?P<owner>[^\W\d]+(?:\s+[^\W\d]+)?)\s+(?:{alternation(sc['attributes'])})"
                           rf"\s+(?:{alternation(sc['bounds'])})\s*$", re.IGNORECASE)
    noun = re.compile(rf"\d[\d.,/]*\s*%?\s+(?P<owner>[^\W\d]+(?:\s+[^\W\d]+){{0,3}}?)\s+(?:{alternation(sc['noun_bounds'])})\s*$",
                      re.IGNORECASE)
    end = re.compile(rf"^\s*(?:{alternation(sc['ends'])})(?!\w)", re.IGNORECASE)
    last_words = tuple({b.split()[-1] for b in sc["bounds"]} | {b.split()[-1].capitalize() for b in sc["bounds"]})
    return attribute, noun, end, last_words


@lru_cache(maxsize=None)
def _share_class() -> re.Pattern:
    sc = data("not_targets")["share_class"]
    count = r"(?<![\d.,])(?!(?:19|20)\d\d(?![\d.,]))\d[\d.,]*(?:/\d[\d.,]*)?(?!\s*%)"
    return re.compile(rf"{case_blind_alternation(sc['count_leads'], whole_word=True)}\s+{count}\s+(?P<noun>[^\W\d][^\d%;:]{{0,60}}?[^\W\d])"
                      rf"\s+(?:{alternation(sc['verbs'])})(?:\s+(?:{alternation(sc['rates'])})(?!\w)[^\d%;:,]{{0,50}}?)?"
                      rf"\s+(?:{alternation(sc['bounds'])})\s*$", re.IGNORECASE)


def share_class(left: str) -> bool:
    """`có 23 xã, phường đạt tỷ lệ tiêm dưới 80%`: a bound rate after a counted group and its verb picks out
    the group the count before it counts (`left`: the words before the rate in its item)."""
    return _share_class().search(left[-160:]) is not None


def size_class(clause: str, right_to_item_end: str) -> bool:
    """`3.066 tàu có chiều dài từ 15 m trở lên`, `100% tàu cá từ 15 m trở lên lắp đặt …`: the figure after
    the bound is a size that defines a class of the counted noun before it."""
    attribute, noun, end, last_words = _size_patterns()
    if not clause.rstrip().endswith(last_words):
        return False
    m = attribute.search(clause[-60:])
    if m is not None:
        owner = m.group("owner").lower()
        return owner.split()[-1] == "có" or known_unit(owner) or known_unit(owner.split()[-1])
    m = noun.search(clause[-80:])
    return m is not None and known_unit(m.group("owner")) and bool(end.match(right_to_item_end))


def _class_measure() -> str:
    """`có tỷ lệ hộ dùng nước sạch`: a having verb, a measure and up to six words, before a class's bound."""
    c = data("not_targets")["class_threshold"]
    word = rf"(?!(?:{alternation(c['not_words'])})(?!\w))[^\W\d][^\s\d,;.:()]*"
    return rf"(?:{alternation(c['verbs'])})\s+(?:{alternation(c['measures'])})(?:\s+{word}){{0,6}}?"


@lru_cache(maxsize=None)
def _class_threshold() -> re.Pattern:
    c = data("not_targets")["class_threshold"]
    return re.compile(rf"(?<!\w)(?:{alternation(c['markers'])})(?:\s[^,;.:()\d]{{0,60}}?)?\s{_class_measure()}"
                      rf"\s+(?:{alternation(c['bounds'])})\s*$", re.IGNORECASE)


@lru_cache(maxsize=None)
def _counted_class() -> re.Pattern:
    c = data("not_targets")["class_threshold"]
    return re.compile(rf"(?<![\w.,/])\d(?:[\d.,]*\d)?(?:/\d(?:[\d.,]*\d)?)?\s+[^\W\d][^,;.:()\d]{{0,50}}?\s"
                      rf"(?:{_class_measure()}|(?:{alternation(c['counted_measures'])}))\s+(?:{alternation(c['bounds'])})\s*$",
                      re.IGNORECASE)


@lru_cache(maxsize=None)
def _class_threshold_end() -> Ending:
    return Ending(data("not_targets")["class_threshold"]["bounds"], flags=re.IGNORECASE)


def _measures_class(left: str) -> bool:
    """`các dự án có tỷ lệ giải ngân dưới`, `17 chủ đầu tư giải ngân trên`: a measure of a class (named or counted), then a
    bound: what the figure after it picks out."""
    left = _DAY.sub("ngày", left)  # "… có tỷ lệ giải ngân đến ngày 30/6/2027 dưới"
    return _class_threshold().search(left) is not None or _counted_class().search(left) is not None


def counted_class(left: str) -> bool:
    """`17 chủ đầu tư giải ngân trên`: a bound after a count of a class and its measure (the figure after it belongs to the
    count's words)."""
    return _counted_class().search(_DAY.sub("ngày", left[-160:])) is not None


_DAY = re.compile(r"\d{1,2}/\d{1,2}(?:/\d{4})?")


@lru_cache(maxsize=None)
def _group_ends() -> tuple[Ending, Ending, Ending]:
    """Quick tests (lexicon.Ending): a threshold, a class verb with its bound, a having verb with bounds."""
    nt = data("not_targets")
    g = nt["group_qualifier"]
    return (Ending(nt["threshold_before"], flags=re.IGNORECASE),
            Ending([f"{v} {b}" for v in g["class_verbs"] for b in g["class_bounds"]], flags=re.IGNORECASE),
            Ending(g["verbs"], g["bounds"], flags=re.IGNORECASE))


def qualifies_next(q: Quantity, left: str, right_to_item_end: str, low_left: Optional[str] = None) -> bool:
    """`Tỷ lệ hộ nghèo trên 74 huyện nghèo là 38,62%`, `các xã có tỷ lệ hộ nghèo cao trên 25% giảm từ 4%`:
    a figure after `trên`/`ở`/`cao` that the clause goes on to measure with another figure
    is part of that figure's indicator."""
    counts = count_patterns()
    if not counts.next_before.search((left.lower() if low_left is None else low_left)[-10:]):
        return False
    return bool(counts.count_after.match(right_to_item_end))
