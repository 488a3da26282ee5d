"""Plain-text reader."""
from __future__ import annotations

from ..document import Document
from ..errors import ExtractionError
from ..normalize import normalize


def read_text_bytes(data: bytes) -> Document:
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ExtractionError("binary_file", "the file holds binary data, not text")
    encoding = "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
    try:
        raw = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ExtractionError("decode_error", f"not valid UTF-8: {exc}") from exc
    text, offsets = normalize(raw)
    if not text.strip():
        raise ExtractionError("no_text", "the file holds no text")
    return Document(text=text, format="txt", encoding="utf-8", source_offsets=offsets)
