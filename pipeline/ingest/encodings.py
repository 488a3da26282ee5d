"""Decode a text file's bytes: Unicode encodings, Windows-1258, and the legacy Vietnamese
font encodings TCVN3 (ABC) and VNI, whose tables are data in rules/encodings/.

Valid UTF-8 is always taken as UTF-8, except when it plainly holds TCVN3/VNI text that was
pasted through a Latin-1 font (no Vietnamese letter at all, many legacy signature bytes).
"""
from __future__ import annotations

import codecs
import unicodedata
from functools import lru_cache

import regex

from ..errors import ExtractionError
from ..rules import load_tsv

_WORD = regex.compile(r"[^\W\d_]+")
_VIET_LETTERS = set("aăâbcdđeêghiklmnoôơpqrstuưvxyfjwz")
_TONES = set("\u0300\u0301\u0303\u0309\u0323")


@lru_cache(maxsize=None)
def tcvn3_table() -> dict[int, str]:
    return {int(row["byte"], 16): row["char"] for row in load_tsv("encodings/tcvn3.tsv")}


@lru_cache(maxsize=None)
def vni_table() -> dict[bytes, str]:
    return {bytes(int(h, 16) for h in row["bytes"].split()): row["char"] for row in load_tsv("encodings/vni.tsv")}


def decode_tcvn3(data: bytes) -> str:
    table = tcvn3_table()
    chars = [table.get(b) or bytes([b]).decode("cp1252", errors="replace") for b in data]
    return _restore_capitals("".join(chars))


def decode_vni(data: bytes) -> str:
    table = vni_table()
    out: list[str] = []
    i, n = 0, len(data)
    while i < n:
        pair = data[i : i + 2]
        if len(pair) == 2 and pair in table:
            out.append(table[pair])
            i += 2
            continue
        single = data[i : i + 1]
        out.append(table.get(single) or single.decode("cp1252", errors="replace"))
        i += 1
    return "".join(out)


def encode_tcvn3(text: str) -> bytes:
    """Unicode to TCVN3 (used by tests and fixtures; capitals lose their case like the real fonts)."""
    reverse = {ch: b for b, ch in tcvn3_table().items()}
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        code = reverse.get(ch, reverse.get(ch.lower()))
        out.extend(bytes([code]) if code is not None else ch.encode("cp1252"))
    return bytes(out)


def encode_vni(text: str) -> bytes:
    reverse = {ch: b for b, ch in vni_table().items()}
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        out.extend(reverse[ch] if ch in reverse else ch.encode("cp1252"))
    return bytes(out)


_TOKEN = regex.compile(r"\S+")
_SENTENCE_START = regex.compile(r"(?:\A|[.!?;:]\s*\n|\n\s*\n|[.!?]\s+)[\s\-+•\"“(]*(\p{Ll})")
_EDGE_PUNCT = ",.;:()\"“”'!?"


def _caps_like(token: str) -> bool:
    """A word whose ASCII letters are capitals (its converted letters may still be lowercase)."""
    word = token.strip(_EDGE_PUNCT)
    letters = [c for c in word if c.isascii() and c.isalpha()]
    return word.isalpha() and len(word) >= 2 and bool(letters) and all(c.isupper() for c in letters)


