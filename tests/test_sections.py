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
