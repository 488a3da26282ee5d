"""What a table's header cells say about their columns: target or result, period, comparator, a
share of the plan reached, a time column, a unit column, and the counted noun a count column names."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, Optional

from .context import Context
from .lexicon import alternation, case_blind_alternation, context_units, data, known_unit, unit_at
from .period import find_period_mentions, partial_of
from .period_context import year_end_normal
from .plan_names import compared_with_plan
from .table_cells import Table

BARE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_BRACKET_UNIT = re.compile(r"\(\s*(?:đvt\s*:?\s*)?([^()]{1,20})\)\s*$", re.IGNORECASE)
_NUMBER_OF = re.compile(r"^\s*(?:tổng\s+)?số\s+", re.IGNORECASE)
_HEAD_DATE = re.compile(r"(?<!\d)\d{1,2}/(?P<m>0?[1-9]|1[0-2])/(?P<y>(?:19|20)\d\d)(?!\d)")


@lru_cache(maxsize=None)
def heads():
    h = data("kind")["table_heads"]

    def words(key: str) -> re.Pattern:
        return re.compile(rf"{case_blind_alternation(h[key], whole_word=True)}(?!\w)", re.IGNORECASE)

    amount = re.compile(rf"{case_blind_alternation(h['amount'], whole_word=True)}(?!\w)|\([^)]*(?:đồng|%|[^\W\d_]+)\s*\)", re.IGNORECASE)
    unit = re.compile(rf"^\s*(?:{alternation(h['unit'])})\s*$", re.IGNORECASE)
    result = re.compile(rf"(?!(?:{alternation(h['result_not'])})(?!\w)){words('result').pattern}", re.IGNORECASE)
    return words("target"), result, words("approx"), amount, unit, words("done")


@lru_cache(maxsize=None)
def _whole_year() -> re.Pattern:
    return re.compile(rf"{case_blind_alternation(data('kind')['table_heads']['whole_year'], whole_word=True)}\s*$", re.IGNORECASE)


@lru_cache(maxsize=None)
def time_head() -> re.Pattern:
    return re.compile(rf"^\s*(?:{alternation(data('kind')['table_heads']['time'])})\s*(?:\([^)]*\))?\s*$", re.IGNORECASE)


_DEADLINE_HEAD = re.compile(r"(?<!\w)(?:đến|trước)(?:\s+(?:hết\s+)?ngày)?\s+\d{1,2}/(?P<m>\d{1,2})/(?P<y>\d{4})"
                            r"|(?<!\w)(?:đến\s+)?(?:hết|cuối)\s+năm\s+(?P<year_end>\d{4})", re.IGNORECASE)


def _after_issue(ctx: Context, head: str) -> bool:
    """The day a header's figures stand at (`đến 30/6/2027`, `hết năm 2027`: its December) comes after the document's
    own date (as of a past day, they are results)."""
    m = _DEADLINE_HEAD.search(head)
    if m is None or ctx.ref_year is None or ctx.issue_month is None:
        return False
    stands_at = (int(m["year_end"]), 12) if m["year_end"] else (int(m["y"]), int(m["m"]))
    return stands_at > (ctx.ref_year, ctx.issue_month)


def column(ctx: Context, head: str, section: Optional[str] = None) -> tuple[Optional[str], Optional[str], str]:
    """(kind, period, comparator) of a header cell; a header that names no kind holds results under a situation
    heading (`section`, the kind the headings over the table name), else the document's kind of figures."""
    _TARGET_HEAD, _RESULT_HEAD, _APPROX_HEAD, _AMOUNT_HEAD, _, _DONE_HEAD = heads()
    ps = find_period_mentions(head, ctx.ref_year)
    period = year_end_normal(ps[-1].label, head) if ps else None  # "Số tiêu chí đã đạt (đến 31/12/2026)": the year
    if period is None:
        day = _HEAD_DATE.search(head)  # "Trẻ em có nguy cơ (rà soát 31/12/2024)": the month its figures stand at
        years = BARE_YEAR.findall(head)  # "TH 2023", "KH 2024", "Ước thực hiện 2023"
        period = f"{day['y']}-{int(day['m']):02d}" if day else years[-1] if years else None
    part = partial_of(head)
    if period and part and len(period) == 4:
        period = f"{period}-{part}"
    comparator = "~" if _APPROX_HEAD.search(head) else "+=" if _added_head().search(head) else "="
    if _RESULT_HEAD.search(head):
        return "result", period, comparator
    if _TARGET_HEAD.search(head):
        return "target", period, comparator
    if _DONE_HEAD.search(head):
        if _after_issue(ctx, head):
            return "target", period, comparator  # "Giải ngân đến 30/6/2027 (%)" in a CV of 19/3/2027: a milestone to reach
        return "result", period, comparator
    if period and part and not ctx.plan:
        return "result", period, comparator  # a post's "9 tháng năm 2025" column: months gone by
    if period:
        year = int(period[:4])
        if ctx.ref_year is not None and year < ctx.ref_year:
            return "result", period, comparator
        if ctx.ref_year is not None and year == ctx.ref_year and not ctx.plan:
            return ctx.news_prior, period, comparator  # a report's own year: what it reports, unless it looks ahead
        return "target", period, comparator
    prior = "result" if section == "result" else "target" if ctx.plan else ctx.news_prior
    if _AMOUNT_HEAD.search(head):
        return prior, None, comparator  # the period in force: a report's part of a year
    if counted_noun(head) is not None:  # "Số tuyến", "Lượt hành khách 9 tháng": a count of that noun
        return prior, None, comparator
    return None, None, comparator


