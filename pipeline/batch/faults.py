"""Debugging hook: make a document hang, raise or crash its worker on purpose.

Off unless the environment variable VNPLAN_DEBUG_FAULTS=1 is set. Then a file
whose first 4 KiB hold one of these markers misbehaves before extraction:

    VNPLAN-DEBUG-FAULT:hang    sleeps until the per-document timeout kills it
    VNPLAN-DEBUG-FAULT:raise   raises RuntimeError (an extractor bug)
    VNPLAN-DEBUG-FAULT:crash   kills its own process with SIGSEGV (a native crash)
    VNPLAN-DEBUG-FAULT:sleep=S sleeps S seconds, then extracts normally (a slow document)
    VNPLAN-DEBUG-FAULT:memory  allocates (untouched) memory in 64 MiB steps until MemoryError,
                               at most 16 GiB: shows the worker memory limit at work

It exists to test and demonstrate error isolation of batch runs
(`vnplan extract --timeout`, worker crashes) on a real archive.
"""
from __future__ import annotations

import os
import signal
import time
from pathlib import Path

ENV_VAR = "VNPLAN_DEBUG_FAULTS"
MARKER = b"VNPLAN-DEBUG-FAULT:"


def enabled() -> bool:
    return os.environ.get(ENV_VAR) == "1"


def inject(path: str | Path) -> None:
    if not enabled():
        return
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096)
    except OSError:
        return
    at = head.find(MARKER)
    if at < 0:
        return
    action = head[at + len(MARKER):].split()[0:1]
    if action == [b"hang"]:
        while True:
            time.sleep(3600)
    if action == [b"raise"]:
        raise RuntimeError(f"debug fault injected in {path}")
    if action == [b"crash"]:
        os.kill(os.getpid(), signal.SIGSEGV)
    if action == [b"memory"]:
        hoard = [bytearray(64 << 20) for _ in range(256)]
        del hoard
    if action and action[0].startswith(b"sleep="):
        time.sleep(float(action[0][len(b"sleep="):]))
