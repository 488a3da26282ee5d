"""The plan a share of the plan is told against, in the document's words (kind.yaml plan_names): `đạt 105%
dự toán` is compared `so với dự toán`, `% so KH` `so với kế hoạch`, `đạt 98% chỉ tiêu` `so với chỉ tiêu`."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from .lexicon import alternation, data

DEFAULT = "kế hoạch"


@lru_cache(maxsize=None)
def _names() -> tuple[re.Pattern, dict[str, str]]:
    names = data("kind")["plan_names"]
    canonical = {w.lower(): name for name, words in names.items() for w in words}
    return re.compile(rf"(?<!\w)(?:{alternation(list(canonical))})(?!\w)", re.IGNORECASE), canonical


def plan_named(text: str) -> Optional[str]:
    """The plan the first plan word of `text` names, or None."""
    pattern, canonical = _names()
    m = pattern.search(text)
    return canonical[m.group(0).lower()] if m else None


def compared_with_plan(*texts: str) -> str:
    """`so với` the plan the first of `texts` naming one names (`so với kế hoạch` when none does)."""
    return f"so với {next((name for t in texts if (name := plan_named(t))), DEFAULT)}"


def without_plan(indicator: str) -> str:
    """`indicator` without the plan it was compared with (`… so với dự toán`)."""
    for name in data("kind")["plan_names"]:
        indicator = indicator.replace(f" so với {name}", "")
    return indicator
