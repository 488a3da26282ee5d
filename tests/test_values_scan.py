"""The fast scans of pipeline.values.scan find exactly what the plain regex finds:
they only skip places where it cannot match."""
import random

import regex

from pipeline.values.gates import EndsBefore, Gated
from pipeline.values.scan import Anchored, DigitsBefore, PhraseFinder
from pipeline.values.textpat import ends_with, word, words

_PIECES = ["năm", "NĂM", "nǎm", "Năm", "tháng", "THÁNG", "ngày", "học", "tỉnh", "tỉ", "Tỷ", "mười", "ngành", "ngàn",
           "cả", "trong", "nay", "quý", "I", "II", "6", "12", "2023", "2021-2025", "/", "-", ",", ".", "(", ")",
           "K", "ſ", "đến", "Đến", "từ", "người", "%", "đồng", "lần", "giữa", "và", "x", "\u00a0"]
_SPACES = ["", " ", " ", "  ", "\t", "\n", " \n "]


_DATE_PIECES = ["tháng", "Tháng", "THÁNG", "năm", "Năm", "6", "12", "3", "2023", "/", ",", "ngày", "x"]


# letters that IGNORECASE matches to i, s, k without being their lower or upper case
_CASE_PIECES = _PIECES + ["HAİ", "İn", "ſáu", "\u212ahi", "hai", "in", "sáu", "khi"]


def _texts(n, seed, pieces=_PIECES):
    rng = random.Random(seed)
    for i in range(n):
        count = rng.randint(1, 10) if i % 2 else rng.randint(60, 140)  # short texts take the plain path
        chosen = [rng.choice(pieces) + rng.choice(_SPACES) for _ in range(count)]
        if i % 10 == 0:
            chosen.insert(rng.randint(0, count), "İ")  # lowercases to two characters: the plain path again
        yield "".join(chosen)


def _spans(matches):
    return [m.span() for m in matches]


def test_anchored_finds_what_finditer_finds():
    nam, thang = word("năm"), word("tháng")
    cases = [
        Anchored(regex.compile(rf"{thang}\s*(?P<m>[0-9]{{1,2}})(?:\s*(?:{nam}|/)\s*[0-9]{{4}})?"), ["tháng"]),
        Anchored(regex.compile(rf"(?:{words(['năm học'])})\s*[0-9]{{4}}\s*-\s*[0-9]{{4}}"), ["năm học"]),
        Anchored(regex.compile(r"\b\L<w>\b", w=["tỉ", "Tỉ", "TỈ", "tỷ", "Tỷ", "TỶ", "mười", "Mười"]),
                 ["tỉ", "tỷ", "mười"], whole_words=True),
        Anchored(regex.compile(rf"{nam}(?:\s+{nam})?"), ["năm"]),  # matches that would overlap
    ]
    for text in [*_texts(300, 1), *_texts(100, 6, _DATE_PIECES)]:
        for finder in cases:
            assert _spans(finder.finditer(text)) == _spans(finder.pattern.finditer(text)), text


def test_number_word_starts_of_the_layer_find_what_finditer_finds():
    from pipeline.rules import load_yaml
    from pipeline.values import quantities

    u = quantities.units()
    assert u.strong_word_start.scan is not None and u.word_start.scan is not None
    nums = load_yaml("numbers.yaml")
    vocab = sorted(set(nums["digits"]) | set(nums["ten"]) | set(nums["tens"]) | set(nums["hundred"]) | set(nums["scales"]))
    pieces = _PIECES + vocab + [w.upper() for w in vocab] + [w.capitalize() for w in vocab] + ["_", "²", "tỉnh", "mươim"]
    found = 0
    for text in _texts(300, 7, pieces):
        for finder in (u.strong_word_start, u.word_start):
            spans = _spans(finder.finditer(text))
            assert spans == _spans(finder.pattern.finditer(text)), text
            found += len(spans)
    assert found > 1000


def test_digits_before_finds_what_finditer_finds():
    finder = DigitsBefore(regex.compile(rf"[0-9](?<![0-9/.,][0-9])[0-9]?\s*{word('tháng')}\s*[0-9]{{1,2}}"), ["tháng"])
    for text in _texts(300, 2, _DATE_PIECES):
        assert _spans(finder.finditer(text)) == _spans(finder.pattern.finditer(text)), text


