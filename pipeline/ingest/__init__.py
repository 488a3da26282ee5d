"""Readers: any supported file into one normalized `Document`.

`read_path(path)` picks the reader by content sniffing and extension and
raises `ExtractionError` with a stable code for input it cannot read.
"""
from __future__ import annotations

import errno
import os
import stat
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


_MISSING = {errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP}  # what Path.is_file takes for "no file"


def read_file_bytes(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """A file's bytes, or `not_found` / `file_too_large` / `unreadable` (one stat, as
    Path.is_file then Path.stat would answer)."""
    path = Path(path)
    try:
        info = os.stat(path)
    except OSError as exc:
        if exc.errno not in _MISSING:
            raise
        info = None
    except ValueError:
        info = None
    if info is None or not stat.S_ISREG(info.st_mode):
        raise ExtractionError("not_found", f"{path} does not exist or is not a file")
    if info.st_size > max_bytes:
        raise ExtractionError("file_too_large", f"{info.st_size} bytes is over the limit of {max_bytes} bytes")
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as exc:
        raise ExtractionError("unreadable", f"cannot read {path}: {exc}") from exc


def read_path(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[Document, bytes, str]:
    """Read a file; returns (document, raw bytes, format)."""
    path = Path(path)
    data = read_file_bytes(path, max_bytes)
    fmt = detect_format(data, path.suffix)
    return read_bytes(data, fmt), data, fmt
