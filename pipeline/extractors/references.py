"""References: every other document the text cites by number and symbol, with its kind,
date and issuer when the citation gives them ("Kế hoạch số 59-KH/TU ngày 10/12/2021 của
Tỉnh ủy", "Nghị quyết số 24/2021/QH15"), in order of first mention, each once, the
document's own number left out. A law cited by name alone has no number and is not listed."""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

import regex

from ..document import Document
from ..models import PlanDocument, Reference
from ..values.textpat import plain
from . import register
from .metadata.doc_number import NumberMatch, find_numbers
from .metadata.place_date import parse_date_value
from .metadata.tables import cues, doc_kinds, kind_by_name
from .metadata.text import any_cue, folded

_DATE_AFTER = regex.compile(
    r"[\s,|]*(?:ban hành\s+)?(?P<d>ngày[\s|]*\d{1,2}(?:[\s|]*[/.-][\s|]*\d{1,2}[\s|]*[/.-][\s|]*\d{4}"
    r"|[\s|]+tháng[\s|]+\d{1,2}[\s|]+năm[\s|]+\d{4}))"
)
_OF = plain(r"[\s,|]*của[\s|]+")
_WORD = regex.compile(r"\S+")
_BREAKS = plain(r"[\s|]+")


@lru_cache(maxsize=None)
def _kind_before() -> regex.Pattern:
    names = [n for code, spec in doc_kinds().items() for n in
             (spec["names"] if not code.startswith("_") else [x for v in spec.values() for x in v])]
    return regex.compile(rf"(?<![\p{{L}}])(?P<k>{any_cue(names)})(?:[\s|]+số)?[\s|:]*$")


@lru_cache(maxsize=None)
def _issuer_stop() -> regex.Pattern:
    stops = cues()["references"]["issuer_stops"]
    kinds = [n for code, spec in doc_kinds().items() for n in
             (spec["names"] if not code.startswith("_") else [x for v in spec.values() for x in v])]
    # a kind name stops the issuer only where a new citation starts ("và Chỉ thị số 34-CT/TW"),
    # not inside a name ("Bộ Kế hoạch và Đầu tư")
    return regex.compile(
        rf"(?:[\s|]+và)?[\s|]+(?:{any_cue(stops)}(?![\p{{L}}])|{any_cue(kinds)}[\s|]+(?:số|\d))|[,;.:()\"“”\n|]"
    )


def _issuer_after(text: str, low: str, pos: int) -> tuple[Optional[str], int]:
    m = _OF.match(low, pos)
    if not m:
        return None, pos
    stop = _issuer_stop().search(low, m.end(), m.end() + 200)
    end = stop.start() if stop else m.end() + 200
    words = list(_WORD.finditer(text, m.end(), end))[: cues()["references"]["max_issuer_words"]]
    if not words or not words[0].group(0)[:1].isupper():
        return None, pos
    return " ".join(w.group(0) for w in words), words[-1].end()


def _kind_named_before(low: str, start: int) -> Optional[regex.Match]:
    return _kind_before().search(low, max(0, start - 40), start)


def reference_at(text: str, low: str, found: NumberMatch, kind: Optional[regex.Match]) -> Reference:
    """The citation of `found`, `kind` the document kind named before it (_kind_named_before)."""
    start, end = found.span
    doc_type = found.symbol.kind
    if kind:
        start = kind.start("k")
        doc_type = kind_by_name().get(_BREAKS.sub(" ", kind.group("k")))
    date = None
    dm = _DATE_AFTER.match(low, end)
    if dm:
        value = parse_date_value(text[dm.start("d"):dm.end("d")])
        if value is not None:
            date, end = value.value, dm.end("d")
    issuer, issuer_end = _issuer_after(text, low, end)
    if issuer:
        end = issuer_end
    return Reference(doc_type=doc_type, number=found.number, date=date, issuer=issuer,
                     text=text[start:end], span=(start, end))


def find_references(text: str, low: str, own_number: Optional[str]) -> list[Reference]:
    own = (own_number or "").replace(" ", "")
    seen: set[str] = set()
    out = []
    for found in find_numbers(text, bare=True):
        if not found.number or found.number == own or found.number in seen:
            continue
        kind = _kind_named_before(low, found.span[0])
        if found.number.count("/") == 1 and "-" not in found.number and (kind is None or "số" not in kind.group(0)):
            continue  # `15/UBND` alone; `Công văn số 118/UBATGTQG` is a citation
        seen.add(found.number)
        out.append(reference_at(text, low, found, kind))
    return out


@register("references")
def extract_references(doc: Document, record: PlanDocument) -> None:
    record.references = find_references(doc.text, folded(doc.text, doc.cache), record.number)
