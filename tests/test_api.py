import pipeline.extractors as extractors
from pipeline import extract_text

TEXT = "Ngày 22/02/2022, Sở ban hành Kế hoạch số 444/KH-SLĐTBXH. Tỷ lệ hộ nghèo giảm còn 2,2%."


def test_extract_text_reads_like_a_txt_file():
    record = extract_text(TEXT)
    assert record.status == "ok"
    assert [d.value for d in record.dates] == ["2022-02-22"]
    assert [(t.value, t.unit) for t in record.targets] == [(2.2, "%")]


def test_empty_text_gives_an_error_record():
    record = extract_text("  \n ")
    assert record.status == "error" and record.error.code == "no_text"


def test_a_crashing_extractor_gives_an_error_record_that_keeps_the_other_findings(monkeypatch):
    def broken(doc, record):
        raise ValueError("boom")

    monkeypatch.setitem(extractors._REGISTRY, "references", broken)
    record = extract_text(TEXT)
    assert record.status == "error" and record.error.code == "internal_error"
    assert "boom" in record.error.message and "references" in record.error.message
    assert [d.value for d in record.dates] == ["2022-02-22"]  # found before the crash
    assert [(t.value, t.unit) for t in record.targets] == [(2.2, "%")]  # found after it
    assert any("references extractor failed" in w for w in record.warnings)


def test_extract_document_gives_the_record_of_extract_file():
    import hashlib
    from pathlib import Path

    from pipeline import extract_file
    from pipeline.api import extract_document
    from pipeline.ingest import read_path

    path = Path(__file__).resolve().parent.parent / "corpus" / "dev" / "kh-hanoi-09-2014.txt"
    doc, data, fmt = read_path(path)
    record = extract_document(doc, data, fmt, path)
    assert record == extract_file(path)
    assert record.source.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert record.targets


def test_a_file_that_cannot_be_parsed_keeps_its_hash_and_suffix_format(tmp_path):
    import hashlib

    from pipeline import extract_file

    path = tmp_path / "broken.pdf"
    path.write_bytes(b"not a pdf at all")
    record = extract_file(path)
    assert record.status == "error" and record.error.code == "corrupt_pdf"
    assert record.source.sha256 == hashlib.sha256(b"not a pdf at all").hexdigest()
    assert (record.source.bytes, record.source.format) == (16, "pdf")
