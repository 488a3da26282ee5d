"""Tables assigning one indicator's figures to places or bodies.

`TT | Đơn vị | Chỉ tiêu giảm tỷ lệ hộ nghèo năm 2025 (%) | Ghi chú` then `4 | Huyện Sìn Hồ | 5,2 |`:
the rows are places, the value column's header names the indicator, its unit (in parentheses), its
year and, by a direction verb, the comparator. One target per row and value column; the indicator is
the header's with the row's place (`tỷ lệ hộ nghèo (huyện sìn hồ)`), the evidence the row.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, Optional

from .comparator import bound_in
from .context import Context
from .draft import Draft
from .lexicon import alternation, case_blind_alternation, data, known_unit, unit_at
from .period import find_period_mentions
from .prose_words import prose_words
from .table_cells import INDEX_CELL, NUMBER_HEAD, Cell, Table
from .table_captions import caption_measure, caption_subject, with_subject
from .table_columns import counted_after_lead, per_population_unit

_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?(?!\d)")
_PAREN = re.compile(r"\(([^()]*)\)")


@lru_cache(maxsize=None)
def _words():
    h = data("kind")["table_heads"]
    cmp = data("comparators")
    place = re.compile(rf"^\s*(?:{alternation(h['place'])})\s*$", re.IGNORECASE)
    leads = h["place_value_leads"] + h["target"] + h["result"] + h["approx"]
    lead = re.compile(rf"^\s*(?:(?:{alternation(leads)})(?!\w)\s*)+", re.IGNORECASE)
    parts = [w for ws in data("periods")["partial_year"].values() for w in ws]
    partial = re.compile(rf"{case_blind_alternation(parts, whole_word=True)}(?!\w)", re.IGNORECASE)
    last = [w for w in cmp["decrease_by"] + cmp["increase_by"] if not w.endswith("thêm")]  # "phát triển thêm": more, no verb
    verb = re.compile(rf"^\s*(?P<verb>{alternation(cmp['decrease_by'] + cmp['increase_by'])})(?!\w)\s*"
                      rf"|(?<=\w)\s+(?P<last>{alternation(last)})\s*$", re.IGNORECASE)
    down = {" ".join(w.lower().split()) for w in cmp["decrease_by"]}
    return place, lead, verb, down, partial


def place_column(t: Table) -> Optional[int]:
    """The row-label column when its header names places or bodies: the first column whose cells hold
    words, and no unit column (`Chỉ tiêu | Đơn vị | KH 2025`: `Đơn vị` there holds units)."""
    place = _words()[0]
    full = [r for r in t.rows if len(r) >= len(t.header)] or t.rows
    first = next((i for i in range(len(t.header)) if any(i < len(r) and re.search(r"[^\W\d_]", r[i].text)
                                                          and not INDEX_CELL.match(r[i].text) for r in full)), None)  # not a group's "II"
    if first is None or not (place.match(t.header[first].text) or _place_list(t.header[first].text)) \
            or _units_column(t, first):
        return None
    return first


@lru_cache(maxsize=None)
def _group_lead() -> re.Pattern:
    return re.compile(rf"^\s*(?:{alternation(data('kind')['table_heads']['place_group_leads'])})\s+", re.IGNORECASE)


def _place_list(head: str) -> bool:
    """`Xã, thị trấn`, `Tên huyện/thị xã`, `Sở, ban, ngành`, `Nhóm xã, phường`: a header naming only kinds of places or
    bodies, or groups of them."""
    nouns = {w.lower() for w in data("units")["coordinated"]}
    words = _group_lead().sub("", re.sub(r"^\s*tên\s+", "", head.strip().lower()))  # "Nhóm xã, phường": groups of them
    parts = [p.strip() for p in re.split(r",|/|\s+và\s+", words)]
    return bool(parts) and all(p in nouns for p in parts)


def _count_of_units(head: str) -> bool:
    """`Tổng số xã, phường, thị trấn`: how many units each place has, the base of a share, not a target."""
    m = _count_head().match(head)
    return bool(m) and _place_list(head[m.end():])


@lru_cache(maxsize=None)
def _count_head() -> re.Pattern:
    return re.compile(rf"^\s*(?:{alternation(data('kind')['table_heads']['unit_count_heads'])})\s+", re.IGNORECASE)


@lru_cache(maxsize=None)
def _total_of() -> re.Pattern:
    h = data("kind")["table_heads"]
    return re.compile(rf"^\s*(?:{alternation(h['share_base_heads'])})\s+(?!(?:{alternation(h['share_base_not'])})(?!\w))",
                      re.IGNORECASE)


def _base_of_shares(head: str, i: int, heads: list[tuple[str, Optional[str], str]]) -> bool:
    """`Thôn | Tổng số hộ (hộ) | Tỷ lệ hộ đạt GĐVH năm 2026 (%) | Chỉ tiêu năm 2027 (%)`: the total the shares beside
    it are of, not a target."""
    return _total_of().match(head) is not None and heads[i][1] != "%" \
        and any(unit == "%" for k, (_, unit, _) in enumerate(heads) if k != i)


def _units_column(t: Table, i: int) -> bool:
    cells = [r[i].text.strip() for r in t.rows if i < len(r) and r[i].text.strip()]
    return not cells or sum(known_unit(c) or c in ("%", "‰") for c in cells) * 2 >= len(cells)


@lru_cache(maxsize=None)
def _not_value() -> re.Pattern:
    return re.compile(rf"^\s*(?:{alternation(data('kind')['table_heads']['place_not_value'])})\s*$", re.IGNORECASE)


def figures_column(t: Table, i: int, cell_figure: Callable[[str], Optional[tuple]]) -> bool:
    """Most of the column's filled cells are figures (not a column of tasks or dates)."""
    cells = [r[i].text for r in t.rows if i < len(r) and r[i].text.strip(" -–—")]  # "-": nothing in that cell
    return bool(cells) and sum(cell_figure(c) is not None for c in cells) * 2 > len(cells)


