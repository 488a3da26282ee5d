"""The scorer on constructed gold and predictions (not on current extraction quality)."""
import json
import subprocess
import sys

import pytest

from conftest import CORPUS
from pipeline.document import Document
from pipeline.ingest.page_breaks import PAGE_NUMBER
from pipeline.evaluation import GoldDocument, evaluate, load_gold, load_predictions, score_documents
from pipeline.evaluation.scoring import aggregate, score_document
from pipeline.models import DateMention, Issuer, PlanDocument, Reference, Source, Target

RAW = (
    "ỦY BAN NHÂN DÂN\r\nTỈNH QUẢNG NGÃI\r\nSố: 04/KH-UBND\r\nQuảng Ngãi, ngày 11 tháng 01 năm 2024\r\n"
    "KẾ HOẠCH\r\nThực hiện Chương trình giảm nghèo năm 2024\r\n"
    "Căn cứ Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng.\r\n"
    "Số lao động được tạo việc làm mới là 25.000 người; tỷ lệ hộ nghèo giảm còn 2,2%.\r\n"
    "Phấn đấu 25.000 người tham gia bảo hiểm xã hội.\r\n"
)
GOLD = {
    "doc_id": "kh-test-04-2024", "doc_type": "KH", "number": "04/KH-UBND",
    "issuer": "Ủy ban nhân dân tỉnh Quảng Ngãi", "place": "Quảng Ngãi", "issue_date": "2024-01-11",
    "title": "Thực hiện Chương trình giảm nghèo năm 2024", "signer_name": None, "signer_position": None,
    "references": ["90/QĐ-TTg"], "dates": ["2024-01-11", "2022-01-18"],
    "targets": [
        {"kind": "target", "indicator": "số lao động được tạo việc làm mới", "value": 25000, "value_max": None,
         "unit": "người", "comparator": "=", "period": "2024", "quote": "Số lao động được tạo việc làm mới là 25.000 người"},
        {"kind": "target", "indicator": "tỷ lệ hộ nghèo", "value": 2.2, "value_max": None, "unit": "%",
         "comparator": "=", "period": "2024", "quote": "tỷ lệ hộ nghèo giảm còn 2,2%"},
    ],
}


