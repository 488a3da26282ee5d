import pytest
from conftest import CORPUS
from fixtures.pages import news_page

from pipeline.ingest import read_bytes, read_path
from pipeline.ingest.sniff import detect_format

NEWS = ["news-hungyen-kh444-2022", "news-laocai-coddau-2023", "news-vinhlong-thidua-2018", "news-tayninh-giam-ngheo-2023"]


def _split(doc_id):
    path = next(CORPUS.glob(f"*/{doc_id}.txt"))
    doc, _, _ = read_path(path)
    body, chrome = [], []
    for block in doc.blocks:
        text = doc.text[block.span[0] : block.span[1]]
        (chrome if block.kind == "boilerplate" else body).append(text)
    return body, chrome


@pytest.mark.parametrize("doc_id", NEWS)
def test_article_text_without_chrome(doc_id):
    body, chrome = _split(doc_id)
    title, paragraphs = body[0], [p for p in body[1:] if len(p) > 60]
    menu = ["Trang chủ", "Giới thiệu", "Tin tức - Sự kiện", "Văn bản pháp quy", "Liên hệ"]
    items = [c for c in chrome if len(c) > 25] or ["Các doanh nghiệp tiếp tục xây dựng điển hình (26/05/2023 10:17 SA)"]
    page = news_page(paragraphs, menu, items, ["Thống kê truy cập", "Đang online: 295", "Lượt xem: 1234"], title)
    data = page.encode("utf-8")
    assert detect_format(data, ".html") == "html" and detect_format(data, "") == "html"
    doc = read_bytes(data, "html")
    assert doc.format == "html" and doc.encoding == "utf-8"
    for paragraph in paragraphs:
        assert " ".join(paragraph.split()) in doc.text
    for noise in menu[1:] + items + ["Đang online: 295", "Chia sẻ", "In bài viết", "Tin mới nhất"]:
        assert noise not in doc.text


def test_declared_legacy_charset_and_fallback_body():
    page = "<html><head><meta charset='windows-1258'></head><body><p>Kế hoạch số 12/KH-UBND</p></body></html>"
    from fixtures.encodings import encode_cp1258

    doc = read_bytes(encode_cp1258(page), "html")
    assert "Kế hoạch số 12/KH-UBND" in doc.text
    assert doc.encoding == "windows-1258"


def test_page_without_article_keeps_body_lines_and_marks_chrome():
    page = "<html><body><div>Trang chủ</div><div>Lượt xem: 73</div><div>Kế hoạch số 12/KH-UBND năm 2024</div></body></html>"
    doc = read_bytes(page.encode("utf-8"), "html")
    kinds = {doc.text[b.span[0] : b.span[1]]: b.kind for b in doc.blocks}
    assert kinds["Lượt xem: 73"] == "boilerplate" and kinds["Kế hoạch số 12/KH-UBND năm 2024"] != "boilerplate"


def test_line_breaks_inside_a_paragraph_stay_line_breaks():
    page = ("<html><body><article><h1>Giao chỉ tiêu giảm nghèo năm 2024 cho các huyện</h1>"
            "<p>Ủy ban nhân dân tỉnh giao chỉ tiêu giảm nghèo năm 2024 như sau:<br>- Tỷ lệ hộ nghèo giảm 2,5%.<br>"
            "- Số lao động được tạo việc làm mới là 25.000 người.</p>"
            "<p>Các huyện, thị xã, thành phố tổ chức thực hiện và báo cáo kết quả trước ngày 15/12/2024.</p>"
            "</article></body></html>")
    doc = read_bytes(page.encode("utf-8"), "html")
    assert "như sau:\n- Tỷ lệ hộ nghèo giảm 2,5%.\n- Số lao động được tạo việc làm mới là 25.000 người." in doc.text


def test_extractor_failure_falls_back_to_body_text(monkeypatch):
    import trafilatura

    def broken(*args, **kwargs):
        raise RuntimeError("extractor bug")

    monkeypatch.setattr(trafilatura, "extract", broken)
    doc = read_bytes("<html><body><p>Kế hoạch số 12/KH-UBND năm 2024 về giảm nghèo.</p></body></html>".encode("utf-8"), "html")
    assert "Kế hoạch số 12/KH-UBND năm 2024 về giảm nghèo." in doc.text
    assert any("article extraction failed" in w for w in doc.warnings)
