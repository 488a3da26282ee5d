"""Text normalization that keeps an offset map back to the source text."""
from __future__ import annotations

import unicodedata


def normalize(raw: str) -> tuple[str, list[int]]:
    """NFC and unified line ends; returns (text, offsets) with offsets[i] = source offset of text[i]."""
    out: list[str] = []
    offsets: list[int] = []
    i = 0
    n = len(raw)
    while i < n:
        ch = raw[i]
        if ch == "\r":
            out.append("\n")
            offsets.append(i)
            i += 2 if i + 1 < n and raw[i + 1] == "\n" else 1
            continue
        j = i + 1
        while j < n and unicodedata.combining(raw[j]):
            j += 1
        composed = unicodedata.normalize("NFC", raw[i:j])
        for k, c in enumerate(composed):
            out.append(c)
            offsets.append(i if k == 0 else j - 1)
        i = j
    offsets.append(n)
    return "".join(out), offsets