@pytest.fixture
def gold_file(tmp_path):
    (tmp_path / "kh-test-04-2024.txt").write_bytes(RAW.encode("utf-8"))
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(GOLD, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def gdoc(gold_file):
    return load_gold(gold_file)[0]


def target(gdoc, words, value, unit, n=0, **extra):
    start = gdoc.text.find(words)
    assert start >= 0, words
    fields = dict(kind="target", comparator="=", period="2024", confidence=0.9, indicator=None)
    fields.update(extra)
    return Target(id=f"t{n}", value=value, unit=unit, text=words, span=(start, start + len(words)), **fields)


def perfect_record(gdoc):
    text = gdoc.text
    date_spans = [("2024-01-11", "ngày 11 tháng 01 năm 2024"), ("2022-01-18", "18/01/2022")]
    return PlanDocument(
        source=Source(path=str(gdoc.path)), doc_type="KH", number="04/KH-UBND",
        issuer=Issuer(name="ỦY BAN NHÂN DÂN tỉnh Quảng Ngãi"), place="Quảng Ngãi",
        issue_date={"value": "2024-01-11", "precision": "day", "text": "ngày 11 tháng 01 năm 2024"},
        title="THỰC HIỆN CHƯƠNG TRÌNH GIẢM NGHÈO NĂM 2024",
        dates=[DateMention(value=v, text=t, span=(text.find(t), text.find(t) + len(t))) for v, t in date_spans],
        references=[Reference(number="90/QĐ-TTg", text="90/QĐ-TTg", span=(text.find("90/QĐ"), text.find("90/QĐ") + 9))],
        targets=[
            target(gdoc, "lao động được tạo việc làm mới là 25.000 người", 25000, "Người", 0,
                   indicator="Số lao động được tạo việc làm mới"),
            target(gdoc, "hộ nghèo giảm còn 2,2%", 2.2, "%", 1, indicator="hộ nghèo"),
        ],
    )


def _words(text):
    return " ".join(text.replace("**", " ").replace("|", " ").split())


def _without_page_break(quote):
    """`chiếm⏎⏎- 2 -⏎Tỉnh ủy Hưng Yên - Chương trình …⏎19,7%`: a page number and its running header."""
    lines = quote.split("\n")
    for i, line in enumerate(lines):
        if PAGE_NUMBER.match(line) and line.strip() and i + 2 < len(lines):
            return "\n".join(lines[:i] + lines[i + 2:])
    return quote


def test_every_gold_quote_of_the_corpus_is_found_in_its_document():
    for path in sorted(CORPUS.glob("*/gold.jsonl")):
        for doc in load_gold(path):
            for gold in doc.gold["targets"]:
                spans = doc.locate(gold["quote"])
                assert spans, (doc.doc_id, gold["quote"])
                start, end = spans[0]
                # the normalizer drops markdown emphasis marks (`**không thấp hơn 94,5%**`), the edge bars
                # of a web-copied row broken over two lines (`| 2 | 3⏎| 3 |`) and a PDF text layer's page breaks
                assert _words(doc.text[start:end]) in (_words(gold["quote"]), _words(_without_page_break(gold["quote"])))


def test_perfect_prediction_scores_one(gdoc):
    assert gdoc.raw != gdoc.text  # CRLF in the raw file: gold offsets have to be mapped
    summary = aggregate([score_document(gdoc, perfect_record(gdoc))])
    assert summary["metadata_all"]["accuracy"] == 1.0
    for name in ("dates", "references", "targets"):
        assert summary[name]["f1"] == 1.0, name
    assert summary["overall"] == 1.0
    attrs = summary["target_attributes"]
    assert attrs["comparator"]["score"] == attrs["kind"]["score"] == attrs["period"]["score"] == 1.0
    assert attrs["indicator_exact"]["score"] == 0.5  # "hộ nghèo" vs "tỷ lệ hộ nghèo"
    assert attrs["indicator_token_f1"]["score"] == pytest.approx((1 + 2 * 1 * 0.5 / 1.5) / 2)


def test_one_wrong_value_is_a_miss_and_a_false_hit(gdoc):
    record = perfect_record(gdoc)
    record.targets[1].value = 2.3
    score = score_document(gdoc, record)
    assert score.counts["targets"] == {"tp": 1, "fp": 1, "fn": 1}
    items = [i for i in score.items if i["field"] == "targets"]
    assert [i["status"] for i in items] == ["miss", "false_hit"]
    assert items[0]["evidence"] == "tỷ lệ hộ nghèo giảm còn 2,2%"
    assert "[[tỷ lệ hộ nghèo giảm còn 2,2%]]" in items[0]["context"] and "25.000 người;" in items[0]["context"]
    assert items[1]["evidence"] == "hộ nghèo giảm còn 2,2%"


def test_unit_mismatch_does_not_match(gdoc):
    record = perfect_record(gdoc)
    record.targets[0].unit = "lao động"
    assert score_document(gdoc, record).counts["targets"] == {"tp": 1, "fp": 1, "fn": 1}
    record.targets[0].unit = None
    assert score_document(gdoc, record).counts["targets"]["tp"] == 1


def test_evidence_must_overlap_the_gold_quote(gdoc):
    record = perfect_record(gdoc)
    record.targets[0] = target(gdoc, "25.000 người tham gia", 25000, "người")  # same figure, other sentence
    assert score_document(gdoc, record).counts["targets"] == {"tp": 1, "fp": 1, "fn": 1}
    record.targets[0] = target(gdoc, "25.000 người", 25000, "người")  # first occurrence: inside the quote
    assert score_document(gdoc, record).counts["targets"] == {"tp": 2, "fp": 0, "fn": 0}


def test_pairing_is_one_to_one(gdoc):
    record = perfect_record(gdoc)
    record.targets.append(record.targets[0].model_copy(update={"id": "t9"}))
    assert score_document(gdoc, record).counts["targets"] == {"tp": 2, "fp": 1, "fn": 0}


def test_equal_figures_over_one_span_pair_by_their_indicators(gdoc):
    """Two cells of one table row holding the same figure, both quoted from the row label, both predicted over the
    whole row: each gold goes with the prediction that names the same thing."""
    quote = "Số lao động được tạo việc làm mới là 25.000 người"
    gdoc.gold["targets"] = [
        {"kind": "target", "indicator": "chỉ tiêu giao lao động", "value": 25000, "value_max": None, "unit": "người",
         "comparator": "=", "period": "2024", "quote": quote},
        {"kind": "result", "indicator": "đã tạo việc làm lao động", "value": 25000, "value_max": None, "unit": "người",
         "comparator": "=", "period": "2024", "quote": quote},
    ]
    record = perfect_record(gdoc)
    record.targets = [target(gdoc, quote, 25000, "người", 0, kind="result", indicator="đã tạo việc làm lao động"),
                      target(gdoc, quote, 25000, "người", 1, kind="target", indicator="chỉ tiêu giao lao động")]
    attrs = aggregate([score_document(gdoc, record)])["target_attributes"]
    assert attrs["kind"] == {"n": 2, "score": 1.0}
    assert attrs["indicator_token_f1"]["score"] == 1.0


def test_attributes_are_scored_on_matched_pairs_only(gdoc):
    record = perfect_record(gdoc)
    record.targets[0].comparator = ">="
    record.targets[1].period = "2025"
    record.targets.append(target(gdoc, "25.000 người tham gia", 25000, "người", 5, kind="result"))
    attrs = aggregate([score_document(gdoc, record)])["target_attributes"]
    assert attrs["comparator"] == {"n": 2, "score": 0.5}
    assert attrs["period"] == {"n": 2, "score": 0.5}
    assert attrs["kind"] == {"n": 2, "score": 1.0}


def test_metadata_and_sets(gdoc):
    record = perfect_record(gdoc)
    record.place, record.title = None, "Kế hoạch khác"
    record.dates = record.dates[:1] + [record.dates[1].model_copy(update={"value": "2022-01-19"})]
    score = score_document(gdoc, record)
    assert score.metadata["place"] is False and score.metadata["title"] is False and score.metadata["number"] is True
    assert score.counts["dates"] == {"tp": 1, "fp": 1, "fn": 1}
    wrong = {i["field"]: i for i in score.items if i["status"] == "wrong"}
    assert wrong["title"]["gold"] == GOLD["title"] and wrong["title"]["value"] == "Kế hoạch khác"


def test_news_posts_score_only_doc_type_and_number_with_references(gdoc):
    gdoc.gold = dict(GOLD, doc_type="news")
    record = perfect_record(gdoc)
    record.doc_type, record.title, record.issuer, record.place = "news", "Tin bài", None, None
    record.references = []
    score = score_document(gdoc, record)
    assert list(score.metadata) == ["doc_type"] and score.metadata["doc_type"]
    assert score.counts["references"] == {"tp": 1, "fp": 0, "fn": 1}  # number found, 90/QĐ-TTg missed
    assert score.group == "news"


def test_spans_map_through_normalization_that_rejoins_lines(gdoc):
    joined = gdoc.raw.replace("\r\n", " ")
    offsets = []
    i = 0
    for ch in joined:
        offsets.append(i)
        i += 2 if gdoc.raw[i] == "\r" else 1
    offsets.append(len(gdoc.raw))
    moved = GoldDocument(gdoc.doc_id, GOLD, gdoc.path, gdoc.raw, Document(text=joined, source_offsets=offsets))
    spans = moved.locate("2,2%")
    assert [joined[s:e] for s, e in spans] == ["2,2%"]
    assert score_document(moved, perfect_record(moved)).counts["targets"]["tp"] == 2


def test_missing_record_counts_everything_missed(gdoc):
    score = score_documents([gdoc], {})[0]
    assert score.counts["targets"] == {"tp": 0, "fp": 0, "fn": 2}
    assert score.items[0]["status"] == "error"


def test_cli_reads_predictions_and_prints_json_and_text(tmp_path, gold_file, gdoc):
    pred = tmp_path / "pred.jsonl"
    pred.write_text(perfect_record(gdoc).model_dump_json() + "\n", encoding="utf-8")
    assert list(load_predictions(pred)) == ["kh-test-04-2024"]
    cmd = [sys.executable, "-m", "pipeline.cli", "eval", "--gold", str(gold_file), "--pred", str(pred)]
    result = subprocess.run([*cmd, "--json"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["summary"]["overall"] == 1.0 and data["by_type"]["official"]["targets"]["f1"] == 1.0
    assert "greedy one-to-one" in data["rules"]["targets"]
    text = subprocess.run(cmd, capture_output=True, text=True)
    assert text.returncode == 0
    assert text.stdout.strip().splitlines()[-1].startswith("SCORE overall 1.000")
    assert "Matching rules" in text.stdout and "doc_type=KH" in text.stdout
    assert any(line.split()[:2] == ["kh-test-04-2024", "KH"] and "2/0/0" in line for line in text.stdout.splitlines())
    assert text.stdout.index("  official ") < text.stdout.index("  doc_type=KH ")
    missing = subprocess.run([*cmd[:-2], "--pred", str(tmp_path / "nope.jsonl")], capture_output=True, text=True)
    assert missing.returncode == 2 and "not found" in missing.stderr


def test_corpus_evaluation_runs_over_every_gold_document():
    result = evaluate([CORPUS / "seeds" / "gold.jsonl", CORPUS / "dev" / "gold.jsonl"])
    assert len(result.documents) == 32
    gold_targets = sum(len(d.gold["targets"]) for name in ("seeds", "dev") for d in load_gold(CORPUS / name / "gold.jsonl"))
    summary = result.summary
    assert summary["targets"]["tp"] + summary["targets"]["fn"] == gold_targets
    assert {"official", "news", "doc_type=KH"} <= set(result.by_group())
