import io
import zipfile

import pytest
from fixtures.docs import docx_from_text, plan_docx

from pipeline.errors import ExtractionError
from pipeline.ingest import read_bytes
from pipeline.ingest.sniff import detect_format

HEADER = [
    [["ỦY BAN NHÂN DÂN", "TỈNH HÀ GIANG", "-------"], ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]],
    ["Số: 12/KH-UBND", "Hà Giang, ngày 05 tháng 01 năm 2024"],
]
TARGETS = [
    ["TT", "Chỉ tiêu", "Đơn vị", "Kế hoạch 2024"],
    ["1", "Tỷ lệ hộ nghèo giảm", "%", "2,5"],
    ["2", "Số lao động được tạo việc làm mới", "người", "25.000"],
]


@pytest.fixture(scope="module")
def plan():
    data = plan_docx(
        HEADER,
        ["KẾ HOẠCH", "Thực hiện giảm nghèo năm 2024",
         "Căn cứ Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ;"],
        ["Mục tiêu chung", "Nhiệm vụ và giải pháp"],
        TARGETS,
        ["Giao Sở Lao động - Thương binh và Xã hội chủ trì thực hiện."],
    )
    assert detect_format(data, ".docx") == "docx"
    return read_bytes(data, "docx")


def test_header_table_columns_are_not_interleaved(plan):
    lines = plan.text.split("\n")
    assert lines[:5] == ["ỦY BAN NHÂN DÂN", "TỈNH HÀ GIANG", "-------", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert lines[5] == "Số: 12/KH-UBND | Hà Giang, ngày 05 tháng 01 năm 2024"


def test_body_order_paragraphs_numbered_list_table_paragraph(plan):
    text = plan.text
    order = ["KẾ HOẠCH", "Căn cứ Quyết định", "1. Mục tiêu chung", "2. Nhiệm vụ và giải pháp",
             "1 | Tỷ lệ hộ nghèo giảm | % | 2,5", "2 | Số lao động được tạo việc làm mới | người | 25.000", "Giao Sở Lao động"]
    positions = [text.index(s) for s in order]
    assert positions == sorted(positions)


def test_blocks_mark_table_cells_and_cover_the_text(plan):
    cells = [plan.text[b.span[0] : b.span[1]] for b in plan.blocks if b.kind == "table_cell"]
    assert "Tỷ lệ hộ nghèo giảm" in cells and "25.000" in cells and "TỈNH HÀ GIANG" in cells
    assert all(b.page is None for b in plan.blocks)
    assert plan.format == "docx" and len(plan.source_offsets) == len(plan.text) + 1


def test_text_from_a_corpus_file_reads_back_the_same():
    from conftest import CORPUS
    from pipeline.ingest import read_path

    txt, _, _ = read_path(CORPUS / "dev" / "kh-hanoi-09-2014.txt")
    doc = read_bytes(docx_from_text(txt.text), "docx")
    assert doc.text == txt.text


def test_corrupt_docx_inputs():
    good = docx_from_text("Kế hoạch số 1")
    with pytest.raises(ExtractionError) as err:
        read_bytes(good[: len(good) // 2], "docx")
    assert err.value.code == "corrupt_docx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/other.xml", "<x/>")
    with pytest.raises(ExtractionError) as err:
        read_bytes(buffer.getvalue(), "docx")
    assert err.value.code == "corrupt_docx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<not-closed")
    with pytest.raises(ExtractionError) as err:
        read_bytes(buffer.getvalue(), "docx")
    assert err.value.code == "corrupt_docx"
    with pytest.raises(ExtractionError) as err:
        detect_format(b"just some text", ".docx")
    assert err.value.code == "corrupt_docx"


def test_docx_typed_in_a_tcvn3_font_is_converted():
    from pipeline.ingest.encodings import encode_tcvn3, encode_vni

    text = "Căn cứ Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ;\nTỷ lệ hộ nghèo giảm còn 2,2%."
    for name, encode in (("tcvn3", encode_tcvn3), ("vni", encode_vni)):
        as_font = encode(text).decode("cp1252")  # what Word stores when the text was typed with .VnTime / VNI-Times
        doc = read_bytes(docx_from_text(as_font), "docx")
        assert doc.text == text and doc.encoding == f"{name} (font)"
    assert read_bytes(docx_from_text(text), "docx").encoding is None


def test_national_header_in_the_page_header_is_read_first():
    import docx

    document = docx.Document()
    table = document.sections[0].header.add_table(rows=1, cols=2, width=docx.shared.Inches(6))
    table.cell(0, 0).paragraphs[0].text = "ỦY BAN NHÂN DÂN"
    table.cell(0, 0).add_paragraph("TỈNH LẠNG SƠN")
    table.cell(0, 1).paragraphs[0].text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    table.cell(0, 1).add_paragraph("Độc lập - Tự do - Hạnh phúc")
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Bảo hiểm y tế toàn dân năm 2024")
    buffer = io.BytesIO()
    document.save(buffer)
    doc = read_bytes(buffer.getvalue(), "docx")
    assert doc.text.startswith("ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nKẾ HOẠCH\n")
    assert doc.text.count("TỈNH LẠNG SƠN") == 1
    plain = docx_from_text("KẾ HOẠCH\nBảo hiểm y tế")
    assert read_bytes(plain, "docx").text == "KẾ HOẠCH\nBảo hiểm y tế"
