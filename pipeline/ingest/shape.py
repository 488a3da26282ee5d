"""What a line of administrative text looks like: list item, heading, rule, all capitals..."""
from __future__ import annotations

import re
from functools import lru_cache

import regex

from ..rules import load_yaml

_LIST_MARKER = regex.compile(
    r"""^\s*(?:
        [-+•●▪◦·*∙]\s*(?=\S)              # - item, + item, • item
      | [–—]\s+(?=\p{L})
      | \d{1,3}(?:\.\d{1,3})*[.)](?=\s|$)  # 1.  1.2.  3)
      | \d{1,2}(?:\.\d{1,2})+(?=\s+(?:\p{Lu}|[-–]))  # 1.2 Title, 1.2 - Title (not 17.800 người)
      | [a-zđ][.)](?=\s)                    # a)  b.
      | [A-ZĐ][.)](?=\s)                    # A.  B)
      | [IVXLC]{1,6}[.)](?=\s|$)            # IV.
      | \(\d{1,3}\) | \([a-zđ]\)            # (1) (a)
    )""",
    regex.X,
)
_RANGE_TAIL = regex.compile(r"^\s*[-–—]\s*\d")
_FULL_DAY = r"\d{1,2}/\d{1,2}/(?:19|20)\d\d"
_DAY_START = regex.compile(rf"^\s*{_FULL_DAY}(?!\d)")
# a figure with a decimal or thousands separator or a percent sign: never a list marker
_FIGURE_START = regex.compile(r"^\s*\d+(?:[.,]\d+)+|^\s*\d+(?:[.,]\d+)*\s?%")
_RULE_LINE = re.compile(r"^[\s\-–—_=.*°~•·]+$")  # the stdlib's \s: with \x1c-\x1f (is_rule_line leaves them out)
_LABEL = regex.compile(r"^\s*\p{L}[\p{L}/.]*(?:\s\p{L}[\p{L}/.]*)?\s*:\s*$")
_SPACES = regex.compile(r"\s+")


@lru_cache(maxsize=None)
def _shapes() -> dict:
    return load_yaml("line_shapes.yaml")


@lru_cache(maxsize=None)
def _heading_word_re() -> regex.Pattern:
    words = "|".join(regex.escape(w) for w in _shapes()["heading_words"])
    return regex.compile(rf"^\s*(?:{words})\s+(?:\d+|[IVXLC]+)\b")


@lru_cache(maxsize=None)
def _title_lines() -> frozenset[str]:
    """Lines that are a document kind's name alone (KẾ HOẠCH, Quyết định...)."""
    kinds = load_yaml("doc_types.yaml")
    names: set[str] = set()
    for code, entry in kinds.items():
        if code == "_cited_only":
            for values in entry.values():
                names.update(values)
        else:
            names.update(entry.get("names", []))
    return frozenset(n.lower() for n in names)


@lru_cache(maxsize=None)
def _index_cell_re() -> regex.Pattern:
    words = "|".join(regex.escape(w) for w in _shapes()["index_cells"])
    return regex.compile(rf"^(?:\d{{1,3}}(?:\.\d{{1,3}})*\.?|[IVXLC]{{1,6}}\.?|[a-zđA-ZĐ][.)]?|{words}|)$", regex.I)


def squash(line: str) -> str:
    """Runs of white space as one space, none at the ends."""
    if line.isprintable() and "  " not in line and line[:1] != " " and line[-1:] != " ":
        return line  # most lines: no white space but single inner spaces (the only white space isprintable lets by)
    if has_separator_controls(line):
        return _SPACES.sub(" ", line).strip()
    return " ".join(line.split())


def has_separator_controls(line: str) -> bool:
    """Whether the line holds one of \\x1c-\\x1f, which str.split takes as white space and regex's \\s does not
    (elsewhere the two agree)."""
    return "\x1c" in line or "\x1d" in line or "\x1e" in line or "\x1f" in line


