"""`vnplan review`: one self-contained HTML page showing every extraction in its place.

    html = review_files(["corpus/dev/kh-hanoi-09-2014.txt"], gold_path="corpus/dev/gold.jsonl")
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable, Optional

from ..errors import ExtractionError
from ..evaluation.gold import load_gold
from ..ingest import read_path
from ..models import PlanDocument
from .page import ReviewDocument, build_page
from .spans import compare_with_gold

__all__ = ["ReviewDocument", "build_page", "load_inputs", "review_files", "review_records"]


def _text_of(record: PlanDocument) -> str:
    if record.text is not None:
        return record.text
    try:
        document, _, _ = read_path(record.source.path)
    except ExtractionError:
        return ""
    return document.text


def load_inputs(paths: Iterable[str | Path]) -> list[PlanDocument]:
    """Records from JSONL files (as written by `vnplan extract`) or extracted now from documents."""
    from ..api import extract_file

    records = []
    for path in map(Path, paths):
        if path.suffix.lower() == ".jsonl":
            with path.open(encoding="utf-8") as fh:
                records += [PlanDocument.model_validate(json.loads(line)) for line in fh if line.strip()]
        else:
            records.append(extract_file(path, include_text=True))
    return records


def review_records(records: Iterable[PlanDocument], gold_paths: Iterable[str | Path] = (), title: str = "vnplan review") -> str:
    gold_docs = {g.doc_id: g for path in gold_paths for g in load_gold(path)}
    docs = []
    for n, record in enumerate(records):
        text = _text_of(record)
        gdoc = gold_docs.get(Path(record.source.path).stem)
        view = compare_with_gold(record, text, gdoc, f"d{n}") if gdoc else None
        docs.append(ReviewDocument(record, text, view))
    return build_page(docs, title)


def review_files(paths: Iterable[str | Path], gold_path: Optional[str | Path] = None, title: str = "vnplan review") -> str:
    return review_records(load_inputs(paths), [gold_path] if gold_path else [], title)
