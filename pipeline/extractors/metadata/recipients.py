"""The `Nơi nhận:` list at the foot, without the archive line (`Lưu: VT, VP`)."""
from __future__ import annotations

from typing import Optional

import regex

from .tables import cues
from .text import any_cue, fold, squash

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
    rest = text[m.end():]
    for raw in rest.split("\n"):
        left = raw.split("|")[0].strip()
        if not left:
            if raw.strip(" |\t") or not items:
                continue
            continue
        if not _ITEM_MARK.match(left):
            if items:
                break
            continue
        for piece in _JOINED_ITEMS.split(left):
            item = squash(_ITEM_MARK.sub("", piece)).rstrip(" ;.,")
            if item and not archive.match(fold(item)):
                items.append(item)
        if len(items) > 60:
            break
    return items