def is_blank(line: str) -> bool:
    return not line.strip()


def is_list_item(line: str) -> bool:
    return bool(_LIST_MARKER.match(line)) or bool(_heading_word_re().match(line))


def is_range_tail(line: str) -> bool:
    """`- 2020` continuing `giai đoạn 2016` on the line before."""
    return bool(_RANGE_TAIL.match(line))


def starts_with_figure(line: str) -> bool:
    return _FIGURE_START.match(line) is not None


def starts_with_day(line: str) -> bool:
    """`14/10/2026 đến ngày …` carrying on `từ ngày` on the line before."""
    return _DAY_START.match(line) is not None


# what `\s` matches (Unicode White_Space; str.isspace also counts \x1c-\x1f)
_WHITE_SPACE = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
_CLOSERS = "'\"”’)]»*"
_STOPS = frozenset(".;:!?…")


def ends_sentence(line: str) -> bool:
    """A stop, then closing quotes or brackets, then white space only."""
    return line.rstrip(_WHITE_SPACE).rstrip(_CLOSERS)[-1:] in _STOPS


@lru_cache(maxsize=None)
def _credit_re() -> regex.Pattern:
    return regex.compile(rf"(?:^|[\s.(])(?:{_phrases('credit_words')})\s*:\s*[^\s:;.][^:;.]{{0,40}}\)?$")


def _phrases(key: str) -> str:
    """line_shapes.yaml's list `key` as an alternation, the longest phrase first."""
    return "|".join(regex.escape(w) for w in sorted(_shapes()[key], key=len, reverse=True))


@lru_cache(maxsize=None)
def _table_note_re() -> regex.Pattern:
    return regex.compile(rf"^[(*\s]*(?:{_phrases('table_notes')})\s*:", regex.I)


def is_table_note(line: str) -> bool:
    """`(Nguồn: Hệ thống thông tin …)`, `Ghi chú: …`: a note under a table."""
    return _table_note_re().match(line) is not None


@lru_cache(maxsize=None)
def _signature_words() -> tuple[tuple[str, ...], frozenset]:
    meta = load_yaml("metadata.yaml")
    prefixes = tuple(meta["signing_prefixes"]) + tuple(meta["signing_prefix_variants"])
    return prefixes, frozenset(squash(m).lower() for m in meta["signature_marks"])


def is_signature_line(line: str) -> bool:
    """`TM. ỦY BAN NHÂN DÂN`, `KT. GIÁM ĐỐC`, `(Đã ký)`: a line of a signing block, which stands alone."""
    body = squash(line)
    prefixes, marks = _signature_words()
    return body.upper().startswith(prefixes) or body.lower() in marks


@lru_cache(maxsize=None)
def _post_date_re() -> regex.Pattern:
    labels = "|".join(regex.escape(w) for w in sorted(load_yaml("metadata.yaml")["news"]["post_date_labels"], key=len, reverse=True))
    return regex.compile(rf"^(?:{labels})(?:\s+lúc)?\s*:?\s*\d", regex.I)


def is_post_date_line(line: str) -> bool:
    """`Cập nhật: 08:45, 30/12/2026`, `Đăng ngày 12/3/2026`: a post's date line, which stands alone."""
    return _post_date_re().match(line.strip()) is not None


_NUMBER_LINE = regex.compile(r"^\s*Số\s*:\s*(?:\d|/|\.{2,})")


def is_number_line(line: str) -> bool:
    """`Số: 27-CTr/TĐTN-PT`, `Số:      /KH-UBND`: a document's number line, which stands alone."""
    return _NUMBER_LINE.match(line) is not None


def ends_with_credit(line: str) -> bool:
    """A caption's last words: a photo credit (`Ảnh: Thanh Thủy`, `(Ảnh: Quang Hưng)`)."""
    tail = line.rstrip()[-56:]
    return ":" in tail and _credit_re().search(tail) is not None


