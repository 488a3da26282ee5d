"""PDF reader (pdfplumber), page by page.

Tables come out as rows ("indicator | unit | target"); the rest as lines in reading order,
where a band of lines split in a left and a right column (the issuer / national motto header,
the recipients / signer footer) is read left column first, then right. Page numbers are
moved out of the flow (to the end of the text, as page_number blocks) so a sentence running
over a page break is rejoined like any wrapped line.
"""
from __future__ import annotations

import io
from typing import Optional

import regex

from ..document import Document
from ..errors import ExtractionError
from .assemble import Part, assemble
from .page_breaks import PAGE_NUMBER as _PAGE_NUMBER
from .pdf_layout import Line, page_lines, reading_order

MAX_PAGES = 1000


def _open(data: bytes):
    import pdfplumber

    tail = data[-2048:]
    if b"%%EOF" not in tail:
        raise ExtractionError("corrupt_pdf", "the PDF is truncated (no %%EOF end marker)")
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        pages = pdf.pages  # parses the page tree
    except Exception as exc:
        raise _classify(exc) from exc
    return pdf, pages


def _classify(exc: BaseException) -> ExtractionError:
    chain = []
    current: Optional[BaseException] = exc
    while current is not None and len(chain) < 6:
        chain.append(f"{type(current).__name__}: {current}")
        current = current.__cause__ or current.__context__
    described = " / ".join(chain)
    if regex.search(r"password|encrypt", described, regex.I):
        return ExtractionError("encrypted_pdf", f"the PDF is password-protected ({chain[-1]})")
    return ExtractionError("corrupt_pdf", f"the PDF cannot be parsed ({chain[0]})")


def _table_parts(page, number: int) -> tuple[list[tuple[float, list[Part]]], list[tuple[float, float, float, float]]]:
    found = []
    boxes = []
    for table in page.find_tables():
        rows = table.extract()
        parts = []
        for row in rows:
            cells = [regex.sub(r"\s+", " ", cell or "").strip() for cell in row]
            if any(cells):
                parts.append(Part(" | ".join(cells), "table_row", number))
        if parts:
            found.append((table.bbox[1], parts))
            boxes.append(table.bbox)
    return found, boxes


_CID = regex.compile(r"\(cid:\d+\)")


def unmapped_share(text: str) -> float:
    """Share of the text made of glyphs pdfminer could not map to Unicode, written (cid:N)."""
    stripped = "".join(text.split())
    if not stripped:
        return 0.0
    return sum(len(m.group(0)) for m in _CID.finditer(stripped)) / len(stripped)


def _is_page_number(line: Line, height: float) -> bool:
    near_edge = line.top < 0.1 * height or line.bottom > 0.9 * height
    return near_edge and bool(_PAGE_NUMBER.match(line.text))


def read_pdf_bytes(data: bytes) -> Document:
    pdf, pages = _open(data)
    parts: list[Part] = []
    page_numbers: list[Part] = []
    warnings: list[str] = []
    failed: list[int] = []
    images = 0
    try:
        if not pages:
            raise ExtractionError("corrupt_pdf", "the PDF has no pages")
        if len(pages) > MAX_PAGES:
            warnings.append(f"only the first {MAX_PAGES} of {len(pages)} pages were read")
        for index, page in enumerate(pages[:MAX_PAGES]):
            number = index + 1
            try:
                tables, boxes = _table_parts(page, number)
                lines = page_lines(page, boxes)
                images += len(page.images)
            except Exception as exc:  # one broken page does not lose the others
                error = _classify(exc)
                if error.code == "encrypted_pdf":
                    raise error from exc
                failed.append(number)
                warnings.append(f"page {number} could not be read: {error.message}")
                continue
            flow: list[tuple[float, list[Part]]] = list(tables)
            body_lines = []
            for line in lines:
                if _is_page_number(line, page.height):
                    page_numbers.append(Part(line.text, "page_number", number))
                else:
                    body_lines.append(line)
            for top, texts in reading_order(body_lines, page.width):
                flow.append((top, [Part(t, "paragraph", number) for t in texts]))
            flow.sort(key=lambda item: item[0])
            for _, group in flow:
                parts.extend(group)
            page.close()
    finally:
        pdf.close()
    if failed and not parts:
        raise ExtractionError("corrupt_pdf", f"no page could be read ({warnings[-1]})")
    if unmapped_share(" ".join(p.text for p in parts)) > 0.3:
        raise ExtractionError("no_text_layer", "the PDF's fonts have no Unicode map ((cid:N) glyphs); run OCR first")
    if sum(len(p.text.strip()) for p in parts) < 20:
        if images:
            raise ExtractionError("no_text_layer", "the PDF has no text layer (scanned pages); run OCR first")
        raise ExtractionError("no_text", "the PDF holds no text")
    return assemble(parts + page_numbers, fmt="pdf", warnings=warnings)
