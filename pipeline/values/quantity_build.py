"""Assemble figures from the numerals found in a text: the unit after a number,
ranges, counts of a total, currency before or after."""
from __future__ import annotations

from decimal import Decimal
from typing import Optional

from .mention import QuantityMention
from .numerals import parse_decimal, to_number
from .gates import visible


def _n(value: Optional[Decimal]):
    return None if value is None else to_number(value)


def build_quantities(text: str, numerals, u) -> list[QuantityMention]:
    by_start = {n[0]: n for n in numerals}
    out: list[QuantityMention] = []
    consumed_to = -1
    for s, e, value, words in numerals:
        if s < consumed_to or text[s:e].lower() in u.not_alone:
            continue
        q = _build_one(text, s, e, value, words, by_start, u)
        if q is not None:
            out.append(q)
            consumed_to = q.span[1]
    return out


def _currency_before(text: str, s: int, u):
    """The match of u.cur_before that ends at the number starting at `s` ("$10", "USD 1,23")."""
    if not text[s:s + 1].isdigit():
        return None
    j = s
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    if j == 0 or text[j - 1] not in u.currency_before_last:
        return None
    for k in range(max(0, j - u.currency_before_longest), j):
        m = u.cur_before.match(text, k)
        if m is not None and m.end() == s:
            return m
    return None


def _between_before(text: str, start: int, u):
    """"giữa" before a range's first number ("giữa 1000 và 2000")."""
    j = start
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    if j == start or j == 0 or text[j - 1] not in u.between_last:
        return None
    return u.between.search(text, max(0, start - 10), start)


def _next_numeral(text, pos, by_start, u):
    """A numeral starting at `pos`, possibly after a currency symbol (VND1000-VND2000)."""
    if pos in by_start:
        return by_start[pos], None
    m = u.cur_before.match(text, pos)
    if m and m.end() in by_start:
        return by_start[m.end()], m
    return None, None


