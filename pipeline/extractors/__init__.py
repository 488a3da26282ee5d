"""The extractor chain. Each extractor reads the `Document` and fills its fields of
the `PlanDocument` record; later extractors may read what earlier ones wrote
(targets use the periods, metadata the dates). The order is `chain.ORDER`, whatever
order the modules happen to be imported in."""
from __future__ import annotations

from typing import Callable, Iterable, Optional

from ..document import Document
from ..models import PlanDocument

Extractor = Callable[[Document, PlanDocument], None]

_REGISTRY: dict[str, Extractor] = {}


def register(name: str) -> Callable[[Extractor], Extractor]:
    def decorator(func: Extractor) -> Extractor:
        _REGISTRY[name] = func
        return func

    return decorator


def ordered() -> list[tuple[str, Extractor]]:
    """The registered extractors, in the order they run."""
    from .chain import ORDER

    return [(name, _REGISTRY[name]) for name in ORDER]


def run_extractors(doc: Document, record: PlanDocument, only: Optional[Iterable[str]] = None) -> None:
    """Run the chain (or only the named steps, still in chain order)."""
    wanted = None if only is None else set(only)
    for name, extractor in ordered():
        if wanted is None or name in wanted:
            extractor(doc, record)
