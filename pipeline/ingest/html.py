"""HTML reader for saved web posts: the article without the site's chrome.

Main-content extraction is trafilatura's job (a maintained extractor that scores DOM blocks
by text density and link share, with justext as its fallback): menus, view counters, share
buttons and "Tin mới nhất" lists are left out. Its XML output keeps headings, paragraphs,
list items and tables (read as "a | b | c" rows). A page it finds no article in is read
as plain text lines of the whole body, with the chrome marked as in a .txt capture.
"""
from __future__ import annotations

import regex
from lxml import etree
from lxml import html as lxml_html

from ..document import Document
from ..errors import ExtractionError
from .assemble import Part, assemble
from .encodings import decode_bytes

_META_CHARSET = regex.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", regex.I)
_SPACES = regex.compile(r"\s+")
_BLOCK_TAGS = {"p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "br", "table", "section", "article", "td", "th"}


def _decode(data: bytes) -> tuple[str, str]:
    match = _META_CHARSET.search(data[:4096])
    if match:
        name = match.group(1).decode("ascii").lower()
        try:
            return data.decode(name), name
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(data)


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text or "").strip()


def _parts_from_xml(xml: str) -> list[Part]:
    root = etree.fromstring(xml.encode("utf-8"))
    main = root.find("main")
    parts: list[Part] = []
    for element in (main if main is not None else root):
        _walk(element, parts)
    return parts


def _lines(element) -> list[str]:
    """The element's text, one string per line (a <br>, <lb/> in trafilatura's XML, breaks it)."""
    for lb in element.iter("lb"):
        lb.text = "\n"
    return [_clean(line) for line in "".join(element.itertext()).split("\n") if line.strip()]


def _walk(element, parts: list[Part]) -> None:
    tag = element.tag
    if tag == "table":
        for row in element.iter("row"):
            cells = [" ".join(_lines(cell)) for cell in row.findall("cell")]
            if any(cells):
                parts.append(Part(" | ".join(cells), "table_row"))
    elif tag == "list":
        for item in element.findall("item"):
            parts.extend(Part(line) for line in _lines(item))
    else:
        parts.extend(Part(line, "heading" if tag == "head" else "paragraph") for line in _lines(element))


def _parts_from_body(text: str) -> list[Part]:
    """Fallback: every block-level element's text as a line."""
    try:
        tree = lxml_html.fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise ExtractionError("no_text", f"the HTML has no readable body: {exc}") from exc
    for bad in tree.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    for element in tree.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCK_TAGS:
            element.tail = "\n" + (element.tail or "")
    return [Part(_clean(line)) for line in tree.text_content().split("\n") if line.strip()]


def read_html_bytes(data: bytes) -> Document:
    import trafilatura

    text, encoding = _decode(data)
    warnings: list[str] = []
    try:
        xml = trafilatura.extract(text, output_format="xml", include_tables=True, include_comments=False,
                                  include_formatting=False, include_links=False, include_images=False,
                                  with_metadata=False, favor_recall=True)
        parts = _parts_from_xml(xml) if xml else []
    except Exception as exc:  # a page the extractor chokes on is still read as plain body text
        warnings.append(f"article extraction failed ({type(exc).__name__}); the whole body text was read")
        parts = []
    if sum(len(p.text) for p in parts) < 40:
        if not warnings:
            warnings.append("no article found in the page: the whole body text was read")
        parts = _parts_from_body(text)
    return assemble(parts, fmt="html", encoding=encoding, warnings=warnings)
