"""The dates and periods extractors fill the record from the value layer."""
from pipeline.document import Document
from pipeline.extractors.dates import extract_dates
from pipeline.extractors.periods import document_year, extract_periods
from pipeline.models import PlanDocument, Source

TEXT = ("Hà Giang, ngày 04 tháng 01 năm 2023\nKẾ HOẠCH\nTừ ngày 10/6/2023 đến 25/6/2023; "
        "6 tháng đầu năm đạt 10.000 người (Cả năm là: 17.800 người); giai đoạn 2021-2025.")


def _run(text):
    doc = Document(text=text)
    record = PlanDocument(source=Source(path="x.txt"))
    extract_dates(doc, record)
    extract_periods(doc, record)
    return doc, record


def test_dates_and_periods_in_the_record():
    doc, record = _run(TEXT)
    assert [(d.value, d.role) for d in record.dates] == [
        ("2023-01-04", "issue"), ("2023-06-10", "range_start"), ("2023-06-25", "range_end")]
    assert [p.label for p in record.periods] == ["2023-H1", "2023", "2021-2025"]  # not the year of a date
    for item in record.dates + record.periods:
        assert TEXT[item.span[0]:item.span[1]] == item.text
    assert doc.cache["document_year"] == 2023


def test_document_year_without_dates_is_the_year_named_most():
    doc, _ = _run("Cùng kỳ năm 2020; kế hoạch năm 2021, thực hiện năm 2021, so với năm 2020 và năm 2021.")
    assert document_year(doc) == 2021
