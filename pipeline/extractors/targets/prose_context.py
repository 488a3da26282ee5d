"""What a prose figure takes from around it: an indicator from the sentence before or the list lead,
and the plan of an `achieved/planned` figure (`đạt 9.500/12.000 người`)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from . import indicator as ind
from .context import Context
from .draft import Draft
from .filters import is_rank
from .lexicon import alternation, data
from .period import year_of
from .prose_words import figure_words, prose_words
from .quantities import Quantity
from .structure import Span, bullet_of


_RATE_BEFORE = re.compile(r"\d\s*%\s*\(\s*$")  # "đạt 33,3% (8/24 người)": the count behind the rate
_SHARE_IN_BRACKETS = re.compile(r"^[^;()]{0,60}\(\s*\d[\d.,]*\s*%\s*\)")  # "1.146/1.290 hộ kinh doanh (88,8%)": a share


def fraction_plan(ctx: Context, d: Draft, q: Quantity, right: str, sent_start: int) -> None:
    """`9.550/ 28.000 người`: achieved against planned. The plan becomes its own target."""
    before = ctx.text[max(0, q.span[0] - 25):q.span[0]]
    if prose_words().share_after.match(right) or _SHARE_IN_BRACKETS.match(right) or _RATE_BEFORE.search(before) \
            or is_rank(before.lower()) \
            or prose_words().counted_totals.match(q.unit or "") or prose_words().total_after.search(before):
        return
    partial = d.period and not re.fullmatch(r"\d{4}(-\d{4})?", d.period)
    sent_left = ctx.text[max(sent_start, ctx.text.rfind(";", sent_start, q.span[0]) + 1):q.span[0]]  # its own clause
    if not (partial or prose_words().plan_hint.search(right[:40]) or prose_words().achieved_left.search(sent_left)):
        return
    d.kind, d.rules["kind"] = "result", "fraction"
    plan = Draft(value=q.total, value_max=None, unit=q.unit, start=d.start, end=d.end, fig_start=d.fig_start,
                 fig_end=d.fig_end, kind="target", comparator="=", indicator=(d.indicator or "") + " (kế hoạch năm)",
                 period=str(year_of(d.period)) if d.period else None, parent=None)
    plan.rules = dict(d.rules, kind="fraction", shape="fraction_plan")
    d.rules["pair"] = plan


def context_indicator(text: str, sent_start: int, line_start: int) -> Optional[str]:
    """`Tỷ lệ bao phủ bảo hiểm y tế. Năm 2024 đạt 92%.`: the indicator in the sentence before,
    when that sentence names what is measured (tỷ lệ …, số …) and holds no figure of its own."""
    lo = max(line_start, text.rfind(".", line_start, max(line_start, sent_start - 1)) + 1)
    prev = text[lo:sent_start]
    m = figure_words().measure.search(prev)
    if not m or re.search(r"\d", prev):
        return None
    cleaned = ind.clean(prev[m.start():])
    return cleaned or None


def lead_indicator(text: str, line_start: int, max_items: int = 12) -> Optional[str]:
    """A bare figure's indicator from the list lead: the line before that ends with ':', over the earlier
    items of the list (`…, trong đó:\n- Năm 2024: 48 tỷ đồng;\n- Năm 2025: 72 tỷ đồng;`)."""
    mark = _item_mark(text, line_start)
    for _ in range(max_items):
        if line_start == 0:
            return None
        prev_start = text.rfind("\n", 0, line_start - 1) + 1
        lead = text[prev_start:line_start].strip()
        if not lead and prev_start > 0:  # a blank line between the lead and its items, as web copies set them
            prev_start = text.rfind("\n", 0, prev_start - 1) + 1
            lead = text[prev_start:line_start].strip()
        if lead.endswith(":"):
            return ind.clean(lead) or None
        heading = _heading_measure(lead)
        if heading is not None:
            return heading
        if mark is None or _item_mark(text, prev_start) != mark:
            return None
        line_start = prev_start
    return None


_HEADING = re.compile(r"[*_]*(?:[IVX]+|\d+(?:\.\d+)*|[a-zđ])[.)]\s+(?P<words>[^\d.;:*_]+)[*_]*")


def _heading_measure(line: str) -> Optional[str]:
    """`3. Lộ trình sản lượng nuôi trồng thủy sản` over `Năm 2026 đạt 42.500 tấn; …`: a numbered heading
    without a figure that names a measure (sản lượng, tỷ lệ …) is what the bare figures under it measure."""
    m = _HEADING.fullmatch(line)
    if m is None:
        return None
    head = figure_words().measure.search(m.group("words"))
    return (ind.clean(prose_words().assigned_to.sub("", m.group("words")[head.start():])) or None) if head else None


def lead_measure(lead: Optional[str]) -> Optional[str]:
    """The measure a list's lead names for its items (`Số lao động được tạo việc làm`; `tỷ lệ hộ nghèo giao các xã` →
    `tỷ lệ hộ nghèo`, for the places listed), when it opens on one and holds no figure."""
    if not lead or re.search(r"\d", lead) or not figure_words().measure.match(lead):
        return None
    return prose_words().assigned_to.sub("", lead).strip() or None


def _item_mark(text: str, line_start: int) -> Optional[str]:
    """The dash or plus opening a list item's line (`-`, `+`, `•`); None for a numbered item or other text."""
    end = text.find("\n", line_start)
    mark = bullet_of(text, Span(line_start, len(text) if end < 0 else end))
    return mark if mark and not mark[0].isalnum() else None


