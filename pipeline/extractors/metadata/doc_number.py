"""Document numbers and symbols (số, ký hiệu): `444/KH-SLĐTBXH`, `38/2012/NQ-HĐND`,
`24/2021/QH15`, `59-KH/TU` (party documents), and the symbol alone when the number
is left blank (`Số: /KH-SLĐTBXH`)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Optional

import regex

from ...values.textpat import plain
from .tables import cited_symbols, kind_by_symbol, organ
from .text import matches_at

_PART = r"\p{Lu}[\p{L}\d&]*"
# State documents: number[/year]/SYMBOL-PART[-PART…]; a symbol with a year may lack a dash (24/2021/QH15).
_STATE = rf"(?P<n>\d{{1,5}}[a-z]?)(?P<y>/(?:19|20)\d\d)?/(?P<sym>{_PART}(?:[-–]{_PART})*)"
# Party documents: number-KIND/ORGAN.
_PARTY = rf"(?P<pn>\d{{1,5}})-(?P<pkind>\p{{Lu}}[\p{{L}}]*)/(?P<porg>{_PART}(?:[-–]{_PART})*)"
NUMBER_RE = regex.compile(rf"(?<![\p{{L}}\d/.,-])(?:{_PARTY}|{_STATE})(?![\p{{L}}\d/])")
# A blank number: only the symbol after the slash ("Số: /KH-UBND", "Số: ……/QĐ-UBND").
BLANK_RE = regex.compile(rf"[ \t.…_]*/(?P<sym>{_PART}(?:[-–]{_PART})*)")
# A blank party number: only KIND/ORGAN after the dash ("Số      -CTr/HU", "Số …-KH/TU").
BLANK_PARTY_RE = regex.compile(rf"[ \t.…_]*-(?P<pkind>\p{{Lu}}[\p{{L}}]*)/(?P<porg>{_PART}(?:[-–]{_PART})*)(?![\p{{L}}\d/])")
_SPLIT_TAIL = regex.compile(r" (\p{Lu}{2,})(?![\p{L}\d])")
_SYMBOL_SEPARATORS = regex.compile(r"[-–/]")
_DASHES = plain(r"[-–]")
_GAP_AFTER_LABEL = regex.compile(r"[ \t|*]*(?:\n[ \t|*]*)?")
_INNER_SPACE = regex.compile(r"[ \t]")
_BARE_SYMBOL = regex.compile(r"\p{Lu}[\p{Lu}Đ&]{2,}")


@dataclass(frozen=True)
class Symbol:
    kind: Optional[str]  # document code from rules/doc_types.yaml (KH, QĐ …), None if none
    kind_symbol: Optional[str]  # the kind part as written (KH, NĐ, TT …)
    issuer: Optional[str]  # the issuing body's abbreviation (UBND, SLĐTBXH, TU, TTg)


@dataclass(frozen=True)
class NumberMatch:
    number: Optional[str]  # as written, spaces removed; None for a blank number
    symbol: Symbol
    span: tuple[int, int]


def _join_split_symbol(text: str, end: int, symbol: str) -> tuple[str, int]:
    """`03/TB-LĐT BXH`: a space inside the last part is a typing slip when the joined
    part is a known abbreviation and the part before the space is not."""
    m = _SPLIT_TAIL.match(text, end)
    if not m:
        return symbol, end
    last = _SYMBOL_SEPARATORS.split(symbol)[-1]
    if organ(last + m.group(1)) and not organ(last):
        return symbol + m.group(1), m.end()
    return symbol, end


def parse_symbol(symbol: str, party_kind: Optional[str] = None) -> Symbol:
    if party_kind is not None:
        return Symbol(kind_by_symbol().get(party_kind), party_kind, symbol)
    parts = [p for p in _DASHES.split(symbol) if p]
    first = parts[0] if parts else ""
    if first in kind_by_symbol() or first in cited_symbols():
        issuer = parts[1] if len(parts) > 1 else None
        return Symbol(kind_by_symbol().get(first), first, issuer)
    return Symbol(None, None, first or None)


def _number_starts(text: str, start: int, end: int) -> list[int]:
    """Where a number may start: every number holds a `/` before its symbol's first letter,
    with no white space from its first digit on; the digits before such a `/` are tried."""
    starts: list[int] = []
    floor = start
    slash = text.find("/", start, end)
    while slash >= 0:
        after = text[slash + 1:slash + 2]
        if after and not after.isspace() and not after.isdecimal():
            first = slash
            while first > floor and not text[first - 1].isspace():
                first -= 1
            starts.extend(i for i in range(first, slash) if text[i].isdecimal())
            floor = slash + 1
        slash = text.find("/", slash + 1, end)
    return starts


def find_numbers(text: str, start: int = 0, end: Optional[int] = None, bare: bool = False) -> Iterator[NumberMatch]:
    """Document numbers; with `bare`, also those of a symbol alone (`118/UBATGTQG`, a công văn's), which
    are numbers only where the caller finds a kind named before them."""
    end = len(text) if end is None else end
    for m in matches_at(NUMBER_RE, text, _number_starts(text, start, end), end):
        if m.group("pn"):
            symbol = parse_symbol(m.group("porg"), m.group("pkind"))
            yield NumberMatch(m.group(0), symbol, m.span())
            continue
        if not m.group("y") and "-" not in m.group("sym") and "–" not in m.group("sym"):
            if bare and _BARE_SYMBOL.fullmatch(m.group("sym")):
                yield NumberMatch(m.group(0), parse_symbol(m.group("sym")), m.span())
            continue  # 31/34, 9.550/ 28.000 never get here; `15/UBND` alone is too loose
        sym, stop = _join_split_symbol(text, m.end(), m.group("sym"))
        number = text[m.start():m.end("sym")] + sym[len(m.group("sym")):]
        yield NumberMatch(number.replace(" ", ""), parse_symbol(sym), (m.start(), stop))


_CAPS = r"\p{Lu}{2}[\p{L}\d&]*"  # a symbol part after a spaced dash: UBND, TTg (never a place: Hà Nội)
# After the `Số:` label a typist's space around the slash or a dash is still the number:
# `320 /KH-SLĐTBXH`, `125/QĐ - UBND`.
_SPACED_RE = regex.compile(rf"(?P<n>\d{{1,5}}[a-z]?)(?:[ \t]?/[ \t]?(?:19|20)\d\d)?[ \t]?/[ \t]?(?P<sym>{_PART}(?:[-–]{_PART}|[ \t]?[-–][ \t]?{_CAPS})+)(?![\p{{L}}\d/])")

# ... and a party number's: `215 -CTr/TĐTN-PTN`, `12- KH/TU`.
_SPACED_PARTY_RE = regex.compile(rf"(?P<pn>\d{{1,5}})(?:[ \t][-–][ \t]?|[-–][ \t])(?P<pkind>\p{{Lu}}[\p{{L}}]*)[ \t]?/[ \t]?"
                                 rf"(?P<porg>{_PART}(?:[-–]{_PART})*)(?![\p{{L}}\d/])")


def number_after_label(text: str, pos: int) -> Optional[NumberMatch]:
    """The number or blank symbol right after a `Số:` label ending at `pos`."""
    gap = _GAP_AFTER_LABEL.match(text, pos)
    at = gap.end()
    found = None
    m = NUMBER_RE.match(text, at)
    if m:
        found = next(find_numbers(text, at, min(len(text), m.end() + 20)), None)
        found = found if found and found.span[0] == at else None
    spaced = _SPACED_RE.match(text, at)
    if spaced and (found is None or spaced.end() > found.span[1]):
        symbol = _INNER_SPACE.sub("", spaced.group("sym"))
        return NumberMatch(_INNER_SPACE.sub("", spaced.group(0)), parse_symbol(symbol), spaced.span())
    if found:
        return found
    party = _SPACED_PARTY_RE.match(text, at)
    if party and party.group("pkind") in kind_by_symbol():
        symbol = parse_symbol(party.group("porg"), party.group("pkind"))
        return NumberMatch(_INNER_SPACE.sub("", party.group(0)), symbol, party.span())
    blank = BLANK_RE.match(text, at)
    if blank:
        sym, stop = _join_split_symbol(text, blank.end(), blank.group("sym"))
        return NumberMatch(None, parse_symbol(sym), (at, stop))
    party = BLANK_PARTY_RE.match(text, at)
    if party and party.group("pkind") in kind_by_symbol():
        return NumberMatch(None, parse_symbol(party.group("porg"), party.group("pkind")), (at, party.end()))
    return None
