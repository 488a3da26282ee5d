"""Figures that are not targets (rules/targets/not_targets.yaml, corpus/GOLD_FORMAT.md):
years, dates, document numbers, ages, durations, counts of the text's own parts, anniversaries,
ordinals, counters (figures that only qualify another figure's indicator: qualifiers.py)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple, Optional

from .lexicon import Ending, alternation, any_first_word, data, is_multiplier, word_alternation
from .quantities import Quantity
from .rates import rate_reason
from .structure import last_clause


@lru_cache(maxsize=None)
def _patterns():
    nt = data("not_targets")
    units = {u.lower() for u in nt["units"]}
    before = re.compile(rf"(?:^|[^\w])(?:{alternation(nt['before'])})\s*:?\s*$")
    modifier = re.compile(rf"(?:^|[^\w])(?:{alternation(nt['modifier_before'])})\s*$")
    cmp = data("comparators")
    tren_units = re.compile(rf"^\s*(?:{alternation(cmp['tren_not_comparator_before_units'])})(?!\w)", re.IGNORECASE)
    norm = re.compile(rf"(?:^|[^\w])(?:{alternation(nt['norm_lead'])})(?!\w)")
    mult = re.compile(rf"(?:^|[^\w])(?:{alternation(nt['multiplier_cues'])})(?:\s+(?:{alternation(nt['multiplier_bounds'])}))?\s*$")
    return units, before, modifier, tren_units, norm, mult


@lru_cache(maxsize=None)
def _reorganised() -> tuple[frozenset, re.Pattern, re.Pattern]:
    nt = data("not_targets")
    return (frozenset(nt["administrative_units"]), re.compile(rf"(?<!\w)(?:{alternation(nt['reorganisation_words'])})(?!\w)"),
            re.compile(rf"(?<!\w)(?:{alternation(nt['reorganised_reach'])})(?!\w)"))


def _reorganised_units(low_left: str, low_right: str) -> bool:
    """A count of administrative units told with the reorganisation that made them, nothing reached after it."""
    _, words, reach = _reorganised()
    after = low_right[:60]
    return bool(words.search(low_left[-90:]) or words.search(after)) and not reach.search(after)


@lru_cache(maxsize=None)
def _population_before() -> re.Pattern:
    nt = data("not_targets")
    return re.compile(rf"(?:{word_alternation(nt['population_before'] + nt['formed_from'])})\s*$")


_YEAR = re.compile(r"^(?:19[5-9]\d|20\d\d)$")
_TREN = re.compile(r"(?:^|[^\w])trên\s*$")
_HEAD_END = re.compile(r"\s|%")
_ROW_NUMBER_WORD = re.compile(r"[1-9]\d?[ \t]+(\w\w)")
_SLASH_START = re.compile(r"^\s*/")
_SMALL_INTEGER = re.compile(r"\s*[0-9]{1,2}(?![0-9]|[.,][0-9])")
_BRACKET_OPEN = re.compile(r"\(\s*[^\W\d]+(?:\s+[^\W\d]+)?\s*:?\s*$")
@lru_cache(maxsize=None)
def _ends() -> tuple[Ending, Ending, Ending, Ending]:
    """Quick tests (lexicon.Ending) for the cue patterns that end where the words before a figure end."""
    nt = data("not_targets")
    return (Ending(nt["before"]), Ending(nt["modifier_before"]), Ending(nt["rank_before"], flags=re.IGNORECASE),
            Ending(nt["multiplier_cues"], nt["multiplier_bounds"]))


class _Counts(NamedTuple):
    label: re.Pattern  # "Tổng số lao động được giải quyết việc làm: 1.200": a label naming what a bare number counts
    label_ends: tuple[str, ...]  # what the label needs at its end, checked before running it
    next_before: re.Pattern  # "trên 74 huyện nghèo là 38,62%": a figure qualifying the next one's indicator
    count_after: re.Pattern


@lru_cache(maxsize=None)
def count_patterns() -> _Counts:
    nt = data("not_targets")
    links = alternation(nt["label_links"])
    return _Counts(
        label=re.compile(rf"(?:^|[-+•;,]\s*|\s)(?:{alternation(nt['count_heads'])})\s[^:;.]{{2,80}}(?::|\b(?:{links}))\s*$",
                         re.IGNORECASE),
        label_ends=tuple({":"} | {w.lower() for w in nt["label_links"]}),
        next_before=re.compile(rf"(?:{word_alternation(nt['next_qualifier_before'])})\s*$"),
        count_after=re.compile(rf"^[\s\w]{{0,60}}?\s(?:{alternation(nt['next_links'])}|:)\s*(?:(?:{alternation(nt['next_bounds'])})\s+)?"
                               rf"(?!\d[\d.,]*\s*(?:{alternation(nt['next_class_units'])})(?!\w))\d", re.IGNORECASE),
    )


@lru_cache(maxsize=None)
def _plan_figure() -> re.Pattern:
    return re.compile(rf"(?:^|[^\w])(?:{alternation(data('prose')['plan_words'])})\s*:?\s*$")


@lru_cache(maxsize=None)
def _rank_counts() -> re.Pattern:
    return re.compile(rf"(?:^|[^\w])(?:{alternation(data('not_targets')['rank_counts_after'])})\s*$")


@lru_cache(maxsize=None)
def _verb_cue() -> re.Pattern:
    return re.compile(rf"(?:^|[^\w])(?:{alternation(data('not_targets')['verb_before'])})\s*$")


@lru_cache(maxsize=None)
def _place_cue() -> re.Pattern:
    return re.compile(rf"(?:^|[^\w])(?:{alternation(data('not_targets')['place_before'])})\s*:?\s*$")


@lru_cache(maxsize=None)
def _unit_phrase() -> re.Pattern:
    nt = data("not_targets")
    return re.compile(rf"^(?:{alternation([u for u in nt['units'] if ' ' in u])})(?!\w)")


@lru_cache(maxsize=None)
def _noise_patterns():
    nt = data("not_targets")
    after = re.compile(rf"^\s*(?:{alternation(nt['after'])})(?!\w)", re.IGNORECASE)
    rank = re.compile(rf"(?:^|[^\w])(?:{alternation(nt['rank_before'])})\s*$", re.IGNORECASE)
    return after, rank


@lru_cache(maxsize=None)
def _group_cues(key: str):
    spec = data("not_targets")[key]
    return frozenset(u.lower() for u in spec["units"]), re.compile(rf"(?:{word_alternation(spec['before'])})(?!\w)")


def is_body_composition(unit: str, left: str, clause: Optional[str] = None) -> bool:
    """`Ban Chỉ đạo gồm 15 thành viên`: the members of a body named in the figure's clause."""
    units, before = _group_cues("body_members")
    return unit in units and bool(before.search(last_clause(left) if clause is None else clause))