@lru_cache(maxsize=None)
def _added_head() -> re.Pattern:
    """`Số người cần phát triển thêm năm 2027 (người)`: a column of additions."""
    return re.compile(rf"{case_blind_alternation(data('comparators')['column_head_up'], whole_word=True)}(?!\w)", re.IGNORECASE)


def counted_noun(head: str) -> Optional[str]:
    """The counted noun a header opens with, after `Số` (`Số tuyến` → tuyến, `Lượt hành khách 9 tháng`)
    or after a verb whose object a count measures (`Kết nạp đoàn viên` → đoàn viên)."""
    low = head.strip().lower()
    at = _lead_end(low)
    found = unit_at(low, at)
    if found is None and at:
        found = _context_noun(low, at)  # "Số ca SXH": "ca" counts cases after "số"
    return found[0] if found else None


def _context_noun(low: str, at: int) -> Optional[tuple[str, int]]:
    """A noun with another everyday meaning (rules/targets/units.yaml context_units) that the header's own words say
    what it counts."""
    for unit, _, cue, _ in context_units():
        if low.startswith(unit, at) and low[at + len(unit):at + len(unit) + 1] in ("", " ", "(") and cue.search(low):
            return unit, at + len(unit)
    return None


def counted_after_lead(head: str) -> Optional[str]:
    """The counted noun after `Số` or such a verb (`Số lớp` → lớp); None when the header opens otherwise."""
    return counted_noun(head) if _lead_end(head.strip().lower()) else None


def inventory_noun(head: str) -> Optional[str]:
    """The counted noun of a header that is that count alone (`Số điểm trường`, `Số xã (xã)`): how many there
    are, where `Số đơn tiếp nhận` counts what was done."""
    low = head.strip().lower()
    lead = _NUMBER_OF.match(low)
    found = unit_at(low, lead.end()) if lead else None
    if found is None:
        return None
    rest = _BRACKET_UNIT.sub("", low[found[1]:]).strip()
    return found[0] if not rest else None


def share_bases(t: Table, cols: list, figure: Callable[[str], Optional[tuple]]) -> tuple[list, dict[int, str]]:
    """`Số điểm trường | Có nhà vệ sinh đạt chuẩn | Tỷ lệ (%)`: a bare count whose figures, row by row, are the
    base of a share column (part / base = share) says how many there are, not what was reached. Its column is
    dropped and the part's column, when its header gives it no kind, takes the base's kind and counted noun.
    Returns the columns and the counted noun of each part column that took it."""
    n = min(len(cols), len(t.header))
    pct_starts = tuple(data("units")["percent_indicator_starts"])
    shares = [i for i in range(n) if "%" in t.header[i].text or t.header[i].text.strip().lower().startswith(pct_starts)]
    bases = [(i, noun) for i in range(n) if cols[i][0] is not None and (noun := inventory_noun(t.header[i].text))]
    if not shares or not bases:
        return cols, {}
    values = [[_first(figure(row[i].text)) if i < len(row) else None for row in t.rows] for i in range(n)]
    cols, units = list(cols), {}
    for base, noun in bases:
        for part in range(base + 1, n):
            if part in shares:
                continue
            if any(_share_of(values[base], values[part], values[share]) for share in shares if share > part):
                if cols[part][0] is None:
                    cols[part], units[part] = cols[base], noun
                cols[base] = (None, None, "=")
                break
    return cols, units


