"""The peak-memory probe of a worker reads /proc again only after some CPU time of work."""
from pipeline.batch import task


def test_probe_reads_once_per_window_of_cpu_time(monkeypatch):
    reads = iter([1000, 2000, 3000])
    monkeypatch.setattr(task, "peak_rss_kb", lambda pid="self": next(reads))
    probe = task._PeakProbe(every=0.1)
    assert probe.read(5.0) == 1000
    assert probe.read(5.05) == 1000  # within the window: the last reading
    assert probe.read(5.11) == 2000  # 0.11 CPU-seconds on: read again
    assert probe.read(5.12) == 2000


def test_real_probe_reports_this_process_peak():
    assert task._PeakProbe().read(0.0) == task.peak_rss_kb() > 0
