"""Shared by the batch tests: run `vnplan extract` and build small archives."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.archive import build  # noqa: E402

VNPLAN = [sys.executable, "-m", "pipeline.cli", "extract"]


def run_extract(*args, faults: bool = False, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([*VNPLAN, *map(str, args)], capture_output=True, text=True, env=env(faults), **kwargs)


def env(faults: bool) -> dict[str, str]:
    environ = {k: v for k, v in os.environ.items() if k != "VNPLAN_DEBUG_FAULTS"}
    if faults:
        environ["VNPLAN_DEBUG_FAULTS"] = "1"
    return environ


def make_archive(folder: Path, count: int, head: str = "") -> Path:
    return build(folder, count, max_chars=1500, head=head)


def read_records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def sorted_lines(path: Path) -> list[bytes]:
    data = path.read_bytes()
    assert data.endswith(b"\n"), "the output ends in a torn line"
    return sorted(data.splitlines())
