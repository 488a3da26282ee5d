"""Importing this module loads the rules and compiles the patterns by extracting the sample
documents in rules/samples/. The worker pool's forkserver preloads it, so every worker starts
with that work done instead of repeating it on its first documents."""
from __future__ import annotations

from ..api import extract_text
from ..rules import rules_dir


def warm_up() -> int:
    samples = sorted((rules_dir() / "samples").glob("*.txt"))
    for path in samples:
        extract_text(path.read_text(encoding="utf-8"), path=str(path))
    return len(samples)


try:
    warm_up()
except Exception:  # never let the forkserver die of it: workers would then warm up on their first documents
    pass
