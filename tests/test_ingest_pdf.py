import pytest
from fixtures.docs import pdf_from_text, plan_pdf, scanned_pdf

from pipeline.errors import ExtractionError
from pipeline.ingest import read_bytes
from pipeline.ingest.sniff import detect_format

ISSUER = ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI", "-------", "Số: 04/KH-UBND"]
MOTTO = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "---------------",
         "Quảng Ngãi, ngày 11 tháng 01 năm 2024"]
LONG = ("Phấn đấu giảm tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều bình quân mỗi năm từ 1% trở lên, huy động "
        "nguồn lực của toàn xã hội để hỗ trợ người nghèo vươn lên thoát nghèo bền vững, nhất là ở các huyện miền núi.")
BODY = ["KẾ HOẠCH", "Thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững năm 2024",
        "Căn cứ Quyết định số 90/QĐ-TTg ngày 18 tháng 01 năm 2022 của Thủ tướng Chính phủ phê duyệt Chương trình "
        "mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025;", "I. MỤC TIÊU"] + [LONG] * 30
TARGETS = [["TT", "Chỉ tiêu", "Đơn vị", "Kế hoạch 2024"], ["1", "Tỷ lệ hộ nghèo giảm", "%", "2,5"],
           ["2", "Số lao động được tạo việc làm mới", "người", "25.000"]]


@pytest.fixture(scope="module")
def plan():
    data = plan_pdf(ISSUER, MOTTO, BODY, TARGETS, ["Giao Sở Lao động chủ trì thực hiện."])
    assert detect_format(data, ".pdf") == "pdf"
    return read_bytes(data, "pdf")


def test_two_column_header_reads_as_two_blocks(plan):
    header = "\n".join(ISSUER + MOTTO)
    assert plan.text.startswith(header + "\n")
    assert plan.text[len(header) :].lstrip("\n").startswith("KẾ HOẠCH\n")


def test_wrapped_lines_are_rejoined_into_paragraphs(plan):
    assert "\n" + LONG + "\n" in plan.text
    assert "Chính phủ phê duyệt Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025;\nI. MỤC TIÊU" in plan.text


def test_targets_table_rows_and_cells(plan):
    assert "\n1 | Tỷ lệ hộ nghèo giảm | % | 2,5\n2 | Số lao động được tạo việc làm mới | người | 25.000\n" in plan.text
    cells = [(plan.text[b.span[0] : b.span[1]], b.page) for b in plan.blocks if b.kind == "table_cell"]
    assert ("25.000", 3) in cells or ("25.000", 2) in cells


def test_blocks_carry_pages_and_page_numbers_leave_the_flow(plan):
    pages = {b.page for b in plan.blocks}
    assert {1, 2} <= pages and None not in pages
    numbers = [(plan.text[b.span[0] : b.span[1]], b.page) for b in plan.blocks if b.kind == "page_number"]
    assert numbers[:2] == [("1", 1), ("2", 2)]
    first_number = min(b.span[0] for b in plan.blocks if b.kind == "page_number")
    assert plan.text.index("Giao Sở Lao động") < first_number


def test_same_text_as_the_corpus_file():
    from conftest import CORPUS
    from pipeline.ingest import read_path

    txt, _, _ = read_path(CORPUS / "dev" / "kh-hanoi-09-2014.txt")
    doc = read_bytes(pdf_from_text(txt.text), "pdf")
    assert doc.text.split("\n")[: txt.text.count("\n")] == txt.text.split("\n")[: txt.text.count("\n")]


@pytest.mark.parametrize("make,code", [
    (lambda: plan_pdf(ISSUER, MOTTO, BODY[:3], TARGETS, [])[:3000], "corrupt_pdf"),
    (lambda: b"%PDF-1.4\nthis is not a pdf body\n%%EOF\n", "corrupt_pdf"),
    (scanned_pdf, "no_text_layer"),
    (lambda: plan_pdf(ISSUER, MOTTO, BODY[:3], TARGETS, [], encrypt_with="secret"), "encrypted_pdf"),
])
def test_bad_pdfs_give_their_code(make, code):
    with pytest.raises(ExtractionError) as err:
        read_bytes(make(), "pdf")
    assert err.value.code == code


def test_pdf_extension_without_pdf_header():
    with pytest.raises(ExtractionError) as err:
        detect_format(b"<html>not a pdf</html>", ".pdf")
    assert err.value.code == "corrupt_pdf"


def test_table_without_rules_reads_as_rows():
    from fixtures.docs import positioned_pdf

    data = positioned_pdf([
        [(15, "Chỉ tiêu"), (110, "Đơn vị"), (160, "Năm 2025")],
        [(15, "Tỷ lệ hộ nghèo"), (110, "%"), (160, "1,5")],
        [(15, "Lao động có việc làm"), (110, "người"), (160, "30.000")],
    ])
    doc = read_bytes(data, "pdf")
    assert doc.text.split("\n") == ["Chỉ tiêu | Đơn vị | Năm 2025", "Tỷ lệ hộ nghèo | % | 1,5", "Lao động có việc làm | người | 30.000"]


def test_recipients_and_signer_foot_read_column_by_column():
    from fixtures.docs import positioned_pdf

    data = positioned_pdf([
        [(15, "Giao Sở Lao động - Thương binh và Xã hội chủ trì, phối hợp với các sở, ngành thực hiện kế hoạch này./.")],
        [],
        [(15, "Nơi nhận:"), (120, "KT. CHỦ TỊCH")],
        [(15, "- Như trên;"), (120, "PHÓ CHỦ TỊCH")],
        [(15, "- Lưu: VT.")],
        [(120, "Nguyễn Văn An")],
    ])
    lines = read_bytes(data, "pdf").text.split("\n")
    assert lines[-6:] == ["Nơi nhận:", "- Như trên;", "- Lưu: VT.", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An"]


def test_pages_over_the_cap_are_not_read(monkeypatch):
    from fixtures.docs import many_pages_pdf

    from pipeline.ingest import pdf

    monkeypatch.setattr(pdf, "MAX_PAGES", 2)
    doc = read_bytes(many_pages_pdf(4), "pdf")
    assert "số 2 của" in doc.text and "số 3 của" not in doc.text
    assert any("2 of 4 pages" in w for w in doc.warnings)


def test_glyphs_without_unicode_map_count_as_no_text_layer():
    from pipeline.ingest.pdf import unmapped_share

    assert unmapped_share("(cid:12)(cid:45) (cid:7)(cid:99)") == 1.0
    assert unmapped_share("Kế hoạch số 12/KH-UBND") == 0.0
    assert 0.2 < unmapped_share("Kế hoạch (cid:12)(cid:45)") < 0.8


def test_a_broken_page_is_skipped_with_a_warning(monkeypatch):
    from fixtures.docs import many_pages_pdf

    from pipeline.ingest import pdf

    real = pdf.page_lines

    def flaky(page, boxes):
        if page.page_number == 2:
            raise ValueError("bad content stream")
        return real(page, boxes)

    monkeypatch.setattr(pdf, "page_lines", flaky)
    doc = read_bytes(many_pages_pdf(3), "pdf")
    assert "số 1 của" in doc.text and "số 3 của" in doc.text and "số 2 của" not in doc.text
    assert any("page 2 could not be read" in w for w in doc.warnings)
    monkeypatch.setattr(pdf, "page_lines", lambda page, boxes: (_ for _ in ()).throw(ValueError("all bad")))
    with pytest.raises(ExtractionError) as err:
        read_bytes(many_pages_pdf(2), "pdf")
    assert err.value.code == "corrupt_pdf"
