"""Word patterns the prose rules read, compiled from rules/targets/prose.yaml."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import Ending, alternation, case_blind_alternation, data


@dataclass(frozen=True)
class ProseWords:
    rate_heads: tuple[str, ...]
    only_links: re.Pattern
    carry_blockers: re.Pattern
    plan_words: re.Pattern
    plan_in_brackets: re.Pattern
    share_after: re.Pattern
    plan_hint: re.Pattern
    achieved_left: re.Pattern
    counted_totals: re.Pattern
    total_after: re.Pattern
    breakdown: re.Pattern  # "trong đó" anywhere
    breakdown_start: re.Pattern  # "trong đó" opening a sentence
    breakdown_end: re.Pattern  # "trong đó" (or "trong đó có") right before a figure
    share_part: re.Pattern  # "trong đó có" opening the words of a share of the share before it
    named_place: re.Pattern  # "Thị trấn Phước An": a place level and a name (prose_indicator.names_place checks its capital)
    share_of_before: re.Pattern  # ", đạt" between a count's words and the share of it
    own_words_end: re.Pattern  # a comma or "với …" ending what a count's own words say
    assigned_to: re.Pattern  # "giao một số xã, thị trấn" ending a measure named for places
    own_link: re.Pattern
    coordinator: re.Pattern  # "và", "hoặc" between words
    coordinated: re.Pattern  # only a coordinator between two figures
    list_on: re.Pattern  # only a comma or a joiner between two figures


def _words(items) -> str:
    return alternation(items)


@lru_cache(maxsize=None)
def prose_words() -> ProseWords:
    w = data("prose")
    plan = _words(w["plan_words"])
    bounds = _words([b for bs in data("comparators")["before"].values() for b in bs])  # "và ít nhất 80% …"
    return ProseWords(
        rate_heads=tuple(f"{h} " for h in w["rate_heads"]),
        only_links=re.compile(rf"^[\s,:;(]*(?:(?:{_words(w['companion_links'])})(?!\w)|,|\s)*[\s,:;(]*$", re.IGNORECASE),
        carry_blockers=re.compile(case_blind_alternation(w["carry_blockers"], whole_word=True, then=r"(?!\w)", or_char=":"),
                                  re.IGNORECASE),
        plan_words=re.compile(rf"(?<!\w)(?:{plan})(?!\w)", re.IGNORECASE),
        plan_in_brackets=re.compile(rf"(?<!\w)(?:{plan})(?!\w)(?:(?!,\s*(?:{_words(w['bracket_comparisons'])})(?!\w))[^()%;])*\(\s*(?:(?:{_words(w['bracket_leads'])})\s*)?$"
                                    rf"|\(\s*(?:{plan})(?:\s+năm)?\s*:?\s*$", re.IGNORECASE),
        share_after=re.compile(rf"^[^;]{{0,80}}(?:{_words(w['share_words'])})", re.IGNORECASE),
        plan_hint=re.compile(rf"(?<!\w)(?:{_words(w['plan_hint'])})(?!\w)|(?<!\w)đạt\s+\d", re.IGNORECASE),
        achieved_left=re.compile(rf"(?<!\w)(?:{_words(w['achieved_against_plan'])})(?!\w)"),
        counted_totals=re.compile(rf"^(?:{_words(w['total_of_places'] + w['total_of_cases'] + w['total_of_scales'] + w['total_of_sets'])})(?:$|[\s,/])", re.IGNORECASE),
        total_after=re.compile(rf"(?<!\w)(?:{_words(w['total_after'])})\s*$", re.IGNORECASE),
        breakdown=re.compile(rf"{case_blind_alternation(w['breakdown_leads'], whole_word=True)}(?!\w)", re.IGNORECASE),
        breakdown_start=re.compile(rf"\s*(?:{_words(w['breakdown_leads'])})(?!\w)", re.IGNORECASE),
        breakdown_end=re.compile(rf"{case_blind_alternation(w['breakdown_leads'], whole_word=True)}(?:\s+(?:{_words(w['breakdown_verbs'])}))?\s*:?"
                                 rf"(?:\s*(?:{bounds}))?\s*$", re.IGNORECASE),
        named_place=re.compile(rf"^[\s\\\-+•*]*(?i:{_words(w['place_levels'])})\s+(?P<name>[^\W\d_][\w'-]*(?:\s+[\w'-]+){{0,4}})\s*$"),
        share_of_before=re.compile(rf"\s*,\s*(?:{_words(w['share_of_links'])})\s*$", re.IGNORECASE),
        own_words_end=re.compile(rf"\s*,|\s+(?:{_words(w['accompanying'])})\s", re.IGNORECASE),
        assigned_to=re.compile(rf"\s+(?:{_words(w['assigned_to'])})\s.*$", re.IGNORECASE),
        share_part=re.compile(rf"^[\s,(]*(?P<lead>{_words(w['share_part_leads'])})\s+", re.IGNORECASE),
        own_link=re.compile(rf"(?<!\w)(?:{_words(w['own_links'])})(?!\w)", re.IGNORECASE),
        coordinator=re.compile(rf"\s\s*(?:{_words(w['coordinators'])})\s+", re.IGNORECASE),  # \s\s*: a class first, which the engine skips to
        coordinated=re.compile(rf"^[\s,]*(?:{_words(w['coordinators'])})(?:\s+(?:{bounds}))?\s*$", re.IGNORECASE),
        list_on=re.compile(rf"^[ \t]*(?:,|(?:,\s*)?(?:{_words(w['list_joiners'])})(?:[ \t]+(?:{bounds}))?)[ \t]*$", re.IGNORECASE),
    )


@dataclass(frozen=True)
class FigureWords:
    lead_before: re.Pattern  # "đảm bảo 100% hộ nghèo …": the figure leads its indicator after these
    lead_end: Ending
    predicate: re.Pattern  # "100% quận và 99,7% xã đạt chuẩn": where a shared predicate starts
    measure: re.Pattern  # "Tỷ lệ bao phủ …": names what is measured
    not_lead_tail: re.Pattern  # comparator cues and non-verbs ending a short lead ("lấy tối thiểu", "vẫn còn")
    bound_tail: re.Pattern  # comparator bounds ending a verb run ("đưa ít nhất")
    from_tail: re.Pattern  # "từ" ending a verb run before a single value ("thành lập mới từ 120 …")
    up_tail: re.Pattern  # "trở lên" ending the words after it ("… câu lạc bộ … trở lên")
    money_object: re.Pattern  # "vốn FDI" after a sum of money: what the money is
    short_lead_words: int
    happening_verbs: frozenset  # "tổ chức 12 lớp tập huấn": the verb says only that the counted things happened

    def leads(self, left: str) -> bool:
        return self.lead_end.may_end(left) and bool(self.lead_before.search(left))


@lru_cache(maxsize=None)
def figure_words() -> FigureWords:
    ind = data("indicator")
    return FigureWords(
        lead_before=re.compile(rf"(?:^|\s)(?:{alternation(ind['figure_leads'])})"
                               rf"(?:\s+(?:{alternation(ind['figure_lead_bounds'])}))?\s*$", re.IGNORECASE),
        lead_end=Ending(ind["figure_leads"], ind["figure_lead_bounds"], flags=re.IGNORECASE),
        predicate=re.compile(rf"{case_blind_alternation(ind['shared_predicates'], whole_word=True)}(?!\w)", re.IGNORECASE),
        measure=re.compile(rf"{case_blind_alternation(ind['measure_heads'], whole_word=True)}(?!\w)", re.IGNORECASE),
        not_lead_tail=re.compile(rf"(?:(?:^|\s+)(?:{alternation(_not_lead_words(ind))}))+\s*$", re.IGNORECASE),
        short_lead_words=int(ind["short_lead_words"]),
        happening_verbs=frozenset(ind["happening_verbs"]),
        bound_tail=re.compile(rf"(?:\s+(?:{alternation([w for ws in data('comparators')['before'].values() for w in ws])}))+\s*$",
                              re.IGNORECASE),
        from_tail=re.compile(rf"\s+(?:{alternation(data('comparators')['from_single_value'])})$", re.IGNORECASE),
        up_tail=re.compile(rf"\s+(?:{alternation([w for ws in data('comparators')['after'].values() for w in ws])})$", re.IGNORECASE),
        money_object=re.compile(rf"[ \t]+(?:{alternation(ind['money_objects'])})(?!\w)", re.IGNORECASE),
    )


def _not_lead_words(ind: dict) -> list[str]:
    comparators = data("comparators")
    cues = [w for words in comparators["before"].values() for w in words]
    for key in ("to_level", "decrease_by", "increase_by", "filler", "bound_filler"):
        cues += comparators[key]
    return cues + ind["object_bounds"] + ind["short_lead_not_verbs"]
