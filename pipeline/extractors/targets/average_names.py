"""What a per-place average counts: `bình quân 17,2 tiêu chí/xã` → `số tiêu chí bình quân mỗi xã`, `Bình quân toàn
tỉnh đạt 17,4 tiêu chí/xã` → `số tiêu chí bình quân mỗi xã toàn tỉnh` (indicator.yaml per_unit_average)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from .filters import per_unit_measure
from .lexicon import alternation, data

_PER = re.compile(r"\s*/\s*(?P<per>[^\W\d_]+(?: [^\W\d_]+)?)")


@lru_cache(maxsize=None)
def _patterns() -> tuple[re.Pattern, re.Pattern, str, str]:
    a = data("indicator")["per_unit_average"]
    average = re.compile(rf"(?<!\w)(?P<word>{alternation(a['words'])})(?!\w)(?P<scope>[^.;:,\n]*)$", re.IGNORECASE)
    links = re.compile(rf"(?<!\w)(?:{alternation(a['links'])})(?!\w)", re.IGNORECASE)
    return average, links, a["head"], a["each"]


def per_unit_average(unit: Optional[str], clause_left: str, right: str, indicator: Optional[str]) -> Optional[str]:
    """The name of a figure counting `unit` per place (`/xã` right after it) told as an average in the words of its
    clause before it; None when it is no such figure or its words already name the count (`Số tiêu chí … bình quân`)."""
    if not unit or not per_unit_measure(unit.lower(), right):
        return None
    average, links, head, each = _patterns()
    m = average.search(clause_left)
    if m is None or (indicator or "").startswith(f"{head} "):
        return None
    per = _PER.match(right)["per"]
    scope = links.sub(" ", m["scope"])
    return " ".join(f"{head} {unit} {m['word']} {each} {per} {scope}".lower().split())
