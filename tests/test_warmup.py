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


def test_one_worker_run_reports_its_start_up_apart_from_the_documents(tmp_path):
    """In process, the rules and patterns are loaded before the first document, as in the forkserver,
    so the documents' CPU time is theirs alone and the start-up is reported on its own line."""
    import subprocess
    import sys
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Phấn đấu năm 2025 tạo việc làm cho 1.200 lao động.", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "pipeline.cli", "extract", str(tmp_path / "in"), "-o",
                           str(tmp_path / "out.jsonl"), "--workers", "1", "--no-progress"],
                          capture_output=True, text=True, check=True)
    startup = [line for line in done.stderr.splitlines() if line.startswith("start-up CPU ")]
    assert len(startup) == 1 and float(startup[0].split()[2]) > 0