@lru_cache(maxsize=None)
def _scope_before() -> tuple[re.Pattern, re.Pattern, frozenset]:
    nt = data("not_targets")
    places = frozenset(w.lower() for w in data("units")["coordinated"])
    return (re.compile(rf"(?:{word_alternation(nt['scope_before'])})\s*$"),
            re.compile(rf"(?:{word_alternation(nt['scope_before_single'])})\s*$"), places)


def is_scope(unit: str, low_left: str) -> bool:
    """`tại 11 huyện, thị xã, thành phố`, `trên địa bàn 10 huyện`: the places an activity covers (a coordinated
    list of place nouns after a place word, or one place noun after `địa bàn` / `trên tổng số`)."""
    coordinated, single, places = _scope_before()
    tail = low_left[-30:]
    if single.search(tail):
        return unit in places or "," in unit
    return "," in unit and bool(coordinated.search(tail))


@lru_cache(maxsize=None)
def _own_parts() -> tuple[re.Pattern, re.Pattern]:
    """The own-part pattern, and the first words of its verbs (where none stands, it cannot match)."""
    spec = data("not_targets")["own_parts"]
    return (re.compile(rf"(?:{word_alternation(spec['documents'])})\s+(?:{alternation(spec['verbs'])})(?!\w)[^.;:\n]{{0,80}}$"),
            any_first_word(spec["verbs"]))


def is_own_part(low_left: str) -> bool:
    """`Kế hoạch gồm 05 nhóm nhiệm vụ, 42 nhiệm vụ`: the parts the document itself is made of."""
    pattern, verb = _own_parts()
    tail = low_left[-120:]
    return verb.search(tail) is not None and pattern.search(tail) is not None


