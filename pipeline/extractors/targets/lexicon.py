"""The targets' language data from rules/targets/*.yaml, compiled once into patterns."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Optional

from ...rules import load_yaml


def data(name: str) -> dict:
    return load_yaml(f"targets/{name}.yaml")


def alternation(phrases: Iterable[str]) -> str:
    """A regex alternation of phrases, longest first, spaces matching any run of spaces."""
    items = sorted({p.strip().lower() for p in phrases if p.strip()}, key=lambda p: (-len(p), p))
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in items)


@lru_cache(maxsize=None)
def any_pattern(key: str, *path: str) -> re.Pattern:
    """Matches one of the phrases of rules/targets/<key>.yaml at <path> anywhere (whole words)."""
    node = data(key)
    for p in path:
        node = node[p]
    return re.compile(rf"(?<!\w)({alternation(node)})(?!\w)")


@lru_cache(maxsize=None)
def _unit_regex() -> re.Pattern:
    units = data("units")
    return re.compile(rf"[ \t]*({alternation(units['money'] + units['counted'])})(?!\w)", re.IGNORECASE)


def unit_at(text: str, pos: int) -> Optional[tuple[str, int]]:
    """The counted noun that starts at `pos` (after spaces), with its end offset."""
    m = _unit_regex().match(text, pos)
    if not m:
        return None
    return m.group(1), m.end()


@lru_cache(maxsize=None)
def _known_units() -> frozenset:
    units = data("units")
    return frozenset(u.lower() for u in units["money"] + units["counted"])


def known_unit(unit: Optional[str]) -> bool:
    """The unit is one the unit list names (a counted noun of the genre)."""
    return bool(unit) and unit.lower() in _known_units()
