"""Locate and load the language data in `rules/`.

From a checkout the data is the top-level `rules/` folder; in an installed wheel
the same files are packaged as `pipeline/rules_data` (see pyproject.toml).
"""
from __future__ import annotations

import csv
import json
from functools import lru_cache
from pathlib import Path

import yaml

_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML was built with it: 9x faster


def rules_dir() -> Path:
    here = Path(__file__).resolve().parent
    for candidate in (here / "rules_data", here.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("vnplan rules/ data not found next to the package")


def rules_path(name: str) -> Path:
    path = rules_dir() / name
    if not path.exists():
        raise FileNotFoundError(f"rules file {name!r} not found in {rules_dir()}")
    return path


@lru_cache(maxsize=None)
def load_yaml(name: str):
    with rules_path(name).open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_SafeLoader)


@lru_cache(maxsize=None)
def load_json(name: str):
    with rules_path(name).open(encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=None)
def load_tsv(name: str) -> tuple[dict, ...]:
    """Rows of a tab-separated file with a header line; lines starting with # are comments."""
    with rules_path(name).open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    return tuple(dict(row) for row in csv.DictReader(lines, delimiter="\t"))
