"""Every format and every bad input through `vnplan extract` on one folder: bad files give
their error code and the batch goes on."""
import json
import subprocess
import sys
from pathlib import Path

from conftest import CORPUS
from fixtures.docs import docx_from_text, pdf_from_text, plan_pdf, scanned_pdf
from fixtures.encodings import encode_cp1258
from fixtures.pages import news_page

from pipeline.ingest.encodings import encode_tcvn3, encode_vni


def test_mixed_folder(tmp_path, validator):
    text = (CORPUS / "dev" / "kh-hanoi-09-2014.txt").read_text(encoding="utf-8")
    files = {
        "good_utf8.txt": text.encode("utf-8"),
        "good_bom.txt": b"\xef\xbb\xbf" + text.encode("utf-8"),
        "good_utf16.txt": text.encode("utf-16"),
        "good_cp1258.txt": encode_cp1258(text),
        "good_tcvn3.txt": encode_tcvn3(text),
        "good_vni.txt": encode_vni(text),
        "good.docx": docx_from_text(text),
        "good.pdf": pdf_from_text(text),
        "good.html": news_page([l for l in text.split("\n") if len(l) > 80], ["Trang chủ", "Liên hệ"], [], ["Lượt xem: 5"],
                               "Kế hoạch xóa mù chữ đến năm 2020").encode("utf-8"),
        "bad_truncated.pdf": pdf_from_text(text)[:4000],
        "bad_encrypted.pdf": plan_pdf(["A"], ["B"], ["Kế hoạch số 1"], [["a", "b"]], [], encrypt_with="pw"),
        "bad_scanned.pdf": scanned_pdf(),
        "bad_truncated.docx": docx_from_text(text)[:3000],
        "bad_old.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600,
        "bad_empty.txt": b"",
        "bad_binary.txt": bytes(range(256)) * 8,
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    result = subprocess.run([sys.executable, "-m", "pipeline.cli", "extract", str(tmp_path), "-o", "-"],
                            capture_output=True, text=True)
    records = {Path(r["source"]["path"]).name: r for r in map(json.loads, result.stdout.splitlines())}
    assert set(records) == set(files)
    for record in records.values():
        validator.validate(record)
    expected_errors = {
        "bad_truncated.pdf": "corrupt_pdf", "bad_encrypted.pdf": "encrypted_pdf", "bad_scanned.pdf": "no_text_layer",
        "bad_truncated.docx": "corrupt_docx", "bad_old.doc": "unsupported_format", "bad_empty.txt": "empty_file",
        "bad_binary.txt": "binary_file",
    }
    assert {n: r["error"]["code"] for n, r in records.items() if r["status"] == "error"} == expected_errors
    encodings = {n: records[n]["source"]["encoding"] for n in files if n.endswith(".txt") and n.startswith("good")}
    assert encodings == {"good_utf8.txt": "utf-8", "good_bom.txt": "utf-8-sig", "good_utf16.txt": "utf-16",
                         "good_cp1258.txt": "windows-1258", "good_tcvn3.txt": "tcvn3", "good_vni.txt": "vni"}
    assert {records[n]["source"]["format"] for n in ("good.docx", "good.pdf", "good.html")} == {"docx", "pdf", "html"}
    numbers = {records[n]["number"] for n in files if n.startswith("good") and n != "good.html"}
    assert len(numbers) == 1
    assert result.returncode == 1 and f"{len(files)} documents, {len(expected_errors)} errors" in result.stderr
