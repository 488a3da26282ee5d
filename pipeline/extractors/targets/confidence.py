"""Confidence from the strength of the rules that built a target (weights in
rules/targets/confidence.yaml, calibrated on the gold corpus: see tests/test_targets_corpus.py)."""
from __future__ import annotations

from .draft import Draft
from .lexicon import data


def confidence(d: Draft) -> float:
    w = data("confidence")
    score = w["base"]
    for key in ("shape", "unit", "comparator", "kind", "period"):
        score += w.get(key, {}).get(d.rules.get(key) or "none", 0.0)
    if not d.indicator:
        score += w["no_indicator"]
    return round(max(0.05, min(0.99, score)), 2)
