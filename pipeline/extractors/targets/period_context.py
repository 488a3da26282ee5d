"""Where a figure stands in time: its period and deadline from its own words, its brackets, its
sentence, its `trong đó`/`+` parent, the year in force in its section or paragraph, or the
document's year (corpus/GOLD_FORMAT.md `period`)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple, Optional

from .context import Context
from .draft import Draft
from .kind import of_plan
from .lexicon import Ending, alternation, case_blind_alternation, data
from .period import end_year_of, partial_of, says_per_year, says_whole_year
from .period_in_force import PART_OF_YEAR, bracketed_before, carry, gone_by, in_result_section
from .prose_words import prose_words
from .quantities import Quantity

class _Words(NamedTuple):
    """Patterns of the period words around a figure (rules/targets/periods.yaml)."""
    right_cue: re.Pattern  # "đạt 65% vào năm 2025", "(cuối năm 2015)": the period right after leads to it
    right_lead: re.Pattern  # a period written as "vào năm 2025", "cuối năm 2015" right after the figure
    same_period: re.Pattern  # a sentence opening on "Cùng kỳ"
    deadline_right: re.Pattern  # "đạt 90% vào cuối năm 2025": a deadline
    deadline_left: re.Pattern  # "đến hết năm 2025 đạt 90%"
    per_year_before: re.Pattern  # "… tham gia bảo hiểm y tế hằng năm đạt 100%": a yearly rate said before its figure
    per_year_end: Ending
    rate_words: re.Pattern  # "tăng bình quân 8%/năm" is a rate over the span; "đạt 18 nghìn tấn/năm" a level
    this_year: re.Pattern  # "năm nay": the year of the text itself
    vintage: re.Pattern  # "xe sản xuất trước năm 2010": a year gone names which things, not when
    whole_span: re.Pattern  # "Tổng cả giai đoạn tối thiểu 1.700 km": over the plan's span
    per_year_opener: re.Pattern  # "Mỗi năm di dời ít nhất 20 cơ sở", "Hằng năm, ít nhất 80% …": a yearly rate opening its clause
    present: re.Pattern  # "hiện toàn tỉnh còn 47 bản": the present state, in a post's own year
    plan_funds: re.Pattern  # "Tổng kinh phí thực hiện Kế hoạch dự kiến 86 tỷ đồng": over the plan's span
    merit: re.Pattern  # "… cho 15 tập thể có thành tích xuất sắc trong công tác … năm 2024": the year of the work honoured


@lru_cache(maxsize=None)
def _words() -> _Words:
    per = data("periods")
    cues, edges, leads = alternation(per["right_cues"]), alternation(per["year_edges"]), alternation(per["deadline_leads"])
    due_edges = alternation(per["deadline_edges"])
    span = rf"(?:năm|{alternation(per['span_words'])})"
    per_year = [w for w in per["per_year"] if not w.startswith("/")]
    return _Words(
        right_cue=re.compile(rf"(?:{cues})\s+(?:(?:{edges})\s+)?(?:{span}|{alternation(per['right_cue_dates'])})?(?:\s+[IVX]{{1,3}}\s*/)?\s*$"
                             rf"|\(\s*(?:(?:{edges})\s+)?{span}?\s*$", re.IGNORECASE),
        right_lead=re.compile(rf"(?:{cues}|năm)\s"),
        vintage=re.compile(rf"{case_blind_alternation(per['vintage_cues'], whole_word=True)}\s+(?:năm\s*)?$", re.IGNORECASE),
        merit=re.compile(rf"{case_blind_alternation(per['merit_words'], whole_word=True)}(?!\w)[^.;\n\d]{{0,160}}?\bnăm\s+(?=(?:19|20)\d\d(?!\d))",
                         re.IGNORECASE),
        whole_span=re.compile(rf"{case_blind_alternation(per['whole_span'], whole_word=True)}(?!\w)(?!\s*(?:\d|năm))", re.IGNORECASE),
        per_year_opener=re.compile(rf"^[\s\-+•*]*(?:(?:[a-zđ]|\d{{1,2}}(?:\.\d{{1,2}})*)[.)]\s+)?(?:{alternation(per['per_year_openers'])})(?!\w)\s*,?[^\d,;:()]{{0,80}}$", re.IGNORECASE),
        present=re.compile(rf"{case_blind_alternation(per['present_words'], whole_word=True, not_after=per['present_not_after'])}(?!\w)(?!\s+(?:{alternation(per['present_not_before'])})(?!\w))",
                           re.IGNORECASE),
        plan_funds=re.compile(rf"^[\s\-+•*]*(?:{alternation(per['plan_funds'])})(?!\w)\D*$", re.IGNORECASE),
        this_year=re.compile(rf"{case_blind_alternation(per['this_year'], whole_word=True)}(?!\w)", re.IGNORECASE),
        same_period=re.compile(rf"^\W*(?:{alternation(per['same_period'])})", re.IGNORECASE),
        deadline_right=re.compile(rf"^[^;.]*?(?:{leads})\s+(?:(?:{due_edges})\s+)?năm", re.IGNORECASE),
        deadline_left=re.compile(rf"{case_blind_alternation(per['deadline_leads'])}\s+(?:(?:{due_edges})\s+)?năm\s+\d{{4}}", re.IGNORECASE),
        per_year_before=re.compile(rf"(?<!\w)(?:{alternation(per_year)})(?:\s+(?:{alternation(per['per_year_filler'])}))*\s*$",
                                   re.IGNORECASE),
        per_year_end=Ending(per_year, per["per_year_filler"], flags=re.IGNORECASE),
        rate_words=re.compile(rf"{case_blind_alternation(per['per_year_rate_words'], whole_word=True)}(?!\w)", re.IGNORECASE),
    )


_FIGURE_NEXT = re.compile(r"[ \t]*(?::[ \t]*)?(?:[^\d\s,;.()]+[ \t]+){0,3}\d")


def leads_next(text: str, p) -> bool:
    """A period followed within a few words by a figure (`năm 2024 đạt 95%`) leads that figure."""
    return bool(_FIGURE_NEXT.match(text, p.end))


_PER_YEAR_UNIT = re.compile(r"/\s*năm$")
_PER_YEAR_AFTER = re.compile(r"\s*/\s*năm(?!\w)")
_DECEMBER = re.compile(r"\d{4}-12")
_DAY_BEFORE_YEAR_END = re.compile(r"(?<!\d)(?:0?[1-9]|[12]\d|30)/12\b")
_YEAR = re.compile(r"\d{4}")
@lru_cache(maxsize=None)
def _due_day_after() -> tuple[tuple[str, ...], re.Pattern]:
    """periods.yaml's due-by words (lowercased, for a quick look in the window) and the pattern of a day after them
    ending the figure's clause: a gap of words (and years) to `trước ngày 30/6/2027`."""
    due = tuple(w.lower() for w in data("periods")["due_by_words"])
    return due, re.compile(rf"(?:[^;.\n\d]|(?<!\d)(?:19|20)\d\d(?!\d)){{0,100}}?(?<!\w)(?:{alternation(due)})\s+(?:ngày\s+)?"
                           rf"(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})/(?P<y>(?:19|20)\d\d)(?!\d)", re.IGNORECASE)