def is_rule_line(line: str) -> bool:
    return _RULE_LINE.match(line) is not None and not has_separator_controls(line)


def is_label(line: str) -> bool:
    """`Số:` or `Nơi nhận:` alone, its value on the next line."""
    return bool(_LABEL.match(line)) and len(line.strip()) <= 16


def is_title_line(line: str) -> bool:
    if line.isprintable() and len(line) - line.count(" ") > _longest_title():
        return False  # more visible characters than any title line has (printable: no white space but " ")
    return is_title_text(squash(line))


def is_title_text(squashed: str) -> bool:
    """is_title_line of a line already squashed (lowercasing shortens no text)."""
    return len(squashed) <= _longest_title() and squashed.lower() in _title_lines()


@lru_cache(maxsize=None)
def _longest_title() -> int:
    return max(map(len, _title_lines()))


def is_motto_line(line: str) -> bool:
    return squash(line).lower().replace("–", "-") in _shapes()["motto_lines"]


@lru_cache(maxsize=4096)  # a line is asked about as the line before and as the line after
def caps(line: str) -> bool | None:
    """True when the letters are capitals, False when not, None when too few letters to say."""
    lower = sum(map(str.islower, line[:max(60, len(line) // 3)]))
    if lower >= 3 and lower > 0.15 * len(line):
        return False  # prose: more lower-case letters at its start than capitals could leave room for
    letters = [c for c in line if c.isalpha()]
    if len(letters) < 3:
        return None
    return sum(1 for c in letters if c.isupper()) >= 0.85 * len(letters)


_FIGURE_CELL = regex.compile(r"^(?:[-–—x]|[<>≤≥~]?\s*[-+−–]?\d[\d.,]*\s*%?)$")  # a change is signed: "-9,76", "+28"


def is_figure_cell(cell: str) -> bool:
    """A table cell holding one figure (`99,72`, `≥ 95`, `86,4%`) or the dash of an empty one."""
    return _FIGURE_CELL.match(cell.strip()) is not None


_DAY = rf"{_FULL_DAY}|\d{1,2}/(?:19|20)\d\d|\d{1,2}/\d{1,2}"
_TIME_CELL = regex.compile(rf"^(?:{_DAY})(?:\s*[-–]\s*(?:{_DAY}))?$")


def is_time_cell(cell: str) -> bool:
    """A table cell holding a day, a month or a span of them (`05/10/2026 - 06/10/2026`, `10/2026`): a schedule's."""
    return _TIME_CELL.match(cell.strip()) is not None


@lru_cache(maxsize=None)
def _total_row_re() -> regex.Pattern:
    return regex.compile(rf"^(?:{_phrases('total_rows')})(?!\w)", regex.I)


def opens_total_row(cell: str) -> bool:
    """`Tổng cộng`, `Toàn tỉnh`: a total row's label, in place of its running number."""
    return _total_row_re().match(cell) is not None


@lru_cache(maxsize=None)
def _index_heads() -> frozenset:
    return frozenset(w.lower() for w in _shapes()["index_cells"])


def is_index_head(cell: str) -> bool:
    """`TT`, `STT`: the head of a table's running-number column (line_shapes.yaml index_cells)."""
    return squash(cell).lower() in _index_heads()


@lru_cache(maxsize=None)
def _merged_heads() -> frozenset:
    return frozenset(w.lower() for w in _shapes()["merged_heads"])


def is_merged_head(cell: str) -> bool:
    """`Trong đó`, `Chia ra`: a header cell over the heads of the columns under it (line_shapes.yaml merged_heads)."""
    return squash(cell).lower() in _merged_heads()


def is_index_cell(cell: str) -> bool:
    return bool(_index_cell_re().match(squash(cell)))


def line_starts(lines: list[str]) -> list[int]:
    """Offset of each line of `text.split("\n")` in the text."""
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    return starts
