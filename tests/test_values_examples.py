"""The example corpora beside the rules (corpus/examples/*.jsonl, Duckling style:
positive and negative cases) run through the public API."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from pipeline.values import (find_dates, find_numbers, find_periods, find_quantities, parse_date,
                             parse_number, parse_ordinal, parse_quantity)

EXAMPLES = Path(__file__).resolve().parent.parent / "corpus" / "examples"


def _load(name: str) -> list[dict]:
    with (EXAMPLES / name).open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _id(case: dict) -> str:
    return next(str(case[k]) for k in ("parse", "ordinal", "find", "text") if k in case)[:50]


@pytest.mark.parametrize("case", _load("numbers.jsonl"), ids=_id)
def test_numbers(case):
    if "parse" in case:
        value = parse_number(case["parse"])
        assert value == case["value"] and type(value) is type(case["value"])
    elif "ordinal" in case:
        assert parse_ordinal(case["ordinal"]) == case["value"]
    else:
        found = find_numbers(case["find"])
        assert [m.value for m in found] == case["numbers"]
        assert all(case["find"][m.span[0]:m.span[1]] == m.text for m in found)


@pytest.mark.parametrize("case", _load("units.jsonl"), ids=_id)
def test_quantities(case):
    if "parse" in case:
        q = parse_quantity(case["parse"])
        if case["quantity"] is None:
            assert q is None
        else:
            for field, value in case["quantity"].items():
                assert getattr(q, field) == value, (field, q)
        return
    found = find_quantities(case["text"])
    assert len(found) == len(case["quantities"]), found
    for q, expected in zip(found, case["quantities"]):
        assert case["text"][q.span[0]:q.span[1]] == q.text
        for field, value in expected.items():
            assert getattr(q, field) == value, (field, q)


@pytest.mark.parametrize("case", _load("dates.jsonl"), ids=_id)
def test_dates(case):
    if "parse" in case:
        ref = date.fromisoformat(case["ref"]) if "ref" in case else None
        d = parse_date(case["parse"], ref=ref)
        if case["value"] is None:
            assert d is None
        else:
            assert (d.value, d.precision) == (case["value"], case["precision"])
    else:
        found = [d for d in find_dates(case["text"]) if d.precision == "day"]
        assert len(found) == len(case["dates"]), found
        for d, expected in zip(found, case["dates"]):
            assert case["text"][d.span[0]:d.span[1]] == d.text
            for field, value in expected.items():
                assert getattr(d, field) == value, (field, d)


@pytest.mark.parametrize("case", _load("periods.jsonl"), ids=_id)
def test_periods(case):
    found = find_periods(case["text"], default_year=case.get("default_year"))
    assert [p.label for p in found] == case["periods"]
    assert all(case["text"][p.span[0]:p.span[1]] == p.text for p in found)
    if "texts" in case:
        assert [p.text for p in found] == case["texts"]