def test_gated_matches_what_match_matches():
    cases = [Gated(regex.compile(r"[ \t]*(?:nghìn|triệu|tỉ|tỷ|ngàn)(?!\w)", regex.IGNORECASE), ["nghìn", "triệu", "tỉ", "tỷ", "ngàn"]),
             Gated(regex.compile(r"[ \t]+(?:ngày|tháng|in|sáu|khi)(?!\w)", regex.IGNORECASE), ["ngày", "tháng", "in", "sáu", "khi"]),
             Gated(regex.compile(r"[ \t]*(?:%|phần\s+trăm)"), ["%", "phần trăm"])]
    for text in _texts(60, 3, _CASE_PIECES):
        for pos in range(len(text) + 1):
            for gate in cases:
                assert _spans(filter(None, [gate.match(text, pos)])) == _spans(filter(None, [gate.pattern.match(text, pos)]))


def test_ends_before_searches_what_ends_with_searches():
    cases = [(EndsBefore(regex.compile(rf"(?:{words(['ngày', 'mồng', 'hôm'])})\s*$"), ["ngày", "mồng", "hôm"], 16), 16),
             (EndsBefore(regex.compile(rf"(?:(?P<w>{words(['giai đoạn', 'từ'])})\s*)?(?P<nam>{word('năm')}\s*)?(?P<par>\()?$"),
                         ["giai đoạn", "từ", "năm", "("], 30), 30),
             (EndsBefore(regex.compile(r"(?:hai|khi|ngàn)[ \t]+$", regex.IGNORECASE), ["hai", "khi", "ngàn"], 20), 20)]
    for text in _texts(60, 4, _CASE_PIECES):
        for pos in range(len(text) + 1):
            for finder, window in cases:
                got, want = finder.search(text, pos), ends_with(finder.pattern, text, pos, window)
                assert (got and got.span()) == (want and want.span()), (text, pos)


def test_phrase_finder_neighbour_test_drops_no_match():
    phrases = ["cả năm", "trong năm", "năm nay", "quý I", "quý II", "6 tháng đầu năm"]
    finder = PhraseFinder(phrases, r"(?!\s*[0-9])")
    unfiltered = PhraseFinder(phrases, r"(?!\s*[0-9])")
    unfiltered.neighbours = None
    assert finder.neighbours is not None
    found = 0
    for text in _texts(300, 5):
        spans = _spans(finder.finditer(text))
        assert spans == _spans(unfiltered.finditer(text)), text
        found += len(spans)
    assert found > 50


def _layer_ends_befores():
    from pipeline.values import dates, masks, periods, quantities

    d, p = dates.patterns(), periods.patterns()
    return [masks.masks().counter_label, d.prefix, d.day_range_head, p.span_before, p.year_before, p.as_of,
            p.as_of_date, quantities.units().word_run_end]


def test_every_ends_before_of_the_layer_finds_what_ends_with_finds():
    from pipeline.rules import load_yaml
    from pipeline.values.calendar import date_rules

    finders = _layer_ends_befores()
    rules, nums, per = date_rules(), load_yaml("numbers.yaml"), load_yaml("periods.yaml")
    vocab = {w for key in ("day_words", "day_words_inner", "range_words", "day_list_words") for w in rules[key]}
    vocab |= {w for key in ("span_words", "year_qualifiers", "as_of_words") for w in per[key]}
    vocab |= set(nums["counter_labels"]) | set(nums["digits"]) | set(nums["ten"]) | set(nums["tens"]) | {"trăm", "triệu", "tỷ"}
    pieces = sorted(vocab) + [w.upper() for w in sorted(vocab)][:20] + ["năm", "ngày", "(", "-", "–", ":", "1", "15", "2023", "x"]
    rng = random.Random(9)
    found = 0
    for _ in range(150):
        text = "".join(rng.choice(pieces) + rng.choice(_SPACES) for _ in range(rng.randint(3, 25)))
        for pos in range(len(text) + 1):
            for finder in finders:
                got, want = finder.search(text, pos), ends_with(finder.pattern, text, pos, finder.window)
                assert (got and (got.span(), got.groups())) == (want and (want.span(), want.groups())), (text, pos)
                found += want is not None and want.end() > want.start()
    assert found > 1000


