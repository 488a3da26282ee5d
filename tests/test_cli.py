import json
import subprocess
import sys
from pathlib import Path

from conftest import CORPUS

VNPLAN = [sys.executable, "-m", "pipeline.cli"]


def run(*args, cwd=None):
    return subprocess.run([*VNPLAN, *map(str, args)], capture_output=True, text=True, cwd=cwd)


def corpus_documents():
    return sorted(p for p in CORPUS.rglob("*.txt"))


def test_extract_corpus_gives_one_valid_record_per_document(tmp_path, validator):
    out = tmp_path / "plans.jsonl"
    result = run("extract", CORPUS, "-o", out)
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    docs = corpus_documents()
    assert len(records) == len(docs) > 30
    assert [r["source"]["path"] for r in records] == [str(p) for p in docs]
    for record in records:
        validator.validate(record)
        assert record["status"] == "ok"
        assert record["source"]["format"] == "txt" and len(record["source"]["sha256"]) == 64


def test_bad_files_give_error_records_and_the_batch_goes_on(tmp_path, validator):
    (tmp_path / "a_empty.txt").write_bytes(b"")
    (tmp_path / "b_binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "c_good.txt").write_text("KẾ HOẠCH thực hiện năm 2023", encoding="utf-8")
    (tmp_path / "d_old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    result = run("extract", tmp_path, "-o", "-")
    assert result.returncode == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    for record in records:
        validator.validate(record)
    by_name = {Path(r["source"]["path"]).name: r for r in records}
    assert by_name["a_empty.txt"]["error"]["code"] == "empty_file"
    assert by_name["b_binary.txt"]["error"]["code"] == "binary_file"
    assert by_name["c_good.txt"]["status"] == "ok"
    assert by_name["d_old.doc"]["error"]["code"] == "unsupported_format"
    assert "libreoffice" in by_name["d_old.doc"]["error"]["message"]
    assert "4 documents, 3 errors" in result.stderr


def test_fail_fast_stops_at_first_error(tmp_path):
    (tmp_path / "a_empty.txt").write_bytes(b"")
    (tmp_path / "b_good.txt").write_text("Kế hoạch", encoding="utf-8")
    result = run("extract", tmp_path, "--fail-fast")
    assert result.returncode == 1
    assert len(result.stdout.splitlines()) == 1


def test_missing_file_and_too_large_file(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("Kế hoạch " * 200, encoding="utf-8")
    result = run("extract", tmp_path / "nope.txt", big, "--max-bytes", "100")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["error"]["code"] for r in records] == ["not_found", "file_too_large"]
    assert records[1]["source"]["bytes"] == big.stat().st_size


def test_include_text_makes_spans_checkable(tmp_path):
    doc = tmp_path / "x.txt"
    doc.write_text("Kế hoạch\r\nnăm 2023", encoding="utf-8")
    result = run("extract", doc, "--include-text")
    record = json.loads(result.stdout)
    assert record["text"] == "Kế hoạch\nnăm 2023"
    assert record["blocks"][0]["span"] == [0, len(record["text"])]


def test_schema_command_prints_the_committed_schema(schema):
    result = run("schema")
    assert json.loads(result.stdout) == schema
