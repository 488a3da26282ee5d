"""The issuing body (cơ quan ban hành): read from the issuer block at the top left, or
from the symbol of the document's number (444/KH-SLĐTBXH → Sở Lao động - Thương binh
và Xã hội), with the province added when the text shows it (the block's second line,
the place line, the body's "tỉnh X")."""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

import regex

from ...models import Issuer
from .firstchar import FirstChar, cue_items, literal_items
from .layout import Layout
from .tables import Organ, cues, opens_with_organ, organ, organ_names, organs, province
from .territory import (Territory, is_provincial, local_territory, parent_district, parent_province, province_after,
                        territory_of, title_word, unit_name)
from .text import cue_pattern, fold, is_acronym, squash

Span = tuple[int, int]


@lru_cache(maxsize=None)
def _organ_at() -> FirstChar:
    """An organ's name or abbreviation, a head before a sector's name, or a head alone."""
    names = cue_items(organ_names()) + literal_items([fold(a) for a, o in organs().items() if o.scope != "sector"])
    heads = cue_items(sorted(cues()["organ_heads"], key=len, reverse=True))
    return FirstChar([("", names, r"(?![\p{L}])"),
                      ("(?P<head>", heads, rf")[\s|]+(?P<sector>{_sectors()})(?![\p{{L}}])"),
                      ("", heads, r"(?=[\s|]|$)")], head=r"(?<![\p{L}])")


@lru_cache(maxsize=None)
def _organ_re() -> regex.Pattern:
    return _organ_at().whole()


@lru_cache(maxsize=None)
def _sectors() -> str:
    sectors = {cue_pattern(o.name) for o in organs().values() if o.scope == "sector"}
    sectors |= {regex.escape(fold(o.abbr)) for o in organs().values() if o.scope == "sector"}  # SỞ LĐTBXH
    return "|".join(sorted(sectors, key=len, reverse=True))


@lru_cache(maxsize=None)
def _headed_sector() -> str:
    """An organ head before a sector's name: PHÒNG LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI."""
    heads = [cue_pattern(h) for h in sorted(cues()["organ_heads"], key=len, reverse=True)]
    return rf"(?P<head>{'|'.join(heads)})[\s|]+(?P<sector>{_sectors()})(?![\p{{L}}])"


@lru_cache(maxsize=None)
def _unit_re() -> regex.Pattern:
    c = cues()
    names = sorted(c["units"] + list(c["unit_abbreviations"]), key=len, reverse=True)
    units = "|".join(cue_pattern(u) + (r"(?![\p{L}])" if not u.endswith(".") else "") for u in names)
    gap = rf"(?:[ \t|]+|[ \t|]*\n[\s|]*(?!{_organ_re().pattern}))"  # a name runs on to the next line unless an organ opens it
    return regex.compile(rf"(?<![\p{{L}}])(?P<u>{units})[\s|]*(?!{fold('ủy')}(?![\p{{L}}]))(?P<n>\p{{L}}+(?:{gap}(?:[-–][\s|]+)?\p{{L}}+){{0,3}})")


@lru_cache(maxsize=None)
def _organs_by_folded_abbr() -> dict[str, Organ]:
    out: dict[str, Organ] = {}
    for abbr, o in organs().items():
        if o.scope != "sector":
            out.setdefault(fold(abbr), o)
    return out


@lru_cache(maxsize=None)
def _organ_name_res() -> dict[str, tuple[tuple[str, regex.Pattern], ...]]:
    """The organ names' patterns by their first letter (folded), in organ_names order."""
    by_first: dict[str, list[tuple[str, regex.Pattern]]] = {}
    for name in organ_names():
        by_first.setdefault(fold(name)[0], []).append((name, regex.compile(rf"{cue_pattern(name)}(?![\p{{L}}])")))
    return {first: tuple(found) for first, found in by_first.items()}


@lru_cache(maxsize=None)
def _headed_sector_re() -> regex.Pattern:
    return regex.compile(_headed_sector())


@lru_cache(maxsize=None)
def _sector_res() -> tuple[tuple[str, regex.Pattern, str], ...]:
    return tuple((o.name, regex.compile(cue_pattern(o.name)), fold(o.abbr)) for o in organs().values() if o.scope == "sector")


def _canonical_organ(segment: str) -> tuple[str, Optional[Organ]]:
    """An organ segment of the block in its table spelling; words after a known name
    (`BAN CHỈ ĐẠO CÁC CHƯƠNG TRÌNH MTQG`) in lower case, abbreviations kept."""
    plain = squash(segment.replace("|", " "))
    folded_segment = fold(plain)
    o = _organs_by_folded_abbr().get(folded_segment)
    if o is not None:
        return o.name, o
    for name, pattern in _organ_name_res().get(folded_segment[:1], ()):
        m = pattern.match(folded_segment)
        if m:
            found = next(o for o in organs().values() if o.name == name)
            rest = plain[m.end():].strip()
            return (name, found) if not rest else (f"{name} {_lower_words(rest)}", None)
    m = _headed_sector_re().match(folded_segment)
    if m:
        sector = next(name for name, pattern, abbr in _sector_res()
                      if pattern.fullmatch(m.group("sector")) or abbr == m.group("sector"))
        rest = plain[m.end():].strip()
        name = f"{title_word(plain[:m.end('head')])} {sector}"
        return (f"{name} {_lower_words(rest)}" if rest else name), None
    return _lower_words(plain)[:1].upper() + _lower_words(plain)[1:], None