def is_audience(unit: str, clause: str, low_left: str = "") -> bool:
    """`Dự hội nghị có hơn 120 đại biểu`: the people attending the meeting a text reports (`clause`: the
    figure's clause before it, lowercased); in a sentence opening on attendance (`Tham dự có đại diện …
    Ủy ban nhân dân 102 xã, phường`), any count of those attending."""
    units, before = _group_cues("attendees")
    if unit in units and before.search(clause):
        return True
    sentence = low_left[max(low_left.rfind(". "), low_left.rfind("\n")) + 1:].lstrip(" -")
    return sentence.startswith(_attendance_openers())


@lru_cache(maxsize=None)
def _attendance_openers() -> tuple[str, ...]:
    return tuple(data("not_targets")["attendees"]["sentence_openers"])


def per_unit_measure(unit: str, right: str) -> bool:
    """`17,2 tiêu chí/xã`: a structural noun counted per place is an average, not a count of the text's parts."""
    return unit in data("not_targets")["per_unit_measures"] and bool(re.match(r"\s*/\s*[^\W\d_]", right))


_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=None)
def _reached_cues() -> tuple[frozenset, re.Pattern, frozenset]:
    r = data("not_targets")["reached_measures"]
    return (frozenset(r["units"]), re.compile(rf"(?<!\w)(?:{alternation(r['verbs'])})\s*$"),
            frozenset(r["places"]))


@lru_cache(maxsize=None)
def _reached_fraction_cues() -> tuple[re.Pattern, re.Pattern]:
    r = data("not_targets")["reached_fractions"]
    return (re.compile(rf"^[^\d,;.:()]{{0,40}}?(?<!\w)(?:{alternation(r['verbs_after'])})(?!\w)", re.IGNORECASE),
            re.compile(rf"(?<!\w)(?:{alternation(r['verbs_before'])})\s*$"))


def _reached_fraction(right: str, low_left: str) -> bool:
    """`có 19/21 chỉ tiêu chủ yếu đạt và vượt kế hoạch`, `hoàn thành 16/16 nhiệm vụ trọng tâm`: how many of the
    targets or tasks were reached, not a count of the text's parts."""
    after, before = _reached_fraction_cues()
    return after.match(right) is not None or before.search(low_left[-40:]) is not None


def _reached_measure(unit: str, left: str, low_left: str) -> bool:
    """`Bình quân mỗi xã đạt 17,6 tiêu chí`, `xã Yên Thuận 19 tiêu chí`: the criteria a place reaches, not a count
    of the text's parts; a figure before it in its clause is what it qualifies."""
    units, verbs, places = _reached_cues()
    if unit not in units or _DIGIT.search(last_clause(left, low_left)):
        return False  # "100% xã đạt 19 tiêu chí nông thôn mới": the criteria qualify the share
    if verbs.search(low_left[-20:]):
        return True
    words = left[-60:].split()
    named = 0
    while named < min(3, len(words)) and words[-1 - named][:1].isupper():
        named += 1
    return 0 < named < len(words) and words[-1 - named].lower() in places


@lru_cache(maxsize=None)
def _at_most_rank() -> re.Pattern:
    return re.compile(rf"(?:{alternation(data('not_targets')['rank_at_most'])})\s*$")


def at_most_rank(left: str) -> bool:
    """`top 5`: a rank at most that high (<=), not exactly it."""
    return bool(_at_most_rank().search(left))


def is_rank(left: str) -> bool:
    return _rank_tail(left[-25:])


def ranks(q: Quantity, left: str) -> bool:
    """The figure is a rank (`xếp hạng 31/34`, `đứng thứ 3`, `top 5 tỉnh`), not a count of things ranked
    (`xếp hạng 03 di tích cấp quốc gia`: a counted noun and no total after a word of `rank_counts_after`)."""
    if not is_rank(left):
        return False
    return not (q.unit and q.total is None and _rank_counts().search(left[-25:]))


@lru_cache(maxsize=4096)  # asked of each figure's words by reject_reason and again by the prose draft
def _rank_tail(tail: str) -> bool:
    return _ends()[2].may_end(tail) and bool(_noise_patterns()[1].search(tail))


