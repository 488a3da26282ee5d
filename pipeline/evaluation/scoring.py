"""Scores one document's record against its gold entry, and adds document scores up."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from ..models import PlanDocument
from .gold import GoldDocument
from .matching import match_sets, match_targets, norm_number, norm_text, token_f1

METADATA_FIELDS = ("doc_type", "number", "issuer", "place", "issue_date", "title", "signer_name", "signer_position")
NEWS_METADATA_FIELDS = ("doc_type",)
SET_FIELDS = ("dates", "references", "targets")
ATTRIBUTES = ("comparator", "kind", "period")


def predicted_metadata(record: PlanDocument) -> dict[str, tuple[Optional[str], Optional[tuple[int, int]]]]:
    """Each metadata field's predicted value with the span it came from (if any)."""
    issuer, signer, date = record.issuer, record.signer, record.issue_date
    return {
        "doc_type": (record.doc_type, None),
        "number": (record.number, None),
        "issuer": (issuer.name if issuer else None, issuer.span if issuer else None),
        "place": (record.place, None),
        "issue_date": (date.value if date else None, date.span if date else None),
        "title": (record.title, None),
        "signer_name": (signer.name if signer else None, signer.span if signer else None),
        "signer_position": (signer.position if signer else None, signer.span if signer else None),
    }


def _same(field_name: str, gold, pred) -> bool:
    if field_name in ("number", "issue_date", "doc_type"):
        return norm_number(gold) == norm_number(pred)
    return norm_text(gold) == norm_text(pred)


@dataclass
class DocScore:
    doc_id: str
    set_name: str
    doc_type: Optional[str]
    metadata: dict[str, bool] = field(default_factory=dict)
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    attributes: dict[str, list[float]] = field(default_factory=dict)
    items: list[dict] = field(default_factory=list)

    @property
    def group(self) -> str:
        return "news" if self.doc_type == "news" else "official"


def _item(gdoc: GoldDocument, field_name: str, status: str, value, evidence: str = "", span=None, **extra) -> dict:
    return {"doc_id": gdoc.doc_id, "field": field_name, "status": status, "value": value,
            "evidence": evidence, "context": gdoc.context(span), "span": list(span) if span else None, **extra}


def _score_sets(score: DocScore, gdoc: GoldDocument, name: str, gold: list, pred: list[tuple[str, str, tuple]]) -> None:
    found, missed, false_hits = match_sets(gold, [value for value, _, _ in pred])
    score.counts[name] = {"tp": len(found), "fn": len(missed), "fp": len(false_hits)}
    for value in missed:
        spans = gdoc.locate(value) if name == "references" else []
        score.items.append(_item(gdoc, name, "miss", value, value if spans else "", spans[0] if spans else None))
    first_pred = {}
    for value, text, span in pred:
        first_pred.setdefault(value, (text, span))
    for value in false_hits:
        text, span = first_pred[value]
        score.items.append(_item(gdoc, name, "false_hit", value, text, span))


def score_document(gdoc: GoldDocument, record: Optional[PlanDocument]) -> DocScore:
    gold = gdoc.gold
    score = DocScore(gdoc.doc_id, gdoc.set_name, gdoc.doc_type)
    if record is None or record.status == "error":
        error = record.error if record is not None else None
        reason = "no prediction" if record is None else f"error record: {error.code}: {error.message[:120]}" if error else "error record"
        score.items.append(_item(gdoc, "document", "error", reason))
        record = PlanDocument(source={"path": str(gdoc.path)})

    pred_meta = predicted_metadata(record)
    for name in NEWS_METADATA_FIELDS if gdoc.is_news else METADATA_FIELDS:
        pred_value, span = pred_meta[name]
        right = _same(name, gold.get(name), pred_value)
        score.metadata[name] = right
        if not right:
            score.items.append(_item(gdoc, name, "wrong", pred_value, str(pred_value or ""), span, gold=gold.get(name)))

    _score_sets(score, gdoc, "dates", gold.get("dates") or [], [(d.value, d.text, d.span) for d in record.dates])

    gold_refs = [norm_number(r) for r in gold.get("references") or []]
    pred_refs = [(norm_number(r.number), r.text, r.span) for r in record.references if r.number]
    if gdoc.is_news:
        gold_refs = [norm_number(gold.get("number"))] + gold_refs
        pred_refs = [(norm_number(record.number), record.number or "", None)] + pred_refs
    _score_sets(score, gdoc, "references", gold_refs, pred_refs)

    _score_targets(score, gdoc, gold.get("targets") or [], record)
    return score


