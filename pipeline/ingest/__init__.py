"""Readers: any supported file into one normalized `Document`.

`read_path(path)` picks the reader by content sniffing and extension and
raises `ExtractionError` with a stable code for input it cannot read.
"""
from __future__ import annotations

from pathlib import Path

from ..document import Document
from ..errors import ExtractionError
from .sniff import detect_format
from .txt import read_text_bytes

DEFAULT_MAX_BYTES = 64 * 1024 * 1024

DOCUMENT_SUFFIXES = {".txt", ".text", ".htm", ".html", ".pdf", ".docx", ".doc"}


def read_bytes(data: bytes, fmt: str) -> Document:
    if fmt == "txt":
        return read_text_bytes(data)
    if fmt == "docx":
        from .docx import read_docx_bytes

        return read_docx_bytes(data)
    if fmt == "pdf":
        from .pdf import read_pdf_bytes

        return read_pdf_bytes(data)
    if fmt == "html":
        from .html import read_html_bytes

        return read_html_bytes(data)
    raise ExtractionError("unsupported_format", f"no reader for format {fmt!r}")


def read_file_bytes(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """A file's bytes, or `not_found` / `file_too_large` / `unreadable`."""
    path = Path(path)
    if not path.is_file():
        raise ExtractionError("not_found", f"{path} does not exist or is not a file")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ExtractionError("file_too_large", f"{size} bytes is over the limit of {max_bytes} bytes")
        return path.read_bytes()
    except OSError as exc:
        raise ExtractionError("unreadable", f"cannot read {path}: {exc}") from exc


def read_path(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[Document, bytes, str]:
    """Read a file; returns (document, raw bytes, format)."""
    path = Path(path)
    data = read_file_bytes(path, max_bytes)
    fmt = detect_format(data, path.suffix)
    return read_bytes(data, fmt), data, fmt
