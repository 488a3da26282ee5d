"""The signature at the foot: the signing position (`KT. CHỦ TỊCH / PHÓ CHỦ TỊCH`,
`GIÁM ĐỐC`) and the name under it. A `TM. <body>` line names the collective body the
person signs for, not the person's position, so it is left out of the position."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

import regex

from ...models import Signer
from ...values.textpat import plain
from .layout import Layout
from .tables import cues
from .text import (RIGHT_COLUMN, any_cue, cells, clean, first_words, fold, is_caps, is_decoration, lines_of, matches_at,
                   squash, word_starts)

MAX_GAP_LINES = 8
MAX_BLANK_LINES = 20
MAX_BLANKS_IN_RUN = 2
_WORD = r"\p{Lu}\p{Ll}*(?:['’]\p{Lu}?\p{Ll}*)?"  # "H' Nguyên Niê", "H’Hen Niê": Ê Đê and Jrai names
_NAME = regex.compile(rf"{_WORD}(?:\s+{_WORD}){{1,4}}")


@lru_cache(maxsize=None)
def _prefix_re() -> regex.Pattern:
    spec = cues()["signing_prefixes"]
    prefixes = "|".join(regex.escape(fold(p).rstrip(".")) for p in spec)
    variants = "|".join(rf"{regex.escape(fold(v))}(?P<{fold(p).rstrip('.')}>)"
                        for v, p in cues()["signing_prefix_variants"].items())
    return regex.compile(rf"(?<![\p{{L}}])(?:(?P<p>{prefixes})\.|{variants})\s*")


@lru_cache(maxsize=None)
def _position_re() -> regex.Pattern:
    return regex.compile(rf"(?<![\p{{L}}]){any_cue(cues()['positions'])}(?![\p{{L}}])")


@lru_cache(maxsize=None)
def _signing_start_res() -> tuple[tuple[re.Pattern, frozenset[str]], ...]:
    """Signing prefixes and positions in folded text, without the word-boundary checks, each with the
    words its matches open with: a scan tries the pattern only where one of them stands."""
    c = cues()
    prefixes = [fold(p).rstrip(".") + "." for p in c["signing_prefixes"]] + [fold(v) for v in c["signing_prefix_variants"]]
    positions = tuple(c["positions"])
    return ((re.compile("|".join(map(re.escape, prefixes))), frozenset(prefixes)),
            (re.compile(any_cue(positions)), first_words(positions)))


def _signing_rows(folded: str, start: int) -> set[int]:
    """Offsets (from `start`) of the lines a signing prefix or position touches: a cell of
    any other line cannot be a signing line, so its columns are never read."""
    rows = set()
    for pattern, words in _signing_start_res():
        for m in matches_at(pattern, folded, word_starts(folded, words, start)):
            line = max(folded.rfind("\n", start, m.start()) + 1, start)
            while 0 <= line < m.end():  # a match over a line break touches both lines
                rows.add(line - start)
                line = folded.find("\n", line, m.end()) + 1 or -1
    return rows


def signing_line(line: str) -> bool:
    if len(line) > 120 or not is_caps(line):  # most lines: no folding, no patterns
        return False
    folded = fold(line)
    return bool(_prefix_re().match(folded) or _position_re().match(folded))


def position_text(run: str) -> str:
    """The run of signing lines without its `TM. <body>` part."""
    folded = fold(run)
    out, pos = [], 0
    for m in _prefix_re().finditer(folded):
        if m.group("p") != "tm" and m.group("tm") is None:
            continue
        out.append(run[pos:m.start()])
        following = [x.start() for x in _prefix_re().finditer(folded, m.end())]
        # the body's name may itself open with a position's words (TM. THƯỜNG TRỰC HĐND)
        following += [x.start() for x in _position_re().finditer(folded, m.end()) if x.start() > m.end()]
        pos = min(following) if following else len(run)
    out.append(run[pos:])
    return squash(" ".join(out))


@lru_cache(maxsize=None)
def _marks() -> frozenset[str]:
    return frozenset(fold(m).strip("()[] ") for m in cues()["signature_marks"])


def _is_mark(line: str) -> bool:
    return fold(line).strip("()[] ") in _marks()


@lru_cache(maxsize=None)
def _folded_cues(name: str) -> tuple[str, ...]:
    return tuple(fold(x) for x in cues()[name])


_ITEM = regex.compile(r"[-–+•]\s")


def _left_column(cell: str) -> bool:
    """The recipients list stands left of the signature; flattened, its lines interleave."""
    return bool(_ITEM.match(cell)) or fold(cell).startswith(_folded_cues("recipients_label"))


def _is_name(line: str) -> bool:
    return len(line) <= 40 and bool(_NAME.fullmatch(line)) and not is_caps(line)


def _without_rank(cell: str) -> str:
    """`Đại tá Nguyễn Văn Hòa`: the name without the rank written before it."""
    for rank in cues()["signer_ranks"]:
        if cell.startswith(rank + " "):
            return cell[len(rank) + 1:].lstrip()
    return cell


_GLUE = plain(r"(?<=[:;.,)])[ \t]+")


def glued_signature(cell: str) -> Optional[int]:
    """Where a signing line glued after a recipients' item starts (`- Như trên; PHÓ GIÁM ĐỐC`,
    `Nơi nhận: KT. GIÁM ĐỐC`: a tab between the columns became one space); the name may sit
    glued after the archive line (`- Lưu: VT, KGVX. Trần Phước Hiền`) or after an item's `;`, and so may
    a signature mark (`- Sở Tài chính; (Đã ký)`)."""
    archive = fold(cell).lstrip("-–+• ").startswith(_folded_cues("archive_items"))
    for m in _GLUE.finditer(cell):
        rest = cell[m.end():].strip()
        if archive and _prefix_re().fullmatch(fold(rest)):
            continue  # an office's code ending the archive line (`- Lưu: VT, KT.`), not a signing prefix
        item_end = cell[m.start() - 1] == ";"  # "Vân Tụ, Quan Thành; Hoàng Văn Quý": a PDF text layer's two columns on one line
        if signing_line(rest) or ((archive or item_end) and _is_name(_without_rank(rest))) or (item_end and _is_mark(rest)):
            return m.end()
    return None


def _column(raw: str) -> str:
    """In a flattened row the signature stands in the right column: the last non-empty
    cell, columns split at `|`, tabs or runs of spaces, or glued after an item by one space."""
    found = [cell for cell in (clean(raw[a:b]) for a, b in cells(raw)) if cell]
    if not found:
        return ""
    for cell in reversed(found[1:]):
        if signing_line(cell) or _is_name(_without_rank(cell)) or _is_mark(cell):
            return cell  # a wrapped list item rejoined after it may stand right of it
    cell = found[-1]
    glued = glued_signature(cell) if not signing_line(cell) else None
    return cell[glued:].strip() if glued is not None else cell


def from_signature(text: str, folded: str, start: int) -> Optional[Signer]:
    rows = _signing_rows(folded, start)
    if not rows:
        return None
    skip = min(rows)  # the lines above the first signing row are never read
    start += skip
    rows = {row - skip for row in rows}
    last_row = max(rows)
    lines = lines_of(text[start:])
    i = 0
    while i < len(lines) and lines[i].start <= last_row:
        if lines[i].start not in rows:
            i += 1
            continue
        cell = _column(lines[i].raw)
        if not signing_line(cell):
            i += 1
            continue
        run, j = [cell], i + 1
        while True:
            k = j
            while k < len(lines) and k - j < MAX_BLANKS_IN_RUN and not lines[k].raw.strip():
                k += 1  # KT. CHỦ TỊCH / (blank) / PHÓ CHỦ TỊCH: one signing block
            if k >= len(lines) or not signing_line(_column(lines[k].raw)):
                break
            run.append(_column(lines[k].raw))
            j = k + 1
        gap = blank = 0
        in_list = any(_left_column(clean(ln.raw[slice(*cells(ln.raw)[0])])) for ln in lines[i:j])  # signature beside the list
        while j < len(lines) and gap <= MAX_GAP_LINES:
            cell = _column(lines[j].raw)
            left = len(lines[j].raw) - len(lines[j].raw.lstrip()) < RIGHT_COLUMN
            if left and (_left_column(cell) or (in_list and cell and not _is_name(_without_rank(cell)))):
                j, in_list = j + 1, True  # the recipients list beside the signature (items and their wrapped tails) is no gap
                continue
            in_list = False
            if not lines[j].raw.strip() and blank < MAX_BLANK_LINES:
                j, blank = j + 1, blank + 1  # the room left for the signature and seal
                continue
            if is_decoration(lines[j].raw) or _is_mark(cell):
                j, gap = j + 1, gap + 1
                continue
            cell = _without_rank(cell)
            if _is_name(cell):
                line = lines[j]
                name_start = start + line.start + line.raw.find(cell)
                first = start + lines[i].start
                return Signer(name=cell, position=position_text(" ".join(run)) or None,
                              span=(first, name_start + len(cell)))
            break
        i = max(j, i + 1)
    return None


def find_signer(layout: Layout, folded: str) -> Optional[Signer]:
    found = from_signature(layout.text, folded, layout.title_start or 0)
    if found:
        return found
    if "signer" in layout.legal_db:
        name, span = layout.legal_db["signer"]
        if _is_name(name):
            return Signer(name=name, position=None, span=span)
    return None
