"""The targets' language data from rules/targets/*.yaml, compiled once into patterns."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Iterator, Optional

from ...rules import load_yaml
from ...values.textpat import alternation, case_variants, phrase_tokens, trie


@lru_cache(maxsize=None)
def data(name: str) -> dict:
    return load_yaml(f"targets/{name}.yaml")


def word_alternation(phrases: Iterable[str], not_after: Iterable[str] = ()) -> str:
    r"""`(?<!\w)(?:{alternation(phrases)})`, the same matches, written with the look-behind after each
    first letter (`(?<!\w.)`: the character before that letter is no word character), so that the pattern
    opens on letters and the regex engine skips to them. `not_after`: words that may not stand right
    before the phrase, one space between (`(?<!thực )`), looked for after the first letter as well."""
    behind = r"(?<!\w.)" + "".join(rf"(?<!{re.escape(w)} .)" for w in not_after)
    items = sorted({" ".join(p.lower().split()) for p in phrases if p.strip()}, key=lambda p: (-len(p), p))
    return trie([[path[0] + behind] + path[1:] for path in map(phrase_tokens, items)])


def case_blind_alternation(phrases: Iterable[str], whole_word: bool = False, not_after: Iterable[str] = (),
                           then: str = "", or_char: str = "") -> str:
    r"""For an IGNORECASE pattern: `(?:{alternation(phrases)}){then}`, or `(?<!\w)(?:…){then}` with `whole_word` (and
    `not_after` as in word_alternation), the same matches, written to open on one case-sensitive class of every
    character a phrase's first letter matches in any case (`(?-i:[dDkK])`); the look-behinds and each branch's first
    letter are then looked for behind that character (`(?<!\w.)`, `(?<=d)`). Under IGNORECASE a pattern opening on
    letters gives the stdlib engine nothing to skip to, so it tries every offset; this one it skips to those
    characters. `or_char`, a character no phrase starts with, matches by itself as well (`(?:…){then}|:`), in the
    same class. Its start must not be a group's start."""
    items = sorted({" ".join(p.lower().split()) for p in phrases if p.strip()}, key=lambda p: (-len(p), p))
    firsts = first_letters(items)
    behind = (r"(?<!\w.)" + "".join(rf"(?<!{re.escape(w)} .)" for w in not_after)) if whole_word else ""
    branches = trie([[rf"(?<={path[0]})"] + path[1:] for path in map(phrase_tokens, items)])
    if or_char:
        return rf"(?-i:[{firsts}{re.escape(or_char)}])(?:(?<={re.escape(or_char)})|{behind}(?:{branches}){then})"
    return rf"(?-i:[{firsts}]){behind}(?:{branches}){then}"


def first_letters(phrases: Iterable[str]) -> str:
    """The inside of a character class of every character the phrases' first letters match under IGNORECASE."""
    return "".join(re.escape(c) for c in sorted(case_variants(p.strip()[0] for p in phrases if p.strip())))


def first_words(phrases: Iterable[str]) -> tuple[str, ...]:
    """The lowercased first word of each phrase: a phrase pattern run on lowercased text can match
    only where one of them stands (`any(w in text for w in first_words(…))` is a cheap test)."""
    return tuple(sorted({p.strip().lower().split()[0] for p in phrases if p.strip()}))


def any_first_word(phrases: Iterable[str]) -> re.Pattern:
    """`pattern.search(text)` is `any(w in text for w in first_words(phrases))`, in one scan."""
    return re.compile(alternation(first_words(phrases)))


@lru_cache(maxsize=None)
def any_pattern(key: str, *path: str) -> re.Pattern:
    """Matches one of the phrases of rules/targets/<key>.yaml at <path> anywhere (whole words)."""
    node = data(key)
    for p in path:
        node = node[p]
    return re.compile(rf"({word_alternation(node)})(?!\w)")


@lru_cache(maxsize=None)
def counted_nouns() -> tuple[str, ...]:
    """The genre's counted nouns: the value layer's (rules/units.yaml) and those the targets add."""
    values = load_yaml("units.yaml")
    return tuple(dict.fromkeys(values["counted"] + list(values["misspelled"]) + data("units")["counted"]))


