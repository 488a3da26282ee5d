"""The unit a target is assigned to (rules/targets/responsible.yaml): `Giao chỉ tiêu cho Ban chỉ
đạo 138 các huyện … điều trị … là 240 người`, `Sở Lao động - Thương binh và Xã hội phấn đấu …`."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from .lexicon import case_blind_alternation, data


def _alt(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=lambda w: (-len(w), w)))


@lru_cache(maxsize=None)
def _patterns():
    r = data("responsible")
    places = rf"(?:,\s*(?:{_alt(r['place_kinds'])})(?!\w))*"
    name = rf"(?P<org>(?:{_alt(r['heads'])})(?:\s+(?!(?:{_alt(r['name_stops'])})(?!\w))[^\s,;:.()]+){{0,14}}?{places})"
    before = re.compile(rf"{case_blind_alternation(r['assign_before'])}\s+{name}(?=\s+(?:{_alt(r['name_stops'])})(?!\w)|\s*[,:;]|$)",
                        re.IGNORECASE)
    after = re.compile(rf"(?:^|[,.;:]\s*|\s){name}\s+(?:(?:{_alt(r['adverbs'])})\s+)?(?:{_alt(r['assign_after'])})(?!\w)")
    return before, after


@lru_cache(maxsize=None)
def _needed_words() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """First words of the assigning phrases (`before` ignores case: run on lowercased words), and of the
    names and verbs `after` needs as written: where none is, the pattern cannot match."""
    r = data("responsible")

    def any_of(words) -> re.Pattern:
        return re.compile("|".join(re.escape(w) for w in sorted(words)))
    return (any_of({w.split()[0].lower() for w in r["assign_before"]}), any_of({w.split()[0] for w in r["heads"]}),
            any_of({w.split()[0] for w in r["assign_after"]}))


def responsible_for(sentence_left: str, low: Optional[str] = None) -> Optional[str]:
    """The organisation the words before a figure assign it to, if any (`low`: the words lowercased, when the
    caller has them)."""
    before, after = _patterns()
    assigns, heads, verbs = _needed_words()
    pats = []
    if assigns.search(sentence_left.lower() if low is None else low):
        pats.append(before)
    if heads.search(sentence_left) and verbs.search(sentence_left):
        pats.append(after)
    best = None
    for pat in pats:
        for m in pat.finditer(sentence_left):
            if best is None or m.end() > best[0]:
                best = (m.end(), m.group("org"))
    if best is None:
        return None
    return " ".join(best[1].split()).strip(" ,;:")
