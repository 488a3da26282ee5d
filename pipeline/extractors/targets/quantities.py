"""Figures in a text, from the value layer (`pipeline.values.find_quantities`), in the shape the
target rules read: the figure's span without the words the rules look at around it."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ...values import find_quantities as value_layer
from ...values import parse_number
from functools import lru_cache

from .lexicon import PhraseScan, alternation, case_blind_alternation, context_units, data, unit_at


@dataclass(slots=True)
class Quantity:
    value: float
    value_max: Optional[float]
    unit: Optional[str]
    kind: str
    span: tuple[int, int]
    text: str
    total: Optional[float] = None
    per_year: bool = False
    of_plan: bool = False
    time_measure: bool = False  # an age or a duration that is itself the indicator's measure

    @property
    def money(self) -> bool:
        """A sum of money (`15,6 tỷ đồng`, `1 tỷ USD`)."""
        return self.kind == "money" or "đồng" in (self.unit or "").lower()


def find_quantities(text: str, low: Optional[str] = None) -> list[Quantity]:
    """`low`: the text lowercased, when the caller has it."""
    out = []
    for m in value_layer(text):
        span = tuple(m.span)
        if getattr(m, "of_plan", False) and "%" in m.text:
            # keep "so với chỉ tiêu"/"KH" outside the figure: the words around it are read by the rules
            span = (span[0], span[0] + m.text.index("%") + 1)
        out.append(
            Quantity(
                value=float(m.value),
                value_max=None if getattr(m, "value_max", None) is None else float(m.value_max),
                unit=getattr(m, "unit", None),
                kind=getattr(m, "kind", "number"),
                span=span,
                text=text[span[0]:span[1]],
                total=getattr(m, "total", None),
                per_year=bool(getattr(m, "per_year", False)),
                of_plan=bool(getattr(m, "of_plan", False)),
            )
        )
        _scale_after(text, out[-1])
        _widen_unit(text, out[-1])
        _coordinated_unit(text, out[-1])
        _measure_word_only(text, out[-1])
        _per_population(text, out[-1])
    out = _without_spelled_out(text, out)
    out += _time_measures(text, out, low)
    return sorted(out, key=lambda q: q.span[0])


def _per_population(text: str, q: Quantity) -> None:
    """`≤ 100/100.000 dân`, `46/100.000 trẻ đẻ sống`: a rate per a round population, not a count of dân or
    trẻ; the counted noun is unwritten (no unit) and the population is kept in the figure's text."""
    if q.kind != "count_of_total" or not q.unit or not q.total or q.total < 100 \
            or not float(q.total).is_integer() or str(int(q.total)).rstrip("0") != "1":
        return
    at = q.span[1] - len(q.unit)
    for noun in sorted(data("units")["per_population"], key=len, reverse=True):
        if text[at:at + len(noun)].lower() == noun and not text[at + len(noun):at + len(noun) + 1].isalnum():
            q.span = (q.span[0], at + len(noun))
            q.text = text[q.span[0]:q.span[1]]
            q.unit, q.kind, q.total = None, "per_population", None
            return


@lru_cache(maxsize=None)
def _time_measure_patterns() -> tuple:
    tm = data("not_targets")["time_measures"]
    heads = PhraseScan(re.compile(rf"(?<!\w)(?:{alternation(tm['heads'] + tm['moved_heads'])})(?!\w)"),
                       tm["heads"] + tm["moved_heads"])  # run on lowercased text
    moves = re.compile(rf"{case_blind_alternation(tm['moves'], whole_word=True)}(?!\w)", re.IGNORECASE)
    figure = re.compile(rf"(?P<num>\d+(?:[.,]\d+)?)\s*(?P<unit>{alternation(tm['units'])})(?!\w)", re.IGNORECASE)
    moved = frozenset(" ".join(h.lower().split()) for h in tm["moved_heads"])
    follow = re.compile(rf"{case_blind_alternation(tm['follow_moves'], whole_word=True)}\s+(?=\d)", re.IGNORECASE)
    bound = re.compile(rf"\s*(?:{alternation(tm['bound_moves'])})(?!\w)", re.IGNORECASE)
    reduce = re.compile(rf"{case_blind_alternation(tm['reduce_before'], whole_word=True)}\s+$", re.IGNORECASE)
    activity = re.compile(rf"(?:{alternation(tm['activity_heads'])})(?!\w)")  # run on lowercased text
    not_after = re.compile(rf"(?<!\w)(?:{alternation(tm['heads_not_after'])})\s+$")  # run on lowercased text
    working = re.compile(rf"\d[\d.,]*\s*(?:{alternation(tm['working_days'])})(?!\w)", re.IGNORECASE)
    return heads, moves, figure, moved, follow, bound, reduce, activity, not_after, working


