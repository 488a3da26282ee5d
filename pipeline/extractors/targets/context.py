"""What the whole document tells every figure: its year, its kind, its sections, its periods."""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple, Optional

from ...rules import load_yaml
from ...sections import SectionTree, section_tree
from .kind import CueIndex, plan_doc, section_kind
from .lexicon import Ending, alternation, data
from .period import PeriodMention, find_period_mentions, partial_of
from .quantities import Quantity, find_quantities

class _Roles(NamedTuple):
    """Patterns of the words before a period that give it a role (rules/targets/periods.yaml)."""
    deadline: re.Pattern  # "đến năm 2030", "tầm nhìn 2045": a deadline, not the year in force
    baseline: re.Pattern  # "so với năm 2016", "tăng 5% cùng kỳ năm 2022"; not "Cùng kỳ, năm 2020, …" opening a sentence
    averaged: re.Pattern  # "so với trung bình 5 năm (2020 - 2024)", "so với bình quân giai đoạn 2016-2020"
    same_period: re.Pattern  # "cùng kỳ năm 2020"
    naming: re.Pattern  # "chuẩn nghèo đa chiều giai đoạn 2022 - 2025": the version of a standard
    compared: re.Pattern  # a year right after "so với" / "cùng kỳ" is no year a text is about


@lru_cache(maxsize=None)
def _roles() -> _Roles:
    per = data("periods")
    compared, same = alternation(per["compared_with"]), alternation(per["same_period"])
    edges, due_edges, spans = alternation(per["year_edges"]), alternation(per["deadline_edges"]), alternation(per["span_words"])
    year = rf"(?:(?:{edges})\s+)?(?:(?:{alternation(per['year_words'])})\s+)?$"
    return _Roles(
        deadline=re.compile(rf"(?:{alternation(per['deadline_before'])})(?:\s+(?:{due_edges}))?(?:\s+năm)?\s*$", re.IGNORECASE),
        baseline=re.compile(rf"(?:(?:{compared})|(?<![.\n(]\s)(?<![.\n(])(?<!^)(?:{same}))[\s,]*{year}", re.IGNORECASE),
        averaged=re.compile(rf"(?:{compared})\s+(?:{alternation(per['baseline_averages'])})(?:\s+\d+\s+năm)?[\s,(]*"
                            rf"(?:(?:năm|{spans})\s*)?$", re.IGNORECASE),
        same_period=re.compile(rf"(?:{same})[\s,]*{year}", re.IGNORECASE),
        naming=re.compile(rf"(?<!\w)(?:{alternation(per['standard_names'])})(?:\s+[^\s\d,;.:()]+){{0,3}}\s+(?:(?:{spans})\s*)?$",
                          re.IGNORECASE),
        compared=re.compile(rf"(?:{compared}|{same})[\s,]*(?:năm\s+)?$", re.IGNORECASE),
    )


@lru_cache(maxsize=None)
def _role_ends() -> tuple[Ending, Ending, Ending]:
    """Quick tests (lexicon.Ending) for the deadline, the compared-with and the same-period roles."""
    per = data("periods")
    year = per["year_edges"] + per["year_words"]
    return (Ending(per["deadline_before"], per["deadline_edges"] + ["năm"], flags=re.IGNORECASE),
            Ending(per["compared_with"] + per["same_period"], year, flags=re.IGNORECASE),
            Ending(per["same_period"], year, flags=re.IGNORECASE))


_DIGIT = re.compile(r"\d")
_YEAR_WRITTEN = re.compile(r"\d{4}")
# a date's year: `12/3/2024` (the look-behind after the first digit: no digit before it), `ngày 12 tháng 3 năm 2024`
_NUMERIC_DATE = re.compile(r"(\d(?<!\d\d)\d?)\s*/\s*(\d{1,2})\s*/\s*((?:19|20)\d\d)(?!\d)")
_WRITTEN_DATE = re.compile(r"ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+((?:19|20)\d\d)")


_BODY_START = re.compile(r"^\s*(?:căn\s+cứ|[IVX]+\s*[.)]|\d+\s*[.)]|[-+•])", re.IGNORECASE)


@lru_cache(maxsize=16)  # read by plan_span, _title_year and _title_partial from the same head
def _title_block(head: str) -> str:
    """The lines at the top of a text before its body starts (a `Căn cứ` line, a heading, a bullet)."""
    out = []
    for ln in head.splitlines():
        if _BODY_START.match(ln):
            break
        out.append(ln)
    return "\n".join(out)


