"""Run one peer test case (corpus/peer/*.jsonl) through the public value API.

`check(case)` returns True when our reading matches the peer's expectation.
Peer conventions are mapped, not copied: Duckling money units (Dollar → USD,
Pound → GBP), VND compared in đồng (amount_dong), Duckling intervals are
end-exclusive, dateparser's relative cases are "ago"/"in_future" deltas
from its reference date and prefer past weekdays."""
from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

from pipeline.values import (find_dates, find_periods, parse_date, parse_number, parse_ordinal, parse_period,
                             parse_quantity)
from pipeline.values.calendar import add

PEER = Path(__file__).resolve().parent.parent / "corpus" / "peer"
UNIT = {"Dollar": "USD", "Pound": "GBP"}


def load_cases() -> list[dict]:
    cases = []
    for path in sorted(PEER.glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    case = json.loads(line)
                    case["file"] = path.stem
                    cases.append(case)
    return cases


def case_key(case: dict) -> tuple:
    return case["file"], case["kind"], case["text"], json.dumps(case.get("expected"), ensure_ascii=False,
                                                                 sort_keys=True)


def _ref(case) -> date:
    return datetime.fromisoformat(case["ref"]).date()


def _money(case) -> bool:
    exp = case["expected"]
    q = parse_quantity(case["text"])
    if q is None or q.kind != "money":
        return False
    unit = UNIT.get(exp["unit"], exp["unit"])
    if q.currency != unit:
        return False

    def amount(v):
        return q.amount_dong if unit == "VND" and v is q.value else (
            v * (q.amount_dong / q.value) if unit == "VND" and v is not None else v)

    low, high = amount(q.value), amount(q.value_max)
    if exp["type"] == "value":
        return low == exp["value"] and high is None
    if "from" in exp and "to" in exp:
        return (low, high) == (exp["from"], exp["to"])
    # open interval ("dưới", "ít nhất"): the bound is the figure; its direction is a comparator
    return low == exp.get("to", exp.get("from")) and high is None


def _duckling_time(case) -> bool:
    ref = _ref(case)
    if case.get("negative"):
        return not find_dates(case["text"], ref=ref) and parse_date(case["text"], ref=ref) is None
    exp = case["expected"]
    if exp.get("grain") not in ("day", "week", "month", "quarter", "year"):
        return False
    grain = exp["grain"]
    if exp["type"] == "interval":
        p = parse_period(case["text"], ref=ref)
        end = datetime.fromisoformat(exp["to"]).date() - timedelta(days=1)
        return p is not None and (p.start, p.end) == (exp["from"][:10], end.isoformat())
    value = exp["value"][:10]
    if grain in ("week", "quarter"):
        p = parse_period(case["text"], ref=ref)
        return p is not None and p.start == value
    d = parse_date(case["text"], ref=ref)
    width = {"day": 10, "month": 7, "year": 4}[grain]
    return d is not None and d.precision == grain and d.value == value[:width]


def _delta(spec: dict, ref: date, sign: int) -> date:
    d = ref
    for unit, n in spec.items():
        d = add(d, unit, sign * n)
    return d


def _dateparser(case) -> bool:
    exp, api = case["expected"], case.get("api", "")
    if api.startswith("dateparser.parse"):
        d = parse_date(case["text"], ref=_ref(case), prefer="past")
        return d is not None and d.precision == "day" and d.value == exp[:10]
    if api.startswith("freshness"):
        ref = _ref(case)
        spec = exp.get("ago", exp.get("in_future"))
        if not set(spec) <= {"days", "weeks", "months", "years"}:
            return False
        target = _delta(spec, ref, -1 if "ago" in exp else 1)
        d = parse_date(case["text"], ref=ref, prefer="past")
        return d is not None and d.value == target.isoformat()
    if api.startswith("search_parse"):
        ref = date.fromisoformat(case["ref"][:10]) if case["ref"][:4].isdigit() else None
        found = {(m.text, m.value) for m in find_dates(case["text"], ref=ref)}
        found |= {(p.text, p.label) for p in find_periods(case["text"])}
        want = set()
        for text, value in exp:
            want.add((text, value[:4] if text.startswith("năm") else value[:10]))
        return want <= {(t, v if len(v) != 7 else v) for t, v in found}
    return False


def check(case: dict) -> bool:
    kind = case["kind"]
    if case["file"] == "dateparser":
        return _dateparser(case)
    if kind == "number":
        value = parse_number(case["text"])
        return value == case["expected"] and type(value) is type(case["expected"])
    if kind == "ordinal":
        return parse_ordinal(case["text"]) == case["expected"]
    if kind == "money":
        return _money(case)
    return _duckling_time(case)