def _row_name(figure: str) -> bool:
    """`1 Trường …`: a one- or two-digit number, no leading zero, before a capitalised (not all-capital) word."""
    m = _ROW_NUMBER_WORD.match(figure)
    return m is not None and m.group(1)[0].isupper() and m.group(1)[1].islower()


def class_unit(unit: Optional[str]) -> bool:
    """`sao`, `tiêu chí`: a noun no count of which is a target, only a class of the things another figure counts."""
    return bool(unit) and unit.lower() in data("not_targets")["class_units"]


def _is_label(left: str) -> bool:
    counts = count_patterns()
    return left.rstrip().lower().endswith(counts.label_ends) and bool(counts.label.search(left))


@lru_cache(maxsize=None)
def _distance() -> tuple[frozenset, re.Pattern, re.Pattern, re.Pattern]:
    nt = data("not_targets")
    return (frozenset(nt["distance_units"]), re.compile(rf"(?<!\w)(?:{alternation(nt['distance_conditions'])})(?!\w)"),
            re.compile(rf"(?<!\w)(?:{alternation(nt['distance_conditions_not'])})(?!\w)"),
            re.compile(rf"\s*(?:{alternation(nt['distance_series_bounds'])})\s*$", re.IGNORECASE))  # a clause of its bound only


@lru_cache(maxsize=None)
def _name_number() -> re.Pattern:
    nt = data("not_targets")
    return re.compile(rf"(?:{word_alternation(nt['name_number_heads'])})(?:\s+[^\W\d]+){{0,5}}?\s+(?:{alternation(nt['name_number_words'])})\s*$")


@lru_cache(maxsize=None)
def _grade() -> re.Pattern:
    return re.compile(rf"(?:{word_alternation(data('not_targets')['grade_words'])})\s+$")


@lru_cache(maxsize=None)
def _dimension() -> tuple[frozenset, re.Pattern]:
    nt = data("not_targets")
    return (frozenset(nt["dimension_units"]),
            re.compile(rf"(?:{word_alternation(nt['dimension_words'], not_after=nt['dimension_words_not_after'])})"
                       rf"(?:\s+(?:{alternation(nt['dimension_links'])}))?\s*:?\s*$"))


