"""Figures in running text: numbers with their unit, money, percentages,
ranges and counts of a total, LexNLP style (one finder, values with spans)."""
from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from typing import Optional

import regex

from ..rules import load_yaml
from .digits import number_runs
from .masks import is_labelled, non_figure_spans
from .spans import SpanSet
from .gates import ByFirst, EndsBefore, Gated, visible
from .scan import Anchored
from .mention import NumberMention, QuantityMention
from .quantity_build import build_quantities
from .numerals import integer_prefix, parse_decimal, parse_digits, parse_ordinal, to_number, vocab
from .textpat import plain

_FLAGS = regex.IGNORECASE
_DIGITS = r"[0-9]+(?:[.,][0-9]+)*"
_SPACE = plain(r"\s+")
_PLAIN_BEFORE = frozenset(" \t\n(")


def _alt(words, escape=True) -> str:
    ws = sorted(words, key=len, reverse=True)
    return "|".join((regex.escape(w).replace(r"\ ", r"\s+") if escape else w) for w in ws)


class _Units:
    def __init__(self, u: dict):
        v = vocab()
        nums = load_yaml("numbers.yaml")
        self.scales = {k: Decimal(x) for k, x in u["scales"].items()}
        words = sorted(v.words - v.decimal_words, key=len, reverse=True)
        word = rf"(?:{'|'.join(regex.escape(w) for w in words if w != 'năm')}|năm(?!\s*[0-9]))(?!\w)"
        tok = rf"(?:{_DIGITS}|{word})"
        dec = rf"(?:\s+(?:{_alt(v.decimal_words)})\s+{tok})?"
        self.currency_after = {}
        self.currency_before = {}
        self.minor = set()
        for code, spec in u["currencies"].items():
            for w in spec.get("after", []):
                self.currency_after.setdefault(w, code)
            for w in spec.get("before", []):
                self.currency_before.setdefault(w, code)
            self.minor.update(spec.get("minor", []))
        self.minor_units = {w: code for code, ws in u["minor_units"].items() for w in ws}
        self.multiplier_before = u["multiplier_before"]
        symbols = _alt(w for w in self.currency_before if w[-1].isalpha())
        lead = rf"(?:(?<=(?<!\w)(?:{symbols}))|(?<=\p{{Ll}}{{3}})|(?<![\w%]))(?<![^\W0-9][-/])(?<![0-9][.,])"
        self.numeral = plain(rf"{lead}{tok}(?:[ \t]+{tok}){{0,23}}{dec}", _FLAGS)  # bounded: no quadratic runs
        self.digit_numeral = plain(rf"{lead}{_DIGITS}")
        ordinal_words = sorted(set(nums["ordinal_words"]) | set(nums["digits"]) | set(nums["ten"]), key=len, reverse=True)
        self.ordinal = plain(
            rf"(?:[lL]ần[ \t]+)?[tT]hứ[ \t]+(?:[0-9]{{1,3}}(?![0-9.,/])|[IVXLC]+(?!\w)|(?:{'|'.join(ordinal_words)})(?!\w))")
        self.weekday_after = plain(r"[ \t]*[,\-–]?[ \t]*(?:[nN]gày|[0-9]{1,2}/[0-9]{1,2})")
        decimal_words = _alt(v.decimal_words)
        self.token = plain(rf"\S+(?:\s+(?:{decimal_words})\s+\S+)?", _FLAGS)
        self.word_after = Gated(plain(
            rf"[ \t]+(?:{'|'.join(regex.escape(w) for w in words)}|{decimal_words})(?!\w)", _FLAGS), words + list(v.decimal_words))
        self.percent = Gated(plain(rf"[ \t]*(?:{_alt(u['percent'])})(?<=%|[^\W0-9](?!\w))"), u["percent"])
        self.of_plan = Gated(plain(rf"[ \t]*(?:{_alt(u['of_plan'])})(?!\w)"), u["of_plan"])
        self.per_year = Gated(plain(rf"[ \t]*(?:{_alt(u['per_year'])})(?!\w)"), u["per_year"])
        self.yield_units = frozenset(u["yield_units"])
        self.per_area = Gated(plain(rf"[ \t]*(?:{_alt(u['per_area'])})(?!\w)"), u["per_area"])
        self.per_unit = Gated(plain(rf"(?:{_alt(u['per_unit'])})(?!\w)"), u["per_unit"])
        self.scale = Gated(plain(
            rf"[ \t]+(?P<s>(?:{_alt(self.scales)})(?:[ \t]+(?:{_alt(self.scales)}))*)(?!\w)", _FLAGS), self.scales)
        self.cur_after = ByFirst(r"[ \t]*(?P<c>", list(self.currency_after), (
            rf")(?!\w)(?![ \t]+(?:{_alt(u['currency_nouns'])})(?!\w))(?:(?:[ \t]+(?:{_alt(u['between_and'])}))?[ \t]+(?P<minor>[0-9]{{1,2}}|{word}(?:[ \t]+{word}){{0,3}})"
            rf"(?:[ \t]+(?:{_alt(self.minor)}))?(?=[\s.,;)]|$))?"), _alt)
        self.cur_before = plain(rf"(?<![\w$])(?P<c>{_alt(self.currency_before)})[ \t]*(?=[0-9])")
        self.currency_before_last = frozenset(w[-1] for w in self.currency_before)
        self.currency_before_longest = max(map(len, self.currency_before))
        self.minor_unit = Gated(plain(rf"[ \t]+(?P<c>{_alt(self.minor_units)})(?!\w)"), self.minor_units)
        self.time_unit = Gated(plain(
            rf"[ \t]*(?:{_alt(u['time_units'])})(?!\w)(?![ \t]+(?:{_alt(u['time_unit_events'])})(?!\w))", _FLAGS), u["time_units"])
        self.spelled = u["misspelled"]
        self.counted = ByFirst(r"[ \t]*(?P<u>", u["counted"] + list(self.spelled), r")(?!\w)", _alt)
        self.multiplier = Gated(plain(rf"[ \t]*(?P<u>{_alt(u['multiplier_unit'])})(?!\w)"), u["multiplier_unit"])
        self.gap_before = plain(rf"(?:{_alt(self.multiplier_before)})[ \t]*$", _FLAGS)
        self.range_sep = Gated(plain(rf"[ \t]*(?:[-–—]|{_alt(u['range_words'])})[ \t]*", _FLAGS),
                               ["-", "–", "—"] + u["range_words"])
        self.between = plain(rf"(?<!\w)(?:{_alt(u['between_words'])})[ \t]+$", _FLAGS)
        self.between_last = frozenset(x for w in u["between_words"] for x in (w[-1].lower(), w[-1].upper()))
        self.and_sep = Gated(plain(rf"[ \t]+(?:{_alt(u['between_and'])})[ \t]+", _FLAGS), u["between_and"])
        self.slash = Gated(plain(rf"[ \t]*/[ \t]*(?P<t>[0-9]+(?:\.[0-9]{{3}})*(?:,[0-9]+)?)(?![0-9/]|[.,][0-9])"), "/")
        self.year = plain(r"(?:19|20)[0-9]{2}")
        self.not_alone = {w.lower() for w in load_yaml("numbers.yaml")["not_alone"]}
        tens = set(nums["ten"]) | set(nums["tens"])
        strong = tens | set(nums["hundred"]) | set(nums["scales"]) | set(nums["decimal_words"][:1]) | {
            w for w, spec in nums["digits"].items() if "after" in spec and set(spec["after"]) <= tens}

        def cased(ws):
            return sorted({x for w in ws for x in (w, w[:1].upper() + w[1:], w.upper())})
        self.word_start = Anchored(regex.compile(r"\b\L<numwords>\b", numwords=cased(words)), words, whole_words=True)
        self.strong_word_start = Anchored(regex.compile(r"\b\L<numwords>\b", numwords=cased(strong)), strong, whole_words=True)
        self.word_run_end = EndsBefore(plain(rf"(?:(?:{word})[ \t]+)+$", _FLAGS), words, 40)


