"""The `Nơi nhận:` list at the foot, without the archive line (`Lưu: VT, VP`)."""
from __future__ import annotations

import regex

from .signer import glued_signature
from .tables import cues
from .text import RIGHT_COLUMN, any_cue, cells, column_of, fold, squash

MAX_LINES_BEFORE_LIST = 2
MAX_ITEMS = 60
_ITEM_MARK = regex.compile(r"^[-–+•*]\s*")
_JOINED_ITEMS = regex.compile(r"(?<=[;.])\s*[-–+•]\s+")


def find_recipients(text: str, folded: str, start: int = 0) -> list[str]:
    c = cues()
    label = regex.compile(rf"(?<![\p{{L}}]){any_cue(c['recipients_label'])}[ \t]*:?")
    m = label.search(folded, start)
    if not m:
        return []
    archive = regex.compile(rf"^{any_cue(c['archive_items'])}(?![\p{{L}}])")
    items: list[str] = []
    lines_before_list = 0
    for raw in text[m.end():].split("\n"):
        a, b = cells(raw)[0]  # the list is the left column of the foot
        left = raw[a:b]
        if not left or (column_of(raw, a) >= RIGHT_COLUMN and not _ITEM_MARK.match(left)):
            continue  # a row of the signature column alone
        if not _ITEM_MARK.match(left):
            lines_before_list += 1
            if items or lines_before_list > MAX_LINES_BEFORE_LIST:
                break
            continue
        glued = glued_signature(left)
        left = left[:glued] if glued is not None else left
        for piece in _JOINED_ITEMS.split(left):
            item = squash(_ITEM_MARK.sub("", piece)).rstrip(" ;.,")
            if item and not archive.match(fold(item)):
                items.append(item)
        if len(items) > MAX_ITEMS:
            break
    return items
