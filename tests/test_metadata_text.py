"""Lines splits a text as lines_of does, however it is read."""
import random

import pytest

from pipeline.extractors.metadata.text import Lines, lines_of


@pytest.mark.parametrize("block", [1, 3, Lines.BLOCK])
def test_lines_are_lines_of_the_text_up_to_end(block, monkeypatch):
    monkeypatch.setattr(Lines, "BLOCK", block)
    rng = random.Random(2)
    for _ in range(2000):
        text = "".join(rng.choice("ab \n|") for _ in range(rng.randrange(12)))
        end = rng.randrange(len(text) + 1)
        want = lines_of(text[:end])
        lines = Lines(text, end)
        order = list(range(len(want)))
        rng.shuffle(order)
        assert len(lines) == len(want)
        assert [lines[i] for i in order] == [want[i] for i in order]
        assert list(lines) == want and list(Lines(text, end)) == want and lines[-1] == want[-1]


def test_prose_test_counts_letters_as_the_letter_runs_do():
    import regex

    from pipeline.extractors.metadata.extractor import MIN_PROSE_LETTERS, _reads_as_prose

    runs = regex.compile(r"\p{L}+")
    rng = random.Random(1)
    for _ in range(3000):
        text = "".join(rng.choice("ab  1.\nđỦ,²") for _ in range(rng.randrange(0, 900)))
        assert _reads_as_prose(text) == (sum(len(m.group()) for m in runs.finditer(text)) >= MIN_PROSE_LETTERS)


def test_clean_and_squash_space_runs_as_regex_whitespace_does():
    import regex

    from pipeline.extractors.metadata.text import _HEADING_MARK, _clean, squash

    space_run = regex.compile(r"\s+")
    rng = random.Random(3)
    pieces = ["a", "đ", " ", "\t", "\n", "|", "*", "**", "_", "__", "## ", "\x1c", "\x1f", "\u00a0", "\u2003", "\x85"]
    for _ in range(5000):
        line = "".join(rng.choice(pieces) for _ in range(rng.randrange(12)))
        bare = _HEADING_MARK.sub("", line.replace("\u00a0", " ").replace("**", "").replace("__", ""))
        assert _clean(line) == space_run.sub(" ", bare.strip(" \t|*_")).strip(" |")
        assert squash(line) == space_run.sub(" ", line).strip()
