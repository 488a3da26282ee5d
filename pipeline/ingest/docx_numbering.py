"""The labels Word draws before numbered paragraphs ("1.", "a)", "II.", "-"), which are not in
the paragraph's text: read from numbering.xml and counted in document order."""
from __future__ import annotations

from typing import Optional

from docx.oxml.ns import qn

_ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]


def _roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _letter(n: int) -> str:
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _format(n: int, fmt: str) -> str:
    return {
        "lowerLetter": _letter(n),
        "upperLetter": _letter(n).upper(),
        "lowerRoman": _roman(n),
        "upperRoman": _roman(n).upper(),
    }.get(fmt, str(n))


def _val(element, tag: str) -> Optional[str]:
    child = element.find(qn(tag)) if element is not None else None
    return child.get(qn("w:val")) if child is not None else None


class Numbering:
    def __init__(self, document):
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}
        self.counters: dict[str, list[int]] = {}
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            return
        abstract = {}
        for node in root.findall(qn("w:abstractNum")):
            levels = {}
            for lvl in node.findall(qn("w:lvl")):
                ilvl = int(lvl.get(qn("w:ilvl"), "0"))
                start = int(_val(lvl, "w:start") or 1)
                levels[ilvl] = (start, _val(lvl, "w:numFmt") or "decimal", _val(lvl, "w:lvlText") or "")
            abstract[node.get(qn("w:abstractNumId"))] = levels
        for num in root.findall(qn("w:num")):
            self.levels[num.get(qn("w:numId"))] = abstract.get(_val(num, "w:abstractNumId"), {})

    def label(self, paragraph) -> str:
        num_pr = self._num_pr(paragraph)
        if num_pr is None:
            return ""
        num_id = _val(num_pr, "w:numId")
        ilvl = int(_val(num_pr, "w:ilvl") or 0)
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        start, fmt, text = levels[ilvl]
        if fmt == "bullet" or fmt == "none":
            return "- " if fmt == "bullet" else ""
        counters = self.counters.setdefault(num_id, [0] * 10)
        counters[ilvl] = counters[ilvl] + 1 if counters[ilvl] else start
        for deeper in range(ilvl + 1, len(counters)):
            counters[deeper] = 0
        for level in range(ilvl + 1):
            l_start, l_fmt, _ = levels.get(level, (1, "decimal", ""))
            value = counters[level] or l_start
            text = text.replace(f"%{level + 1}", _format(value, l_fmt))
        return text + " " if text else ""

    @staticmethod
    def _num_pr(paragraph):
        p_pr = paragraph._p.pPr
        if p_pr is not None and p_pr.numPr is not None:
            return p_pr.numPr
        style = paragraph.style
        while style is not None:
            s_pr = style.element.pPr
            if s_pr is not None and s_pr.numPr is not None:
                return s_pr.numPr
            style = style.base_style
        return None
