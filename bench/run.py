"""Benchmark of batch extraction (run with `make bench`; not part of the tests).

Builds a reproducible archive by varying corpus documents, runs `vnplan extract`
on it with 1 worker (in process) and with N workers, and prints documents/s and
KB/s per core, peak memory per worker, the speedup, the throughput of
underthesea.word_tokenize on the same text as a reference, and PDF pages/s.
`--profile` adds the hottest functions of an in-process run (cProfile).
"""
from __future__ import annotations

import argparse
import cProfile
import io
import multiprocessing
import os
import pstats
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from . import archive, pdfs

GOALS = {"mb_per_core": 1.0, "x_underthesea": 5.0, "rss_mb": 400.0, "speedup": 1.7}


@dataclass
class Run:
    workers: int
    documents: int
    errors: str
    seconds: float
    kb: float
    rss_mb: float
    cpu_seconds: float
    startup_cpu_seconds: float = 0.0
    steady_docs_per_s: float = 0.0
    """after the start-up (rules, patterns, workers), which a long run pays once"""

    @property
    def docs_per_s(self) -> float:
        return self.documents / self.seconds

    @property
    def kb_per_s(self) -> float:
        return self.kb / self.seconds

    @property
    def kb_per_cpu_s(self) -> float:
        return self.kb / self.cpu_seconds if self.cpu_seconds else 0.0

    @property
    def kb_per_cpu_s_with_startup(self) -> float:
        spent = self.cpu_seconds + self.startup_cpu_seconds
        return self.kb / spent if spent else 0.0


def extract(inputs: Path, out: Path, workers: int, timeout: float = 600) -> Run:
    command = [sys.executable, "-m", "pipeline.cli", "extract", str(inputs), "-o", str(out), "--overwrite",
               "--no-progress", "--workers", str(workers), "--timeout", str(timeout)]
    result = subprocess.run(command, capture_output=True, text=True)
    head = re.search(r"^(\d+) documents, (\d+) errors \(\d+ ok\) in ([\d.]+) s", result.stderr, re.M)
    rss = re.search(r"peak memory per worker (\d+) MB", result.stderr)
    cpu = re.search(r"^CPU ([\d.]+) s", result.stderr, re.M)
    startup = re.search(r"^start-up CPU ([\d.]+) s", result.stderr, re.M)
    steady = re.search(r"^after start-up \([\d.]+ s\): ([\d.]+) docs/s", result.stderr, re.M)
    if head is None:
        raise SystemExit(f"vnplan extract failed:\n{result.stderr}")
    codes = re.search(r"^errors by code: (.*)$", result.stderr, re.M)
    kb = sum(p.stat().st_size for p in inputs.rglob("*") if p.is_file()) / 1024
    return Run(workers, int(head[1]), codes[1] if codes else "none", max(float(head[3]), 1e-3), kb,
               float(rss[1]) if rss else 0.0, float(cpu[1]) if cpu else 0.0, float(startup[1]) if startup else 0.0,
               float(steady[1]) if steady else 0.0)


def underthesea_kb_per_s(folder: Path, budget_s: float) -> tuple[float, float]:
    """word_tokenize over the archive's documents in order until `budget_s` has passed: (KB per CPU-second, KB done)."""
    from underthesea import word_tokenize

    word_tokenize("Kế hoạch thực hiện năm 2023")  # load the model outside the timing
    done = 0
    texts = (path.read_text(encoding="utf-8") for path in sorted(folder.rglob("*.txt")))
    started = time.process_time()
    for text in texts:
        word_tokenize(text)
        done += len(text.encode("utf-8"))
        if time.process_time() - started > budget_s:
            break
    return done / 1024 / (time.process_time() - started), done / 1024


SIZE_BANDS_KB = (3, 10)