def _first(found: Optional[tuple]) -> Optional[float]:
    return found[0] if found else None


def _share_of(bases: list, parts: list, shares: list) -> bool:
    """Every row with the three figures has part / base = share (as rounded in the table), and at least two do."""
    rows = [(b, p, s) for b, p, s in zip(bases, parts, shares) if b and p is not None and s is not None]
    return len(rows) >= 2 and all(abs(p / b * 100 - s) <= 0.55 for b, p, s in rows)


def _lead_end(low: str) -> int:
    m = _NUMBER_OF.match(low) or _object_verb_lead().match(low)
    return m.end() if m else 0


@lru_cache(maxsize=None)
def _object_verb_lead() -> re.Pattern:
    return re.compile(rf"(?:{alternation(data('indicator')['object_verbs'])})\s+(?:mới\s+)?")


@lru_cache(maxsize=None)
def _of_plan_patterns() -> tuple[re.Pattern, ...]:
    h = data("kind")["table_heads"]
    whole = re.compile(rf"^\s*(?:{alternation(h['of_plan'])})\s*$", re.IGNORECASE)
    pct = re.compile(rf"%|(?<!\w)(?:{alternation(h['of_plan_percent'])})(?!\w)", re.IGNORECASE)
    plan = re.compile(rf"{case_blind_alternation(h['of_plan_plan'], whole_word=True)}(?!\w)", re.IGNORECASE)
    other = re.compile(rf"{case_blind_alternation(h['of_plan_not'], whole_word=True)}(?!\w)", re.IGNORECASE)
    compare = re.compile(rf"{case_blind_alternation(h['of_plan_compare'], whole_word=True)}(?!\w)", re.IGNORECASE)
    return whole, pct, plan, other, compare


def _of_plan_head(head: str) -> bool:
    """`Tỷ lệ %`, `So sánh (%)`, `So với KH (%)`: a column of the share of the plan reached."""
    whole, pct, plan, other, compare = _of_plan_patterns()
    if other.search(head):
        return False
    return bool(whole.match(head) or pct.search(head) and plan.search(head) and compare.search(head))


def report_columns(ctx: Context, t: Table, cols: list) -> tuple[list, dict[int, str]]:
    """A partial-year column with no year written (`TH 6 tháng`) takes the table's year (another header's,
    else the document's); a `So với cùng kỳ` column takes the period of the figure before it. In a table with a plan and a result column, a `Tỷ lệ %` / `% so KH` column holds
    the share of the plan reached: a result in %, of the result column before it. Returns the columns
    and, by index, such share columns with the plan each is told against (`so với dự toán`)."""
    written = [i for i, c in enumerate(t.header) if BARE_YEAR.search(c.text)]
    years = [cols[i][1][:4] for i in written if cols[i][1] and re.match(r"\d{4}", cols[i][1])]
    year = years[0] if years else (str(ctx.default_year or ctx.ref_year) if (ctx.default_year or ctx.ref_year) else None)
    cols = list(cols)
    for i, (kind, period, cmp) in enumerate(cols):
        part = partial_of(t.header[i].text) if kind and period is None else None
        if part and year:
            cols[i] = (kind, f"{year}-{part}", cmp)
        elif period and year and i not in written and len(period) > 4 and period[:4] != year:
            cols[i] = (kind, year + period[4:], cmp)  # "Quý I" beside "Cả năm 2027": that year's, not the document's
        elif kind == "target" and period is None and year and _whole_year().search(t.header[i].text):
            cols[i] = (kind, year, cmp)
    _done_before_plan(t, cols)
    _, _, _, same_period, _ = _of_plan_patterns()
    for i, (kind, period, cmp) in enumerate(cols):
        before = [(k, p) for j, (k, p, _) in enumerate(cols[:i]) if k is not None and not _of_plan_head(t.header[j].text)]
        if period is None and before and before[-1][1] and same_period.search(t.header[i].text):
            cols[i] = (*before[-1], cmp)  # "So với cùng kỳ (%)", "% cùng kỳ" compare the figure before it
    shares: dict[int, str] = {}
    share_heads = {i for i, c in enumerate(t.header) if _of_plan_head(c.text)}
    kinds = {k for i, (k, _, _) in enumerate(cols) if i not in share_heads}
    if {"target", "result"} <= kinds:
        for i in sorted(share_heads):
            growth = _planned_growth(t, cols, i)
            if growth is not None:
                cols[i], shares[i] = growth
                continue
            before = [p for k, p, _ in cols[:i] if k == "result"]
            plans = [t.header[j].text for j in range(i - 1, -1, -1) if cols[j][0] == "target"]
            cols[i] = ("result", before[-1] if before else year, "=")
            shares[i] = compared_with_plan(t.header[i].text, *plans[:1])
    return cols, shares


