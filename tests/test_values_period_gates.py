"""The cheap tests and scans before the period and counter patterns give what the plain patterns give, on
random texts of their own vocabulary."""
from __future__ import annotations

import random

from pipeline.extractors.targets.context import Context
from pipeline.extractors.targets.lexicon import any_pattern, data
from pipeline.extractors.targets.period import partial_words, says_whole_year
from pipeline.extractors.targets.period_roles import may_cite, roles
from pipeline.values.masks import _colons, masks
from pipeline.values.textpat import matches_at

CITED_WORDS = ["số", "Số", "SỐ", "12", "36/KH-UBND", "/", "2024", "về", "về việc", "Về", "năm", "Năm", "giai đoạn",
               "Luật", "LUẬT", "luật", "Bộ luật", "Hiến pháp", "HIẾN PHÁP", "Giáo dục", "phát triển", "văn hóa",
               "đọc", "Kế hoạch", ";", ".", ",", "\n", "x"]


def _texts(seed: int, words: list[str], n: int = 3000):
    rng = random.Random(seed)
    for _ in range(n):
        yield "".join(rng.choice(words) + rng.choice([" ", " ", "  ", "", "\t"]) for _ in range(rng.randint(0, 16)))


def test_may_cite_says_no_only_where_the_cited_pattern_finds_nothing():
    cited = roles().cited
    found = 0
    for text in _texts(5, CITED_WORDS):
        if cited.search(text):
            found += 1
            assert may_cite(text), text
    assert found > 5


def test_may_say_partial_answers_as_a_search_for_each_word():
    rng = random.Random(6)
    words = list(partial_words()) + ["năm", "quý", "x", " ", "\n", "6", "tháng"]
    for _ in range(300):
        text = "".join(rng.choice(words) + rng.choice(["", " "]) for _ in range(rng.randint(0, 40)))
        ctx = Context(text=text)
        for _ in range(20):
            start = rng.randint(0, len(text))
            end = rng.randint(start, len(text))
            want = any(w in text[start:end] for w in partial_words())
            assert ctx.may_say_partial(start, end) == want, (text, start, end)


def test_says_whole_year_answers_as_the_phrase_search():
    phrases, not_after = any_pattern("periods", "whole_year"), tuple(data("periods")["whole_year_not_after"])
    words = ["cả năm", "kế hoạch năm", "Năm", "NĂM", "năm", "tháng", "cuối", "hết", "6", "x", ",", "\n"]
    found = 0
    for text in _texts(7, words, n=1000):
        low = text.lower()
        want = any(not low[:m.start()].rstrip().endswith(not_after) for m in phrases.finditer(low))
        assert says_whole_year(text) == want, text
        found += want
    assert found > 100


def test_counter_values_are_found_from_the_colons():
    counter = masks().counter_value
    rng = random.Random(8)
    pieces = [":", "：", " ", "\t", "5", "12", "3.000", ",", "Lượt xem", "x", "\n"]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 20)))
        assert [m.span() for m in matches_at(counter, text, _colons(text))] == [m.span() for m in counter.finditer(text)]
