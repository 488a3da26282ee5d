"""The targets extractor inside the whole pipeline: record fields, spans, ids, parents, web chrome."""
from __future__ import annotations

from pathlib import Path

from pipeline import extract_file, extract_text

ROOT = Path(__file__).resolve().parent.parent

NEWS = """Trang chủ | Tin tức | Liên hệ
Tổng kết công tác lao động năm 2023
Cập nhật: 12/01/2024 09:15 | Lượt xem: 1.245
Năm 2023, toàn tỉnh giải quyết việc làm cho 18.500 lao động, đạt 102,8% kế hoạch; trong đó đưa 1.250 lao động đi làm việc ở nước ngoài.
Năm 2024, ngành phấn đấu giải quyết việc làm cho 19.000 lao động; tỷ lệ lao động qua đào tạo đạt 70%.
Tin liên quan
Hà Nội: 95% doanh nghiệp đã trả lương đúng hạn (10/01/2024)
Đang truy cập: 35
"""


def test_record_targets_are_consistent():
    rec = extract_text(NEWS, include_text=True)
    assert rec.status == "ok"
    values = [t.value for t in rec.targets]
    assert values == [18500, 102.8, 1250, 19000, 70]
    ids = [t.id for t in rec.targets]
    assert len(set(ids)) == len(ids)
    for t in rec.targets:
        assert rec.text[t.span[0]:t.span[1]] == t.text
        assert t.parent is None or t.parent in ids
        assert 0 < t.confidence <= 1
    by_value = {t.value: t for t in rec.targets}
    assert by_value[18500].kind == "result" and by_value[18500].period == "2023"
    assert by_value[102.8].kind == "result"
    assert by_value[1250].parent == by_value[18500].id
    assert by_value[19000].kind == "target" and by_value[19000].period == "2024"


def test_chrome_counters_and_related_posts_give_no_target():
    rec = extract_text(NEWS)
    assert not {1245, 35, 95} & {t.value for t in rec.targets}


def test_section_path_on_a_plan():
    rec = extract_file(ROOT / "corpus" / "seeds" / "ctr-hagiang-ldtbxh-2023.txt")
    sections = {t.value: t.section for t in rec.targets}
    assert sections[57.8].startswith("I.1.2 ")
    assert sections[40].startswith("I.1.5 ")
    first = rec.targets[0]
    assert first.value == 10000 and first.period == "2023-H1"
    subs = [t for t in rec.targets if t.parent == first.id]
    assert {t.value for t in subs} >= {6000}
