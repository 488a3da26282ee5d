"""The header a legal-database web page (thuvienphapluat, luatvietnam, vbpl) puts above a
document: `Số hiệu: 07/CT-UBND`, `Loại văn bản: Chỉ thị`, `Người ký: Hoàng Văn Trà`, as
`key: value`, table cells, cells split by tabs or spaces, or one cell per line."""
from __future__ import annotations

from functools import lru_cache

import regex

from .tables import cues
from .text import fold, matches_at, word_starts

Span = tuple[int, int]


def legal_db_header(text: str, folded: str, end: int) -> dict[str, tuple[str, Span]]:
    keys, pattern, row, column = _legal_db_patterns()
    out: dict[str, tuple[str, Span]] = {}
    at_keys = word_starts(folded, keys, 0, end)
    if not at_keys:  # most documents
        return out
    at_lines = sorted({folded.rfind("\n", 0, at) + 1 for at in at_keys})
    # `pattern` matches from a key; `row` and `column` from the start of a key's line
    for found, starts in ((pattern, at_keys), (row, at_lines), (column, at_lines)):
        for m in matches_at(found, folded, starts, end):
            name = keys[m.group("k")]
            value = text[m.start("v"):m.end("v")].strip()
            if name != "other" and value and name not in out:
                out[name] = (value, m.span("v"))
    return out


@lru_cache(maxsize=None)
def _legal_db_patterns() -> tuple[dict[str, str], regex.Pattern, regex.Pattern, regex.Pattern]:
    spec = cues()["legal_db_header"]
    keys = {fold(k): name for name, ks in spec.items() for k in ks}
    key_re = "|".join(regex.escape(k) for k in sorted(keys, key=len, reverse=True))
    sep = r"(?:[ \t]*[:|][ \t]*|\t[ \t]*|[ ]{3,})"  # `Người ký: X`, `| Người ký | X |`, or a column gap
    pattern = regex.compile(
        rf"(?m)(?<=^|[|\s])(?P<k>{key_re}){sep}(?P<v>[^|\n]*?)[ \t]*(?=(?:{key_re}){sep}|\||\t|[ ]{{3,}}|$)"
    )
    # a key opening its row with the value after one space (a tab between the cells normalized)
    row = regex.compile(rf"(?m)^[ \t|]*(?P<k>{key_re})[ \t]+(?P<v>[^|\n]*?)[ \t|]*$")
    # a key alone on its row, the value on the next (a page's table cells put one per line)
    column = regex.compile(rf"(?m)^[ \t|]*(?P<k>{key_re})[ \t|:]*\n[ \t|]*(?P<v>[^|\n]+?)[ \t|]*$")
    return keys, pattern, row, column
