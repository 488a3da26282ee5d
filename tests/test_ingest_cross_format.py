"""The same document as .txt, .docx and .pdf gives the same extraction.

The DOCX and PDF are written from the txt reader's text (rows with " | " as tables, the lines set out
under a row as the ends of its cells, the PDF's paragraphs wrapped by its line width), so the formats
are compared with each other, whatever the extractors find."""
import pytest
from conftest import CORPUS
from fixtures.docs import docx_from_text, pdf_from_text

from pipeline import extract_file
from pipeline.ingest import read_path

DOCS = sorted(f"{p.parent.name}/{p.stem}" for p in CORPUS.glob("*/*.txt"))


def _facts(record):
    return {
        "status": record.status,
        "doc_type": record.doc_type,
        "number": record.number,
        "issue_date": record.issue_date.value if record.issue_date else None,
        "references": [r.number for r in record.references],
        "dates": [d.value for d in record.dates],
        "targets": [(t.value, t.unit) for t in record.targets],
    }


@pytest.mark.parametrize("doc_id", DOCS)
def test_txt_docx_pdf_agree(doc_id, tmp_path):
    source = CORPUS / f"{doc_id}.txt"
    text = read_path(source)[0].text
    name = source.stem
    (tmp_path / f"{name}.docx").write_bytes(docx_from_text(text))
    (tmp_path / f"{name}.pdf").write_bytes(pdf_from_text(text))
    records = {fmt: extract_file(path) for fmt, path in
               (("txt", source), ("docx", tmp_path / f"{name}.docx"), ("pdf", tmp_path / f"{name}.pdf"))}
    assert [r.source.format for r in records.values()] == ["txt", "docx", "pdf"]
    facts = {fmt: _facts(r) for fmt, r in records.items()}
    assert facts["txt"]["status"] == "ok"
    found = [facts["txt"][k] for k in ("dates", "references", "targets", "number")]
    assert any(found), "nothing extracted: the comparison would prove nothing"
    assert facts["docx"] == facts["txt"]
    assert facts["pdf"] == facts["txt"]
