"""Public entry points: `extract_file` and `extract_text`."""
from __future__ import annotations

import hashlib
from pathlib import Path

from .document import Document
from .errors import ExtractionError
from .extractors import ordered
from .ingest import DEFAULT_MAX_BYTES, read_bytes, read_file_bytes
from .ingest.sniff import detect_format
from .ingest.txt import document_from_text
from .models import Block, Error, PlanDocument, Source


def _record_for(doc: Document, source: Source, include_text: bool) -> PlanDocument:
    record = PlanDocument(source=source, warnings=list(doc.warnings))
    for name, extractor in ordered():
        try:
            extractor(doc, record)
        except MemoryError:  # not a bug of this document's extractors: the caller (batch worker) decides
            raise
        except Exception as exc:  # an extractor bug: an error record that keeps what the other steps found
            message = f"{type(exc).__name__}: {exc} (in the {name} extractor)"
            record.status = "error"
            record.error = record.error or Error(code="internal_error", message=message)
            record.warnings.append(f"{name} extractor failed: {message}")
    if include_text:
        record.text = doc.text
        blocks = [Block(kind=b.kind, span=b.span, page=b.page) for b in doc.blocks]
        record.blocks = blocks or [Block(kind="paragraph", span=(0, len(doc.text)))]
    return record


def extract_text(text: str, *, path: str = "<text>", include_text: bool = False) -> PlanDocument:
    """Extract from a text already in memory, read exactly as a UTF-8 .txt file would be."""
    data = text.encode("utf-8")
    source = Source(path=path, sha256=hashlib.sha256(data).hexdigest(), format="txt", bytes=len(data), encoding="utf-8")
    try:
        doc = document_from_text(text, encoding="utf-8")
    except ExtractionError as exc:
        return PlanDocument(source=source, status="error", error=Error(code=exc.code, message=exc.message))
    return _record_for(doc, source, include_text)


def extract_file(
    path: str | Path, *, include_text: bool = False, max_bytes: int = DEFAULT_MAX_BYTES
) -> PlanDocument:
    """Read and extract one file. Never raises for bad input: returns an error record."""
    path = Path(path)
    try:
        data = read_file_bytes(path, max_bytes=max_bytes)
    except ExtractionError as exc:
        source = Source(path=str(path))
        _fill_source_from_disk(source, path)
        return PlanDocument(source=source, status="error", error=Error(code=exc.code, message=exc.message))
    try:
        fmt = detect_format(data, path.suffix)
        doc = read_bytes(data, fmt)
    except ExtractionError as exc:
        source = Source(path=str(path))
        _fill_source(source, data, _format_from_suffix(path))
        return PlanDocument(source=source, status="error", error=Error(code=exc.code, message=exc.message))
    return extract_document(doc, data, fmt, path, include_text=include_text)


def extract_document(doc: Document, data: bytes, fmt: str, path: str | Path, *, include_text: bool = False) -> PlanDocument:
    """The record of a document already read from `data` (the file's bytes, in format `fmt`)."""
    source = Source(path=str(path))
    _fill_source(source, data, fmt)
    source.encoding = doc.encoding
    return _record_for(doc, source, include_text)


def _fill_source(source: Source, data: bytes, fmt: str) -> None:
    source.sha256 = hashlib.sha256(data).hexdigest()
    source.bytes = len(data)
    source.format = fmt


def _fill_source_from_disk(source: Source, path: Path) -> None:
    digest = hashlib.sha256()
    size = 0
    try:
        with path.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
                size += len(chunk)
    except OSError:
        return
    source.bytes = size
    source.sha256 = digest.hexdigest()
    source.format = _format_from_suffix(path)


def _format_from_suffix(path: Path) -> str:
    suffix = path.suffix.lower().lstrip(".")
    return {"htm": "html", "text": "txt"}.get(suffix, suffix) if suffix in {"txt", "text", "htm", "html", "pdf", "docx", "doc"} else "unknown"
