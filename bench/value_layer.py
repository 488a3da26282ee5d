"""Throughput of the value layer alone (`make bench` runs it; not a test: the machines are
shared and noisy). Patterns that start with IGNORECASE classes or long alternations
make the `regex` module ten times slower; this figure shows it."""
from __future__ import annotations

import time
from pathlib import Path

from pipeline.ingest import read_path
from pipeline.values import find_dates, find_periods, find_quantities

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def main() -> None:
    texts = [read_path(path)[0].text for path in sorted(CORPUS.glob("*/*.txt"))]
    big = "\n".join(texts) * 5
    megabytes = len(big.encode("utf-8")) / 1e6
    find_quantities(texts[0]), find_periods(texts[0], default_year=2023)  # compile the patterns first
    for name, finder in (("find_dates", find_dates), ("find_periods", lambda t: find_periods(t, default_year=2023)),
                         ("find_quantities", find_quantities)):
        start = time.process_time()
        finder(big)
        print(f"value layer {name}: {megabytes / (time.process_time() - start):.2f} MB/s (CPU) on {megabytes:.2f} MB")


if __name__ == "__main__":
    main()
