"""Confidence from the strength of the rules that built a target (weights in
rules/targets/confidence.yaml, calibrated on the gold corpus: see tests/test_targets_corpus.py)."""
from __future__ import annotations

from functools import lru_cache

from .draft import Draft
from .lexicon import data

_RULE_KEYS = ("shape", "unit", "comparator", "kind", "period")


@lru_cache(maxsize=None)
def _weights() -> tuple[float, float, tuple[tuple[str, dict], ...]]:
    """(base, no_indicator, the weight of each rule for each rule key)."""
    w = data("confidence")
    return w["base"], w["no_indicator"], tuple((key, w.get(key, {})) for key in _RULE_KEYS)


def confidence(d: Draft) -> float:
    base, no_indicator, by_rule = _weights()
    score = base
    for key, weights in by_rule:
        score += weights.get(d.rules.get(key) or "none", 0.0)
    if not d.indicator:
        score += no_indicator
    return round(max(0.05, min(0.99, score)), 2)
