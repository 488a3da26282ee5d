"""The value layer keeps its speed: a regression guard (CPU time, generous bound),
not a benchmark. Patterns that start with IGNORECASE classes or long alternations
make it ten times slower; this catches that."""
import time

from conftest import CORPUS

from pipeline.ingest import read_path
from pipeline.values import find_dates, find_periods, find_quantities


def test_value_layer_throughput():
    texts = [read_path(path)[0].text for path in sorted(CORPUS.glob("*/*.txt"))]
    big = "\n".join(texts) * 5 + " speed-test"
    megabytes = len(big.encode("utf-8")) / 1e6
    find_quantities(texts[0]), find_periods(texts[0], default_year=2023)  # compile the patterns first
    start = time.process_time()
    find_dates(big)
    find_periods(big, default_year=2023)
    find_quantities(big)
    rate = megabytes / (time.process_time() - start)
    print(f"value layer: {rate:.2f} MB/s (CPU) on {megabytes:.2f} MB")
    assert rate >= 1.0