def _build_one(text, s, e, value, words, by_start, u) -> Optional[QuantityMention]:
    start = s
    currency = None
    cur_unit = None
    pre = _currency_before(text, s, u)
    if pre is not None:
        currency, cur_unit, start = u.currency_before[pre["c"]], pre["c"], pre.start()
    if e < len(text) and text[e] in "kK" and (e + 1 == len(text) or not text[e + 1].isalnum()):
        value, e = value * 1000, e + 1
    first = visible(text, e)
    if pre is None and not _may_follow(first):
        return _bare(text, s, e, value, words, u)

    def unit(pattern, pos):
        return pattern.at(text, pos, first) if pos == e else pattern.match(text, pos)

    pos = e
    value_max = None
    # a unit may be written after the first end of a range too ("1000 đồng đến 2000 đồng")
    first_cur = unit(u.cur_after, pos) if currency is None else None
    first_pct = unit(u.percent, pos)
    after_first = first_cur.end() if first_cur and not first_cur["minor"] else (first_pct.end() if first_pct else pos)
    sep = unit(u.range_sep, after_first)
    between = _between_before(text, start, u)
    if between:
        sep = unit(u.and_sep, after_first) or sep
    if sep:
        nxt, nxt_cur = _next_numeral(text, sep.end(), by_start, u)
        if nxt is not None and nxt[2] >= value:
            value_max, pos = nxt[2], nxt[1]
            if between:
                start = between.start()
    if value_max is None:
        pos = e
    # percent
    m = first_pct if pos == e else unit(u.percent, pos)
    if m:
        end = m.end()
        per_year = u.per_year.match(text, end)
        end = per_year.end() if per_year else end
        of_plan = u.of_plan.match(text, end)
        end = of_plan.end() if of_plan else end
        return QuantityMention(_n(value), (start, end), text[start:end], "percent", "%", _n(value_max),
                               of_plan=bool(of_plan), per_year=bool(per_year))
    if currency is not None:
        end = pos
        return QuantityMention(_n(value), (start, end), text[start:end], "money", cur_unit, _n(value_max),
                               currency=currency, amount_dong=_n(value) if currency == "VND" else None)
    scale = unit(u.scale, pos)
    mult = _scale_factor(scale, u)
    if scale:
        pos = scale.end()
    m = first_cur if pos == e and currency is None else unit(u.cur_after, pos)
    if m:
        code = u.currency_after[m["c"]]
        end, v = m.end(), value
        cents = parse_decimal(m["minor"]) if m["minor"] and code != "VND" and not scale else None
        if cents is not None and not text[m.end("minor"):m.end()].strip() and _word_follows(text, m.end()):
            cents = None  # "742,6 triệu USD và 96 lượt dự án", "5 USD và 20 hộ": a count of its own
        if cents is not None and cents < 100 and cents == cents.to_integral_value():
            v = value + cents / 100  # "2 đô la và 23 xen"
        elif m["minor"]:
            end = m.end("c")  # what follows is not a minor amount
        unit = (scale["s"] + " " + m["c"]) if scale else m["c"]
        amount = v * mult if code == "VND" else None
        return QuantityMention(_n(v), (start, end), text[start:end], "money", unit, _n(value_max),
                               currency=code, amount_dong=_n(amount))
    m = unit(u.minor_unit, pos)
    if m and not scale:
        return QuantityMention(_n(value), (start, m.end()), text[start:m.end()], "money", m["c"], _n(value_max),
                               currency=u.minor_units[m["c"]])
    time = unit(u.time_unit, pos)
    if time:
        longer = unit(u.counted, pos)
        if not (longer and longer.end() > time.end()):  # "98 nghìn ngày công" counts work, not time
            return None
    value_s = value * mult
    max_s = value_max * mult if value_max is not None else None
    m = unit(u.multiplier, pos)
    if m:
        end = m.end()
        if u.gap_before.search(text, max(0, start - 12), start):  # "gấp 2 lần", "tăng 1,5 lần"
            return QuantityMention(_n(value_s), (start, end), text[start:end], "ratio", m["u"], _n(max_s),
                                   multiplier=_n(value_s))
        return QuantityMention(_n(value_s), (start, end), text[start:end], "count", m["u"], _n(max_s))
    total = None
    if value_max is None and not scale:
        sl = unit(u.slash, pos)
        if sl:
            total = parse_decimal(sl["t"])
            pos = sl.end()
    m = unit(u.counted, pos)
    if m:
        end = m.end()
        noun = u.spelled.get(m["u"], m["u"])
        per_area = u.per_area.match(text, end) if noun.lower() in u.yield_units else None
        if per_area:  # "67,8 tạ/ha": a yield
            return QuantityMention(_n(value_s), (start, per_area.end()), text[start:per_area.end()], "count",
                                   noun + "/ha", _n(max_s), total=_n(total))
        per = u.per_unit.match(text, end) if total is None else None  # "46,5 tấn/ngày": a rate stays in the unit
        end = per.end() if per else end
        per_year = u.per_year.match(text, end)
        end = per_year.end() if per_year else end
        kind = "count_of_total" if total is not None else "count"
        return QuantityMention(_n(value_s), (start, end), text[start:end], kind, noun + (per[0] if per else ""),
                               _n(max_s), per_year=bool(per_year), total=_n(total))
    if total is not None:
        total_scale = unit(u.scale, pos)
        cur = unit(u.cur_after, total_scale.end() if total_scale else pos)
        if cur is not None:  # "đạt 168,2/395 tỷ đồng": an amount against its plan
            code = u.currency_after[cur["c"]]
            words = (total_scale["s"] + " " + cur["c"]) if total_scale else cur["c"]
            amount = value * _scale_factor(total_scale, u) if code == "VND" else None
            return QuantityMention(_n(value), (start, cur.end()), text[start:cur.end()], "money", words, None,
                                   currency=code, total=_n(total), amount_dong=_n(amount))
        return QuantityMention(_n(value_s), (start, pos), text[start:pos], "count_of_total", None, None,
                               total=_n(total))
    if scale or value_max is not None:
        end = scale.end() if scale else pos
        return QuantityMention(_n(value_s), (start, end), text[start:end], "number", None, _n(max_s))
    return _bare(text, s, e, value, words, u)


def _scale_factor(scale, u) -> Decimal:
    """What the scale words of a `u.scale` match multiply by ("nghìn tỷ": 10^12); 1 without one."""
    mult = Decimal(1)
    for word in (scale["s"].lower().split() if scale else ()):
        mult *= u.scales[word]
    return mult


def _may_follow(first: str) -> bool:
    """Whether a unit, a range or a total can follow: the next visible character is
    a letter or one of % / - – — $ € £ (the cheap test before the unit patterns)."""
    return first != "" and (first.isalpha() or first in "%/-–—$€£")


def _bare(text, s, e, value, words, u) -> Optional[QuantityMention]:
    """A number with nothing after it that makes it a figure of some kind."""
    words_only = words > 0 and not any(ch.isdigit() for ch in text[s:e])
    if words_only and len(text[s:e].split()) == 1:
        return None
    if s > 0 and text[s - 1].isalpha():
        return None  # digits glued to a word count only with a unit after them ("bắt buộc93 người")
    if u.year.fullmatch(text[s:e]):
        return None  # a year alone
    return QuantityMention(_n(value), (s, e), text[s:e], "number")


def _word_follows(text: str, pos: int) -> bool:
    """A word after `pos` on the same line (a counted noun), not the end of the phrase."""
    rest = text[pos:pos + 3].lstrip(" \t")
    return rest[:1].isalpha()

