"""Review page building blocks without a browser: segmenting overlaps, escaping, re-finding evidence."""
import html
import re

from conftest import CORPUS
from pipeline.models import PlanDocument, Source, Target
from pipeline.review import review_records
from pipeline.review.render import render_text
from pipeline.review.spans import Highlight, evidence_span


def test_overlapping_spans_become_flat_segments_and_the_text_is_kept():
    text = "Tỷ lệ hộ nghèo <giảm> còn 2,2% năm 2024 & sau"
    spans = [Highlight(0, 30, "target", "d0-t1", "t1"), Highlight(26, 30, "date", "d0-x", "x"),
             Highlight(31, 39, "period", "d0-p", "p")]
    out = render_text(text, spans)
    assert "<mark" in out and "<giảm>" not in out and "&lt;giảm&gt;" in out
    assert html.unescape(re.sub(r"<[^>]+>", "", out)) == text
    marks = re.findall(r'<mark class="([^"]+)" data-kinds="([^"]+)" data-ids="([^"]+)"', out)
    assert marks == [("hl k-target", "target", "d0-t1"), ("hl k-target multi", "target date", "d0-t1 d0-x"),
                     ("hl k-period", "period", "d0-p")]


def test_evidence_is_refound_when_the_span_no_longer_holds_it():
    text = "Mục tiêu: tỷ lệ hộ nghèo giảm còn 2,2%."
    assert evidence_span(text, (10, 38), "tỷ lệ hộ nghèo giảm còn 2,2%") == (10, 38)
    assert evidence_span(text, (0, 5), "hộ nghèo  giảm") == (16, 29)
    assert evidence_span(text, (0, 5), "không có") is None


def test_records_without_text_are_shown_with_the_text_read_again(tmp_path):
    path = CORPUS / "dev" / "kh-hanoi-09-2014.txt"
    record = PlanDocument(source=Source(path=str(path)), targets=[
        Target(id="t1", kind="target", value=99, unit="%", text="đạt 99%", span=(0, 7), confidence=0.5)])
    page = review_records([record])
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    assert 'data-ids="d0-t1"' in page and "đạt 99%</mark>" in page
    missing = PlanDocument(source=Source(path=str(tmp_path / "gone.txt")))
    assert "Không đọc được văn bản" in review_records([missing])


def test_figures_are_written_the_vietnamese_way():
    from pipeline.review.page import _num

    assert [_num(v) for v in (50000.0, 2.2, 1199858, 98.75, 100.0, None)] == ["50.000", "2,2", "1.199.858", "98,75", "100", ""]
