"""A figure read as a result whose period has not begun when the document was written (`phấn đấu … đến ngày
31/01/2028 đạt 100% kế hoạch vốn` in a decision of December 2026) cannot have been reached yet: it is a target,
unless its sentence makes it an estimate (rules/targets/kind.yaml future_estimate_words)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from .context import Context
from .draft import Draft
from .lexicon import alternation, data

_PERIOD_START = re.compile(r"(?P<y>(?:19|20)\d\d)(?:-(?P<m>\d\d)(?!\d))?")
_SENTENCE_END = re.compile(r"[.;:\n](?:\s|$)")


@lru_cache(maxsize=None)
def _estimate() -> re.Pattern:
    return re.compile(rf"(?<!\w)(?:{alternation(data('kind')['future_estimate_words'])})(?!\w)", re.IGNORECASE)


def _first_month(period: str) -> Optional[tuple[int, int]]:
    """(year, month) a period stands at or opens with: `2028-01` its month, `2027`, `2027-H1`, `2027-2030` January
    of the first year."""
    m = _PERIOD_START.match(period)
    if m is None:
        return None
    return int(m["y"]), int(m["m"]) if m["m"] else 1


def _estimated(text: str, fig_start: int) -> bool:
    lo = max(0, fig_start - 300)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, lo, fig_start)]
    return _estimate().search(text, ends[-1] if ends else lo, fig_start) is not None


def future_results_as_targets(ctx: Context, drafts: list[Draft]) -> None:
    if ctx.ref_year is None or ctx.issue_month is None:
        return
    written = (ctx.ref_year, ctx.issue_month)
    for d in drafts:
        if d.kind == "result" and d.comparator != "~" and d.period and (start := _first_month(d.period)) is not None \
                and start > written and not _estimated(ctx.text, d.fig_start):
            d.kind = "target"
            d.rules["kind"] = "future_period"
