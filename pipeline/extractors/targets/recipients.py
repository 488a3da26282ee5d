"""The recipients list at a document's foot (`Nơi nhận:` then `- UBND các xã;`, `- Ban nhân dân 07 ấp;`): who
receives the document, never a figure to reach."""
from __future__ import annotations

import re
from functools import lru_cache

from ...rules import load_yaml
from .table_cells import Span

_ITEM = re.compile(r"[ \t|]*[-–+•]")


@lru_cache(maxsize=None)
def _label_words() -> tuple[str, ...]:
    words = load_yaml("metadata.yaml")["recipients_label"]
    return tuple({v for w in words for v in (w, w.upper(), w.lower(), w.title())})


@lru_cache(maxsize=None)
def _label() -> re.Pattern:
    labels = "|".join(re.escape(w) for w in load_yaml("metadata.yaml")["recipients_label"])
    return re.compile(rf"(?m)^[ \t|]*(?:{labels})[ \t]*:", re.IGNORECASE)


def recipients_spans(text: str) -> list[Span]:
    """From each `Nơi nhận:` label at a line start to the end of the list items under it."""
    out: list[Span] = []
    if not any(w in text for w in _label_words()):  # most texts hold it once, near their end
        return out
    for m in _label().finditer(text):
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        while end < len(text):
            nxt = text.find("\n", end + 1)
            nxt = len(text) if nxt < 0 else nxt
            if not _ITEM.match(text, end + 1):
                break
            end = nxt
        out.append((m.start(), end))
    return out
