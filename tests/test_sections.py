"""The section tree: parts (A./B. in capitals) above roman sections, and what is not a heading."""
from pipeline.sections import section_tree

REPORT = """BÁO CÁO
A. KẾT QUẢ THỰC HIỆN 6 THÁNG ĐẦU NĂM 2024
I. VỀ KINH TẾ
1. Tăng trưởng kinh tế
B. NHIỆM VỤ 6 THÁNG CUỐI NĂM 2024
1. Phấn đấu thu ngân sách đạt 175 tỷ đồng.
A. Nguyễn Văn An, chuyên viên.
"""


def test_parts_in_capitals_open_the_top_level():
    tree = section_tree(REPORT)
    labels = [s.path for s in tree.sections]
    assert labels == ["A", "A.I", "A.I.1", "B", "B.1"]
    chain = [s.path for s in tree.chain(REPORT.index("175"))]
    assert chain == ["B.1", "B"]


def test_a_lettered_line_not_in_capitals_is_no_part():
    tree = section_tree(REPORT)
    assert tree.at(REPORT.index("Nguyễn")).path == "B.1"


VOLUMES = """BÁO CÁO
Phần I
KẾT QUẢ THỰC HIỆN 6 THÁNG ĐẦU NĂM 2025
1. Lâm nghiệp
Phần III: PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2025
1. Tập trung trồng mới 1.755 ha rừng để hoàn thành kế hoạch năm.
2. Tổ chức 02 đợt đánh giá, phân hạng sản phẩm.
Theo phần 2 của Kế hoạch.
"""


def test_phan_headings_open_a_level_above_parts_and_take_their_title_from_the_next_line():
    tree = section_tree(VOLUMES)
    assert [s.path for s in tree.sections] == ["Phần I", "Phần I.1", "Phần III", "Phần III.1", "Phần III.2"]
    assert tree.sections[0].title == "KẾT QUẢ THỰC HIỆN 6 THÁNG ĐẦU NĂM 2025"


def test_a_heading_word_deep_in_an_item_does_not_make_its_section_kind():
    from pipeline.extractors.targets.context import build_context
    ctx = build_context(VOLUMES, doc_type="BC", issue_year=2025)
    assert ctx.heading_kind(VOLUMES.index("02 đợt")) == "target"  # Phần III's title, not the item's "đánh giá"
    assert ctx.heading_kind(VOLUMES.index("Lâm nghiệp")) == "result"
