"""Every full date in the gold `dates` lists is found in the document text, and
few others: recall and precision of unique date values over all gold documents."""
from conftest import CORPUS, all_gold

from pipeline.ingest import read_path
from pipeline.values import find_dates, find_quantities


def _documents():
    for set_name, gold in all_gold():
        doc = read_path(CORPUS / set_name / f"{gold['doc_id']}.txt")[0]
        yield gold, doc.text


def test_gold_dates_recall_and_precision():
    tp = fp = fn = 0
    misses = []
    for gold, text in _documents():
        found = {d.value for d in find_dates(text) if d.precision == "day"}
        expected = set(gold["dates"])
        tp += len(found & expected)
        fp += len(found - expected)
        fn += len(expected - found)
        if found != expected:
            misses.append((gold["doc_id"], sorted(expected - found), sorted(found - expected)))
    recall, precision = tp / (tp + fn), tp / (tp + fp)
    print(f"gold dates: recall {recall:.3f} precision {precision:.3f} (tp {tp}, fp {fp}, fn {fn})")
    for miss in misses:
        print("  ", *miss)
    assert recall >= 0.97 and precision >= 0.95, misses


def test_no_figure_inside_a_gold_date():
    """A digit of a gold date is never read as a quantity."""
    for gold, text in _documents():
        dates = [d for d in find_dates(text) if d.value in set(gold["dates"])]
        for q in find_quantities(text):
            for d in dates:
                assert q.span[1] <= d.span[0] or q.span[0] >= d.span[1], (gold["doc_id"], q, d)


def test_no_figure_inside_a_gold_document_number():
    """Digits of a cited document number (gold `references`, `number`) are never a quantity."""
    checked = 0
    for gold, text in _documents():
        numbers = [n for n in gold["references"] + [gold.get("number")] if n]
        quantities = find_quantities(text)
        for number in numbers:
            start = text.find(number)
            while start >= 0:
                end = start + len(number)
                checked += 1
                for q in quantities:
                    assert q.span[1] <= start or q.span[0] >= end, (gold["doc_id"], number, q)
                start = text.find(number, end)
    assert checked > 50
