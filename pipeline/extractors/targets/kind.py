"""Target or result: what must be reached, or what was reached (rules/targets/kind.yaml).

Evidence, strongest first: a figure set against the plan (`đạt 133,3% KH`) is a result; the
nearest kind cue before the figure in its sentence (`phấn đấu`, `chỉ tiêu` / `đã`, `ước đạt`,
`toàn tỉnh có`); the figure's year against the document's own year (an earlier year is a result,
a later one a target); the nearest cue earlier in the paragraph; the document kind (a plan's
figures are targets).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from .lexicon import alternation, data
from .period import end_year_of, year_of


@lru_cache(maxsize=None)
def _patterns():
    k = data("kind")
    target = re.compile(rf"(?<!\w)({alternation(k['target'])})(?!\w)")
    result = re.compile(rf"(?<!\w)({alternation(k['result'])})(?!\w)")
    of_plan = re.compile(rf"^\s*%?\s*(?:{alternation(k['of_plan_after'])})(?!\w)")
    neutral = re.compile(rf"(?<!\w)(?:{alternation(k['neutral'])})(?!\w)")
    return target, result, of_plan, neutral


def of_plan(right: str) -> bool:
    """`đạt 104% kế hoạch`, `đạt 100% KH`, `(đạt 97% so kế hoạch)`: a percentage of the plan."""
    return bool(_patterns()[2].match(right.lower()))


_OF_PLAN_INSIDE = re.compile(r"\d\s*%\s*(?:so\s+với\s+|so\s+)?(?:kế hoạch|kh|chỉ tiêu)(?!\w)")


def nearest_cue(text: str) -> Optional[tuple[str, int]]:
    """('target'|'result', position) of the last kind cue in `text`.

    `đạt 86,7% kế hoạch` inside the text is a result cue, not the word `kế hoạch` of a plan."""
    target, result, _, neutral = _patterns()
    low = _OF_PLAN_INSIDE.sub(lambda m: "đạt được".ljust(len(m.group(0))), text.lower())
    low = neutral.sub(lambda m: " " * len(m.group(0)), low)
    best = None
    for kind, pat in (("target", target), ("result", result)):
        for m in pat.finditer(low):
            if best is None or m.end() > best[1] or (m.end() == best[1] and len(m.group(1)) > best[2]):
                best = (kind, m.end(), len(m.group(1)))
    return (best[0], best[1]) if best else None


def cue_count(text: str, kind: str) -> int:
    target, result, _, _ = _patterns()
    return sum(1 for _ in (target if kind == "target" else result).finditer(text.lower()))


def plan_doc(doc_type: Optional[str]) -> bool:
    return doc_type in set(data("kind")["plan_doc_types"])


_PLAN_COMPANION = re.compile(r"^[^;.]*?[(,]\s*(?:đạt|vượt|bằng|tăng|giảm|thấp hơn|cao hơn)\s+[\d,.]+\s*%\s*"
                             r"(?:so\s+với\s+|so\s+)?(?:kế hoạch|kh|chỉ tiêu|cùng kỳ)", re.IGNORECASE)
_GAP_AFTER = re.compile(r"^\s*(?:so\s+với|so)(?!\w)", re.IGNORECASE)
_PARTIAL = re.compile(r"^\d{4}-(?:H1|9M|Q\d|\d\d)$")


def kind_for(
    item_left: str,
    sentence_left: str,
    right: str,
    paragraph_left: str,
    period: Optional[str],
    ref_year: Optional[int],
    doc_is_plan: bool,
) -> tuple[str, str]:
    """(kind, rule)."""
    if of_plan(right):
        return "result", "of_plan"
    if _PLAN_COMPANION.search(right[:120]):
        return "result", "plan_companion"
    item_cue = nearest_cue(item_left)
    if _GAP_AFTER.match(right) and not (item_cue and item_cue[0] == "target"):
        return "result", "gap"
    cue = item_cue or nearest_cue(sentence_left)
    left_len = len(item_left) if nearest_cue(item_left) else len(sentence_left)
    first_year = year_of(period)
    last_year = end_year_of(period)
    if first_year is not None and ref_year is not None:
        if last_year < ref_year and not (cue and cue[0] == "target" and left_len - cue[1] < 40):
            return "result", "past_year"
        if first_year > ref_year:
            return "target", "future_year"
    if cue:
        return cue[0], "cue"
    if not doc_is_plan and period and _PARTIAL.match(period):
        return "result", "partial_period"
    cue = nearest_cue(paragraph_left)
    if cue:
        return cue[0], "paragraph_cue"
    return ("target" if doc_is_plan else "target"), "default"
