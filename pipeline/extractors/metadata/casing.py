"""A title written in capitals put in normal case: the title as the body repeats it in
normal case; else its words in lower case, except those the body writes in capitals inside
lower-case text (DTI, VSNT, XIV) and the names the body or the provinces table spell
(Hồ Chí Minh, Quảng Ngãi)."""
from __future__ import annotations

import regex

from .tables import provinces
from .text import cells, cue_pattern, fold, is_acronym, is_caps, squash

Span = tuple[int, int]


def _proper_names(text: str) -> dict[str, str]:
    """Multi-word capitalised names used mid-sentence in the body (Hồ Chí Minh, Tuy Phong)."""
    names = {}
    for m in regex.finditer(r"(?<=[\p{Ll},;]\s+)\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)+", text):
        names[fold(m.group(0))] = squash(m.group(0))
    for entries in provinces().values():
        for p in entries:
            names[fold(p.name)] = p.name
    names["việt nam"] = "Việt Nam"
    return names


def _replace_names(title: str, names: dict[str, str]) -> str:
    folded_title = fold(title)
    for key in sorted(names, key=len, reverse=True):
        if key not in folded_title:  # the usual case, without a regex per name
            continue
        for m in regex.finditer(rf"(?<![\p{{L}}]){regex.escape(key)}(?![\p{{L}}])", folded_title):
            title = title[:m.start()] + names[key] + title[m.end():]
    return title


def normal_case(title: str, text: str, folded: str, span: Span) -> str:
    if not is_caps(title):
        return title[:1].upper() + title[1:]
    found = None
    if all(folded.find(token, span[1]) >= 0 for token in fold(title).split() if token not in {"-", "–", "—"}):
        found = regex.compile(cue_pattern(title)).search(folded, span[1])  # compiled only when it may match
    if found and not is_caps(text[found.start():found.end()]):
        written = squash(text[found.start():found.end()])
        return written[:1].upper() + written[1:]
    words = []
    for word in title.split(" "):
        core = word.strip("()\"“”,.;:")
        keep = any(ch.isdigit() for ch in core) or is_acronym(core) or (
            len(core) >= 2 and core in text[span[1]:] and regex.search(rf"(?<![\p{{L}}]){regex.escape(core)}(?![\p{{L}}])", text[span[1]:]) is not None
            and _used_in_lowercase_context(core, text[span[1]:])
        )
        words.append(word if keep else word.lower())
    lowered = _replace_names(" ".join(words), _proper_names(text[span[1]:]))
    return lowered[:1].upper() + lowered[1:]


def _used_in_lowercase_context(word: str, body: str) -> bool:
    """An acronym (DTI, VSNT): written in capitals inside a line that is not in capitals."""
    for m in regex.finditer(rf"(?<![\p{{L}}]){regex.escape(word)}(?![\p{{L}}])", body):
        line_start = body.rfind("\n", 0, m.start()) + 1
        line_end = body.find("\n", m.end())
        line = body[line_start:line_end if line_end >= 0 else len(body)]
        # the cell it stands in, not the row: `Nơi nhận: | TM. ỦY BAN NHÂN DÂN` holds no lower-case use
        cell = next((line[a:b] for a, b in cells(line) if a <= m.start() - line_start < b), line)
        if not is_caps(cell):
            return True
    return False
