"""Indicator boundaries: the words that say what a figure measures (rules/targets/indicator.yaml).

Two shapes: the indicator before the figure (`Tỷ lệ lao động qua đào tạo đạt 42%`) and the
figure leading (`100% xã, phường đạt chuẩn …`, `giảm 2,5% tỷ lệ hộ nghèo`, `235 lao động xuất cảnh …`).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ...rules import load_yaml
from .lexicon import Ending, alternation, case_blind_alternation, data, first_letters, last_words_start
from .prose_words import figure_words

_PLAN_WORDS_LEAD = re.compile(r"^\s*(?:so\s+với\s+|so\s+)?(?:kế hoạch|kh|chỉ tiêu)(?:\s+(?:năm|tỉnh giao|được giao|đề ra))?\s*[,;)]", re.IGNORECASE)
# "tỷ lệ bao phủ BHYT mới đạt": "mới" = only; "việc làm mới đạt", "nông thôn mới đạt": "mới" = new
_ONLY_REACHED = re.compile(r"^(.*?)\s+mới(?=\s+(?:đạt|chỉ đạt|được)\s*$)", re.IGNORECASE | re.DOTALL)
_JUNK_LEAD = ",:;.()-–*“”\"'\\"  # and spaces, and a markdown escape ("\\- Tỷ lệ …"); the end keeps a closing bracket
_JUNK_TAIL = ",:;.(-–*“”\"'≥≤<>=~"  # and a comparator sign left before the figure ("… đạt ≥ 95%")


@lru_cache(maxsize=None)
def _bullet() -> re.Pattern:
    """A list mark; a bare item number too ("1 Số hộ …", a table row's lost dot), but not a count of time opening a
    sentence ("8 tháng đầu năm …", indicator.yaml time_counts)."""
    times = alternation(data("indicator")["time_counts"])
    return re.compile(rf"^[ \t]*(?:[-+•*–]|\d{{1,2}}(?:\.\d{{1,2}})*(?:[.)]|(?![ \t]*(?i:{times})(?!\w)))"
                      r"|[a-zđ]\)|\(\d+\))[ \t]*", re.MULTILINE)


@lru_cache(maxsize=None)
def _period_words() -> re.Pattern:
    """Period phrases inside an indicator's words (indicator.yaml period_words)."""
    w = data("indicator")["period_words"]
    lead, count = alternation(w["leads"]), alternation(w["part_counts"])
    quarter, school, span = alternation(w["quarter"]), alternation(w["school_year"]), alternation(data("periods")["span_words"])
    year = r"(?:19|20)\d\d"
    not_duration = "".join(f"(?<!{re.escape(d)} )" for d in w["duration_before"])
    named = load_yaml("periods.yaml")["as_of_named"]  # "đến hết thời gian giải ngân (31/01/2028)"
    words = [*named, *w["leads"], *w["part_counts"], *w["cumulative"], *w["quarter"], *data("periods")["span_words"],
             *w["school_year"], *w["phrases"], "năm", "ngày"]
    # every match opens a word, on one of the characters of the look-ahead: other offsets fail at once; the
    # duration look-behinds run only where a count stands
    return re.compile(
        rf"(?<!\w)(?=(?-i:[{first_letters(words)}\d(]))"
        rf"(?:(?:{alternation(named)})\s+(?:[^\W\d]+\s+){{0,8}}\(\s*\d{{1,2}}/\d{{1,2}}/\d{{4}}\s*\)"
        rf"|(?:(?:{lead})\s+)?"
        rf"(?:(?:{count})\s+tháng(?:\s+(?:đầu|cuối))?\s+năm(?:\s+{year})?|\(\s*(?:{count})\s+tháng(?:\s+đầu(?:\s+năm)?)?\s*(?=:|$)"
        rf"|(?:{alternation(w['cumulative'])})\s+(?:{count})\s+tháng"
        rf"|(?=(?:{count})\s){not_duration}(?:{count})\s+tháng(?:\s+(?:vừa\s+)?qua)?(?=\s*$|\s+(?:{alternation(w['bare_months_then'])})(?!\w)|\s*[,;:])"
        rf"|(?:{quarter})\s+(?:I{{1,3}}|IV|[1-4])(?:\s+năm\s+{year}|\s*/\s*{year})?|năm\s+{year}(?:\s*[-–]\s*{year})?"
        rf"|(?:{span})\s+{year}\s*[-–]\s*{year}|(?:{school})\s+{year}\s*[-–]\s*{year}"
        rf"|{alternation(w['phrases'])}|(?:ngày\s+)?\d{{1,2}}/\d{{1,2}}/\d{{4}})(?!\w))",
        re.IGNORECASE,
    )


@lru_cache(maxsize=None)
def _period_cue() -> re.Pattern:
    """A word every match of _period_words() holds (`tháng`, `năm`, a date's `/` or a word of its lists): where it
    finds none, there is no period phrase to look for."""
    w = data("indicator")["period_words"]
    cues = ["tháng", "năm", "/", *w["quarter"], *data("periods")["span_words"], *w["school_year"], *w["phrases"]]
    return re.compile(case_blind_alternation(cues), re.IGNORECASE)


def _without_periods(text: str) -> str:
    """`text` with each period phrase (_period_words) turned into a space."""
    return _period_words().sub(" ", text) if _period_cue().search(text) else text


@lru_cache(maxsize=None)
def _patterns():
    ind = data("indicator")
    end = re.compile(rf"(?:^|[\s(])(?:{alternation(ind['link_end'])})\s*$", re.IGNORECASE)  # "… (chiếm 6,1%)"
    start = re.compile(rf"^\s*(?!(?:{alternation(ind['lead_start_compounds'])})(?!\w))"
                       rf"(?:{alternation(ind['lead_start'])})(?:\s+|\s*[,:]\s*|$)", re.IGNORECASE)
    opener = re.compile(rf",\s*(?=(?:{alternation(ind['clause_openers'])})(?!\w))", re.IGNORECASE)
    right_start = re.compile(rf"^\s*(?:{alternation(ind['right_lead'])})(?:\s+|\s*[,:]\s*|$)", re.IGNORECASE)
    new_thing = re.compile(rf"(?:{alternation(ind['new_things'])})\s*$", re.IGNORECASE)
    right_end = re.compile(rf"(?:^|\s)(?:{alternation(ind['right_tail'])})\s*$", re.IGNORECASE)
    return end, start, int(ind["max_words"]), opener, right_start, right_end, new_thing


@lru_cache(maxsize=None)
def _link_words() -> int:
    """The most words a link verb (indicator.yaml link_end) has."""
    return max(len(p.split()) for p in data("indicator")["link_end"])


@lru_cache(maxsize=None)
def _keep_end() -> re.Pattern:
    return re.compile(rf"(?:^|\s)(?:{alternation(data('indicator')['keep_end'])})\s*$", re.IGNORECASE)


@lru_cache(maxsize=None)
def _ends() -> tuple[Ending, Ending, Ending]:
    """Quick tests (lexicon.Ending) for the link verbs, right tails and kept ends a text may end on."""
    ind = data("indicator")
    return (Ending(ind["link_end"], flags=re.IGNORECASE), Ending(ind["right_tail"], flags=re.IGNORECASE),
            Ending(ind["keep_end"], flags=re.IGNORECASE))


def _trim(t: str) -> str:
    """Spaces and stray punctuation off both ends (a closing bracket stays at the end): what
    `^[\\s,:;.()…]+|[\\s,:;.(…]+$` removes, without trying a pattern at every offset."""
    i, j = 0, len(t)
    while i < j and (t[i] in _JUNK_LEAD or t[i].isspace()):
        i += 1
    if i == j:
        return ""
    while j > i and (t[j - 1] in _JUNK_TAIL or t[j - 1].isspace()):  # a lone sign ('≥') is no lead but is a tail
        j -= 1
    return t[i:j]


@lru_cache(maxsize=4096)  # the same stretch of text is cleaned for each figure it leads to
def clean(text: str, keep: str = "last") -> str:
    """Indicator text: trimmed of period words, link verbs, leads, bullets and stray punctuation.

    `keep="last"` reads words before a figure (kept from the last clause opener on, link verbs
    trimmed at the end); `keep="first"` words after it (only comparator leads trimmed)."""
    end, start, max_words, opener, right_start, right_end, new_thing = _patterns()
    link_end, tail_end, kept_end = _ends()
    t = _PLAN_WORDS_LEAD.sub(" ", _bullet().sub("", text))
    if keep == "first":
        t = _without_periods(t)
        t = " ".join(t.split())
        for _ in range(3):
            before = t
            t = right_start.sub("", _trim(t))
            t = (right_end.sub("", t) if tail_end.may_end(t) and not _keep_end().search(t) else t).strip()
            if t == before:
                break
        words = t.split()
        return " ".join(words[:max_words]).lower()
    if ":" in t:
        head, _, tail = t.rpartition(":")
        tail = _without_periods(tail)  # "…: 6 tháng đầu năm đạt 45%": a period, not a numbered item
        t = tail if len(clean(tail, keep).split()) >= 2 else head
    t = _after_lead_clauses(t)
    t = _ONLY_REACHED.sub(lambda m: m.group(0) if new_thing.search(m.group(1)) else m.group(1), t)
    cuts = list(opener.finditer(t))
    if cuts and len(clean(t[cuts[-1].end():], keep).split()) >= 1:
        t = t[cuts[-1].end():]
    t = _without_periods(t)
    t = " ".join(t.split())
    t = _after_actor(t)
    for _ in range(4):
        before = t
        t = _trim(t)
        if link_end.may_end(t) and not (kept_end.may_end(t) and _keep_end().search(t)):
            m = end.search(t, last_words_start(t, _link_words()))
            t = t[:m.start()] if m else t  # its one match runs to the end
        t = start.sub("", t)
        t = t.strip()
        if t == before:
            break
    words = t.split()
    if len(words) > max_words:
        t = " ".join(words[-max_words:] if keep == "last" else words[:max_words])
    return t.lower()


_DATELINE = re.compile(r"^\s*\(?[^\W\d_][^()\n]{0,30}\)\s*[-–]\s+")  # "(Cổng TTĐT) - ", "(QBĐT) - " opening a news post


@lru_cache(maxsize=None)
def _source_lead() -> re.Pattern:
    ind = data("indicator")
    return re.compile(rf"^\s*(?!(?:{alternation(ind['source_leads_not'])})(?!\w))(?:{alternation(ind['source_leads'])})(?!\w)",
                      re.IGNORECASE)


def _after_lead_clauses(t: str) -> str:
    """`(Cổng TTĐT) - Theo báo cáo của Cảng vụ …, trong 11 tháng năm 2026, sản lượng hàng hóa …`: a news post's
    dateline, and the clauses naming a source or a period set off by commas before what is measured, are no part
    of it."""
    t = _DATELINE.sub("", t, count=1)
    if "," not in t:
        return t
    parts = t.split(",")
    k = 0
    while k < len(parts) - 1 and (_source_lead().match(parts[k]) or _period_words().fullmatch(parts[k].strip())
                                  or fronted_baseline(parts[k]) is not None or _time_clause(parts[k])):
        k += 1
    rest = ",".join(parts[k:])
    return rest if k else t


@lru_cache(maxsize=None)
def _fronted_baseline() -> re.Pattern:
    w = data("indicator")["baseline"]
    return re.compile(rf"^[\s\-+•*]*(?:{alternation(w['leads'])})\s+(?P<base>(?:(?!(?:{alternation(w['stops'])})(?!\w))[^,;.:()\n%])+)$",
                      re.IGNORECASE)


def _time_clause(part: str) -> bool:
    """`Cùng kỳ năm 2024`, `Kế hoạch năm 2025`, `Dự kiến đến ngày 31/01/2026`: a period and at most three words of
    its own, none naming a measure, set off by a comma before what is measured."""
    if not _period_cue().search(part):
        return False
    rest = _without_periods(part)
    return rest != part and len(rest.split()) <= 3 and not any(ch.isdigit() for ch in rest) \
        and _measure_head().search(rest) is None


@lru_cache(maxsize=None)
def _measure_head() -> re.Pattern:
    return re.compile(rf"(?<!\w)(?:{alternation(data('indicator')['measure_heads'])})(?!\w)", re.IGNORECASE)


def fronted_baseline(clause: str) -> Optional[str]:
    """`So với năm 2023` set off by a comma before what is measured (`So với năm 2023, số vụ giảm 12 vụ`): what the
    figures after it are compared with (`so với năm 2023`); None for other words."""
    m = _fronted_baseline().match(clause.strip())
    return f"so với {' '.join(m['base'].split()).lower()}" if m else None


@lru_cache(maxsize=None)
def _actor_marker() -> re.Pattern:
    return re.compile(rf"{case_blind_alternation(data('indicator')['actor_markers'], whole_word=True)}\s+(?=\w)", re.IGNORECASE)


def _after_actor(t: str) -> str:
    """`trung tâm đã thụ lý` → `thụ lý`: the words after the actor and its tense marker (not after what is
    measured: `tỷ lệ người dân có hồ sơ sức khỏe điện tử đã đạt`)."""
    m = _actor_marker().search(t)
    if m is None or m.start() == 0 or figure_words().measure.search(t, 0, m.start()) or re.match(r"được(?!\w)", t[m.end():]):
        return t
    tail = t[m.end():]
    return tail if clean(tail).strip() else t  # "toàn tỉnh đã hoàn thành 1.250 căn": no words of its own after it


@lru_cache(maxsize=4096)  # asked of the same words for each figure they lead to
def strip_periods(text: str) -> str:
    """Lowercased words without period phrases ("đạt chuẩn … giai đoạn 2013 - 2015" → "đạt chuẩn …")."""
    return " ".join(_without_periods(text).split()).strip(" ,;.").lower()


def left_start(text: str, lo: int, hi: int) -> int:
    """Where the indicator before a figure starts inside [lo, hi): after bullets and leading space."""
    m = _bullet().match(text, lo, hi)
    pos = m.end() if m else lo
    while pos < hi and text[pos] in " \t,:;(":
        pos += 1
    return pos


@lru_cache(maxsize=None)
def _right_stop() -> re.Pattern:
    """Where the words after a figure stop (only the match's start counts): one class of the stops' first
    characters opens the pattern, so that the regex engine skips to them; what must follow each is looked at
    from there."""
    ind = data("indicator")
    openers = alternation(ind["clause_openers"])
    bounds = alternation([w for ws in data("comparators")["before"].values() for w in ws])
    measure = rf"(?:{ind['accompanying_total']}\s+)?(?:{alternation(ind['accompanying_measures'])})(?!\w)"
    return re.compile(r"[;.()\n,\s](?:(?<=[;.()\n])"
                      r"|(?<=,)(?=\s*(?:\S*\d|(?:trong đó|đạt|chiếm)(?!\w)" rf"|(?:{openers}|{alternation(ind['right_elaborations'])})(?!\w)))"
                      rf"|(?<=\s)(?=(?:và|hoặc|trong đó)\s+(?:(?:{bounds})\s+)?(?=[\d(]|đạt)|(?:vào|đến)\s+(?:cuối\s+)?năm|(?:so với|so)\s"
                      rf"|(?:{alternation(ind['accompanying_leads'])})\s+{measure}))",
                      re.IGNORECASE)


@lru_cache(maxsize=None)
def _reason() -> re.Pattern:
    return re.compile(rf"^[\s,]*(?:{alternation(data('indicator')['right_reasons'])})(?!\w)", re.IGNORECASE)


def gives_reason(words: str) -> bool:
    """The words after a figure open on a reason or a breakdown (`do nhu cầu … chững lại`): they name nothing."""
    return _reason().match(words) is not None


@lru_cache(maxsize=None)
def _dimension() -> re.Pattern:
    w = data("indicator")
    return re.compile(rf"^[ \t]*{w['dimension_lead']}\s+(?P<dimension>{alternation(w['dimensions'])})(?!\w)", re.IGNORECASE)


def dimension_of(words: str) -> Optional[re.Match]:
    """`về lượng`, `về trị giá` right after a change: the dimension of what is measured it tells (group `dimension`)."""
    return _dimension().match(words)


def right_words(text: str, start: int, hi: int) -> tuple[str, int]:
    """The words after a figure up to the next boundary: (text, end offset)."""
    m = _right_stop().search(text, start, hi)
    end = m.start() if m else hi
    while end > start and text[end - 1] in " \t":
        end -= 1
    return text[start:end], end


@lru_cache(maxsize=None)
def _object_verbs() -> re.Pattern:
    ind = data("indicator")
    verb = alternation(ind["object_verbs"])
    bound = alternation(ind["object_bounds"])
    joiner = alternation(ind["object_joiners"])
    return re.compile(rf"(?<!\w)(?:(?:{verb})(?:\s*,\s*|\s+(?:{joiner})\s+|\s+))+(?:(?:{bound})\s+)*$", re.IGNORECASE)


@lru_cache(maxsize=None)
def _object_verb_end() -> Ending:
    ind = data("indicator")
    return Ending(ind["object_verbs"], ind["object_verbs"] + ind["object_bounds"] + ind["object_joiners"], flags=re.IGNORECASE)


def object_verb_start(left: str) -> int | None:
    """`hỗ trợ xây mới, sửa chữa 145 căn nhà`, `… tỉnh cấp khoảng 1,2 triệu thẻ`: where the run of
    verbs whose object the figure counts starts in `left` (the words right before the figure)."""
    tail = left[-80:]
    m = _object_verbs().search(tail) if _object_verb_end().may_end(tail) else None
    if m is None:
        return None
    level = _not_verbs().search(tail, max(0, m.start() - 12), m.end())
    if level is not None and level.end() > m.start():
        return None  # "trung cấp khoảng 12.000 người": a level, no verb
    return len(left) - len(left[-80:]) + m.start()


@lru_cache(maxsize=None)
def _not_verbs() -> re.Pattern:
    return re.compile(rf"{case_blind_alternation(data('indicator')['object_verbs_not'], whole_word=True)}(?!\w)", re.IGNORECASE)