def _due_day(ctx: Context, start: int, end: int) -> Optional[re.Match]:
    """The day a figure ending at `start` is due by, told before `end` (its words looked for first in the window)."""
    words, pattern = _due_day_after()
    window = ctx.low[start:end] if ctx.low is not None else ctx.text[start:end].lower()
    return pattern.match(ctx.text, start, end) if any(w in window for w in words) else None


_BARE_NAM = re.compile(r"năm\s", re.IGNORECASE)
_BY_DAY = re.compile(r"(?:tính\s+)?(?:đến|tới)\s", re.IGNORECASE)
_CLAUSE_CUT = re.compile(r"[,;(]")
_STOP_OR_FIGURE = re.compile(r"[;.]|\d")
_DIGIT = re.compile(r"\d")
_YEAR_SPAN = re.compile(r"\d{4}-\d{4}")
_MONTH = re.compile(r"\d{4}-\d\d")


def year_end_normal(label: Optional[str], said: str = "") -> Optional[str]:
    """`đến 31/12/2017` is the whole year 2017; `đến ngày 15/12/2024` stands at December."""
    if label and _DECEMBER.fullmatch(label) and not _DAY_BEFORE_YEAR_END.search(said):
        return label[:4]
    return label


def inherit_period(d: Draft, parent: Draft) -> None:
    """A `+` sub-item with no period of its own stands in its `-` parent's period."""
    if d.rules.get("period") in ("carry", "default", "section", None) and parent.period:
        d.period = parent.period
        d.rules["period"] = "parent"