_CLAUSE_END = re.compile(r"[.;:\n]")
_CLAUSE_MARKS = re.compile(r"[,;.:\n(]")
_DIGIT = re.compile(r"\d")


def _time_measures(text: str, found: list[Quantity], low: Optional[str] = None) -> list[Quantity]:
    """`tuổi thọ trung bình đạt 74,8 tuổi`, `thời gian … giảm còn 3 ngày`: figures the value layer leaves
    out as ages or durations, taken where the indicator itself is an age or a duration (the first
    figure of the clause after the head, or after a move word for `thời gian`-like heads)."""
    heads, moves, figure, moved, follow, bound, reduce, activity, not_after, working = _time_measure_patterns()
    taken = [q.span for q in found]
    out = []
    low = text.lower() if low is None else low
    if len(low) != len(text):
        return out
    for h in heads.finditer(low):
        if not_after.search(low, max(0, h.start() - 8), h.start()):
            continue
        stop = _CLAUSE_END.search(text, h.end(), h.end() + 101)
        end = stop.start() if stop else min(len(text), h.end() + 100)
        at = h.end()
        if " ".join(h.group(0).lower().split()) in moved:
            mv = moves.search(text, at, end)
            if mv is None or _DIGIT.search(text, at, mv.start()):
                continue
            if (bound.match(text, at) or activity.match(low, h.start()) and bound.match(text, mv.start())) \
                    and not reduce.search(low, max(0, h.start() - 20), h.start()):
                continue  # "kèm cặp … thời gian không quá 6 tháng": a duration qualifying the activity
            at, end = mv.end(), min(end, mv.end() + 21)
        d = _DIGIT.search(text, at, end)
        m = figure.match(text, d.start()) if d else None
        if m is None or working.match(text, m.start()):  # "… không quá 04 ngày làm việc": a procedure's deadline
            continue
        unit = m.group("unit").lower()
        stop = _CLAUSE_END.search(text, m.end(), m.end() + 101)
        clause_end = stop.start() if stop else min(len(text), m.end() + 100)
        while m is not None:
            span = (m.start("num"), m.end("unit"))
            value = parse_number(m.group("num"))
            if value is not None and not any(a < span[1] and span[0] < b for a, b in taken):
                out.append(Quantity(value=float(value), value_max=None, unit=m.group("unit"), kind="count", span=span,
                                    text=text[span[0]:span[1]], time_measure=True))
                taken.append(span)
            f = follow.search(text, m.end(), clause_end)  # "…, tăng 0,5 tuổi so với năm 2022"
            m = figure.match(text, f.end()) if f and not _DIGIT.search(text, m.end(), f.start()) else None
            if m is not None and m.group("unit").lower() != unit:
                m = None
    return out


def _without_spelled_out(text: str, qs: list[Quantity]) -> list[Quantity]:
    """`38.657 triệu đồng (Ba mươi tám tỷ, sáu trăm … triệu đồng)`: the amount in words inside
    brackets right after a figure repeats it. A scale word opening a figure in words is no number
    (`Tỷ suất chết …`, `Triệu người …`)."""
    out: list[Quantity] = []
    last_digit_end = -1
    scale_only = _scale_only()
    written = [(q, any(map(str.isdigit, q.text))) for q in qs]
    for q, digits in written:
        if not digits and q.text.split()[0].lower() in scale_only:
            continue
        if digits or last_digit_end < 0:
            out.append(q)
            if digits:
                last_digit_end = q.span[1]
            continue
        opened = text.rfind("(", last_digit_end, q.span[0])
        if opened >= 0 and not text[last_digit_end:opened].strip() and ")" not in text[opened:q.span[0]]:
            continue
        out.append(q)
    return out


