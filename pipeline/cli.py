"""The `vnplan` command."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Iterator, List, Optional

import typer

from .api import extract_file
from .ingest import DEFAULT_MAX_BYTES, DOCUMENT_SUFFIXES
from .models import json_schema

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Vietnamese plan documents into structured JSONL.")


def iter_inputs(paths: List[Path]) -> Iterator[Path]:
    """Files as given; folders walked recursively (sorted) for document files."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in DOCUMENT_SUFFIXES:
                    yield child
        else:
            yield path


class _Output:
    def __init__(self, target: str):
        self.target = target
        if target == "-":
            self.fh = sys.stdout
        else:
            Path(target).parent.mkdir(parents=True, exist_ok=True)
            self.fh = open(target, "w", encoding="utf-8")

    def write(self, line: str) -> None:
        self.fh.write(line + "\n")
        self.fh.flush()

    def close(self) -> None:
        if self.fh is not sys.stdout:
            self.fh.close()


@app.command()
def extract(
    paths: List[Path] = typer.Argument(..., help="Files and folders (folders are walked recursively)."),
    output: str = typer.Option("-", "-o", "--output", help="Output JSONL file, or - for stdout."),
    include_text: bool = typer.Option(False, "--include-text", help="Add the normalized text and its blocks to each record."),
    keep_going: bool = typer.Option(
        True, "--keep-going/--fail-fast", help="Keep going after a failed document (default) or stop at the first."
    ),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", help="Files larger than this get a file_too_large error record."),
    progress: Optional[bool] = typer.Option(None, "--progress/--no-progress", help="Progress bar (default: on a terminal)."),
) -> None:
    """Extract one JSON record per document. Exits 1 if any record has status error."""
    inputs = list(iter_inputs(paths))
    show_progress = sys.stderr.isatty() if progress is None else progress
    out = _Output(output)
    failed = 0
    try:
        bar = None
        if show_progress:
            from tqdm import tqdm

            bar = tqdm(total=len(inputs), unit="doc", file=sys.stderr)
        for path in inputs:
            record = extract_file(path, include_text=include_text, max_bytes=max_bytes)
            out.write(record.model_dump_json(exclude_none=False))
            if record.status == "error":
                failed += 1
                typer.echo(f"error: {path}: {record.error.code}: {record.error.message}", err=True)
            if bar is not None:
                bar.update(1)
                bar.set_postfix(errors=failed)
            if failed and not keep_going:
                break
        if bar is not None:
            bar.close()
    finally:
        out.close()
    typer.echo(f"{len(inputs)} documents, {failed} errors", err=True)
    if failed:
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


def main() -> None:
    app()


if __name__ == "__main__":
    main()