def _clause_head(text: str, start: int, size: int) -> str:
    """The first `size` characters after `start`, up to the end of the clause (`đạt trên 60%; mỗi năm …`: not
    the next clause's `mỗi năm`)."""
    head = text[start:start + size]
    for stop in (";", "."):
        at = head.find(stop)
        if at >= 0:
            head = head[:at]
    return head


def resolve_period(ctx: Context, d: Draft, q: Quantity, seg_left: str, rw: str, sent_left: str,
                   prev: Optional[Draft]) -> None:
    """Period and deadline of a figure: the words right after it, then its own words, its sentence,
    its parent, the year in force in its section, the document's year."""
    text = ctx.text
    qs, qe = q.span
    words = _words()
    per_tail = seg_left[-40:]
    clause = seg_left[max(seg_left.rfind(","), seg_left.rfind(";"), seg_left.rfind(":")) + 1:]
    per_year = q.per_year or says_per_year(_clause_head(text, qe, 12)) \
        or words.per_year_end.may_end(per_tail) and bool(words.per_year_before.search(per_tail)) \
        or bool(words.per_year_opener.match(clause)) or bool(words.per_year_opener.match(seg_left))  # "Hằng năm, ít nhất 80%"
    part = _partial_in(ctx, qs - len(seg_left), qs) or _partial_in(ctx, qe, qe + len(rw))
    whole = says_whole_year(seg_left) or not of_plan(text[qe:qe + 80]) \
        and says_whole_year(_CLAUSE_CUT.split(rw[:20], maxsplit=1)[0])  # not the next clause's "ước cả năm"; "72,9% kế hoạch năm" is of the year's plan
    label, rule, chosen = None, None, None
    sent_start = qs - len(sent_left)
    sent_end = text.find(".", qe)
    sent_end = len(text) if sent_end < 0 else sent_end
    # right after the figure: "đạt 65% vào năm 2025", "(cuối năm 2015)", "… theo quy định vào năm 2025"
    for p in ctx.periods_in(qe, min(qe + 160, sent_end + 1)):
        between = text[qe:p.start]
        if _STOP_OR_FIGURE.search(between) or ctx.is_baseline(p):
            break
        if ("," in between or "(" in between or prose_words().coordinator.search(between)) and leads_next(text, p):
            break  # "…: 6 tháng đạt 50%, năm 2024 đạt 95%", "… trên 95% và đến ngày 31/01/2028 giải ngân 100%",
            # "ước đạt 14,2% (năm 2025 đạt 12,6%)": the next figure's
        ptext = text[p.start:p.end]
        prefix = _DIGIT.split(ptext, maxsplit=1)[0]
        if words.right_cue.search(between + prefix) or (not between.strip(" ,(") and words.right_lead.match(prefix.lower())):
            if not _names_which(ctx, p, between, prefix, qs, words):
                label, rule, chosen = p.label, "right", p
        break
    if label is None and (due := _due_day(ctx, qe, min(qe + 120, sent_end))) is not None \
            and not any(_MONTH.fullmatch(p.label) for p in ctx.periods_in(qs - len(seg_left), qs)):
        label, rule = f"{due['y']}-{int(due['m']):02d}", "right_due"  # "đạt 85% (trước ngày 30/6/2027)": due that month
        d.deadline = year_end_normal(label, due.group(0))
    if label is None:
        seg_lo = qs - len(seg_left)
        left_ps = [p for p in ctx.periods_in(seg_lo, qs) if not ctx.is_baseline(p) and not ctx.is_cited(p)
                   and not (prev is not None and prev.fig_end == seg_lo and not text[seg_lo:p.start].strip(" ,(")
                            and not leads_next(text, p))]
        outside = [p for p in left_ps if not bracketed_before(text, p.start, p.end, qs)]
        left_ps = outside or [p for p in left_ps if _time_in_brackets(text, p)]  # "Tổng kế hoạch vốn năm 2024 (bao gồm
        # vốn các năm 2022, 2023 …) là …", "(gồm … vốn năm 2025 được kéo dài), đã giải ngân …": an aside; "(tháng 10/2026)" is a time
        if left_ps:
            chosen = _named_year_after_deadline(text, left_ps) or left_ps[-1]
            if ctx.is_term(chosen) and (told := [p for p in left_ps if not p.is_span]):
                chosen = told[-1]  # "năm 2024 tỷ lệ nữ đại biểu HĐND tỉnh nhiệm kỳ 2021 - 2026 đạt 31,4%": as of the year told
            label, rule = chosen.label, "left"
    if label is None and prev is not None and d.parent is not None and prev.period:
        label, rule = prev.period, "parent"
    if label is None:
        sent_ps = [p for p in ctx.periods_in(max(sent_start, qs - 2000), qs) if not ctx.is_baseline(p) and not ctx.is_cited(p)]
        sent_ps = [p for p in sent_ps if not ctx.is_deadline(p) or p.end > qs - len(seg_left) - 40
                   or _opens_sentence(text, sent_start, p)]
        sent_ps = [p for p in sent_ps if not bracketed_before(text, p.start, p.end, qs)] or sent_ps  # "(gồm … vốn năm 2025 được kéo dài)"
        singles = [p for p in sent_ps if not p.is_span]
        if sent_ps:
            chosen = _named_year_after_deadline(text, singles) or (singles or sent_ps)[-1]
            label, rule = chosen.label, "sentence"
    if per_year and not (label and _YEAR_SPAN.fullmatch(label) and rule in ("right", "left")):
        spans = [p for p in ctx.periods_in(max(sent_start, qs - 2000), min(sent_end, qe + 2000)) if p.is_span and (not ctx.is_baseline(p) or ctx.is_naming(p))]
        if spans:
            item_lo = qs - len(seg_left)
            best = min(spans, key=lambda p: (0 if p.start >= item_lo else 1, abs(p.start - qs)))
            label, rule = best.label, "per_year_span"
        elif ctx.default_span is not None and _plan_span_holds(ctx, q, seg_left, label, rule, chosen, words):
            carried, _ = carry(ctx, qs)  # "b) Giai đoạn 2026 - 2030:" in a plan for 2025 - 2030
            label, rule = carried if carried and _YEAR_SPAN.fullmatch(carried) else ctx.default_span, "per_year_span"
    if label is None and prev is not None and d.parent is not None and prev.period:
        label, rule = prev.period, "parent"
    if label is None:
        label, rule = carry(ctx, qs)
        merit = words.merit.search(text, qe, sent_end)
        if merit is not None:
            label, rule = text[merit.end():merit.end() + 4], "merit"
        elif rule in ("carry", "default", "section", "deadline_lead") and ctx.default_span is not None \
                and words.whole_span.search(clause) and _span_in_force(ctx, qs):
            label, rule = ctx.default_span, "whole_span"
        elif rule in ("carry", "default") and not part and words.plan_funds.match(sent_left):
            span = ctx.default_span if ctx.plan else ctx.reported_span
            if span is not None:
                label, rule = span, "plan_funds"
        elif rule in ("carry", "default", "section") and ctx.ref_year is not None and label \
                and (_YEAR_SPAN.fullmatch(label) or label[:4] > str(ctx.ref_year)) and words.present.search(sent_left):
            label, rule = str(ctx.ref_year), "present"
        elif per_year and d.unit == "%" and rule in ("section", "carry", "deadline_lead") and ctx.plan and ctx.default_span is None \
                and ctx.ref_year is not None and label and _YEAR.fullmatch(label) and int(label) > ctx.ref_year + 1 \
                and not _flow_level(text, q, seg_left, words):
            label, rule = f"{ctx.ref_year}-{label}", "per_year_span"  # "tăng bình quân 16 - 18%/năm" under "Mục tiêu đến năm 2030"
    if chosen is not None and rule in ("left", "sentence") and ctx.yearless(chosen) \
            and words.this_year.search(text, chosen.start, chosen.end + 4) and ctx.ref_year is not None:
        label = str(ctx.ref_year) + label[4:]  # "Trong năm nay, …": the year of the text itself, whatever was told before
    elif chosen is not None and rule in ("left", "sentence") and ctx.yearless(chosen) \
            and (not ctx.plan or in_result_section(ctx, qs)):
        carried, _ = carry(ctx, qs)
        if carried and _YEAR.fullmatch(carried) and label and label[:4] != carried:
            label = carried + label[4:]  # "Theo kết quả rà soát cuối năm," in a post about last year
    label = year_end_normal(label, text[chosen.start:chosen.end] if chosen is not None else "")
    if label is not None and not whole and rule in ("sentence", "carry") and _MONTH.fullmatch(label):
        said_from = chosen.end if chosen is not None and chosen.end <= qs else 0  # not "trong 6 tháng …; tính đến 30/6 có 640 lò"
        flow = part or _partial_in(ctx, max(sent_start, qs - 300, said_from), qs)  # "… có 156 chợ. Trong 10 tháng đã … cải tạo 9 chợ"
        if flow:
            label = f"{label[:4]}-{flow}"  # "Tính đến 30/9/2025 có …; trong 9 tháng xảy ra 04 vụ": a flow over its own part of the year
    if label is not None and whole and re.fullmatch(r"\d{4}-(?:H[12]|\d{1,2}M|Q\d|\d\d)", label):
        label = label[:4]
    if label is not None and len(label) == 4:
        if part and not whole:
            label = f"{label}-{part}"
        elif not whole and not part and rule in ("carry", "default", "sentence", "section"):
            sent_part = _partial_in(ctx, max(sent_start, qs - 300), qs)
            if sent_part and not says_whole_year(sent_left[-80:]):
                label = f"{label}-{sent_part}"
            elif ctx.lead_partial and rule in ("carry", "default") and (ctx.ref_year is None or label == str(ctx.ref_year)):
                label, rule = f"{label}-{ctx.lead_partial}", "lead_partial"  # not "Năm 2027 tỉnh phấn đấu …" in a 2026 post
            elif ctx.title_partial and rule in ("carry", "default") and ctx.title_partial[:4] == label:
                label, rule = ctx.title_partial, "title_partial"  # "Sơ kết 6 tháng đầu năm 2025": its figures
        elif not whole and not part and words.same_period.match(sent_left[sent_left.rfind(";") + 1:]):
            if ctx.lead_partial:
                label = f"{label}-{ctx.lead_partial}"
            elif prev is not None and prev.period and len(prev.period) > 4 and prev.period[:4] != label:
                label += prev.period[4:]  # "Tính đến 30/9/2025 … đạt 55,1%; cùng kỳ năm 2024 đạt 48,2%": 2024-09
        elif not whole and not part and chosen is not None and rule in ("left", "right") and ctx.is_same_period(chosen):
            running = prev.period if prev is not None and prev.period and PART_OF_YEAR.search(prev.period) \
                else ctx.title_partial or (f"{label}-{ctx.lead_partial}" if ctx.lead_partial else None)
            if running:
                label += running[4:]  # "đạt 91,2% (cùng kỳ năm 2024 đạt 87,5%)" in a report on 6 tháng đầu năm 2025: 2024-H1
    d.period, d.rules["period"] = label, rule
    before = text[max(0, qs - len(seg_left)):qs]
    if rule == "right" and words.deadline_right.match(text[qe:qe + 160]):
        d.deadline = label
    elif chosen is not None and ctx.is_deadline(chosen) and label == chosen.label:
        d.deadline = label
    elif rule == "left" and words.deadline_left.search(before):
        d.deadline = label


