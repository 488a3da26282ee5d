"""Deterministic order: N workers write what one worker writes, in the same order."""
import inspect
import random

from batch_helpers import make_archive, read_records, run_extract

from pipeline.batch import iter_inputs


def scrambled_archive(tmp_path, count=60):
    """Documents that sleep 0-60 ms (debug hook), so workers finish them out of order."""
    archive = make_archive(tmp_path / "archive", count)
    rng = random.Random(7)
    for path in sorted(archive.rglob("*.txt")):
        delay = rng.choice([0, 0, 0.03, 0.06])
        path.write_text(f"VNPLAN-DEBUG-FAULT:sleep={delay}\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    return archive


def test_parallel_output_equals_the_single_worker_run_byte_for_byte(tmp_path):
    archive = scrambled_archive(tmp_path)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    run_extract(archive, "-o", one, "--workers", "1")
    run_extract(archive, "-o", two, "--workers", "2", faults=True)
    assert one.read_bytes() == two.read_bytes()
    assert len(read_records(one)) == 60


def test_unordered_output_holds_the_same_records(tmp_path):
    archive = scrambled_archive(tmp_path, 40)
    one, loose = tmp_path / "one.jsonl", tmp_path / "loose.jsonl"
    run_extract(archive, "-o", one, "--workers", "1")
    run_extract(archive, "-o", loose, "--workers", "2", "--unordered", faults=True)
    assert sorted(loose.read_bytes().splitlines()) == sorted(one.read_bytes().splitlines())


def test_inputs_stream_in_sorted_path_order(tmp_path):
    for rel in ["b/z.txt", "b/a.html", "a.txt", "a/c.pdf", "a/b/x.docx", "c.md", "B.txt", "a/.hidden.txt"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x")
    (tmp_path / "a" / "loop").symlink_to(tmp_path / "a")
    walk = iter_inputs([tmp_path])
    assert inspect.isgenerator(walk)
    expected = sorted(p for p in tmp_path.rglob("*") if p.is_file() and p.suffix != ".md" and "loop" not in p.parts)
    assert list(walk) == expected
    assert list(iter_inputs([tmp_path / "missing.txt"])) == [tmp_path / "missing.txt"]


def test_started_pool_has_every_worker_up_before_the_first_document(tmp_path):
    from pipeline.batch.task import TaskOptions
    from pipeline.batch.workers import WorkerPool

    archive = make_archive(tmp_path / "archive", 4)
    pool = WorkerPool(2, TaskOptions())
    pool.start()
    assert len(pool.workers) == 2 and all(w.proc.is_alive() and w.task is None for w in pool.workers)
    tasks = enumerate(str(p) for p in sorted(archive.rglob("*.txt")))
    outcomes = list(pool.run(tasks))
    assert [o.seq for o in outcomes] == [0, 1, 2, 3] and {o.status for o in outcomes} == {"ok"}
    assert pool.restarts == 0
