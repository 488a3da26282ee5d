"""find_numbers tries the number pattern only before a `/` that can open a symbol: it finds
what a scan of the whole text finds."""
import random

from pipeline.extractors.metadata.doc_number import NUMBER_RE, _number_starts
from pipeline.extractors.metadata.text import matches_at

PIECES = ["12", "7", "123456", "2021", "/", "/", "-", "–", "KH", "UBND", "TTg", "QĐ", "a", "b", " ", "  ", "\n", ".", ",",
          "số", "Đ", "&", "x", "3a", "|", "(", ")", "٣", "²"]


def test_number_starts_hold_every_number_start():
    rng = random.Random(5)
    found = 0
    for _ in range(30_000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randrange(1, 14)))
        start = rng.randrange(len(text) + 1) if rng.random() < 0.3 else 0
        end = rng.randrange(start, len(text) + 1) if rng.random() < 0.3 else len(text)
        want = [m.span() for m in NUMBER_RE.finditer(text, start, end)]
        got = [m.span() for m in matches_at(NUMBER_RE, text, _number_starts(text, start, end), end)]
        assert got == want, (text, start, end)
        found += len(want)
    assert found > 50
