"""What the review page highlights: every extracted span of a record, plus gold misses."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from ..evaluation.gold import GoldDocument, find_collapsed
from ..evaluation.matching import match_targets
from ..models import PlanDocument

KINDS = {  # kind: legend label
    "target": "chỉ tiêu (target)",
    "result": "kết quả (result)",
    "false-hit": "sai so với gold (false hit)",
    "miss": "gold bị bỏ sót (missed)",
    "date": "ngày (date)",
    "period": "giai đoạn (period)",
    "reference": "văn bản dẫn chiếu (reference)",
    "number": "số hiệu (number)",
    "issue-date": "ngày ban hành (issue date)",
    "issuer": "cơ quan ban hành (issuer)",
    "signer": "người ký (signer)",
    "title": "trích yếu (title)",
}
PRIORITY = list(KINDS)  # earlier kinds colour a character that several spans cover


@dataclass
class Highlight:
    start: int
    end: int
    kind: str
    ref: str
    label: str


@dataclass
class GoldView:
    """How a record's targets compare with its gold entry."""

    status: dict[str, str] = field(default_factory=dict)  # target id -> matched | false-hit
    misses: list[dict] = field(default_factory=list)  # gold targets with `ref` and `spans`
    metadata: dict = field(default_factory=dict)


def _find(text: str, needle: Optional[str]) -> Optional[tuple[int, int]]:
    if not needle:
        return None
    folded = text.casefold()
    if len(folded) == len(text):
        start = folded.find(needle.casefold())
        if start >= 0:
            return (start, start + len(needle))
    spans = find_collapsed(text, needle)
    return spans[0] if spans else None


def _valid(span, text: str) -> bool:
    return span is not None and 0 <= span[0] < span[1] <= len(text)


def evidence_span(text: str, span, words: Optional[str]):
    """`span` if it still holds `words` in `text`, else the nearest place the words stand (None if nowhere)."""
    if _valid(span, text) and (not words or text[span[0]:span[1]] == words):
        return span
    spans = find_collapsed(text, words) if words else []
    return min(spans, key=lambda s: abs(s[0] - span[0])) if spans else None


def describe_target(t) -> str:
    value = f"{t.value:g}" + (f"–{t.value_max:g}" if t.value_max is not None else "")
    period = f" ({t.period})" if t.period else ""
    return f"{t.kind} {t.id}: {t.indicator or '?'} {t.comparator} {value} {t.unit or ''}{period}".strip()


def highlights(record: PlanDocument, text: str, prefix: str, gold: Optional[GoldView] = None) -> list[Highlight]:
    found: list[Highlight] = []

    def add(span, kind: str, ref: str, label: str) -> None:
        if _valid(span, text):
            found.append(Highlight(span[0], span[1], kind, ref, label))

    for t in record.targets:
        kind = "false-hit" if gold and gold.status.get(t.id) == "false-hit" else t.kind
        add(evidence_span(text, t.span, t.text), kind, f"{prefix}-{t.id}", describe_target(t))
    for i, d in enumerate(record.dates):
        add(evidence_span(text, d.span, d.text), "date", f"{prefix}-date{i}", f"date {d.value} ({d.role})")
    for i, p in enumerate(record.periods):
        add(evidence_span(text, p.span, p.text), "period", f"{prefix}-period{i}", f"period {p.label}")
    for i, r in enumerate(record.references):
        add(evidence_span(text, r.span, r.text), "reference", f"{prefix}-ref{i}", f"reference {r.number or r.text}")
    if record.issue_date:
        add(record.issue_date.span, "issue-date", f"{prefix}-issue-date", f"issue date {record.issue_date.value}")
    if record.issuer:
        add(record.issuer.span or _find(text, record.issuer.name), "issuer", f"{prefix}-issuer", f"issuer {record.issuer.name}")
    if record.signer:
        add(record.signer.span or _find(text, record.signer.name), "signer", f"{prefix}-signer", f"signer {record.signer.name or ''}")
    add(_find(text, record.number), "number", f"{prefix}-number", f"number {record.number}")
    add(_find(text, record.title), "title", f"{prefix}-title", "title")
    for miss in gold.misses if gold else []:
        for span in miss["spans"][:1]:
            add(span, "miss", miss["ref"], f"missed gold target: {miss['indicator'] or '?'} {miss['value']:g} {miss['unit'] or ''}")
    return found


def compare_with_gold(record: PlanDocument, text: str, gdoc: GoldDocument, prefix: str) -> GoldView:
    view = GoldView()
    match = match_targets(gdoc, record.targets)
    matched = {pj for _, pj in match.pairs}
    for j, t in enumerate(record.targets):
        view.status[t.id] = "matched" if j in matched else "false-hit"
    golds = gdoc.gold.get("targets") or []
    for i in match.misses:
        gold = golds[i]
        spans = match.gold_spans[i] if gdoc.text == text else find_collapsed(text, gold.get("quote") or "")
        view.misses.append({**gold, "ref": f"{prefix}-miss{i}", "spans": spans})
    view.metadata = {k: gdoc.gold.get(k) for k in ("doc_type", "number", "issuer", "place", "issue_date", "title",
                                                   "signer_name", "signer_position")}
    return view