@lru_cache(maxsize=1)
def units() -> _Units:
    return _Units(load_yaml("units.yaml"))


def _numerals(text: str, mask: Optional[SpanSet], labels: bool = False, all_words: bool = False):
    """(start, end, Decimal, word_count) of every numeral, longest valid reading first.
    With `labels`, numbers that name something ("Điều 5", "số 12") are left out.
    In running text a number in words is looked for from the words that only
    numbers use (mười, mươi, trăm, nghìn, triệu, tỷ, lăm, mốt…), which finds every
    number of two words or more; `all_words` also reads a lone "hai", "chín"."""
    u = units()
    words = u.word_start if all_words else u.strong_word_start
    starts = number_runs(text)
    for w in (m.start() for m in words.finditer(text)):
        run = u.word_run_end.search(text, w)
        starts[run.start() if run and (run.start() == 0 or not text[run.start() - 1].isalnum()) else w] = -1
    out = []
    last = -1
    word_firsts, word_after = u.word_after.firsts, u.word_after.pattern.match
    masked = mask.overlaps if mask is not None else None
    for start in sorted(starts):
        if start < last:
            continue
        run_end = starts[start]
        gap = text[run_end:run_end + 1]
        if run_end > 0 and not ((gap == " " or gap == "\t") and visible(text, run_end) in word_firsts
                                and word_after(text, run_end)):
            # digits alone (the common case): no number word after them; the runs do not
            # overlap, so the cheap mask test may come first
            if masked is not None and masked(start, run_end):
                continue
            if start == 0 or text[start - 1] in _PLAIN_BEFORE:  # digit_numeral's look-behinds hold
                digits = text[start:run_end]
                if ".." in digits or ",," in digits or ".," in digits or ",." in digits:
                    continue  # digit_numeral would stop before the run's end
            else:
                m = u.digit_numeral.match(text, start)
                if m is None or m.end() != run_end:
                    continue
                digits = m.group()
            last = run_end
            value = parse_digits(digits)
            if value is None:
                continue
            if labels and is_labelled(text, start, run_end) and not _unit_follows(text, run_end):
                continue
            out.append((start, run_end, value, 0))
            continue
        m = u.numeral.match(text, start)
        if m is None:
            continue
        last = m.end()
        for s, e, value in _readings(text, m.start(), m.end()):
            if mask is not None and mask.overlaps(s, e):
                continue
            if labels and is_labelled(text, s, e) and not _unit_follows(text, e):
                continue
            words = sum(1 for t in text[s:e].split() if not t[0].isdigit())
            out.append((s, e, value, words))
    return out