_NOT_WORD = re.compile(r"[^\w\s]+")


def with_counted_object(lead: str, unit: str) -> str:
    """A short lead before a count with nothing after it (`đón 7 triệu lượt khách`, `giành 312 huy chương`) takes
    the counted noun as its object; a count of people (`đào tạo cho 15.325 người`) is named by the verb alone."""
    noun = unit.lower()
    if noun in data("indicator")["verb_only_units"] or f" {noun} " in f" {_NOT_WORD.sub(' ', lead)} ":
        return lead  # "số bác sĩ/vạn dân đạt 12 bác sĩ": the noun is there
    return f"{lead} {noun}"


@lru_cache(maxsize=None)
def _baseline() -> re.Pattern:
    w = data("indicator")["baseline"]
    return re.compile(rf"[ \t]*(?:{alternation(w['leads'])})\s+(?P<base>(?:(?!{alternation(w['stops'])}(?!\w))[^,;.:()\n\d%])+"
                      rf"(?:\d{{4}}(?:\s*[-–]\s*\d{{4}})?)?)", re.IGNORECASE)


def baseline_after(text: str, pos: int, end: int) -> Optional[str]:
    """`tăng 11,2% so với cùng kỳ năm 2023`: what the figure is compared with, in the words right after it
    (`so với cùng kỳ năm 2023`), for its indicator; None when no such words follow."""
    m = _baseline().match(text, pos, min(end, pos + 120))
    if m is None:
        return None
    base = " ".join(m.group("base").split()).lower()
    return f"so với {base}" if base else None


def only_baseline(words: str) -> bool:
    """`so với cùng kỳ` before `, đạt 73,5% kế hoạch`, `so với tháng trước và` before `tăng 11,4%`: the left words
    only close the figure before."""
    if _baseline().fullmatch(words) is not None:
        return True
    m = _coordinator_end().search(words)
    return m is not None and _baseline().fullmatch(words[:m.start()]) is not None


@lru_cache(maxsize=None)
def _coordinator_end() -> re.Pattern:
    return re.compile(rf"[\s,][\s,]*(?:{alternation(data('prose')['coordinators'])})\s*$", re.IGNORECASE)  # a class first: skipped to


