"""Decide a file's format from its first bytes, falling back to its extension."""
from __future__ import annotations

from ..errors import ExtractionError


def detect_format(data: bytes, suffix: str = "") -> str:
    suffix = suffix.lower()
    if not data.strip():
        raise ExtractionError("empty_file", "the file is empty")
    head = data[:2048]
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if suffix == ".pdf":
        raise ExtractionError("corrupt_pdf", "a .pdf file without a PDF header")
    if head.startswith(b"PK\x03\x04"):
        if suffix == ".docx" or b"word/" in data[:65536] or b"[Content_Types].xml" in data[:65536]:
            return "docx"
        raise ExtractionError("unsupported_format", "a zip archive that is not a DOCX document")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise ExtractionError(
            "unsupported_format",
            "legacy binary Word (.doc); convert it first, e.g. `libreoffice --headless --convert-to docx FILE.doc`",
        )
    if suffix == ".docx":
        raise ExtractionError("corrupt_docx", "a .docx file that is not a zip package")
    if suffix in (".htm", ".html") or _looks_like_html(head):
        return "html"
    return "txt"


_HTML_STARTS = (b"<!doctype html", b"<html", b"<?xml version", b"<head", b"<meta", b"<body")


def _looks_like_html(head: bytes) -> bool:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(b"<?xml"):
        return b"<html" in start
    return start.startswith(_HTML_STARTS)
