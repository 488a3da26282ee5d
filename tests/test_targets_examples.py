"""The targets rules, trap by trap: corpus/examples/targets.jsonl (positive and negative examples)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.extractors.targets import find_targets

EXAMPLES = Path(__file__).resolve().parent.parent / "corpus" / "examples" / "targets.jsonl"
CASES = [json.loads(line) for line in EXAMPLES.read_text(encoding="utf-8").splitlines() if line.strip()]


def _fits(target, want: dict) -> bool:
    for key, expected in want.items():
        if key == "has_parent":
            if (target.parent is not None) != expected:
                return False
        elif key in ("value", "value_max"):
            got = getattr(target, key)
            if expected is None and got is not None or expected is not None and (got is None or abs(got - expected) > 1e-9):
                return False
        elif getattr(target, key) != expected:
            return False
    return True


@pytest.mark.parametrize("case", CASES, ids=[c["rule"] for c in CASES])
def test_example(case):
    targets = find_targets(case["text"], doc_type=case.get("doc_type"), title=case.get("title"), issue_year=case.get("issue_year"),
                           issue_month=case.get("issue_month"))
    for want in case["expect"]:
        assert any(_fits(t, want) for t in targets), (want, [t.model_dump(exclude={"text", "span"}) for t in targets])
    values = {t.value for t in targets}
    for value in case.get("absent", []):
        assert value not in values, (value, [(t.value, t.unit, t.text) for t in targets])
    for t in targets:
        assert case["text"][t.span[0]:t.span[1]] == t.text
