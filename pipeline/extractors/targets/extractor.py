"""The `targets` extractor: every quantified target and result of a document."""
from __future__ import annotations

from typing import Optional

from ...document import Document
from ...models import PlanDocument, Target
from .. import register
from .confidence import confidence
from .context import Context, build_context
from .draft import Draft
from .future_results import future_results_as_targets
from .period import PeriodMention, quarter_end
from .prose import prose_drafts
from .recipients import recipients_spans
from .structure import lines
from .table_reader import tables
from .tables import table_drafts
from .task_rows import task_row_drafts


def find_targets(text: str, doc_type: Optional[str] = None, issue_year: Optional[int] = None,
                 title: Optional[str] = None, skip: Optional[list[tuple[int, int]]] = None,
                 periods: Optional[list[PeriodMention]] = None, issue_month: Optional[int] = None) -> list[Target]:
    """Targets of a normalized text; the document's kind, date and title sharpen kind and period."""
    skip = (skip or []) + recipients_spans(text)
    ctx = build_context(text, doc_type=doc_type, issue_year=issue_year, title=title, periods=periods, skip=skip,
                        issue_month=issue_month)
    return targets_from_context(ctx)


def targets_from_context(ctx: Context) -> list[Target]:
    all_lines = lines(ctx.text)
    found_tables = tables(ctx.text, all_lines)
    drafts = table_drafts(ctx, found_tables)
    in_cells = task_row_drafts(ctx, found_tables, drafts, lambda spans: prose_drafts(ctx, [], spans))
    for d in in_cells:
        if d.parent is not None:
            d.parent += len(drafts)
    drafts += in_cells
    in_prose = prose_drafts(ctx, [(t.start, t.end) for t in found_tables], all_lines)
    for d in in_prose:  # a prose parent is an index among the prose drafts
        if d.parent is not None:
            d.parent += len(drafts)
    drafts += in_prose
    expanded: list[Draft] = []
    for d in drafts:
        expanded.append(d)
        pair = d.rules.pop("pair", None)
        if pair is not None:
            expanded.append(pair)
    future_results_as_targets(ctx, expanded)
    out: list[Target] = []
    ids = {id(d): f"t{k + 1}" for k, d in enumerate(expanded)}
    for d in expanded:
        parent = None
        if d.parent is not None and 0 <= d.parent < len(drafts):
            parent = ids.get(id(drafts[d.parent]))
        sec = ctx.tree.at(d.fig_start) if ctx.tree else None
        out.append(Target(
            id=ids[id(d)], kind=d.kind, indicator=d.indicator or None, value=d.value, value_max=d.value_max,
            unit=d.unit, comparator=d.comparator, period=quarter_end(d.period), deadline=d.deadline,
            section=sec.label if sec else None, parent=parent, responsible=d.responsible,
            text=ctx.text[d.start:d.end], span=(d.start, d.end), confidence=confidence(d),
        ))
    return out


def _issue_year(record: PlanDocument) -> Optional[int]:
    if record.issue_date and record.issue_date.value[:4].isdigit():
        return int(record.issue_date.value[:4])
    return None


def _issue_month(record: PlanDocument) -> Optional[int]:
    if record.issue_date and record.issue_date.value[5:7].isdigit():
        return int(record.issue_date.value[5:7])
    return None


@register("targets")
def extract_targets(doc: Document, record: PlanDocument) -> None:
    skip = [b.span for b in doc.blocks if b.kind == "boilerplate"]
    periods = None
    cached = doc.cache.get("periods")
    if cached is not None:
        periods = [PeriodMention(p.label, p.span[0], p.span[1]) for p in cached]
    elif record.periods:
        periods = sorted((PeriodMention(p.label, p.span[0], p.span[1]) for p in record.periods), key=lambda p: p.start)
    record.targets = find_targets(doc.text, doc_type=record.doc_type, issue_year=_issue_year(record),
                                  title=record.title, skip=skip, periods=periods, issue_month=_issue_month(record))