def tells_present(sent_left: str) -> bool:
    """`Theo kết quả rà soát, hiện toàn tỉnh còn 47 bản`: the words before a figure in its sentence tell the present state."""
    return _words().present.search(sent_left) is not None


def _time_in_brackets(text: str, p) -> bool:
    """The brackets around the period hold only it (`trong đợt bão số 12 (tháng 10/2026) đã sơ tán …`), no aside."""
    opened = text.rfind("(", max(0, p.start - 12), p.start + 1)
    closed = text.find(")", p.end - 1, p.end + 12)
    return opened >= 0 and closed >= 0 and not text[opened + 1:p.start].strip() and not text[p.end:closed].strip()


def _named_year_after_deadline(text: str, left_ps: list):
    """`Phấn đấu đến hết thời gian giải ngân (31/01/2028) tỷ lệ giải ngân kế hoạch vốn năm 2027 đạt trên 95%`: a
    year inside the figure's noun phrase names which funds or plan; the day the words opened on before it is when
    the figure is due (that day, None if the left holds no such pair)."""
    if len(left_ps) < 2:
        return None
    last = left_ps[-1]
    if not _YEAR.fullmatch(last.label) or not _BARE_NAM.match(text, last.start) \
            or not text[max(0, last.start - 2):last.start].strip()[-1:].isalpha():
        return None
    due = next((p for p in reversed(left_ps[:-1]) if _MONTH.fullmatch(p.label) and _BY_DAY.match(text, p.start)), None)
    return due if due is not None and due.label[:4] >= last.label else None