@lru_cache(maxsize=None)
def _scale_only() -> frozenset:
    return frozenset(w.lower() for w in data("units")["bare_scale_words"])


@lru_cache(maxsize=None)
def _measure_words() -> frozenset:
    return frozenset(w.lower() for w in data("units")["measure_words"])


@lru_cache(maxsize=None)
def _measure_word_compounds() -> tuple[str, ...]:
    return tuple(sorted((" ".join(w.lower().split()) for w in data("units")["measure_word_compounds"]), key=len, reverse=True))


def _measure_word_only(text: str, q: "Quantity") -> None:
    """`145 căn nhà ở`: a measure word followed by its noun keeps only the measure word (`căn`)."""
    if not q.unit or " " not in q.unit:
        return
    first = q.unit.split()[0]
    if first.lower() not in _measure_words():
        return
    at = text.find(first, q.span[0], q.span[1])
    if at < 0:
        return
    unit = " ".join(q.unit.lower().split())
    whole = next((c for c in _measure_word_compounds() if unit == c or unit.startswith(c + " ")), None)
    if whole is not None:
        first = q.unit[:len(q.unit) - len(q.unit.lstrip())] + " ".join(q.unit.split()[:len(whole.split())])
    q.unit, q.span = first, (q.span[0], at + len(first))
    q.text = text[q.span[0]:q.span[1]]


