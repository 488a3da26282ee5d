"""The Dask engine on a local multi-process cluster gives the records of a single-machine run."""
import pytest
from batch_helpers import make_archive, run_extract

distributed = pytest.importorskip("distributed")

from pipeline.batch import TaskOptions  # noqa: E402
from pipeline.dask_engine import extract_to_folder, records_bag  # noqa: E402


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(processes=True, n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster:
        yield cluster


def test_dask_records_equal_the_single_machine_run(tmp_path, cluster):
    archive = make_archive(tmp_path / "archive", 30)
    (archive / "empty.txt").write_bytes(b"")
    single = tmp_path / "single.jsonl"
    run_extract(archive, "-o", single, "--workers", "1")
    expected = single.read_text(encoding="utf-8").splitlines()
    assert len(expected) == 31

    with distributed.Client(cluster):
        lines = records_bag([archive], npartitions=4).compute()
    assert lines == expected

    folder = tmp_path / "parts"
    summary = extract_to_folder([archive], folder, TaskOptions(), scheduler=cluster.scheduler_address, npartitions=3)
    parts = sorted(folder.glob("part-*.jsonl"))
    assert len(parts) == 3
    assert [line for part in parts for line in part.read_text(encoding="utf-8").splitlines()] == expected
    assert summary.documents == 31 and summary.errors_by_code["empty_file"] == 1

    again = extract_to_folder([archive], folder, TaskOptions(), scheduler=cluster.scheduler_address)
    assert again.documents == 0 and again.skipped == 31 and len(list(folder.glob("part-*.jsonl"))) == 3


def test_cli_dask_engine_writes_partitioned_jsonl(tmp_path, cluster):
    archive = make_archive(tmp_path / "archive", 8)
    folder = tmp_path / "parts"
    result = run_extract(archive, "-o", folder, "--engine", "dask", "--scheduler", cluster.scheduler_address, timeout=120)
    assert "\n8 documents, " in "\n" + result.stderr, result.stderr
    records = [line for part in sorted(folder.glob("part-*.jsonl")) for line in part.read_text().splitlines()]
    single = run_extract(archive, "-o", "-", "--workers", "1").stdout.splitlines()
    assert records == single
