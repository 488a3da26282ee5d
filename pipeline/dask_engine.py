"""Run extraction on a Dask cluster (`pip install vnplan[dask]`).

    vnplan extract ARCHIVE/ -o out/ --engine dask --scheduler tcp://host:8786

or from Python:

    from pipeline.dask_engine import records_bag
    records_bag(["archive/"]).to_textfiles("out/part-*.jsonl", last_endline=True)

Every worker must see the input files under the same paths (a shared or
network file system) and have vnplan installed. The output is a folder of
partitioned JSONL files, `part-<run>-<partition>.jsonl`; read in name order
they hold the records in input order. Re-running into the same folder skips
documents already there (same path and sha256), like the local engine.
Per-document timeouts are not enforced on Dask (tasks run in worker threads);
set Dask's own worker lifetime options for that.
"""
from __future__ import annotations

import json
import time
import uuid
from pathlib import Path
from typing import Iterable, Optional

from .batch.resume import DoneRecords, load_done
from .batch.runner import default_workers, pending_inputs
from .batch.summary import Summary
from .batch.task import TaskOptions, run_task_with_alarm


def _extract_line(item: tuple[int, str], options: TaskOptions) -> str:
    seq, path = item
    return run_task_with_alarm(seq, path, options).line


def records_bag(
    paths: Iterable[Path | str],
    options: TaskOptions = TaskOptions(),
    *,
    npartitions: Optional[int] = None,
    done: Optional[DoneRecords] = None,
    summary: Optional[Summary] = None,
):
    """A `dask.bag` of JSON lines, one per input document not in `done`, in input order.

    The input paths are listed on the client (a few dozen bytes per document).
    """
    summary = summary if summary is not None else Summary()
    items = list(pending_inputs([Path(p) for p in paths], done or DoneRecords(), summary, None, set()))
    return _bag(items, options, npartitions)


def _bag(items: list[tuple[int, str]], options: TaskOptions, npartitions: Optional[int]):
    import dask.bag as db

    npartitions = npartitions or max(1, min(len(items) // 50, 1000))
    return db.from_sequence(items, npartitions=min(npartitions, max(1, len(items)))).map(_extract_line, options)


def _done_in(folder: Path) -> DoneRecords:
    done = DoneRecords()
    for part in sorted(folder.glob("part-*.jsonl")):
        for path, shas in load_done(part).by_path.items():
            for sha in shas:
                done.add(path, sha)
    return done


def extract_to_folder(
    paths: Iterable[Path | str],
    folder: str | Path,
    options: TaskOptions = TaskOptions(),
    *,
    scheduler: Optional[str] = None,
    workers: Optional[int] = None,
    overwrite: bool = False,
    npartitions: Optional[int] = None,
) -> Summary:
    """Extract on a Dask cluster (`scheduler` address, or a local cluster) into `folder`/part-*.jsonl."""
    from dask.distributed import Client, LocalCluster

    started = time.monotonic()
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    if overwrite:
        for part in folder.glob("part-*.jsonl"):
            part.unlink()
    done = _done_in(folder)
    summary = Summary()
    run = time.strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]
    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=workers or default_workers(), threads_per_worker=1, processes=True)
    client = Client(scheduler or cluster)
    try:
        items = list(pending_inputs([Path(p) for p in paths], done, summary, None, set()))
        written = []
        if items:
            bag = _bag(items, options, npartitions)
            written = bag.to_textfiles(
                str(folder / "part-*.jsonl"), name_function=lambda i: f"{run}-{i:05d}", last_endline=True
            )
        summary.workers = len(client.scheduler_info().get("workers", {}))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    for part in written:
        _count(Path(part), summary)
    summary.seconds = time.monotonic() - started
    return summary


def _count(part: Path, summary: Summary) -> None:
    with open(part, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                record = json.loads(line)
                error = record.get("error") or {}
                summary.add(record["status"], error.get("code"), record["source"].get("bytes") or 0)
