"""What the whole document tells every figure: its year, its kind, its sections, its periods."""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from ...sections import SectionTree, section_tree
from ...values.textpat import lowercased
from .head import first_date_year, guess_doc_type, plan_doc, plan_span, title_part_of, title_spans, title_year_of
from .filters import names_conditions, names_funds
from .kind import CueIndex, section_kind
from .lexicon import Ending, case_blind_alternation, data
from .period import PeriodMention, find_period_mentions, partial_of, partial_words
from .period_roles import may_cite, role_endings, roles
from .quantities import Quantity, find_quantities

_DIGIT = re.compile(r"\d")


def _sentence_end(text: str, pos: int) -> int:
    ends = [e for e in (text.find(". ", pos), text.find("\n", pos)) if e >= 0]
    return min(ends) if ends else len(text)


@lru_cache(maxsize=None)
def reported_plans() -> re.Pattern:
    return re.compile(rf"{case_blind_alternation(data('periods')['reported_plans'], whole_word=True)}(?!\w)", re.IGNORECASE)

_YEAR_WRITTEN = re.compile(r"\d{4}")


@dataclass
class Context:
    text: str
    doc_type: Optional[str] = None
    ref_year: Optional[int] = None
    issue_month: Optional[int] = None  # the month of the document's own date, when known
    default_year: Optional[int] = None
    quantities: list[Quantity] = field(default_factory=list)
    periods: list[PeriodMention] = field(default_factory=list)
    tree: Optional[SectionTree] = None
    skip: list[tuple[int, int]] = field(default_factory=list)
    lead_partial: Optional[str] = None
    title_partial: Optional[str] = None  # a report's own part of a year, from its title ("6 tháng đầu năm 2025")
    default_span: Optional[str] = None
    ahead_span: Optional[str] = None  # a report's title's next span, for its tasks ahead ("… và nhiệm vụ năm học 2026 - 2027")
    title_year: Optional[int] = None  # the single year a plan's title names ("Kế hoạch … năm 2025")
    title: Optional[str] = None

    def __post_init__(self):
        self._period_starts = [p.start for p in self.periods]
        self.skip = sorted(self.skip)
        self._skip_starts = [s for s, _ in self.skip]
        self._roles: dict[int, tuple[bool, bool, bool, bool, bool]] = {}
        self._yearless: dict[int, bool] = {}
        self._in_force: dict[int, bool] = {}
        self._heading_kinds: dict[int, Optional[str]] = {}
        self._conditions: dict[int, bool] = {}
        self._plan = plan_doc(self.doc_type, self.title)
        # a slice of `low` is the slice lowercased: each letter lowercases to one, and no final sigma depends on its neighbours
        self.low: Optional[str] = lowercased(self.text) if "Σ" not in self.text else None
        self._cues: Optional[CueIndex] = None
        self._news_prior: Optional[str] = None
        self._partial_at: Optional[tuple[list[int], list[int]]] = None
        self._reported_span: Optional[tuple[Optional[str]]] = None

    @property
    def cues(self) -> CueIndex:
        """The document's kind cues, found when a figure first asks for them."""
        if self._cues is None:
            self._cues = CueIndex(self.text, self.low)
        return self._cues

    @property
    def news_prior(self) -> str:
        """The kind of a post's figures when nothing else tells: result when it says at least as many result cues as
        target cues, and some (posts report more than they plan: 2,011 of the gold's 3,127 news figures are results)."""
        if self._news_prior is None:
            results, targets = self.cues.count("result"), self.cues.count("target")
            self._news_prior = "result" if not self.plan and results and results >= targets else "target"
        return self._news_prior

    def _role(self, p: PeriodMention) -> tuple[bool, bool, bool, bool, bool]:
        """(deadline, baseline, same period, a standard's version, a cited document's title) from the words
        before a period, read once per mention."""
        role = self._roles.get(id(p))
        if role is None:
            patterns, (due, compared, same) = roles(), role_endings()
            head = _DIGIT.split(self.text[p.start:p.end], maxsplit=1)[0]
            role = (self._test(p, head, patterns.deadline, 20, due),
                    self._test(p, head, patterns.baseline, 30, compared) or self._test(p, head, patterns.averaged, 60)
                    or self._before_past(p, head),
                    self._test(p, head, patterns.same_period, 25, same),
                    p.is_span and (self._test(p, head, patterns.naming, 40) or self._test(p, head, patterns.congress, 120))
                    and not self._opens_sentence(p),
                    self._cites(p, head))
            self._roles[id(p)] = role
        return role

    def _before_past(self, p: PeriodMention, head: str) -> bool:
        """`trước năm 2010` in a text of 2026: when something was done, no period of a figure."""
        return self.ref_year is not None and p.year is not None and p.year < self.ref_year \
            and self._test(p, head, roles().past_bound, 14)

    def _opens_sentence(self, p: PeriodMention) -> bool:
        """`Nhiệm kỳ 2020 - 2025, đảng bộ … đã kết nạp 214 đảng viên`: the period opens its sentence, a comma after it."""
        before = self.text[max(0, p.start - 3):p.start].rstrip(" \t")
        return (not before or before[-1] in ".;:\n") and self.text[p.end:p.end + 2].lstrip(" ")[:1] == ","

    def _test(self, p: PeriodMention, head: str, pattern: re.Pattern, reach: int, ending: Optional[Ending] = None) -> bool:
        words = self.text[max(0, p.start - reach):p.start] + head
        return (ending is None or ending.may_end(words)) and bool(pattern.search(words))

    def _cites(self, p: PeriodMention, head: str) -> bool:
        words = self.text[max(0, p.start - 300):p.start] + head
        return may_cite(words) and bool(roles().cited.search(words)) or in_quoted_name(self.text, p.start)

    def heading_kind(self, pos: int) -> Optional[str]:
        """`result`/`target` as the headings over `pos` name a situation or goals section (kind.section_kind)."""
        sec = self.tree.at(pos) if self.tree else None
        if sec is None:
            return section_kind(())
        kind = self._heading_kinds.get(id(sec), "?")
        if kind == "?":
            kind = section_kind(tuple(self.text[s.heading[0]:s.heading[1]][:200] for s in self.tree.chain(pos)))
            self._heading_kinds[id(sec)] = kind
        return kind

    def under_conditions(self, pos: int) -> bool:
        """Under a heading that sets who qualifies (`Điều 4. Điều kiện hỗ trợ`): figures there are conditions; the
        innermost heading that names conditions or funds decides (`III. MỨC HỖ TRỢ VÀ NGUỒN KINH PHÍ` / `2. Nguồn kinh phí`)."""
        sec = self.tree.at(pos) if self.tree else None
        if sec is None:
            return False
        found = self._conditions.get(id(sec))
        if found is None:
            deciding = next((s.title for s in self.tree.chain(pos) if names_funds(s.title) or names_conditions(s.title)), None)
            found = self._conditions[id(sec)] = deciding is not None and not names_funds(deciding)
        return found

    @property
    def plan(self) -> bool:
        return self._plan

    def periods_in(self, start: int, end: int) -> list[PeriodMention]:
        lo = bisect.bisect_left(self._period_starts, start)
        hi = bisect.bisect_left(self._period_starts, end, lo)
        return [p for p in self.periods[lo:hi] if p.end <= end]

    def is_deadline(self, p: PeriodMention) -> bool:
        return self._role(p)[0]

    def is_baseline(self, p: PeriodMention) -> bool:
        """`so với năm 2016`, `cùng kỳ năm 2020`: the year a figure is compared with, not its own;
        `chuẩn nghèo đa chiều giai đoạn 2022 - 2025`: the version of a standard in an indicator's name."""
        _, baseline, _, standard, _ = self._role(p)
        return baseline or standard

    def is_term(self, p: PeriodMention) -> bool:
        """`nhiệm kỳ 2021 - 2026`: a council's or a committee's term."""
        return p.is_span and self._test(p, _DIGIT.split(self.text[p.start:p.end], maxsplit=1)[0], roles().term, 12)

    def is_same_period(self, p: PeriodMention) -> bool:
        """`cùng kỳ năm 2024`: the same part of an earlier year."""
        return self._role(p)[2]

    def is_comparison(self, p: PeriodMention) -> bool:
        """A baseline, or the year of `Cùng kỳ, năm 2020, …` (last year's figures, not the text's year)."""
        _, baseline, same_period, standard, _ = self._role(p)
        return baseline or same_period or standard

    def yearless(self, p: PeriodMention) -> bool:
        """`cuối năm`, `6 tháng đầu năm` with no year written: its year is the one in force, not the document's."""
        found = self._yearless.get(id(p))
        if found is None:
            found = self._yearless[id(p)] = not _YEAR_WRITTEN.search(self.text, p.start, p.end)
        return found

    def in_force(self, p: PeriodMention) -> bool:
        """A year written that may hold for the figures after it: no deadline, baseline or comparison."""
        found = self._in_force.get(id(p))
        if found is None:
            found = self._in_force[id(p)] = not self.is_deadline(p) and not self.is_comparison(p) and not self.yearless(p) \
                and not in_quoted_name(self.text, p.start)
        return found

    @property
    def reported_span(self) -> Optional[str]:
        """In a post, the span of the plan it reports, written in the first sentence that names a plan, programme
        or scheme (`UBND thành phố ban hành Kế hoạch số 318/KH-UBND về … giai đoạn 2024 - 2026`); not a span of
        the documents cited further on."""
        if self._reported_span is None:
            found = None
            if not self.plan:
                for m in reported_plans().finditer(self.text):
                    if self.skipped(m.start()):
                        continue
                    end = min(_sentence_end(self.text, m.end()), m.end() + 600)
                    spans = [p for p in self.periods_in(m.end(), end) if p.is_span and not self.is_comparison(p)]
                    found = spans[0].label if spans else None
                    break
            self._reported_span = (found,)
        return self._reported_span[0]

    def is_naming(self, p: PeriodMention) -> bool:
        return self._role(p)[3]

    def is_cited(self, p: PeriodMention) -> bool:
        """`Kế hoạch số 36/KH-UBND … về phát triển văn hóa đọc năm 2024`: the title of a cited document, which
        may set the year in force but is no figure's own period."""
        return self._role(p)[4]

    def may_say_partial(self, start: int, end: int) -> bool:
        """False when text[start:end] holds none of `partial_words()`, so that `partial_of` of it is None."""
        if self.low is None:
            return True
        if self._partial_at is None:
            self._partial_at = _written_at(self.low, partial_words())
        starts, least_ends = self._partial_at
        i = bisect.bisect_left(starts, start)
        return i < len(starts) and least_ends[i] <= end

    def skipped(self, pos: int) -> bool:
        """Inside a boilerplate block (web chrome)."""
        i = bisect.bisect_right(self._skip_starts, pos) - 1
        return i >= 0 and pos < self.skip[i][1]



