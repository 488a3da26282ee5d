"""Line-shape tests read by hand-written code must say what their regular expressions say."""
import random

import regex

from pipeline.ingest import shape
from pipeline.ingest.chrome import _patterns
from pipeline.rules import load_yaml

SENTENCE_END = regex.compile(r"[.;:!?…]['\"”’)\]»*]*\s*$")


def test_ends_sentence_is_the_sentence_end_pattern():
    rng = random.Random(8)
    alphabet = list("ab .;:!?…'\"”’)]»*,\n\t\x1c\x1f\u00a0\u2003\u3000")
    for _ in range(50_000):
        line = "".join(rng.choice(alphabet) for _ in range(rng.randrange(8)))
        assert shape.ends_sentence(line) == bool(SENTENCE_END.search(line)), repr(line)


def test_white_space_is_what_regex_calls_space():
    spaces = {chr(c) for c in range(0x3001) if regex.match(r"\s", chr(c))}
    assert spaces == set(shape._WHITE_SPACE)


def test_one_chrome_fullmatch_tells_chrome_from_list_lines():
    chrome, heads, either, _ = _patterns()
    item = regex.compile(load_yaml("web_chrome.yaml")["list_item"], regex.I)
    for line in ("Lượt xem: 1.234", "Tin liên quan", "Xem thêm:", "Hội nghị tổng kết năm 2023 (12/01/2024 08:30)",
                 "Chia sẻ", "Kế hoạch số 12/KH-UBND", "Tin mới nhất", "Hôm nay, thứ hai, 12/3/2024", "•"):
        m = either.fullmatch(line)
        got = None if m is None else "chrome" if m.group("chrome") is not None else "list"
        want = "chrome" if chrome.fullmatch(line) else "list" if heads.fullmatch(line) or item.fullmatch(line) else None
        assert got == want, line
