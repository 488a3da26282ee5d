"""Kinds a list lends its items: a cue leading a colon's `;`-run, the first clause of a `;`-run, a lead line over
`-` bullets."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    from .kind import CueIndex

_LIST_LEAD = re.compile(r"[^\n.;]{0,60}:[ \t]*\n")
_BULLET_LINE = re.compile(r"[ \t]*[-+•*–][ \t]")
SENTENCE_END = re.compile(r"\.(?:\s|$)|\n(?<![;:]\n)|\n[ \t]*\n")  # a line may end on an item's ";"


def inline_list_kind(cues: "CueIndex", para_lo: int, item_lo: int) -> Optional[str]:
    """The kind of a strong cue leading a colon whose `;`-run of items, in one sentence, reaches the item."""
    text = cues.text
    colon = text.rfind(":", para_lo, item_lo)
    if colon < 0 or ";" not in text[colon:item_lo] or _sentence_start(text, colon, item_lo) != colon:
        return None
    lead_lo = max(text.rfind("\n", para_lo, colon), text.rfind(". ", para_lo, colon), para_lo)
    kinds = [k for k in ("target", "result") if cues.strong_in(lead_lo, colon + 1, k)]
    return kinds[0] if len(kinds) == 1 else None


def run_lead_kind(cues: "CueIndex", para_lo: int, item_lo: int) -> Optional[str]:
    """The kind of a strong cue in the first clause of the `;`-run, in one sentence, that reaches the item."""
    text = cues.text
    if text.rfind(";", para_lo, item_lo) < 0:
        return None
    lo = _sentence_start(text, para_lo, item_lo)
    first = text.find(";", lo, item_lo)
    if first < 0:
        return None
    kinds = [k for k in ("target", "result") if cues.strong_in(lo, first, k)]
    return kinds[0] if len(kinds) == 1 else None


def _sentence_start(text: str, lo: int, hi: int) -> int:
    """The end of the last `SENTENCE_END` in [lo, hi) (else `lo`), looked for backwards."""
    start = lo
    dot = hi
    while True:
        dot = text.rfind(".", lo, dot)
        if dot < 0:
            break
        if dot + 1 == hi or text[dot + 1].isspace():
            start = dot + 1 if dot + 1 == hi else dot + 2
            break
    nl = hi
    while True:
        nl = text.rfind("\n", max(lo, start - 1), nl)
        if nl < 0:
            return start
        if text[nl - 1:nl] not in (";", ":"):
            return max(start, nl + 1)


def _bullets_only(text: str, lead_end: int, item_lo: int) -> bool:
    """Every line from the one after the lead to the item's opens with a bullet (the item is in the lead's list)."""
    start = text.find("\n", lead_end) + 1
    if start == 0 or start > item_lo:
        return False
    while True:
        if not _BULLET_LINE.match(text, start):
            return False
        nxt = text.find("\n", start) + 1
        if nxt == 0 or nxt > item_lo:
            return True
        start = nxt


def leads_bullets(text: str, cue_end: int, item_lo: int) -> bool:
    """A cue ending a short lead line (`… năm 2024 ngành phấn đấu:`) over `-` bullets that reach the item."""
    return _LIST_LEAD.match(text, cue_end) is not None and _bullets_only(text, cue_end, item_lo)
