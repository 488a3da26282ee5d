"""The `vnplan` command."""
from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from .ingest import DEFAULT_MAX_BYTES
from .models import json_schema

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Vietnamese plan documents into structured JSONL.")


class Engine(str, Enum):
    local = "local"
    dask = "dask"


@app.command()
def extract(
    paths: List[Path] = typer.Argument(..., help="Files and folders (folders are walked recursively)."),
    output: str = typer.Option("-", "-o", "--output", help="Output JSONL file, or - for stdout (with --engine dask: a folder)."),
    include_text: bool = typer.Option(False, "--include-text", help="Add the normalized text and its blocks to each record."),
    keep_going: bool = typer.Option(
        True, "--keep-going/--fail-fast", help="Keep going after a failed document (default) or stop at the first."
    ),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", help="Files larger than this get a file_too_large error record."),
    progress: Optional[bool] = typer.Option(
        None, "--progress/--no-progress", help="Progress bar (default: a bar on a terminal, a log line every 10 s otherwise)."
    ),
    workers: Optional[int] = typer.Option(
        None, "--workers", "-j", min=1, help="Worker processes (default: all cores; 1: extract in this process)."
    ),
    unordered: bool = typer.Option(
        False, "--unordered", help="Write records as they finish instead of in input order (faster on uneven documents)."
    ),
    overwrite: bool = typer.Option(
        False,
        "--overwrite",
        help="Start the output file afresh. Default: resume it, skipping documents it already holds "
        "(same path and sha256) and redoing edited ones.",
    ),
    timeout: float = typer.Option(
        300.0, "--timeout", min=0, help="Seconds per document before it gets a `timeout` error record (0: no limit)."
    ),
    engine: Engine = typer.Option(
        Engine.local, "--engine", help="local: this machine; dask: a Dask cluster (needs the dask extra of vnplan)."
    ),
    scheduler: Optional[str] = typer.Option(
        None, "--scheduler", help="Dask scheduler address, e.g. tcp://host:8786 (default: a local Dask cluster)."
    ),
) -> None:
    """Extract one JSON record per document. Exits 1 if any record written by this run has status error."""
    from .batch import BatchOptions, TaskOptions, run_batch
    from .batch.progress import Progress

    task = TaskOptions(include_text=include_text, max_bytes=max_bytes, timeout=timeout or None)
    if engine is Engine.dask:
        from .dask_engine import extract_to_folder

        if output == "-":
            raise typer.BadParameter("--engine dask writes partitioned JSONL: give a folder with -o", param_hint="-o")

        summary = extract_to_folder(paths, output, task, scheduler=scheduler, workers=workers, overwrite=overwrite)
    else:
        options = BatchOptions(task=task, ordered=not unordered, keep_going=keep_going, overwrite=overwrite)
        if workers is not None:
            options.workers = workers
        show = Progress(bar=sys.stderr.isatty() if progress is None else True) if progress is not False else None

        def report(outcome) -> None:
            line = f"error: {outcome.path}: {outcome.code}: {outcome.message}"
            show.message(line) if show is not None else typer.echo(line, err=True)

        summary = run_batch(paths, output, options, progress=show, on_error=report)
    for line in summary.lines():
        typer.echo(line, err=True)
    if summary.errors:
        raise typer.Exit(1)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the output records."""
    typer.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))


@app.command("eval")
def eval_command(
    gold: List[Path] = typer.Option(..., "--gold", help="gold.jsonl file(s); documents are <doc_id>.txt beside each."),
    pred: Optional[Path] = typer.Option(None, "--pred", help="Predictions JSONL (default: extract the gold documents now)."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    details: bool = typer.Option(True, "--details/--no-details", help="List every miss, false hit and wrong field."),
) -> None:
    """Score predictions against gold: per field, per document type, with every miss and false hit."""
    from .evaluation import GoldError, evaluate
    from .evaluation.report import render_json, render_text

    try:
        result = evaluate(gold, pred)
    except GoldError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)
    typer.echo(render_json(result) if as_json else render_text(result, details=details))


@app.command("export")
def export_command(
    records: Path = typer.Argument(..., help="Records JSONL written by `vnplan extract`."),
    fmt: str = typer.Option("csv", "--format", "-f", help="csv (UTF-8 with BOM, for Excel) or parquet."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Output file (default: beside the input)."),
    keep_empty: bool = typer.Option(False, "--keep-empty", help="One row with empty target columns for documents without targets."),
) -> None:
    """One row per target, with the document's metadata columns."""
    from .export import export

    if not records.is_file():
        typer.echo(f"error: {records} not found", err=True)
        raise typer.Exit(2)
    try:
        out, count = export(records, fmt, output, keep_empty=keep_empty)
    except (ValueError, RuntimeError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)
    typer.echo(f"{count} rows -> {out}", err=True)


@app.command("review")
def review_command(
    paths: List[Path] = typer.Argument(..., help="Documents (extracted now) or records JSONL files."),
    output: Path = typer.Option(Path("review.html"), "-o", "--output", help="The HTML page to write."),
    gold: List[Path] = typer.Option([], "--gold", help="gold.jsonl file(s): mark misses and false hits."),
    title: str = typer.Option("vnplan review", "--title", help="Page title."),
) -> None:
    """Write one self-contained HTML page: every extracted span highlighted, targets table, metadata."""
    from .batch import iter_inputs
    from .evaluation import GoldError
    from .review import load_inputs, review_records

    missing = [p for p in [*paths, *gold] if not p.exists()]
    if missing:
        typer.echo(f"error: {', '.join(map(str, missing))} not found", err=True)
        raise typer.Exit(2)
    try:
        html = review_records(load_inputs(list(iter_inputs(paths))), gold, title)
    except GoldError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(html, encoding="utf-8")
    typer.echo(f"review page -> {output}", err=True)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
