"""The rules/ tables the metadata finders read: organ abbreviations, provinces,
document kinds, layout cues."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from ...rules import load_tsv, load_yaml
from .firstchar import FirstChar, cue_items, literal_items
from .text import fold


@dataclass(frozen=True)
class Organ:
    abbr: str
    name: str
    scope: str  # national | local | party | sector


@dataclass(frozen=True)
class Province:
    name: str
    unit: str
    era: str
    becomes: str


def cues() -> dict:
    return load_yaml("metadata.yaml")


@lru_cache(maxsize=None)
def organs() -> dict[str, Organ]:
    return {row["abbr"]: Organ(row["abbr"], row["name"], row["scope"]) for row in load_tsv("abbreviations.tsv")}


def organ(abbr: Optional[str]) -> Optional[Organ]:
    if not abbr:
        return None
    table = organs()
    return table.get(abbr) or table.get(abbr.replace(" ", ""))


@lru_cache(maxsize=None)
def organ_names() -> list[str]:
    """Full names of non-sector organs, longest first (for reading an issuer block)."""
    names = {o.name for o in organs().values() if o.scope != "sector"}
    return sorted(names, key=len, reverse=True)


def place_key(name: str) -> str:
    """A province name folded to letters without diacritics: `Hoà Bình` = `Hòa Bình`."""
    decomposed = unicodedata.normalize("NFD", fold(name).replace("đ", "d"))
    return "".join(ch for ch in decomposed if ch.isalnum())


@lru_cache(maxsize=None)
def provinces() -> dict[str, list[Province]]:
    table: dict[str, list[Province]] = {}
    for row in load_tsv("provinces.tsv"):
        province = Province(row["name"], row["unit"], row["era"], row["becomes"])
        table.setdefault(place_key(row["name"]), []).append(province)
    return table


@lru_cache(maxsize=4096)  # the finders ask for the same place names over and over
def province(name: Optional[str]) -> Optional[Province]:
    """The province a place name denotes (old era first: archives are mostly before 2025)."""
    if not name:
        return None
    key = place_key(name.removeprefix("TP.").removeprefix("Tp.").strip())
    for prefix in ("thanhpho", "tinh"):
        if key.startswith(prefix) and key[len(prefix):] in provinces():
            key = key[len(prefix):]
    found = provinces().get(key)
    return found[0] if found else None


@lru_cache(maxsize=None)
def doc_kinds() -> dict:
    """code -> {names, symbols}; cited-only kinds under `_cited_only`."""
    return load_yaml("doc_types.yaml")


@lru_cache(maxsize=None)
def kind_by_symbol() -> dict[str, str]:
    out = {}
    for code, spec in doc_kinds().items():
        if code.startswith("_"):
            continue
        for symbol in spec.get("symbols", []):
            out[symbol] = code
    return out


@lru_cache(maxsize=None)
def cited_symbols() -> set[str]:
    return set(doc_kinds().get("_cited_only", {}))


@lru_cache(maxsize=None)
def kind_by_name() -> dict[str, Optional[str]]:
    """folded kind name -> code (None for kinds only ever cited: nghị định, thông tư …)."""
    out: dict[str, Optional[str]] = {}
    for code, spec in doc_kinds().items():
        if code == "_cited_only":
            for names in spec.values():
                for name in names:
                    out[fold(name)] = None
        elif not code.startswith("_"):
            for name in spec.get("names", []):
                out[fold(name)] = code
    return out


@lru_cache(maxsize=None)
def _organ_start() -> FirstChar:
    words = cue_items(organ_names())
    words += literal_items([fold(a) for a, o in organs().items() if o.scope != "sector"])
    words += cue_items(cues()["organ_heads"])
    return FirstChar([("", sorted(words, key=lambda w: len(w[1]), reverse=True), r"(?![\p{L}])")])


def opens_with_organ(text: str) -> bool:
    """The text starts with a body's name, abbreviation or head word (SỞ, UBND, HUYỆN ỦY)."""
    return bool(_organ_start().match(fold(text)))