def _readings(text: str, pos: int, end: int):
    """Split a run of number tokens into the longest numbers it reads as."""
    seg = text[pos:end]
    if " " not in seg and "\t" not in seg:
        value = _word_value(seg) if seg.isalpha() else parse_decimal(seg)
        if value is not None:
            yield pos, end, value
        return
    while pos < end:
        seg = text[pos:end]
        toks = list(units().token.finditer(seg))
        value, k = _longest_reading(seg, toks)
        stop = toks[k - 1].end() if k else 0
        if value is None or _starts_with_multiplier(seg):
            nxt = _SPACE.search(seg)
            if not nxt:
                return
            pos += nxt.end()
            continue
        j = k
        while j > 1 and toks[j - 1].group().lower() in vocab().scales:
            j -= 1
        if j < k:  # trailing scale words stay with the unit ("709,4 tỷ đồng", "2,5 nghìn tỷ đồng")
            shorter = parse_decimal(seg[:toks[j - 1].end()])
            if shorter is not None:
                value, stop = shorter, toks[j - 1].end()
        yield pos, pos + stop, value
        pos += stop
        gap = _SPACE.match(text, pos)
        pos = gap.end() if gap else pos


@lru_cache(maxsize=256)
def _word_value(word: str) -> Optional[Decimal]:
    """parse_decimal of one number word: the same few ("tỷ" of tỷ lệ, "trăm") come again and again."""
    return parse_decimal(word)


