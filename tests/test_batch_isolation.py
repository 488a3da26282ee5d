"""Error isolation: a hanging, raising or crashing document gives an error record; the batch goes on."""
import pytest
from batch_helpers import make_archive, read_records, run_extract


def archive_with_faults(tmp_path, *faults):
    archive = make_archive(tmp_path / "archive", 5)
    for fault in faults:
        (archive / f"fault-{fault}.txt").write_text(f"Kế hoạch\nVNPLAN-DEBUG-FAULT:{fault}\n", encoding="utf-8")
    return archive


def by_name(records):
    return {r["source"]["path"].rsplit("/", 1)[-1]: r for r in records}


@pytest.mark.parametrize("workers", ["2", "1"])
def test_hanging_document_times_out_and_the_batch_completes(tmp_path, workers):
    archive = archive_with_faults(tmp_path, "hang")
    out = tmp_path / "out.jsonl"
    result = run_extract(archive, "-o", out, "--workers", workers, "--timeout", "1.5", faults=True, timeout=120)
    assert result.returncode == 1
    records = by_name(read_records(out))
    assert len(records) == 6
    hung = records.pop("fault-hang.txt")
    assert hung["status"] == "error" and hung["error"]["code"] == "timeout"
    assert len(hung["source"]["sha256"]) == 64  # keyed for resume like any record
    assert all(r.get("error", {}) is None or r["error"]["code"] != "timeout" for r in records.values())
    assert "errors by code: " in result.stderr and "timeout 1" in result.stderr


def test_crashing_and_raising_documents_give_error_records(tmp_path):
    archive = archive_with_faults(tmp_path, "crash", "raise")
    out = tmp_path / "out.jsonl"
    result = run_extract(archive, "-o", out, "--workers", "2", faults=True, timeout=120)
    assert result.returncode == 1
    records = by_name(read_records(out))
    assert len(records) == 7
    crashed = records.pop("fault-crash.txt")["error"]
    assert crashed["code"] == "internal_error" and "SIGSEGV" in crashed["message"]
    raised = records.pop("fault-raise.txt")["error"]
    assert raised["code"] == "internal_error" and raised["message"].startswith("RuntimeError: debug fault")
    assert "worker process died" not in str(records)
    assert "1 worker restarts" in result.stderr


def test_fault_markers_are_inert_without_the_debug_variable(tmp_path):
    archive = archive_with_faults(tmp_path, "hang", "crash", "raise")
    result = run_extract(archive, "-o", "-", "--workers", "2", "--timeout", "30", timeout=120)
    records = by_name(read_records_from(result.stdout))
    assert all(records[f"fault-{f}.txt"]["status"] == "ok" for f in ("hang", "crash", "raise"))


def read_records_from(stdout):
    import json

    return [json.loads(line) for line in stdout.splitlines()]


def test_document_needing_too_much_memory_gets_an_error_record(tmp_path):
    archive = archive_with_faults(tmp_path, "memory")
    out = tmp_path / "out.jsonl"
    result = run_extract(archive, "-o", out, "--workers", "2", faults=True, timeout=120)
    records = by_name(read_records(out))
    error = records.pop("fault-memory.txt")["error"]
    assert error["code"] == "file_too_large" and "memory" in error["message"]
    assert len(records) == 5 and all(r["status"] == "ok" for r in records.values()), result.stderr
