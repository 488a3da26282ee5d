"""Batch runs over archives: streamed inputs, worker processes with per-document
timeouts, resumable JSONL output, progress and a summary (see README "Archive scale")."""
from .inputs import count_inputs, iter_inputs
from .runner import BatchOptions, run_batch
from .summary import Summary
from .task import TaskOptions

__all__ = ["BatchOptions", "Summary", "TaskOptions", "count_inputs", "iter_inputs", "run_batch"]
