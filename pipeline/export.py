"""Flatten records into one row per target, with the document's metadata on every row.

Documents without targets (and error records) give no row unless `keep_empty`, which
gives them one row with the target columns empty. CSV is UTF-8 with a byte-order mark
so Excel opens the diacritics intact; parquet is written with pyarrow.
"""
from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Iterable, Iterator, Optional

from .models import PlanDocument

DOCUMENT_COLUMNS = (
    "source_path", "status", "doc_type", "number", "issuer", "issuer_province", "place", "issue_date",
    "title", "signer_name", "signer_position",
)
TARGET_COLUMNS = (
    "target_id", "kind", "indicator", "value", "value_max", "unit", "comparator", "period", "deadline",
    "section", "parent", "responsible", "confidence", "evidence", "span_start", "span_end",
)
COLUMNS = DOCUMENT_COLUMNS + TARGET_COLUMNS
FLOAT_COLUMNS = {"value", "value_max", "confidence"}
INT_COLUMNS = {"span_start", "span_end"}


def read_records(path: str | Path) -> Iterator[PlanDocument]:
    with Path(path).open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield PlanDocument.model_validate(json.loads(line))


def document_columns(record: PlanDocument) -> dict:
    issuer, signer = record.issuer, record.signer
    return {
        "source_path": record.source.path,
        "status": record.status,
        "doc_type": record.doc_type,
        "number": record.number,
        "issuer": issuer.name if issuer else None,
        "issuer_province": issuer.province if issuer else None,
        "place": record.place,
        "issue_date": record.issue_date.value if record.issue_date else None,
        "title": record.title,
        "signer_name": signer.name if signer else None,
        "signer_position": signer.position if signer else None,
    }


def rows(records: Iterable[PlanDocument], keep_empty: bool = False) -> Iterator[dict]:
    for record in records:
        head = document_columns(record)
        if not record.targets and keep_empty:
            yield {**head, **{name: None for name in TARGET_COLUMNS}}
        for t in record.targets:
            yield {
                **head,
                "target_id": t.id, "kind": t.kind, "indicator": t.indicator, "value": t.value,
                "value_max": t.value_max, "unit": t.unit, "comparator": t.comparator, "period": t.period,
                "deadline": t.deadline, "section": t.section, "parent": t.parent, "responsible": t.responsible,
                "confidence": t.confidence, "evidence": t.text, "span_start": t.span[0], "span_end": t.span[1],
            }


def _cell(value):
    """Empty for None; whole floats without `.0` (25000, not 25000.0), others as Python writes them."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    return value


def write_csv(table: Iterable[dict], path: str | Path) -> int:
    count = 0
    with Path(path).open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        writer.writeheader()
        for row in table:
            writer.writerow({k: _cell(v) for k, v in row.items()})
            count += 1
    return count


def write_parquet(table: Iterable[dict], path: str | Path) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise RuntimeError("parquet export needs pyarrow: pip install 'vnplan[export]'") from exc
    data = list(table)

    def kind(name: str):
        return pa.float64() if name in FLOAT_COLUMNS else pa.int64() if name in INT_COLUMNS else pa.string()

    schema = pa.schema([(name, kind(name)) for name in COLUMNS])
    pq.write_table(pa.Table.from_pylist(data, schema=schema), str(path))
    return len(data)


def export(records_path: str | Path, fmt: str, output: Optional[str | Path] = None, keep_empty: bool = False) -> tuple[Path, int]:
    """Write `records_path` as `fmt` (csv or parquet); returns (output path, rows written)."""
    if fmt not in ("csv", "parquet"):
        raise ValueError(f"unknown format {fmt!r}: csv or parquet")
    out = Path(output) if output else Path(records_path).with_suffix(f".{fmt}")
    table = rows(read_records(records_path), keep_empty=keep_empty)
    count = (write_csv if fmt == "csv" else write_parquet)(table, out)
    return out, count
