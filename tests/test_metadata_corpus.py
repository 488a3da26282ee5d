"""Metadata accuracy on the gold corpus (seeds + dev, and heldout on its own), per field,
with the table printed. The blind set is never used here (corpus/README.md).

Thresholds are what the extractor reaches now, kept a little under it so the test fails
on a real regression; the issue's target is 95% per field and references F1 >= 0.95.
News posts score doc_type (and their number joins the references set), as in GOLD_FORMAT."""
from __future__ import annotations

import pytest

from conftest import CORPUS, GOLD_SETS
from pipeline.evaluation import load_gold, score_documents
from pipeline.evaluation.scoring import aggregate
from pipeline.extractors import run_extractors
from pipeline.extractors import chain  # noqa: F401  (importing it registers the steps)
from pipeline.ingest import read_path
from pipeline.models import PlanDocument, Source

THRESHOLDS = {
    "doc_type": 0.95,
    "number": 0.95,
    "issuer": 0.95,
    "place": 0.95,
    "issue_date": 0.95,
    "title": 0.92,  # 13/14: one title has a typo in the source ("MATÚY") the gold corrects
    "signer_name": 0.95,
    "signer_position": 0.95,
}
REFERENCES_F1 = 0.95
OWN_STEPS = ("metadata", "references")


def _record(path) -> PlanDocument:
    """Only the steps this test measures, so another step's failure does not hide ours."""
    doc = read_path(path)[0]
    record = PlanDocument(source=Source(path=str(path)))
    run_extractors(doc, record, only=OWN_STEPS)
    return record


def _scores(names):
    golds = [g for name in names for g in load_gold(CORPUS / name / "gold.jsonl")]
    return score_documents(golds, {g.doc_id: _record(g.path) for g in golds})


@pytest.fixture(scope="module")
def scores():
    return _scores(GOLD_SETS)


def _table(scores) -> str:
    rows = []
    for group in ("all", "official", "news"):
        chosen = [s for s in scores if group == "all" or s.group == group]
        summary = aggregate(chosen)
        cells = [f"{v['correct']}/{v['n']}" if v["n"] else "-" for v in summary["metadata"].values()]
        ref = summary["references"]
        rows.append(f"{group:9} " + " ".join(f"{c:>7}" for c in cells)
                    + f"  refs P={ref['precision']:.3f} R={ref['recall']:.3f} F1={ref['f1']:.3f}")
    header = "          " + " ".join(f"{name[:7]:>7}" for name in THRESHOLDS)
    return "\n".join([header, *rows])


def test_metadata_accuracy_per_field(scores):
    summary = aggregate(scores)
    print("\n" + _table(scores))
    for name, minimum in THRESHOLDS.items():
        assert summary["metadata"][name]["accuracy"] >= minimum, (name, summary["metadata"][name])


def test_references_f1(scores):
    assert aggregate(scores)["references"]["f1"] >= REFERENCES_F1


def test_news_and_official_are_told_apart(scores):
    assert all(s.metadata["doc_type"] for s in scores if s.group == "news")


HELDOUT = "heldout"


@pytest.mark.skipif(not (CORPUS / HELDOUT / "gold.jsonl").exists(), reason="no heldout set")
def test_heldout_metadata_per_field():
    """Written documents in the genre (no longer unseen, see corpus/README.md): 8 official, 2 news."""
    heldout = _scores([HELDOUT])
    print("\n" + _table(heldout))
    summary = aggregate(heldout)
    for name in THRESHOLDS:
        assert summary["metadata"][name]["accuracy"] >= 0.95, (name, summary["metadata"][name])
    assert summary["references"]["f1"] >= REFERENCES_F1
