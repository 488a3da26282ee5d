"""Crashes found by running the pipeline over generated archives (bench/archive.py)."""
import pytest

from pipeline.extractors.targets.extractor import find_targets


@pytest.mark.parametrize("doc_type", ["KH", "news", None])
def test_percent_of_plan_without_any_period(doc_type):
    targets = find_targets("Tỷ lệ giải ngân đạt 95% kế hoạch.", doc_type=doc_type, issue_year=2024)
    assert [(t.value, t.unit, t.kind, t.period) for t in targets] == [(95.0, "%", "result", None)]
