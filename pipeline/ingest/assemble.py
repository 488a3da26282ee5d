"""Build a Document from the parts a layout reader (DOCX, PDF, HTML) found, in reading order.

Each part is a paragraph, a table row ("a | b | c"), a table cell's line, a page number...
The parts are joined by line breaks into the source text, which then goes through the same
normalization and block marking as a plain-text file, so every format gives the same text
for the same words. A part's kind (table_cell, page_number, header, footer) and page carry
over to the blocks inside it.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Optional

from ..document import Document, TextBlock
from ..errors import ExtractionError
from ..normalize import normalize
from .blocks import text_blocks
from .encodings import convert_legacy_font_text, legacy_font_encoding

_KEPT_KINDS = {"table_cell", "page_number", "header", "footer"}


@dataclass
class Part:
    text: str
    kind: str = "paragraph"  # paragraph | heading | table_row | table_cell | page_number | header | footer
    page: Optional[int] = None


def assemble(parts: list[Part], *, fmt: str, encoding: Optional[str] = None, warnings: Optional[list[str]] = None) -> Document:
    parts = _single_blank_lines(parts)
    warnings = list(warnings or [])
    legacy = legacy_font_encoding("\n".join(p.text for p in parts))
    if legacy:
        parts = [Part(convert_legacy_font_text(p.text, legacy), p.kind, p.page) for p in parts]
        encoding = f"{legacy} (font)"
        warnings.append(f"text typed in a {legacy.upper()} font converted to Unicode")
    pieces: list[str] = []
    starts: list[int] = []
    pos = 0
    for part in parts:
        text = part.text.replace("\r", " ").replace("\n", " ") if part.kind == "table_row" else part.text
        starts.append(pos)
        pieces.append(text)
        pos += len(text) + 1
    raw = "\n".join(pieces)
    text, offsets = normalize(raw)
    if not text.strip():
        raise ExtractionError("no_text", "the document holds no text")
    blocks: list[TextBlock] = []
    for block in text_blocks(text):
        index = bisect.bisect_right(starts, offsets[block.span[0]]) - 1
        part = parts[index]
        kind = block.kind
        if part.kind == "table_row":
            kind = "table_cell"
        elif part.kind in _KEPT_KINDS and kind != "table_cell":
            kind = part.kind
        elif part.kind == "heading" and kind == "paragraph":
            kind = "heading"
        blocks.append(TextBlock(kind, block.span, part.page))
    return Document(text=text, blocks=blocks, format=fmt, encoding=encoding, source_offsets=offsets, warnings=warnings)


def _single_blank_lines(parts: list[Part]) -> list[Part]:
    """Empty paragraphs stand for paragraph breaks: keep one blank line between texts."""
    kept: list[Part] = []
    for part in parts:
        if part.text.strip():
            kept.append(part)
        elif kept and kept[-1].text.strip():
            kept.append(Part("", part.kind, part.page))
    while kept and not kept[-1].text.strip():
        kept.pop()
    return kept
