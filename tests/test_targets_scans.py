"""The quick scans of the targets (lexicon.WordScan, kind's plan-percentage scan) find what the plain
regex scans they stand for find, span for span, on random texts of their own vocabulary."""
from __future__ import annotations

import random
import re

from pipeline.extractors.targets.kind import CueIndex, _of_plan_matches, _plan_words
from pipeline.extractors.targets.lexicon import WordScan, alternation

WORDS = ["đã", "đã giao", "ước", "ước đạt", "(kh)", "kh", "kế hoạch", "so với", "so", "việc làm mới", "mới", "đạt",
         "xđã", "đãx", "_đã", "5", "95", "%", " %", "\u00a0", "\n", ",", "(", "chỉ tiêu", "2,5"]


def _texts(seed: int, n: int = 400, words: list[str] = WORDS):
    rng = random.Random(seed)
    for _ in range(n):
        yield "".join(rng.choice(words) + rng.choice(["", " ", "  ", "\t"]) for _ in range(rng.randint(0, 30)))


def test_word_scan_finds_what_the_look_behind_pattern_finds():
    rng = random.Random(3)
    for text in _texts(1):
        phrases = rng.sample(["đã", "đã giao", "ước", "ước đạt", "(kh)", "kh", "mới", "việc làm mới", "so với"], 4)
        plain = re.compile(rf"(?<!\w)(?:{alternation(phrases)})(?!\w)")
        assert [m.span() for m in WordScan(phrases).finditer(text)] == [m.span() for m in plain.finditer(text)], text


def test_plan_percentage_scan_finds_what_finditer_finds():
    found = 0
    for text in _texts(2, words=["5", "95", "%", " %", "kh", "kế hoạch", "so với", "so", "\u00a0", "\n", "x", "dự toán"]):
        want = [m.span() for m in _plan_words()[0].finditer(text)]
        assert [m.span() for m in _of_plan_matches(text)] == want, text
        found += len(want)
    assert found > 20


def test_cue_index_keeps_the_cues_of_both_kinds():
    text = "Năm 2024 đã giao 50 chỉ tiêu, ước đạt 95% kế hoạch (KH); việc làm mới đạt 2.000 người."
    cues = {(text[s:e].lower(), kind, weak) for s, e, kind, weak in CueIndex(text).cues}
    assert cues == {("5% kế hoạch", "result", False), ("chỉ tiêu", "target", False), ("ước đạt", "result", False),
                    ("(kh)", "target", False)}


def test_cue_index_drops_a_share_of_the_plan_aimed_at():
    aimed = CueIndex("Phấn đấu giải ngân trên 95% kế hoạch vốn; hỗ trợ 150 hộ.")
    told = CueIndex("Năm 2024 phấn đấu tốt, đã giải ngân 95% kế hoạch vốn; hỗ trợ 150 hộ.")
    assert [c[2] for c in aimed.cues] == ["target"]
    assert "result" in [c[2] for c in told.cues]


def test_trim_removes_what_the_junk_pattern_removes():
    from pipeline.extractors.targets.indicator import _trim

    junk = re.compile(r"^[\s,:;.()\-–*“”\"']+|[\s,:;.(\-–*“”\"']+$")
    rng = random.Random(4)
    pieces = [" ", "\u00a0", "\n", ",", ":", ";", ".", "(", ")", "-", "–", "*", "“", "”", '"', "'", "a", "đạt", "%", "5"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert _trim(text) == junk.sub("", text), repr(text)


def test_part_of_year_is_read_past_masked_phrases():
    from pipeline.extractors.targets.period import partial_of

    assert partial_of("Kết quả 6 tháng đầu năm") == "H1"
    assert partial_of("trẻ dưới 6 tháng tuổi") is None
    assert partial_of("quý I năm 2025") == "Q1"
    assert partial_of("số 69 tháng") is None


def test_word_alternation_matches_the_look_behind_alternation():
    """word_alternation puts the look-behind after each first letter; on random phrase sets and texts
    (words glued to letters, digits, brackets, line breaks) it finds what `(?<!\\w)(?:…)` finds."""
    from pipeline.extractors.targets.lexicon import word_alternation

    rng = random.Random(6)
    words = ["đạt", "đạt được", "phấn", "phải", "(kh)", "kh", "/năm", "năm", "so với", "6 tháng", "x", "đã"]
    glue = ["", " ", "  ", "\n", ",", "a", "5", "_", "("]
    for _ in range(400):
        phrases = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 2))) for _ in range(rng.randint(1, 6))]
        text = "".join(rng.choice(words) + rng.choice(glue) for _ in range(rng.randint(0, 25)))
        for shape in (r"{}(?!\w)", r"{}\s*$", r"({})(?!\w)"):
            plain = re.compile(shape.format(rf"(?<!\w)(?:{alternation(phrases)})"))
            fast = re.compile(shape.format(rf"(?:{word_alternation(phrases)})"))
            assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], (phrases, text)
            assert [bool(fast.match(text, i)) for i in range(len(text))] == [bool(plain.match(text, i)) for i in range(len(text))]
            assert fast.sub(" ", text) == plain.sub(" ", text)


