"""Figures of a rule, not of what must be reached (rules/targets/not_targets.yaml): a wage, a price,
a support norm, a contribution rate, a candidate's requirement."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from .lexicon import alternation, any_first_word, case_blind_alternation, data, word_alternation
from .quantities import Quantity
from .structure import last_clause


@lru_cache(maxsize=None)
def _rate_opens() -> re.Pattern:
    """A clause opening on a money amount per unit (`1.000.000 đồng/ha`)."""
    return re.compile(rf"^\s*\d[\d.,]*\s*(?:{alternation(data('units')['money'])})\s*/\s*[^\W\d]", re.IGNORECASE)


@lru_cache(maxsize=None)
def _rate_patterns():
    nt = data("not_targets")
    per = re.compile(rf"^\s*/\s*(?!(?:{alternation(nt['rate_per_not'])})(?!\w))[^\W\d_]", re.IGNORECASE)
    kept = re.compile(rf"(?:{word_alternation(nt['rate_kept_heads'])})(?!\w)")
    lead = re.compile(rf"(?:{word_alternation(nt['rate_lead'])})(?!\w)")
    lead_not = re.compile(rf"(?:{word_alternation(nt['rate_lead_not'])})(?!\w)")
    of_after = re.compile(rf"^\s*(?!(?:{alternation(nt['rate_of_after_not'])})(?!\w))(?:{alternation(nt['rate_of_after'])})(?!\w)",
                          re.IGNORECASE)
    need = re.compile(rf"(?:{word_alternation(nt['requirement_heads'])})(?!\w)"
                      rf"(?:\s+(?!(?:{alternation(nt['requirement_breaks'])})(?!\w))[^\W\d]+){{0,2}}"
                      rf"(?:\s*(?:{alternation(nt['requirement_links'])})(?!\w))*\s*$", re.IGNORECASE)
    need_not = re.compile(rf"(?:{word_alternation(nt['requirement_not'])})(?!\w)")
    return per, kept, lead, lead_not, of_after, need, need_not


@lru_cache(maxsize=None)
def _rate_first_words() -> tuple[re.Pattern, re.Pattern]:
    """First words of the requirement heads and rate leads: a clause holding none (blanking other words
    in it adds none) cannot match their patterns."""
    nt = data("not_targets")
    return any_first_word(nt["requirement_heads"]), any_first_word(nt["rate_lead"])


@lru_cache(maxsize=None)
def _norm_share() -> re.Pattern:
    """A norm word right before a percentage (`ngoài mức hỗ trợ 70% của ngân sách trung ương`, `lãi suất 6%`)."""
    return re.compile(rf"{case_blind_alternation(data('not_targets')['norm_lead'], whole_word=True)}\s*(?:là|bằng)?\s*$", re.IGNORECASE)


@lru_cache(maxsize=None)
def _move_before() -> re.Pattern:
    return re.compile(rf"{case_blind_alternation(data('comparators')['decrease_by'], whole_word=True)}\s*$", re.IGNORECASE)


def _moved_by(left: str) -> bool:
    """`cắt giảm 20% chi phí tuân thủ`: a cut of a cost is an indicator, not a support rate of it
    (`hỗ trợ thêm 10% mức đóng` stays a rate)."""
    return bool(_move_before().search(left[-20:]))


@lru_cache(maxsize=None)
def _for_whom() -> re.Pattern:
    return re.compile(rf"^\s*(?:{alternation(data('not_targets')['rate_for_whom'])})(?!\w)", re.IGNORECASE)


def _listed_after_rate(left: str, right: str, of_after: re.Pattern) -> bool:
    """`hỗ trợ 50% mức đóng đối với người thuộc hộ nghèo, 40% đối với hộ cận nghèo`: a percentage for whom, in a
    list after a contribution or support rate, is another rate of it."""
    if not _for_whom().match(right):
        return False
    tail = left[-160:]
    at = tail.find("%")
    while at >= 0:
        if of_after.match(tail[at + 1:]):
            return True
        at = tail.find("%", at + 1)
    return False


def rate_reason(q: Quantity, left: str, right: str, clause: Optional[str] = None,
                low_left: Optional[str] = None) -> Optional[str]:
    """A wage, a price, a support norm, a contribution rate or a candidate's requirement: figures of a
    rule, not of what must be reached (`25 triệu đồng/tháng`, `chi phí … khoảng 110 triệu đồng`,
    `10% mức đóng`, `chiều cao từ 1,58 m trở lên`). `clause`: `last_clause(left)` when the caller has it;
    `low_left`: `left` lowercased, offsets kept."""
    per, kept, lead, lead_not, of_after, need, need_not = _rate_patterns()
    need_word, lead_word = _rate_first_words()
    if clause is None:
        clause = last_clause(left)
    if need_word.search(clause) and need.search(need_not.sub(" ", clause)):
        return "requirement"
    if q.unit == "%":
        if _norm_share().search(left[-40:]):
            return "rate_norm"
        if _rate_opens().match(clause):
            return "rate_condition"  # "1.000.000 đồng/ha đối với diện tích lúa bị thiệt hại từ 30% đến 70%"
        if of_after.match(right) and not _moved_by(left):
            return "rate_of"
        return "rate_of_listed" if _listed_after_rate(left, right, of_after) else None
    if not (q.money or "usd" in (q.unit or "").lower()):
        return None
    if per.match(right) and not kept.search(left[-120:].lower() if low_left is None else low_left[-120:]):
        return "rate_per"
    if lead_word.search(clause):
        reach = len(clause) + 24  # a phrase that is no rate may begin before the clause: "thu phí, lệ phí 1.126 triệu đồng"
        wider = left[-reach:].lower() if low_left is None else low_left[-reach:]
        if lead.search(lead_not.sub(lambda m: " " * len(m.group()), wider)[-len(clause):] if clause else ""):
            return "rate_lead"
    return None