def pace_by_size(folder: Path, documents: int) -> list[tuple[str, int, float]]:
    """In process, over the first `documents` of the archive: (size band, documents, MB per CPU-second).
    The cost of a document is a fixed part (its head, its metadata) plus a part per figure, so short
    documents run slower per KB than long ones."""
    from pipeline import extract_file

    paths = sorted(folder.rglob("*.txt"))[:documents]
    for path in paths[:20]:
        extract_file(path)
    bands: dict[int, list[float]] = {}
    for path in paths:
        started = time.process_time()
        extract_file(path)
        spent = time.process_time() - started
        size = path.stat().st_size
        band = sum(size >= limit * 1024 for limit in SIZE_BANDS_KB)
        kb_s = bands.setdefault(band, [0.0, 0.0, 0])
        kb_s[0] += size / 1024
        kb_s[1] += spent
        kb_s[2] += 1
    names = [f"under {SIZE_BANDS_KB[0]} KB"] + [f"{a}-{b} KB" for a, b in zip(SIZE_BANDS_KB, SIZE_BANDS_KB[1:])] + [
        f"{SIZE_BANDS_KB[-1]} KB and more"]
    return [(names[band], int(n), kb / 1024 / spent) for band, (kb, spent, n) in sorted(bands.items()) if spent]


def profile(folder: Path, documents: int, top: int) -> str:
    from pipeline import extract_file

    paths = sorted(folder.rglob("*.txt"))[:documents]
    for path in paths[:20]:  # imports, rule loading and lazily compiled patterns outside the profile
        extract_file(path)
    profiler = cProfile.Profile()
    profiler.enable()
    for path in paths:
        extract_file(path)
    profiler.disable()
    stream = io.StringIO()
    stats = pstats.Stats(profiler, stream=stream).strip_dirs().sort_stats("tottime")
    stats.print_stats(top)
    return stream.getvalue()