def plan_span(text: str, title: Optional[str], ref_year: Optional[int]) -> Optional[str]:
    """A multi-year plan's span from its title (or the top of the text): `… giai đoạn 2024 - 2025`,
    `… đến năm 2025` issued in 2024 (`2024-2025`); None when the title names a single year."""
    head = title if title else _title_block(text[:400])
    ps = find_period_mentions(head)
    def deadline(p: PeriodMention) -> bool:
        return bool(_roles().deadline.search(head[max(0, p.start - 20):p.start] + _DIGIT.split(head[p.start:p.end], maxsplit=1)[0]))

    if not ps or any(len(p.label) == 4 and not deadline(p) for p in ps):
        return None
    spans = [p.label for p in ps if p.is_span]
    if spans:
        return spans[0]
    last = ps[-1]
    if len(last.label) == 4 and ref_year is not None and ref_year < last.year <= ref_year + 10:
        return f"{ref_year}-{last.year}"
    return None


_FIGURE_NOT_YEAR = re.compile(r"(?<!\d)(?!(?:19|20)\d\d(?!\d))\d+")


def _title_year(text: str, title: Optional[str]) -> Optional[int]:
    """The one year a plan's title names, from its title or the heading block at its top (opened by an
    upper-case line such as `KẾ HOẠCH`), not a deadline (`đến năm 2030`)."""
    head = title
    if not head:
        lines = _title_block(text[:400]).strip().split("\n")
        kept = []
        for ln in lines:
            if _FIGURE_NOT_YEAR.search(ln):
                break  # the body's first sentence: "Năm 2024, toàn huyện còn 2.127 hộ nghèo"
            kept.append(ln)
        head = "\n".join(kept) if lines[0].isupper() else ""
    years = [p for p in find_period_mentions(head) if len(p.label) == 4
             and not _roles().deadline.search(head[max(0, p.start - 20):p.start] + _DIGIT.split(head[p.start:p.end], maxsplit=1)[0])]
    return years[0].year if len({p.year for p in years}) == 1 else None


def _title_partial(text: str, title: Optional[str]) -> Optional[str]:
    """The part of a year a report's title names (`Báo cáo kết quả 6 tháng đầu năm 2025` → 2025-H1)."""
    head = title
    if not head:
        block = _title_block(text[:400]).strip()
        head = block if block[:1].isupper() and block.split("\n")[0].isupper() else ""
    parts = [p for p in find_period_mentions(head) if re.fullmatch(r"\d{4}-(?:H[12]|\d{1,2}M|Q\d)", p.label)]
    if not parts:
        return None
    earlier = partial_of(head[:parts[0].start])  # "… 6 tháng đầu năm, nhiệm vụ 6 tháng cuối năm 2025": the part reported on
    return f"{parts[0].label[:4]}-{earlier}" if earlier else parts[0].label


@dataclass
class Context:
    text: str
    doc_type: Optional[str] = None
    ref_year: Optional[int] = None
    default_year: Optional[int] = None
    quantities: list[Quantity] = field(default_factory=list)
    periods: list[PeriodMention] = field(default_factory=list)
    tree: Optional[SectionTree] = None
    skip: list[tuple[int, int]] = field(default_factory=list)
    lead_partial: Optional[str] = None
    title_partial: Optional[str] = None  # a report's own part of a year, from its title ("6 tháng đầu năm 2025")
    default_span: Optional[str] = None
    title_year: Optional[int] = None  # the single year a plan's title names ("Kế hoạch … năm 2025")

    def __post_init__(self):
        self._period_starts = [p.start for p in self.periods]
        self.skip = sorted(self.skip)
        self._skip_starts = [s for s, _ in self.skip]
        self._roles: dict[int, tuple[bool, bool, bool, bool]] = {}
        self._yearless: dict[int, bool] = {}
        self._in_force: dict[int, bool] = {}
        self._heading_kinds: dict[int, Optional[str]] = {}
        self._plan = plan_doc(self.doc_type)
        low = self.text.lower()
        # a slice of `low` is the slice lowercased: each letter lowercases to one, and no final sigma depends on its neighbours
        self.low: Optional[str] = low if len(low) == len(self.text) and "Σ" not in self.text else None
        self._cues: Optional[CueIndex] = None
        self._news_prior: Optional[str] = None

    @property
    def cues(self) -> CueIndex:
        """The document's kind cues, found when a figure first asks for them."""
        if self._cues is None:
            self._cues = CueIndex(self.text, self.low)
        return self._cues

    @property
    def news_prior(self) -> str:
        """The kind of a post's figures when nothing else tells: result when it says more result cues than target cues."""
        if self._news_prior is None:
            more_results = not self.plan and self.cues.count("result") > self.cues.count("target")
            self._news_prior = "result" if more_results else "target"
        return self._news_prior

    def _role(self, p: PeriodMention) -> tuple[bool, bool, bool, bool]:
        """(deadline, baseline, same period, naming) from the words before a period, read once per mention."""
        role = self._roles.get(id(p))
        if role is None:
            roles, (due, compared, same) = _roles(), _role_ends()
            head = _DIGIT.split(self.text[p.start:p.end], maxsplit=1)[0]
            role = (self._test(p, head, roles.deadline, 20, due),
                    self._test(p, head, roles.baseline, 30, compared) or self._test(p, head, roles.averaged, 60),
                    self._test(p, head, roles.same_period, 25, same),
                    self._test(p, head, roles.naming, 40))
            self._roles[id(p)] = role
        return role

    def _test(self, p: PeriodMention, head: str, pattern: re.Pattern, reach: int, ending: Optional[Ending] = None) -> bool:
        words = self.text[max(0, p.start - reach):p.start] + head
        return (ending is None or ending.may_end(words)) and bool(pattern.search(words))

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
        _, baseline, _, naming = self._role(p)
        return baseline or naming and p.is_span

    def is_comparison(self, p: PeriodMention) -> bool:
        """A baseline, or the year of `Cùng kỳ, năm 2020, …` (last year's figures, not the text's year)."""
        _, baseline, same_period, naming = self._role(p)
        return baseline or same_period or naming and p.is_span

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
            found = self._in_force[id(p)] = not self.is_deadline(p) and not self.is_comparison(p) and not self.yearless(p)
        return found

    def is_naming(self, p: PeriodMention) -> bool:
        return self._role(p)[3] and p.is_span

    def skipped(self, pos: int) -> bool:
        """Inside a boilerplate block (web chrome)."""
        i = bisect.bisect_right(self._skip_starts, pos) - 1
        return i >= 0 and pos < self.skip[i][1]


