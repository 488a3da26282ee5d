import json
import unicodedata

import pytest
import regex
from conftest import CORPUS, all_gold

from pipeline.ingest import read_path
from pipeline.ingest.blocks import text_blocks
from pipeline.ingest.lines import count_rejoined
from pipeline.normalize import fold, fold_tones, normalize, normalized_span, source_span

EXAMPLES = CORPUS / "examples"


def _examples(name):
    with (EXAMPLES / name).open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@pytest.mark.parametrize("case", _examples("normalize.jsonl"), ids=lambda c: c.get("note", c["input"])[:40])
def test_normalize_examples(case):
    text, offsets = normalize(case["input"])
    assert text == case["text"]
    assert len(offsets) == len(text) + 1 and offsets[-1] == len(case["input"])


@pytest.mark.parametrize("case", _examples("fold.jsonl"), ids=lambda c: c["input"])
def test_fold_examples(case):
    folded = fold(case["input"])
    assert folded == case["folded"]
    assert len(folded) == len(case["input"])


def test_fold_tones_unifies_both_conventions():
    assert fold_tones("hòa") == fold_tones("hoà") and fold_tones("thủy") == fold_tones("thuỷ")
    assert fold_tones("hòa") != fold_tones("hoa")


def _corpus_files():
    return sorted(CORPUS.glob("*/*.txt"))


@pytest.mark.parametrize("path", _corpus_files(), ids=lambda p: p.name)
def test_offsets_point_at_the_source_character(path):
    raw = path.read_text(encoding="utf-8")
    doc, _, _ = read_path(path)
    text, offsets = doc.text, doc.source_offsets
    assert len(offsets) == len(text) + 1 and offsets[-1] == len(raw)
    assert all(a < b for a, b in zip(offsets, offsets[1:-1]))
    for i, ch in enumerate(text):
        src = raw[offsets[i]]
        same = src == ch or unicodedata.normalize("NFC", raw[offsets[i] : offsets[i] + 3]).startswith(ch)
        spaced = ch in " \n" and (src.isspace() or src == "\u200b")
        cell_break = ch == "|" and (src in "\n\t"  # a table copied one cell per line or with tabs (cell_lines, tab_cells)
                                    or raw[offsets[i] - 1:offsets[i] + 1] == "  "  # or set out with spaces (space_cells)
                                    or src in "-=_–—" and raw[offsets[i]:offsets[i] + 5] == src * 5)  # a rule under its header
        assert same or spaced or cell_break, (i, ch, src)


def _squash(s):
    return regex.sub(r"[\s|*]+", " ", s).strip()


@pytest.mark.parametrize("set_name,gold", all_gold(), ids=lambda g: g if isinstance(g, str) else g["doc_id"])
def test_gold_quotes_map_into_the_normalized_text(set_name, gold):
    path = CORPUS / set_name / f"{gold['doc_id']}.txt"
    raw = path.read_text(encoding="utf-8")
    doc, _, _ = read_path(path)
    for target in gold["targets"]:
        start = raw.find(target["quote"])
        assert start >= 0
        a, b = normalized_span(doc.source_offsets, start, start + len(target["quote"]))
        assert _squash(doc.text[a:b]) == _squash(target["quote"])
        s, e = source_span(doc.source_offsets, a, b)
        assert _squash(raw[s:e]) == _squash(target["quote"])


def test_wrapped_corpus_text_is_rejoined():
    raw = (CORPUS / "dev" / "kh-dongthap-267-2021.txt").read_text(encoding="utf-8")
    text, _ = normalize(raw)
    assert "Căn cứ Quyết định số 1929/QĐ-TTg ngày 25 tháng 11 năm 2020 của Thủ tướng Chính phủ phê duyệt Chương trình" in text
    assert "Số: 267/KH-UBND" in text and "\nI. MỤC TIÊU\n" in text
    assert count_rejoined(raw) > 10


def test_cell_per_line_table_becomes_rows():
    doc, _, _ = read_path(CORPUS / "dev" / "kh-thanhhoa-117-2016.txt")
    assert "\n3 | Tỷ lệ trường học có nước và nhà tiêu HVS | 96 | 94,4 | 96\n" in doc.text
    cells = [doc.text[b.span[0] : b.span[1]] for b in doc.blocks if b.kind == "table_cell"]
    assert "Tỷ lệ trường học có nước và nhà tiêu HVS" in cells and "94,4" in cells


def test_news_chrome_is_marked_not_removed():
    doc, _, _ = read_path(CORPUS / "seeds" / "news-hungyen-kh444-2022.txt")
    chrome = [doc.text[b.span[0] : b.span[1]] for b in doc.blocks if b.kind == "boilerplate"]
    assert "Tin mới nhất" in chrome
    assert any("(26/05/2023 10:17 SA)" in c for c in chrome)
    body = [doc.text[b.span[0] : b.span[1]] for b in doc.blocks if b.kind == "paragraph"]
    assert any("50.000 lao động" in p for p in body)
    assert not any("50.000 lao động" in c for c in chrome)
    assert "(26/05/2023 10:17 SA)" in doc.text


def test_headline_after_a_chrome_list_is_not_chrome():
    doc, _, _ = read_path(CORPUS / "seeds" / "news-vinhlong-thidua-2018.txt")
    kinds = {doc.text[b.span[0] : b.span[1]]: b.kind for b in doc.blocks}
    assert kinds["Đang xem: 50"] == "boilerplate" and kinds["Tin mới đăng"] == "boilerplate"
    assert kinds["Ngành Lao động - Thương binh và Xã hội phát động phong trào thi đua yêu nước năm 2018"] != "boilerplate"


@pytest.mark.parametrize("path", _corpus_files(), ids=lambda p: p.name)
def test_blocks_are_ordered_and_cover_every_word(path):
    doc, _, _ = read_path(path)
    spans = [b.span for b in doc.blocks]
    assert spans == sorted(spans) and all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    covered = [False] * len(doc.text)
    for s, e in spans:
        for i in range(s, e):
            covered[i] = True
    loose = [c for c, cov in zip(doc.text, covered) if not cov and not c.isspace() and c != "|"]
    assert loose == []


def test_title_block_holds_the_kind_and_its_subject():
    blocks = text_blocks("KẾ HOẠCH\nXÓA MÙ CHỮ ĐẾN NĂM 2020\nThực hiện Quyết định số 692/QĐ-TTg như sau:")
    assert blocks[0].kind == "heading" and blocks[0].span == (0, 32)
    assert blocks[1].kind == "paragraph"


@pytest.mark.parametrize("case", _examples("web_chrome.jsonl"), ids=lambda c: c["line"][:40])
def test_web_chrome_line_examples(case):
    from pipeline.ingest.chrome import is_chrome_line

    assert is_chrome_line(case["line"]) is case["chrome"]


def test_fold_tones_moves_exactly_the_old_tone_pairs():
    import random
    import re

    from pipeline.normalize import _NEW_TONE

    pairs = re.compile("|".join(_NEW_TONE))
    letters = sorted({ch for pair in _NEW_TONE for ch in pair} | set("oauyOAUY hx"))
    rng = random.Random(4)
    for _ in range(20_000):
        s = "".join(rng.choice(letters) for _ in range(rng.randrange(10)))
        assert fold_tones(s) == pairs.sub(lambda m: _NEW_TONE[m.group()], s), s
