"""Document text as HTML with overlapping highlights split into flat, non-nested segments."""
from __future__ import annotations

from html import escape

from .spans import PRIORITY, Highlight


def render_text(text: str, spans: list[Highlight]) -> str:
    """Each stretch of text covered by the same set of spans becomes one <mark>.

    The mark's colour is the first kind in PRIORITY it carries; `data-ids` lists every
    span covering it, so a click on a target can find all its pieces; `multi` marks
    stretches covered by more than one span (shown with an underline).
    """
    bounds = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    by_start = sorted(spans, key=lambda s: (s.start, -s.end))
    out: list[str] = []
    active: list[Highlight] = []
    pending = 0
    for a, b in zip(bounds, bounds[1:]):
        while pending < len(by_start) and by_start[pending].start <= a:
            active.append(by_start[pending])
            pending += 1
        active = [s for s in active if s.end > a]
        chunk = escape(text[a:b])
        if not active:
            out.append(chunk)
            continue
        kinds = sorted({s.kind for s in active}, key=PRIORITY.index)
        classes = f"hl k-{kinds[0]}" + (" multi" if len(active) > 1 else "")
        ids = " ".join(dict.fromkeys(s.ref for s in active))
        title = escape(" | ".join(dict.fromkeys(s.label for s in active)), quote=True)
        out.append(f'<mark class="{classes}" data-kinds="{" ".join(kinds)}" data-ids="{ids}" title="{title}">{chunk}</mark>')
    return "".join(out)
