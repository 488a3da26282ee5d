"""spaCy frame and section tree for the targets."""
from __future__ import annotations

import spacy

import pipeline.nlp  # noqa: F401  (registers the factories)
from pipeline.nlp import blank_vi, make_nlp
from pipeline.sections import section_tree

PLAN = """KẾ HOẠCH
Thi đua năm 2023
I. NỘI DUNG THI ĐUA
1. Thi đua thực hiện các chỉ tiêu
1.1. Lĩnh vực lao động, việc làm:
- Số lao động được tạo việc làm mới đạt 17.800 người.
1.2. Lĩnh vực Giáo dục nghề nghiệp:
Nâng tỷ lệ lao động qua đào tạo nghề đến cuối năm 2023 đạt 57,8%.
II. TỔ CHỨC THỰC HIỆN
a) Giao Văn phòng Sở theo dõi.
"""


def test_add_pipe_gives_target_spans():
    nlp = blank_vi()
    nlp.add_pipe("vnplan_targets", config={"doc_type": "KH"})
    doc = nlp(PLAN)
    labels = [s.label_ for s in doc.spans["targets"]]
    assert labels == ["target", "target"]
    values = sorted(t.value for t in doc._.targets)
    assert values == [57.8, 17800]
    assert all(s.start_char <= t.span[0] and t.span[1] <= s.end_char
               for s, t in zip(doc.spans["targets"], doc._.targets))


def test_make_nlp_has_sections_and_targets():
    nlp = make_nlp("KH")
    assert nlp.pipe_names == ["vnplan_sections", "vnplan_targets"]
    doc = nlp(PLAN)
    paths = [p.split(" ")[0] for p, _, _ in doc._.sections]
    assert paths == ["I", "I.1", "I.1.1", "I.1.2", "II", "II.a"]


def test_section_paths_on_targets():
    tree = section_tree(PLAN)
    pos = PLAN.index("57,8%")
    assert tree.at(pos).label == "I.1.2 Lĩnh vực Giáo dục nghề nghiệp"
    assert [s.path for s in tree.chain(pos)] == ["I.1.2", "I.1", "I"]
    assert tree.at(PLAN.index("Giao Văn")).path == "II.a"
    assert tree.at(0) is None


def test_table_cells_and_numbers_are_not_headings():
    text = "I. MỤC TIÊU\n89.4 |\n1.1 - Số đấu nước |\n2. Mục tiêu cụ thể\n"
    assert [s.path for s in section_tree(text).sections] == ["I", "I.2"]


def test_blank_vi_needs_no_pyvi():
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    assert [t.text for t in nlp("Tỷ lệ hộ nghèo 2,2%")] == ["Tỷ", "lệ", "hộ", "nghèo", "2,2%"]