def test_separate_words_are_those_that_cannot_overlap():
    from pipeline.values.scan import _separate

    assert _separate(["năm", "quý"]) and _separate(["tháng", "nửa", "quý"])
    assert not _separate(["ana"])  # "anana": two overlapping occurrences
    assert not _separate(["năm", "ăm"]) and not _separate(["ab", "bc"]) and not _separate(["quý", "quýt"])


def test_phrase_finders_of_the_layer_find_what_the_anchor_scan_finds():
    import copy

    from pipeline.values import periods

    p = periods.patterns()
    pieces = _PIECES + ["đầu", "cuối", "nửa", "tháng", "hằng", "hàng", "của", "Quý", "QUÝ", "III", "IV", "1", "sáu", "chín"]
    found = 0
    for finder in (p.part, p.context_year):
        assert finder.separate
        plain = copy.copy(finder)
        plain.separate = False  # the anchor matches first, then the neighbour test
        for text in _texts(300, 8, pieces):
            spans = _spans(finder.finditer(text))
            assert spans == _spans(plain.finditer(text)), text
            found += len(spans)
    assert found > 100


def test_by_first_matches_what_its_whole_alternation_matches():
    from pipeline.values.quantities import units
    from pipeline.values.gates import ByFirst

    u = units()
    made = ByFirst(r"[ \t]*(?P<u>", ["người", "người dân", "ngày", "%", "hộ", "học sinh", "h"], r")(?!\w)",
                   lambda ws: "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(ws, key=len, reverse=True)))
    pieces = _PIECES + ["người dân", "Người", "hộ", "học sinh", "h", "USD", "đô la", "xu", "đồng", "triệu đồng", "ha", "km"]
    found = 0
    for text in _texts(200, 7, pieces):
        for pos in range(len(text) + 1):
            for finder in (made, u.counted, u.cur_after):
                got, want = finder.match(text, pos), finder.pattern.match(text, pos)
                assert (got and (got.span(), got.groups())) == (want and (want.span(), want.groups())), (text, pos)
                found += want is not None
    assert found > 200


def test_whole_date_first_character_test_drops_no_date():
    from datetime import date

    from pipeline.values import date_string, dates

    leads = ["", "", "ngày ", "Ngày ", "NGÀY ", "mồng ", "Mùng ", "hôm ", "từ ngày ", "tháng ", "x ", "(", "Lượt xem: ", "thứ hai, "]
    cores = ["12/3/2023", "5 tháng 6 năm 2024", "tháng 5/2023", "ngày tháng 5 năm 2023", "ngày  tháng  năm 2023",
             "2023-05-12", "15-16/6/2023", "6/1", "12 - 3 - 24", "tháng 5 12, 2023", "10 đến ngày 12 tháng 5 năm 2023",
             "5.3.2015", "3/4", "73", "2024"]
    rng = random.Random(11)
    found = 0
    for _ in range(2000):
        text = rng.choice(leads) + rng.choice(cores) + rng.choice(["", "", " lúc 9:30", ".", " x"])
        for ref in (None, date(2024, 3, 1)):
            kept = dates._resolve(dates._candidates(text, whole=True, ref=ref))
            whole = kept[0][2] if len(kept) == 1 and kept[0][:2] == (0, len(text)) else None
            assert date_string._whole_date(text, ref) == whole, text
            found += whole is not None
    assert found > 200


def test_plain_reads_patterns_as_regex_does():
    import re
    import sys

    import regex

    from pipeline.values.textpat import _WHITE_SPACE, plain

    every = "".join(chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i <= 0xDFFF)
    assert set(re.findall(f"[{_WHITE_SPACE}]", every)) == set(regex.findall(r"\s", every))
    assert isinstance(plain(r"[0-9]+\s*[/.]\S"), re.Pattern)
    for other in (r"\w+", r"(?<![0-9][ \t]*)x", r"a\b", r"\d", r"[[:alpha:]]", r"(?i)x", r"\p{L}"):
        assert isinstance(plain(other), regex.Pattern)
    assert isinstance(plain(r"\d+", ascii_digits=True), re.Pattern)
