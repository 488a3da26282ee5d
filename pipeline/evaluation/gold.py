"""Gold annotations (corpus/GOLD_FORMAT.md) and where their quotes stand in a document.

A gold `quote` is an exact substring of the RAW `.txt` file; extracted spans are
offsets into the NORMALIZED text (`Document.text`). `GoldDocument` keeps both and
maps raw offsets to normalized ones through `Document.source_offsets`.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from ..document import Document
from ..errors import ExtractionError
from ..ingest import read_path
from ..normalize import normalized_span

Span = tuple[int, int]
_SPACE = re.compile(r"\s+")


class GoldError(Exception):
    """A gold file or the document it points at cannot be read."""


@dataclass
class GoldDocument:
    doc_id: str
    gold: dict
    path: Path
    raw: str
    document: Document
    set_name: str = ""
    data: bytes = b""
    """the file's bytes, so the document can be extracted without reading it again"""
    fmt: str = "txt"
    _quote_cache: dict = field(default_factory=dict, repr=False)

    @property
    def text(self) -> str:
        return self.document.text

    @property
    def doc_type(self) -> Optional[str]:
        return self.gold.get("doc_type")

    @property
    def is_news(self) -> bool:
        return self.doc_type == "news"

    def raw_to_norm(self, raw_span: Span) -> Span:
        offsets = self.document.source_offsets
        if offsets is None:
            return raw_span
        return normalized_span(offsets, *raw_span, length=len(self.text))

    def locate(self, quote: str) -> list[Span]:
        """Every place `quote` stands, as normalized-text spans (empty if nowhere)."""
        if quote in self._quote_cache:
            return self._quote_cache[quote]
        spans = [self.raw_to_norm(s) for s in find_all(self.raw, quote)]
        if not spans:
            spans = find_collapsed(self.text, quote)
        if not spans and self.document.source_offsets is not None:
            spans = [self.raw_to_norm(s) for s in find_collapsed(self.raw, quote)]
        self._quote_cache[quote] = spans
        return spans

    def context(self, span: Optional[Span], words: int = 6) -> str:
        """The evidence with a few words either side, on one line; the evidence in [[ ]]."""
        if span is None:
            return ""
        start, end = span
        before = _SPACE.sub(" ", self.text[max(0, start - 200):start]).split(" ")
        after = _SPACE.sub(" ", self.text[end:end + 200]).split(" ")
        middle = _SPACE.sub(" ", self.text[start:end]).strip()
        left = " ".join(before[-words - 1:]).lstrip() if start else ""
        right = " ".join(after[: words + 1]).rstrip()
        return f"{left}[[{middle}]]{right}"


def find_all(haystack: str, needle: str) -> list[Span]:
    if not needle:
        return []
    spans, start = [], haystack.find(needle)
    while start != -1:
        spans.append((start, start + len(needle)))
        start = haystack.find(needle, start + 1)
    return spans


def _collapse(text: str) -> tuple[str, list[int]]:
    """NFC, whitespace runs as one space; with the index of each kept character in `text`."""
    out, index, in_space = [], [], False
    for i, ch in enumerate(text):
        if ch.isspace():
            if not in_space:
                out.append(" ")
                index.append(i)
            in_space = True
            continue
        in_space = False
        out.append(ch)
        index.append(i)
    return "".join(out), index


def find_collapsed(haystack: str, needle: str) -> list[Span]:
    """Find `needle` ignoring differences in whitespace and Unicode composition."""
    needle = _SPACE.sub(" ", unicodedata.normalize("NFC", needle)).strip()
    if not needle:
        return []
    composed = unicodedata.normalize("NFC", haystack)
    collapsed, index = _collapse(composed if len(composed) == len(haystack) else haystack)
    return [(index[s], index[e - 1] + 1) for s, e in find_all(collapsed, needle)]


def decode_raw(data: bytes) -> str:
    return data.decode("utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8", errors="replace")


def read_gold_file(path: str | Path) -> list[dict]:
    path = Path(path)
    if not path.is_file():
        raise GoldError(f"gold file {path} not found")
    entries = []
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if line.strip():
                try:
                    entries.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise GoldError(f"{path}:{number}: not JSON: {exc}") from exc
    return entries


def load_gold(path: str | Path) -> list[GoldDocument]:
    """The gold entries of one `gold.jsonl` with their documents (`<doc_id>.txt` beside it)."""
    path = Path(path)
    docs = []
    for entry in read_gold_file(path):
        doc_path = path.parent / f"{entry['doc_id']}.txt"
        try:
            document, data, fmt = read_path(doc_path)
        except ExtractionError as exc:
            raise GoldError(f"{doc_path}: {exc.code}: {exc.message}") from exc
        docs.append(GoldDocument(entry["doc_id"], entry, doc_path, decode_raw(data), document, path.parent.name, data, fmt))
    return docs