@lru_cache(maxsize=None)
def _doc_type_signs() -> tuple[list[tuple[str, list[str]]], list[tuple[str, str]], re.Pattern]:
    """(kind, its number symbols), (kind, its name in capitals) from doc_types.yaml, and the pattern of a
    line holding one of the names alone."""
    types = load_yaml("doc_types.yaml")
    symbols = [(code, spec.get("symbols", [])) for code, spec in types.items()]
    names = [(code, name.upper()) for code, spec in types.items() for name in spec.get("names", [])]
    alone = re.compile(rf"(?m)^[ \t]*({'|'.join(re.escape(name) for _, name in names)})[ \t]*$")
    return symbols, names, alone


_NUMBER_LINE = re.compile(r"Số\s*(?:hiệu)?\s*[:：]?\s*\d*\s*/\s*(?:\d{4}/)?([A-ZĐa-zđ]+)")


def guess_doc_type(text: str) -> Optional[str]:
    """The document's kind when metadata has not said it: the `Số: …/KH-…` line or the kind's name
    standing alone in capitals near the top; a web post otherwise."""
    head = text[:2500]
    symbols, names, alone = _doc_type_signs()
    m = _NUMBER_LINE.search(head)
    if m:
        sym = m.group(1)
        for code, syms in symbols:
            if sym in syms:
                return code
    found = {m.group(1) for m in alone.finditer(head)}
    for code, name in names:
        if name in found:
            return code
    return "news"


def _lead_partial(text: str, quantities: list[Quantity]) -> Optional[str]:
    """A news post that opens on "9 tháng đầu năm, toàn tỉnh đã …" reports that part of the year."""
    if not quantities:
        return None
    pos = quantities[0].span[0]
    start = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos)) + 1
    return partial_of(text[start:pos])


def build_context(text: str, doc_type: Optional[str] = None, issue_year: Optional[int] = None,
                  title: Optional[str] = None, periods: Optional[list[PeriodMention]] = None,
                  skip: Optional[list[tuple[int, int]]] = None) -> Context:
    doc_type = doc_type or guess_doc_type(text)
    ref_year = issue_year
    if ref_year is None:
        head = text[:3000]
        numeric, written = _NUMERIC_DATE.search(head), _WRITTEN_DATE.search(head)
        if numeric and (not written or numeric.start() < written.start()):
            ref_year = int(numeric.group(3))
        elif written:
            ref_year = int(written.group(1))
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
            return _role_ends()[1].may_end(before) and bool(_roles().compared.search(before))
        singles = [p for p in periods if len(p.label) == 4 and not after_compared(p)]
        narrated = plan_doc(doc_type) and ref_year is not None and bool(singles)
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
                  tree=section_tree(text), skip=skip or [])
    ctx.quantities = sorted(find_quantities(text, ctx.low), key=lambda q: q.span[0])
    if ctx.plan:
        ctx.default_span = plan_span(text, title, ref_year)
        ctx.title_year = _title_year(text, title)
    if not ctx.plan:
        ctx.lead_partial = _lead_partial(text, ctx.quantities)
        ctx.title_partial = _title_partial(text, title)
    return ctx