def load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def verdict(ok: bool) -> str:
    return "meets goal" if ok else "BELOW GOAL"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=5000, help="documents in the txt archive (default 5000)")
    parser.add_argument("--seed", type=int, default=20261121)
    parser.add_argument("--workers", type=int, default=2, help="workers of the parallel run (default 2)")
    parser.add_argument("--pdfs", type=int, default=20, help="PDFs of --pdf-pages pages each (0: skip)")
    parser.add_argument("--pdf-pages", type=int, default=10)
    parser.add_argument("--underthesea-seconds", type=float, default=30.0)
    parser.add_argument("--by-size", type=int, default=1000, metavar="N",
                        help="pace by document size over N documents in process (0: skip)")
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="also profile N documents in process")
    parser.add_argument("--keep", type=Path, help="build the archive here and keep it")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="vnplan-bench-") as tmp:
        root = args.keep or Path(tmp)
        txt = root / "txt"
        t0 = time.perf_counter()
        archive.build(txt, args.docs, seed=args.seed)
        size_mb = sum(p.stat().st_size for p in txt.rglob("*.txt")) / 2**20
        print(f"archive: {args.docs} txt documents, {size_mb:.1f} MB (seed {args.seed}), built in {time.perf_counter() - t0:.1f} s")

        load_before = load()
        one = extract(txt, root / "one.jsonl", 1)
        many = extract(txt, root / "many.jsonl", args.workers)
        lines_one = (root / "one.jsonl").read_bytes().splitlines()
        lines_many = (root / "many.jsonl").read_bytes().splitlines()
        differ = sum(a != b for a, b in zip(lines_one, lines_many)) + abs(len(lines_one) - len(lines_many))
        ut_kb_s, ut_kb = underthesea_kb_per_s(txt, args.underthesea_seconds)

        speedup = many.docs_per_s / one.docs_per_s
        steady_speedup = many.steady_docs_per_s / one.steady_docs_per_s if one.steady_docs_per_s else 0.0
        cpu_speedup = args.workers * many.kb_per_cpu_s / one.kb_per_cpu_s if one.cpu_seconds and many.cpu_seconds else 0
        print()
        print(f"txt, end to end (read, normalize, extract, write JSONL); load average before: {load_before}, after: {load()}")
        for run in (one, many):
            print(f"  {run.workers} worker(s): {run.documents} docs in {run.seconds:.1f} s wall = {run.docs_per_s:.1f} docs/s, "
                  f"{run.kb_per_s:.0f} KB/s; CPU {run.cpu_seconds:.1f} s = {run.kb_per_cpu_s:.0f} KB/s and "
                  f"{run.documents / max(run.cpu_seconds, 1e-9):.1f} docs/s per busy core; peak memory per worker "
                  f"{run.rss_mb:.0f} MB; errors: {run.errors}")
        if one.startup_cpu_seconds:
            print(f"  start-up of the 1-worker run (rules, patterns; once per run, like underthesea's model load, not in "
                  f"the figures above): {one.startup_cpu_seconds:.2f} s CPU; counted in, "
                  f"{one.kb_per_cpu_s_with_startup / 1024:.2f} MB per CPU-second")
        print(f"  records that differ between the 1- and {args.workers}-worker outputs: {differ} "
              "(0 expected; others mean the code changed between the runs or an extractor is not deterministic)")
        print(f"  underthesea.word_tokenize alone: {ut_kb_s:.0f} KB per CPU-second ({ut_kb:.0f} KB of the same documents)")
        per_core = one.kb_per_cpu_s or one.kb_per_s
        rss = max(one.rss_mb, many.rss_mb)
        print()
        print("goals (per core = per CPU-second of extraction after start-up, so other load on the machine does not count):")
        print(f"  text per core                 {per_core / 1024:.2f} MB/s   >= {GOALS['mb_per_core']} MB/s   "
              f"{verdict(per_core / 1024 >= GOALS['mb_per_core'])}")
        print(f"  vs underthesea word_tokenize  {per_core / ut_kb_s:.1f}x        >= {GOALS['x_underthesea']}x        "
              f"{verdict(per_core / ut_kb_s >= GOALS['x_underthesea'])}")
        print(f"  peak memory per worker        {rss:.0f} MB       < {GOALS['rss_mb']:.0f} MB      {verdict(rss < GOALS['rss_mb'])}")
        print(f"  speedup 1 -> {args.workers} workers, wall    {steady_speedup:.2f}x       >= {GOALS['speedup']}x        "
              f"{verdict(steady_speedup >= GOALS['speedup'])} (after start-up, as the figures per core; "
              f"needs {args.workers} idle cores)")
        print(f"  speedup 1 -> {args.workers} workers, wall    {speedup:.2f}x       (start-up counted in: {args.docs} "
              "documents is a short run)")
        print(f"  speedup 1 -> {args.workers} workers, CPU     {cpu_speedup:.2f}x       (wall speedup on idle cores, "
              f"from the CPU cost per document)")

        if args.by_size:
            print()
            print(f"txt in process by document size ({args.by_size} documents of the archive; MB per CPU-second):")
            with multiprocessing.get_context("spawn").Pool(1) as pool:
                for band, count, mb_s in pool.apply(pace_by_size, (txt, args.by_size)):
                    print(f"  {band:16s} {count:5d} documents  {mb_s:.2f} MB/s")

        if args.pdfs:
            print()
            t0 = time.perf_counter()
            pages = pdfs.build(root / "pdf", args.pdfs, args.pdf_pages, seed=args.seed)
            print(f"pdf: {args.pdfs} PDFs, {pages} pages (fpdf2, DejaVu Sans), built in {time.perf_counter() - t0:.1f} s")
            for workers in (1, args.workers):
                run = extract(root / "pdf", root / f"pdf{workers}.jsonl", workers)
                per_cpu = f", {pages / run.cpu_seconds:.1f} pages per CPU-second" if run.cpu_seconds else ""
                print(f"  {workers} worker(s): {pages / run.seconds:.1f} pages/s wall{per_cpu}; "
                      f"peak memory per worker {run.rss_mb:.0f} MB; errors: {run.errors}")

        if args.profile:
            print()
            print(f"profile of {args.profile} txt documents in process (cProfile, by own time):")
            # in a fresh process, like a worker: after underthesea, its patterns crowd the pipeline's
            # out of `regex`'s cache and the profile shows recompiling that workers never do
            with multiprocessing.get_context("spawn").Pool(1) as pool:
                print(pool.apply(profile, (txt, args.profile, 25)))


if __name__ == "__main__":
    main()