@lru_cache(maxsize=None)
def _unit_regex() -> re.Pattern:
    units = data("units")
    return re.compile(rf"[ \t]*({alternation(units['money'] + list(counted_nouns()))})(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=None)
def _unit_firsts() -> frozenset:
    units = data("units")
    return case_variants({u.strip()[0] for u in units["money"] + units["counted"] if u.strip()})


def unit_at(text: str, pos: int) -> Optional[tuple[str, int]]:
    """The counted noun that starts at `pos` (after spaces), with its end offset."""
    i = pos
    while text[i:i + 1] in (" ", "\t"):
        i += 1
    if i >= len(text) or text[i] not in _unit_firsts():
        return None  # no unit starts with that letter, in any case
    m = _unit_regex().match(text, pos)
    if not m:
        return None
    not_units, heads = _not_units()
    if m.group(1).lower() in heads and not_units.match(text, i):
        return None  # "Giải ngân đến 30/9": a word whose first syllable is a unit
    return load_yaml("units.yaml")["misspelled"].get(m.group(1), m.group(1)), m.end()


@lru_cache(maxsize=None)
def _not_units() -> tuple[re.Pattern, frozenset]:
    words = data("units")["compounds_not_units"]
    return (re.compile(rf"(?:{alternation(words)})(?!\w)", re.IGNORECASE),
            frozenset(w.split()[0].lower() for w in words))


@lru_cache(maxsize=None)
def context_units() -> list[tuple[str, re.Pattern, re.Pattern, re.Pattern]]:
    """(noun, the noun right after a figure, its cue words, a figure counted in it anywhere) of the counted nouns
    with another everyday meaning (rules/targets/units.yaml context_units: "ca" counts cases where the words say so)."""
    return [(unit, re.compile(rf"[ \t]+({re.escape(unit)})(?!\w)", re.IGNORECASE),
             re.compile(rf"{case_blind_alternation(cues, whole_word=True)}(?!\w)", re.IGNORECASE),
             re.compile(rf"\d[ \t]+{re.escape(unit)}(?!\w)", re.IGNORECASE))
            for unit, cues in data("units")["context_units"].items()]


@lru_cache(maxsize=None)
def _known_units() -> frozenset:
    units = data("units")
    return frozenset(u.lower() for u in units["money"] + list(counted_nouns()))


@lru_cache(maxsize=None)
def _scales() -> dict[str, float]:
    return {k.lower(): float(v) for k, v in load_yaml("units.yaml")["scales"].items()}


def unscaled(value: float, unit: Optional[str]) -> tuple[float, Optional[str]]:
    """A unit written with a scale word (a table's `Nghìn lượt`, `Triệu người`): counted things take the
    scale into the value (45 `Nghìn lượt` is 45.000 `lượt`, as `45 nghìn lượt` in prose); money keeps it
    in its unit (`Tỷ đồng`)."""
    if not unit:
        return value, unit
    first, _, rest = unit.strip().partition(" ")
    factor = _scales().get(first.lower())
    rest = rest.strip()
    if factor is None or not rest or any(rest.lower().startswith(m) for m in _money()):
        return value, unit
    return round(value * factor, 6), rest


@lru_cache(maxsize=None)
def _money() -> frozenset:
    """The money units without their scale words (`triệu đô la` → `đô la`)."""
    out = set()
    for u in data("units")["money"]:
        words = u.lower().split()
        while words and words[0] in _scales():
            words = words[1:]
        if words:
            out.add(" ".join(words))
    return frozenset(out)


@lru_cache(maxsize=None)
def _multipliers() -> frozenset:
    return frozenset(u.lower() for u in data("units")["multipliers"])


@lru_cache(maxsize=None)
def _measures() -> frozenset:
    return frozenset(u.lower() for u in data("units")["measures"])


def is_measure(unit: Optional[str]) -> bool:
    """`ha`, `km`, `tấn`: a unit of measure, which names nothing of the indicator."""
    return unit is not None and unit.lower() in _measures()


def is_multiplier(unit: Optional[str]) -> bool:
    """`gấp 2 lần`: the unit makes the figure a multiple (compared as written: the value layer's units are lowercase)."""
    return unit in _multipliers()


def known_unit(unit: Optional[str]) -> bool:
    """The unit is one the unit list names (a counted noun of the genre)."""
    return bool(unit) and unit.lower() in _known_units()


def last_words_start(text: str, n: int) -> int:
    r"""Where a search of `(?:^|\s)(?:phrases)\s*$`, phrases of at most `n` words, may start in `text` and find
    what a search from 0 finds: the whitespace before its last `n` words (0 when it has no more), as a match
    spans a whitespace character or the start, then only the phrase's words and whitespace to the end."""
    parts = text.rsplit(None, n)
    return len(parts[0]) if len(parts) > n else 0


def _reversed_alternation(phrases: Iterable[str]) -> str:
    """`alternation` of the phrases written backwards."""
    items = sorted({" ".join(p.lower().split()) for p in phrases if p.strip()}, key=lambda p: (-len(p), p))
    return trie([phrase_tokens(p)[::-1] for p in items])


class Ending:
    """A quick test for the patterns that end where a string ends, on one of some phrases, then any
    of some trailing words, with spaces, commas and colons between and after them
    (`… (?:phrases)(?:\\s+(?:trailing))*\\s*:?\\s*$`). Such a search tries every start of the string;
    this tries one, on the reversed string. `may_end(s)` is False only when no such pattern can
    match `s` (what comes before the phrase is not checked), so `ending.may_end(s) and
    pattern.search(s)` is `pattern.search(s)`."""

    def __init__(self, phrases: Iterable[str], trailing: Iterable[str] = (), flags: int = 0):
        trail = rf"(?:(?:{_reversed_alternation(trailing)})[\s,:]*)*" if trailing else ""
        self._reversed = re.compile(rf"[\s,:]*{trail}(?:{_reversed_alternation(phrases)})", flags)

    def may_end(self, text: str) -> bool:
        return self._reversed.match(text[::-1]) is not None


class LineOpening:
    r"""The MULTILINE pattern `(?:^|[marks]\s+|\n)body|…` (`(?:^|\n)body` where no marks are given) of some
    `(marks, body)` alternatives: each opens on a line's start, or after a sentence mark and spaces. Its search tries
    the whole pattern at every offset; `search` and `finditer` here give the same matches trying it at the first offset
    only, then searching with the alternatives written to open on one class of the marks and a newline, which the
    engine skips to. Past the first offset a line's start follows a newline, where the `\n` branch of the same
    alternative matches one offset earlier, so the first match never opens there. No body may match an empty string."""

    def __init__(self, alternatives: Iterable[tuple[str, str]], flags: int = 0):
        alternatives = list(alternatives)
        whole, opened = [], []
        for marks, body in alternatives:
            after_mark = rf"[{marks}]\s+|" if marks else ""
            whole.append(rf"(?:^|{after_mark}\n){body}")
            after_mark = rf"|(?<=[{marks}])\s+" if marks else ""
            opened.append(rf"(?:(?<=\n){after_mark}){body}")
        opening = "".join(marks for marks, _ in alternatives)
        self.whole = re.compile("|".join(whole), flags | re.MULTILINE)
        self.rest = re.compile(rf"[{opening}\n](?:{'|'.join(opened)})", flags | re.MULTILINE)

    def search(self, text: str, pos: int, endpos: int) -> Optional[re.Match]:
        return self.whole.match(text, pos, endpos) or self.rest.search(text, pos, endpos)

    def finditer(self, text: str, pos: int, endpos: int) -> Iterator[re.Match]:
        m = self.search(text, pos, endpos)
        while m is not None:
            yield m
            m = self.search(text, m.end(), endpos)


class PhraseScan:
    """`pattern.finditer(text)` for a pattern `(?<!\\w)(?:phrases)(?!\\w)` run on lowercased text, tried only
    where the first word of a phrase stands as a word (found with str.find), not at every offset: the
    same matches, left to right without overlap. Worth it for phrases whose first words are rare."""

    def __init__(self, pattern: re.Pattern, phrases: Iterable[str]):
        self.pattern = pattern
        self.firsts = first_words(phrases)

    def finditer(self, text: str) -> Iterator[re.Match]:
        starts = set()
        n = len(text)
        for w in self.firsts:
            i = text.find(w)
            while i >= 0:
                j = i + len(w)
                if (i == 0 or not _word_char(text[i - 1])) and (j >= n or not _word_char(text[j])):
                    starts.add(i)
                i = text.find(w, i + 1)
        end = -1
        for i in sorted(starts):
            if i >= end:
                m = self.pattern.match(text, i)
                if m is not None:
                    end = m.end()
                    yield m


class WordScan:
    """`re.compile(rf"(?<!\\w)(?:{alternation(phrases)})(?!\\w)").finditer(text)`, the same matches: the
    search runs without the look-behind, so the regex engine skips to the phrases' first letters; a
    match that starts inside a word is dropped and the search goes on from the next offset."""

    def __init__(self, phrases: Iterable[str]):
        self.body = re.compile(rf"(?:{alternation(phrases)})(?!\w)")

    def finditer(self, text: str) -> Iterator[re.Match]:
        search = self.body.search
        m = search(text)
        while m is not None:
            s = m.start()
            if s and _word_char(text[s - 1]):
                m = search(text, s + 1)
            else:
                yield m
                m = search(text, m.end())


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"
