"""The words a prose figure's indicator takes from around it: a short verb before the figure
(`Đầu tư 04 trạm …`), the measure named just before it in the sentence (`… cấp tiểu học đạt 99,5%, cấp
trung học cơ sở đạt 97%`), or the figure its list breaks down (`Chỉ tiêu từng năm như sau: + Năm 2025:
900 lao động`)."""
from __future__ import annotations

import re
from typing import Optional

from . import indicator as ind
from .draft import Draft
from .prose_words import figure_words


def parallel_indicator(prev_ind: str, own: str) -> str:
    """`cấp trung học cơ sở` after `tỷ lệ đi học đúng độ tuổi cấp tiểu học`: a short indicator that opens on a word
    of the measure named before it (tỷ lệ …, số …) replaces that word's part there (what the two share is its head)."""
    words = own.split()
    if not words or len(words) > 5 or figure_words().measure.match(own) or not figure_words().measure.match(prev_ind):
        return own
    at = (" " + prev_ind + " ").rfind(f" {words[0]} ")
    return f"{prev_ind[:at]}{own}" if at > 0 else own


def listed_under(text: str, drafts: list[Draft], unit: str, line_start: int) -> Optional[Draft]:
    """The figure a list breaks down: the last one of the same unit before the list lead (a line ending
    with ':') over the line at `line_start`, or the list's item before it."""
    for d in reversed(drafts[-8:]):
        if d.fig_end > line_start or line_start - d.fig_end > 600:
            return None
        if d.unit == unit:
            between = text[d.fig_end:line_start]
            return d if d.rules.get("shape") == "list_lead" or _LEAD_LINE_END.search(between) else None
    return None


_LEAD_LINE_END = re.compile(r":[ \t]*\n")


def short_lead(left_ind: str) -> Optional[str]:
    """`Đầu tư 04 trạm quan trắc …`, `Lấy tối thiểu 1.200 mẫu thực phẩm …`: the verb of a short lead before the
    figure, without the comparator words at its end; None if the lead is no such verb."""
    if figure_words().measure.search(left_ind) and ind.object_verb_start(left_ind + " ") != 0:  # "số hóa" is a verb
        return None
    lead = figure_words().not_lead_tail.sub("", left_ind)
    return lead if lead and len(lead.split()) <= figure_words().short_lead_words else None
