"""lexicon.Ending: the quick test on the reversed string never says no where the full pattern matches."""
from __future__ import annotations

import re

from pipeline.extractors.targets.lexicon import Ending, alternation

PHRASES = ["giảm còn", "xuống", "không quá", "ít nhất là"]
TRAILING = ["bình quân", "đạt", "từ"]
FULL = re.compile(rf"(?:^|[^\w])(?:{alternation(PHRASES)})(?:\s+(?:{alternation(TRAILING)}))*\s*:?\s*$", re.IGNORECASE)


def test_ending_agrees_with_the_full_pattern():
    ending = Ending(PHRASES, TRAILING, flags=re.IGNORECASE)
    cases = ["tỷ lệ hộ nghèo giảm còn ", "giảm  còn\n", "không quá bình quân đạt ", "Ít nhất là:",
             "phấn đấu xuống từ ", "xuống đường", "giảm", "", "tăng lên", "ít nhất là 5 "]
    for case in cases:
        assert ending.may_end(case) == bool(FULL.search(case)), case


def test_ending_ignores_what_stands_before_the_phrase():
    # the quick test is a necessary condition: "dòngxuống" ends with the phrase but is no whole word
    assert Ending(["xuống"]).may_end("dòngxuống")
    assert not FULL.search("dòngxuống")


def test_cue_index_finds_both_kinds_where_they_overlap():
    """One scan finds target and result cues; where a cue of one kind overlaps one of the other
    (`ước cả năm` holds `cả năm`, `tính đến năm` holds `đến năm`) both are kept, as two scans find them."""
    from pipeline.extractors.targets.kind import CueIndex

    text = "Tính đến năm 2024 ước cả năm đạt 95%; phấn đấu đến năm 2025 đạt 98%."
    kinds = sorted((text[s:e].lower(), kind) for s, e, kind, _ in CueIndex(text).cues)
    assert ("cả năm", "target") in kinds and ("ước cả năm", "result") in kinds
    assert ("tính đến", "result") in kinds and ("đến năm", "target") in kinds
    assert ("phấn đấu", "target") in kinds


def test_ending_lets_commas_and_joined_verbs_through():
    from pipeline.extractors.targets.indicator import object_verb_start

    left = "Năm 2025 hỗ trợ xây mới, sửa chữa và "
    assert object_verb_start(left) == left.index("hỗ trợ")
    assert object_verb_start("hỗ trợ xây mới, sửa chữa khoảng ") == 0
    assert object_verb_start("tỷ lệ hộ nghèo là ") is None


def test_phrase_scan_finds_what_finditer_finds():
    from pipeline.extractors.targets.lexicon import PhraseScan

    phrases = ["tuổi thọ", "tuổi thọ trung bình", "thời gian", "số ngày"]
    pattern = re.compile(rf"(?<!\w)(?:{alternation(phrases)})(?!\w)")
    text = ("tuổi thọ trung bình đạt 74,5 tuổi; thời gian giải quyết hồ sơ còn 3 ngày, số ngày nghỉ "
            "thuổi thọ, tuổi thọx, thời  gian\nsố ngày")
    want = [m.span() for m in pattern.finditer(text)]
    assert [m.span() for m in PhraseScan(pattern, phrases).finditer(text)] == want
    assert len(want) == 5


def _flat(phrases) -> str:
    items = sorted({" ".join(p.lower().split()) for p in phrases if p.strip()}, key=lambda p: (-len(p), p))
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in items)


def test_trie_alternation_matches_what_the_flat_one_matches():
    """alternation() is written as a trie; on random phrase sets sharing prefixes (and phrases that
    are prefixes of others, punctuation, case) it finds the same matches as the flat longest-first list."""
    import random

    rng = random.Random(5)
    words = ["đạt", "đạt được", "đ", "phấn", "phải", "ph", "(kh)", "kh", "a.b", "so", "so với", "năm", "nă", "Năm"]
    assert alternation(["phấn đấu", "phải", "đạt", "đạt được"]) == r"ph(?:ấn\s+đấu|ải)|đạt(?:\s+được|)"  # a trie
    for _ in range(300):
        phrases = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 3))) for _ in range(rng.randint(1, 8))]
        text = " ".join(rng.choice(words + ["x", ",", "\n", "  "]) for _ in range(40))
        for flags in (0, re.IGNORECASE):
            for shape in (r"(?<!\w)(?:{})(?!\w)", r"(?:{})\s*$", r"(?:{})"):
                trie = re.compile(shape.format(alternation(phrases)), flags)
                flat = re.compile(shape.format(_flat(phrases)), flags)
                assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)], phrases
