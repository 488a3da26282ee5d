import csv
import subprocess
import sys

import pytest

from pipeline.export import COLUMNS, export
from pipeline.models import Issuer, PlanDocument, Source, Target

TITLE = "Thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững năm 2024"


def records_file(tmp_path):
    text = "Tỷ lệ hộ nghèo giảm còn 2,2%; tạo việc làm cho 25.000 – 30.000 người."
    with_targets = PlanDocument(
        source=Source(path="corpus/kh-quảng-ngãi.txt"), doc_type="KH", number="04/KH-UBND",
        issuer=Issuer(name="Ủy ban nhân dân tỉnh Quảng Ngãi", province="Quảng Ngãi"), title=TITLE,
        issue_date={"value": "2024-01-11", "precision": "day", "text": "ngày 11 tháng 01 năm 2024"},
        targets=[
            Target(id="t1", kind="target", indicator="tỷ lệ hộ nghèo", value=2.2, unit="%", comparator="=",
                   period="2024", text="Tỷ lệ hộ nghèo giảm còn 2,2%", span=(0, 28), confidence=0.8),
            Target(id="t2", kind="target", indicator="số người được tạo việc làm", value=25000, value_max=30000,
                   unit="người", comparator="=", text=text[41:70], span=(41, 70), confidence=0.6),
        ],
    )
    without = PlanDocument(source=Source(path="corpus/news-bắc-kạn.txt"), doc_type="news", title="Tin bài về đào tạo nghề")
    path = tmp_path / "plans.jsonl"
    path.write_text("\n".join(r.model_dump_json() for r in (with_targets, without)) + "\n", encoding="utf-8")
    return path


def test_csv_has_a_bom_one_row_per_target_and_intact_diacritics(tmp_path):
    out, count = export(records_file(tmp_path), "csv", tmp_path / "t.csv")
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and count == 2
    rows = list(csv.DictReader(data.decode("utf-8-sig").splitlines()))
    assert tuple(rows[0]) == COLUMNS
    assert [r["indicator"] for r in rows] == ["tỷ lệ hộ nghèo", "số người được tạo việc làm"]
    assert rows[0]["title"] == TITLE and rows[0]["issuer"] == "Ủy ban nhân dân tỉnh Quảng Ngãi"
    assert rows[1]["value"] == "25000" and rows[1]["value_max"] == "30000" and rows[0]["value_max"] == ""
    assert rows[0]["value"] == "2.2" and rows[0]["confidence"] == "0.8"
    assert rows[0]["evidence"] == "Tỷ lệ hộ nghèo giảm còn 2,2%" and rows[0]["span_end"] == "28"


def test_keep_empty_gives_documents_without_targets_one_row(tmp_path):
    out, count = export(records_file(tmp_path), "csv", tmp_path / "t.csv", keep_empty=True)
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert count == 3 and rows[2]["source_path"] == "corpus/news-bắc-kạn.txt" and rows[2]["target_id"] == ""


def test_parquet_round_trip(tmp_path):
    pd = pytest.importorskip("pandas")
    out, count = export(records_file(tmp_path), "parquet", tmp_path / "t.parquet")
    frame = pd.read_parquet(out)
    assert list(frame.columns) == list(COLUMNS) and len(frame) == count == 2
    assert frame.loc[0, "title"] == TITLE and frame.loc[1, "unit"] == "người"
    assert frame["value"].tolist() == [2.2, 25000.0] and frame["span_start"].tolist() == [0, 41]
    assert frame.loc[0, "value_max"] != frame.loc[0, "value_max"]  # NaN for a missing upper end


def test_cli_export_default_output_and_errors(tmp_path):
    records = records_file(tmp_path)
    cmd = [sys.executable, "-m", "pipeline.cli", "export", str(records)]
    result = subprocess.run([*cmd, "--format", "csv"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "2 rows" in result.stderr and (tmp_path / "plans.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    bad = subprocess.run([*cmd, "--format", "xlsx"], capture_output=True, text=True)
    assert bad.returncode == 2 and "csv or parquet" in bad.stderr
    missing = subprocess.run([*cmd[:-1], str(tmp_path / "nope.jsonl")], capture_output=True, text=True)
    assert missing.returncode == 2
