"""The public API of pipeline.values: exact values, spans that hold the evidence."""
from datetime import date

import pytest

from pipeline.values import (find_dates, find_numbers, find_periods, find_quantities, parse_date,
                             parse_number)


@pytest.mark.parametrize("text,expected", [
    ("một trăm linh một", 101), ("2,2", 2.2), ("5 triệu", 5000000), ("50.000", 50000),
    ("1.199.858", 1199858), ("709,4", 709.4), ("04", 4), ("98.75", 98.75), ("1,200,000", 1200000),
    ("hai mươi lăm", 25), ("mười", 10), ("ba mươi mốt", 31), ("hai mươi tư", 24), ("mười nhăm", 15),
    ("một nghìn lẻ năm", 1005), ("năm ngàn", 5000), ("1,2 triệu", 1200000),
])
def test_parse_number(text, expected):
    value = parse_number(text)
    assert value == expected and type(value) is type(expected)


@pytest.mark.parametrize("text", ["", "abc", "1.2.3", "mười năm", "năm 2023", "22/02/2022", "lẻ"])
def test_parse_number_rejects(text):
    assert parse_number(text) is None


def test_money_in_dong_is_exact():
    (q,) = find_quantities("Huy động vốn đạt 709,4 tỷ đồng")
    assert (q.value, q.unit, q.kind, q.amount_dong) == (709.4, "tỷ đồng", "money", 709_400_000_000)


@pytest.mark.parametrize("text,value,precision", [
    ("22/02/2022", "2022-02-22", "day"), ("23 - 02 - 2022", "2022-02-23", "day"),
    ("5.3.2015", "2015-03-05", "day"), ("ngày 07 tháng 4 năm 2014", "2014-04-07", "day"),
    ("ngày 13\ntháng 7 năm 2018", "2018-07-13", "day"), ("ngày23/07/2013", "2013-07-23", "day"),
    ("ngày   tháng 01 năm 2023", "2023-01", "month"), ("tháng 8 năm 2024", "2024-08", "month"),
])
def test_parse_date(text, value, precision):
    d = parse_date(text)
    assert (d.value, d.precision) == (value, precision)


@pytest.mark.parametrize("text", ["31/02/2022", "ngày 6/1", "16/16", "6 tháng", "92%", "2023"])
def test_parse_date_rejects(text):
    assert parse_date(text) is None


def test_plain_days_read_as_the_general_parser_reads_them():
    from pipeline.values.date_string import _parse_date, _plain_day

    shapes = ("{d}/{m}/{y}", "ngày {d}/{m}/{y}", "Ngày {d}/{m}/{y}", "ngày {d} tháng {m} năm {y}", "Ngày {d} tháng {m} năm {y}")
    read = 0
    for shape in shapes:
        for d in ("0", "1", "05", "28", "29", "30", "31", "32", "99"):
            for m in ("0", "2", "02", "4", "12", "13"):
                for y in ("2024", "2025", "1000", "9999"):
                    text = shape.format(d=d, m=m, y=y)
                    plain = _plain_day(text)
                    assert plain is None or plain == _parse_date.__wrapped__(text, None, "future"), text
                    read += plain is not None
    assert read > 100


def test_relative_dates_need_a_reference():
    assert parse_date("hôm qua") is None
    assert parse_date("hôm qua", ref=date(2017, 2, 2)).value == "2017-02-01"
    assert parse_date("3 ngày trước", ref=date(2017, 2, 2)).value == "2017-01-30"


def test_spans_hold_the_evidence():
    text = "Từ ngày 01/01/2023 đến 31/12/2023, giảm còn 2,2 % (giai đoạn 2022 - 2025); 30/12/2013quy"
    for found in (find_dates(text), find_quantities(text), find_periods(text), find_numbers(text)):
        assert found
        for m in found:
            assert text[m.span[0]:m.span[1]] == m.text
    assert [d.role for d in find_dates(text)][:2] == ["range_start", "range_end"]
    assert find_dates(text)[-1].value == "2013-12-30"
