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
