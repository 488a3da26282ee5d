"""Errors that turn into an error record instead of stopping a batch."""
from __future__ import annotations


class ExtractionError(Exception):
    """A document could not be read or processed; `code` is stable and documented in the README."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"


# Every code an error record may carry (README lists them with their meaning).
ERROR_CODES = {
    "not_found": "the path does not exist or is not a regular file",
    "unreadable": "the file exists but cannot be opened (permissions, I/O error)",
    "empty_file": "the file has no bytes, or only whitespace",
    "binary_file": "the file is binary data, not a document in a supported format",
    "decode_error": "the text encoding could not be detected",
    "file_too_large": "the file is larger than the configured limit (--max-bytes)",
    "unsupported_format": "a format vnplan does not read (e.g. legacy .doc); the message names the conversion to do",
    "no_text_layer": "a PDF without a text layer (scanned); it needs OCR first",
    "encrypted_pdf": "a password-protected PDF",
    "corrupt_pdf": "a PDF that cannot be parsed",
    "corrupt_docx": "a DOCX that cannot be opened (not a valid zip/OOXML package)",
    "no_text": "the document was read but holds no text",
    "timeout": "extraction took longer than the per-document time limit",
    "internal_error": "an extractor crashed; the message has the exception",
}
