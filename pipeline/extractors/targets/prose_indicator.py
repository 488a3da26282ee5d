"""The words a prose figure's indicator takes from around it: a short verb before the figure
(`Đầu tư 04 trạm …`), the measure named just before it in the sentence (`… cấp tiểu học đạt 99,5%, cấp
trung học cơ sở đạt 97%`), or the figure its list breaks down (`Chỉ tiêu từng năm như sau: + Năm 2025:
900 lao động`), its own counted noun beside another count, and what a happening verb or a place's name leaves."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from . import indicator as ind
from .draft import Draft
from .lexicon import alternation, data
from .prose_words import figure_words, prose_words


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


def own_noun(prev_ind: Optional[str], prev_unit: Optional[str], noun: Optional[str]) -> Optional[str]:
    """`hỗ trợ 1.400 doanh nghiệp, 14.300 hộ kinh doanh`: a count beside another, of something else, takes the
    indicator of the one before with its own counted noun in place of the other's."""
    if not prev_ind or not prev_unit or not noun or prev_unit.lower() == noun.lower():
        return prev_ind
    padded, old = f" {prev_ind} ", f" {prev_unit.lower()} "
    return padded.replace(old, f" {noun.lower()} ", 1).strip() if old in padded else prev_ind


def ends_happening(words: str, verbs) -> bool:
    """`trên địa bàn tỉnh xảy ra`: the words end on a verb that only says the counted things happened."""
    words = words.removesuffix(" được")
    return any(words == v or words.endswith(" " + v) for v in verbs)


def names_place(words: str) -> bool:
    """`Thị trấn Phước An`: a place level and a proper name, nothing else."""
    m = prose_words().named_place.match(words)
    return m is not None and m["name"][0].isupper()


@lru_cache(maxsize=None)
def _casualty_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern, str]:
    c = data("indicator")["casualties"]
    outcomes = alternation(c["outcomes"])
    before = re.compile(rf"^(?P<cause>.*?)[\s,]*(?<!\w)(?:(?:đã|đều)\s+)?(?:{alternation(c['verbs'])})"
                        rf"(?:\s+(?P<outcome>{outcomes}))?\s*$", re.IGNORECASE | re.DOTALL)
    after = re.compile(rf"^\s*(?P<outcome>{outcomes})(?!\w)", re.IGNORECASE)
    listed = re.compile(rf"^[\s,;]*(?:và\s+)?(?P<outcome>{outcomes})\s*$", re.IGNORECASE)
    return before, after, listed, c["cause_link"]


def casualties(left: str, right: str, noun: Optional[str], cause_before: Optional[str] = None) -> Optional[tuple[str, str]]:
    """`tai nạn giao thông, làm chết` before `132 người`, or `đuối nước làm` before `22 trẻ em` and `tử vong` after:
    (`người chết do tai nạn giao thông`, the cause); with `cause_before`, the cause of the casualties just told,
    `, bị thương` before `197 người` as well. None when the words tell no casualties of a cause."""
    before, after, listed, link = _casualty_patterns()
    if not noun:
        return None
    if (m := before.match(left)) is not None:
        cause = ind.clean(m["cause"])
    elif cause_before is not None and (m := listed.match(left)) is not None:
        cause = cause_before  # "…, làm chết 132 người, bị thương 197 người"
    else:
        return None
    outcome = m["outcome"] or ((o := after.match(right)) and o["outcome"])
    if not outcome:
        return None
    return " ".join(w for w in (noun.lower(), outcome.lower(), link if cause else "", cause) if w), cause
