"""The metadata rules' own examples (corpus/examples/metadata*.jsonl): small documents
written to show one rule each, positive and negative, beyond the corpus."""
from __future__ import annotations

import json

import pytest

from conftest import CORPUS
import unicodedata

from pipeline import extract_text
from pipeline.document import Document
from pipeline.extractors import run_extractors
from pipeline.extractors import chain  # noqa: F401
from pipeline.models import PlanDocument, Source

FILES = ("metadata.jsonl", "metadata_news.jsonl", "metadata_layouts.jsonl")


def _examples():
    for name in FILES:
        with (CORPUS / "examples" / name).open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    ex = json.loads(line)
                    yield pytest.param(ex, id=f"{name}:{ex['note'][:60]}")


def _fold(value):
    return " ".join(value.split()).casefold() if isinstance(value, str) else value


def _actual(record, field):
    issuer, signer, date = record.issuer, record.signer, record.issue_date
    return {
        "doc_type": lambda: record.doc_type,
        "number": lambda: record.number,
        "issuer": lambda: issuer.name if issuer else None,
        "issuer_abbreviation": lambda: issuer.abbreviation if issuer else None,
        "issuer_province": lambda: issuer.province if issuer else None,
        "place": lambda: record.place,
        "issue_date": lambda: date.value if date else None,
        "issue_date_precision": lambda: date.precision if date else None,
        "title": lambda: _fold(record.title),
        "title_exact": lambda: record.title,
        "signer_name": lambda: signer.name if signer else None,
        "signer_position": lambda: signer.position if signer else None,
        "recipients": lambda: record.recipients,
        "theme": lambda: record.theme,
        "movements": lambda: record.movements,
        "references": lambda: [r.number for r in record.references],
    }[field]()


@pytest.mark.parametrize("example", list(_examples()))
def test_metadata_example(example):
    record = extract_text(example["text"])
    assert record.status == "ok", record.error
    for field, expected in example["expect"].items():
        expected = _fold(expected) if field == "title" else expected
        assert _actual(record, field) == expected, f"{field}: {example['note']}"


@pytest.mark.parametrize("example", list(_examples()))
def test_metadata_example_on_raw_text(example):
    """The same rules hold on the text as collected (hard line breaks, `|` debris), before
    the normalizer rejoins lines."""
    doc = Document(text=unicodedata.normalize("NFC", example["text"]))
    record = PlanDocument(source=Source(path="<raw>"))
    run_extractors(doc, record, only=("metadata", "references"))
    for field, expected in example["expect"].items():
        expected = _fold(expected) if field == "title" else expected
        assert _actual(record, field) == expected, f"{field}: {example['note']}"


def test_spans_point_at_their_evidence():
    with (CORPUS / "examples" / "metadata.jsonl").open(encoding="utf-8") as fh:
        examples = [json.loads(line) for line in fh if line.strip()]
    checked = 0
    for ex in examples:
        record = extract_text(ex["text"], include_text=True)
        if record.issue_date and record.issue_date.span:
            a, b = record.issue_date.span
            assert record.text[a:b] == record.issue_date.text
            checked += 1
        for ref in record.references:
            assert record.text[ref.span[0]:ref.span[1]] == ref.text
            assert ref.number.replace(" ", "") in ref.text.replace(" ", "").replace("\n", "")
    assert checked >= 10