@lru_cache(maxsize=None)
def _year_word() -> re.Pattern:
    """A bare `năm` in a header (left after its year is blanked), not the end of `Cây lâu năm`."""
    kept = "".join(f"(?<!{re.escape(w.rsplit(' ', 1)[0])} )" for w in data("kind")["table_heads"]["year_word_compounds"])
    return re.compile(rf"(?<!\w){kept}năm(?!\w)", re.IGNORECASE)


def head_parts(ctx: Context, head: str) -> tuple[str, Optional[str], str]:
    """(indicator, unit, comparator) a value column's header names."""
    _, lead, verb, down, partial = _words()
    unit = None
    for m in _PAREN.finditer(head):
        inner = m.group(1).strip()
        if known_unit(inner) or inner in ("%", "‰") or inner.lower() in _measure_words() or _heads_counted(inner, head):
            unit = inner.lower() if not inner.isupper() else inner
    unit = unit or per_population_unit(head)
    text = _PAREN.sub(" ", head)
    for p in find_period_mentions(text, ctx.ref_year):
        text = text[:p.start] + " " * (p.end - p.start) + text[p.end:]
    text = partial.sub(" ", _YEAR.sub(" ", text))
    text = _year_word().sub(" ", text)
    text = lead.sub("", text)
    comparator = "="
    m = verb.match(text) or verb.search(text)  # "Giảm số hộ nghèo", "Số hộ nghèo giảm (hộ)"
    if m:
        said = m.group("verb") or m.group("last")
        comparator = "-=" if " ".join(said.lower().split()) in down else "+="
        text = text[m.end():] if m.group("verb") else text[:m.start()]
    elif (bound := bound_in(text, ("<=", ">="))) is not None:  # "Chỉ tiêu số ca mắc SXH tối đa năm 2027 (ca)": at most
        comparator, b = bound
        text = text[:b.start()] + " " + text[b.end():]
    return " ".join(text.split()).strip(" :,-").lower(), unit, comparator


def _heads_counted(inner: str, head: str) -> bool:
    """`Số giấy chứng nhận (giấy)`: the bracket gives the unit as the first word of the noun the header counts."""
    counted = counted_after_lead(_PAREN.sub(" ", head))
    if counted is None:  # a noun the unit list does not know: "Số biển cảnh báo lắp mới (biển)"
        words = _PAREN.sub(" ", head).lower().split()
        return bool(inner) and len(inner.split()) == 1 and words[:2] == ["số", inner.lower()]
    return bool(inner) and counted.lower().startswith(inner.lower() + " ")


def _named_before(heads: list[tuple[str, Optional[str], str]], place_col: int, i: int, unit: Optional[str]) -> str:
    """`Tỷ lệ hộ đạt GĐVH năm 2026 (%) | Chỉ tiêu năm 2027 (%)`: a column naming only its kind and year measures what the
    column before it in the same unit names."""
    if unit is None:
        return ""
    return next((heads[k][0] for k in range(i - 1, place_col, -1) if heads[k][0] and heads[k][1] == unit), "")


def _parts_of_columns_before(heads: list[tuple[str, Optional[str], str]], place_col: int) -> list[tuple[str, Optional[str], str]]:
    """`Số lao động được đào tạo (người) | Trong đó nữ (người)`: a column opening on `trong đó` counts a part of
    the one before it (`số lao động được đào tạo nữ`), in its unit unless it names its own; a part that repeats the
    word the column before opens its measure with (`Tổng thu NSNN | Trong đó: Thu tiền sử dụng đất`) is named."""
    out = list(heads)
    for i in range(place_col + 2, len(heads)):
        text, unit, comparator = heads[i]
        m = prose_words().breakdown_start.match(text)
        part = text[m.end():].strip(" :") if m else ""
        before, before_unit, _ = out[i - 1]
        if part and before and part.split()[0] not in before.split():
            out[i] = (f"{before} {part}", unit or before_unit, comparator)
        elif part:  # "Trong đó: Thu tiền sử dụng đất" names its own
            out[i] = (part, unit, comparator)
    return out