def test_role_endings_never_say_no_where_the_role_patterns_match():
    from pipeline.extractors.targets.period_roles import role_endings, roles

    patterns = roles()
    due, compared, same = role_endings()
    pairs = [(due, patterns.deadline), (compared, patterns.baseline), (compared, patterns.compared), (same, patterns.same_period)]
    words = ["đến", "tới", "tầm nhìn", "đến hết", "cuối", "hết", "đầu", "năm", "năm học", "so với", "cùng kỳ", "Cùng kỳ",
             "SO VỚI", "tăng 5%", ",", " ", "  ", "\n", ".", "(", "x"]
    rng = random.Random(8)
    hits = 0
    for _ in range(4000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 5))) + rng.choice(["", " ", "  "])
        for ending, pattern in pairs:
            if pattern.search(text):
                hits += 1
                assert ending.may_end(text), (text, pattern.pattern[:40])
    assert hits > 500


def test_reference_year_is_the_first_date_written():
    from pipeline.extractors.targets.context import build_context

    old = re.compile(r"(?<!\d)(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*((?:19|20)\d\d)(?!\d)"
                     r"|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+((?:19|20)\d\d)")
    rng = random.Random(9)
    parts = ["1", "12", "123", "/", " / ", "2024", "1999", "20245", "ngày ", "tháng ", "năm ", "x", " ", "\n"]
    for _ in range(1500):
        text = "".join(rng.choice(parts) for _ in range(rng.randint(0, 14)))
        m = old.search(text)
        assert build_context(text, doc_type="KH").ref_year == (int(m.group(3) or m.group(4)) if m else None), text


def test_headings_are_found_where_the_multiline_scan_finds_them():
    from pipeline.sections import _HEADING, _headings

    rng = random.Random(10)
    parts = ["\n", " ", "\t", "I.", "II.", "1.", "1.2.", "a)", "Điều 5.", "Điều\n5.", "A.", "KẾT QUẢ", "x", "Nội dung",
             "\n\n", "1)", "đ)", "99"]
    found = 0
    for _ in range(5000):
        text = "".join(rng.choice(parts) for _ in range(rng.randint(0, 12)))
        want = [(m.start(), m.end(), m.groupdict()) for m in _HEADING.finditer(text)]
        assert [(start, m.end(), m.groupdict()) for start, m in _headings(text)] == want, repr(text)
        found += len(want)
    assert found > 1000


def test_sentence_start_finds_the_end_of_the_last_sentence_end_pattern():
    from pipeline.extractors.targets.list_kind import SENTENCE_END, _sentence_start

    rng = random.Random(5)
    pieces = ["a", "b ", ". ", ".", ";", ":", "\n", ";\n", ":\n", " \n", "\n \n", "x.y", "  "]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 25)))
        lo = rng.randint(0, len(text))
        hi = rng.randint(lo, len(text))
        want = lo
        for m in SENTENCE_END.finditer(text, lo, hi):
            want = m.end()
        assert _sentence_start(text, lo, hi) == want, (text, lo, hi)


def test_cue_scan_of_both_kinds_finds_what_the_scans_of_each_kind_find():
    """Where one scan for the cues of both kinds answers (no cue of one kind overlaps one of the other, as
    `ước cả năm` and `cả năm qua`, `đạt được` and `được giao chỉ tiêu`), it finds what the target and the
    result patterns find apart."""
    from pipeline.extractors.targets.kind import _patterns, _target_result_cues
    from pipeline.extractors.targets.lexicon import data

    k = data("kind")
    words = [w.lower() for w in k["target"] + k["result"]] + ["x", "5", "năm", "qua", "trước", "được", "giao chỉ tiêu", "đạt"]
    target, result = _patterns()[:2]
    rng = random.Random(11)
    answered = overlapping = 0
    for _ in range(3000):
        text = "".join(rng.choice(words) + rng.choice(["", " ", "  ", "\n", ",", "("]) for _ in range(rng.randint(0, 8)))
        found = _target_result_cues(text)
        if found is None:
            overlapping += 1
            continue
        answered += 1
        assert [(s, e) for s, e, _ in found["target"]] == [m.span(1) for m in target.finditer(text)], text
        assert [(s, e) for s, e, _ in found["result"]] == [m.span(1) for m in result.finditer(text)], text
    assert answered > 1000 and overlapping > 100