def _describe(target) -> str:
    get = target.get if isinstance(target, dict) else lambda k: getattr(target, k)
    value = f"{get('value'):g}" + (f"–{get('value_max'):g}" if get("value_max") is not None else "")
    return f"{get('comparator') or ''} {value} {get('unit') or ''}".strip()


def _score_targets(score: DocScore, gdoc: GoldDocument, golds: list[dict], record: PlanDocument) -> None:
    preds = record.targets
    match = match_targets(gdoc, preds)
    score.counts["targets"] = {"tp": len(match.pairs), "fn": len(match.misses), "fp": len(match.false_hits)}
    attrs = {name: [] for name in (*ATTRIBUTES, "indicator_exact", "indicator_token_f1")}
    for gi, pj in match.pairs:
        gold, pred = golds[gi], preds[pj]
        for name in ATTRIBUTES:
            right = _same(name, gold.get(name), getattr(pred, name))
            attrs[name].append(float(right))
            if not right:
                score.items.append(_item(gdoc, f"target {name}", "wrong", getattr(pred, name), pred.text,
                                         match.pred_spans[pj], gold=gold.get(name), indicator=gold.get("indicator")))
        attrs["indicator_exact"].append(float(norm_text(gold.get("indicator")) == norm_text(pred.indicator)))
        attrs["indicator_token_f1"].append(token_f1(gold.get("indicator"), pred.indicator))
    score.attributes = attrs
    for gi in match.misses:
        spans = match.gold_spans[gi]
        gold = golds[gi]
        score.items.append(_item(gdoc, "targets", "miss", _describe(gold), gold.get("quote") or "",
                                 spans[0] if spans else None, indicator=gold.get("indicator")))
    for pj in match.false_hits:
        pred, span = preds[pj], match.pred_spans[pj]
        score.items.append(_item(gdoc, "targets", "false_hit", _describe(pred), pred.text, span,
                                 indicator=pred.indicator, target_id=pred.id))


def prf(tp: int, fp: int, fn: int) -> dict:
    precision = tp / (tp + fp) if tp + fp else (1.0 if not fn else 0.0)
    recall = tp / (tp + fn) if tp + fn else (1.0 if not fp else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall, "f1": f1}


def aggregate(scores: list[DocScore]) -> dict:
    """Corpus figures: metadata accuracy per field, micro P/R/F1, target attributes, overall."""
    metadata = {}
    for name in METADATA_FIELDS:
        cells = [s.metadata[name] for s in scores if name in s.metadata]
        metadata[name] = {"n": len(cells), "correct": sum(cells), "accuracy": sum(cells) / len(cells) if cells else None}
    cells = [v for s in scores for v in s.metadata.values()]
    metadata_all = {"n": len(cells), "correct": sum(cells), "accuracy": sum(cells) / len(cells) if cells else None}
    sets = {}
    for name in SET_FIELDS:
        totals = {k: sum(s.counts.get(name, {}).get(k, 0) for s in scores) for k in ("tp", "fp", "fn")}
        sets[name] = prf(**totals)
    attributes = {}
    for name in (*ATTRIBUTES, "indicator_exact", "indicator_token_f1"):
        values = [v for s in scores for v in s.attributes.get(name, [])]
        attributes[name] = {"n": len(values), "score": sum(values) / len(values) if values else None}
    parts = [metadata_all["accuracy"]] + [sets[n]["f1"] for n in SET_FIELDS]
    parts = [p for p in parts if p is not None]
    return {
        "documents": len(scores),
        "metadata": metadata,
        "metadata_all": metadata_all,
        **sets,
        "target_attributes": attributes,
        "overall": sum(parts) / len(parts) if parts else 0.0,
    }
