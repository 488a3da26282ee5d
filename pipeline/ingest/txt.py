"""Plain-text reader: detect the encoding, normalize, mark the layout blocks."""
from __future__ import annotations

from typing import Optional

from ..document import Document
from ..errors import ExtractionError
from ..normalize import normalize
from .blocks import text_blocks
from .encodings import decode_bytes


def document_from_text(raw: str, *, fmt: str = "txt", encoding: Optional[str] = None) -> Document:
    """A decoded source text into a Document (normalized text, offsets to `raw`, blocks)."""
    text, offsets = normalize(raw)
    if not text.strip():
        raise ExtractionError("no_text", "the file holds no text")
    doc = Document(text=text, format=fmt, encoding=encoding, source_offsets=offsets, blocks=text_blocks(text))
    return doc


def read_text_bytes(data: bytes) -> Document:
    raw, encoding = decode_bytes(data)
    doc = document_from_text(raw, encoding=encoding)
    if encoding not in ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32"):
        doc.warnings.append(f"converted from the legacy encoding {encoding}")
    return doc
