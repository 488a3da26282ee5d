"""Territories (tỉnh, huyện, xã …) an issuer is placed in: read from the issuer block's unit
words, the place line, or the provinces the text names (`UBND tỉnh Đồng Tháp`)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import regex

from .layout import Layout
from .tables import cues, province
from .text import any_cue, cue_pattern, fold, squash


@dataclass(frozen=True)
class Territory:
    unit: str  # tỉnh, thành phố, huyện …
    name: str


def unit_name(written: str) -> str:
    """`TP.` → thành phố; a unit written in full stays as it is."""
    key = squash(written.replace("|", " "))
    for abbr, full in cues()["unit_abbreviations"].items():
        if fold(abbr) == key:
            return full
    return key


def title_word(word: str) -> str:
    return word[:1].upper() + word[1:].lower()


_BREAKS = regex.compile(r"[\s|]+")


def territory_of(name_text: str, unit: str) -> Territory:
    words = [w for w in _BREAKS.split(name_text.strip()) if w]
    found = province(" ".join(words))
    name = found.name if found and unit in {"tỉnh", "thành phố"} else " ".join(title_word(w) for w in words)
    return Territory(unit, name)


def is_provincial(territory: Optional[Territory]) -> bool:
    return territory is not None and territory.unit in {"tỉnh", "thành phố", ""} and province(territory.name) is not None


def place_territory(layout: Layout) -> Optional[Territory]:
    """The province named by the place line (NĐ 30/2020: a provincial body writes its province)."""
    if not layout.place_date:
        return None
    found = province(layout.place_date.place)
    return Territory(found.unit, found.name) if found else None


_PROVINCE_MENTION = regex.compile(r"(?<![\p{L}])(?P<u>tỉnh|thành phố)[ \t]+(?P<n>\p{Lu}\p{Ll}*(?:[ \t]+(?:-[ \t]+)?\p{Lu}\p{Ll}*){0,3})")


def body_territory(text: str) -> Optional[Territory]:
    """The one province the text names as `tỉnh X` / `thành phố X`; none if it names several."""
    found: dict[str, Territory] = {}
    for m in _PROVINCE_MENTION.finditer(text):
        words = m.group("n").split()
        for size in range(len(words), 0, -1):
            hit = province(" ".join(words[:size]))
            if hit:
                found[hit.name] = Territory(hit.unit, hit.name)
                break
    return next(iter(found.values())) if len(found) == 1 else None


def local_territory(layout: Layout) -> Optional[Territory]:
    """The place line's province; without a place line, the body's one province. A place line
    naming a district or commune means a body below the province: no province is given."""
    if layout.place_date:
        return place_territory(layout)
    return body_territory(layout.text)


@lru_cache(maxsize=None)
def _parent_re() -> regex.Pattern:
    c = cues()["provincial_bodies"]
    with_unit = any_cue(c["with_unit"])
    named = any_cue(c["named"])
    departments = any_cue(c["departments"])  # "Sở Giáo dục và Đào tạo tỉnh Hà Tĩnh": a department's own name between
    name = r"(?P<n>\p{L}+(?:[ \t]+(?:-[ \t]+)?\p{L}+){0,3})"
    return regex.compile(rf"(?<![\p{{L}}])(?:{with_unit}[ \t]+(?:tỉnh|thành phố)|{named}"
                         rf"|{departments}[ \t]+[^\n;.()]{{3,60}}?[ \t]+tỉnh)[ \t]+{name}")


def parent_province(text: str, folded: str) -> Optional[str]:
    """The one province whose provincial bodies the text names (`UBND tỉnh Đồng Tháp`,
    `Tỉnh ủy Bình Thuận`): where a body below the province reports; none if several."""
    found = set()
    for m in _parent_re().finditer(folded, overlapped=True):
        words = []
        for word in text[m.start("n"):m.end("n")].split():
            if not (word[:1].isupper() or word == "-"):
                break
            words.append(word)
        for size in range(len(words), 0, -1):
            hit = province(" ".join(words[:size]))
            if hit:
                found.add(hit.name)
                break
        if len(found) > 1:
            return None
    return next(iter(found)) if found else None


@lru_cache(maxsize=None)
def _district_body_re() -> regex.Pattern:
    c = cues()
    units = "|".join(regex.escape(fold(u)) for u in c["district_units"])
    return regex.compile(rf"(?<![\p{{L}}]){any_cue(c['provincial_bodies']['with_unit'])}[ \t]+(?P<u>{units})[ \t]+"
                         rf"(?P<n>\p{{L}}+(?:[ \t]+\p{{L}}+){{0,3}})")


def parent_district(text: str, folded: str, own: Territory) -> Optional[Territory]:
    """The one district-level unit whose bodies the text names (`UBND huyện Cư Kuin`): where a commune
    reports; none if it names several, or a province."""
    found = {}
    for m in _district_body_re().finditer(folded):
        words = []
        for word in text[m.start("n"):m.end("n")].split():
            if not word[:1].isupper():
                break
            words.append(word.strip(",.;:"))
        if not words or province(" ".join(words)) is not None or " ".join(words) == own.name:
            continue
        found[(m.group("u"), " ".join(words))] = Territory(unit_name(m.group("u")), " ".join(words))
        if len(found) > 1:
            return None
    return next(iter(found.values())) if found else None


@lru_cache(maxsize=256)
def _unit_then_province_re(own: str) -> regex.Pattern:
    return regex.compile(rf"(?<![\p{{L}}]){cue_pattern(own)}[\s,]+(?:tỉnh|thành phố)\s+")


def province_after(text: str, folded: str, territory: Territory) -> Optional[str]:
    """The province the text writes right after the issuer's own unit (`huyện Phụng Hiệp, tỉnh Hậu Giang`)."""
    if not territory.unit or not territory.name:
        return None
    for m in _unit_then_province_re(f"{territory.unit} {territory.name}").finditer(folded):
        words = text[m.end():m.end() + 40].split()
        for size in range(min(3, len(words)), 0, -1):
            hit = province(" ".join(w.strip(",.;:") for w in words[:size]))
            if hit:
                return hit.name
    return None
