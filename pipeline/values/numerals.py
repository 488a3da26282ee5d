"""Reading one number: digits (Vietnamese or unambiguous English separators),
number words ("hai mươi lăm", "một trăm linh một"), both mixed ("5 triệu"),
Roman numerals and ordinals. Values are computed with Decimal (no float noise)."""
from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from typing import Optional, Union

from ..rules import load_yaml
from .textpat import plain

Number = Union[int, float]

_LEADING_SEP = r"[.,]\d+"
_VN_THOUSANDS = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?"
_VN_DECIMAL = r"\d+,\d+"
# English thousands where a Vietnamese decimal is impossible: two commas, a comma then a
# decimal point, or ",000" (a decimal is not written with three trailing zeros).
_EN_THOUSANDS = r"\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?|\d{1,3}(?:,\d{3})+\.\d+|[1-9]\d{0,2},000"
_POINT_DECIMAL = r"\d+\.(?:\d{1,2}|\d{4,})|\d{4,}\.\d{3}"
_FORMS = (_LEADING_SEP, _VN_THOUSANDS, _EN_THOUSANDS, _VN_DECIMAL, _POINT_DECIMAL)
_INT = plain(r"\d+")
# the forms of a digit string, and the same for ASCII strings (where \d is [0-9]: the stdlib engine reads them)
_DIGIT_FORMS = tuple(plain(f) for f in _FORMS)
_ASCII_DIGIT_FORMS = tuple(plain(f, ascii_digits=True) for f in _FORMS)
_ROMAN = plain(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_SIGNED_SUFFIXED = plain(r"(?P<sign>[-−]\s*)?(?P<num>\d*[.,]?\d+(?:[.,]\d+)*)(?P<suffix>[A-Za-z])?")


def to_number(value: Decimal) -> Number:
    """int when integral, else the float of the exact decimal string (2,2 → 2.2)."""
    if value == value.to_integral_value():
        return int(value)
    return float(format(value.normalize(), "f"))


def parse_digits(text: str) -> Optional[Decimal]:
    """A digit string in Vietnamese convention (50.000, 2,2, 1.199.858, 709,4),
    English where unambiguous (1,200,000 or 1,234.5), or a decimal point before
    one, two or four and more digits (98.75)."""
    ascii = text.isascii()
    if (ascii and text.isdigit()) or (not ascii and _INT.fullmatch(text)):
        return Decimal(text)
    leading_sep, vn_thousands, en_thousands, vn_decimal, point_decimal = _ASCII_DIGIT_FORMS if ascii else _DIGIT_FORMS
    if leading_sep.fullmatch(text):
        return Decimal("0." + text[1:])
    if vn_thousands.fullmatch(text):
        return Decimal(text.replace(".", "").replace(",", "."))
    if en_thousands.fullmatch(text):
        return Decimal(text.replace(",", ""))
    if vn_decimal.fullmatch(text):
        return Decimal(text.replace(",", "."))
    if point_decimal.fullmatch(text):
        return Decimal(text)
    return None


def parse_roman(text: str) -> Optional[int]:
    if not text or not _ROMAN.fullmatch(text):
        return None
    total = 0
    for i, ch in enumerate(text):
        v = _ROMAN_VALUES[ch]
        total += -v if i + 1 < len(text) and _ROMAN_VALUES[text[i + 1]] > v else v
    return total


class _Vocab:
    def __init__(self, data: dict):
        self.digits = {w.lower(): spec for w, spec in data["digits"].items()}
        self.ten = set(data["ten"])
        self.tens = set(data["tens"])
        self.hundred = set(data["hundred"])
        self.scales = {w: Decimal(v) for w, v in data["scales"].items()}
        self.decimal_words = set(data["decimal_words"])
        self.negative_words = set(data["negative_words"])
        self.suffixes = {k: Decimal(v) for k, v in data["digit_suffixes"].items()}
        self.ordinal_prefix = set(data["ordinal_prefix"])
        self.ordinal_words = dict(data["ordinal_words"])
        self.words = (set(self.digits) | self.ten | self.tens | self.hundred | set(self.scales)
                      | self.decimal_words)


@lru_cache(maxsize=1)
def vocab() -> _Vocab:
    return _Vocab(load_yaml("numbers.yaml"))


def _digit_allowed(spec: dict, last: Optional[str]) -> bool:
    if "after" in spec and last not in spec["after"]:
        return False
    if "not_after" in spec and last in spec["not_after"]:
        return False
    return True


def _parse_integer(tokens: list[str]) -> Optional[Decimal]:
    """Integer part written in words (and digit groups before scale words)."""
    value, count = integer_prefix(tokens)
    return value if count == len(tokens) else None


def _value(total, hundreds, tens, units, pending, last, v) -> Decimal:
    if pending is not None and last in v.digits and hundreds is not None and tens is None:
        pending = pending * 10  # colloquial "một trăm hai" = 120
    return total + sum(x for x in (hundreds, tens, units, pending) if x is not None)


def integer_prefix(tokens: list[str]) -> tuple[Optional[Decimal], int]:
    """The longest prefix of the tokens that reads as an integer: (value, token count)."""
    v = vocab()
    best: tuple[Optional[Decimal], int] = (None, 0)
    total = Decimal(0)
    last_scale: Optional[Decimal] = None
    hundreds = tens = units = pending = None
    last: Optional[str] = None  # previous token (word) or a marker
    for count, tok in enumerate(tokens, 1):
        word = tok.lower()
        if word in v.digits:
            spec = v.digits[word]
            if not _digit_allowed(spec, last):
                break
            if spec.get("filler"):
                if hundreds is None and last_scale is None:
                    break
                if tens is not None or units is not None or pending is not None:
                    break
                last = word
                continue
            d = Decimal(spec["value"])
            if last in v.tens or last in v.ten or (last in v.digits and v.digits[last].get("filler")):
                if units is not None:
                    break
                units = d
            elif pending is None and tens is None and units is None and (last is None or last in v.hundred or last in v.scales):
                pending = d
            else:
                break
        elif _INT.fullmatch(tok) or parse_digits(tok) is not None:
            if last is not None and last not in v.scales or hundreds is not None:
                break
            pending = parse_digits(tok)
            word = "#"
        elif word in v.ten:
            if tens is not None or units is not None or pending is not None:
                break
            tens = Decimal(10)
        elif word in v.tens:
            if pending is None:
                if word == "mươi" or tens is not None or units is not None:
                    break
                pending = Decimal(1)
            if tens is not None or units is not None:
                break
            tens, pending = pending * 10, None
        elif word in v.hundred:
            if hundreds is not None or tens is not None or units is not None:
                break
            hundreds, pending = (Decimal(1) if pending is None else pending) * 100, None
        elif word in v.scales:
            scale = v.scales[word]
            group = sum(x for x in (hundreds, tens, units, pending) if x is not None)
            if hundreds is None and tens is None and units is None and pending is None:
                group = Decimal(1)
            if last_scale is not None and scale > last_scale:
                total = (total + group) * scale
            else:
                total += group * scale
            last_scale = scale
            hundreds = tens = units = pending = None
        else:
            break
        last = word
        best = (_value(total, hundreds, tens, units, pending, last, v), count)
    return best


def parse_words(text: str) -> Optional[Decimal]:
    """Number words, possibly mixed with digit groups: "hai mươi lăm", "5 triệu",
    "một nghìn phẩy mười một", "âm 1.200.000"."""
    v = vocab()
    tokens = text.split()
    if not tokens:
        return None
    negative = tokens[0].lower() in v.negative_words
    if negative:
        tokens = tokens[1:]
    marks = [i for i, t in enumerate(tokens) if t.lower() in v.decimal_words]
    if len(marks) > 1:
        return None
    fraction = ""
    if marks:
        i = marks[0]
        head, tail = tokens[:i], tokens[i + 1:]
        if not head or not tail:
            return None
        if len(tail) == 1 and _INT.fullmatch(tail[0]):
            fraction = tail[0]
        elif all(t.lower() in v.digits and not v.digits[t.lower()].get("after") for t in tail) and len(tail) > 1:
            fraction = "".join(str(v.digits[t.lower()]["value"]) for t in tail)
        else:
            frac = _parse_integer(tail)
            if frac is None:
                return None
            fraction = str(int(frac))
        tokens = head
    whole = _parse_integer(tokens)
    if whole is None:
        return None
    value = Decimal(f"{whole}.{fraction}") if fraction else whole
    return -value if negative else value


def parse_decimal(text: str) -> Optional[Decimal]:
    """parse_number without the final conversion."""
    text = " ".join(text.split())
    if not text:
        return None
    m = _SIGNED_SUFFIXED.fullmatch(text)
    if m:
        value = parse_digits(m["num"])
        suffix = m["suffix"]
        if value is None or (suffix and suffix not in vocab().suffixes):
            return None
        if suffix:
            value *= vocab().suffixes[suffix]
        return -value if m["sign"] else value
    return parse_words(text)


def parse_number(text: str) -> Optional[Number]:
    """The whole string read as one number, or None:
    "một trăm linh một" → 101, "2,2" → 2.2, "5 triệu" → 5000000, "50.000" → 50000."""
    value = parse_decimal(text)
    return None if value is None else to_number(value)


def parse_ordinal(text: str) -> Optional[int]:
    """"thứ nhất", "thứ 2", "thứ tư", "lần thứ XVII", "đầu tiên" → 1, 2, 4, 17, 1."""
    v = vocab()
    words = text.split()
    low = [w.lower() for w in words]
    joined = " ".join(low)
    if joined in v.ordinal_words:
        return v.ordinal_words[joined]
    for i, w in enumerate(low):
        if w in v.ordinal_prefix and i + 1 < len(words):
            rest = words[i + 1:]
            rest_low = " ".join(low[i + 1:])
            if rest_low in v.ordinal_words:
                return v.ordinal_words[rest_low]
            if len(rest) == 1 and parse_roman(rest[0]) is not None:
                return parse_roman(rest[0])
            value = parse_decimal(" ".join(rest))
            if value is not None and value == value.to_integral_value() and value > 0:
                return int(value)
            return None
    return None
