"""Resumable batch output: SIGKILL mid-run, edited files, identical copies, torn tails."""
import os
import signal
import subprocess
import time

from batch_helpers import VNPLAN, env, make_archive, read_records, run_extract, sorted_lines

from pipeline.batch.resume import load_done, repair_tail


def wait_for_lines(path, minimum, proc, limit=120.0):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if path.exists() and path.read_bytes().count(b"\n") >= minimum:
            return
        assert proc.poll() is None, "the run ended before it could be killed"
        time.sleep(0.05)
    raise AssertionError("no output appeared")


def test_resume_after_sigkill_gives_every_document_exactly_once(tmp_path):
    # Every document sleeps 20 ms (debug hook) so the run is still going when it is killed.
    archive = make_archive(tmp_path / "archive", 240, head="VNPLAN-DEBUG-FAULT:sleep=0.02\n")
    reference = tmp_path / "reference.jsonl"
    run_extract(archive, "-o", reference, "--workers", "1")

    out = tmp_path / "out.jsonl"
    command = [*VNPLAN, str(archive), "-o", str(out), "--workers", "2", "--no-progress"]
    proc = subprocess.Popen(command, env=env(faults=True), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_for_lines(out, 40, proc)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = out.read_bytes().count(b"\n")
    assert 40 <= partial < 240
    with out.open("ab") as fh:  # what a write cut by the kill would leave
        fh.write(b'{"schema_version":"1.0","source":{"path":"')

    resumed = run_extract(archive, "-o", out, "--workers", "2")
    assert f"\n{240 - partial} documents, " in "\n" + resumed.stderr, resumed.stderr
    assert f"{partial} documents already in the output were skipped" in resumed.stderr
    assert sorted_lines(out) == sorted_lines(reference)
    paths = [r["source"]["path"] for r in read_records(out)]
    assert len(paths) == len(set(paths)) == 240


def test_edited_file_is_redone_and_identical_copy_gets_its_own_record(tmp_path):
    archive = make_archive(tmp_path / "archive", 6)
    out = tmp_path / "out.jsonl"
    run_extract(archive, "-o", out)
    first = {r["source"]["path"]: r for r in read_records(out)}

    edited = archive / "d000" / "doc00001.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nTỷ lệ hộ nghèo giảm còn 2,2%.\n", encoding="utf-8")
    copy = archive / "d000" / "doc00002-copy.txt"
    copy.write_bytes((archive / "d000" / "doc00002.txt").read_bytes())

    result = run_extract(archive, "-o", out)
    assert "\n2 documents, " in "\n" + result.stderr, result.stderr
    assert "5 documents already in the output were skipped" in result.stderr
    assert "1 old records of edited files were replaced" in result.stderr
    records = read_records(out)
    by_path = {r["source"]["path"]: r for r in records}
    assert len(records) == len(by_path) == 7
    assert by_path[str(edited)]["source"]["sha256"] != first[str(edited)]["source"]["sha256"]
    original = by_path[str(archive / "d000" / "doc00002.txt")]
    assert by_path[str(copy)]["source"]["sha256"] == original["source"]["sha256"]

    again = run_extract(archive, "-o", out)
    assert "\n0 documents, " in "\n" + again.stderr and len(read_records(out)) == 7


def test_overwrite_starts_afresh(tmp_path):
    archive = make_archive(tmp_path / "archive", 3)
    out = tmp_path / "out.jsonl"
    run_extract(archive, "-o", out)
    result = run_extract(archive, "-o", out, "--overwrite")
    assert "\n3 documents, " in "\n" + result.stderr
    assert len(read_records(out)) == 3


def test_torn_last_line_is_cut_and_complete_lines_kept(tmp_path):
    out = tmp_path / "out.jsonl"
    good = b'{"source":{"path":"a.txt","sha256":"aa"}}\n{"source":{"path":"b.txt","sha256":"bb"}}\n'
    out.write_bytes(good + b'{"source":{"path":"c.t')
    assert repair_tail(out) == len(b'{"source":{"path":"c.t')
    assert out.read_bytes() == good
    done = load_done(out)
    assert done.has("a.txt", "aa") and done.has("b.txt", "bb") and not done.has_path("c.txt")
    assert not done.has("a.txt", "other")
    assert repair_tail(out) == 0


def test_file_that_is_one_torn_line_is_emptied(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_bytes(b'{"source":')
    assert len(load_done(out)) == 0 and out.read_bytes() == b""


def test_compaction_drops_superseded_and_unreadable_lines(tmp_path):
    from pipeline.batch.resume import drop_records

    out = tmp_path / "out.jsonl"
    a_old = b'{"source":{"path":"a.txt","sha256":"old"}}\n'
    a_new = b'{"source":{"path":"a.txt","sha256":"new"}}\n'
    b = b'{"source":{"path":"b.txt","sha256":"bb"}}\n'
    out.write_bytes(a_old + b"not json\n" + b + a_new)
    assert load_done(out).unreadable_lines == 1
    assert drop_records(out, {("a.txt", "old")}) == 2
    assert out.read_bytes() == b + a_new
    assert not list(tmp_path.glob("*.tmp"))