def _written_at(text: str, words: tuple[str, ...]) -> tuple[list[int], list[int]]:
    """The starts of the places where one of `words` is written in `text`, ascending, and for each the least end
    of the places starting there or later: a word lies within [start, end) when the first start from `start`
    on has a least end up to `end`."""
    places = []
    for w in words:
        at = text.find(w)
        while at >= 0:
            places.append((at, at + len(w)))
            at = text.find(w, at + 1)
    places.sort()
    least_ends = [e for _, e in places]
    for i in range(len(least_ends) - 2, -1, -1):
        least_ends[i] = min(least_ends[i], least_ends[i + 1])
    return [s for s, _ in places], least_ends


def _lead_partial(text: str, quantities: list[Quantity], skip: list[tuple[int, int]]) -> Optional[str]:
    """A news post that opens on "9 tháng đầu năm, toàn tỉnh đã …" reports that part of the year. Its first
    figure is the first with a unit that counts something, outside the page's chrome (not `Quảng Ninh 19° - 24°`)."""
    first = next((q for q in quantities if q.unit is not None and q.unit.lower() not in _uncounted_units()
                  and not any(s <= q.span[0] < e for s, e in skip)), None)
    if first is None:
        return None
    pos = first.span[0]
    start = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos)) + 1
    return partial_of(text[start:pos])


