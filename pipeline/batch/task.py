"""One document of a batch: extract it and serialize its record, never raising."""
from __future__ import annotations

import resource
import signal
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from ..api import _fill_source_from_disk, extract_file
from ..ingest import DEFAULT_MAX_BYTES
from ..models import Error, PlanDocument, Source
from . import faults


@dataclass(frozen=True)
class TaskOptions:
    include_text: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: Optional[float] = None
    """seconds per document; None or 0: no limit"""


@dataclass
class Outcome:
    seq: int
    path: str
    line: str
    """the record as one JSON line, without the newline"""
    status: str
    code: Optional[str] = None
    message: Optional[str] = None
    bytes: int = 0
    """size of the document if it was extracted (0 for error records)"""
    peak_rss_kb: int = 0
    cpu_seconds: float = 0.0
    """CPU time of the process that made the record, since it started"""


class DocumentTimeout(BaseException):
    """Raised by the in-process alarm; a BaseException so extractors' `except Exception` cannot swallow it."""


def peak_rss_kb(pid: int | str = "self") -> int:
    """Peak resident memory of a process (VmHWM). Not ru_maxrss: Linux carries that across
    exec, so a process started by a big parent would report the parent's size."""
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss if pid == "self" else 0


def failure_record(path: str, code: str, message: str) -> PlanDocument:
    """An error record whose source (sha256, bytes, format) is read from disk, so resume can key it."""
    source = Source(path=path)
    _fill_source_from_disk(source, Path(path))
    return PlanDocument(source=source, status="error", error=Error(code=code, message=message))


class _PeakProbe:
    """This process's peak memory, read again only after `every` CPU-seconds of work: reading
    /proc per document cost 2-3% of a small document's time, and the peak moves only while working."""

    def __init__(self, every: float = 0.1):
        self.every = every
        self.cpu = -1.0
        self.kb = 0

    def read(self, cpu: float) -> int:
        if cpu - self.cpu >= self.every or self.cpu < 0:
            self.cpu, self.kb = cpu, peak_rss_kb()
        return self.kb


_PEAK = _PeakProbe()


def outcome_of(seq: int, record: PlanDocument) -> Outcome:
    error = record.error
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu = usage.ru_utime + usage.ru_stime
    return Outcome(
        seq=seq,
        path=record.source.path,
        line=record.model_dump_json(),
        status=record.status,
        code=error.code if error else None,
        message=error.message if error else None,
        bytes=(record.source.bytes or 0) if record.status == "ok" else 0,
        peak_rss_kb=_PEAK.read(cpu),
        cpu_seconds=cpu,
    )


def failure_outcome(seq: int, path: str, code: str, message: str) -> Outcome:
    return outcome_of(seq, failure_record(path, code, message))


def run_task(seq: int, path: str, options: TaskOptions) -> Outcome:
    """Extract one file. Never raises: exceptions become `internal_error` records."""
    try:
        faults.inject(path)
        record = extract_file(path, include_text=options.include_text, max_bytes=options.max_bytes)
    except MemoryError:
        return failure_outcome(seq, path, "file_too_large", "ran out of memory while extracting it (worker memory limit)")
    except Exception as exc:
        return failure_outcome(seq, path, "internal_error", f"{type(exc).__name__}: {exc}")
    return outcome_of(seq, record)


def run_task_with_alarm(seq: int, path: str, options: TaskOptions) -> Outcome:
    """In-process variant with the per-document timeout enforced by SIGALRM.

    Only interrupts Python code (a hang inside native code waits for it to return);
    worker processes are killed instead, which always works.
    """
    if not options.timeout or threading.current_thread() is not threading.main_thread():
        return run_task(seq, path, options)

    def on_alarm(signum, frame):
        raise DocumentTimeout()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, options.timeout)
    try:
        try:
            return run_task(seq, path, options)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except DocumentTimeout:
        return failure_outcome(seq, path, "timeout", timeout_message(options.timeout))
    finally:
        signal.signal(signal.SIGALRM, previous)


def timeout_message(seconds: float) -> str:
    return f"extraction took longer than {seconds:g} s"