@lru_cache(maxsize=None)
def _measure_words() -> frozenset:
    return frozenset(w.lower() for w in data("units")["measure_words"])



@lru_cache(maxsize=None)
def _passive_after() -> re.Pattern:
    return re.compile(rf"(?:\s+[^\W\d_]+){{0,2}}?\s+(?:{alternation(data('units')['counted_head_passives'])})(?!\w)")


def place_drafts(ctx: Context, t: Table, cols: list, place_col: int,
                 cell_figure: Callable[[str], Optional[tuple]], unit_above: Optional[str] = None,
                 shares: Optional[dict[int, str]] = None, unit_col: Optional[int] = None) -> list[Draft]:
    out: list[Draft] = []
    shares = shares or {}
    heads = _parts_of_columns_before([head_parts(ctx, c.text) for c in t.header], place_col)
    skip = {i for i, c in enumerate(t.header) if _not_value().match(c.text) or not figures_column(t, i, cell_figure)
            or _count_of_units(c.text) or _base_of_shares(c.text, i, heads)}
    units = [u for i, (_, u, _) in enumerate(heads) if u and i not in shares]
    named = [name for name, _, _ in heads[place_col + 1:] if name]
    caption = caption_measure(ctx.text, t.start) if not named else None
    subject = caption_subject(ctx.text, t.start)
    for row in t.rows:
        short = len(row) == len(t.header) - 1 or len(row) < len(t.header) and NUMBER_HEAD.match(t.header[0].text)
        if short and row and re.search(r"[^\W\d_]", row[0].text) and not row[0].text.strip().isdigit() \
                and not INDEX_CELL.match(row[0].text):  # "| II | Khu vực … | 98,20 |": a group's index, its note cell missing
            row = [Cell(row[0].start, row[0].start, "")] + row  # "| Tổng cộng | 1.800 |": its STT cell left blank
        if place_col >= len(row) or not re.search(r"[^\W\d_]", row[place_col].text):
            continue
        place = " ".join(row[place_col].text.split()).lower()
        cells = [c for c in row if c.text.strip()]
        row_unit = row[unit_col].text.strip() if unit_col is not None and unit_col < len(row) else ""
        for i in range(place_col + 1, min(len(row), len(t.header))):
            if i == unit_col or i in skip:
                continue
            indicator, unit, comparator = heads[i]
            indicator = indicator or _named_before(heads, place_col, i, unit) or caption or ""
            if i in shares:  # "Kế hoạch | Thực hiện | Tỷ lệ %": the share of the plan reached
                indicator, unit = (named[0] if named and named[0] != indicator else ""), "%"
            elif unit is None and not indicator and len(set(units)) == 1:
                unit = units[0]  # "Kế hoạch năm 2025 (người) | Thực hiện 6 tháng": the same count
            elif unit is None and row_unit:
                unit = row_unit if row_unit.isupper() and len(row_unit) > 1 else row_unit.lower()  # "| Huyện A | hộ | 120 |"
            elif unit is None and (led := counted_after_lead(indicator)) is not None:
                unit = led  # "Số lớp", "Kết nạp đoàn viên": the counted noun
            elif unit is None and indicator:
                found = unit_at(indicator, 0)  # "Lượt hộ được kiểm tra", "Phần quà": what is counted
                unit = found[0] if found and (found[1] >= len(indicator) and unit_above is None  # not "Cây hằng năm" in ha
                                              or _passive_after().match(indicator, found[1])) else None
            kind, period, col_cmp = cols[i]
            if comparator == "=":
                comparator = col_cmp  # "Tỷ lệ bao phủ ước đạt năm 2024 (%)": an estimate
            if not indicator and kind is None:
                continue
            figure = cell_figure(row[i].text)
            if figure is None:
                continue
            value, cell_cmp, cell_unit = figure
            if kind is None:
                kind = "target" if ctx.plan else ctx.news_prior
            if period is None and ctx.default_year:
                period = str(ctx.default_year)
            d = Draft(value=float(value), value_max=None, unit=cell_unit or ("%" if "%" in row[i].text else unit or unit_above),
                      start=cells[0].start, end=cells[-1].end, fig_start=row[i].start, fig_end=row[i].end,
                      kind=kind, comparator=cell_cmp or comparator, period=period,
                      indicator=(f"{with_subject(indicator, subject)} ({place})" if indicator else place)
                      + (f" {shares[i]}" if i in shares else ""))
            d.rules = {"shape": "place_table", "unit": "table_header", "kind": "table_header",
                       "period": "table_header", "comparator": "table_header"}
            out.append(d)
    return out
