"""Progress of a batch: a tqdm bar on a terminal, plain periodic log lines otherwise."""
from __future__ import annotations

import sys
import threading
import time
from typing import Callable, Optional, TextIO


class Progress:
    """Counts documents and errors; the total may arrive later (counted in the background)."""

    def __init__(self, bar: bool, *, stream: TextIO = sys.stderr, log_every: float = 10.0):
        self.stream = stream
        self.log_every = log_every
        self.done = 0
        self.errors = 0
        self.skipped = 0
        self.total: Optional[int] = None
        self.start = time.monotonic()
        self._last_log = self.start
        self._bar = None
        if bar:
            from tqdm import tqdm

            self._bar = tqdm(unit="doc", file=stream, dynamic_ncols=True, smoothing=0.05)

    def count_total_in_background(self, count: Callable[[], int]) -> None:
        def work() -> None:
            self.total = count()

        threading.Thread(target=work, name="vnplan-count", daemon=True).start()

    def skip(self) -> None:
        self.skipped += 1

    def update(self, failed: bool) -> None:
        self.done += 1
        self.errors += failed
        if self._bar is not None:
            remaining_total = None if self.total is None else max(self.total - self.skipped, self.done)
            if remaining_total != self._bar.total:
                self._bar.total = remaining_total
            self._bar.set_postfix(errors=self.errors, refresh=False)
            self._bar.update(1)
            return
        now = time.monotonic()
        if now - self._last_log >= self.log_every:
            self._last_log = now
            self.stream.write(self.line(now) + "\n")
            self.stream.flush()

    def line(self, now: float) -> str:
        elapsed = max(now - self.start, 1e-9)
        rate = self.done / elapsed
        text = f"vnplan: {self.done} documents, {self.errors} errors, {rate:.1f} docs/s"
        if self.skipped:
            text += f", {self.skipped} already done"
        if self.total is not None and rate > 0:
            left = max(self.total - self.skipped - self.done, 0)
            text += f", {left} left, ETA {format_seconds(left / rate)}"
        return text

    def message(self, text: str) -> None:
        if self._bar is not None:
            self._bar.write(text, file=self.stream)
        else:
            self.stream.write(text + "\n")

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


def format_seconds(seconds: float) -> str:
    seconds = int(seconds)
    if seconds >= 3600:
        return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"
    if seconds >= 60:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds}s"
