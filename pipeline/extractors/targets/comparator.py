"""The comparator of a figure, from the Vietnamese words around it (rules/targets/comparators.yaml).

Precedence: `… trở lên` after the figure; a bound or approximation right before it (`trên`,
`ít nhất`, `khoảng`, `dưới`, which win over a direction verb: `giảm hơn 3%` is `>`); a gap
against a plan (`vượt 0,05% so với chỉ tiêu` is `+=`); a move TO a level (`giảm còn`, `tăng lên`:
`=`); a move BY an amount (`giảm 2%`: `-=`, `tăng 11.006 người`: `+=`); a multiplier (`gấp 2 lần`: `=`).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple, Optional

from ...rules import load_yaml
from .lexicon import Ending, alternation, case_blind_alternation, any_first_word, data, is_multiplier, word_alternation

_BOUND_ORDER = (">=", "<=", "<", "~", ">")


class _Ends(NamedTuple):
    """Quick tests (lexicon.Ending) for the cue patterns that end where the words before a figure end."""
    bound: Ending
    to_level: Ending
    near_dir: Ending
    from_single: Ending
    from_level: Ending
    keep_word: re.Pattern  # a first word of by_clause_keep, decrease_by and increase_by: where none is, no match
    down_word: re.Pattern
    up_word: re.Pattern


@lru_cache(maxsize=None)
def _patterns():
    cmp = data("comparators")
    filler = alternation(cmp["filler"])
    gap = rf"(?:\s+(?:{filler}))*"
    bounds = []
    for op in _BOUND_ORDER:
        for cue in cmp["before"][op]:
            bounds.append((cue.lower(), op))
    bounds.sort(key=lambda t: len(t[0]), reverse=True)
    bound_re = re.compile(
        rf"(?:^|[^\w])(?P<cue>{alternation([b for b, _ in bounds])})(?:\s+(?:{alternation(cmp['bound_filler'])}))*\s*$"
    )
    per = r"(?:\s*/\s*[^\W\d_]+(?:\s+[^\W\d_]+)?){0,3}"  # "58 triệu đồng/người/năm trở lên"
    after_re = {op: re.compile(rf"^{per}\s*(?:{alternation(cues)})(?!\w)") for op, cues in cmp["after"].items()}
    to_level = re.compile(rf"(?:^|[^\w])(?:{alternation(cmp['to_level'])}){gap}\s*$")
    down = re.compile(rf"(?:^|[^\w])(?:{alternation(cmp['decrease_by'])})(?!\w)")
    up = re.compile(rf"(?:^|[^\w])(?:{alternation(cmp['increase_by'])})(?!\w)")
    near_dir = re.compile(rf"(?:^|[^\w])(?P<verb>{alternation(cmp['decrease_by'] + cmp['increase_by'])}){gap}\s*$")
    return dict(bounds, ), bound_re, after_re, to_level, down, up, near_dir


@lru_cache(maxsize=None)
def _ends() -> _Ends:
    cmp = data("comparators")
    bounds = [cue for op in _BOUND_ORDER for cue in cmp["before"][op]]
    return _Ends(
        bound=Ending(bounds, cmp["bound_filler"]),
        to_level=Ending(cmp["to_level"], cmp["filler"]),
        near_dir=Ending(cmp["decrease_by"] + cmp["increase_by"], cmp["filler"]),
        from_single=Ending(cmp["from_single_value"]),
        from_level=Ending(cmp["from_level_before"]),
        keep_word=any_first_word(cmp["by_clause_keep"]),
        down_word=any_first_word(cmp["decrease_by"]),
        up_word=any_first_word(cmp["increase_by"]),
    )


@lru_cache(maxsize=None)
def _clause_patterns():
    """Words after a clause's direction verb that make its figure a level, not an amount
    (`by_clause_blockers`), and qualifiers that do not (`by_clause_keep`: `thứ 3 trở lên`);
    `từ` before a single value (`đạt từ 94,5%`), an at-least bound; `từ` before a starting level."""
    cmp = data("comparators")
    blockers = re.compile(rf"(?:^|[^\w])(?:{alternation(cmp['by_clause_blockers'])})(?!\w)")
    keep = re.compile(rf"(?:{word_alternation(cmp['by_clause_keep'])})(?!\w)")
    from_single = re.compile(rf"(?:^|[^\w])(?:{alternation(cmp['from_single_value'])})\s*$")
    from_level = re.compile(rf"(?:^|\s)(?:{alternation(cmp['from_level_before'])})\s*$")
    return blockers, keep, from_single, from_level


def starts_from_level(low_left: str, low_right: str) -> bool:
    """`giảm từ 19,46% (đầu năm 2011), xuống còn 7,72%`, `nâng … từ 31,5% năm 2024 lên trên 45%`: the figure
    after `từ` is the level a change starts from (lowercased words before and after the figure)."""
    if not _ends().from_level.may_end(low_left) or not _clause_patterns()[3].search(low_left):
        return False
    return _gap_patterns()[3].search(low_right) is not None


@lru_cache(maxsize=None)
def _gap_patterns():
    cmp = data("comparators")
    against = re.compile(rf"^\s*(?:%\s*)?(?:{alternation(cmp['gap_objects'])})(?!\w)")
    up = re.compile(rf"(?:^|[^\w])(?:{alternation(cmp['gap_up'])})\s*$")
    down = re.compile(rf"(?:^|[^\w])(?:{alternation(cmp['gap_down'])})\s*$")
    bounds = alternation([w for words in cmp["before"].values() for w in words])
    # "từ 31,5% năm 2024 lên trên 45%": the new level may carry its own bound
    from_to = re.compile(rf"^[^;.]{{0,80}}?(?:{alternation(cmp['from_level_next'])})\s+(?:(?:{bounds})\s+)?\d")
    return against, up, down, from_to


def bound_cue(left: str) -> Optional[tuple[str, str]]:
    """(comparator, cue) when a bound/approximation word stands right before the figure."""
    bounds, bound_re, *_ = _patterns()
    low = left.lower()
    m = bound_re.search(low) if _ends().bound.may_end(low) else None
    if not m:
        return None
    cue = " ".join(m.group("cue").split())
    return bounds.get(cue), cue


@lru_cache(maxsize=None)
def _bound_words() -> dict[str, re.Pattern]:
    before = data("comparators")["before"]
    return {code: re.compile(rf"{case_blind_alternation(before[code], whole_word=True)}(?!\w)", re.IGNORECASE)
            for code in _BOUND_ORDER if code in before and code != "~"}


def bound_in(words: str, codes: tuple[str, ...] = (">=", "<=", "<", ">")) -> Optional[tuple[str, re.Match]]:
    """The bound (`tối đa`, `không vượt quá`, `ít nhất` …) written among words that are no figure's own (a table
    header or a row label), with where it stands; only the bounds of `codes`."""
    for code, pattern in _bound_words().items():
        m = pattern.search(words) if code in codes else None
        if m:
            return code, m
    return None


@lru_cache(maxsize=None)
def _symbol_re():
    symbols = data("comparators")["symbols"]
    ordered = sorted(symbols, key=len, reverse=True)
    return re.compile(rf"(?:^|[\s:(,])(?P<sym>{'|'.join(re.escape(s) for s in ordered)})\s*$"), symbols, tuple(symbols)


def symbol_cue(left: str) -> Optional[str]:
    """The comparator of a sign written right before a figure in prose ("đạt ≥ 95%", "tỷ lệ >= 80%")."""
    pattern, symbols, signs = _symbol_re()
    m = pattern.search(left) if left.rstrip().endswith(signs) else None
    return symbols[m.group("sym")] if m else None


@lru_cache(maxsize=None)
def _not_direction() -> re.Pattern:
    return re.compile(rf"(?:{word_alternation(data('comparators')['not_direction'])})(?!\w)")


@lru_cache(maxsize=None)
def _estimate_as_of() -> tuple[re.Pattern, tuple[str, ...], re.Pattern]:
    """An estimate word, then the day or month it stands at (the value layer's as-of words, rules/periods.yaml),
    then a link: the figure is estimated. With the estimate words' first words, which the text must hold, and
    a search for any of them."""
    cmp, per = data("comparators"), load_yaml("periods.yaml")
    estimate, links = alternation(cmp["estimate_words"]), alternation(cmp["estimate_as_of_links"])
    as_of = alternation(per["as_of_words"] + per["as_of_day_words"])
    pattern = re.compile(rf"(?<!\w)(?:{estimate})\s+(?:{as_of})\s*(?:tháng\s*)?\d{{1,2}}(?:\s*/\s*\d{{1,2}})?(?:\s*/\s*\d{{4}})?"
                         rf"(?:\s+năm\s+\d{{4}})?\s*,?\s*(?:(?:{links})\s*)?$")
    firsts = tuple({w.split()[0] for w in cmp["estimate_words"]})
    return pattern, firsts, re.compile("|".join(map(re.escape, firsts)))


@lru_cache(maxsize=None)
def _estimate_opens() -> re.Pattern:
    """An estimate word opening the figure's clause, then words and at most a year (`Ước cả năm 2025 thụ lý`)."""
    cmp = data("comparators")
    return re.compile(rf"^\s*(?:[-+•]\s*)?(?!(?:{alternation(cmp['estimate_not'])})(?!\w))(?:{alternation(cmp['estimate_words'])})"
                      rf"\s+[^\d;()]*(?:(?:19|20)\d\d[^\d;()]*)?$")


@lru_cache(maxsize=None)
def _estimate_verb() -> re.Pattern:
    """An estimate word, then a verb or two, right before the figure (`toàn tỉnh ước đón 14,36 triệu lượt khách`)."""
    cmp = data("comparators")
    return re.compile(rf"(?<!\w)(?!(?:{alternation(cmp['estimate_not'])})(?!\w))(?:{alternation(cmp['estimate_words'])})"
                      rf"\s+(?:[^\W\d_]+\s+){{1,2}}$")


def _blank(m: re.Match) -> str:
    return " " * len(m.group(0))


def _in_name(original: str, lowered: str, m: re.Match) -> bool:
    """`Cảng tàu khách quốc tế Hạ Long`: a direction word written with a capital, a capitalised word after it, inside
    its clause, is part of a name (`g) Giảm lượng phân bón …` is no name)."""
    start = m.start() if m.group()[:1].isalnum() else m.start() + 1
    return len(original) == len(lowered) and original[start:start + 1].isupper() \
        and original[m.end():].lstrip()[:1].isupper() and bool(original[:start].strip(" -+•*"))


def comparator_for(left: str, right: str, unit: Optional[str], clause_left: str,
                   ranged: bool = False, lowered: Optional[tuple[str, str, str]] = None) -> tuple[str, str]:
    """(comparator, rule) for a figure with `left`/`right` words around it.

    `left` is the item's text before the figure; `clause_left` the part after the last comma;
    `lowered`: the three lowercased, when the caller has them.
    """
    bounds, bound_re, after_re, to_level, down, up, near_dir = _patterns()
    ends = _ends()
    low_left, low_right, clause = lowered or (left.lower(), right.lower(), clause_left.lower())
    not_dir = _not_direction()
    if not_dir.search(low_left[-90:]):
        low_left, clause = not_dir.sub(_blank, low_left), not_dir.sub(_blank, clause)
    _GAP_AGAINST, _UP_WORDS, _DOWN_WORDS, _ = _gap_patterns()
    for op, pat in after_re.items():
        if pat.match(low_right):
            return op, "after"
    tail = low_left[-60:]
    if _GAP_AGAINST.match(low_right) and not (unit and is_multiplier(unit.lower())):  # "tăng 1,6 lần so với năm 2020": a multiple
        if _UP_WORDS.search(tail.rstrip()):
            return "+=", "gap"
        if _DOWN_WORDS.search(tail.rstrip()):
            return "-=", "gap"
    sym = symbol_cue(tail)
    if sym:
        return sym, "symbol"
    estimate_as_of, estimate_firsts, estimate_first = _estimate_as_of()
    if estimate_first.search(tail) and estimate_as_of.search(tail):
        return "~", "estimate_as_of"  # "ước đến ngày 30/6/2025 đạt 168,2 tỷ đồng"
    b = bound_cue(tail)
    if b and b[0]:
        return b[0], "bound"
    if clause.lstrip(" -+•").startswith(estimate_firsts) and _estimate_opens().match(clause):
        return "~", "estimate_opens"  # "Ước cả năm 2025 thụ lý 1.084 vụ việc", "ước giải ngân cả năm đạt 95,2%"
    if "ước" in tail and _estimate_verb().search(tail):
        return "~", "estimate_verb"
    if unit and is_multiplier(unit.lower()):
        return "=", "multiplier"
    blockers, keep, from_single, _ = _clause_patterns()
    kept = keep.sub(" ", tail) if ends.keep_word.search(tail) else tail
    if ends.to_level.may_end(kept) and to_level.search(kept):
        return "=", "to_level"
    m = near_dir.search(tail) if ends.near_dir.may_end(tail) else None
    if not ranged and starts_from_level(tail, low_right):
        return "=", "from_level"  # "giảm từ 19,46% (đầu năm 2011), xuống còn 7,72%": a starting level
    if not m and not ranged and ends.from_single.may_end(tail) and from_single.search(tail) \
            and not (ends.to_level.may_end(tail) and to_level.search(tail)):
        return ">=", "from_single"  # "đạt từ 94,5%": từ before one value is "at least"
    if m:
        verb = m.group("verb")
        return ("-=" if down.search(" " + verb) and not up.fullmatch(verb) else "+="), "by"
    last_dir = None
    for pat, op, first_word in ((down, "-=", ends.down_word), (up, "+=", ends.up_word)):
        if not first_word.search(clause):
            continue
        for dm in pat.finditer(clause):
            if (last_dir is None or dm.end() > last_dir[0]) and not _in_name(clause_left, clause, dm):
                last_dir = (dm.end(), op)
    after_dir = clause[last_dir[0]:] if last_dir else ""
    if last_dir and not blockers.search(keep.sub(" ", after_dir)) and after_dir.rfind("(") <= after_dir.rfind(")"):
        return last_dir[1], "by_clause"  # not into an aside: "giảm 50% so với năm 2024 (năm 2024 xảy ra 118 ổ dịch)"
    return "=", "default"
