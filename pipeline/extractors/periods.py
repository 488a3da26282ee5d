"""Fill `record.periods` with the periods the text names ("năm 2023",
"giai đoạn 2021-2025", "6 tháng đầu năm" → <year>-H1). A period written without
its year takes the document's year: the year of its issue date when the date
finder saw one, else of the first date in the text, else the year the text
names most often."""
from __future__ import annotations

from collections import Counter
from typing import Optional

from ..document import Document
from ..models import Period, PlanDocument
from ..values import find_dates, find_periods
from . import register


def document_year(doc: Document) -> Optional[int]:
    dates = doc.cache.get("dates")
    if dates is None:
        dates = find_dates(doc.text)
    for wanted in ("issue", None):
        for d in dates:
            if wanted is None or d.role == wanted:
                return int(d.value[:4])
    years = Counter(int(p.label) for p in find_periods(doc.text) if p.label.isdigit())
    if years:  # no date at all: the year the text names most often (the later one on a tie)
        return max(years, key=lambda y: (years[y], y))
    return None


@register("periods")
def extract_periods(doc: Document, record: PlanDocument) -> None:
    year = document_year(doc)
    doc.cache["document_year"] = year
    mentions = find_periods(doc.text, default_year=year)
    doc.cache["periods"] = mentions
    record.periods = [Period(label=m.label, start=m.start, end=m.end, text=m.text, span=m.span)
                      for m in mentions]
