"""Targets and results: each quantified chỉ tiêu with indicator, value, unit, comparator, kind,
period, section, parent and evidence. `find_targets(text)` works on any normalized text;
the `targets` extractor fills `PlanDocument.targets`."""
from .extractor import extract_targets, find_targets

__all__ = ["extract_targets", "find_targets"]
