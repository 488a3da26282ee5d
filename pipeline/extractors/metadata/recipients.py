"""The `Nơi nhận:` list at the foot, without the archive line (`Lưu: VT, VP`)."""
from __future__ import annotations

from functools import lru_cache

import regex

from ...values.textpat import plain
from .signer import glued_signature, signing_line
from .tables import cues
from .text import RIGHT_COLUMN, any_cue, cells, column_of, fold, squash

MAX_LINES_BEFORE_LIST = 2
MAX_ITEMS = 60
_ITEM_MARK = regex.compile(r"^[-–+•*]\s*")
_JOINED_ITEMS = plain(r"(?<=[;.])\s*[-–+•]\s+")


@lru_cache(maxsize=None)
def _label_re() -> regex.Pattern:
    return regex.compile(rf"(?<![\p{{L}}]){any_cue(cues()['recipients_label'])}[ \t]*:?")


@lru_cache(maxsize=None)
def _archive_re() -> regex.Pattern:
    return regex.compile(rf"^{any_cue(cues()['archive_items'])}(?![\p{{L}}])")


def find_recipients(text: str, folded: str, start: int = 0) -> list[str]:
    m = _label_re().search(folded, start)
    if not m:
        return []
    archive = _archive_re()
    items: list[str] = []
    lines_before_list = 0
    open_item = kept = False  # the last item ran on without its closing ';' or '.'; it was listed
    for raw in text[m.end():].split("\n"):
        a, b = cells(raw)[0]  # the list is the left column of the foot
        left = raw[a:b]
        if not raw.strip():
            open_item = False  # a wrapped item has no blank row inside it
            continue
        if not left or (column_of(raw, a) >= RIGHT_COLUMN and not _ITEM_MARK.match(left)):
            continue  # a row of the signature column alone
        glued = glued_signature(left)
        left = left[:glued] if glued is not None else left
        if not _ITEM_MARK.match(left):
            if open_item and left and not signing_line(left):
                # an item wrapped in the narrow left column: `- Bộ Lao động - Thương binh và` / `Xã hội (b/c);`
                if kept:
                    items[-1] = squash(items[-1] + " " + left).rstrip(" ;.,")
                open_item = not left.rstrip().endswith((";", "."))
                continue
            lines_before_list += 1
            if items or lines_before_list > MAX_LINES_BEFORE_LIST:
                break
            continue
        for piece in _JOINED_ITEMS.split(left):
            item = squash(_ITEM_MARK.sub("", piece)).rstrip(" ;.,")
            kept = bool(item) and not archive.match(fold(item))
            if kept:
                items.append(item)
            open_item = not piece.rstrip().endswith((";", "."))
        for x, y in cells(raw)[1:]:
            tail = raw[x:y]
            if open_item and tail[:1].islower() and not signing_line(tail):
                # the item's wrapped tail, rejoined onto its row after the signature column
                if kept:
                    items[-1] = squash(items[-1] + " " + tail).rstrip(" ;.,")
                open_item = not tail.rstrip().endswith((";", "."))
        if len(items) > MAX_ITEMS:
            break
    return items