def _names_which(ctx: Context, p, between: str, prefix: str, qs: int, words: _Words) -> bool:
    """A year gone by the text's own, right of a figure, that says which things are counted, not when:
    after `trước` (`ưu tiên xe sản xuất trước năm 2010`), or after the figure's noun in a plan's targets
    (`100% cơ sở bán buôn thuốc và cơ sở có vi phạm trong năm 2024 được kiểm tra lại`): a plan's target
    is not due in a year gone."""
    if not gone_by(ctx, p):
        return False
    if words.vintage.search(between + prefix):
        return True
    return ctx.plan and len(between.split()) >= 3 and ctx.heading_kind(qs) == "target"


def _plan_span_holds(ctx: Context, q: Quantity, seg_left: str, label: Optional[str], rule: Optional[str],
                     chosen, words: _Words) -> bool:
    """A yearly rate with no span of its own is over the plan's span (`… hằng năm đạt 100%` in a plan for
    2024 - 2025) where its words named no year, a yearless one, or the plan's last year as the sentence's
    deadline (`đến năm 2026, …, tăng bình quân 8-10%/năm`); not a flow's level per year, not in a section
    past the span, not in a plan's situation section (the span is the plan's future)."""
    if label is not None and not (chosen is not None and (ctx.yearless(chosen) or rule == "sentence"
                                  and ctx.is_deadline(chosen) and ctx.default_span.endswith(chosen.label))):
        return False
    qs = q.span[0]
    return not _flow_level(ctx.text, q, seg_left, words) and _span_in_force(ctx, qs) \
        and not (ctx.plan and in_result_section(ctx, qs))