@lru_cache(maxsize=None)
def _baseline_then_change() -> re.Pattern:
    cmp = data("comparators")
    verbs = alternation(cmp["decrease_by"] + cmp["increase_by"])
    bounds = alternation([w for ws in cmp["before"].values() for w in ws])
    return re.compile(rf"^[\s,;]*{_baseline().pattern}\s*,?\s*(?:{verbs})(?:\s+(?:{bounds}))?\s*$", re.IGNORECASE)


@lru_cache(maxsize=None)
def _change_only() -> re.Pattern:
    cmp = data("comparators")
    bounds = alternation([w for ws in cmp["before"].values() for w in ws])
    return re.compile(rf"^[\s,;)]*(?:{alternation(cmp['decrease_by'] + cmp['increase_by'])})(?:\s+(?:{bounds}))?\s*$", re.IGNORECASE)


def change_only(words: str) -> bool:
    """`, giảm` before `14 người chết`: a direction verb and nothing else."""
    return _change_only().match(words) is not None


def baseline_then_change(words: str) -> Optional[str]:
    """`so với năm 2024 giảm` before `31 vụ`: a change of a count the sentence gave before, against what these
    words compare it with (`so với năm 2024`); None for other words."""
    m = _baseline_then_change().match(words)
    return f"so với {' '.join(m['base'].split()).lower()}" if m else None


@lru_cache(maxsize=None)
def _multiple_of() -> re.Pattern:
    objects = alternation(data("kind")["baseline_objects"])
    return re.compile(rf"^[ \t]*(?:so với[ \t]+|so[ \t]+)?(?P<base>(?:{objects})(?:[ \t]+(?:19|20)\d\d)?|năm[ \t]+(?:19|20)\d\d)(?!\w)",
                      re.IGNORECASE)


def multiple_of(right_words: str) -> Optional[str]:
    """`gấp 1,4 lần cùng kỳ`, `gấp 2,5 lần năm 2027`: what a multiple is of, right after it (`cùng kỳ`,
    `năm 2027`); None when other words follow."""
    m = _multiple_of().match(right_words)
    return " ".join(m["base"].split()).lower() if m else None


@lru_cache(maxsize=None)
def _accompanying() -> re.Pattern:
    ind = data("indicator")
    bounds = alternation([w for ws in data("comparators")["before"].values() for w in ws])
    measure = rf"(?:{ind['accompanying_total']}\s+)?(?:{alternation(ind['accompanying_measures'])})"
    return re.compile(rf"(?<!\w)(?:{alternation(ind['accompanying_leads'])})\s+(?P<measure>{measure})(?:\s+(?:{bounds}))?\s*:?\s*$",
                      re.IGNORECASE)


def accompanying_measure(words: str) -> Optional[tuple[str, str]]:
    """`… với tổng chiều dài khoảng` before `12,5 km`: the second measure of the things the count before counts
    (`tổng chiều dài`), and the words of a clause of their own before it (`, xử phạt vi phạm hành chính với tổng số
    tiền`: what the measure is of), else ""; None for other words."""
    m = _accompanying().search(words)
    if m is None:
        return None
    clause = words[:m.start()]
    own = clause[clause.rfind(",") + 1:] if "," in clause else ""
    return " ".join(m["measure"].split()).lower(), ind.clean(own)


@lru_cache(maxsize=None)
def _whole() -> re.Pattern:
    return re.compile(rf"^[ \t]*(?:của[ \t]+)?(?:{alternation(data('indicator')['whole_leads'])})\s+\S", re.IGNORECASE)


def share_of_whole(right_words: str, part: Optional[str], whole: str) -> Optional[str]:
    """`17,2%` before `tổng số phương tiện`, after words counting `xe buýt điện`: `xe buýt điện trong tổng số
    phương tiện`; None when no whole follows or no part is named."""
    if not part or not whole or _whole().match(right_words) is None or whole in part:
        return None
    return f"{part} {data('indicator')['whole_link']} {whole}"
