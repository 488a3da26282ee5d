"""The same document as .txt, .docx and .pdf gives the same extraction.

The DOCX and PDF are written from the txt reader's text (rows with " | " as tables, the PDF's
paragraphs wrapped by its line width), so the formats are compared with each other, whatever
the extractors find."""
import pytest
from conftest import CORPUS
from fixtures.docs import docx_from_text, pdf_from_text

from pipeline import extract_file
from pipeline.ingest import read_path

# A layout-mode text whose table rows wrap their cells onto lines of their own: the reader joins the header and the
# first rows into one line of space-set columns, which this fixture's PDF writer re-wraps in a proportional font, so
# the PDF loses one figure the txt keeps. Strict: the day the reader keeps such rows apart, this starts to pass.
LAYOUT_WRAPPED_CELLS = {"blind40/kh-bacninh-pccc-186-2025"}
DOCS = [pytest.param(d, marks=pytest.mark.xfail(strict=True, reason="space-set table with wrapped cells"))
        if d in LAYOUT_WRAPPED_CELLS else d
        for d in sorted(f"{p.parent.name}/{p.stem}" for p in CORPUS.glob("*/*.txt"))]


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
