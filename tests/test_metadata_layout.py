"""The layout helpers behind the metadata finders: columns of flattened rows, the own
number after `Số:`, the province a body below the province reports to, a signature glued
to the recipients list. Whole documents are in corpus/examples/metadata_layouts.jsonl."""
from __future__ import annotations

import random

from pipeline.extractors.metadata import layout
from pipeline.extractors.metadata.doc_number import number_after_label
from pipeline.extractors.metadata.issuer import Territory, is_provincial, parent_province
import regex

from pipeline.extractors.metadata.signer import from_signature, glued_signature
from pipeline.extractors.metadata.text import cells, first_words, fold, matches_at, word_starts
from pipeline.normalize import fold_tones


def _cells(raw: str) -> list[str]:
    return [raw[a:b] for a, b in cells(raw)]


def test_cells_split_bars_tabs_and_space_runs():
    assert _cells("UBND TỈNH AN GIANG | CỘNG HÒA") == ["UBND TỈNH AN GIANG", "CỘNG HÒA"]
    assert _cells("   SỞ Y TẾ        Độc lập - Tự do") == ["SỞ Y TẾ", "Độc lập - Tự do"]
    assert _cells("Số: 04/KH-UBND\tQuảng Ngãi, ngày") == ["Số: 04/KH-UBND", "Quảng Ngãi, ngày"]
    assert _cells("ỦY BAN  NHÂN DÂN") == ["ỦY BAN  NHÂN DÂN"]  # two spaces are a typing slip, not a column


def test_cells_left_column_and_emphasis():
    assert _cells("| Độc lập - Tự do") == ["", "Độc lập - Tự do"]  # the left cell was empty
    assert _cells("| **Nơi nhận:** | **KT. GIÁM ĐỐC** |") == ["Nơi nhận:", "KT. GIÁM ĐỐC"]  # markdown row
    assert _cells("* Bộ GDĐT;   **KT. GIÁM ĐỐC**") == ["* Bộ GDĐT;", "KT. GIÁM ĐỐC"]  # a bullet is kept


def test_number_after_label_allows_a_space_round_the_slash_or_a_dash():
    text = "Số: 320 /KH-SLĐTBXH   Quảng Ngãi"
    found = number_after_label(text, text.index(":") + 1)
    assert found.number == "320/KH-SLĐTBXH" and found.symbol.kind == "KH"
    text = "Số: 17/KH-UBND"
    assert number_after_label(text, text.index(":") + 1).number == "17/KH-UBND"
    for text, number in (("Số: 125/QĐ - UBND   Hà Nội", "125/QĐ-UBND"), ("Số: 5/2024/QĐ - UBND", "5/2024/QĐ-UBND"),
                         ("Số: 12/KH-UBND - Hà Nội, ngày", "12/KH-UBND"), ("Số: 03/TB-LĐT BXH", "03/TB-LĐTBXH")):
        assert number_after_label(text, text.index(":") + 1).number == number, text


def test_parent_province_is_the_one_provincial_body_named():
    one = "Căn cứ Kế hoạch số 25/KH-UBND của UBND tỉnh Đồng Tháp; báo cáo Tỉnh ủy Đồng Tháp."
    assert parent_province(one, fold(one)) == "Đồng Tháp"
    two = "Thực hiện chỉ đạo của UBND tỉnh Lâm Đồng và Ủy ban nhân dân tỉnh Khánh Hòa."
    assert parent_province(two, fold(two)) is None
    unnamed = "Thực hiện chỉ đạo của UBND tỉnh, học tập kinh nghiệm tại tỉnh Lâm Đồng."
    assert parent_province(unnamed, fold(unnamed)) is None
    district = "Thực hiện Kế hoạch của UBND huyện Châu Thành."
    assert parent_province(district, fold(district)) is None


def test_provincial_territory():
    assert is_provincial(Territory("tỉnh", "An Giang"))
    assert is_provincial(Territory("", "Quảng Nam"))  # Tỉnh ủy Quảng Nam
    assert not is_provincial(Territory("thành phố", "Bảo Lộc"))
    assert not is_provincial(Territory("huyện", "Tam Nông"))


def test_signature_glued_to_the_recipients_list():
    cell = "- Như trên; PHÓ GIÁM ĐỐC"
    assert cell[glued_signature(cell):] == "PHÓ GIÁM ĐỐC"
    cell = "- Lưu: VT, KGVX. Trần Phước Hiền"
    assert cell[glued_signature(cell):] == "Trần Phước Hiền"
    assert glued_signature("- Báo Lạng Sơn; Đài Phát thanh Lạng Sơn") is None  # a name only after the archive line
    assert glued_signature("- TT. HĐND huyện; UBND các xã") is None


def test_signature_under_a_position_with_emphasis_after_prose_naming_the_position():
    text = ("Giao Sở Nội vụ theo dõi. Chủ tịch UBND tỉnh chỉ đạo.\n"
            "Nơi nhận:\t\tKT. CHỦ TỊCH\n- Như trên;\t\tPHÓ **CHỦ TỊCH**\n- Lưu: VT.\n\n\n\t\t\tNguyễn Văn An\n")
    found = from_signature(text, fold(text), 0)
    assert found.name == "Nguyễn Văn An" and found.position == "KT. CHỦ TỊCH PHÓ CHỦ TỊCH"


def test_fold_is_the_lower_case_with_tones_folded_as_normalize_does():
    assert fold("KẾ HỌACH Hòa Bình") == fold_tones("kế họach hòa bình") == "kế hoạch hoà bình"


def test_matches_at_the_cue_words_are_the_matches_of_a_scan():
    pattern = regex.compile(r"(?<![\p{L}])(?:độc lập|cộng hoà)")
    text = "cộng hoà, độc lập; xđộc lập; cộng\nhoà; cộng hoà"
    starts = word_starts(text, first_words(("Độc lập", "Cộng hòa")))
    assert [m.span() for m in matches_at(pattern, text, starts)] == [m.span() for m in pattern.finditer(text)]
    assert len(starts) == 5 and len(list(pattern.finditer(text))) == 3


def test_number_label_starts_give_the_matches_of_a_scan():
    """The label is tried only after a line start, a bar, two blanks or the motto's end: the
    same matches as the pattern's scan of random texts."""
    pieces = ["số", "Số", " ", "  ", "\t", "\n", "|", "*", ":", "phúc", "hạnh phúc", "một", "x", "số:"]
    rng = random.Random(4)
    for _ in range(5000):
        text = fold("".join(rng.choice(pieces) for _ in range(rng.randint(1, 14))))
        end = rng.randint(0, len(text)) if rng.random() < 0.3 else len(text)
        starts = layout._number_label_starts(text, end)
        found = [m.span() for m in matches_at(layout._number_label_re(), text, starts, end)]
        assert found == [m.span() for m in layout._number_label_re().finditer(text, 0, end)]