@lru_cache(maxsize=None)
def _coordinated():
    words = data("units")["coordinated"]
    return frozenset(w.lower() for w in words), re.compile(rf"[ \t]*(?:,|/|và)[ \t]*({alternation(words)})(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=None)
def _listed_nouns() -> tuple[frozenset, re.Pattern]:
    words = data("units")["listed"]
    return frozenset(" ".join(w.lower().split()) for w in words), re.compile(rf"[ \t]*,[ \t]*({alternation(words)})(?!\w)")


def _run_on(text: str, end: int, more: re.Pattern) -> int:
    """Where a run of `more` nouns after `end` stops, short of one a figure follows."""
    while (m := more.match(text, end)) and not text[m.end():m.end() + 2].strip()[:1].isdigit():
        end = m.end()
    return end


def _coordinated_unit(text: str, q: "Quantity") -> None:
    """`23/25 xã, thị trấn`: place or body nouns counted together make one unit (`xã, thị trấn`); so do
    counted nouns listed after a comma (`1.500 đoàn viên, thanh niên`, `cán bộ, công chức, viên chức`)."""
    heads, more = _coordinated()
    if not q.unit or q.unit == "%" or q.kind == "money" or not text.endswith(q.unit, 0, q.span[1]):
        return
    end = q.span[1]
    listed_nouns, listed_more = _listed_nouns()
    unit = " ".join(q.unit.lower().split())
    if unit in heads:
        end = _run_on(text, end, more)
    elif unit not in listed_nouns:
        return
    end = _run_on(text, end, listed_more)
    if end > q.span[1]:
        q.unit = " ".join(text[q.span[1] - len(q.unit):end].split())
        q.span = (q.span[0], end)
        q.text = text[q.span[0]:end]


@lru_cache(maxsize=None)
def _scales() -> tuple[dict, re.Pattern]:
    scales = {k.lower(): v for k, v in data("units")["scale_after"].items()}
    return scales, re.compile(rf"[ \t]+({alternation(list(scales))})(?!\w)", re.IGNORECASE)


def _scale_after(text: str, q: "Quantity") -> None:
    """`3 vạn hộ`: a scale word the value layer does not read multiplies the figure before it."""
    if q.unit is not None or q.kind != "number" or q.value_max is not None:
        return
    scales, pattern = _scales()
    m = pattern.match(text, q.span[1])
    if m:
        q.value *= scales[m.group(1).lower()]
        q.span = (q.span[0], m.end())
        q.text = text[q.span[0]:q.span[1]]


def _context_unit(text: str, q: "Quantity") -> Optional[tuple[str, int]]:
    """`số ca mắc mới ≤ 50 ca`: a noun with another everyday meaning counts when its clause says what it counts."""
    near = text[max(0, q.span[0] - 80):q.span[0]]
    clause = _CLAUSE_MARKS.split(near)[-1]
    line = text[max(0, q.span[0] - 200, text.rfind("\n", 0, q.span[0]) + 1):q.span[0]]
    for _, after, cue, counted in context_units():
        m = after.match(text, q.span[1])
        if m and (cue.search(clause) or _listed_in(line, counted, cue)):
            return m.group(1), m.end()
    return None


def _listed_in(line: str, counted: re.Pattern, cue: re.Pattern) -> bool:
    """`ghi nhận 187 ca mắc sốt rét …; trong đó 112 ca do …, 61 ca ngoại lai …`: a figure in the breakdown of a
    figure counted in the same noun after words saying what it counts (not `…; trực 3 ca mỗi ngày`)."""
    earlier = counted.search(line)
    return earlier is not None and cue.search(line, 0, earlier.end() + 20) is not None \
        and _breakdown().search(line, earlier.end()) is not None


@lru_cache(maxsize=None)
def _breakdown() -> re.Pattern:
    return re.compile(rf"{case_blind_alternation(data('structure')['sublist_leads'], whole_word=True)}(?!\w)", re.IGNORECASE)


def _widen_unit(text: str, q: "Quantity") -> None:
    """A counted noun the unit list knows longer than the value layer's ("phòng, đơn vị" for "phòng")."""
    if q.unit is None and q.kind in ("number", "count_of_total"):
        found = unit_at(text, q.span[1]) or _quoted_unit(text, q.span[1]) or _context_unit(text, q)  # "12.345 thí sinh": a counted noun the value layer does not list
        if found and q.kind == "count_of_total" and not _same_line_lowercase(text, q.span[1], found[1]):
            return  # "… 8/2026" then "Nhà …" on the next line of a PDF table: a month, no count
        if found:  # "19/27 vụ" stays a count out of a total
            q.unit, q.span, q.kind = found[0], (q.span[0], found[1]), "count" if q.kind == "number" else q.kind
            q.text = text[q.span[0]:q.span[1]]
        return
    if not q.unit or q.unit == "%":
        return
    at = text.rfind(q.unit, q.span[0], q.span[1])
    if at < 0:
        return
    found = unit_at(text, at)
    if found and len(found[0]) > len(q.unit) and found[1] > q.span[1]:
        q.unit, q.span = found[0], (q.span[0], found[1])
        q.text = text[q.span[0]:q.span[1]]


def _same_line_lowercase(text: str, start: int, end: int) -> bool:
    words = text[start:end]
    return "\n" not in words and words.strip()[:1].islower()


_OPEN_QUOTE = re.compile(r"[ \t]*[\"“]")
_CLOSE_QUOTE = re.compile(r"[\"”\n]")


def _quoted_unit(text: str, end: int) -> Optional[tuple[str, int]]:
    """`xử lý 12 "điểm đen"`, `thành lập 21 “Địa chỉ tin cậy ở cộng đồng”`: a counted noun in quotes, the whole
    name when it is short (`15 "Nhà nhân ái"`), else its head."""
    quote = _OPEN_QUOTE.match(text, end)
    if not quote:
        return None
    close = _CLOSE_QUOTE.search(text, quote.end(), quote.end() + 40)
    name = text[quote.end():close.start()] if close else ""
    if name and len(name.split()) <= 3 and unit_at(text, quote.end()) is not None:
        return name, close.start()
    return unit_at(text, quote.end())


def cell_number(cell: str) -> Optional[float]:
    """The number a table cell holds alone ("13.470", "89.4", "94,4 %")."""
    core = cell.strip().rstrip("%").strip().lstrip("<>≤≥~").strip()
    value = parse_number(core) if core else None
    return None if value is None else float(value)
