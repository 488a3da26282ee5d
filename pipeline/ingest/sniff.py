"""Decide a file's format from its first bytes, falling back to its extension."""
from __future__ import annotations

from ..errors import ExtractionError


def detect_format(data: bytes, suffix: str = "") -> str:
    suffix = suffix.lower()
    if not data.strip():
        raise ExtractionError("empty_file", "the file is empty")
    head = data[:2048]
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        if suffix == ".docx" or b"word/" in data[:65536] or b"[Content_Types].xml" in data[:65536]:
            return "docx"
        raise ExtractionError("unsupported_format", "a zip archive that is not a DOCX document")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise ExtractionError(
            "unsupported_format",
            "legacy binary Word (.doc); convert it first, e.g. `libreoffice --headless --convert-to docx FILE.doc`",
        )
    return "txt"