@lru_cache(maxsize=None)
def _uncounted_units() -> frozenset:
    return frozenset(u.lower() for u in data("not_targets")["units"])


@lru_cache(maxsize=None)
def _quoted_name_head() -> re.Pattern:
    return re.compile(rf"{case_blind_alternation(data('periods')['quoted_name_heads'], whole_word=True)}\s*$", re.IGNORECASE)


def in_quoted_name(text: str, pos: int) -> bool:
    """`Đề án "Đầu tư xây dựng … giai đoạn 2021 - 2030"`: a period or a figure inside the quoted name of a programme or scheme
    (not inside quoted speech: `"… phấn đấu cả năm 2025 thu hút …", ông Hùng nói`)."""
    window = text[max(0, pos - 300):pos]
    window = window[window.rfind("\n") + 1:]
    curly = window.rfind("“")
    opened = curly if curly > window.rfind("”") else window.rfind('"') if window.count('"') % 2 == 1 else -1
    return opened >= 0 and _quoted_name_head().search(window, 0, opened) is not None


def build_context(text: str, doc_type: Optional[str] = None, issue_year: Optional[int] = None,
                  title: Optional[str] = None, periods: Optional[list[PeriodMention]] = None,
                  skip: Optional[list[tuple[int, int]]] = None, issue_month: Optional[int] = None) -> Context:
    doc_type = doc_type or guess_doc_type(text)
    ref_year = issue_year
    if ref_year is None:
        ref_year = first_date_year(text)
    if periods is None:
        periods = find_period_mentions(text, ref_year)
    default_year = None
    head = title or ""
    for p in find_period_mentions(head) if head else []:
        if not p.label[4:5] == "-" or len(p.label) == 4:
            default_year = p.year
            break
    if default_year is None:
        def after_compared(p: PeriodMention) -> bool:
            before = text[max(0, p.start - 30):p.start]
            return role_endings()[1].may_end(before) and bool(roles().compared.search(before))
        singles = [p for p in periods if len(p.label) == 4 and not after_compared(p)]
        narrated = plan_doc(doc_type, title) and ref_year is not None and bool(singles)
        if narrated:
            singles = [p for p in singles if p.year >= ref_year]  # a plan plans forward: earlier years narrate the past
        first = [p for p in singles if p.start < max(600, len(text) // 6)]
        if first:
            default_year = first[0].year
        elif singles:
            default_year = Counter(p.year for p in singles).most_common(1)[0][0]
        elif narrated:
            default_year = ref_year
    ctx = Context(text=text, doc_type=doc_type, ref_year=ref_year, default_year=default_year, periods=periods,
                  tree=section_tree(text), skip=skip or [], title=title,
                  issue_month=issue_month if issue_year is not None else None)
    ctx.quantities = sorted(find_quantities(text, ctx.low), key=lambda q: q.span[0])
    if ctx.plan:
        ctx.default_span = plan_span(text, title, ref_year)
        ctx.title_year = title_year_of(text, title)
    if not ctx.plan:
        ctx.lead_partial = _lead_partial(text, ctx.quantities, ctx.skip)
        ctx.title_partial = title_part_of(text, title)
        ctx.default_span, ctx.ahead_span = title_spans(text, title)
    return ctx
