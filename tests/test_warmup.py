"""The forkserver's warm-up: the sample documents exist, extract cleanly, and touch the targets stage."""
from pathlib import Path

from pipeline import extract_text
from pipeline.batch import warmup
from pipeline.batch.workers import PRELOAD
from pipeline.rules import rules_dir


def test_workers_preload_the_warm_up():
    assert "pipeline.batch.warmup" in PRELOAD


def test_samples_extract_to_ok_records_with_targets():
    samples = sorted((rules_dir() / "samples").glob("*.txt"))
    assert warmup.warm_up() == len(samples) >= 2
    records = [extract_text(Path(p).read_text(encoding="utf-8")) for p in samples]
    assert all(r.status == "ok" for r in records)
    assert all(r.targets for r in records)
    assert any(r.doc_type == "KH" and r.issue_date is not None for r in records)
