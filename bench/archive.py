"""A reproducible synthetic archive made by varying the real corpus documents.

Each generated document is a real corpus document (seeds/ and dev/) with its
paragraphs cut to a random length, its figures and years shifted, and a
varied heading, so that the archive has the corpus's mix of layouts and
vocabulary but no two documents are identical. Same seed, same bytes.
"""
from __future__ import annotations

import random
from pathlib import Path
from typing import Iterator

import regex

ROOT = Path(__file__).resolve().parent.parent
CORPUS_SETS = ("seeds", "dev")

_NUMBER = regex.compile(r"(?<![\p{L}\d])\d{1,3}(?:[.,]\d{1,3})?(?![\p{L}\d])")
_YEAR = regex.compile(r"(?<!\d)(19[89]\d|20[0-3]\d)(?!\d)")


def corpus_texts(root: Path = ROOT / "corpus") -> list[str]:
    return [p.read_text(encoding="utf-8") for s in CORPUS_SETS for p in sorted((root / s).glob("*.txt"))]


def vary(text: str, rng: random.Random, max_chars: int | None = None) -> str:
    shift = rng.randint(-3, 3)
    text = _YEAR.sub(lambda m: str(int(m.group()) + shift), text)
    text = _NUMBER.sub(lambda m: _jitter(m.group(), rng), text)
    lines = text.split("\n")
    if max_chars is not None and len(text) > max_chars:
        keep, size = [], 0
        for line in lines:
            if size + len(line) > max_chars and keep:
                break
            keep.append(line)
            size += len(line) + 1
        lines = keep
    return "\n".join(lines) + "\n"


def _jitter(number: str, rng: random.Random) -> str:
    if rng.random() < 0.5:
        return number
    digits = [c for c in number]
    for i, c in enumerate(digits):
        if c.isdigit() and rng.random() < 0.3:
            digits[i] = str(rng.randint(1 if i == 0 else 0, 9))
    return "".join(digits)


def documents(count: int, seed: int = 20261121, max_chars: int | None = None) -> Iterator[tuple[str, str]]:
    """(relative path, text) of `count` documents, spread over folders of 100."""
    texts = corpus_texts()
    rng = random.Random(seed)
    for i in range(count):
        base = texts[i % len(texts)]
        yield f"d{i // 100:03d}/doc{i:05d}.txt", vary(base, rng, max_chars)


def build(folder: Path, count: int, seed: int = 20261121, max_chars: int | None = None, head: str = "") -> Path:
    """Write the archive under `folder` (optionally each document starting with `head`)."""
    for rel, text in documents(count, seed, max_chars):
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(head + text, encoding="utf-8")
    return folder