def _lower_words(text: str) -> str:
    return " ".join(w if is_acronym(w) or any(ch.isdigit() for ch in w) else w.lower() for w in text.split())


def _party_with_place(segment: str):
    """`TỈNH ỦY HƯNG YÊN`: a party committee's name is followed by its place, without a unit word."""
    folded_segment = fold(squash(segment.replace("|", " ")))
    for o in organs().values():
        head = fold(o.name)
        if o.scope == "party" and folded_segment.startswith(head + " "):
            place = segment.replace("|", " ").split()[len(head.split()):]
            return o.name, o, territory_of(" ".join(place), "")
    name, _ = _canonical_organ(segment)
    return name, None, None


def _abbreviation_for(name: str) -> Optional[str]:
    for abbr, o in organs().items():
        if o.name == name:
            return abbr
    return None


def _with_territory(name: str, scope: Optional[str], territory: Optional[Territory]) -> str:
    """A party committee named by its level (Tỉnh ủy, Huyện ủy) takes the place alone; other
    bodies take unit and place (Ủy ban nhân dân huyện Tuy Phong, Đảng ủy xã Tân Thành)."""
    if territory is None or scope == "national":
        return name
    if scope == "party" and (not territory.unit or fold(name).split()[0] == fold(territory.unit).split()[0]):
        return f"{name} {territory.name}"
    if territory.unit and fold(name).endswith(" " + fold(territory.unit)):
        return f"{name} {territory.name}"  # "CÔNG AN TỈNH" under "UBND TỈNH ĐỒNG NAI": Công an tỉnh Đồng Nai
    return f"{name} {territory.unit} {territory.name}"


def _organs_in(block: str) -> list:
    """The organ names of a folded header block. A name that ends inside a longer one is dropped
    for it: `… CHÂU THÀNH ỦY BAN NHÂN DÂN XÃ …` holds `Ủy ban nhân dân`, not `Thành ủy` + `ban`."""
    found, pos = [], 0
    while (m := _organ_re().search(block, pos)) is not None:
        if _names_unit(block, m.start()):
            pos = m.start() + 1  # "PHƯỜNG TRƯỜNG VINH", "XÃ HỘI AN": a place's name opening on an organ's word
            continue
        longer = next((o for o in (_organ_at().match(block, i) for i in _word_starts(block, m.start() + 1, m.end()))
                       if o is not None and o.end() > m.end() and len(o.group()) > len(m.group())), None)
        if longer is not None:
            pos = longer.start()
            continue
        found.append(m)
        pos = max(m.end(), m.start() + 1)
    return found


def _names_unit(block: str, at: int) -> bool:
    """The words at `at` follow a unit word on their line: they name the unit (`phường trường vinh`)."""
    words = block[max(0, at - 16):at].rsplit("\n", 1)[-1].split()
    return bool(words) and (words[-1] in _unit_words() or " ".join(words[-2:]) in _unit_words())


@lru_cache(maxsize=None)
def _unit_words() -> frozenset:
    return frozenset(fold(u) for u in cues()["units"])


def _word_starts(text: str, lo: int, hi: int) -> list[int]:
    return [i for i in range(lo, hi) if not text[i - 1].isalnum() and text[i].isalnum()]


def _block_territories(original: str, block: str, organs_found: list) -> list[tuple[int, Territory]]:
    """(position, territory) of each unit word of the block outside an organ's name."""
    out = []
    for m in _unit_re().finditer(block):
        if any(o.start() <= m.start() < o.end() for o in organs_found):
            continue  # "xã" of "Thương binh và Xã hội" is part of a name, not a unit
        name_end = min([o.start() for o in organs_found if o.start() > m.start()] + [m.end("n")])
        out.append((m.start(), territory_of(original[m.start("n"):name_end], unit_name(m.group("u")))))
    return out