def _span_in_force(ctx: Context, qs: int) -> bool:
    """The plan's span holds unless the section in force is past it (`2.2. Định hướng đến năm 2030:` in a plan
    for 2023 - 2025)."""
    carried, _ = carry(ctx, qs)
    return not (carried and carried[:4].isdigit() and ctx.default_span[-4:].isdigit() and carried[:4] > ctx.default_span[-4:])


def _flow_level(text: str, q: Quantity, seg_left: str, words: _Words) -> bool:
    """`sản lượng đạt 18 nghìn tấn/năm`: a unit per year with no change or average before it."""
    qs, qe = q.span
    per_unit = _PER_YEAR_UNIT.search(text, qs, qe) is not None if q.per_year else _PER_YEAR_AFTER.match(text, qe) is not None
    return per_unit and not words.rate_words.search(seg_left)


def _partial_in(ctx: Context, start: int, end: int) -> Optional[str]:
    """`partial_of(text[start:end])`, not asked where no part-of-year word is written."""
    return partial_of(ctx.text[start:end]) if ctx.may_say_partial(start, end) else None


def _opens_sentence(text: str, sent_start: int, p) -> bool:
    """`Phấn đấu đến năm 2025, A; B; C.`: a deadline opening the sentence before a comma holds for all of it."""
    return len(text[sent_start:p.start].strip()) <= 25 and text[p.end:p.end + 2].lstrip(" ").startswith(",")


def before_plan(ctx: Context, period: Optional[str]) -> bool:
    """The period ended before the plan's own span starts, by the time the plan was written (`giai đoạn 2021 - 2025`
    in a plan for 2026 - 2030 issued in 2025): what it tells is a result the plan starts from."""
    span, end = ctx.default_span, end_year_of(period)
    if not span or not span[:4].isdigit() or end is None or ctx.ref_year is None:
        return False
    return end < int(span[:4]) and end <= ctx.ref_year
