"""What a batch did: documents, ok, errors by code, time, throughput, memory."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class Summary:
    documents: int = 0
    """records written by this run"""
    ok: int = 0
    errors_by_code: Counter = field(default_factory=Counter)
    skipped: int = 0
    """documents already in the output (resume)"""
    superseded: int = 0
    """old records of edited files dropped from the output"""
    bytes: int = 0
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    """CPU time spent extracting (all workers), the fair measure of per-core throughput on a busy machine"""
    startup_cpu_seconds: float = 0.0
    """CPU time of loading the rules and compiling the patterns, once per run before the first document
    (in process; a worker pool does it in its forkserver)"""
    startup_seconds: float = 0.0
    """wall time before the first document could start: reading the output to resume, loading the rules,
    starting the workers"""
    workers: int = 1
    peak_worker_rss_mb: float = 0.0
    worker_restarts: int = 0
    stopped_early: bool = False

    @property
    def errors(self) -> int:
        return sum(self.errors_by_code.values())

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0

    def add(self, status: str, code: str | None, size: int) -> None:
        self.documents += 1
        self.bytes += size
        if status == "ok":
            self.ok += 1
        else:
            self.errors_by_code[code or "unknown"] += 1

    def lines(self) -> list[str]:
        head = f"{self.documents} documents, {self.errors} errors"
        out = [head + f" ({self.ok} ok) in {self.seconds:.1f} s, {self.docs_per_second:.1f} docs/s, "
               f"{self.bytes / 1024 / max(self.seconds, 1e-9):.0f} KB/s, {self.workers} worker(s)"]
        if self.errors_by_code:
            out.append("errors by code: " + ", ".join(f"{c} {n}" for c, n in self.errors_by_code.most_common()))
        if self.skipped:
            out.append(f"{self.skipped} documents already in the output were skipped")
        if self.superseded:
            out.append(f"{self.superseded} old records of edited files were replaced")
        if self.cpu_seconds and self.documents:
            out.append(f"CPU {self.cpu_seconds:.1f} s: {self.bytes / 1024 / self.cpu_seconds:.0f} KB/s and "
                       f"{self.documents / self.cpu_seconds:.1f} docs/s per busy core")
        if self.startup_seconds and self.documents and self.seconds > self.startup_seconds:
            steady = self.seconds - self.startup_seconds
            out.append(f"after start-up ({self.startup_seconds:.1f} s): {self.documents / steady:.1f} docs/s, "
                       f"{self.bytes / 1024 / steady:.0f} KB/s")
        if self.startup_cpu_seconds:
            out.append(f"start-up CPU {self.startup_cpu_seconds:.2f} s (rules and patterns, once per run)")
        if self.peak_worker_rss_mb:
            out.append(f"peak memory per worker {self.peak_worker_rss_mb:.0f} MB, {self.worker_restarts} worker restarts")
        if self.stopped_early:
            out.append("stopped at the first error (--fail-fast)")
        return out