def reject_reason(q: Quantity, left: str, right: str, line_left: str,
                  low_left: Optional[str] = None, low_right: Optional[str] = None) -> Optional[str]:
    """Why a figure is not a target, or None. `left`/`right`: words of its item around it;
    `line_left`: its line before it (for list numbering); `low_left`/`low_right`: `left`/`right`
    lowercased with their offsets kept, when the caller has them."""
    units, before, modifier, tren_units, norm, mult = _patterns()
    unit = (q.unit or "").lower()
    if q.unit is None and q.value_max is None and q.total is None \
            and _YEAR.match(_HEAD_END.split(q.text.strip(), maxsplit=1)[0].replace(".", "")):
        return "year"
    if q.value_max is not None and _YEAR.match(str(int(q.value))) and _YEAR.match(str(int(q.value_max))):
        return "year_span"
    if q.value == 0 and q.value_max is None and "đồng" in (q.unit or ""):
        return "zero_money_name"  # "phiếu mua hàng 0 đồng", "siêu thị 0 đồng": a charity's name, no amount
    exact = low_left is not None
    if low_left is None:
        low_left = left.lower()
    if ranks(q, low_left):
        return None
    if unit in units and not q.time_measure and not per_unit_measure(unit, right) and not _reached_measure(unit, left, low_left) \
            and not (q.total is not None and _reached_fraction(right, low_left)):
        return f"unit:{unit}"
    clause = last_clause(left, low_left if exact else None)
    if q.value <= data("not_targets")["body_members"]["at_most"] and is_body_composition(unit, left, clause):
        return "body_members"
    if is_audience(unit, clause, low_left):
        return "audience"
    if is_own_part(low_left):
        return "own_part"
    if q.total is None and is_scope(unit, low_left):  # "tại 10/10 huyện, thành phố" counts coverage
        return "scope"
    if q.total is None and unit in _reorganised()[0] \
            and _reorganised_units(low_left, right.lower() if low_right is None else low_right):
        return "reorganised_units"
    if unit and unit != "%" and _unit_phrase().match(unit + (right.lower() if low_right is None else low_right)) \
            and not per_unit_measure(unit, right) and not _reached_measure(unit, left, low_left) \
            and not (q.total is not None and _reached_fraction(_unit_phrase().sub("", unit + right, 1), low_left)):
        return "unit_phrase"
    ends = _ends()
    if is_multiplier(unit) and not (ends[3].may_end(low_left[-20:]) and mult.search(low_left[-20:])):
        return "frequency"
    cue = before.search(low_left[-40:]) if ends[0].may_end(low_left[-40:]) else None
    if cue and not (unit and low_left.rstrip().endswith(":")) and not (unit and _place_cue().search(cue.group(0))) \
            and not (unit and unit != "%" and _verb_cue().search(cue.group(0))) \
            and not ((unit == "%" or unit and _BRACKET_OPEN.search(low_left[-30:])) and _plan_figure().search(cue.group(0))):
        # "(kế hoạch 68%)", "đạt 47% kế hoạch năm (kế hoạch 30 km)": the plan's own figure
        return "before_cue"  # "Kế hoạch 12", not "kinh phí thực hiện kế hoạch: 38.657 triệu đồng"
    if ends[1].may_end(low_left[-10:]) and modifier.search(low_left[-10:]):
        return "modifier"
    if _population_before().search(low_left[-32:]):
        return "population"
    if q.money:
        if norm.search(low_left[-70:]) and _SLASH_START.match(right):
            return "norm"
    rate = rate_reason(q, left, right, clause, low_left if exact else None)
    if rate:
        return rate
    distance_units, distance_cue, distance_not, bound_only = _distance()
    if unit in distance_units and (distance_cue.search(distance_not.sub(" ", clause.lower()))
                                   or bound_only.match(clause) and distance_cue.search(distance_not.sub(" ", low_left[-160:]))):
        return "distance_condition"  # "cách trường từ 04 km trở lên đối với …, từ 07 km trở lên đối với …": a series of them
    if unit in _dimension()[0] and _dimension()[1].search(low_left[-30:]):
        return "dimension"
    if _SMALL_INTEGER.match(q.text) and _name_number().search(low_left[-60:]):
        return "name_number"
    if _SMALL_INTEGER.match(q.text) and 1 <= q.value <= 12 and _grade().search(low_left[-12:]):
        return "grade"
    if _noise_patterns()[0].match(right):
        return "counter_or_age"
    if q.value in (100, 1000, 10000, 100000) and q.unit != "%" and _TREN.search(low_left[-12:]) \
            and tren_units.match(right if not q.unit else q.unit + right):
        return "per_head"
    if q.unit is None and q.kind not in ("percent", "per_population"):
        if not _is_label(left):
            return "bare_number"
    if not line_left.strip() and not right.strip() and not left.strip():
        return "alone"
    if right[:1] in (".", ")") and _opens_line(line_left):
        return "numbering"
    if _opens_line(line_left) and _row_name(q.text):
        return "row_number"  # "1 Trường Tiểu học Nghĩa Hành - Nhà lớp học": a table's row number before a name
    return None


def _opens_line(line_left: str) -> bool:
    """`re.search(r"(?:^|\n)[ \t]*$", line_left)` without trying every offset: only blanks since the line's start."""
    before = line_left.rstrip(" \t")
    return not before or before.endswith("\n")


@lru_cache(maxsize=None)
def _condition_head() -> re.Pattern:
    return re.compile(rf"^\W*(?:{alternation(data('not_targets')['condition_heads'])})(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=None)
def _funds_head() -> re.Pattern:
    return re.compile(rf"^\W*(?:{alternation(data('not_targets')['funds_heads'])})(?!\w)", re.IGNORECASE)


def names_funds(title: str) -> bool:
    """`2. Nguồn kinh phí`: a heading over the money a plan needs, whatever the heading above it sets."""
    return _funds_head().match(title) is not None


def names_conditions(title: str) -> bool:
    """`Điều kiện hỗ trợ`, `Đối tượng và điều kiện`: a heading over who or what qualifies, not over goals."""
    return _condition_head().match(title) is not None
