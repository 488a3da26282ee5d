"""Accuracy of extracted records against gold annotations (`vnplan eval`).

    result = evaluate(["corpus/dev/gold.jsonl"])              # extracts on the fly
    result = evaluate(["corpus/dev/gold.jsonl"], "out.jsonl")  # reads predictions
    result.summary["targets"]["f1"], result.to_dict()
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping, Optional, get_args

from ..models import DocType, PlanDocument
from .gold import GoldDocument, GoldError, load_gold
from .matching import METADATA_RULE, SET_RULE, TARGET_RULE
from .scoring import DocScore, aggregate, score_document

RULES = {"targets": TARGET_RULE, "sets": SET_RULE, "metadata": METADATA_RULE}

__all__ = ["EvalResult", "GoldDocument", "GoldError", "evaluate", "load_gold", "load_predictions", "score_documents"]


@dataclass
class EvalResult:
    documents: list[DocScore]
    source: str
    gold_files: list[str] = field(default_factory=list)

    @property
    def summary(self) -> dict:
        return aggregate(self.documents)

    def by_group(self) -> dict[str, dict]:
        """Figures per document group: `official` and `news`, then each gold doc_type."""
        order = ["official", "news", *(f"doc_type={t}" for t in get_args(DocType)), "doc_type=None"]
        groups: dict[str, list[DocScore]] = {name: [] for name in order}
        for score in self.documents:
            groups[score.group].append(score)
            groups.setdefault(f"doc_type={score.doc_type}", []).append(score)
        return {name: aggregate(scores) for name, scores in groups.items() if scores}

    @property
    def items(self) -> list[dict]:
        return [item for score in self.documents for item in score.items]

    def to_dict(self) -> dict:
        return {
            "predictions": self.source,
            "gold_files": self.gold_files,
            "rules": RULES,
            "summary": self.summary,
            "by_type": self.by_group(),
            "documents": [
                {"doc_id": s.doc_id, "set": s.set_name, "doc_type": s.doc_type, "metadata": s.metadata,
                 "counts": s.counts, "score": aggregate([s])["overall"]}
                for s in self.documents
            ],
            "items": self.items,
        }


def load_predictions(path: str | Path) -> dict[str, PlanDocument]:
    """Records of a JSONL file keyed by the stem of their source path (the gold doc_id)."""
    path = Path(path)
    if not path.is_file():
        raise GoldError(f"predictions file {path} not found")
    records = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                record = PlanDocument.model_validate(json.loads(line))
                records[Path(record.source.path).stem] = record
    return records


def score_documents(gold_docs: Iterable[GoldDocument], records: Mapping[str, Optional[PlanDocument]]) -> list[DocScore]:
    return [score_document(g, records.get(g.doc_id)) for g in gold_docs]


def evaluate(gold_paths: Iterable[str | Path], pred_path: Optional[str | Path] = None) -> EvalResult:
    gold_paths = [Path(p) for p in gold_paths]
    gold_docs = [doc for path in gold_paths for doc in load_gold(path)]
    if pred_path is not None:
        records = load_predictions(pred_path)
        source = str(pred_path)
    else:
        from ..api import extract_document

        records = {g.doc_id: extract_document(g.document, g.data, g.fmt, g.path) for g in gold_docs}
        source = "extracted now"
    return EvalResult(score_documents(gold_docs, records), source, [str(p) for p in gold_paths])
