"""Whole synthetic documents (corpus/examples/targets_documents/): every expected target found once
with its attributes, nothing else found (a KH with a Thực hiện/Kế hoạch table, a CTr with H1/year
pairs, a news post narrating last year's results)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline import extract_file

DIR = Path(__file__).resolve().parent.parent / "corpus" / "examples" / "targets_documents"
CASES = [json.loads(line) for line in (DIR / "expected.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]


def _fits(t, want: dict) -> bool:
    for key, expected in want.items():
        if key == "has_parent":
            ok = (t.parent is not None) == expected
        elif key == "text_starts":
            ok = t.text.startswith(expected)
        elif key in ("value", "value_max"):
            got = getattr(t, key)
            ok = (got is None) == (expected is None) and (expected is None or abs(got - expected) < 1e-9)
        else:
            ok = getattr(t, key) == expected
        if not ok:
            return False
    return True


@pytest.mark.parametrize("case", CASES, ids=[c["doc"] for c in CASES])
def test_document(case):
    record = extract_file(DIR / case["doc"])
    assert record.doc_type == case["doc_type"]
    left = list(record.targets)
    for want in case["targets"]:
        hit = next((t for t in left if _fits(t, want)), None)
        assert hit is not None, (want, [(t.value, t.unit, t.comparator, t.kind, t.period, t.parent, t.text[:60]) for t in left])
        left.remove(hit)
    assert not left, [(t.value, t.unit, t.text[:60]) for t in left]
    values = {t.value for t in record.targets}
    assert not values & set(case.get("absent", []))
    by_id = {t.id: t for t in record.targets}
    for t in record.targets:
        assert t.parent is None or by_id[t.parent].unit == t.unit or by_id[t.parent].unit is None
