"""A pool of worker processes that survives its documents.

Each worker gets one document at a time over its own pipe, so the main process
always knows which document a worker holds: a worker past the per-document
timeout is killed (record code `timeout`), a worker that dies (segfault,
os._exit, out of memory) gives an `internal_error` record, and in both cases a
fresh worker takes its place. A worker whose peak memory passed
`recycle_rss_mb` is replaced after its document, so one huge file cannot keep
the memory of the batch high, and each worker runs under RLIMIT_DATA =
`memory_mb`, so a document that needs more gets an error record (MemoryError)
instead of driving the machine into swap. Workers are forked from a forkserver that has
imported the pipeline once, which keeps start-up cheap and avoids forking the
main process with its threads (progress bar).
"""
from __future__ import annotations

import multiprocessing
import os
import resource
import signal
import time
from collections import deque
from multiprocessing.connection import wait
from typing import Iterator, Optional

from .task import Outcome, TaskOptions, failure_outcome, peak_rss_kb, run_task, timeout_message

PRELOAD = ["pipeline.batch.task", "pipeline.extractors.chain", "pipeline.batch.warmup"]
READY = "ready"


def _worker_main(conn, options: TaskOptions, env: dict[str, str], memory_mb: int) -> None:
    os.environ.update(env)
    if memory_mb:  # a huge document raises MemoryError (an error record) instead of swapping the machine
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_DATA, (limit, resource.getrlimit(resource.RLIMIT_DATA)[1]))
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is handled by the main process
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return  # the main process is gone
        if task is None:
            return
        if task == READY:
            conn.send(READY)
            continue
        seq, path = task
        try:
            conn.send(run_task(seq, path, options))
        except (BrokenPipeError, OSError):
            return


class _Worker:
    def __init__(self, ctx, options: TaskOptions, env: dict[str, str], memory_mb: int):
        self.conn, child_conn = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child_conn, options, env, memory_mb), daemon=True)
        self.proc.start()
        child_conn.close()
        self.task: Optional[tuple[int, str]] = None
        self.started = 0.0
        self.cpu_seconds = 0.0

    def give(self, task: tuple[int, str]) -> None:
        self.task = task
        self.started = time.monotonic()
        self.conn.send(task)

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except OSError:
            pass
        self.conn.close()
        self.proc.join(timeout=2)
        if self.proc.is_alive():
            self.kill()

    def kill(self) -> None:
        self.proc.kill()
        self.proc.join()
        self.conn.close()


def exit_description(exitcode: Optional[int]) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            return f"killed by signal {signal.Signals(-exitcode).name}"
        except ValueError:
            return f"killed by signal {-exitcode}"
    return f"exited with code {exitcode}"


