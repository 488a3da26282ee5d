"""DOCX reader (python-docx): paragraphs and tables in body order, numbered-list labels.

A table whose cells each hold one paragraph is read row by row ("a | b | c"), as the targets
tables of plans are; a layout table whose cells hold several paragraphs (the issuer / national
motto header) is read cell by cell, so the two columns never interleave.
"""
from __future__ import annotations

import io
import zipfile

from docx import Document as open_docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from ..document import Document
from ..errors import ExtractionError
from .assemble import Part, assemble
from .docx_numbering import Numbering

MAX_XML_BYTES = 256 * 1024 * 1024


def _check_package(data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = {info.filename: info.file_size for info in archive.infolist()}
    except zipfile.BadZipFile as exc:
        raise ExtractionError("corrupt_docx", f"not a valid DOCX (zip) package: {exc}") from exc
    if "word/document.xml" not in names:
        raise ExtractionError("corrupt_docx", "the package has no word/document.xml")
    if sum(names.values()) > MAX_XML_BYTES:
        raise ExtractionError("file_too_large", "the DOCX unpacks to more than 256 MiB")


def _paragraph_text(paragraph: Paragraph, numbering: Numbering) -> str:
    return numbering.label(paragraph) + paragraph.text


def _is_heading(paragraph: Paragraph) -> bool:
    name = (paragraph.style.name or "").lower() if paragraph.style is not None else ""
    return name.startswith(("heading", "title"))


def _cell_paragraphs(cell, numbering: Numbering) -> list[str]:
    texts = []
    for item in cell.iter_inner_content():
        if isinstance(item, Paragraph):
            if item.text.strip():
                texts.append(_paragraph_text(item, numbering).strip())
        else:
            for row in item.rows:
                texts.append(" | ".join(" ".join(_cell_paragraphs(c, numbering)) for c in _unique_cells(row)))
    return texts


def _unique_cells(row) -> list:
    cells, seen = [], set()
    for cell in row.cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            cells.append(cell)
    return cells


def _table_parts(table: Table, numbering: Numbering) -> list[Part]:
    parts: list[Part] = []
    for row in table.rows:
        cells = [_cell_paragraphs(cell, numbering) for cell in _unique_cells(row)]
        if all(len(c) <= 1 for c in cells):
            line = " | ".join(c[0] if c else "" for c in cells)
            if line.replace("|", "").strip():
                parts.append(Part(line, "table_row"))
            continue
        for cell in cells:
            parts.extend(Part(text, "table_cell") for text in cell)
    return parts


def _page_header_parts(document, numbering: Numbering) -> list[Part]:
    """The first page's header, where some templates put the issuer / national motto table."""
    if not document.sections:
        return []
    section = document.sections[0]
    header = section.first_page_header if section.different_first_page_header_footer else section.header
    if header.is_linked_to_previous:  # the first section: no header of its own
        return []
    parts: list[Part] = []
    for item in header.iter_inner_content():
        if isinstance(item, Paragraph):
            parts.append(Part(_paragraph_text(item, numbering), "header"))
        else:
            parts.extend(_table_parts(item, numbering))
    if not any(p.text.strip() and not p.text.strip().isdigit() for p in parts):
        return []
    return parts + [Part("", "paragraph")]


def read_docx_bytes(data: bytes) -> Document:
    _check_package(data)
    try:
        document = open_docx(io.BytesIO(data))
    except Exception as exc:  # python-docx raises KeyError, ValueError, lxml errors... on broken parts
        raise ExtractionError("corrupt_docx", f"cannot open the DOCX: {type(exc).__name__}: {exc}") from exc
    numbering = Numbering(document)
    parts: list[Part] = []
    try:
        parts.extend(_page_header_parts(document, numbering))
        for item in document.iter_inner_content():
            if isinstance(item, Paragraph):
                kind = "heading" if _is_heading(item) else "paragraph"
                parts.append(Part(_paragraph_text(item, numbering), kind))
            else:
                parts.extend(_table_parts(item, numbering))
    except Exception as exc:
        raise ExtractionError("corrupt_docx", f"cannot read the DOCX body: {type(exc).__name__}: {exc}") from exc
    return assemble(parts, fmt="docx")
