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
