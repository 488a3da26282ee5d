"""How a prose figure relates to the figures before it in its sentence: a predicate two coordinated
figures share, a list counted on after `thêm`, a `trong đó` part taking its total's kind and period,
an estimate covering its parts."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

import regex

from . import indicator as ind
from .draft import Draft
from .lexicon import alternation, case_blind_alternation, data
from .prose_words import figure_words, prose_words


@lru_cache(maxsize=None)
def _distributive() -> re.Pattern:
    return re.compile(rf"{case_blind_alternation(data('comparators')['distributive_by'], whole_word=True)}\s*$", re.IGNORECASE)


def distributes(text: str, prev: Draft, d: Draft) -> bool:
    """`có thêm 12 xã …, 5 xã …`: the figure lists on from one counted with thêm, same unit, nothing but a
    comma or và between."""
    return prev.comparator == "+=" and prev.unit == d.unit and prev.unit != "%" \
        and bool(_distributive().search(text[max(0, prev.fig_start - 15):prev.fig_start])) \
        and bool(prose_words().list_on.match(text[prev.end:d.fig_start]))


@lru_cache(maxsize=None)
def _estimate_re() -> re.Pattern:
    return re.compile(rf"{case_blind_alternation(data('comparators')['estimate_words'], whole_word=True)}(?:\s+\w+){{0,2}}\s*$", re.IGNORECASE)


@lru_cache(maxsize=None)
def _named_place() -> tuple[regex.Pattern, regex.Pattern]:
    place = rf"(?i:{alternation(data('prose')['place_kinds'])})\s+\p{{Lu}}[\p{{L}}']*(?:\s+\p{{Lu}}[\p{{L}}']*){{0,3}}\s*:?\s*$"
    return regex.compile(rf"(?<!\w){place}"), regex.compile(rf"^\s*(?:[;,]\s*(?:và\s+)?|và\s+){place}")


def place_list_unit(text: str, prev: Draft, start: int) -> Optional[str]:
    """`thành phố Thái Bình 132.000 tài khoản; huyện Đông Hưng 138.000`: the unit of the place before, for a bare
    number after a named place that follows it."""
    if not prev.unit:
        return None
    ends_place, next_place = _named_place()
    if next_place.match(text[prev.fig_end:start]) is None:
        return None
    return prev.unit if ends_place.search(text[max(0, prev.fig_start - 60):prev.fig_start]) else None


def follow_parent(d: Draft, parent: Draft) -> None:
    """A `trong đó` sub-figure without a cue of its own is of its total's kind and, unless its own words
    name one, of its total's period."""
    d.kind, d.rules["kind"] = parent.kind, "parent"
    if d.rules.get("period") not in ("right", "left") and parent.period:
        d.period, d.rules["period"] = parent.period, "parent"


def estimate_before(text: str, d: Draft) -> bool:
    """The figure is an estimate (`ước đạt 70,2%`), not only an approximate amount (`khoảng 2.150 tỷ đồng`)."""
    return bool(_estimate_re().search(text[max(d.start, d.fig_start - 40):d.fig_start]))


def share_predicate(text: str, first: Draft, second: Draft) -> None:
    """`100% quận, huyện và 99,7% đơn vị cấp xã đạt chuẩn`: the first figure's words, when they have no
    predicate of their own, run on to the one both share, so its evidence and indicator hold it too."""
    if first.rules.get("shape") != "leading" or second.rules.get("shape") != "leading":
        return
    if not prose_words().coordinated.match(text[first.end:second.fig_start]) or first.unit != second.unit:
        return
    if figure_words().predicate.search(text, first.fig_end, first.end):
        return  # "100% xã đạt chuẩn …, trong đó ít nhất 50% xã đạt chuẩn … nâng cao và 20% xã …": the first says its own
    m = figure_words().predicate.search(text, second.fig_end, second.end)
    if not m:
        return
    predicate = ind.strip_periods(text[m.start():second.end])
    first.indicator = f"{first.indicator} {predicate}".strip()
    first.end = second.end


def same_kind_unit(a: Optional[str], b: Optional[str]) -> bool:
    return (a == "%") == (b == "%")


