from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
GOLD_SETS = ("seeds", "dev")


def load_gold(set_name: str) -> list[dict]:
    with (CORPUS / set_name / "gold.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def all_gold() -> list[tuple[str, dict]]:
    return [(s, g) for s in GOLD_SETS for g in load_gold(s)]


@pytest.fixture(scope="session")
def schema() -> dict:
    return json.loads((ROOT / "schemas" / "plan_document.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def validator(schema):
    import jsonschema

    return jsonschema.Draft202012Validator(schema)
