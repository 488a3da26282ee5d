"""What a rank ranks: `xếp hạng` and the words that name it (`Chỉ số PII của tỉnh xếp thứ 19/34` →
`xếp hạng chỉ số pii của tỉnh`; `… xếp thứ 9/63 tỉnh, thành phố về Bộ chỉ số phục vụ người dân` → `xếp hạng
bộ chỉ số phục vụ người dân`)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from . import indicator as ind
from .lexicon import alternation, data


@lru_cache(maxsize=None)
def _patterns() -> tuple[str, re.Pattern, re.Pattern]:
    rank = data("indicator")["rank"]
    before = alternation(data("not_targets")["rank_before"])
    keeps = alternation(rank["keeps_place"])
    tail = re.compile(rf"(?:(?:^|\s+)(?:{keeps}))*(?:^|\s+)(?:{before})\s*$", re.IGNORECASE)
    about = re.compile(rf"^[^.;:\n]*?(?<!\w)(?:{alternation(rank['about'])})\s+(?P<what>[^.;:\n]+)", re.IGNORECASE)
    return rank["head"], tail, about


def rank_indicator(indicator: Optional[str], right_words: str, before: Optional[str]) -> str:
    """`indicator` (the figure's words, ending on the rank's own words when they were before it) as a rank's:
    what the words after the rank say it is about, else the words before without the rank's, else
    `before` (the indicator of the figure before it in the sentence: `Chỉ số CCHC đạt 89,21%, xếp thứ 9/34`)."""
    head, tail, about = _patterns()
    m = about.match(right_words)
    what = ind.clean(m["what"], keep="first") if m else ""
    if not what:
        what = tail.sub("", indicator or "").strip(" ,")
    if not what and before:
        what = before
    if what.startswith(head):
        return what
    return f"{head} {what}".strip()


def rank_steps(unit: Optional[str]) -> bool:
    """`tăng 5 bậc`: the unit counts places a rank moved."""
    return unit is not None and unit.lower() in data("indicator")["rank"]["steps"]