@lru_cache(maxsize=None)
def _funding() -> tuple[re.Pattern, re.Pattern, str]:
    f = data("indicator")["funding"]
    return (re.compile(rf"{case_blind_alternation(f['money_nouns'], whole_word=True)}(?!\w)", re.IGNORECASE),
            re.compile(rf"^(?:{alternation(f['sources'])})(?!\w)", re.IGNORECASE), f["link"])


def name_source(d: Draft, parent: Draft) -> None:
    """`Tổng kinh phí: 1.200 triệu đồng, trong đó: - Ngân sách huyện: 800 triệu đồng`: a money part whose words open
    on a source is the parent's money from that source (`kinh phí từ ngân sách huyện`)."""
    money, source, link = _funding()
    if not d.indicator or not parent.indicator or not source.match(d.indicator) or money.match(d.indicator):
        return  # "vốn ngân sách trung ương" names its money already
    noun = money.search(parent.rules.get("base_indicator") or parent.indicator)
    if noun is not None and not d.indicator.startswith(noun.group(0).lower()):
        d.indicator = " ".join(w for w in (noun.group(0).lower(), link, d.indicator) if w)


@lru_cache(maxsize=None)
def _running_total() -> tuple[re.Pattern, re.Pattern]:
    w, ind_words = data("prose"), data("indicator")
    bounds = alternation(ind_words["object_bounds"])
    total = re.compile(rf"(?<!\w)(?:{alternation(w['running_total'])})(?:\s+(?:{bounds}))?\s*$", re.IGNORECASE)
    leads = alternation(w["added_leads"] + ind_words["object_verbs"])
    added = re.compile(rf"^(?:(?:{leads})(?:\s+|$))+", re.IGNORECASE)
    return total, added


def running_total(seg_left: str, prev: Optional[Draft], unit: Optional[str]) -> Optional[tuple[str, int]]:
    """`…, nâng tổng số lên 30 tuyến` after `xây dựng thêm 08 tuyến phố văn minh đô thị`: the indicator
    `tổng số tuyến phố văn minh đô thị`, the things the figure before counts, and where its words start in
    `seg_left`; None when the words are no such thing."""
    total, added = _running_total()
    if prev is None or not prev.indicator or unit == "%" or not same_kind_unit(prev.unit, unit):
        return None
    m = total.search(seg_left)
    if m is None:
        return None
    things = added.sub("", prev.rules.get("base_indicator") or prev.indicator).strip()
    return (f"tổng số {things}", m.start()) if things else None


def parent_of(text: str, d: Draft, prev: Optional[Draft], drafts: list[Draft], sent_drafts: list[int], sent_start: int,
              line_start: int) -> Optional[int]:
    """The figure `d` breaks down (`trong đó`), by its index in `drafts`: the last main figure of its kind of unit
    before it in the sentence (`prev` is the figure before it), its sibling's parent in a list of parts, or the
    line's first figure when the sentence opens on `Trong đó`; None for a figure of its own."""
    qs = d.fig_start
    if prev is not None and prose_words().breakdown.search(text[prev.fig_end:qs]):
        same = [i for i in sent_drafts if same_kind_unit(drafts[i].unit, d.unit) and drafts[i].parent is None]
        main = [i for i in same if drafts[i].rules.get("shape") != "companion"]  # "(kế hoạch năm 3.000 ha); trong đó …"
        return (main or same or sent_drafts)[-1]
    if prev is not None and prev.parent is not None and prose_words().breakdown.search(text[sent_start:qs]) \
            and same_kind_unit(prev.unit, d.unit):
        return prev.parent  # "trong đó (:) a 1.742 người; b 738 người, …" lists sub-figures
    if prev is None and prose_words().breakdown_start.match(text, sent_start) and drafts and drafts[-1].fig_end >= line_start:
        mains = [i for i in range(len(drafts) - 1, -1, -1) if drafts[i].fig_end >= line_start
                 and drafts[i].parent is None and same_kind_unit(drafts[i].unit, d.unit)
                 and text.rfind("(", line_start, drafts[i].fig_start) <= text.rfind(")", line_start, drafts[i].fig_start)]
        # not the plan in brackets: "… 14,2 triệu lượt khách (kế hoạch năm là 18 triệu lượt khách). Trong đó, …"
        return mains[0] if mains else None  # "Tổng kinh phí: 38.657 triệu đồng. Trong đó: …"
    return None
