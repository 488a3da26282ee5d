"""The `metadata` extractor: document kind, number, issuer, place, date, title, theme,
movements, signer and recipients, from the layout of an official document or, for a
news post, from what its prose states."""
from __future__ import annotations

from typing import Optional

import regex

from ...document import Document
from ...models import PlanDocument
from .. import register
from .issuer import find_issuer
from .layout import Layout, read_layout
from .news import find_statement, headline, post_date
from .place_date import find_issue_date, find_place
from .recipients import find_recipients
from .signer import find_signer
from .tables import cues, kind_by_name, organ
from .text import fold, folded
from .theme import find_movements, find_theme
from .title import find_title
from .title_elsewhere import vv_line

MIN_PROSE_LETTERS = 200


def official_kind(layout: Layout) -> Optional[str]:
    """The symbol of the document's own number says its kind; else the kind line; else the
    legal-database header."""
    if layout.number and layout.number.symbol.kind:
        return layout.number.symbol.kind
    if layout.kind:
        return layout.kind
    if "kind" in layout.legal_db:
        return kind_by_name().get(fold(layout.legal_db["kind"][0]))
    if layout.number and layout.number.symbol.kind_symbol is None and organ(layout.number.symbol.issuer):
        return "CV"  # NĐ 30/2020: a công văn's symbol is the body's abbreviation and its unit's (123/UBND-VX)
    return None


def _article_start(doc: Document) -> int:
    for block in doc.blocks:
        if block.kind != "boilerplate":
            return block.span[0]
    return 0


def _fill_official(doc: Document, record: PlanDocument, layout: Layout, text_folded: str) -> None:
    record.doc_type = official_kind(layout)
    if record.doc_type is None and layout.number and vv_line(layout, text_folded):
        record.doc_type = "CV"  # NĐ 30/2020: only a công văn gives its trích yếu as `V/v …` under the number
    if layout.number:
        record.number = layout.number.number
    elif "number" in layout.legal_db:
        record.number = layout.legal_db["number"][0].replace(" ", "")
    record.issuer = find_issuer(layout, text_folded)
    record.place = find_place(layout)
    record.issue_date = find_issue_date(layout)
    title = find_title(layout, text_folded, record.doc_type)
    record.title = title[0] if title else None
    record.signer = find_signer(layout, text_folded)
    record.recipients = find_recipients(doc.text, text_folded, layout.title_start or 0)


def _fill_news(doc: Document, record: PlanDocument, text_folded: str) -> None:
    record.doc_type = "news"
    start = _article_start(doc)
    statement = find_statement(doc.text, text_folded, start, min(len(doc.text), start + cues()["news"]["lead_chars"]))
    if statement:
        record.number = statement.number.number
        record.issuer = statement.issuer
        record.issue_date = statement.issue_date
        record.title = statement.title
    record.title = record.title or headline(doc.text, start)
    record.issue_date = record.issue_date or post_date(doc.text, start)


# MIN_PROSE_LETTERS letters, whatever stands between them: one match, no object per word
_ENOUGH_LETTERS = regex.compile(rf"(?:\P{{L}}*+\p{{L}}){{{MIN_PROSE_LETTERS}}}")


def _reads_as_prose(text: str) -> bool:
    return _ENOUGH_LETTERS.match(text) is not None


@register("metadata")
def extract_metadata(doc: Document, record: PlanDocument) -> None:
    text_folded = folded(doc.text, doc.cache)
    layout = read_layout(doc.text, text_folded)
    doc.cache["metadata.layout"] = layout
    if layout.official:
        _fill_official(doc, record, layout, text_folded)
    elif _reads_as_prose(doc.text):
        _fill_news(doc, record, text_folded)
    theme = find_theme(doc.text, text_folded)
    record.theme = theme[0] if theme else None
    record.movements = find_movements(doc.text, text_folded)