def _planned_growth(t: Table, cols: list, i: int) -> Optional[tuple[tuple, str]]:
    """`Thực hiện năm 2026 | Kế hoạch năm 2027 | So sánh (%)`: a bare comparison after a plan for a later year than
    the result before it holds the plan against the result, a target of the plan's year; its column and what it is
    told against (`so với thực hiện năm 2026`). None for a share of the plan reached (`Kế hoạch | Thực hiện | %`)."""
    figures = [j for j in range(i) if cols[j][0] is not None]
    if len(figures) < 2 or not _BARE_SHARE.match(t.header[i].text):
        return None
    done, plan = figures[-2], figures[-1]
    (done_kind, done_period, _), (plan_kind, plan_period, _) = cols[done], cols[plan]
    if done_kind != "result" or plan_kind != "target" or not done_period or not plan_period \
            or not (done_period[:4].isdigit() and plan_period[:4].isdigit() and plan_period[:4] > done_period[:4]):
        return None
    return ("target", plan_period, "="), f"so với {' '.join(t.header[done].text.split()).lower()}"


_BARE_SHARE = re.compile(r"^\s*(?:so sánh|tỷ lệ|tỉ lệ)?\s*\(?\s*%\s*\)?\s*$", re.IGNORECASE)


def _done_before_plan(t: Table, cols: list) -> None:
    """`Năm 2024 | Năm 2025 | Kế hoạch năm 2026`: a bare year's column before a column planning a later
    year holds what was done."""
    target_head = heads()[0]
    planned: Optional[int] = None
    for i in range(len(cols) - 1, -1, -1):
        kind, period, cmp = cols[i]
        year = int(period[:4]) if period and period[:4].isdigit() else None
        if year is None or kind != "target":
            continue
        if target_head.search(t.header[i].text):
            planned = year if planned is None else max(planned, year)
        elif planned is not None and year < planned:
            cols[i] = ("result", period, cmp)


_PER_POPULATION = re.compile(r"\(\s*([^\W\d][^()/]{0,20}?)\s*/\s*[0-9][0-9.]*\s+[^\W\d][^()/]{0,20}\)\s*$")


def per_population_unit(text: str) -> Optional[str]:
    """The counted noun of a rate per a population in brackets ending a header (`Tỷ lệ mắc SXH tối đa (ca/100.000
    dân)` → `ca`), as the same words in prose count it; None when there is no such bracket."""
    m = _PER_POPULATION.search(text)
    return m.group(1) if m is not None and len(m.group(1).split()) <= 2 else None


def bracket_unit(text: str) -> Optional[re.Match]:
    """A unit in brackets ending a header or row label (`Diện tích cấp mới (ha)`, `Tỷ lệ … (%)`), when
    it is a known unit; group 1 holds it."""
    m = _BRACKET_UNIT.search(text)
    if m is None:
        return None
    unit = m.group(1).strip()
    return m if known_unit(unit) or unit in ("%", "‰") else None