class WorkerPool:
    def __init__(
        self,
        workers: int,
        options: TaskOptions,
        *,
        ordered: bool = True,
        window_per_worker: int = 32,
        recycle_rss_mb: int = 1024,
        memory_mb: int = 2048,
    ):
        self.size = max(1, workers)
        self.options = options
        self.ordered = ordered
        self.window = self.size * window_per_worker
        self.recycle_kb = recycle_rss_mb * 1024
        self.memory_mb = memory_mb
        self.ctx = multiprocessing.get_context("forkserver")
        self.ctx.set_forkserver_preload(PRELOAD)
        # The forkserver may predate this pool: hand the workers today's VNPLAN_* settings.
        self.env = {k: v for k, v in os.environ.items() if k.startswith("VNPLAN_")}
        self.workers: list[_Worker] = []
        self.peak_rss_kb = 0
        self.restarts = 0
        self.retired_cpu_seconds = 0.0

    def start(self) -> None:
        """Start every worker and wait until each answers: the forkserver's imports and warm-up are then
        behind, and what follows is the batch's steady pace."""
        while len(self.workers) < self.size:
            self.workers.append(_Worker(self.ctx, self.options, self.env, self.memory_mb))
        for worker in list(self.workers):
            try:
                worker.conn.send(READY)
                worker.conn.recv()
            except (EOFError, OSError):
                self._replace(worker, kill=True)

    def run(self, tasks: Iterator[tuple[int, str]]) -> Iterator[Outcome]:
        """Yield one outcome per task: in task order if `ordered`, else as they finish."""
        tasks = iter(tasks)
        exhausted = False
        next_seq: Optional[int] = None  # ordered mode: the next sequence number to yield
        waiting: dict[int, Outcome] = {}
        issued: deque[int] = deque()  # sequence numbers handed out, in order
        try:
            while True:
                while not exhausted and (not self.ordered or len(issued) < self.window):
                    worker = self._idle_worker()
                    if worker is None:
                        break
                    task = next(tasks, None)
                    if task is None:
                        exhausted = True
                        break
                    issued.append(task[0])
                    self._give(worker, task)
                busy = [w for w in self.workers if w.task is not None]
                if not busy:  # nothing left to hand out, nothing waiting: done
                    return
                for outcome in self._collect(busy):
                    if not self.ordered:
                        issued.remove(outcome.seq)
                        yield outcome
                        continue
                    waiting[outcome.seq] = outcome
                    while issued and issued[0] in waiting:
                        yield waiting.pop(issued.popleft())
        finally:
            self.close()

    def _idle_worker(self) -> Optional[_Worker]:
        for worker in self.workers:
            if worker.task is None:
                return worker
        if len(self.workers) < self.size:
            worker = _Worker(self.ctx, self.options, self.env, self.memory_mb)
            self.workers.append(worker)
            return worker
        return None

    def _give(self, worker: _Worker, task: tuple[int, str]) -> None:
        try:
            worker.give(task)
        except OSError:  # died while idle: replace it and retry once
            self._replace(worker, kill=True)
            self._idle_worker().give(task)

    def _collect(self, busy: list[_Worker]) -> list[Outcome]:
        timeout = None
        if self.options.timeout:
            now = time.monotonic()
            timeout = max(0.0, min(w.started + self.options.timeout - now for w in busy))
        ready = set(wait([w.conn for w in busy] + [w.proc.sentinel for w in busy], timeout))
        outcomes = []
        for worker in busy:
            seq, path = worker.task
            if worker.conn in ready or worker.proc.sentinel in ready:
                outcome = self._receive(worker)
                if outcome is None:
                    worker.proc.join(timeout=5)
                    outcome = failure_outcome(
                        seq, path, "internal_error", f"worker process died ({exit_description(worker.proc.exitcode)})"
                    )
                    self._replace(worker, kill=True)
                else:
                    worker.task = None
                    worker.cpu_seconds = outcome.cpu_seconds
                    self.peak_rss_kb = max(self.peak_rss_kb, outcome.peak_rss_kb)
                    if outcome.peak_rss_kb > self.recycle_kb:
                        self._replace(worker, kill=False)
                outcomes.append(outcome)
            elif self.options.timeout and time.monotonic() - worker.started >= self.options.timeout:
                self._replace(worker, kill=True)
                outcomes.append(failure_outcome(seq, path, "timeout", timeout_message(self.options.timeout)))
        return outcomes

    @staticmethod
    def _receive(worker: _Worker) -> Optional[Outcome]:
        try:
            return worker.conn.recv() if worker.conn.poll(0) else None
        except (EOFError, OSError):
            return None

    @property
    def cpu_seconds(self) -> float:
        """CPU time the workers spent on documents (as last reported by each)."""
        return self.retired_cpu_seconds + sum(w.cpu_seconds for w in self.workers)

    def _replace(self, worker: _Worker, *, kill: bool) -> None:
        self.retired_cpu_seconds += worker.cpu_seconds
        self.peak_rss_kb = max(self.peak_rss_kb, peak_rss_kb(worker.proc.pid))  # killed mid-document counts too
        self.workers.remove(worker)
        worker.kill() if kill else worker.stop()
        self.restarts += 1

    def close(self) -> None:
        self.retired_cpu_seconds += sum(w.cpu_seconds for w in self.workers)
        for worker in self.workers:
            if worker.task is None:
                worker.stop()
            else:
                worker.kill()
        self.workers = []