def _restore_capitals(text: str) -> str:
    """TCVN3 capitals with tones come out lowercase (the capital font draws the same codes):
    uppercase them in lines and words written in capitals, and at the start of a sentence."""
    lines = []
    for line in text.split("\n"):
        words = [t.strip(_EDGE_PUNCT) for t in line.split()]
        letters = [c for w in words if w.isalpha() for c in w if c.isascii() and c.isalpha()]
        if len(letters) >= 6 and sum(c.isupper() for c in letters) >= 0.9 * len(letters):
            line = line.upper()
        lines.append(line)
    text = "\n".join(lines)
    tokens = list(_TOKEN.finditer(text))
    chars = list(text)
    for i, match in enumerate(tokens):
        word = match.group(0)
        if not any(c.islower() and not c.isascii() for c in word):
            continue
        letters = [c for c in word if c.isascii() and c.isalpha()]
        capital = len(letters) >= 2 and all(c.isupper() for c in letters)
        if not capital and all(c.isupper() for c in letters):
            neighbours = [tokens[j].group(0) for j in (i - 1, i + 1)
                          if 0 <= j < len(tokens) and "\n" not in text[min(tokens[j].end(), match.end()) : max(tokens[j].start(), match.start())]]
            words = [n for n in neighbours if n.strip(_EDGE_PUNCT).isalpha()]
            capital = bool(words) and all(_caps_like(n) for n in words)
        if capital:
            chars[match.start() : match.end()] = list(word.upper())
    text = "".join(chars)
    return _SENTENCE_START.sub(lambda m: m.group(0)[:-1] + m.group(1).upper() if not m.group(1).isascii() else m.group(0), text)


def vietnamese_score(text: str) -> float:
    """Share of the words holding a non-ASCII letter that are well-formed Vietnamese syllables."""
    words = [w for w in _WORD.findall(text) if not w.isascii()]
    if not words:
        return 0.0
    good = 0
    for word in words:
        decomposed = unicodedata.normalize("NFD", word.lower())
        tones = sum(1 for c in decomposed if c in _TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
        if tones <= 1 and all(c in _VIET_LETTERS for c in base) and len(word) <= 8:
            good += 1
    return good / len(words)


def _latin1_legacy(text: str) -> bytes | None:
    """The bytes behind text shown through a Western font (None when it holds characters no
    Western code page has, as real Vietnamese text does: ạ, ế, ư, đ...)."""
    try:
        return text.encode("cp1252")
    except UnicodeEncodeError:
        try:
            return text.encode("latin-1")
        except UnicodeEncodeError:
            return None


def _best_legacy(data: bytes) -> tuple[str, str, float]:
    candidates = []
    for name, decoder in (("tcvn3", decode_tcvn3), ("vni", decode_vni), ("windows-1258", _cp1258)):
        text = unicodedata.normalize("NFC", decoder(data))
        candidates.append((vietnamese_score(text), name, text))
    score, name, text = max(candidates, key=lambda c: c[0])
    return name, text, score


def _cp1258(data: bytes) -> str:
    return data.decode("cp1258", errors="replace")


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.3 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.3 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Returns (text, encoding name)."""
    for bom, name, codec in (
        (codecs.BOM_UTF32_LE, "utf-32", "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32", "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig", "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16", "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(codec), name
            except UnicodeDecodeError as exc:
                raise ExtractionError("decode_error", f"bad {name} text: {exc}") from exc
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:4096]:
        raise ExtractionError("binary_file", "the file holds binary data, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        name, text, score = _best_legacy(data)
        if score < 0.5:
            raise ExtractionError("decode_error", "neither UTF-8 nor a Vietnamese legacy encoding (TCVN3, VNI, Windows-1258)")
        return text, name
    legacy = legacy_font_encoding(text)
    if legacy:
        return convert_legacy_font_text(text, legacy), f"{legacy} (via utf-8)"
    return text, "utf-8"


def legacy_font_encoding(text: str) -> str | None:
    """'tcvn3' or 'vni' when Unicode text is really TCVN3/VNI bytes read through a Latin font
    (DOCX and PDF files typed with .VnTime or VNI-Times fonts), else None."""
    if text.isascii():
        return None
    sample = text[:200_000]
    legacy = _latin1_legacy(sample)
    if legacy is None:
        return None
    name, _, score = _best_legacy(legacy)
    if name in ("tcvn3", "vni") and score >= 0.8 and score > vietnamese_score(sample) + 0.2:
        return name
    return None


def convert_legacy_font_text(text: str, name: str) -> str:
    try:
        data = text.encode("cp1252")
    except UnicodeEncodeError:
        data = text.encode("latin-1", errors="replace")
    return unicodedata.normalize("NFC", decode_tcvn3(data) if name == "tcvn3" else decode_vni(data))
