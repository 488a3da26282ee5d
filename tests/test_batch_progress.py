"""Progress lines off a terminal and the end-of-run summary."""
import io
from collections import Counter

from pipeline.batch.progress import Progress, format_seconds
from pipeline.batch.summary import Summary


def test_plain_progress_lines_give_rate_errors_and_eta():
    stream = io.StringIO()
    progress = Progress(bar=False, stream=stream, log_every=0)
    progress.total = 10
    progress.skip()
    progress.update(failed=False)
    progress.update(failed=True)
    lines = stream.getvalue().splitlines()
    assert len(lines) == 2
    assert lines[-1].startswith("vnplan: 2 documents, 1 errors, ")
    assert "docs/s, 1 already done, 7 left, ETA " in lines[-1]


def test_no_line_before_the_interval():
    stream = io.StringIO()
    progress = Progress(bar=False, stream=stream, log_every=3600)
    progress.update(failed=False)
    assert stream.getvalue() == ""


def test_summary_counts_errors_by_code():
    summary = Summary(seconds=2.0, workers=2)
    summary.add("ok", None, 2048)
    summary.add("error", "timeout", 0)
    summary.add("error", "timeout", 0)
    summary.add("error", "empty_file", 0)
    assert summary.errors == 3 and summary.errors_by_code == Counter(timeout=2, empty_file=1)
    lines = summary.lines()
    assert lines[0].startswith("4 documents, 3 errors (1 ok) in 2.0 s, 2.0 docs/s, 1 KB/s, 2 worker(s)")
    assert lines[1] == "errors by code: timeout 2, empty_file 1"


def test_format_seconds():
    assert [format_seconds(s) for s in (5, 65, 3725)] == ["5s", "1m05s", "1h02m"]


def test_summary_gives_the_pace_after_start_up():
    summary = Summary(seconds=5.0, startup_seconds=1.0, workers=2)
    for _ in range(8):
        summary.add("ok", None, 1024)
    assert "after start-up (1.0 s): 2.0 docs/s, 2 KB/s" in summary.lines()
    assert not any(line.startswith("after start-up") for line in Summary(seconds=5.0).lines())
