"""Run a batch: stream the inputs, skip what the output already holds, extract on
workers, append records as whole lines, and sum it up."""
from __future__ import annotations

import hashlib
import itertools
import os
import resource
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

from .inputs import count_inputs, iter_inputs
from .progress import Progress
from .resume import DoneRecords, Key, drop_records, load_done
from .summary import Summary
from .task import Outcome, TaskOptions, peak_rss_kb, run_task_with_alarm
from .workers import WorkerPool


def default_workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


@dataclass
class BatchOptions:
    task: TaskOptions = field(default_factory=TaskOptions)
    workers: int = field(default_factory=default_workers)
    """1: extract in this process; more: a pool of worker processes"""
    ordered: bool = True
    """records in input order (same as a one-worker run); False: as they finish"""
    keep_going: bool = True
    overwrite: bool = False
    """start the output afresh instead of resuming it"""
    fsync_every: int = 64


class JsonlSink:
    """Appends records to a file, one `os.write` of a whole line each, fsync every N;
    or writes them to stdout."""

    def __init__(self, target: str, *, append: bool, fsync_every: int):
        self.fsync_every = max(1, fsync_every)
        self.unsynced = 0
        if target == "-":
            self.fd = None
            return
        Path(target).parent.mkdir(parents=True, exist_ok=True)
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | (0 if append else os.O_TRUNC)
        self.fd = os.open(target, flags, 0o644)

    def write(self, line: str) -> None:
        if self.fd is None:
            sys.stdout.write(line + "\n")
            sys.stdout.flush()
            return
        data = memoryview((line + "\n").encode("utf-8"))
        while data:
            data = data[os.write(self.fd, data):]
        self.unsynced += 1
        if self.unsynced >= self.fsync_every:
            self.sync()

    def sync(self) -> None:
        if self.fd is not None and self.unsynced:
            os.fsync(self.fd)
            self.unsynced = 0

    def close(self) -> None:
        if self.fd is not None:
            self.sync()
            os.close(self.fd)
            self.fd = None


def file_sha256(path: str | Path) -> Optional[str]:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def pending_inputs(
    paths: Iterable[Path], done: DoneRecords, summary: Summary, progress: Optional[Progress], stale: set[Key]
) -> Iterator[tuple[int, str]]:
    """(sequence number, path) of every input the output does not hold yet."""
    seq = 0
    for path in iter_inputs(paths):
        name = str(path)
        if done.has_path(name):
            sha = file_sha256(path)
            stale |= done.stale_for(name, sha)
            if done.has(name, sha):
                summary.skipped += 1
                if progress is not None:
                    progress.skip()
                continue
        yield seq, name
        seq += 1


def run_batch(
    paths: Iterable[Path | str],
    output: str,
    options: BatchOptions,
    *,
    progress: Optional[Progress] = None,
    on_error: Optional[Callable[[Outcome], None]] = None,
) -> Summary:
    """Extract every document under `paths` into the JSONL `output` ("-": stdout).

    An existing output file is resumed unless `options.overwrite`.
    """
    paths = [Path(p) for p in paths]
    started = time.monotonic()
    summary = Summary()
    if options.workers <= 1:
        summary.startup_cpu_seconds = _warm_up()
    cpu_before = _own_cpu_seconds()
    resume = output != "-" and not options.overwrite
    done = load_done(Path(output)) if resume else DoneRecords()
    stale: set[Key] = set()
    if progress is not None:
        progress.count_total_in_background(lambda: count_inputs(paths))

    tasks = pending_inputs(paths, done, summary, progress, stale)
    head = list(itertools.islice(tasks, 2))
    tasks = itertools.chain(head, tasks)
    pool = None
    if options.workers <= 1 or len(head) < 2:
        outcomes: Iterator[Outcome] = (run_task_with_alarm(seq, path, options.task) for seq, path in tasks)
    else:
        pool = WorkerPool(options.workers, options.task, ordered=options.ordered)
        pool.start()
        outcomes = pool.run(tasks)
    summary.workers = options.workers if pool is not None else 1
    summary.startup_seconds = time.monotonic() - started

    sink = JsonlSink(output, append=resume, fsync_every=options.fsync_every)
    try:
        for outcome in outcomes:
            sink.write(outcome.line)
            summary.add(outcome.status, outcome.code, outcome.bytes)
            failed = outcome.status != "ok"
            if progress is not None:
                progress.update(failed)
            if failed and on_error is not None:
                on_error(outcome)
            if failed and not options.keep_going:
                summary.stopped_early = True
                break
    finally:
        close = getattr(outcomes, "close", None)
        if close is not None:
            close()
        sink.close()
        if progress is not None:
            progress.close()

    if resume and not summary.stopped_early and (stale or done.unreadable_lines):
        summary.superseded = drop_records(Path(output), stale) - done.unreadable_lines
    summary.seconds = time.monotonic() - started
    if pool is not None:
        summary.peak_worker_rss_mb = pool.peak_rss_kb / 1024
        summary.worker_restarts = pool.restarts
        summary.cpu_seconds = pool.cpu_seconds
    else:
        summary.peak_worker_rss_mb = peak_rss_kb() / 1024
        summary.cpu_seconds = _own_cpu_seconds() - cpu_before
    return summary


def _warm_up() -> float:
    """Load the rules and compile the patterns now, as the worker pool's forkserver does, so that the
    CPU time of the documents is theirs alone: the CPU seconds this took."""
    before = _own_cpu_seconds()
    from . import warmup  # noqa: F401  (importing it warms up)
    return _own_cpu_seconds() - before


def _own_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime
