"""A target while it is being built: its figure, the fields found so far and the rules that found them."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional


@dataclass(slots=True)
class Draft:
    value: float
    value_max: Optional[float]
    unit: Optional[str]
    start: int
    end: int
    fig_start: int
    fig_end: int
    kind: str = "target"
    comparator: str = "="
    period: Optional[str] = None
    deadline: Optional[str] = None
    indicator: Optional[str] = None
    section: Optional[str] = None
    parent: Optional[int] = None
    responsible: Optional[str] = None
    rules: dict = field(default_factory=dict)