def from_block(layout: Layout, folded: str) -> Optional[Issuer]:
    """The last organ of the block issues (SỞ Y TẾ under UBND TỈNH HÀ GIANG); its own unit,
    else the nearest unit above it, places it; a provincial unit anywhere in the block, the
    place line or the provincial bodies the text names give its province."""
    pieces = list(layout.issuer_pieces)
    while pieces and not opens_with_organ("\n".join(layout.text[a:b] for a, b in pieces)):
        pieces.pop(0)  # a site's caps banner above the block (TIN TỨC - SỰ KIỆN) is not the issuer
    if not pieces:
        return None
    original = "\n".join(layout.text[a:b] for a, b in pieces)
    block = fold(original)
    organs_found = _organs_in(block)
    if not organs_found or organs_found[0].start() > 2:
        return None
    territories = _block_territories(original, block, organs_found)
    territory = territories[-1][1] if territories else None
    last = organs_found[-1]
    unit_after = next((u for u in _unit_re().finditer(block, last.end())), None)
    segment = original[last.start():unit_after.start() if unit_after else len(block)]
    name, found = _canonical_organ(segment)
    scope = found.scope if found else "local"
    if found is None:
        name, found, own = _party_with_place(segment)
        if found is not None:
            scope, territory = found.scope, own or territory
    if territory is None and scope in {"local", "party"}:
        territory = local_territory(layout)
    full = _with_territory(name, scope, territory)
    if len(organs_found) > 1 and _is_bare_office(segment):  # VĂN PHÒNG under ỦY BAN NHÂN DÂN TỈNH AN GIANG
        above = organs_found[-2]
        unit_above = next((u for u in _unit_re().finditer(block, above.end())), None)
        above_name, above_found = _canonical_organ(original[above.start():unit_above.start() if unit_above else last.start()])
        full = f"{name} {_with_territory(above_name, above_found.scope if above_found else 'local', territory)}"
    district = _district_above(territory, territories) if scope == "local" else None  # "Đảng ủy xã …" is named alone
    if district is None and scope == "local" and territory is not None and territory.unit in cues()["commune_units"]:
        district = parent_district(layout.text, folded, territory)
    if district is not None:
        full = f"{full}, {district.unit} {district.name}"
    province_name = None
    if scope != "national":
        provincial = [t for _, t in territories if is_provincial(t)]
        if is_provincial(territory):
            province_name = province(territory.name).name
        elif provincial:
            province_name = province(provincial[-1].name).name
        elif territory is not None:
            province_name = parent_province(layout.text, folded) or province_after(layout.text, folded, district or territory)
    if province_name and territory is not None and not is_provincial(territory):
        full = _with_province(full, province_name)
    abbr = layout.number.symbol.issuer if layout.number and layout.number.symbol.issuer else _abbreviation_for(name)
    return Issuer(name=full, abbreviation=abbr, province=province_name, span=layout.issuer_block)


def _is_bare_office(segment: str) -> bool:
    """An office named by its head word alone (`VĂN PHÒNG`): the office of the organ above it."""
    return squash(fold(segment).replace("|", " ")) in _office_heads()


@lru_cache(maxsize=None)
def _office_heads() -> frozenset:
    return frozenset(fold(h) for h in cues()["office_heads"])


def _district_above(territory: Optional[Territory], territories: list[tuple[int, Territory]]) -> Optional[Territory]:
    """The district-level unit of the block above a commune-level issuer (UBND HUYỆN … over UBND XÃ …)."""
    communes = set(cues()["commune_units"])
    if territory is None or territory.unit not in communes:
        return None
    above = [t for _, t in territories if t is not territory and t.unit and t.unit not in communes and not is_provincial(t)]
    return above[-1] if above else None


def _with_province(full: str, province_name: str) -> str:
    """A body below the province takes its province when the text shows it (GOLD_FORMAT):
    `Ủy ban nhân dân huyện Krông Pắc, tỉnh Đắk Lắk`."""
    if fold(province_name) in fold(full):
        return full
    found = province(province_name)
    unit = found.unit if found and found.unit else "tỉnh"
    return f"{full}, {unit} {province_name}"


@lru_cache(maxsize=None)
def _sector_body_res(sector_name: str) -> tuple[regex.Pattern, regex.Pattern]:
    """`sở <sector>` and `bộ <sector>` in folded text, the sector by its first two words."""
    head = regex.escape(" ".join(fold(sector_name).split()[:2]))
    return (regex.compile(rf"(?<![\p{{L}}])sở[\s|]+{head}"), regex.compile(rf"(?<![\p{{L}}])bộ[\s|]+{head}"))


def _sector_body(sector: Organ, folded: str, has_province: bool) -> Optional[str]:
    said_so, said_bo = (pattern.search(folded) for pattern in _sector_body_res(sector.name))
    if said_so and has_province:
        return f"Sở {sector.name}"
    if said_bo and not said_so and not has_province:
        return f"Bộ {sector.name}"
    return None


_FINAL_DIGITS = regex.compile(r"\d+$")


def from_symbol(layout: Layout, folded: str) -> Optional[Issuer]:
    if not layout.number or not layout.number.symbol.issuer:
        return None
    code = layout.number.symbol.issuer
    found = organ(code) or organ(_FINAL_DIGITS.sub("", code))
    if not found:
        return None
    territory = local_territory(layout) if found.scope != "national" else None
    if found.scope == "sector":
        name = _sector_body(found, folded, territory is not None)
        if not name:
            return None
        scope = "local"
    else:
        name, scope = found.name, found.scope
    full = _with_territory(name, scope, territory)
    province_name = territory.name if territory and scope != "national" else None
    return Issuer(name=full, abbreviation=code, province=province_name, span=layout.number.span)


def find_issuer(layout: Layout, folded: str) -> Optional[Issuer]:
    return from_block(layout, folded) or from_symbol(layout, folded)