def _longest_reading(seg: str, toks) -> tuple[Optional[Decimal], int]:
    """The value of the longest run of leading tokens that reads as one number, and its length."""
    value = parse_decimal(seg[:toks[-1].end()])
    if value is not None:
        return value, len(toks)
    value, k = integer_prefix([t.group() for t in toks])
    if k == 0 and len(toks[0].group().split()) > 1:  # "hai phẩy năm" then more
        value = parse_decimal(toks[0].group())
        k = 1 if value is not None else 0
    elif 0 < k < len(toks) and len(toks[k].group().split()) > 1:  # the integer goes on with a decimal part
        longer = parse_decimal(seg[:toks[k].end()])
        if longer is not None:
            value, k = longer, k + 1
    return (value, k) if k else (None, 0)


def _starts_with_multiplier(piece: str) -> bool:
    v = vocab()
    first = piece.split()[0].lower()
    return first in v.scales or first in v.hundred or first in v.tens or (
        first in v.digits and v.digits[first].get("filler"))


def find_numbers(text: str) -> list[NumberMention]:
    """Every number written in digits or words, and ordinals (ordinal=True),
    except digits that belong to dates, document numbers, times, page counters,
    phone numbers or web addresses. Numbers in words are those of two words or
    more or with a word only numbers use ("mười", "trăm"); a lone "hai" or "năm"
    is left to parse_number / parse_quantity."""
    mask = non_figure_spans(text, with_sections=False)
    u = units()
    ordinals = _ordinals(text)
    taken = SpanSet(o.span for o in ordinals)
    out = list(ordinals)
    for s, e, value, words in _numerals(text, mask):
        if words == 1 and len(text[s:e].split()) == 1 and not _unit_follows(text, e):
            continue
        if not taken.overlaps(s, e):
            out.append(NumberMention(to_number(value), (s, e), text[s:e]))
    return sorted(out, key=lambda m: m.span)


def _ordinals(text: str) -> list[NumberMention]:
    """"thứ hai", "thứ 3", "lần thứ XVII" (not a weekday: "Thứ Hai, ngày …")."""
    u = units()
    out = []
    for m in u.ordinal.finditer(text):
        if u.weekday_after.match(text, m.end()):
            continue
        value = parse_ordinal(m.group())
        if value is not None:
            out.append(NumberMention(value, m.span(), m.group(), ordinal=True))
    return out


def _unit_follows(text: str, e: int) -> bool:
    """A percent sign, a currency, a scale word or a counted noun follows: the number is a figure
    even after a label word ("ngân sách Trung ương 200 tỷ đồng")."""
    u = units()
    return any(p.match(text, e) for p in (u.percent, u.counted, u.cur_after, u.scale))


def parse_quantity(text: str) -> Optional[QuantityMention]:
    """The one figure in a short string (a phrase, a table cell), every number
    word read: "chín pounds", "hai đô la và 23 xen", "dưới bảy ngàn đồng"; None
    when the string holds no figure or more than one."""
    found = build_quantities(text, _numerals(text, non_figure_spans(text), labels=True, all_words=True), units())
    return found[0] if len(found) == 1 else None


def find_quantities(text: str) -> list[QuantityMention]:
    """Figures: percentages (of plan, per year), money (value as written, unit
    with its scale, amount in đồng), counts with their counted noun, ranges,
    counts of a total (16/16), multipliers (gấp 2 lần) and bare numbers. Not:
    dates, periods, years, document numbers, section numbers, labelled
    numbers, durations, ages, times, page counters."""
    return list(_find_quantities(text))


@lru_cache(maxsize=8)
def _find_quantities(text: str) -> tuple[QuantityMention, ...]:
    mask = non_figure_spans(text)
    return tuple(build_quantities(text, _numerals(text, mask, labels=True), units()))
