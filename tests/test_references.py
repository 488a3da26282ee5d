"""References finder against corpus/examples/references.jsonl (positive and negative)."""
from __future__ import annotations

import json

import pytest

from conftest import CORPUS
from pipeline.extractors.metadata.text import fold
from pipeline.extractors.references import find_references


def _examples():
    with (CORPUS / "examples" / "references.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                ex = json.loads(line)
                yield pytest.param(ex, id=ex["note"][:60])


@pytest.mark.parametrize("example", list(_examples()))
def test_reference_example(example):
    text = example["text"]
    refs = find_references(text, fold(text), example.get("own_number"))
    assert [r.number for r in refs] == example["references"], example["note"]
    by_number = {r.number: r for r in refs}
    for detail in example.get("details", []):
        ref = by_number[detail["number"]]
        for key, value in detail.items():
            assert getattr(ref, key) == value, (detail["number"], key)
    for ref in refs:
        assert text[ref.span[0]:ref.span[1]] == ref.text
