"""A trích yếu written elsewhere than under the kind line: a công văn's `V/v …` under its
number, or the opening sentence that names the document (`… ban hành Kế hoạch <title>, với
các nội dung như sau`)."""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

import regex

from .layout import Layout
from .tables import cues, doc_kinds
from .text import RIGHT_COLUMN, any_cue, cells, column_of, squash

Span = tuple[int, int]


@lru_cache(maxsize=None)
def _preamble_re(kind: str) -> regex.Pattern:
    c = cues()
    endings = any_cue([e.strip(" ,") for e in c["preamble_endings"]])
    opener = rf"{any_cue(c['preamble_verbs'])}[ \t]+{any_cue(doc_kinds()[kind]['names'])}[ \t]+"
    return regex.compile(rf"{opener}(?P<t>(?:(?!{opener})[^\n;]){{10,400}}?)[ \t]*,?[ \t]*{endings}")


def preamble_title(layout: Layout, folded: str, kind: Optional[str]) -> Optional[tuple[str, Span]]:
    spec = doc_kinds().get(kind or "", {})
    names = spec.get("names", []) if isinstance(spec, dict) else []
    if not names or layout.title_start is None:
        return None
    m = _preamble_re(kind).search(folded, layout.title_start, min(len(folded), layout.title_start + 2500))
    if not m:
        return None
    return squash(layout.text[m.start("t"):m.end("t")]), m.span("t")


_VV = regex.compile(r"(?m)(?:^|\|)[ \t*]*[Vv]/[Vv][ \t:.]+")


def vv_line(layout: Layout, folded: str) -> Optional[tuple[str, Span]]:
    """A công văn's trích yếu: `V/v …` under its number, left column, wherever the flattening
    put it, carried on by the left cells of the next rows while they go on in lower case."""
    if layout.title_start is None:
        return None
    start = layout.issuer_block[0] if layout.issuer_block else 0
    m = _VV.search(layout.text, start, min(len(folded), layout.title_start + 800))
    if not m:
        return None
    line_end = layout.text.find("\n", m.end())
    line_end = len(layout.text) if line_end < 0 else line_end
    first_line = layout.text[m.end():line_end]
    a, b = cells(first_line)[0]
    pieces = [(m.end() + a, m.end() + b)]
    pos = line_end + 1
    while pos < len(layout.text):
        end = layout.text.find("\n", pos)
        end = len(layout.text) if end < 0 else end
        raw = layout.text[pos:end]
        a, b = cells(raw)[0]
        if a == b or column_of(raw, a) >= RIGHT_COLUMN or not (raw[a].islower() or raw[a].isdigit()):
            break
        pieces.append((pos + a, pos + b))
        pos = end + 1
    title = squash(" ".join(layout.text[x:y] for x, y in pieces))
    return title, (pieces[0][0], pieces[-1][1])
