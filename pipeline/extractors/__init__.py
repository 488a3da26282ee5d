"""The extractor chain. Each extractor reads the `Document` and fills its fields of
the `PlanDocument` record; later extractors may read what earlier ones wrote
(targets use the periods, metadata the dates)."""
from __future__ import annotations

from typing import Callable

from ..document import Document
from ..models import PlanDocument

Extractor = Callable[[Document, PlanDocument], None]

EXTRACTORS: list[tuple[str, Extractor]] = []


def register(name: str) -> Callable[[Extractor], Extractor]:
    def decorator(func: Extractor) -> Extractor:
        EXTRACTORS.append((name, func))
        return func

    return decorator


def run_extractors(doc: Document, record: PlanDocument) -> None:
    # Importing the modules registers them, in this order.
    from . import chain  # noqa: F401

    for name, extractor in EXTRACTORS:
        extractor(doc, record)
