"""Fill `record.dates` with every full calendar date in the text (one entry per
mention, with its role and span); all date mentions, partial ones included,
are left in doc.cache["dates"] for the later extractors."""
from __future__ import annotations

from ..document import Document
from ..models import DateMention, PlanDocument
from ..values import find_dates
from . import register


@register("dates")
def extract_dates(doc: Document, record: PlanDocument) -> None:
    mentions = find_dates(doc.text)
    doc.cache["dates"] = mentions
    record.dates = [DateMention(value=m.value, role=m.role, text=m.text, span=m.span)
                    for m in mentions if m.precision == "day"]
